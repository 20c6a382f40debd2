"""The session screen's presenter: every service call of an interview, on the database thread.

Views never call a service.  They ask the presenter, which submits ``fn(ws)`` through
``ctx.tasks.db`` and hands the result back (on the GUI thread) through a signal.  Audio positions
come from the app's :class:`~fieldwork_app.gui.recording_controller.RecordingController`, read on the
GUI thread at the moment the researcher acts, so a note or a distress step lands where they heard it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from fieldwork_app.audio import RecorderState
from fieldwork_app.errors import ErrorKind, FieldworkError
from fieldwork_app.services import clearfiles, completion, screens
from fieldwork_app.services import distress as distress_svc
from fieldwork_app.services import ethics as ethics_svc
from fieldwork_app.services import interview as interview_svc
from fieldwork_app.services import lonework as lonework_svc
from fieldwork_app.services import pdfs as pdfs_svc
from fieldwork_app.services import recording as recording_svc
from fieldwork_app.services import safeguarding as safeguarding_svc
from fieldwork_app.services import sessions as sessions_svc
from fieldwork_app.services.clock import Clock, FakeClock, SystemClock
from fieldwork_app.services.clock import parse as parse_time

from fieldwork_app.gui.messages import describe

if TYPE_CHECKING:
    from fieldwork_app.services.workspace import Workspace

    from fieldwork_app.gui.context import AppContext

logger = logging.getLogger(__name__)


SessionInfo = screens.SessionInfo  # what the screen needs once: one service query (screens.session_overview)


class SessionPresenter(QObject):
    loaded = Signal(object)  # SessionInfo
    coverage_changed = Signal(object)  # interview.Coverage
    notes_changed = Signal(object)  # list[interview.Note]
    takes_changed = Signal(object)  # list[dict]
    interrupted = Signal(int)  # takes waiting for recovery on this laptop
    recovered = Signal(object)  # list[recording.Recovered]
    marker_added = Signal(str, float)  # kind, position (-1 when not recording)
    marker_warning = Signal(str)  # a quote marker where a participant declined to be quoted
    lonework_changed = Signal(object)  # LoneWorkingState
    distress_changed = Signal(object)  # DistressEvent
    distress_closed = Signal(object)  # DistressEvent
    closeout_saved = Signal(object)  # CloseOut
    completed = Signal(str)  # bundle id queued for sync
    concern_saved = Signal(str, str, object)  # concern id, status, fields still missing
    concern_loaded = Signal(object)  # the stored record (a safeguarding Concern), to put back on the form
    message = Signal(str, str)  # text, role (ok / warning / error)

    def __init__(self, ctx: AppContext, session_id: str, clock: Clock | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.session_id = session_id
        self.clock: Clock = clock or getattr(ctx, "clock", None) or SystemClock()
        self.info: SessionInfo | None = None
        self.event_id: str | None = None
        # True from the moment the protocol is opened until its event is closed (the event's id may still
        # be on its way back from the database thread): every pause and resume in between is a step.
        self.distress_open = False

    # -- plumbing ------------------------------------------------------------------------------------
    def _db(self, fn: Callable[[Workspace], Any], done: Callable[[Any], None] | None = None) -> None:
        def failed(exc: BaseException) -> None:
            if isinstance(exc, FieldworkError) and exc.kind is ErrorKind.VAULT_LOCKED:
                return  # a look that fell in a lock (a take stopped on the lock screen): the unlock looks again
            if not isinstance(exc, FieldworkError):
                logger.error("session screen task failed: %s", type(exc).__name__)
            self.message.emit(describe(exc), "error")

        self.ctx.tasks.db(fn, done, failed, owner=self)

    def position(self) -> float | None:
        """Where the interview recording is now (None when no interview take of this session runs)."""
        take = self.ctx.recorder.take
        if take is None or take.kind != "interview" or take.session_id != self.session_id:
            return None
        return round(take.position, 2)

    def recording_id(self) -> str | None:
        take = self.ctx.recorder.take
        return take.recording_id if take is not None and take.session_id == self.session_id else None

    # -- loading -------------------------------------------------------------------------------------
    def load(self) -> None:
        sid = self.session_id

        def done(info: SessionInfo) -> None:
            self.info = info
            self.event_id = info.open_event
            self.distress_open = info.open_event is not None
            self.loaded.emit(info)
            self.takes_changed.emit(list(info.takes))

        self._db(lambda ws: screens.session_overview(ws, sid), done)
        self.check_interrupted()
        self.refresh_coverage()
        self.refresh_notes()

    def refresh_coverage(self) -> None:
        sid, clock = self.session_id, self.clock

        def call(ws: Workspace) -> Any:
            try:
                return interview_svc.coverage(ws, sid, clock=clock)
            except FieldworkError:
                return None

        def done(cov: Any) -> None:
            if cov is not None:
                self.coverage_changed.emit(cov)

        self._db(call, done)

    def refresh_notes(self) -> None:
        sid = self.session_id
        self._db(lambda ws: interview_svc.notes(ws, sid), self.notes_changed.emit)

    def refresh_takes(self) -> None:
        sid = self.session_id
        self._db(lambda ws: recording_svc.list_recordings(ws, sid, "interview"), self.takes_changed.emit)

    def check_interrupted(self) -> None:
        """How many takes on this laptop wait for recovery (live takes are never counted)."""
        self._db(recording_svc.interrupted_count, self.interrupted.emit)

    def recover(self) -> None:
        def done(found: list[recording_svc.Recovered]) -> None:
            self.recovered.emit(found)
            if not any(r.problem for r in found):
                self.interrupted.emit(0)
            self.refresh_takes()

        self._db(recording_svc.recover_all, done)

    # -- recording -----------------------------------------------------------------------------------
    def start_recording(self) -> None:
        self.ctx.recorder.start(self.session_id, kind="interview")

    def pause_or_resume(self) -> None:
        take = self.ctx.recorder.take
        if take is None:
            return
        in_protocol = self.distress_open and take.session_id == self.session_id
        if take.state is RecorderState.RECORDING:
            self.ctx.recorder.pause()
            if in_protocol:
                self.distress_step("recording_paused")
        elif take.state is RecorderState.PAUSED:
            self.ctx.recorder.resume()
            if in_protocol:
                self.distress_step("recording_resumed")

    def stop_recording(self) -> None:
        self.ctx.recorder.stop()

    def add_marker(self, kind: str = "marker", label: str = "", speaker: str | None = None) -> None:
        sid, pos, rid = self.session_id, self.position(), self.recording_id()
        def add(ws: Workspace) -> str:
            recording_svc.add_marker(ws, sid, kind, label, pos, rid, speaker or None)
            return ethics_svc.marker_warning(ws, sid, kind)

        def added(warning: str) -> None:
            self.marker_added.emit(kind, -1.0 if pos is None else pos)
            if warning:
                self.marker_warning.emit(warning)

        self._db(add, added)

    # -- guide and notes -----------------------------------------------------------------------------
    def mark_question(self, question_id: str, state: str, reason: str | None = None) -> None:
        sid, pos, clock = self.session_id, self.position(), self.clock
        self._db(
            lambda ws: interview_svc.mark_question(ws, sid, question_id, state, reason, pos, clock=clock),
            lambda _p: self.refresh_coverage(),
        )

    def enter_section(self, section_id: str) -> None:
        sid, pos, rid, clock = self.session_id, self.position(), self.recording_id(), self.clock
        self._db(
            lambda ws: interview_svc.enter_section(ws, sid, section_id, pos, recording_id=rid, clock=clock),
            lambda _r: self.refresh_coverage(),
        )

    def add_note(self, text: str, position: float | None, speaker: str | None = None) -> None:
        sid, rid, clock = self.session_id, self.recording_id(), self.clock
        self._db(
            lambda ws: interview_svc.add_note(
                ws, sid, text, position, "note", speaker or None, rid, clock=clock
            ),
            lambda _n: self.refresh_notes(),
        )

    # -- lone working --------------------------------------------------------------------------------
    def refresh_lonework(self) -> None:
        sid, clock = self.session_id, self.clock
        self._db(lambda ws: lonework_svc.state(ws, sid, clock), self.lonework_changed.emit)

    def lonework(self, kind: str) -> None:
        sid, clock = self.session_id, self.clock
        self._db(lambda ws: lonework_svc.record(ws, sid, kind, clock), self.lonework_changed.emit)

    def unseal_address(self, reason: str, done: Callable[[dict[str, str]], None]) -> None:
        sid = self.session_id
        self._db(lambda ws: sessions_svc.unseal_location(ws, sid, reason), done)

    def save_buddy_sheet(
        self, include_address: bool, out: Path, passphrase: str | None, done: Callable[[Path], None]
    ) -> None:
        """Save the buddy sheet outside the vault (a new 0600 file, or age-encrypted; audited)."""
        sid = self.session_id
        self._db(
            lambda ws: clearfiles.save_buddy_sheet(ws, sid, include_address, out, passphrase=passphrase), done
        )

    def signposting_pdf(self, done: Callable[[bytes], None], participant_id: str = "") -> None:
        """The support list as a PDF: the participant's own entries, or (none named) those offered to the
        session (every participant's)."""
        info = self.info
        if info is None:
            return
        own = next((p.signposting for p in info.people if p.participant_id == participant_id), None)
        ids = own if own is not None else tuple(e.id for e in info.signposting)
        self._db(lambda ws: pdfs_svc.signposting_pdf(ws, entry_ids=ids), done)

    # -- distress ------------------------------------------------------------------------------------
    def open_distress(self, pause: bool) -> None:
        """Open (or reopen) the event; pause the recording first when asked, and record that step.

        The take is paused here, at once, on the GUI thread that owns the recorder; the service then records
        the opening and the pause as one record (see distress.open_with_recording)."""
        sid, pos, clock = self.session_id, self.position(), self.clock
        take = self.ctx.recorder.take
        running = take is not None and take.state is RecorderState.RECORDING
        will_pause = distress_svc.pause_on_open(pause, running)
        self.distress_open = True
        if will_pause:
            self.ctx.recorder.pause()
        self._db(
            lambda ws: distress_svc.open_with_recording(ws, sid, pos, recording_paused=will_pause, clock=clock),
            self._on_event,
        )

    def _on_event(self, event: distress_svc.DistressEvent) -> None:
        self.event_id = event.id
        self.distress_changed.emit(event)

    def _event(self, ws: Workspace, eid: str | None) -> str:
        """The open event: as known here, or (when the step comes before the opening has come back from
        the database thread) the one open_event made or finds; so no step is ever dropped."""
        return eid or distress_svc.open_event(ws, self.session_id, clock=self.clock)

    def distress_step(self, kind: str, **data: Any) -> None:
        eid, pos, clock = self.event_id, self.position(), self.clock
        self._db(
            lambda ws: distress_svc.record_step(
                ws, self._event(ws, eid), kind, position=pos, clock=clock, **data
            ),
            self._on_event,
        )

    def distress_step_at(self, kind: str, position: float, at: str) -> None:
        """A step that happened while the vault was closed (a pause pressed on the lock screen), at its time."""
        eid, when = self.event_id, FakeClock(parse_time(at, "time"))
        self._db(
            lambda ws: distress_svc.record_step(ws, self._event(ws, eid), kind, position=position, clock=when),
            self._on_event,
        )

    def set_recording_paused(self, paused: bool) -> None:
        """The researcher's override of the protocol's default: pause, or go on recording."""
        take = self.ctx.recorder.take
        if take is None:
            return
        if paused and take.state is RecorderState.RECORDING:
            self.ctx.recorder.pause()
            self.distress_step("recording_paused")
        elif not paused and take.state is RecorderState.PAUSED:
            self.ctx.recorder.resume()
            self.distress_step("recording_resumed")

    def resume_interview(self) -> None:
        """Close the event as resumed; the recording goes on if it was paused."""
        eid, pos, clock = self.event_id, self.position(), self.clock
        take = self.ctx.recorder.take
        resume = take is not None and take.state is RecorderState.PAUSED
        if resume:
            self.ctx.recorder.resume()

        def call(ws: Workspace) -> Any:
            event = self._event(ws, eid)
            if resume:
                distress_svc.record_step(ws, event, "recording_resumed", position=pos, clock=clock)
            return distress_svc.close_event(ws, event, "resumed", clock=clock)

        self._db(call, self._on_closed)

    def end_early(self, reason: str) -> None:
        """Close the event as ended early (with the reason) and stop the take; close-out comes next."""
        eid, clock = self.event_id, self.clock
        if self.ctx.recorder.take is not None:
            self.ctx.recorder.stop()
        self._db(
            lambda ws: distress_svc.close_event(ws, self._event(ws, eid), "ended_early", reason, clock=clock),
            self._on_closed,
        )

    def _on_closed(self, event: distress_svc.DistressEvent) -> None:
        self.event_id = None
        self.distress_open = False
        if self.info is not None and event.outcome == "ended_early":
            self.info = replace(self.info, ended_early=True, open_event=None)
        self.distress_closed.emit(event)

    # -- close-out -----------------------------------------------------------------------------------
    def save_closeout(self, fields: dict[str, Any], complete: bool = False) -> None:
        """Save the close-out; completing it also queues the session for sync (one service call)."""
        sid, clock = self.session_id, self.clock

        def done(out: completion.CloseOutResult) -> None:
            self.closeout_saved.emit(out.closeout)
            if out.bundle_id is not None:
                self.completed.emit(out.bundle_id)

        self._db(lambda ws: completion.close_out(ws, sid, fields, complete=complete, clock=clock), done)

    # -- safeguarding --------------------------------------------------------------------------------
    def load_concern(self, concern_id: str) -> None:
        """The stored record, for the form shown again (the view is audited, as every view is)."""
        self._db(
            lambda ws: safeguarding_svc.get(ws, concern_id, reason="continuing the record"),
            self.concern_loaded.emit,
        )

    def save_concern(
        self,
        concern_id: str | None,
        participant_id: str,
        fields: dict[str, Any],
        sharing: list[dict[str, Any]],
        complete: bool = False,
    ) -> None:
        """Save the record as the form holds it (created with its same-day task if new): one service call.

        Everything goes to the identity store through the service; nothing of it is kept by the screen.
        """
        sid, clock = self.session_id, self.clock
        whom = participant_id or None  # not chosen yet (a draft saved on leaving a joint session's form)

        def done(out: safeguarding_svc.SavedRecord) -> None:
            self.concern_saved.emit(out.id, out.status, list(out.missing))
            if out.not_completed is not None:
                self.message.emit(describe(out.not_completed), "error")

        self._db(
            lambda ws: safeguarding_svc.save_record(
                ws, sid, whom, fields, sharing, concern_id=concern_id, complete=complete, clock=clock
            ),
            done,
        )
