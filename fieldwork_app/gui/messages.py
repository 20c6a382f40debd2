"""One translated, calm sentence per error kind (the core's own messages are for the log and the CLI),
and, for an error whose code says what to do next, a sentence that names what to choose in the app."""

from __future__ import annotations

import errno

from PySide6.QtCore import QCoreApplication

from fieldwork_app.errors import ErrorCode, ErrorKind, FieldworkError
from fieldwork_app.services import condition_words, consent_words, readiness_words
from fieldwork_app.services.datamanager import ReportWords
from fieldwork_app.services.ethics import GatingHold


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
        # The core says DISK_FULL only for this laptop's own disk (the vault, a sync's outbox, the audio folder);
        # a full study store is STORE_FULL, a full folder chosen for a file is :func:`describe`'s.  The
        # recorder's own words for a take are recording_problem's.
        ErrorKind.DISK_FULL: _t(
            "This laptop's disk is full: free some space on it, then try again. Nothing saved before was lost."
        ),
        ErrorKind.RECORDING_DAMAGED: _t("A recording was interrupted and needs recovery first."),
        ErrorKind.RECORDING_BUSY: _t("A recording is already running."),
        ErrorKind.STORE_UNREACHABLE: _t("The study store cannot be reached."),
        ErrorKind.STORE_AUTH: _t("The study store refused the credentials."),
        ErrorKind.STORE_FULL: _t(
            "The study store is full (the store, not this laptop): free some space on it, or ask the data "
            "manager to, then sync again. What was not sent waits on this laptop."
        ),
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


def text_for(code: ErrorCode) -> str:
    """The app's sentence for an error code: ``{name}`` fields are filled from the error's parameters."""
    messages = {
        ErrorCode.NO_STUDY_KEY: message_for(ErrorKind.NO_STUDY_KEY),
        ErrorCode.NO_STORE: _t(
            "No study store is set up on this laptop yet. Choose \u201cSet up the study store\u2026\u201d on the "
            "sync page."
        ),
        ErrorCode.UNKNOWN_STORE: _t(
            "There is no study store named {name} on this laptop. Choose \u201cSet up the study store\u2026\u201d "
            "on the sync page to set it up."
        ),
        ErrorCode.IDENTITY_STORE_FOR_RESEARCH: _t(
            "The store {name} is the study's identity store: research data never goes there. Set up the research "
            "store with \u201cSet up the study store\u2026\u201d on the sync page."
        ),
        ErrorCode.IDENTITY_STORE_MISSING: _t(
            "Identity data waits on this laptop: the study sends it to a store named {name}, which is not set up "
            "here. Set it up under that name with \u201cSet up the study store\u2026\u201d (research data is sent "
            "as usual)."
        ),
        ErrorCode.STORE_URL_PASSWORD: _t(
            "The store's address contains a password. Leave it out of the address and type it in the "
            "\u201cPassword / secret\u201d field instead (it is kept encrypted in the vault)."
        ),
        ErrorCode.STORE_UNTRUSTED_CERTIFICATE: _t(
            "The study store {store} has an https certificate that no trusted authority signed. Nothing was "
            "sent. If the university uses its own certificate authority, ask the data manager to set the store "
            "up with its certificate file; otherwise tell the data manager (someone may be between this laptop "
            "and the store)."
        ),
        ErrorCode.NO_PACK: _t(
            "No study pack has been imported yet. Choose \u201cImport a study pack\u2026\u201d on the sync page."
        ),
        ErrorCode.NO_PACK_PATH: _t("Choose the folder of the study pack to import."),
        ErrorCode.OLDER_PACK: _t(
            "The study pack was not imported: its version {version} is older than version {newest}, already "
            "imported. An old pack sent again could bring back keys the data manager has replaced. Nothing "
            "changed; ask the data manager for the current pack."
        ),
        ErrorCode.PACK_SIGNER_CHANGED: _t(
            "The study pack was not imported: it is signed by {new}, not by the data manager key this laptop "
            "trusts ({old}). Nothing changed; check the new fingerprint with the data manager before you import "
            "it again."
        ),
        ErrorCode.PINNED_VALUE_CHANGE: _t(
            "Nothing was imported: {changes}. Whoever holds a new key can read everything sent from then on. "
            "Check the new fingerprint with the data manager (by phone or in person) before you confirm it."
        ),
        ErrorCode.NO_VAULT: message_for(ErrorKind.NO_VAULT),
        ErrorCode.VAULT_DAMAGED: message_for(ErrorKind.VAULT_CORRUPT),
        ErrorCode.TAKES_INTERRUPTED: _t(
            "Some takes of this session were interrupted. Recover them first: the app offers it when it is "
            "unlocked."
        ),
        ErrorCode.UNSENT_DATA_TO_DELETE: _t(
            "Their sessions {sessions} have not been sent. Confirm that their data on this laptop is to be "
            "deleted and never sent."
        ),
        ErrorCode.NOT_A_FINGERPRINT: _t(
            "{text} is not a device fingerprint: eight groups of four hex digits, as the laptop's sync page "
            "shows it."
        ),
        ErrorCode.NO_SIGNING_KEY: _t(
            "There is no data manager signing key at {path}, so the trusted list cannot be checked. Give the "
            "signing key's file if it is kept elsewhere. If it is lost, make a new pair and trust the laptops "
            "again (laptops that pinned the old key for study packs must be told the new one)."
        ),
        ErrorCode.TRUST_LIST_ALTERED: _t(
            "The trusted-devices list {path} was altered or is not signed by the data manager signing key {key}: "
            "nothing was read with it. Move it away and trust the laptops again."
        ),
        ErrorCode.NOT_A_KEY_FILE: _t("{path} is not a {what} file: it holds no key."),
        ErrorCode.NOT_AN_ANALYSIS_FOLDER: _t(
            "{folder} is not an analysis folder. Unpack the study store into it first."
        ),
        ErrorCode.BAD_TAG: _t("A tag is 1-40 letters, digits, spaces, '-' or '_'."),
        ErrorCode.BAD_THREADS: _t("Use at least one thread."),
        ErrorCode.BAD_DEVICE_NAME: _t("A laptop's name is 1 to 80 printable characters."),
        ErrorCode.BAD_AFTER_SEQ: _t("The last genuine bundle number is 0 or more."),
        ErrorCode.UNKNOWN_LANGUAGE: _t("This model does not know the language {language}; it knows {known}."),
        ErrorCode.ANSWERS_NOT_AN_OBJECT: _t("{source} is not a file of consent answers."),
        ErrorCode.ANSWERS_NAME_NO_FORM: _t(
            "{source} names no consent form and version, so it cannot be checked against {form} version "
            "{version}. Nothing was recorded."
        ),
        ErrorCode.ANSWER_DOES_NOT_APPLY: _t(
            "Statement {statement} does not apply to this participant (it is asked only where {why}), so it has "
            "no answer. Nothing was recorded."
        ),
        ErrorCode.ANSWER_APPLIES: _t(
            "Statement {statement} applies to this participant: answer it yes or no. Nothing was recorded."
        ),
        ErrorCode.ANSWER_UNKNOWN_STATEMENT: _t(
            "The consent form {form}, version {version}, has no statement {statements}. Nothing was recorded."
        ),
        ErrorCode.ANSWER_NOT_YES_NO: _t(
            "The answer to statement {statement} is yes, no or none, not {given}. Nothing was recorded."
        ),
        ErrorCode.ANSWERS_FOR_ANOTHER: _t(
            "{source} was made for {what} {given}, not {expected}: answers are never carried from one form to "
            "another. Nothing was recorded."
        ),
        ErrorCode.UNPACK_OUT_IS_A_FILE: _t(
            "{folder} is a file, not a folder. Type the folder to unpack into in \u201cUnpack into folder\u201d."
        ),
        ErrorCode.UNPACK_INSIDE_UNPACK_FOLDER: _t(
            "{folder} is inside {parent}, a folder a store was unpacked into before. Nothing was written: choose a "
            "folder of its own in \u201cUnpack into folder\u201d."
        ),
        ErrorCode.UNPACK_FOLDER_NOT_EMPTY: _t(
            "{folder} is not empty ({found}) and no store was unpacked into it, so nothing is written there. "
            "Choose an empty or new folder in \u201cUnpack into folder\u201d."
        ),
        ErrorCode.UNPACK_IDENTITY_FOLDER: _t(
            "{folder} holds the identity store's data: research data is never unpacked into it. Choose another "
            "folder, or tick \u201cThis is the identity store\u201d if this store is the identity store."
        ),
        ErrorCode.UNPACK_RESEARCH_FOLDER: _t(
            "{folder} holds research data: identity data is never unpacked into it. Choose a separate folder for "
            "the identity store, or untick \u201cThis is the identity store\u201d if this is the research store."
        ),
        ErrorCode.UNPACK_VERIFIED_FOLDER: _t(
            "{folder} holds verified data: a first look at a store without a trusted list goes into a new folder."
        ),
        ErrorCode.UNPACK_UNVERIFIED_FOLDER: _t(
            "{folder} was unpacked without a trusted list (its data is marked unverified). Choose a new folder in "
            "\u201cUnpack into folder\u201d to unpack with the trusted list."
        ),
        ErrorCode.GATING_TASK_FIRST: _t(
            "Not allowed yet: {problem}. The study's protocol asks for it first; mark the task done on "
            "{participant}'s page in Participants once it is."
        ),
        ErrorCode.PARTY_MISSING: _t(
            "Consent not recorded: the study's protocol asks for {party} at {participant}'s consent{why}. Name them "
            "in \u201cBefore consent\u201d."
        ),
        ErrorCode.STATEMENTS_REFUSED: _t(
            "Consent was not recorded: every required statement must be agreed.\n{refusal}"
        ),
        ErrorCode.PARTY_FORM_NOT_CONFIRMED: _t(
            "Consent not recorded: {party} completes \u201c{form}\u201d with {participant}'s consent. Once they "
            "have, tick \u201c{tick}\u201d in \u201cBefore consent\u201d."
        ),
        ErrorCode.CONSULTEE_ADVICE_NEEDED: _t(
            "Consent not recorded: the capacity assessment at this session found {participant} cannot decide now, "
            "so the study's protocol asks a consultee for their advice{paper}. In \u201cBefore consent\u201d, name "
            "the consultee and give their relationship, the kind of consultee and their advice."
        ),
        ErrorCode.CONSULTEE_ADVISES_NOT_TO_TAKE_PART: _t(
            "Consent not recorded: the consultee advises that {participant} would not want to take part, so "
            "{participant} does not take part. Nothing is recorded but the refusal."
        ),
        ErrorCode.INTERPRETER_AGREEMENT_FIRST: _t(
            "The interpreter signs \u201c{agreement}\u201d before {participant}'s consent: once they have, tick "
            "\u201cThe interpreter has signed the confidentiality agreement\u201d."
        ),
        ErrorCode.LINK_REQUIRED: _t(
            "A participant of this group is linked to a participant of group {linked_group}: choose them in "
            "\u201cLinked to\u201d."
        ),
        ErrorCode.ATTRIBUTES_MISSING: _t(
            "The study asks for these details when a participant is added: {missing}. Choose each one above "
            "\u201cAdd participant\u201d."
        ),
        ErrorCode.GATING_TOO_LATE: _t(
            "Not allowed yet: {problem}. The study's protocol asks for {days} day(s) of notice. If the task was "
            "done on an earlier day, mark it done again with that day in \u201cDone on\u201d on the participant's "
            "page in Participants; otherwise the session waits until that notice has been given."
        ),
        ErrorCode.GATING_NO_START: _t(
            "Not allowed yet: {problem}. Give the session its date and time on the Prepare page (Save date and "
            "time)."
        ),
        ErrorCode.CAPACITY_FIRST: _t(
            "Not allowed yet: the protocol asks for {participant}'s capacity to be assessed at this session first."
        ),
        ErrorCode.SCREENED_NOT_ELIGIBLE: message_for(ErrorKind.NOT_ELIGIBLE)
        + "\n"
        + _t(
            "{participant} was screened not eligible: the study's ethics approval covers eligible participants "
            "only. If the screening answers were wrong, screen {participant} again."
        ),
        ErrorCode.RECORDING_FAULT: _t(
            "Saving the take failed unexpectedly, not for want of disk space or a microphone, so the take was "
            "ended. The app's log has the details for whoever looks after it."
        ),
        ErrorCode.NOT_SCREENED: message_for(ErrorKind.NOT_ELIGIBLE)
        + "\n"
        + _t("{participant} has not been screened yet."),
    }
    return messages[code]


def report_words() -> ReportWords:
    """A store report's advice in the app's terms (the data manager's page)."""
    return ReportWords(
        not_checked=_t("NOT CHECKED: no trusted list"),
        compare_device=_t(" (compare with the bundles that laptop's sync page lists as sent)"),
        any_device_verified=_t(
            "NOTE: signers were NOT checked against a trusted list, and anyone who can write to the store can "
            "sign a bundle; compare the fingerprints above with those the laptops' sync pages show, and trust "
            "them with \u201cTrust this laptop\u201d"
        ),
        any_device_unpacked=_t("NOTE: no trusted list was used: everything unpacked is marked UNVERIFIED in the index"),
        problem_advice={
            "gap": _t(" (see the sync page of that laptop, which lists what it has not sent)"),
            "identity-in-research-store": _t(", with \u201cThis is the identity store\u201d ticked"),
            "research-in-identity-store": _t(
                " (unpack the research store with \u201cThis is the identity store\u201d unticked)"
            ),
        },
    )


def format_code(exc: FieldworkError) -> str:
    """The app's sentence for ``exc``'s code, its parameters filled in."""
    assert exc.code is not None
    text = text_for(exc.code)
    params = condition_words.answer_refused(exc, QCoreApplication.translate)
    params = consent_words.worded(exc.code, params, QCoreApplication.translate)
    gating = (ErrorCode.GATING_TASK_FIRST, ErrorCode.GATING_TOO_LATE, ErrorCode.GATING_NO_START)
    if exc.code in gating and params.get("title"):  # the task's hold, in the app's words
        hold = GatingHold(params["hold"]) if params.get("hold") in set(GatingHold) else None
        days = int(params["days"]) if params.get("days", "").isdigit() else 0
        params["problem"] = readiness_words.gating_hold(
            params.get("participant", ""), params["title"], days, hold, QCoreApplication.translate
        )
    keys = {"signing-key": _t("data manager signing key"), "public-key": _t("data manager public key")}
    if exc.code is ErrorCode.NOT_A_KEY_FILE and params.get("kind") in keys:
        params["what"] = keys[params["kind"]]
    if exc.code is ErrorCode.PARTY_FORM_NOT_CONFIRMED:  # the consent page's tick box for that form
        ticks = {"guardian": _t("The parent or guardian has completed their form")}
        params["tick"] = ticks.get(params.get("role", ""), _t("The consultee has completed their declaration"))
    for name, value in params.items():
        text = text.replace("{" + name + "}", value)
    return text


def detail(exc: FieldworkError) -> str:
    """The core's own statement of a problem, or the app's sentence when the error has a code (screens that
    show the detail itself, such as the data manager's)."""
    return format_code(exc) if exc.code is not None else exc.message


def _disk_full(exc: BaseException) -> bool:
    if isinstance(exc, FieldworkError):
        return exc.kind is ErrorKind.DISK_FULL
    return isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)


def recording_problem(exc: BaseException) -> str:
    """What a problem of the recorder (a take that could not start, or stopped) means to the researcher recording:
    a full disk is said as what it means for the recording; anything else as :func:`describe` says it."""
    if _disk_full(exc):
        return _t(
            "This laptop's disk is full, so nothing more can be recorded. Free some space on it before the "
            "next take."
        )
    return describe(exc)


def describe(exc: BaseException) -> str:
    """A translated headline plus, for input and consent problems, the core's specific detail.

    The detail names fields and statement ids only (never participant data), so it can be shown.  An
    error with a code is said in the app's own words instead (see :func:`text_for`).
    """
    if isinstance(exc, FieldworkError) and exc.code is not None:
        return format_code(exc)
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
    if _disk_full(exc):  # a file the app writes outside the vault (an export, an unpacked file): any disk
        return _t(
            "The disk the file was being saved to is full: free some space on it, or choose another place, "
            "then try again. Nothing saved before was lost."
        )
    return QCoreApplication.translate("Errors", "Something unexpected went wrong; nothing was lost.")
