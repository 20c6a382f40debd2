"""The data manager's analysis page: a study store verified against the trusted laptops and unpacked into an
analysis folder, transcript drafts of its takes, and a REFI-QDA export.

The page holds widgets only: its presenter (:mod:`.presenter`) runs the jobs and hands back their progress
and results on the GUI thread; Cancel asks it to stop after the current piece.
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldwork_app.analysis.transcribe import TakeProgress, TranscribeReport
from fieldwork_app.errors import ErrorKind, FieldworkError
from fieldwork_app.services.datamanager import HostKeyRefused, StoreAccess, TrustFiles

from fieldwork_app.gui.analysis.presenter import AnalysisPresenter, Refused, SavedStore, StoreJob, StoreResult
from fieldwork_app.gui.messages import describe, detail
from fieldwork_app.gui.views.common import label, scroll_page

if TYPE_CHECKING:
    from fieldwork_app.gui.context import AppContext


class AnalysisPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.presenter = AnalysisPresenter(ctx, self, self._on_progress, self._on_take)
        self._taking = False  # a transcription runs: its take line is worded here from its facts
        self._store_target = False  # whether the running job is the store's (its own progress and messages)
        self._cancel_text = ""
        self._saved: dict[str, SavedStore] = {}
        self.browse_buttons: dict[QLineEdit, QPushButton] = {}  # each path field's Browse... button
        layout, _ = scroll_page(self)
        layout.addWidget(label(self.tr("Analysis (data manager)"), "title"))
        layout.addWidget(
            label(
                self.tr(
                    "On the data manager's machine, offline: transcript drafts of every take in an analysis "
                    "folder (one the study store was unpacked into) with a local Whisper model, and a REFI-QDA "
                    "project for NVivo, ATLAS.ti, MAXQDA or QualCoder."
                )
            )
        )
        self._build_store_section(layout)
        form = QFormLayout()
        self.folder_edit = QLineEdit()
        self.model_edit = QLineEdit()
        self.out_edit = QLineEdit()
        self.folder_edit.setAccessibleName(self.tr("Analysis folder"))
        self.model_edit.setAccessibleName(self.tr("Model folder"))
        self.out_edit.setAccessibleName(self.tr("Project file"))
        folder = self._browsable(
            self.folder_edit, self.tr("Analysis folder"), self.tr("Browse for the analysis folder"), "folder"
        )
        form.addRow(self.tr("&Analysis folder"), folder)
        model = self._browsable(
            self.model_edit, self.tr("Model folder"), self.tr("Browse for the model folder"), "folder"
        )
        form.addRow(self.tr("&Model folder"), model)
        qdpx = self.tr("REFI-QDA project (*.qdpx)")
        project = self._browsable(
            self.out_edit, self.tr("Project file"), self.tr("Browse for the project file"), "save", qdpx
        )
        form.addRow(self.tr("Project file (.qdp&x)"), project)
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
        for f in (form, self._store_form):  # a path's row letter goes to its field, not to the Browse... row
            for edit in self.browse_buttons:
                holder = edit.parentWidget()
                row_label = f.labelForField(holder) if holder is not None else None
                if isinstance(row_label, QLabel):
                    row_label.setBuddy(edit)
        self.transcribe_button.clicked.connect(self.transcribe)
        self.export_button.clicked.connect(self.export)
        self.cancel_button.clicked.connect(self.cancel)

    def _build_store_section(self, layout: Any) -> None:
        box = QGroupBox(self.tr("Study store: verify and unpack"))
        inner = QVBoxLayout(box)
        inner.addWidget(
            label(
                self.tr(
                    "Bundles are read only from the laptops on your trusted list (trusted-devices.json "
                    "beside the study key). Every bundle is checked before anything is written."
                )
            )
        )
        # A store saved on this machine ('fieldwork store add', or the sync page) is opened with its saved
        # credentials and pinned host key; the fields below are for a store typed in here.
        form = QFormLayout()
        self.saved_combo = QComboBox()
        self.saved_combo.setAccessibleName(self.tr("Saved store"))
        self.saved_combo.addItem(self.tr("None: the store typed in below"), "")
        # A saved store's URL can be long: the list never widens the page beyond a small window.
        self.saved_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.saved_combo.setMinimumContentsLength(24)
        form.addRow(self.tr("Save&d store"), self.saved_combo)
        self.saved_label = label("")
        self.saved_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # long paths
        self.saved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow("", self.saved_label)
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("sftp://user@host:22/path, https://..., s3://bucket/prefix, file://...")
        self.key_edit = QLineEdit()
        self.key_edit.setPlaceholderText("study.key")
        self.signing_edit = QLineEdit()
        self.signing_edit.setPlaceholderText(self.tr("dm-signing.key, if not beside the key file"))
        self.host_key_edit = QLineEdit()
        self.host_key_edit.setPlaceholderText("SHA256:...")
        self.known_hosts_edit = QLineEdit()
        self.known_hosts_edit.setPlaceholderText(self.tr("known_hosts file that lists the server's key"))
        self.accept_new_check = QCheckBox(self.tr("Accept a new host key (its fingerprint is shown)"))
        self.accept_new_check.setToolTip(
            self.tr("Trust the SFTP server's key as it is now: only when there is no other way to check it")
        )
        self.ssh_key_edit = QLineEdit()
        self.ssh_key_edit.setPlaceholderText(self.tr("SSH private key file, if the SFTP store takes one"))
        self.bucket_edit = QLineEdit()
        self.bucket_edit.setPlaceholderText(self.tr("bucket/prefix, instead of an s3:// URL"))
        self.endpoint_edit = QLineEdit()
        self.endpoint_edit.setPlaceholderText("https://s3.example.ac.uk")
        self.region_edit = QLineEdit()
        self.region_edit.setPlaceholderText("us-east-1")
        self.ca_edit = QLineEdit()
        self.ca_edit.setPlaceholderText(self.tr("PEM file of the university's certificate authority (https)"))
        self.user_edit = QLineEdit()
        self.secret_edit = QLineEdit()
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.store_out_edit = QLineEdit()
        self.identity_check = QCheckBox(self.tr("This is the identity store (the key is the identity key)"))
        # Each name written out, so that the translation catalogue takes it.
        self.url_edit.setAccessibleName(self.tr("Store URL"))
        self.key_edit.setAccessibleName(self.tr("Study key file"))
        self.signing_edit.setAccessibleName(self.tr("Signing key file"))
        self.host_key_edit.setAccessibleName(self.tr("SFTP host key fingerprint"))
        self.known_hosts_edit.setAccessibleName(self.tr("SFTP known_hosts file"))
        self.ssh_key_edit.setAccessibleName(self.tr("SSH key file"))
        self.bucket_edit.setAccessibleName(self.tr("S3 bucket"))
        self.endpoint_edit.setAccessibleName(self.tr("S3 endpoint"))
        self.region_edit.setAccessibleName(self.tr("S3 region"))
        self.ca_edit.setAccessibleName(self.tr("CA bundle file"))
        self.user_edit.setAccessibleName(self.tr("User name or S3 access key"))
        self.secret_edit.setAccessibleName(self.tr("Store password or secret key"))
        self.store_out_edit.setAccessibleName(self.tr("Folder to unpack into"))
        form.addRow(self.tr("Store &URL"), self.url_edit)
        study_key = self._browsable(
            self.key_edit, self.tr("Study key file"), self.tr("Browse for the study key file"), "file"
        )
        form.addRow(self.tr("Study &key file"), study_key)
        signing = self._browsable(
            self.signing_edit, self.tr("Signing key file"), self.tr("Browse for the signing key file"), "file"
        )
        form.addRow(self.tr("&Signing key (optional)"), signing)
        form.addRow(self.tr("SFTP &host key"), self.host_key_edit)
        known_hosts = self._browsable(
            self.known_hosts_edit,
            self.tr("SFTP known_hosts file"),
            self.tr("Browse for the SFTP known_hosts file"),
            "file",
        )
        form.addRow(self.tr("SFTP kn&own_hosts file"), known_hosts)
        form.addRow("", self.accept_new_check)
        ssh_key = self._browsable(
            self.ssh_key_edit, self.tr("SSH key file"), self.tr("Browse for the SSH key file"), "file"
        )
        form.addRow(self.tr("SSH ke&y file (SFTP)"), ssh_key)
        form.addRow(self.tr("S3 &bucket"), self.bucket_edit)
        form.addRow(self.tr("S&3 endpoint"), self.endpoint_edit)
        form.addRow(self.tr("S3 re&gion"), self.region_edit)
        pem = self.tr("PEM files (*.pem *.crt);;All files (*)")
        ca = self._browsable(
            self.ca_edit, self.tr("CA bundle file"), self.tr("Browse for the CA bundle file"), "file", pem
        )
        form.addRow(self.tr("CA bu&ndle (https)"), ca)
        form.addRow(self.tr("Use&r name / S3 access key"), self.user_edit)
        form.addRow(self.tr("Pass&word or secret key"), self.secret_edit)
        unpack_into = self._browsable(
            self.store_out_edit,
            self.tr("Folder to unpack into"),
            self.tr("Browse for the folder to unpack into"),
            "folder",
        )
        form.addRow(self.tr("Unpack into &folder"), unpack_into)
        form.addRow("", self.identity_check)
        self._store_form = form
        form.setRowVisible(self.saved_label, False)
        self._typed_store = [self.url_edit, self.host_key_edit, known_hosts, self.accept_new_check,
                             ssh_key, self.bucket_edit, self.endpoint_edit, self.region_edit,
                             ca, self.user_edit, self.secret_edit]  # fmt: skip
        inner.addLayout(form)
        row = QHBoxLayout()
        self.verify_button = QPushButton(self.tr("&Verify"))
        self.unpack_button = QPushButton(self.tr("Un&pack into folder"))
        self.store_cancel_button = QPushButton(self.tr("Cance&l"))
        self.store_cancel_button.setEnabled(False)
        for b in (self.verify_button, self.unpack_button, self.store_cancel_button):
            row.addWidget(b)
        row.addStretch(1)
        inner.addLayout(row)
        self.store_bar = QProgressBar()
        self.store_bar.setRange(0, 1000)
        self.store_bar.setValue(0)
        self.store_bar.setFormat("%p%")
        self.store_bar.setTextVisible(True)
        self.store_bar.setAccessibleName(self.tr("Store progress"))
        inner.addWidget(self.store_bar)
        self.store_message = label("")
        inner.addWidget(self.store_message)
        self.store_details = QPlainTextEdit()
        self.store_details.setReadOnly(True)
        self.store_details.setAccessibleName(self.tr("Store report"))
        self.store_details.setMinimumHeight(90)
        inner.addWidget(self.store_details)
        # Trusting a laptop named in a refusal: the same call as 'fieldwork study devices add'.
        trust_row = QHBoxLayout()
        self.signer_combo = QComboBox()
        self.signer_combo.setAccessibleName(self.tr("Signer to trust"))
        self.laptop_name_edit = QLineEdit()
        self.laptop_name_edit.setPlaceholderText(self.tr("name, e.g. laptop 3"))
        self.laptop_name_edit.setAccessibleName(self.tr("Laptop name"))
        self.trust_button = QPushButton(self.tr("Trust th&is laptop"))
        trust_row.addWidget(self.signer_combo, 2)
        trust_row.addWidget(self.laptop_name_edit, 1)
        trust_row.addWidget(self.trust_button)
        self.trust_box = QWidget()
        self.trust_box.setLayout(trust_row)
        self.trust_box.setVisible(False)
        inner.addWidget(self.trust_box)
        layout.addWidget(box)
        # What was unpacked, participant by participant: may it go into an archive deposit?
        self.archive_box = QGroupBox(self.tr("Archive deposit (from the consents unpacked)"))
        al = QVBoxLayout(self.archive_box)
        self.archive_summary = label("")
        self.archive_summary.setObjectName("archiveSummary")
        al.addWidget(self.archive_summary)
        self.archive_table = QTableWidget(0, 4)
        self.archive_table.setObjectName("archiveTable")
        self.archive_table.setAccessibleName(self.tr("Archive deposit, per participant"))
        self.archive_table.setHorizontalHeaderLabels(
            [self.tr("Participant"), self.tr("Archiving"), self.tr("Deposit"), self.tr("Session folders")]
        )
        self.archive_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.archive_table.verticalHeader().setVisible(False)
        self.archive_table.horizontalHeader().setStretchLastSection(True)
        self.archive_table.setMinimumHeight(120)
        al.addWidget(self.archive_table)
        self.archive_box.setVisible(False)
        layout.addWidget(self.archive_box)
        self._unpacked_to: Path | None = None
        self.saved_combo.currentIndexChanged.connect(self._saved_chosen)
        self.verify_button.clicked.connect(self.verify)
        self.unpack_button.clicked.connect(self.unpack)
        self.store_cancel_button.clicked.connect(self.cancel)
        self.trust_button.clicked.connect(self.trust_laptop)

    # -- Browse... beside a path ---------------------------------------------------------------------
    def _browsable(self, edit: QLineEdit, title: str, name: str, kind: str, filters: str = "") -> QWidget:
        """``edit`` with a Browse... button beside it that fills it from Qt's own file dialog: ``kind`` is
        "file" (an existing file), "folder" or "save" (a file to write).  The row's label leads to the field.
        ``name`` is the button's accessible name, naming the field (a screen reader would else read every
        one of them as "Browse..."); ``title`` is the dialog's title and the button's tooltip."""
        row = QWidget()
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(edit, 1)
        button = QPushButton(self.tr("Browse..."))
        button.setToolTip(title)
        button.setAccessibleName(name)
        button.clicked.connect(lambda: self._browse(edit, title, kind, filters))
        lay.addWidget(button)
        row.setFocusProxy(edit)
        self.browse_buttons[edit] = button
        return row

    def _browse(self, edit: QLineEdit, title: str, kind: str, filters: str) -> None:
        typed = Path(edit.text().strip()).expanduser() if edit.text().strip() else None
        start = Path.home()
        if typed is not None:
            if typed.is_dir():
                start = typed
            elif typed.parent.is_dir():
                start = typed.parent
        dialog = QFileDialog(self, title, str(start))
        dialog.setObjectName("browseDialog")
        # Qt's own dialog: the same on every platform.
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        if kind == "folder":
            dialog.setFileMode(QFileDialog.FileMode.Directory)
            dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        elif kind == "save":
            dialog.setFileMode(QFileDialog.FileMode.AnyFile)
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        else:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        if filters:
            dialog.setNameFilter(filters)
        if typed is not None and kind != "folder" and not typed.is_dir():
            dialog.selectFile(typed.name)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.selectedFiles():
            edit.setText(str(Path(dialog.selectedFiles()[0])))
            edit.setFocus()

    # -- the study store --------------------------------------------------------------------------
    # -- saved stores -------------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.presenter.saved_stores(self._saved_listed)

    def _saved_listed(self, stores: list[SavedStore]) -> None:
        chosen = self.saved_combo.currentData()
        self._saved = {s.name: s for s in stores}
        self.saved_combo.blockSignals(True)
        while self.saved_combo.count() > 1:
            self.saved_combo.removeItem(1)
        for s in stores:
            self.saved_combo.addItem(f"{s.name}  ({s.url})", s.name)
        index = self.saved_combo.findData(chosen) if chosen else 0
        self.saved_combo.setCurrentIndex(max(0, index))
        self.saved_combo.blockSignals(False)
        self._saved_chosen()

    def _saved_chosen(self, _index: int = 0) -> None:
        name = self.saved_combo.currentData() or ""
        store = self._saved.get(name)
        for w in self._typed_store:  # a saved store is never typed again: its fields go
            self._store_form.setRowVisible(w, store is None)
        self._store_form.setRowVisible(self.saved_label, store is not None)
        if store is None:
            self.saved_label.setText("")
            return
        names = {"private_key": self.tr("SSH key"), "key_passphrase": self.tr("SSH key passphrase"),
                 "password": self.tr("password"), "secret_key": self.tr("S3 secret key")}  # fmt: skip
        parts = [self.tr("Opened with its saved settings and secrets ({0}).").format(
            ", ".join(names.get(n, n) for n in store.secrets) or self.tr("none needed"))]  # fmt: skip
        parts += [f"{k}: {v}" for k, v in sorted(store.settings.items())]
        if store.host_key:
            parts.append(self.tr("SFTP host key pinned: {0}").format(store.host_key))
        self.saved_label.setText("\n".join(parts))

    # -- the study store --------------------------------------------------------------------------
    def _store_inputs(self, *, need_out: bool) -> tuple[StoreAccess | None, TrustFiles, str, Path | None] | None:
        saved = bool(self.saved_combo.currentData())
        url, key = self.url_edit.text().strip(), self.key_edit.text().strip()
        bucket = self.bucket_edit.text().strip().strip("/")
        if bucket and url and not saved:
            self.store_message.setText(self.tr("Give either the store URL or an S3 bucket, not both."))
            return None
        if bucket and not url:
            url = f"s3://{bucket}"
        out = self.store_out_edit.text().strip()
        if (not url and not saved) or not key or (need_out and not out):
            self.store_message.setText(
                self.tr("Fill in the store URL, the study key file and the folder to unpack into first.")
                if need_out
                else self.tr("Fill in the store URL and the study key file first.")
            )
            return None
        key_path = Path(key).expanduser()
        if not key_path.is_file():
            self.store_message.setText(
                self.tr("There is no study key file at %1. Give the path of the study's key file (study.key).")
                .replace("%1", str(key_path))
            )
            return None
        if saved:
            access = None
        else:
            if "://" not in url:  # a plain folder path is a folder store
                url = Path(url).expanduser().resolve().as_uri()

            def path(edit: QLineEdit) -> Path | None:
                text = edit.text().strip()
                return Path(text).expanduser() if text else None

            access = StoreAccess(
                url, username=self.user_edit.text().strip() or None,
                endpoint=self.endpoint_edit.text().strip() or None, region=self.region_edit.text().strip() or None,
                identity_file=path(self.ssh_key_edit), host_key=self.host_key_edit.text().strip() or None,
                known_hosts=path(self.known_hosts_edit), accept_new_host_key=self.accept_new_check.isChecked(),
                ca_bundle=path(self.ca_edit),
            )  # fmt: skip
        return access, self._trust_files(key), self.secret_edit.text(), (
            Path(out).expanduser() if out else None
        )

    def _trust_files(self, key: str) -> TrustFiles:
        signing = self.signing_edit.text().strip()
        return TrustFiles(Path(key).expanduser(), signing_key=Path(signing).expanduser() if signing else None)

    def _store_job(self, need_out: bool, running: str) -> StoreJob | None:
        """The job the form describes, with the page made ready for it; None (and why) if it is not filled in."""
        inputs = self._store_inputs(need_out=need_out)
        if inputs is None:
            return None
        access, files, secret, out = inputs
        job = StoreJob(access, self.saved_combo.currentData() or "", files, secret, out,
                       "identity" if self.identity_check.isChecked() else "research")  # fmt: skip
        self.store_details.clear()
        self.trust_box.setVisible(False)
        self.store_bar.setRange(0, 0)  # busy until the store's size is known
        self.store_message.setText(running)
        self._store_target = True
        return job

    def verify(self) -> None:
        self._cancel_text = self.tr("Cancelled; the store was not fully checked. Verify again to check it all.")
        job = self._store_job(False, self.tr("Verifying the store..."))
        if job is not None:
            self.presenter.verify(job, self._store_done, self._failed)
            self._busy(True)

    def unpack(self) -> None:
        self._cancel_text = self.tr(
            "Cancelled; every file already written is whole. Unpack into the same folder again to go on."
        )
        job = self._store_job(True, self.tr("Unpacking the store..."))
        if job is not None:
            self._unpacked_to = job.out if job.role == "research" else None
            self.presenter.unpack(job, self._store_done, self._failed)
            self._busy(True)

    def _store_done(self, result: StoreResult | Refused) -> None:
        self._busy(False)
        self.store_bar.setRange(0, 1000)
        self.store_bar.setValue(1000)
        if isinstance(result, Refused):
            self._refused(result)
            return
        ok, lines = result.ok, result.lines
        first, rest = lines[0], lines[1:]
        self.store_message.setText(
            first + ("" if ok else self.tr(" -- problems found: see the report below."))
        )
        self.store_details.setPlainText("\n".join(rest))
        folder, self._unpacked_to = self._unpacked_to, None
        if folder is not None:
            self.presenter.archive(folder, self._show_archive, self._archive_failed)

    def _show_archive(self, rows: list[dict[str, Any]]) -> None:
        """Each participant unpacked: their archiving answer and whether their material may be deposited (the
        facts 'fieldwork analysis archive' prints)."""
        words = {
            "agreed": self.tr("agreed"),
            "declined": self.tr("declined"),
            "not_applicable": self.tr("not applicable"),
            "not_asked": self.tr("not asked"),
        }
        self.archive_table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            deposit = (
                self.tr("may be archived")
                if r["may_archive"]
                else self.tr("leave out: withdrew")
                if r["withdrew"]
                else self.tr("leave out")
            )
            cells = (r["participant"], words.get(r["archiving"], r["archiving"]), deposit, ", ".join(r["folders"]))
            for j, text in enumerate(cells):
                self.archive_table.setItem(i, j, QTableWidgetItem(text))
        self.archive_table.resizeColumnsToContents()
        kept = [r["participant"] for r in rows if not r["may_archive"]]
        self.archive_summary.setText(
            self.tr("No participant's material was unpacked.")
            if not rows
            else self.tr("Leave out of an archive deposit: {0}").format(", ".join(kept))
            if kept
            else self.tr("Every participant unpacked may go into an archive deposit.")
        )
        self.archive_box.setVisible(True)

    def _archive_failed(self, exc: BaseException) -> None:
        self.archive_summary.setText(
            self.tr("The archive status could not be read: {0}").format(
                detail(exc) if isinstance(exc, FieldworkError) else type(exc).__name__
            )
        )
        self.archive_table.setRowCount(0)
        self.archive_box.setVisible(True)

    def _refused(self, refused: Refused) -> None:
        self.store_message.setText(
            self.tr(
                "No trusted-laptops list at {0}: nothing was checked or unpacked. Anyone who can write to the "
                "store can sign a bundle, so bundles are read only from laptops you trust."
            ).format(refused.list_path)
        )
        lines = [
            self.tr("signer {0}: {1} bundle(s)").format(fp, n) for fp, n in refused.signers.items()
        ] or [self.tr("No signed bundle was found on the store.")]
        lines += [
            "",
            self.tr(
                "To trust a laptop: its Sync page shows its fingerprint. If it is one of the fingerprints "
                "above, pick it below, give the laptop a name and press Trust this laptop. Then verify again."
            ),
        ]
        self.store_details.setPlainText("\n".join(lines))
        self.signer_combo.clear()
        for fp in refused.signers:
            self.signer_combo.addItem(fp)
        self.trust_box.setVisible(bool(refused.signers))

    def trust_laptop(self) -> None:
        """A small file write: done here, on the GUI thread, in the words 'study devices add' uses."""
        fp, name = self.signer_combo.currentText(), self.laptop_name_edit.text()
        key = self.key_edit.text().strip()
        if not fp or not key:
            return
        try:
            fp, name, count, made = self.presenter.add_device(self._trust_files(key), fp, name)
        except FieldworkError as exc:
            self.store_message.setText(detail(exc))
            return
        text = self.tr("Trusted device {0} ({1}); the list now has {2} device(s).").format(fp, name, count)
        if made is not None:
            text += " " + self.tr("Made the data manager signing key {0}; keep it with study.key.").format(made)
        self.store_message.setText(text + " " + self.tr("Verify again to check its bundles."))
        self.trust_box.setVisible(False)

    # -- running ----------------------------------------------------------------------------------
    def _busy(self, busy: bool) -> None:
        for b in (self.transcribe_button, self.export_button, self.verify_button, self.unpack_button):
            b.setEnabled(not busy)
        running = busy and self.presenter.state is not None
        self.cancel_button.setEnabled(running)
        self.store_cancel_button.setEnabled(running)

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
        self._cancel_text = self.tr("Cancelled; takes already done are kept. Transcribe again to go on.")
        self._store_target = False
        self.bar.setValue(0)
        self.details.clear()
        self.message.setText(self.tr("Transcribing..."))
        self.presenter.transcribe(folder, model, self._transcribed, self._failed)
        self._busy(True)

    def export(self) -> None:
        paths = self._paths(self.folder_edit, self.out_edit)
        if paths is None:
            return
        folder, out = paths
        self._cancel_text = self.tr("Cancelled; the project file was not written (an earlier one is kept).")
        self._store_target = False
        self.bar.setValue(0)
        self.message.setText(self.tr("Exporting..."))
        self.presenter.export(folder, out, self._exported, self._failed)
        self._busy(True)

    def cancel(self) -> None:
        if self.presenter.cancel():
            if self._store_target:
                self.store_message.setText(self.tr("Cancelling after the current piece..."))
            else:
                self.message.setText(self.tr("Cancelling after the current segment..."))
            self.cancel_button.setEnabled(False)
            self.store_cancel_button.setEnabled(False)

    def _on_progress(self, done: int, total: int, message: str) -> None:
        if self._store_target:
            if total > 0:
                self.store_bar.setRange(0, 1000)
                self.store_bar.setValue(min(1000, int(1000 * done / total)))
                self.store_message.setText(f"{self.store_bar.text()}: {message}")
            else:
                self.store_message.setText(message)
            return
        self.bar.setValue(int(1000 * done / max(1, total)))
        if not self._taking:
            self.take_label.setText(message)

    def _on_take(self, step: TakeProgress) -> None:
        self._taking = True
        self.take_label.setText(
            self.tr("Take {0} of {1} ({2}): {3}%").format(step.index, step.count, step.label, step.percent)
        )

    def _transcribed(self, report: TranscribeReport) -> None:
        self._busy(False)
        self._taking = False
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
        self.bar.setValue(1000)
        self.message.setText(
            self.tr("Wrote {0}: {1} case(s), {2} audio source(s), {3} transcript(s), {4} code(s).").format(
                report.out, report.cases, report.sources, report.transcripts, report.codes
            )
        )
        self.details.setPlainText("\n".join(f"no transcript yet: {r}" for r in report.without_transcript))

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self._taking = False
        message = self.message
        if self._store_target:
            message = self.store_message
            self.store_bar.setRange(0, 1000)
            self.store_bar.setValue(0)
        if isinstance(exc, FieldworkError) and exc.kind is ErrorKind.CANCELLED:
            message.setText(self._cancel_text)
        elif isinstance(exc, HostKeyRefused) and exc.unconfirmed:
            message.setText(
                self.tr("{0}; then type it into SFTP host key ({1}).").format(exc.message, exc.unconfirmed)
            )
        elif isinstance(exc, FieldworkError):
            message.setText(detail(exc))
        elif isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            message.setText(describe(exc))  # the folder written to (an export, an unpack) is on a full disk
        else:
            message.setText(
                self.tr("Unexpected error ({0}); nothing done was lost.").format(type(exc).__name__)
            )

    def refresh(self) -> None:
        """Nothing to load when shown: the page reads a store or a folder only when asked to."""

    def on_locked(self) -> None:
        """The page needs no open workspace; a job under way goes on through a lock."""
