"""Dialogs that belong to no single panel."""
