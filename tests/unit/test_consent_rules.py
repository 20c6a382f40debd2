"""Consent rules the service enforces whatever the caller: a later "no" outweighs an earlier "yes", the
order of records does not depend on the clock, and each mode brings its evidence."""

from __future__ import annotations

import pytest

from fieldwork_app.errors import ConsentError, InvalidInput
from fieldwork_app.services import consent, sessions
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.vault import now_iso
from tests.support.people import add_eligible


def _session(ws: Workspace) -> tuple[str, str]:
    packs_svc.import_pack(ws, example=True)
    m = add_eligible(ws, "mother").id
    return sessions.new(ws, [m], "interview", "clinic").id, m


def _all_yes(ws: Workspace, s: str, m: str) -> dict[str, bool]:
    return {k: True for k in consent.template(ws, s, m)}


def test_declining_after_consenting_stops_recording_until_she_consents_again(ws: Workspace) -> None:
    s, m = _session(ws)
    consent.record(ws, s, m, "paper", _all_yes(ws, s, m))
    assert consent.can_record(ws, s).allowed
    required = next(st.id for st in consent.form_for(ws, s, m).statements if st.required)
    with pytest.raises(ConsentError):
        consent.record(ws, s, m, "paper", {**_all_yes(ws, s, m), required: False})
    permission = consent.can_record(ws, s)
    assert not permission.allowed and "declined consent after giving it" in permission.reasons[0]
    consent.record(ws, s, m, "paper", _all_yes(ws, s, m))
    assert consent.can_record(ws, s).allowed


def test_the_latest_record_is_the_last_taken_whatever_the_clock_says(ws: Workspace) -> None:
    s, m = _session(ws)
    consent.record(ws, s, m, "paper", _all_yes(ws, s, m))
    with ws.vault.transaction() as db:  # the laptop's clock was ahead when the first was taken
        db.execute("UPDATE consent_records SET taken_at = '2099-01-01T00:00:00+00:00'")
    optional = [st.id for st in consent.form_for(ws, s, m).statements if not st.required]
    second = consent.record(ws, s, m, "paper", {**_all_yes(ws, s, m), **{k: False for k in optional}})
    latest = consent.latest(ws, s, m)
    assert latest is not None and latest["id"] == second.consent_id


def test_each_mode_brings_its_evidence(ws: Workspace) -> None:
    s, m = _session(ws)
    with pytest.raises(InvalidInput, match="both signatures"):
        consent.record(ws, s, m, "electronic", _all_yes(ws, s, m))
    with pytest.raises(InvalidInput, match="consent recording"):
        consent.record(ws, s, m, "verbal", _all_yes(ws, s, m))
    with pytest.raises(InvalidInput, match="is not it"):
        consent.record(ws, s, m, "verbal", _all_yes(ws, s, m), recording_id="R-made-up")
    other = add_eligible(ws, "mother").id
    with ws.vault.transaction() as db:  # another participant's consent recording is not hers
        db.execute(
            "INSERT INTO recordings (id, session_id, kind, take_no, participant_id, file, status, started_at)"
            " VALUES ('R-theirs', ?, 'consent', 1, ?, 'R-theirs.fwa', 'sealed', ?)",
            (s, other, now_iso()),
        )
    with pytest.raises(InvalidInput, match="is not it"):
        consent.record(ws, s, m, "verbal", _all_yes(ws, s, m), recording_id="R-theirs")
    assert consent.latest(ws, s, m) is None  # nothing was recorded


def test_attested_consent_needs_the_form_to_allow_it_and_a_reason_kept_with_the_signatures(
    attested_vault_dir,  # type: ignore[no-untyped-def]
) -> None:
    from fieldwork_app.services import workspace
    from tests.support.vaults import PASSPHRASE, USER

    ws = workspace.unlock(attested_vault_dir, USER, PASSPHRASE)
    try:
        m = add_eligible(ws, "mother").id
        s = sessions.new(ws, [m], "interview", "clinic").id
        assert "attested" in [str(x) for x in consent.form_for(ws, s, m).modes]
        with pytest.raises(InvalidInput, match="needs the reason"):
            consent.record(ws, s, m, "attested", _all_yes(ws, s, m))
        with pytest.raises(InvalidInput, match="belongs to attested consent only"):
            consent.record(ws, s, m, "paper", _all_yes(ws, s, m), unsigned_reason="hand in a cast")
        with pytest.raises(InvalidInput, match="they signed"):
            consent.record(
                ws, s, m, "attested", _all_yes(ws, s, m), unsigned_reason="x",
                signatures={"participant": {"svg": "<svg/>", "name": ""}},
            )  # fmt: skip
        assert consent.latest(ws, s, m) is None
        result = consent.record(
            ws,
            s,
            m,
            "attested",
            _all_yes(ws, s, m),
            unsigned_reason="  Her hand is in a cast  ",
            signatures={"researcher": {"svg": "<svg><path d='M 1 1 L 2 2'/></svg>", "name": "alice"}},
        )
        assert result.form_title and result.form_version == "1.1" and result.information_sheet_title
        rec = consent.latest(ws, s, m)
        assert rec is not None and rec["mode"] == "attested"
        assert "cast" not in str(dict(rec))  # the reason is not in the research record ...
        row = ws.idb.execute(
            "SELECT reason, recorded_by FROM consent_unsigned WHERE consent_id = ?", (rec["id"],)
        )
        assert tuple(row.fetchone()) == ("Her hand is in a cast", "alice")  # ... but kept with the signatures
        assert consent.can_record(ws, s).allowed
    finally:
        ws.close()


def test_a_form_that_does_not_list_attested_consent_refuses_it(ws: Workspace) -> None:
    s, m = _session(ws)
    with pytest.raises(ConsentError, match="does not allow attested"):
        consent.record(ws, s, m, "attested", _all_yes(ws, s, m), unsigned_reason="cannot hold a pen")
    assert consent.latest(ws, s, m) is None
