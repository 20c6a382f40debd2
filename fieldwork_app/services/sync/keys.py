"""The laptop's device key: made on first use, kept in the encrypted vault; it signs every bundle."""

from __future__ import annotations

from fieldwork_app.services.workspace import Workspace
from fieldwork_app.sync.keys import DeviceKey

DEVICE_KEY_SECRET = "device_signing_key"


def device_key(ws: Workspace) -> DeviceKey:
    """This laptop vault's signing key, made on first use and kept in the encrypted vault."""
    raw = ws.vault.get_secret(DEVICE_KEY_SECRET)
    if raw is None:
        key = DeviceKey.generate()
        ws.vault.set_secret(DEVICE_KEY_SECRET, key.private_bytes())
        ws.vault.audit("device.key_created", "device", key.fingerprint())
        return key
    return DeviceKey.from_private_bytes(raw)


def device_fingerprint(ws: Workspace) -> str:
    return device_key(ws).fingerprint()
