"""Encrypted, crash-safe audio recording (no Qt)."""

from __future__ import annotations
