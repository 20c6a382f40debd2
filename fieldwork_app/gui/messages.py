"""One translated, calm sentence per error kind (the core's own messages are for the log and the CLI)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from fieldwork_app.errors import ErrorKind, FieldworkError


def _t(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


def message_for(kind: ErrorKind) -> str:
    messages = {
        ErrorKind.WRONG_PASSPHRASE: _t("That passphrase did not unlock the vault. Check it and try again."),
        ErrorKind.NO_VAULT: _t("There is no vault in this data folder yet."),
        ErrorKind.VAULT_EXISTS: _t("A vault already exists in this data folder."),
        ErrorKind.VAULT_CORRUPT: _t(
            "The vault could not be opened: its files look damaged. Nothing was changed. Restore it from a "
            "backup (fieldwork vault restore FILE), or ask your data manager."
        ),
        ErrorKind.VAULT_LOCKED: _t("The vault is locked. Unlock it to continue."),
        ErrorKind.UNKNOWN_USER: _t("That user is not set up on this laptop."),
        ErrorKind.USER_EXISTS: _t("That user already exists."),
        ErrorKind.INVALID_PACK: _t("The study pack has problems and was not imported."),
        ErrorKind.NO_PACK: _t("No study pack has been imported yet."),
        ErrorKind.NOT_FOUND: _t("That item could not be found."),
        ErrorKind.INVALID_INPUT: _t("Some details are missing or not valid."),
        ErrorKind.CONSENT_REFUSED: _t("Consent was not recorded: every required statement must be agreed."),
        ErrorKind.CONSENT_MISSING: _t("Recording needs every participant's consent to be recorded first."),
        ErrorKind.WITHDRAWN: _t("This participant has withdrawn; nothing new can be recorded for them."),
        ErrorKind.AUDIT_BROKEN: _t("The audit log failed its integrity check. Tell the data manager."),
        ErrorKind.NO_DEVICE: _t("No microphone was found. Plug one in and try again."),
        ErrorKind.DEVICE_LOST: _t("The microphone was disconnected."),
        ErrorKind.DISK_FULL: _t("The disk is full: free some space before recording."),
        ErrorKind.RECORDING_DAMAGED: _t("A recording was interrupted and needs recovery first."),
        ErrorKind.RECORDING_BUSY: _t("A recording is already running."),
        ErrorKind.STORE_UNREACHABLE: _t("The study store cannot be reached."),
        ErrorKind.STORE_AUTH: _t("The study store refused the credentials."),
        ErrorKind.STORE_FULL: _t("The study store is full."),
        ErrorKind.STORE_ERROR: _t("The study store reported an error."),
        ErrorKind.STORE_TAMPERED: _t("Data at the study store failed its integrity check."),
        ErrorKind.STORE_HOST_KEY: _t(
            "The study store's server did not prove it is the server this laptop knows (its key is "
            "different or was never confirmed). Nothing was sent. Do not sync; tell the data manager."
        ),
        ErrorKind.NO_STUDY_KEY: _t(
            "This study has no study key yet, so nothing can be sent. Use \u201cAdd the study key\u2026\u201d "
            "on the sync page and choose the key file (study.pub) the data manager gave you."
        ),
        ErrorKind.CANCELLED: _t("Cancelled."),
        ErrorKind.NOT_READY: _t("This is not ready yet."),
        ErrorKind.DISK_ERROR: _t("The disk reported an error while saving."),
        ErrorKind.NOT_ELIGIBLE: _t(
            "Only participants screened eligible can have a session, give consent or be recorded. Screen them "
            "on the Participants page first."
        ),
    }
    return messages.get(kind, _t("Something went wrong."))


def describe(exc: BaseException) -> str:
    """A translated headline plus, for input and consent problems, the core's specific detail.

    The detail names fields and statement ids only (never participant data), so it can be shown.
    """
    if isinstance(exc, FieldworkError):
        head = message_for(exc.kind)
        if exc.kind in (
            ErrorKind.INVALID_INPUT,
            ErrorKind.CONSENT_REFUSED,
            ErrorKind.CONSENT_MISSING,
            ErrorKind.NOT_READY,
            ErrorKind.WITHDRAWN,
            ErrorKind.NOT_ELIGIBLE,
        ):
            return f"{head}\n{exc.message}"
        return head
    return QCoreApplication.translate("Errors", "Something unexpected went wrong; nothing was lost.")
