"""Helpers every test may import: fakes (an OpenAI-compatible server, stores on
SQLite and PostgreSQL), builders of domain objects, cassette replay, and the shared
articles and records of the cross-check, briefing and review tests."""
