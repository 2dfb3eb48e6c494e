"""Briefing-grade structured news summariser with a deterministic numeric cross-check."""

__version__ = "0.1.0"
