"""German rule data."""
