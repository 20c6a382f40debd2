"""Reusable widgets built in code."""
