"""Setting up the study store from the sync panel.

The research IT team gives the researcher a URL and a login; the dialog hands them to
``services.sync.add_store`` on the database thread, which keeps the secret in the encrypted vault.  The
secret field is cleared as soon as the dialog closes.

For an SFTP store, Save first asks the server for its host key (no credential is sent), shows its
fingerprint, and saves only once the researcher has ticked that it is the one the IT team gave them (or it
matched the fingerprint they typed in); the key is then pinned with the store.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

# probe(url, options, on_done(HostKeyPin), on_error(exc)): fetch and check an SFTP server's host key off the GUI
# thread (services.sync.pin_host_key) and call back on the GUI thread.
Probe = Callable[[str, dict[str, Any], Callable[[Any], None], Callable[[BaseException], None]], None]

KINDS = [
    ("file", "A folder or mounted share (file:///…)"),
    ("sftp", "SFTP server (sftp://user@host:port/path)"),
    ("webdav", "WebDAV, e.g. Nextcloud or SharePoint (https://…)"),
    ("s3", "S3-compatible object storage (s3://bucket/prefix)"),
]


class StoreDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, probe: Probe | None = None) -> None:
        super().__init__(parent)
        self._probe = probe
        self._pin: Any = None  # the HostKeyPin the server gave when asked with _probed
        self._probed: tuple[str, str, str] | None = None  # (url, user, the fingerprint typed in)
        self.setObjectName("storeDialog")
        self.setWindowTitle(self.tr("Set up the study store"))
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Your research IT team gives you these details. The password or secret is kept "
                "in this laptop's encrypted vault, never in a settings file."
            )
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        self.name = QLineEdit("study")
        self.name.setObjectName("storeName")
        self.kind = QComboBox()
        self.kind.setObjectName("storeKind")
        for key, text in KINDS:
            self.kind.addItem(self.tr(text), key)
        self.url = QLineEdit()
        self.url.setObjectName("storeUrl")
        self.url.setPlaceholderText("file:///media/usb/study")
        self.username = QLineEdit()
        self.username.setObjectName("storeUsername")
        self.secret = QLineEdit()
        self.secret.setObjectName("storeSecret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.endpoint = QLineEdit()
        self.endpoint.setObjectName("storeEndpoint")
        self.endpoint.setPlaceholderText("https://s3.example.ac.uk")
        key_row = QHBoxLayout()
        self.key_file = QLineEdit()
        self.key_file.setObjectName("storeKeyFile")
        browse = QPushButton(self.tr("Choose…"))
        browse.setObjectName("storeKeyFileBrowse")
        browse.setAccessibleName(self.tr("Choose the SSH key file"))  # not a bare "Choose…" to a screen reader
        browse.setToolTip(self.tr("SSH private key"))
        browse.clicked.connect(self._browse)
        key_row.addWidget(self.key_file)
        key_row.addWidget(browse)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Address (URL)"), self.url)
        form.addRow(self.tr("User name / access key"), self.username)
        form.addRow(self.tr("Password / secret"), self.secret)
        form.addRow(self.tr("S3 endpoint"), self.endpoint)
        form.addRow(self.tr("SSH key file"), key_row)
        self.expected = QLineEdit()
        self.expected.setObjectName("storeHostKeyExpected")
        self.expected.setPlaceholderText("SHA256:…")
        form.addRow(self.tr("Server key fingerprint\n(from your IT team)"), self.expected)
        for w, name in (
            (self.name, "Store name"),
            (self.url, "Store address"),
            (self.username, "User name"),
            (self.secret, "Password or secret"),
            (self.endpoint, "S3 endpoint"),
            (self.key_file, "SSH key file"),
            (self.expected, "Server key fingerprint from your IT team"),
        ):
            w.setAccessibleName(self.tr(name))
        lay.addLayout(form)
        self.host_key = QLabel()
        self.host_key.setTextFormat(Qt.TextFormat.PlainText)
        self.host_key.setObjectName("storeHostKey")
        self.host_key.setWordWrap(True)
        self.host_key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.host_key.hide()
        lay.addWidget(self.host_key)
        self.host_key_ok = QCheckBox(self.tr("This &is the fingerprint my IT team gave me"))
        self.host_key_ok.setObjectName("storeHostKeyConfirm")
        self.host_key_ok.hide()
        lay.addWidget(self.host_key_ok)
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setObjectName("storeError")
        self.error.setWordWrap(True)
        lay.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.save = buttons.button(QDialogButtonBox.StandardButton.Save)
        for edit in (self.url, self.username, self.expected):
            edit.textChanged.connect(self._forget_host_key)
        self.kind.currentIndexChanged.connect(self._forget_host_key)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.finished.connect(lambda _r: self.secret.clear())

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("SSH private key"), str(Path.home() / ".ssh"))
        if path:
            self.key_file.setText(path)

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.endpoint.setEnabled(kind == "s3")
        self.key_file.setEnabled(kind == "sftp")
        self.expected.setEnabled(kind == "sftp")
        self.username.setEnabled(kind != "file")
        self.secret.setEnabled(kind != "file")
        self.url.setPlaceholderText(
            {
                "file": "file:///media/usb/study",
                "sftp": "sftp://me@store.example.ac.uk/study",
                "webdav": "https://files.example.ac.uk/remote.php/dav/files/me/study",
                "s3": "s3://study-bucket/fieldwork",
            }[kind]
        )

    def _probe_key(self) -> tuple[str, str, str]:
        return (self.url.text().strip(), self.username.text().strip(), self.expected.text().strip())

    def _forget_host_key(self) -> None:
        """Details that decide which server it is changed: its key must be fetched and confirmed again."""
        self._pin = self._probed = None
        self.host_key.hide()
        self.host_key_ok.hide()
        self.host_key_ok.setChecked(False)

    def _accept(self) -> None:
        if not self.name.text().strip() or not self.url.text().strip():
            self.error.setText(self.tr("Give the store a name and an address."))
            return
        if self.kind.currentData() == "sftp" and self._probe is not None:
            if self._pin is None or self._probed != self._probe_key():
                self._ask_host_key()
                return
            if not self.host_key_ok.isChecked():
                self.error.setText(
                    self.tr(
                        "Compare the server's key fingerprint above with the one your IT team gave you, "
                        "and tick the box if it is the same."
                    )  # fmt: skip
                )
                return
        self.accept()

    def _ask_host_key(self) -> None:
        assert self._probe is not None
        url, user, expected = asked = self._probe_key()
        options: dict[str, Any] = {"accept_new_host_key": True, "timeout": 15}
        if user:
            options["username"] = user
        if expected:
            options["host_key_fingerprint"] = expected
        self.error.setText("")
        self.host_key.setText(self.tr("Asking the server for its key…"))
        self.host_key.show()
        self.save.setEnabled(False)

        def got(pin: Any) -> None:
            self.save.setEnabled(True)
            if self._probe_key() != asked:
                self.host_key.hide()
                return
            self._pin, self._probed = pin, asked
            host = urllib.parse.urlsplit(url).hostname or url
            text = (
                self.tr("The server %1 identifies itself with the key fingerprint\n%2\n")
                .replace("%1", host)
                .replace("%2", pin.fingerprint)
            )
            if expected:
                text += self.tr("It matches the fingerprint you typed in.")
                self.host_key_ok.setChecked(True)
            else:
                text += self.tr(
                    "Check it against the fingerprint your research IT team gave you. If they differ, do not "
                    "save: someone may be between this laptop and the store."
                )
            self.host_key.setText(text)
            self.host_key_ok.show()

        def failed(exc: BaseException) -> None:
            from fieldwork_app.errors import ErrorKind, FieldworkError

            from fieldwork_app.gui.messages import describe

            self.save.setEnabled(True)
            self.host_key.hide()
            if isinstance(exc, FieldworkError) and exc.kind is ErrorKind.STORE_HOST_KEY:
                self.error.setText(
                    self.tr(
                        "The server's key fingerprint is not the one you typed in. Do not save this "
                        "store; tell your research IT team."
                    )  # fmt: skip
                )
            else:
                self.error.setText(describe(exc))

        self._probe(url, options, got, failed)

    def values(self) -> tuple[str, str, dict[str, Any], dict[str, str]]:
        """(name, url, options, secrets) for services.sync.add_store."""
        kind = self.kind.currentData()
        url = self.url.text().strip()
        if kind == "file" and "://" not in url:
            url = Path(url).expanduser().resolve().as_uri()
        options: dict[str, Any] = {}
        secrets: dict[str, str] = {}
        user = self.username.text().strip()
        if user:
            options["access_key" if kind == "s3" else "username"] = user
        if kind == "s3" and self.endpoint.text().strip():
            options["endpoint"] = self.endpoint.text().strip()
        if kind == "sftp" and self._pin is not None:
            options["host_key"] = self._pin.options["host_key"]
        key_path = self.key_file.text().strip()
        if kind == "sftp" and key_path:
            secrets["private_key"] = Path(key_path).expanduser().read_text(encoding="utf-8")
        if self.secret.text():
            name = {"s3": "secret_key", "sftp": "key_passphrase" if key_path else "password"}.get(
                kind, "password"
            )
            secrets[name] = self.secret.text()
        return self.name.text().strip(), url, options, secrets
