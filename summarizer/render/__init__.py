"""Renderers for single records."""
