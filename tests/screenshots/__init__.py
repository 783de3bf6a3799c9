"""Pictures for the README, made offscreen from the demo data (not part of pytest)."""
