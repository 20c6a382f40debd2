"""Participants: the list, screening and identity details (page and presenter)."""
