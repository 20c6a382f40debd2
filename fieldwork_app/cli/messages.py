"""How the command line words what the core gives as codes and facts: an error (the core's statement of
what is wrong, then what to do next in this face's terms, the command or option to use, chosen by the
error's code) and the readiness checklist."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fieldwork_app import i18n
from fieldwork_app.errors import ErrorCode, FieldworkError

if TYPE_CHECKING:
    from fieldwork_app.services.datamanager import ReportWords
    from fieldwork_app.services.sessions import ChecklistItem


def _t(text: str) -> str:
    return i18n.translate("cli", text)


def advice() -> dict[ErrorCode, str]:
    """Appended to the core's message; ``{name}``-style fields are the error's parameters."""
    return {
        ErrorCode.NO_STUDY_KEY: (
            _t(
                ": import it with --study-key study.pub (the data manager makes one with 'fieldwork study keygen')"
            )
        ),
        ErrorCode.NO_STORE: _t(": add one with 'fieldwork store add NAME URL'"),
        ErrorCode.UNKNOWN_STORE: _t(" (see 'fieldwork store list')"),
        ErrorCode.IDENTITY_STORE_FOR_RESEARCH: (
            _t("; sync to the research store (fieldwork sync --store NAME, or make it the default)")
        ),
        ErrorCode.IDENTITY_STORE_MISSING: _t(
            ": add it with 'fieldwork store add {name} URL' (research data is sent as usual)"
        ),
        ErrorCode.STORE_URL_PASSWORD: (
            _t(" and give it at the prompt or with --secret-env VAR (it is then kept encrypted in the vault)")
        ),
        ErrorCode.STORE_UNTRUSTED_CERTIFICATE: (
            _t(
                "; if the university uses its own certificate authority, give its certificate file (--ca-bundle FILE), "
                "else tell the data manager (someone may be between this machine and the store)"
            )
        ),
        ErrorCode.NO_PACK: _t(": run 'fieldwork pack import --example' or 'fieldwork pack import PATH'"),
        ErrorCode.NO_PACK_PATH: _t(": give a pack path or --example"),
        ErrorCode.OLDER_PACK: (
            _t(
                " Check with the data manager, then import again with --accept-older-pack if they really want this "
                "one. Nothing was imported."
            )
        ),
        ErrorCode.PACK_SIGNER_CHANGED: (
            _t(
                " If the data manager has really changed their signing key, check the new fingerprint with them and "
                "import again with --accept-pack-signer {new}."
            )
        ),
        ErrorCode.PINNED_VALUE_CHANGE: (
            _t(
                ": check the new fingerprint with the data manager (by phone or in person), then import again with "
                "{confirm}. Nothing was imported."
            )
        ),
        ErrorCode.NO_VAULT: _t(": run 'fieldwork init'"),
        ErrorCode.VAULT_DAMAGED: (
            _t(
                ". Restore the data directory from a backup with 'fieldwork vault restore FILE' (the damaged files "
                "are kept aside), or ask your data manager"
            )
        ),
        ErrorCode.TAKES_INTERRUPTED: _t(": run 'fieldwork recover' first"),
        ErrorCode.UNSENT_DATA_TO_DELETE: (
            _t(": confirm that their data on this laptop is to be deleted and never sent (--delete-unsent)")
        ),
        ErrorCode.NOT_A_FINGERPRINT: _t(
            " (eight groups of four hex digits, as 'fieldwork device' prints it)"
        ),
        ErrorCode.NO_SIGNING_KEY: (
            _t(
                " (it is made by 'fieldwork study keygen' or the first 'fieldwork study devices add'). If it is lost, "
                "make a new pair, move the list away and trust the laptops again (laptops that pinned the old key for "
                "study packs must be told the new one)"
            )
        ),
        ErrorCode.TRUST_LIST_ALTERED: _t(
            "; move it away and trust the laptops again with 'fieldwork study devices add'"
        ),
        ErrorCode.NOT_A_KEY_FILE: _t("; is this a {what} file (from 'fieldwork study keygen')?"),
        ErrorCode.NOT_AN_ANALYSIS_FOLDER: _t(": run 'fieldwork store unpack' first"),
        ErrorCode.GATING_TASK_FIRST: _t(
            "; mark it done with 'fieldwork participant task-done {participant} {task}' once it is (--date "
            "YYYY-MM-DD if that was on an earlier day)"
        ),
        ErrorCode.INTERPRETER_AGREEMENT_FIRST: _t(" (--interpreter-agreement at the command line)"),
        ErrorCode.LINK_REQUIRED: _t(" with --linked-to ID ('fieldwork participant list' shows the ids)"),
        ErrorCode.ATTRIBUTES_MISSING: _t(": give each with {attr_options}"),
        ErrorCode.GATING_TOO_LATE: _t(
            " ({days} day(s) before). If it was done on an earlier day, record that day with 'fieldwork "
            "participant task-done {participant} {task} --date YYYY-MM-DD'; otherwise the session waits until "
            "the notice has been given"
        ),
        ErrorCode.GATING_NO_START: _t(
            ": give session {session} its planned date and time (Prepare page in the app), or plan the session "
            "with one ('fieldwork session new ... --start YYYY-MM-DDTHH:MM')"
        ),
        ErrorCode.CAPACITY_FIRST: _t(" ('fieldwork session capacity {session} --participant {participant}')"),
        ErrorCode.SCREENED_NOT_ELIGIBLE: _t(
            " (Participants page, or 'fieldwork participant screen {participant} --answers FILE')"
        ),
        ErrorCode.NOT_SCREENED: _t(
            " (Participants page, or 'fieldwork participant screen {participant} --answers FILE')"
        ),
        ErrorCode.RECORDING_FAULT: _t(" ('fieldwork log show' has the details)"),
    }


def wording() -> dict[ErrorCode, str]:
    """Said instead of the core's message: the option's own name leads."""
    return {
        ErrorCode.BAD_TAG: _t("--tag: 1-40 letters, digits, spaces, '-' or '_'"),
        ErrorCode.BAD_THREADS: _t("--threads: at least 1"),
        ErrorCode.BAD_DEVICE_NAME: _t("--name is 1-80 printable characters"),
        ErrorCode.BAD_AFTER_SEQ: _t("--after-seq is 0 or more"),
        ErrorCode.UNKNOWN_LANGUAGE: _t("--language {language}: this model knows {known}"),
        ErrorCode.ANSWERS_NOT_AN_OBJECT: _t(
            "{source}: expected the JSON object 'fieldwork consent template' prints"
        ),
        ErrorCode.ANSWERS_NAME_NO_FORM: _t(
            '{source}: names no consent form and version (it needs "form", "version" and "answers"), so it cannot '
            "be checked against {form} version {version}: make it with 'fieldwork consent template --session "
            "{session} --participant {participant}'. Nothing was recorded"
        ),
        ErrorCode.UNPACK_OUT_IS_A_FILE: _t("--out {folder} is a file, not a folder"),
        ErrorCode.UNPACK_INSIDE_UNPACK_FOLDER: _t(
            "{folder} is inside {parent}, a folder 'fieldwork store unpack' made: use a folder of its own"
        ),
        ErrorCode.UNPACK_FOLDER_NOT_EMPTY: _t(
            "{folder} is not empty ({found}) and was not made by 'fieldwork store unpack': nothing is written "
            "there; give an empty or new folder"
        ),
        ErrorCode.UNPACK_IDENTITY_FOLDER: _t(
            "{folder} holds identity data: research data is never unpacked into it (use a separate --out folder)"
        ),
        ErrorCode.UNPACK_RESEARCH_FOLDER: _t(
            "{folder} holds research data: identity data is never unpacked into it (use a separate --identity-out "
            "folder)"
        ),
        ErrorCode.UNPACK_VERIFIED_FOLDER: _t(
            "{folder} holds verified data: a first look with --accept-any-device goes into a new folder"
        ),
        ErrorCode.UNPACK_UNVERIFIED_FOLDER: _t(
            "{folder} was unpacked with --accept-any-device (unverified): unpack with the trusted list into a new "
            "folder"
        ),
        ErrorCode.PARTY_MISSING: _t(
            "consent not recorded: the study's protocol asks for {party} at {participant}'s consent{why}; record "
            "who it was (--{role} alone to be asked for the name, or the name in --names FILE)"
        ),
        ErrorCode.STATEMENTS_REFUSED: _t(
            "consent not recorded: {refusal} (statement ids as 'fieldwork consent template' lists them)"
        ),
        ErrorCode.PARTY_FORM_NOT_CONFIRMED: _t(
            "consent not recorded: {party} completes '{form}' with {participant}'s consent; confirm it is completed "
            "(--{role}-form)"
        ),
        ErrorCode.CONSULTEE_ADVICE_NEEDED: _t(
            "consent not recorded: the capacity assessment at this session found {participant} cannot decide now, "
            "so the study's protocol asks a consultee for their advice{paper}; record who they are (--consultee "
            "alone to be asked for the name, or the name in --names FILE), their relationship to the participant "
            "(--consultee-relationship), whether they are a personal or nominated consultee (--consultee-kind) and "
            "their advice (--consultee-advice)"
        ),
        ErrorCode.CONSULTEE_ADVISES_NOT_TO_TAKE_PART: _t(
            "consent not recorded: the consultee advises that {participant} would not want to take part, so "
            "{participant} does not take part; nothing is recorded but the refusal ('fieldwork audit list')"
        ),
        ErrorCode.ANSWER_DOES_NOT_APPLY: _t(
            "{source}: answers.{statement}: statement {statement} does not apply to this participant (it applies "
            "only where {why}); it is not asked, so leave it null or \"not_applicable\" ('fieldwork consent "
            "template' lists it under \"not_applicable\"). Nothing was recorded"
        ),
        ErrorCode.ANSWER_APPLIES: _t(
            "{source}: answers.{statement}: statement {statement} applies to this participant: answer true or "
            "false (or null if it is optional and was not answered), as 'fieldwork consent template' lists it "
            "under \"answers\". Nothing was recorded"
        ),
        ErrorCode.ANSWER_UNKNOWN_STATEMENT: _t(
            "{source}: unknown statement id(s) for form {form} v{version}: {statements} ('fieldwork consent "
            "template' lists the form's own). Nothing was recorded"
        ),
        ErrorCode.ANSWER_NOT_YES_NO: _t(
            "{source}: answers.{statement}: the answer must be true, false or null, not {given} (as 'fieldwork "
            "consent template' explains). Nothing was recorded"
        ),
        ErrorCode.ANSWERS_FOR_ANOTHER: _t(
            "{source} was made for {what} {given}, not {expected} (the {what} of {participant} in session "
            "{session}): answers are never carried from one form to another. Make a new file with 'fieldwork "
            "consent template'. Nothing was recorded"
        ),
    }


def _params(exc: FieldworkError) -> dict[str, str]:
    """The error's parameters, a word the core gives by kind said in the command line's language."""
    from fieldwork_app.services import condition_words, consent_words

    params = consent_words.worded(exc.code, condition_words.answer_refused(exc, i18n.translate), i18n.translate)
    keys = {"signing-key": _t("data manager signing key"), "public-key": _t("data manager public key")}
    if exc.code is ErrorCode.NOT_A_KEY_FILE and params.get("kind") in keys:
        params["what"] = keys[params["kind"]]
    return params


def cli_text(exc: FieldworkError) -> str:
    """The one line the command line prints for ``exc``."""
    if exc.code is None:
        return exc.message
    said_instead = wording().get(exc.code)
    if said_instead is not None:
        return said_instead.format(**_params(exc))
    added = advice().get(exc.code)
    return exc.message if added is None else exc.message + added.format(**_params(exc), **_options(exc))


def _options(exc: FieldworkError) -> dict[str, str]:
    """Parameters the command line derives from the error's own: the options to give, one per missing value."""
    if exc.code is ErrorCode.ATTRIBUTES_MISSING:
        names = [n.strip() for n in str(exc.params.get("missing", "")).split(",") if n.strip()]
        return {"attr_options": " ".join(f"--attr {n}=VALUE" for n in names) or "--attr NAME=VALUE"}
    return {}


def report_words() -> ReportWords:
    """A store report's advice in the command line's terms (``store verify``, ``store unpack``)."""
    from fieldwork_app.services.datamanager import ReportWords

    return ReportWords(
        not_checked=_t("NOT CHECKED (--accept-any-device)"),
        compare_device=_t(" (compare with 'fieldwork device' on that laptop)"),
        any_device_verified=_t(
            "NOTE: --accept-any-device: signers were NOT checked against a trusted list, and anyone who can write "
            "to the store can sign a bundle; compare the fingerprints above with the laptops' ('fieldwork "
            "device') and trust them with 'fieldwork study devices add'"
        ),
        any_device_unpacked=_t("NOTE: --accept-any-device: everything unpacked is marked UNVERIFIED in the index"),
        problem_advice={
            "gap": _t(" (see 'fieldwork outbox' on that laptop)"),
            "identity-in-research-store": _t(", with --identity-out"),
            "research-in-identity-store": _t(" (unpack the research store with --out)"),
        },
    )


# -- the readiness checklist, in the command line's words ------------------------------------------
def checklist_detail(item: ChecklistItem) -> str:
    from fieldwork_app.services import readiness_words

    return readiness_words.checklist_detail(item, i18n.translate)


def checklist_line(item: ChecklistItem) -> str:
    """``[x] label  - detail``, as ``fieldwork session checklist`` prints it."""
    from fieldwork_app.services import readiness_words

    detail = checklist_detail(item)
    label = readiness_words.checklist_label(item, i18n.translate)
    return f"[{'x' if item.done else ' '}] {label}{'  - ' + detail if detail else ''}"
