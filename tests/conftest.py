"""Fixtures every test module may use without importing them."""

from __future__ import annotations

from support.stores import pg_url, store_url

__all__ = ["pg_url", "store_url"]
