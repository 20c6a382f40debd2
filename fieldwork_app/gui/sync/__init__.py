"""Sync: the study store, the outbox, study keys and pack imports (page, presenter and dialogs)."""
