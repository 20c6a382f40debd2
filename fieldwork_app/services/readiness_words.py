"""The readiness checklist and what holds a recording back, in words: one table for both faces.

The core gives each checklist item and each recording hold as an id and facts; this module words them.  It
imports no Qt: each face passes its own translate function, ``translate(context, text)`` (the desktop app
``QCoreApplication.translate``, in the language its settings choose; the command line
``fieldwork_app.i18n.translate``, in FIELDWORK_LANG's or the environment's).  The calls below are written
``translate("Readiness", "...")`` so that ``pyside6-lupdate`` finds every string for the catalogue.

Facts go in with ``str.format`` (``{name}`` fields), after the translation.
"""

from __future__ import annotations

from collections.abc import Callable

from fieldwork_app.services.consent import RecordingBlock, RecordingHold
from fieldwork_app.services.ethics import GatingHold, GatingState
from fieldwork_app.services.sessions import ChecklistItem, DocumentGap

Translate = Callable[[str, str], str]


def checklist_label(item: ChecklistItem, translate: Translate) -> str:
    labels = {
        "participants": translate("Readiness", "participants chosen"),
        "schedule": translate("Readiness", "date and time set"),
        "documents": translate("Readiness", "consent form, information sheet and topic guide in use"),
        "gating": translate("Readiness", "tasks the protocol asks for first"),
        "attributes": translate("Readiness", "participant details the study asks for recorded"),
        "lone_working": translate("Readiness", "lone-working plan"),
        "mic": translate("Readiness", "microphone checked"),
        "disk": translate("Readiness", "free disk for the planned length"),
        "battery": translate("Readiness", "battery charged"),
        "interpreter_booked": translate("Readiness", "interpreter booked"),
        "witness_booked": translate("Readiness", "witness booked"),
    }
    return labels.get(item.id, item.id)


def plan_parts(translate: Translate) -> dict[str, str]:
    """What a lone-working plan may lack, by the ids :meth:`LoneWorkingPlan.missing` gives."""
    return {
        "buddy_name": translate("Readiness", "buddy name"),
        "buddy_phone": translate("Readiness", "buddy phone"),
        "backup_buddy_name": translate("Readiness", "back-up buddy name"),
        "backup_buddy_phone": translate("Readiness", "back-up buddy phone"),
        "start_time": translate("Readiness", "start time"),
        "expected_end": translate("Readiness", "expected end"),
        "travel_home_time": translate("Readiness", "travel-home time"),
        "code_word": translate("Readiness", "code word agreed"),
        "risk_assessment": translate("Readiness", "risk assessment"),
        "end_after_start": translate("Readiness", "expected end after start"),
        "valid_times": translate("Readiness", "valid start and end times"),
        "address_sealed": translate("Readiness", "visit address sealed"),
    }


def document_gap(gap: DocumentGap, translate: Translate) -> str:
    """``topic guide guide-x v1.0 superseded``, ``no consent form chosen`` ..."""
    if gap.state == "none":
        none = {
            "topic_guide": translate("Readiness", "no topic guide chosen"),
            "consent_form": translate("Readiness", "no consent form chosen"),
            "information_sheet": translate("Readiness", "no information sheet chosen"),
        }
        return none.get(gap.role, gap.role)
    states = {
        "missing": translate("Readiness", "{what} {doc} v{version} is not in the study pack"),
        "superseded": translate("Readiness", "{what} {doc} v{version} superseded"),
        "approved": translate("Readiness", "{what} {doc} v{version} approved but not in use"),
        "submitted": translate("Readiness", "{what} {doc} v{version} not approved yet"),
        "draft": translate("Readiness", "{what} {doc} v{version} still a draft"),
    }
    roles = {
        "topic_guide": translate("Readiness", "topic guide"),
        "consent_form": translate("Readiness", "consent form"),
        "information_sheet": translate("Readiness", "information sheet"),
    }
    sentence = states.get(gap.state, translate("Readiness", "{what} {doc} v{version} not in use"))
    return sentence.format(what=roles.get(gap.role, gap.role), doc=gap.doc, version=gap.version)


def gating_wait(state: GatingState, translate: Translate) -> str:
    """``M-001: 'Notify the parent' is not done yet`` (the task's title is the study pack's own)."""
    return gating_hold(state.participant, state.task.title, state.task.days_before, state.hold, translate)


def gating_hold(participant: str, title: str, days: int, hold: GatingHold | None, translate: Translate) -> str:
    """A gating task's hold from its facts (as an error's parameters carry them)."""
    if hold is GatingHold.TOO_LATE:
        text = translate("Readiness", "{participant}: '{task}' was done less than {days} day(s) before the session")
    elif hold is GatingHold.NO_START:
        text = translate(
            "Readiness",
            "{participant}: '{task}' must be done at least {days} day(s) before the session; set the session's "
            "date so they can be counted",
        )
    else:
        text = translate("Readiness", "{participant}: '{task}' is not done yet")
    return text.format(participant=participant, task=title, days=days)


def checklist_detail(item: ChecklistItem, translate: Translate) -> str:
    """What the item's facts say (what a plan lacks, the documents not in use, the disk space ...)."""
    if item.id == "lone_working":
        parts = plan_parts(translate)
        return ", ".join(parts.get(m, m) for m in item.missing)
    if item.id == "documents" and item.documents:
        return ", ".join(document_gap(g, translate) for g in item.documents) + translate(
            "Readiness", "; plan a new session, which takes the versions in use"
        )
    if item.id == "gating":
        return "; ".join(gating_wait(st, translate) for st in item.waiting)
    if item.id == "attributes":
        return "; ".join(item.missing)  # the pack's own names of the details not recorded
    if item.id == "interpreter_booked" and item.missing:
        return translate("Readiness", "the protocol asks for an interpreter at the consent")
    if item.id == "witness_booked" and item.missing:
        return translate("Readiness", "the protocol asks for a witness at the consent")
    if item.id == "disk":
        return translate("Readiness", "{free} MiB free, {need} MiB needed").format(
            free=item.free_mib, need=item.need_mib
        )
    if item.id == "mic":
        return mic_level(item.mic_peak_dbfs, item.mic_detail, translate)
    return ""


def mic_level(peak_dbfs: float | None, detail: str, translate: Translate) -> str:
    """The microphone check's loudest moment (``detail``, the core's statement, where only that was kept)."""
    if peak_dbfs is None:
        return detail
    return translate("Readiness", "peak {dbfs} dBFS").format(dbfs=f"{peak_dbfs:.0f}")


def recording_hold(hold: RecordingHold, translate: Translate) -> str:
    """Why ``hold.participant`` holds the recording back, as a clause (no full stop)."""
    if hold.block is RecordingBlock.GATING and hold.gating is not None:
        return gating_wait(hold.gating, translate) + translate("Readiness", " (the protocol asks for it first)")
    texts = {
        RecordingBlock.WITHDRAWN: translate("Readiness", "{participant} has withdrawn"),
        RecordingBlock.NOT_ELIGIBLE: translate("Readiness", "{participant} has not been screened eligible"),
        RecordingBlock.GATING: translate("Readiness", "a task the protocol asks for first is not done"),
        RecordingBlock.CAPACITY_FIRST: translate(
            "Readiness", "the protocol asks for {participant}'s capacity to be assessed at this session first"
        ),
        RecordingBlock.CANNOT_DECIDE: translate(
            "Readiness", "the capacity assessment at this session found {participant} cannot decide now"
        ),
        RecordingBlock.NO_CONSENT: translate("Readiness", "{participant} has not given consent"),
        RecordingBlock.NO_CONSULTEE_ADVICE: translate(
            "Readiness", "{participant}'s consultee has not given their advice: record it with the consent"
        ),
        RecordingBlock.OWN_CONSENT_NEEDED: translate(
            "Readiness",
            "{participant} was assessed able to decide after the consultee's advice was recorded: take "
            "{participant}'s own consent before recording",
        ),
        RecordingBlock.DECLINED_SINCE: translate(
            "Readiness", "{participant} declined consent after giving it: take consent again before recording"
        ),
        RecordingBlock.RECORDING_NOT_AFFIRMED: translate(
            "Readiness", "{participant} has not affirmed the recording statement"
        ),
    }
    return texts[hold.block].format(participant=hold.participant)
