"""Batch pipeline: many articles through extraction into the store, resumably."""
