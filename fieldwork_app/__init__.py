"""Fieldwork: an offline, encrypted companion for qualitative research interviews."""

__version__ = "0.1.0"
