"""How the command line words what the core gives as codes and facts: an error (the core's statement of
what is wrong, then what to do next in this face's terms, the command or option to use, chosen by the
error's code) and the readiness checklist."""

from __future__ import annotations

from fieldwork_app.errors import ErrorCode, FieldworkError
from fieldwork_app.services.sessions import ChecklistItem

# Appended to the core's message; ``{name}``-style fields are the error's parameters.
ADVICE: dict[ErrorCode, str] = {
    ErrorCode.NO_STUDY_KEY: (
        ": import it with --study-key study.pub (the data manager makes one with 'fieldwork study keygen')"
    ),
    ErrorCode.NO_STORE: ": add one with 'fieldwork store add NAME URL'",
    ErrorCode.UNKNOWN_STORE: " (see 'fieldwork store list')",
    ErrorCode.IDENTITY_STORE_FOR_RESEARCH: (
        "; sync to the research store (fieldwork sync --store NAME, or make it the default)"
    ),
    ErrorCode.IDENTITY_STORE_MISSING: ": add it with 'fieldwork store add {name} URL' (research data is sent as usual)",
    ErrorCode.STORE_URL_PASSWORD: (
        " and give it at the prompt or with --secret-env VAR (it is then kept encrypted in the vault)"
    ),
    ErrorCode.STORE_UNTRUSTED_CERTIFICATE: (
        "; if the university uses its own certificate authority, give its certificate file (--ca-bundle FILE), "
        "else tell the data manager (someone may be between this machine and the store)"
    ),
    ErrorCode.NO_PACK: ": run 'fieldwork pack import --example' or 'fieldwork pack import PATH'",
    ErrorCode.NO_PACK_PATH: ": give a pack path or --example",
    ErrorCode.OLDER_PACK: (
        " Check with the data manager, then import again with --accept-older-pack if they really want this "
        "one. Nothing was imported."
    ),
    ErrorCode.PACK_SIGNER_CHANGED: (
        " If the data manager has really changed their signing key, check the new fingerprint with them and "
        "import again with --accept-pack-signer {new}."
    ),
    ErrorCode.PINNED_VALUE_CHANGE: (
        ": check the new fingerprint with the data manager (by phone or in person), then import again with "
        "{confirm}. Nothing was imported."
    ),
    ErrorCode.NO_VAULT: ": run 'fieldwork init'",
    ErrorCode.VAULT_DAMAGED: (
        ". Restore the data directory from a backup with 'fieldwork vault restore FILE' (the damaged files "
        "are kept aside), or ask your data manager"
    ),
    ErrorCode.TAKES_INTERRUPTED: ": run 'fieldwork recover' first",
    ErrorCode.UNSENT_DATA_TO_DELETE: (
        ": confirm that their data on this laptop is to be deleted and never sent (--delete-unsent)"
    ),
    ErrorCode.NOT_A_FINGERPRINT: " (eight groups of four hex digits, as 'fieldwork device' prints it)",
    ErrorCode.NO_SIGNING_KEY: (
        " (it is made by 'fieldwork study keygen' or the first 'fieldwork study devices add'). If it is lost, "
        "make a new pair, move the list away and trust the laptops again (laptops that pinned the old key for "
        "study packs must be told the new one)"
    ),
    ErrorCode.TRUST_LIST_ALTERED: "; move it away and trust the laptops again with 'fieldwork study devices add'",
    ErrorCode.NOT_A_KEY_FILE: "; is this a {what} file (from 'fieldwork study keygen')?",
    ErrorCode.NOT_AN_ANALYSIS_FOLDER: ": run 'fieldwork store unpack' first",
}

# Said instead of the core's message: the option's own name leads.
WORDING: dict[ErrorCode, str] = {
    ErrorCode.BAD_TAG: "--tag: 1-40 letters, digits, spaces, '-' or '_'",
    ErrorCode.BAD_THREADS: "--threads: at least 1",
    ErrorCode.UNKNOWN_LANGUAGE: "--language {language}: this model knows {known}",
}


def cli_text(exc: FieldworkError) -> str:
    """The one line the command line prints for ``exc``."""
    if exc.code in WORDING:
        return WORDING[exc.code].format(**exc.params)
    if exc.code is None or exc.code not in ADVICE:
        return exc.message
    return exc.message + ADVICE[exc.code].format(**exc.params)


# -- the readiness checklist, in the command line's words ------------------------------------------
CHECKLIST_LABELS = {
    "participants": "participants chosen",
    "schedule": "date and time set",
    "documents": "consent form, information sheet and topic guide in use",
    "lone_working": "lone-working plan",
    "mic": "microphone checked",
    "disk": "free disk for the planned length",
    "battery": "battery charged",
}
PLAN_PARTS = {
    "buddy_name": "buddy name",
    "buddy_phone": "buddy phone",
    "start_time": "start time",
    "expected_end": "expected end",
    "travel_home_time": "travel-home time",
    "code_word": "code word agreed",
    "risk_assessment": "risk assessment",
    "end_after_start": "expected end after start",
    "valid_times": "valid start and end times",
    "address_sealed": "visit address sealed",
}


def checklist_detail(item: ChecklistItem) -> str:
    if item.id == "lone_working":
        return ", ".join(PLAN_PARTS.get(m, m) for m in item.missing)
    if item.id == "disk":
        return f"{item.free_mib} MiB free, {item.need_mib} MiB needed"
    if item.id == "mic":
        return item.mic_detail
    return ""


def checklist_line(item: ChecklistItem) -> str:
    """``[x] label  - detail``, as ``fieldwork session checklist`` prints it."""
    detail = checklist_detail(item)
    return f"[{'x' if item.done else ' '}] {CHECKLIST_LABELS.get(item.id, item.id)}{'  - ' + detail if detail else ''}"
