"""Test doubles owned by the store/batch tests: a fake OpenAI-compatible server and builders."""
