"""Setting up the study store from the sync panel.

The research IT team gives the researcher a URL and a login; the dialog hands them to
``services.sync.add_store`` on the database thread, which keeps the secret in the encrypted vault.  The
secret field is cleared as soon as the dialog closes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
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

KINDS = [
    ("file", "A folder or mounted share (file:///…)"),
    ("sftp", "SFTP server (sftp://user@host:port/path)"),
    ("webdav", "WebDAV, e.g. Nextcloud or SharePoint (https://…)"),
    ("s3", "S3-compatible object storage (s3://bucket/prefix)"),
]


class StoreDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storeDialog")
        self.setWindowTitle(self.tr("Set up the study store"))
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Your research IT team gives you these details. The password or secret is kept "
                "in this laptop's encrypted vault, never in a settings file."
            )
        )
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
        for w, name in (
            (self.name, "Store name"),
            (self.url, "Store address"),
            (self.username, "User name"),
            (self.secret, "Password or secret"),
            (self.endpoint, "S3 endpoint"),
            (self.key_file, "SSH key file"),
        ):
            w.setAccessibleName(self.tr(name))
        lay.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("storeError")
        self.error.setWordWrap(True)
        lay.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
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

    def _accept(self) -> None:
        if not self.name.text().strip() or not self.url.text().strip():
            self.error.setText(self.tr("Give the store a name and an address."))
            return
        self.accept()

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
        key_path = self.key_file.text().strip()
        if kind == "sftp" and key_path:
            secrets["private_key"] = Path(key_path).expanduser().read_text(encoding="utf-8")
        if self.secret.text():
            name = {"s3": "secret_key", "sftp": "key_passphrase" if key_path else "password"}.get(
                kind, "password"
            )
            secrets[name] = self.secret.text()
        return self.name.text().strip(), url, options, secrets
