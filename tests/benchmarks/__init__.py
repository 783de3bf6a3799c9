"""Benchmarks on a big file (``python -m tests.benchmarks``); not part of the test suite.

Modules are named ``bench_*.py`` so that pytest never collects them: speed is measured
here, as medians and ratios to baselines taken in the same run, never asserted in tests.
"""
