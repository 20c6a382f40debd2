"""Typed errors shared by the core, the command line and the desktop app.

The core raises :class:`FieldworkError` subclasses carrying an :class:`ErrorKind`; the CLI prints
the message as one line, the GUI picks a translated message per kind.  Messages never contain
participant data, passphrases or keys.

An error that tells the user what to do next carries an :class:`ErrorCode` and its parameters; its
message states only what is wrong.  Each face says what to do in its own terms: the command line names
its command or option (``fieldwork_app.cli.messages``), the desktop app the button to use
(``fieldwork_app.gui.messages``).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping


class ErrorKind(enum.Enum):
    WRONG_PASSPHRASE = "wrong-passphrase"
    NO_VAULT = "no-vault"
    VAULT_EXISTS = "vault-exists"
    VAULT_CORRUPT = "vault-corrupt"
    VAULT_LOCKED = "vault-locked"
    UNKNOWN_USER = "unknown-user"
    USER_EXISTS = "user-exists"
    INVALID_PACK = "invalid-pack"
    NO_PACK = "no-pack"
    NOT_FOUND = "not-found"
    INVALID_INPUT = "invalid-input"
    CONSENT_REFUSED = "consent-refused"
    CONSENT_MISSING = "consent-missing"
    WITHDRAWN = "withdrawn"
    AUDIT_BROKEN = "audit-broken"
    NO_DEVICE = "no-device"
    DEVICE_LOST = "device-lost"
    DISK_FULL = "disk-full"
    RECORDING_DAMAGED = "recording-damaged"
    RECORDING_BUSY = "recording-busy"
    STORE_UNREACHABLE = "store-unreachable"
    STORE_AUTH = "store-auth"
    STORE_FULL = "store-full"
    STORE_ERROR = "store-error"
    STORE_TAMPERED = "store-tampered"
    STORE_HOST_KEY = "store-host-key"
    NO_STUDY_KEY = "no-study-key"
    CANCELLED = "cancelled"
    NOT_READY = "not-ready"
    DISK_ERROR = "disk-error"
    NOT_ELIGIBLE = "not-eligible"


class ErrorCode(enum.Enum):
    """Errors whose remedy each face words itself.  The parameters each code carries are listed."""

    NO_STUDY_KEY = "no-study-key"  # -
    NO_STORE = "no-store"  # -
    UNKNOWN_STORE = "unknown-store"  # name
    IDENTITY_STORE_FOR_RESEARCH = "identity-store-for-research"  # name
    IDENTITY_STORE_MISSING = "identity-store-missing"  # name
    STORE_URL_PASSWORD = "store-url-password"  # host
    STORE_UNTRUSTED_CERTIFICATE = "store-untrusted-certificate"  # store
    NO_PACK = "no-pack"  # -
    NO_PACK_PATH = "no-pack-path"  # -
    OLDER_PACK = "older-pack"  # pack, version, newest
    PACK_SIGNER_CHANGED = "pack-signer-changed"  # new, old
    PINNED_VALUE_CHANGE = "pinned-value-change"  # changes (said in words), confirm (the options that confirm)
    NO_VAULT = "no-vault"  # folder
    VAULT_DAMAGED = "vault-damaged"  # file, folder
    TAKES_INTERRUPTED = "takes-interrupted"  # takes
    UNSENT_DATA_TO_DELETE = "unsent-data-to-delete"  # participant, sessions
    NOT_A_FINGERPRINT = "not-a-fingerprint"  # text
    BAD_DEVICE_NAME = "bad-device-name"  # -
    NO_SIGNING_KEY = "no-signing-key"  # path
    TRUST_LIST_ALTERED = "trust-list-altered"  # path, key
    NOT_A_KEY_FILE = "not-a-key-file"  # path, what (+ kind: signing-key or public-key, each face words it)
    NOT_AN_ANALYSIS_FOLDER = "not-an-analysis-folder"  # folder
    BAD_TAG = "bad-tag"  # -
    BAD_THREADS = "bad-threads"  # -
    BAD_AFTER_SEQ = "bad-after-seq"  # -
    UNKNOWN_LANGUAGE = "unknown-language"  # language, known
    ANSWERS_NOT_AN_OBJECT = "answers-not-an-object"  # source
    ANSWERS_NAME_NO_FORM = "answers-name-no-form"  # source, form, version, session, participant
    ANSWERS_FOR_ANOTHER = "answers-for-another"  # source, what, given, expected, participant, session
    # source, statement (+ the statement's conditions as facts on the error, each face words them: why)
    ANSWER_DOES_NOT_APPLY = "answer-does-not-apply"
    ANSWER_APPLIES = "answer-applies"  # source, statement
    ANSWER_UNKNOWN_STATEMENT = "answer-unknown-statement"  # source, form, version, statements (ids, comma-separated)
    ANSWER_NOT_YES_NO = "answer-not-yes-no"  # source, statement, given
    GATING_TASK_FIRST = "gating-task-first"  # doing, problem, participant, task (+ hold, title, days: the facts)
    INTERPRETER_AGREEMENT_FIRST = "interpreter-agreement-first"  # participant, agreement (its title)
    # role, participant, form (the title of the form the party completes, or ""), unrecorded (attribute ids of
    # the rule's conditions not recorded yet, comma-separated, or ""): worded by services/consent_words.py
    PARTY_MISSING = "party-missing"
    # role, participant, form (the title of the form the party completes): the guardian's or consultee's own
    # form not confirmed completed; worded by services/consent_words.py
    PARTY_FORM_NOT_CONFIRMED = "party-form-not-confirmed"
    # participant, form (the title of the consultee's form, or ""): the consultee route (the participant cannot
    # decide now) and no consultee named; worded by services/consent_words.py
    CONSULTEE_ADVICE_NEEDED = "consultee-advice-needed"
    CONSULTEE_ADVISES_NOT_TO_TAKE_PART = "consultee-advises-not-to-take-part"  # participant
    # declined (required statements answered no), unanswered (required statements with no answer), each
    # comma-separated: worded by services/consent_words.py
    STATEMENTS_REFUSED = "statements-refused"
    LINK_REQUIRED = "link-required"  # group, linked_group
    ATTRIBUTES_MISSING = "attributes-missing"  # group, missing (attribute ids, comma-separated)
    GATING_TOO_LATE = "gating-too-late"  # doing, problem, participant, task, session, days
    GATING_NO_START = "gating-no-start"  # doing, problem, participant, task, session, days
    CAPACITY_FIRST = "capacity-first"  # doing, participant, session
    SCREENED_NOT_ELIGIBLE = "screened-not-eligible"  # participant, doing
    NOT_SCREENED = "not-screened"  # participant, doing
    UNPACK_OUT_IS_A_FILE = "unpack-out-is-a-file"  # folder
    UNPACK_INSIDE_UNPACK_FOLDER = "unpack-inside-unpack-folder"  # folder, parent
    UNPACK_FOLDER_NOT_EMPTY = "unpack-folder-not-empty"  # folder, found
    UNPACK_IDENTITY_FOLDER = "unpack-identity-folder"  # folder (it holds identity data; research is unpacked)
    UNPACK_RESEARCH_FOLDER = "unpack-research-folder"  # folder (it holds research data; identity is unpacked)
    UNPACK_VERIFIED_FOLDER = "unpack-verified-folder"  # folder
    UNPACK_UNVERIFIED_FOLDER = "unpack-unverified-folder"  # folder
    # file (the take's file name): saving a take failed for a reason that is no disk's nor device's (a fault in
    # the app, whose details are in the application log)
    RECORDING_FAULT = "recording-fault"


class FieldworkError(Exception):
    """Base of every error the core raises on purpose.  ``code`` and ``params``: see :class:`ErrorCode`."""

    kind: ErrorKind = ErrorKind.INVALID_INPUT

    def __init__(
        self,
        message: str,
        *,
        kind: ErrorKind | None = None,
        code: ErrorCode | None = None,
        params: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(message)
        if kind is not None:
            self.kind = kind
        self.code = code
        self.params: dict[str, str] = {k: str(v) for k, v in (params or {}).items()}

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.kind.value


class VaultError(FieldworkError):
    kind = ErrorKind.VAULT_CORRUPT


class WrongPassphrase(VaultError):
    kind = ErrorKind.WRONG_PASSPHRASE


class PackError(FieldworkError):
    kind = ErrorKind.INVALID_PACK


class NotFound(FieldworkError):
    kind = ErrorKind.NOT_FOUND


class InvalidInput(FieldworkError):
    kind = ErrorKind.INVALID_INPUT


class ConsentError(FieldworkError):
    kind = ErrorKind.CONSENT_REFUSED


class AudioError(FieldworkError):
    kind = ErrorKind.NO_DEVICE


class StoreError(FieldworkError):
    """A study store refused or failed.  ``transient``: worth another try, which the upload engine makes
    with backoff: a store that could not be reached (always), or a server that said to try again (HTTP 5xx,
    S3 SlowDown)."""

    kind = ErrorKind.STORE_ERROR

    def __init__(
        self,
        message: str,
        *,
        kind: ErrorKind | None = None,
        transient: bool = False,
        code: ErrorCode | None = None,
        params: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(message, kind=kind, code=code, params=params)
        self.transient = transient or self.kind is ErrorKind.STORE_UNREACHABLE


class Cancelled(FieldworkError):
    kind = ErrorKind.CANCELLED
