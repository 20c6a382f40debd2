"""Encrypted storage: key slots, SQLCipher databases, migrations and the audit log."""

from fieldwork_app.vault.keys import FAST_KDF, KdfParams
from fieldwork_app.vault.vault import ROLES, Vault, now_iso

__all__ = ["FAST_KDF", "ROLES", "KdfParams", "Vault", "now_iso"]
