"""Consent: written and verbal consent taken from the study pack's form (page and presenter)."""
