"""English rule data."""
