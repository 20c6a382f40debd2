"""Pytest plugin (placeholder until filled in)."""
