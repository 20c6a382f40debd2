"""The data manager's analysis page: transcript drafts and REFI-QDA export of an analysis folder.

The work runs on a thread of its own (it needs no vault, and may take an hour: the app's pool is waited
for when the window closes, this thread is not; every file it writes is renamed into place whole, so
stopping it anywhere loses nothing).  Progress and the result come back through a small bridge whose
signals are queued to the GUI thread; Cancel sets a flag the job checks between segments.  Problems are
shown in the words the command line uses.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from fieldwork_app.analysis.refiqda import export_qdpx
from fieldwork_app.analysis.transcribe import TranscribeReport, transcribe_folder
from fieldwork_app.errors import ErrorKind, FieldworkError

from fieldwork_app.gui.views.common import label, scroll_page

if TYPE_CHECKING:
    from fieldwork_app.gui.context import AppContext


class _Bridge(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object, object)  # (callback, result or exception)


class _State:
    """The task-state protocol for the analysis jobs: progress out through the bridge, cancel in."""

    def __init__(self, bridge: _Bridge) -> None:
        self.bridge = bridge
        self.cancel = threading.Event()

    def set_progress(self, done_bytes: int, total_bytes: int, message: str) -> None:
        self.bridge.progress.emit(int(done_bytes), int(total_bytes), message)

    def cancel_requested(self) -> bool:
        return self.cancel.is_set()


class AnalysisPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.state: _State | None = None
        self.bridge = _Bridge(self)
        self.bridge.progress.connect(self._on_progress)
        self.bridge.finished.connect(self._deliver)  # the page is the receiver: queued to the GUI thread
        layout, _ = scroll_page(self)
        layout.addWidget(label(self.tr("Analysis (data manager)"), "title"))
        layout.addWidget(
            label(
                self.tr(
                    "On the data manager's machine, offline: transcript drafts of every take in an analysis "
                    "folder (from 'store unpack') with a local Whisper model, and a REFI-QDA project for "
                    "NVivo, ATLAS.ti, MAXQDA or QualCoder."
                )
            )
        )
        form = QFormLayout()
        self.folder_edit = QLineEdit()
        self.model_edit = QLineEdit()
        self.out_edit = QLineEdit()
        self.folder_edit.setAccessibleName(self.tr("Analysis folder"))
        self.model_edit.setAccessibleName(self.tr("Model folder"))
        self.out_edit.setAccessibleName(self.tr("Project file"))
        form.addRow(self.tr("&Analysis folder"), self.folder_edit)
        form.addRow(self.tr("&Model folder"), self.model_edit)
        form.addRow(self.tr("&Project file (.qdpx)"), self.out_edit)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.transcribe_button = QPushButton(self.tr("&Transcribe"))
        self.export_button = QPushButton(self.tr("&Export"))
        self.cancel_button = QPushButton(self.tr("&Cancel"))
        self.cancel_button.setEnabled(False)
        for b in (self.transcribe_button, self.export_button, self.cancel_button):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setValue(0)
        layout.addWidget(self.bar)
        self.take_label = label("")
        self.message = label("")
        layout.addWidget(self.take_label)
        layout.addWidget(self.message)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Details"))
        self.details.setMinimumHeight(80)
        layout.addWidget(self.details)
        self.transcribe_button.clicked.connect(self.transcribe)
        self.export_button.clicked.connect(self.export)
        self.cancel_button.clicked.connect(self.cancel)

    # -- running ----------------------------------------------------------------------------------
    def _busy(self, busy: bool) -> None:
        self.transcribe_button.setEnabled(not busy)
        self.export_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy and self.state is not None)

    def _paths(self, *edits: QLineEdit) -> list[Path] | None:
        values = [e.text().strip() for e in edits]
        if not all(values):
            self.message.setText(self.tr("Fill in the folders first."))
            return None
        return [Path(v).expanduser() for v in values]

    def transcribe(self) -> None:
        paths = self._paths(self.folder_edit, self.model_edit)
        if paths is None:
            return
        folder, model = paths
        self.state = _State(self.bridge)
        state = self.state
        self.bar.setValue(0)
        self.details.clear()
        self.message.setText(self.tr("Transcribing..."))
        self._busy(True)
        self._run(lambda: transcribe_folder(folder, model, state=state), self._transcribed)

    def export(self) -> None:
        paths = self._paths(self.folder_edit, self.out_edit)
        if paths is None:
            return
        folder, out = paths
        self.state = None
        self.message.setText(self.tr("Exporting..."))
        self._busy(True)
        self._run(lambda: export_qdpx(folder, out), self._exported)

    def _run(self, job: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        bridge = self.bridge

        def work() -> None:
            try:
                result: Any = job()
                callback: Callable[[Any], None] = on_done
            except Exception as exc:  # noqa: BLE001 - shown on the page, in the command line's words
                result, callback = exc, self._failed
            try:
                bridge.finished.emit(callback, result)
            except RuntimeError:
                pass  # the page has gone (the window was closed): nobody to tell

        threading.Thread(target=work, name="fieldwork-analysis", daemon=True).start()

    def _deliver(self, callback: Callable[[Any], None], value: Any) -> None:
        callback(value)

    def cancel(self) -> None:
        if self.state is not None:
            self.state.cancel.set()
            self.message.setText(self.tr("Cancelling after the current segment..."))
            self.cancel_button.setEnabled(False)

    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.bar.setValue(int(1000 * done / max(1, total)))
        self.take_label.setText(message)

    def _transcribed(self, report: TranscribeReport) -> None:
        self.state = None
        self._busy(False)
        self.bar.setValue(1000)
        self.message.setText(
            self.tr("Transcribed {0} take(s); {1} already done; {2} skipped; {3} failed.").format(
                len(report.done), len(report.already), len(report.skipped), len(report.failed)
            )
        )
        lines = [f"skipped {s['take']}: {s['reason']}" for s in report.skipped]
        lines += [f"warning {w['take']}: {w['warning']}" for w in report.warnings]
        lines += [f"failed {f['take']}: {f['error']}" for f in report.failed]
        self.details.setPlainText("\n".join(lines))

    def _exported(self, report: Any) -> None:
        self._busy(False)
        self.message.setText(
            self.tr("Wrote {0}: {1} case(s), {2} audio source(s), {3} transcript(s), {4} code(s).").format(
                report.out, report.cases, report.sources, report.transcripts, report.codes
            )
        )
        self.details.setPlainText("\n".join(f"no transcript yet: {r}" for r in report.without_transcript))

    def _failed(self, exc: BaseException) -> None:
        self.state = None
        self._busy(False)
        if isinstance(exc, FieldworkError) and exc.kind is ErrorKind.CANCELLED:
            self.message.setText(
                self.tr("Cancelled; takes already done are kept. Transcribe again to go on.")
            )
        elif isinstance(exc, FieldworkError):
            self.message.setText(exc.message)
        else:
            self.message.setText(
                self.tr("Unexpected error ({0}); nothing done was lost.").format(type(exc).__name__)
            )
