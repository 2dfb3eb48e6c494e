"""Extraction of a record from an article by a language model, grounded in regex mentions."""
