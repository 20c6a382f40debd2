"""Preparing a session: plan, documents, readiness checks and the mic check (page and presenter)."""
