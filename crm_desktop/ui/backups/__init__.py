"""File ▸ Back up…, File ▸ Restore from backup…, the daily backup at start, and its settings."""
