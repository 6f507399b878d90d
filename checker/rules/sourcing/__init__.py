"""Sourcing rules: claims and quotes an editor must see attributed before publishing."""
