"""Extractors: typed mentions (quantities, attributions, people, dates) with exact spans."""
