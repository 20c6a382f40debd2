"""Safety around the interview: a safeguarding concern kept out of research data and bundles, and
lone-working prompts on a home visit, driven by a fake clock."""

from __future__ import annotations

import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QLabel, QWidget

from fieldwork_app.services import closeout, lonework, safeguarding, sessions
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services import sync as sync_svc
from fieldwork_app.services import tasks as tasks_svc
from fieldwork_app.services.clock import FakeClock
from fieldwork_app.sync.keys import generate_study_keypair, load_identity
from fieldwork_app.sync.storeside import unpack_store
from fieldwork_app.sync.transports import open_transport
from fieldwork_app.sync.trust import TrustedDevices
from tests.gui.conftest import unlock
from tests.gui.modal import click_named, save_as, when_modal
from tests.gui.test_session import click, consented_session, open_screen, run_db
from tests.support.people import add_eligible

SECRET = "Zebra-quartz disclosure 7731"


def test_a_safeguarding_concern_stays_out_of_research_data_and_bundles(
    qtbot, make_window, vault_dir, folder_store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    pub, key = generate_study_keypair(tmp_path / "dm")
    store = folder_store.fresh()

    def setup(ws):  # type: ignore[no-untyped-def]
        packs_svc.import_pack(ws, example=True, study_key_file=pub)
        sync_svc.add_store(ws, "usb", store.url)
        return consented_session(ws)

    w, screen, sid = open_screen(qtbot, make_window, vault_dir, setup)
    click(qtbot, screen, "safeguardingButton")
    f = screen.safeguarding
    assert screen.stack.currentWidget() is f
    assert "Designated lead" in f.guidance.text()
    qtbot.keyClicks(f.fields["account"], SECRET)
    f.category.setCurrentIndex(f.category.findData("child-harm"))
    qtbot.keyClicks(f.fields["at_risk"], "the baby")
    click(qtbot, f, "sgSave")
    qtbot.waitUntil(lambda: "saved in the identity store" in f.status.text(), timeout=5_000)
    assert "escalated to" in f.status.text() and "task" in f.status.text()
    due = run_db(qtbot, w, tasks_svc.due)
    assert [t.kind for t in due] == ["safeguarding"] and SECRET not in due[0].title

    qtbot.keyClicks(f.fields["escalated_to"], "Chief investigator")
    qtbot.keyClicks(f.fields["decision"], "Refer to children's social care with her knowledge")
    qtbot.keyClicks(f.share["what"], "the concern")
    qtbot.keyClicks(f.share["to_whom"], "Social care duty team")
    qtbot.keyClicks(f.share["why"], "risk to the baby")
    click(qtbot, f, "sgComplete")
    qtbot.waitUntil(lambda: "complete" in f.status.text(), timeout=5_000)
    cid = f.concern_id
    concern = run_db(qtbot, w, lambda ws: safeguarding.get(ws, cid))
    assert concern.status == "complete" and concern.body["account"] == SECRET
    assert len(concern.sharing) == 1 and concern.sharing[0]["to_whom"] == "Social care duty team"
    assert run_db(qtbot, w, tasks_svc.due) == []
    click(qtbot, f, "sgBack")
    assert f.fields["account"].toPlainText() == ""  # nothing of it stays on screen

    # Close the session and sync it; then search research.db and the unpacked bundle for the account.
    def finish(ws):  # type: ignore[no-untyped-def]
        closeout.save(ws, sid, wellbeing="fine")
        closeout.complete(ws, sid)
        sync_svc.queue_session(ws, sid)
        return sync_svc.sync_all(ws)

    report = run_db(qtbot, w, finish)
    assert report.ok and report.verified

    def research_text(ws):  # type: ignore[no-untyped-def]
        out = []
        for (table,) in ws.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
            for row in ws.db.execute(f'SELECT * FROM "{table}"').fetchall():  # noqa: S608 - names from the db
                out.append(" ".join(str(v) for v in tuple(row)))
        return "\n".join(out)

    text = run_db(qtbot, w, research_text)
    assert sid in text and SECRET not in text and "Zebra" not in text
    laptop = TrustedDevices.of((run_db(qtbot, w, sync_svc.device_fingerprint), "laptop 1"))
    transport = open_transport(store.url)
    try:
        assert unpack_store(transport, load_identity(key), tmp_path / "out", laptop).ok
    finally:
        transport.close()
    files = [p for p in (tmp_path / "out").rglob("*") if p.is_file()]
    assert files
    for p in files:
        assert b"Zebra-quartz" not in p.read_bytes(), p


START = datetime(2030, 3, 4, 10, 0, tzinfo=UTC)
END = START + timedelta(minutes=90)


def _home_visit(ws) -> str:  # type: ignore[no-untyped-def]
    pid = add_eligible(ws, "mother").id
    sid = sessions.new(ws, [pid], "interview", "home").id
    sessions.update_plan(
        ws,
        sid,
        {
            "lone_working": {
                "buddy_name": "Sam",
                "buddy_phone": "07700 900123",
                "start": START.isoformat(),
                "expected_end": END.isoformat(),
                "travel_home_minutes": 40,
                "code_word_agreed": True,
                "risk_assessment_done": True,
            }
        },
    )
    sessions.seal_location(ws, sid, "12 Example Road, Sometown", "01632 960000")
    return sid


def test_lone_working_prompts_follow_the_clock(qtbot, make_window, vault_dir, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock(START + timedelta(minutes=2))
    w, screen, sid = open_screen(qtbot, make_window, vault_dir, _home_visit, clock)
    lw = screen.lonework
    qtbot.waitUntil(lambda: "Check in with your buddy now" in lw.phase.text(), timeout=5_000)
    assert lw.isVisible() and not lw.buddy.isVisible()
    assert lw.buttons["check_in"].property("role") == "primary"

    clock.advance(minutes=20)  # no check-in by start + 15
    screen.refresh()
    qtbot.waitUntil(lambda: "there was no check-in" in lw.phase.text(), timeout=5_000)
    assert "calling you" in lw.buddy.text()
    click(qtbot, lw, "lonework-check_in")
    qtbot.waitUntil(lambda: "Checked in at" in lw.phase.text(), timeout=5_000)
    assert not lw.buttons["check_in"].isEnabled()

    clock.set(END)
    screen.refresh()
    qtbot.waitUntil(lambda: "check out with your buddy now" in lw.phase.text(), timeout=5_000)
    clock.advance(minutes=31)
    screen.refresh()
    qtbot.waitUntil(lambda: "min ago" in lw.phase.text(), timeout=5_000)
    assert lw.buddy.isVisible() and lw.buddy.text().startswith("Your buddy now:")
    click(qtbot, lw, "lonework-check_out")
    qtbot.waitUntil(lambda: "Confirm you are home safe" in lw.phase.text(), timeout=5_000)
    clock.advance(minutes=35)
    click(qtbot, lw, "lonework-home_safe")
    qtbot.waitUntil(lambda: "The visit is closed" in lw.phase.text(), timeout=5_000)

    events = run_db(qtbot, w, lambda ws: lonework.events(ws, sid))
    assert [e.kind for e in events] == ["check_in", "check_out", "home_safe"]
    assert events[0].at == (START + timedelta(minutes=22)).isoformat()

    # The address only on request, with a reason; the buddy sheet saved as a PDF.
    click(qtbot, lw, "unsealAddress")
    assert "Say why" in lw.address.text()
    qtbot.keyClicks(lw.reason, "buddy sheet check")
    click(qtbot, lw, "unsealAddress")
    qtbot.waitUntil(lambda: "12 Example Road" in lw.address.text(), timeout=5_000)
    target = tmp_path / "buddy.pdf"
    said: list[str] = []
    errors: list[BaseException] = []

    def plain(d) -> None:  # type: ignore[no-untyped-def]  # told what the sheet holds, they save it unencrypted
        said.append(d.text())
        click_named(d, "savePlainButton")

    when_modal("saveClearConfirm", plain, errors)
    when_modal("saveClearFileDialog", save_as(target), errors)
    click(qtbot, lw, "buddySheet")
    qtbot.waitUntil(lambda: target.exists() or bool(errors), timeout=10_000)
    assert not errors, errors
    assert said and "buddy sheet" in said[0] and "outside the encrypted vault" in said[0]
    assert target.read_bytes().startswith(b"%PDF") and stat.S_IMODE(target.stat().st_mode) == 0o600
    audit = run_db(qtbot, w, lambda ws: [r[0] for r in ws.db.execute("SELECT action FROM audit").fetchall()])
    assert "location.unseal" in audit and "lonework.buddy_sheet" in audit and "file.save" in audit


def test_code_word_escalates_and_is_recorded(qtbot, make_window, vault_dir) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock(START + timedelta(minutes=5))
    w, screen, sid = open_screen(qtbot, make_window, vault_dir, _home_visit, clock)
    lw = screen.lonework
    click(qtbot, lw, "lonework-check_in")
    qtbot.waitUntil(lambda: "Checked in at" in lw.phase.text(), timeout=5_000)
    clock.advance(minutes=10)
    click(qtbot, lw, "lonework-code_word")
    qtbot.waitUntil(lambda: "Code word used" in lw.phase.text(), timeout=5_000)
    assert lw.buddy.isVisible() and lw.buddy.text().startswith("Your buddy now:")
    assert not lw.buttons["code_word"].isEnabled()
    events = run_db(qtbot, w, lambda ws: lonework.events(ws, sid))
    assert [e.kind for e in events] == ["check_in", "code_word"]


def test_leaving_the_safeguarding_form_keeps_what_was_typed(qtbot, make_window, vault_dir) -> None:  # type: ignore[no-untyped-def]
    from fieldwork_app.services import packs as packs_svc

    def setup(ws):  # type: ignore[no-untyped-def]
        packs_svc.import_pack(ws, example=True)
        return consented_session(ws)

    w, screen, sid = open_screen(qtbot, make_window, vault_dir, setup)
    click(qtbot, screen, "safeguardingButton")
    f = screen.safeguarding
    qtbot.keyClicks(f.fields["account"], SECRET)
    f.told.setChecked(True)
    screen.open_distress()  # Ctrl+D in the middle of typing: nothing saved yet
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.distress, timeout=5_000)
    assert f.fields["account"].toPlainText() == ""  # off the screen ...
    qtbot.waitUntil(lambda: f.concern_id is not None, timeout=5_000)
    cid = f.concern_id
    stored = run_db(qtbot, w, lambda ws: safeguarding.get(ws, cid))
    assert stored.body["account"] == SECRET and stored.body["participant_told"] is True  # ... and kept
    screen.open_safeguarding()
    qtbot.waitUntil(lambda: f.fields["account"].toPlainText() == SECRET, timeout=5_000)  # back on screen
    assert f.told.isChecked()
    qtbot.keyClicks(f.fields["at_risk"], "the baby")
    click(qtbot, f, "sgSave")
    qtbot.waitUntil(lambda: "saved in the identity store" in f.status.text(), timeout=5_000)
    again = run_db(qtbot, w, lambda ws: safeguarding.get(ws, cid))
    assert again.body["participant_told"] is True and again.body["at_risk"] == "the baby"  # nothing undone

    qtbot.keyClicks(f.fields["present"], "her sister")
    w.lock()  # the app locks while the form is open with an unsaved change
    qtbot.waitUntil(lambda: not w.unlocked, timeout=5_000)
    assert f.fields["account"].toPlainText() == "" and f.fields["present"].text() == ""  # nothing on screen
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)
    locked = run_db(qtbot, w, lambda ws: safeguarding.get(ws, cid))
    assert locked.body["present"] == "her sister"


def test_distress_steps_taken_before_the_event_is_back_from_the_database_are_kept(
    qtbot, make_window, vault_dir
) -> None:  # type: ignore[no-untyped-def]
    from fieldwork_app.services import distress as distress_svc
    from fieldwork_app.services import packs as packs_svc

    def setup(ws):  # type: ignore[no-untyped-def]
        packs_svc.import_pack(ws, example=True)
        return consented_session(ws)

    w, screen, sid = open_screen(qtbot, make_window, vault_dir, setup)
    gate = __import__("threading").Event()
    w.ctx.tasks.db(lambda _ws: gate.wait(5))  # the database thread is busy (a sync being prepared, say)
    screen.open_distress()
    assert screen.p.event_id is None  # the opening is still queued
    screen.p.distress_step("stage", level=1)
    screen.p.distress_step("sign", id="tearful")
    gate.set()
    qtbot.waitUntil(lambda: screen.p.event_id is not None, timeout=5_000)
    eid = screen.p.event_id
    event = run_db(qtbot, w, lambda ws: distress_svc.get(ws, eid))
    assert event.highest_stage == 1 and event.signs == ("tearful",)
    events = run_db(qtbot, w, lambda ws: ws.db.execute("SELECT COUNT(*) FROM distress_events").fetchone()[0])
    assert events == 1  # one event, not one per step


def test_an_overdue_visit_is_flagged_on_the_study_home(qtbot, make_window, vault_dir) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.conftest import unlock

    now = datetime.now(UTC)

    def past_visit(ws):  # type: ignore[no-untyped-def]
        sid = sessions.new(ws, [add_eligible(ws, "mother").id], "interview", "home").id
        plan = {"buddy_name": "Sam", "buddy_phone": "07700 900123", "start": (now - timedelta(hours=3)).isoformat(),
                "expected_end": (now - timedelta(hours=1)).isoformat(), "travel_home_minutes": 40,
                "code_word_agreed": True, "risk_assessment_done": True}  # fmt: skip
        sessions.update_plan(ws, sid, {"lone_working": plan})
        lonework.record(ws, sid, "check_in")
        return sid  # checked in, never checked out, the visit ended an hour ago

    w = make_window(vault_dir, idle_ms=3_600_000)
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)
    sid = run_db(qtbot, w, past_visit)
    w.show_page("home")
    home = w.page("home")
    home.refresh()
    qtbot.waitUntil(lambda: (sid, "check_out") in home.visit_buttons, timeout=5_000)
    row = home.findChild(QWidget, f"visit-{sid}")
    text = " ".join(lbl.text() for lbl in row.findChildren(QLabel))
    assert "Check out with your buddy now" in text and home.visits_box.isVisible()
    assert f"Lone working, {sid}" not in home.notice.text()  # said once, beside its buttons
