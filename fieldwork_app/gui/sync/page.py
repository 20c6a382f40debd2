"""The sync page: what waits on this laptop, for how long, and a Sync button that never blocks the UI.

The sync itself is run by :class:`~fieldwork_app.gui.sync.presenter.SyncPresenter`; what is shown comes
from :func:`~fieldwork_app.gui.sync.query.overview`.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from fieldwork_app.errors import ErrorKind
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services.sync import BundleKind, OutboxItem, OutboxState

from fieldwork_app.gui.formatting import when_text
from fieldwork_app.gui.messages import describe, message_for
from fieldwork_app.gui.sync.presenter import SyncPresenter
from fieldwork_app.gui.views.common import label, plain_tip, scroll_page, set_role

if TYPE_CHECKING:

    from fieldwork_app.gui.context import AppContext
    from fieldwork_app.gui.sync.query import SyncOverview

logger = logging.getLogger(__name__)


def _age(iso: str) -> tuple[str, float]:
    """A queue time as local date and time, and how many days ago it was."""
    try:
        then = datetime.fromisoformat(iso)
    except ValueError:
        return iso, 0.0
    if then.tzinfo is None:
        then = then.replace(tzinfo=UTC)
    days = (datetime.now(UTC) - then).total_seconds() / 86400
    return when_text(then), days  # the app's one date format


def _size(n: int) -> str:
    value = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return str(n)


class SyncPage(QWidget):
    COLUMNS = 6

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncPage")
        self.ctx = ctx
        self.p = SyncPresenter(ctx)
        self.p.setParent(self)
        lay, _ = scroll_page(self)
        lay.addWidget(label(self.tr("Sync to the study store"), "title"))
        lay.addWidget(
            label(
                self.tr(
                    "Data leaves this laptop encrypted for the study; audio is deleted here only after the "
                    "store has confirmed it. You can go on working, or recording, while it runs."
                ),
                "hint",
            )
        )
        self.store = label("", "subtitle")
        self.store.setObjectName("syncStore")
        self.fingerprint = label("", "hint")
        self.fingerprint.setObjectName("deviceFingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.store)
        lay.addWidget(self.fingerprint)
        # the key on a line of its own (a fingerprint is one long word), its buttons on the row under it
        self.study_key = label("", "hint")
        self.study_key.setObjectName("studyKeyFingerprint")
        self.study_key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.study_key_button = QPushButton(self.tr("Add the study key…"))
        self.study_key_button.setObjectName("studyKeyButton")
        self.study_key_button.clicked.connect(self._study_key)
        self.pack_button = QPushButton(self.tr("Import a study pack…"))
        self.pack_button.setObjectName("packImportButton")
        self.pack_button.clicked.connect(self._import_pack)
        lay.addWidget(self.study_key)
        key_row = QHBoxLayout()
        key_row.addWidget(self.study_key_button)
        key_row.addWidget(self.pack_button)
        key_row.addStretch(1)
        lay.addLayout(key_row)
        self._key_fingerprint = ""
        self.tree = QTreeWidget()
        self.tree.setObjectName("outbox")
        self.tree.setAccessibleName(self.tr("Waiting on this laptop"))
        self.tree.setHeaderLabels(
            [
                self.tr("Session"),
                self.tr("State"),
                self.tr("Audio on this laptop"),
                self.tr("Size"),
                self.tr("Waiting since"),
                self.tr("Note"),
            ]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setMinimumHeight(180)
        lay.addWidget(self.tree)
        # why the selected bundle was not sent (also each of its cells' tooltip)
        self.details = label("", "hint")
        self.details.setObjectName("outboxDetails")
        self.details.setVisible(False)
        lay.addWidget(self.details)
        self.tree.currentItemChanged.connect(self._show_details)
        self.bar = QProgressBar()
        self.bar.setObjectName("syncProgress")
        self.bar.setAccessibleName(self.tr("Sync progress"))
        self.bar.setRange(0, 1000)
        self.bar.setValue(0)
        self.left = QLabel()
        self.left.setTextFormat(Qt.TextFormat.PlainText)
        self.left.setObjectName("syncTimeLeft")
        lay.addWidget(self.bar)
        lay.addWidget(self.left)
        row = QHBoxLayout()
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setObjectName("syncNow")
        self.sync_button.setProperty("role", "primary")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("syncCancel")
        self.cancel_button.setEnabled(False)
        self.store_button = QPushButton(self.tr("Set up the study store…"))
        self.store_button.setObjectName("storeSetup")
        self.store_button.clicked.connect(self._setup_store)
        row.addWidget(self.sync_button)
        row.addWidget(self.cancel_button)
        row.addWidget(self.store_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.message = label("", "hint")
        self.message.setObjectName("syncMessage")
        lay.addWidget(self.message)
        self.sync_button.clicked.connect(self.p.sync)
        self.cancel_button.clicked.connect(self.p.cancel)
        self.p.refreshed.connect(self._show)
        self.p.progress.connect(self._progress)
        self.p.running.connect(self._running)
        self.p.message.connect(self._message)
        self._items: dict[str, QTreeWidgetItem] = {}
        self.refresh()

    def refresh(self) -> None:
        self.p.refresh()

    def on_locked(self) -> None:
        """Nothing identifying is shown here; a sync under way goes on (it needs no open workspace)."""

    def _setup_store(self) -> None:
        from fieldwork_app.gui.sync.store_dialog import StoreDialog

        def probe(url: str, options: dict[str, Any], done: Any, failed: Any) -> None:
            self.p.probe_host_key(url, options, done, failed, owner=dialog)

        dialog = StoreDialog(self, probe)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done(result: int) -> None:
            if result != QDialog.DialogCode.Accepted:
                return
            try:
                name, url, options, secrets = dialog.values()
            except OSError as exc:
                self._message(
                    self.tr("The SSH key file cannot be read: %1").replace("%1", str(exc.strerror)), "error"
                )
                return
            self.p.add_store(
                name, url, options, secrets, lambda: self._message(self.tr("Study store saved."), "ok")
            )

        dialog.finished.connect(done)
        dialog.open()
        self._store_dialog = dialog

    def _study_key(self) -> None:
        from fieldwork_app.gui.sync.study_key_dialog import StudyKeyDialog

        dialog = StudyKeyDialog(self._key_fingerprint, self.p.read_study_key, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done(result: int) -> None:
            if result != QDialog.DialogCode.Accepted or not dialog.recipient:
                return
            recipient, fp = dialog.recipient, dialog.fingerprint
            confirmed = fp if dialog.changing else None

            self.p.set_study_key(
                recipient,
                confirmed,
                lambda: self._message(self.tr("Study key saved: %1").replace("%1", fp), "ok"),
            )

        dialog.finished.connect(done)
        dialog.open()
        self._study_key_dialog = dialog

    def _import_pack(self) -> None:
        from fieldwork_app.gui.sync.pack_import_dialog import PackImportDialog

        dialog = PackImportDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        folder: list[Path] = []
        dialog.accepted.connect(lambda: folder.append(dialog.folder()))
        dialog.finished.connect(lambda _r: self._run_import(folder[0], None) if folder else None)
        dialog.open()
        self._pack_dialog = dialog

    def _run_import(self, folder: Path, accept: packs_svc.Accept | None) -> None:
        def imported(result: packs_svc.ImportResult) -> None:
            text = (
                self.tr("Study pack %1 version %2 imported.")
                .replace("%1", result.pack_id)
                .replace("%2", result.version)
            )
            if result.pinned:
                text += " " + "; ".join(result.pinned) + "."
            for notice in result.notices:  # a valid pack's likely omission (no emergency-services number)
                text += " " + self.tr("Notice: %1.").replace("%1", notice)
            self._message(text, "ok")

        def failed(exc: BaseException) -> None:
            if isinstance(exc, packs_svc.PinChangeRefused) and accept is None:
                self._confirm_key_change(folder, exc.changes)
            else:
                self._message(self._pack_problem(exc), "error")

        self.p.import_pack(folder, accept, imported, failed)

    def _confirm_key_change(self, folder: Path, changes: list[packs_svc.PinChange]) -> None:
        from fieldwork_app.gui.sync.pack_import_dialog import KeyChangeDialog

        dialog = KeyChangeDialog(changes, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        confirmed: list[packs_svc.Accept] = []
        dialog.accepted.connect(lambda: confirmed.append(dialog.accepted_changes()))

        def done(_r: int) -> None:
            if confirmed:
                self._run_import(folder, confirmed[0])
            else:
                self._message(self.tr("The study pack was not imported; nothing changed."), "warning")

        dialog.finished.connect(done)
        dialog.open()
        self._key_change_dialog = dialog

    def _pack_problem(self, exc: BaseException) -> str:
        if isinstance(exc, packs_svc.PackSignatureError):
            return self.tr(
                "The study pack was not imported: it does not carry the signature of the data manager key "
                "this laptop trusts (it is unsigned, signed by another key, or was changed after signing). "
                "Nothing changed; ask the data manager for the pack again."
            )
        if isinstance(exc, packs_svc.PackValidationError):
            found = "\n".join(str(issue) for issue in exc.issues[:3])
            return self.tr("The study pack has problems and was not imported:") + "\n" + found
        if isinstance(exc, packs_svc.OlderPackRefused):
            return (
                self.tr(
                    "The study pack was not imported: its version %1 is older than version %2, already "
                    "imported. An old pack sent again could bring back keys the data manager has replaced. "
                    "Nothing changed; ask the data manager for the current pack."
                )
                .replace("%1", exc.version)
                .replace("%2", exc.newest)
            )
        if isinstance(exc, packs_svc.SameVersionRefused):
            return (
                self.tr(
                    "The study pack was not imported: version %1 is already imported, with other content. A "
                    "changed pack must carry a new version number, so this copy may have been altered on its "
                    "way. Nothing changed; ask the data manager for the pack with a new version number."
                )
                .replace("%1", exc.version)
            )
        return describe(exc)

    def _message(self, text: str, role: str) -> None:
        self.message.setText(text)
        set_role(self.message, role)
        if text:  # under the Sync button, scrolled into view once laid out (a small screen shows it too)
            QTimer.singleShot(0, self._show_message)

    def _show_message(self) -> None:
        area = self.findChild(QScrollArea, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if area is not None and self.message.isVisible():
            # a scroll area sizes the page by its preferred width, where a long message takes fewer lines
            # than it does here: room for the lines it takes at its width
            self.message.setMinimumHeight(max(0, self.message.heightForWidth(self.message.width())))
            body = area.widget()
            layout = body.layout() if body is not None else None
            if layout is not None:
                layout.activate()  # the message's new height (a long one wraps) before scrolling
            area.ensureWidgetVisible(self.message, 0, 12)
            # once more after the page's new height has reached the scroll bar's range
            QTimer.singleShot(0, lambda: area.ensureWidgetVisible(self.message, 0, 12))

    def _running(self, on: bool) -> None:
        # the keys stay where the sync was started: on Cancel while it runs, back on Sync now when it ends
        # (not passed on to the next button, "Set up the study store…", that Enter would then open)
        focus = self.focusWidget()
        had_focus = focus is not None and focus in (self.sync_button, self.cancel_button) and focus.hasFocus()
        if on:
            self.cancel_button.setEnabled(True)
            if had_focus:
                self.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)
            self.sync_button.setEnabled(False)
        else:
            self.sync_button.setEnabled(True)
            if had_focus:
                self.sync_button.setFocus(Qt.FocusReason.OtherFocusReason)
            self.cancel_button.setEnabled(False)
            self.left.setText("")

    def _show(self, ov: SyncOverview) -> None:
        self.store.setText(
            self.tr("Study store: %1 (%2)").replace("%1", ov.store).replace("%2", self._where(ov))
            if ov.store
            else self.tr("No study store is set up on this laptop yet.")
        )
        numbers = ov.last_numbers or {}
        text = self.tr("This laptop's fingerprint: %1").replace("%1", ov.fingerprint)
        text += "\n" + self.tr("Last bundle number: %1").replace("%1", str(numbers.get("research", 0)))
        if "identity" in numbers:
            text += self.tr(" (identity data: %1)").replace("%1", str(numbers["identity"]))
        self.fingerprint.setText(text)
        self.fingerprint.setToolTip(
            self.tr(
                "The data manager compares these with what the study store shows for this laptop, to see "
                "that every bundle it sent has arrived."
            )
        )
        self._key_fingerprint = ov.study_key
        self.study_key.setText(
            self.tr("Study key: %1").replace("%1", ov.study_key)
            if ov.study_key
            else self.tr("This study has no study key yet: nothing can be sent until it is added.")
        )
        set_role(self.study_key, "hint" if ov.study_key else "warning")
        self.study_key_button.setText(
            self.tr("Change the study key…") if ov.study_key else self.tr("Add the study key…")
        )
        self.study_key_button.setEnabled(ov.has_pack)
        current = self.tree.currentItem()
        chosen = current.data(1, Qt.ItemDataRole.UserRole) if current is not None else None
        self.tree.clear()
        self._items = {}
        failed = self.tr("last try failed")
        states = {
            OutboxState.QUEUED: self.tr("waiting"),
            OutboxState.STAGED: self.tr("ready to send"),
            OutboxState.UPLOADING: self.tr("sending"),
            OutboxState.FAILED: self.tr("not sent"),
            OutboxState.VERIFIED: self.tr("verified"),
        }
        for r in ov.rows:
            since, days = _age(r.queued_at)
            note = ""
            verified = r.state is OutboxState.VERIFIED
            if not verified and days > ov.limit_days:
                note = self.tr("waiting more than %1 days: sync soon").replace("%1", str(ov.limit_days))
            elif r.state is OutboxState.FAILED and r.last_error:
                note = failed
            who = r.session_id or self.tr("withdrawal")
            if r.kind is BundleKind.IDENTITY:
                who = self.tr("%1 (identity data)").replace("%1", str(r.session_id))
            item = QTreeWidgetItem(
                [
                    who,
                    states.get(r.state, str(r.state)),
                    self._audio_text(r),
                    self._size_text(r),
                    f"{since} ({self._waited_text(days)})" if not verified else since,
                    note,
                ]
            )
            why = self._why_not_sent(r)
            if why:  # the stored reason, in the app's words, wherever the row is pointed at
                item.setData(0, Qt.ItemDataRole.UserRole, why)
                for column in range(self.COLUMNS):
                    item.setToolTip(column, plain_tip(why))
            if note and not verified:
                item.setForeground(5, QColor("#8a3a00"))
                item.setToolTip(5, plain_tip("\n".join(t for t in (note, why) if t) if note != failed else why))
            item.setData(1, Qt.ItemDataRole.UserRole, r.bundle_id)
            self._items[r.bundle_id] = item
            self.tree.addTopLevelItem(item)
        for i in range(self.COLUMNS):
            self.tree.resizeColumnToContents(i)
        if chosen in self._items:  # the row the researcher chose stays chosen, its details shown anew
            self.tree.setCurrentItem(self._items[chosen])

    def _why_not_sent(self, row: OutboxItem) -> str:
        """Why the last try failed, said by the kind of problem (the core's statement of it stays in the log and
        the command line's outbox): never a store's or a file's own words, nor anything about a person."""
        if row.state is not OutboxState.FAILED or not row.last_error:
            return ""
        kind = row.last_error_kind
        reason = (
            message_for(ErrorKind(kind))
            if kind in {k.value for k in ErrorKind}
            else self.tr("The reason was not recorded.")
        )
        return self.tr("Last try failed: %1").replace("%1", reason)

    def _show_details(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None = None) -> None:
        why = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        self.details.setText(f"{item.text(0)}: {why}" if item is not None and why else "")
        self.details.setVisible(bool(why))

    def _where(self, ov: SyncOverview) -> str:
        """Where the store is, in words: a folder, or the kind of server and its name."""
        where = {
            "file": self.tr("the folder %1"),
            "sftp": self.tr("an SFTP server, %1"),
            "webdav": self.tr("a WebDAV server, %1"),
            "s3": self.tr("the S3 bucket %1"),
        }.get(ov.store_kind, "%1")
        return where.replace("%1", ov.store_where)

    def _audio_text(self, row: OutboxItem) -> str:
        """The session's takes still on this laptop (what a lost laptop would hold), or why there are none."""
        if row.kind is not BundleKind.SESSION:
            return ""
        if row.audio_takes == 0:
            return self.tr("none left here") if row.state is OutboxState.VERIFIED else self.tr("none")
        minutes = max(1, round(row.audio_seconds / 60))
        text = self.tr("%1 min in %2 take(s)").replace("%1", str(minutes)).replace("%2", str(row.audio_takes))
        return f"{text}, {_size(row.audio_bytes)}"

    def _size_text(self, row: OutboxItem) -> str:
        total = row.bytes_total
        if total == 0:
            return self.tr("not packed yet")
        done = row.bytes_done
        if row.state in (OutboxState.STAGED, OutboxState.UPLOADING, OutboxState.FAILED) and 0 < done < total:
            return f"{_size(done)} / {_size(total)}"
        return _size(total)

    def _waited_text(self, days: float) -> str:
        minutes = int(days * 24 * 60)
        if minutes < 1:
            return self.tr("just now")
        if minutes < 60:
            return self.tr("%1 min").replace("%1", str(minutes))
        if minutes < 48 * 60:
            return self.tr("%1 h").replace("%1", str(minutes // 60))
        return self.tr("%1 days").replace("%1", str(int(days)))

    def _progress(self, bundle: str, done: int, total: int, left: float) -> None:
        if total > 0:
            self.bar.setValue(int(1000 * done / total))
        item = self._items.get(bundle)
        if item is not None:
            item.setText(1, self.tr("sending"))
            item.setText(3, f"{_size(done)} / {_size(total)}" if total else _size(done))
        if left >= 0:
            m, s = divmod(int(left), 60)
            self.left.setText(self.tr("About %1 left").replace("%1", f"{m} min {s:02d} s" if m else f"{s} s"))


def build_sync_page(ctx: AppContext) -> QWidget:
    """The sync panel, for the main window's page list (it refreshes itself when shown)."""
    return SyncPage(ctx)
