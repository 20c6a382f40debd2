"""Importing a study pack update from the sync page, and confirming a changed study key by its fingerprint.

The researcher chooses the pack folder the data manager sent.  If the pack would change a pinned key (the
study key, the identity key or the identity store) and the data manager's signature does not vouch for it,
the import is refused and :class:`KeyChangeDialog` shows each old and new fingerprint side by side; only
when the researcher ticks that they checked the new ones with the data manager is the pack imported again,
with those changes confirmed (and audited as theirs).

The import dialog is a Designer form (``ui/pack_import.ui``); the key-change dialog's rows follow the changes
the pack makes, so it is built here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from fieldwork_app.services.packs import Accept, PinChange

from fieldwork_app.gui.forms.ui_pack_import import Ui_PackImportDialog
from fieldwork_app.gui.views.common import set_role


class PackImportDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PackImportDialog()
        self.ui.setupUi(self)  # ui/pack_import.ui
        self.path = self.ui.packImportPath
        self.ui.packImportBrowse.clicked.connect(self._browse)
        self.ui.packImportBrowse.setAccessibleName(self.tr("Choose the study pack folder"))  # the field it fills
        self.ui.packImportBrowse.setToolTip(self.tr("Study pack folder"))
        self.buttons = self.ui.buttonBox
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("packImportGo")
        self.path.textChanged.connect(lambda text: self.import_button.setEnabled(bool(text.strip())))
        self.import_button.setEnabled(False)

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Study pack folder"), str(Path.home()))
        if path:
            self.path.setText(path)

    def folder(self) -> Path:
        return Path(self.path.text().strip()).expanduser()


class KeyChangeDialog(QDialog):
    """The pinned values a pack would change, old and new; confirmed only once the researcher ticks that they
    checked the new fingerprints with the data manager."""

    def __init__(self, changes: list[PinChange], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyChangeDialog")
        self.changes = list(changes)
        self.setWindowTitle(self.tr("The study pack changes the study's keys"))
        lay = QVBoxLayout(self)
        warning = QLabel(
            self.tr(
                "This study pack would change where the data this laptop sends can be read. Whoever holds the "
                "new key can read everything sent from now on, and a pack sent by e-mail or on a USB stick can "
                "be forged. Read the new fingerprint to the data manager (by phone or in person) and import it "
                "only if it is theirs."
            )
        )
        warning.setTextFormat(Qt.TextFormat.PlainText)
        warning.setWordWrap(True)
        set_role(warning, "warning")
        lay.addWidget(warning)
        form = QFormLayout()
        names = {
            "study key": (self.tr("Study key in use"), self.tr("Study key in this pack")),
            "identity key": (self.tr("Identity key in use"), self.tr("Identity key in this pack")),
            "identity store": (self.tr("Identity store in use"), self.tr("Identity store in this pack")),
        }
        self.rows: list[tuple[QLabel, QLabel]] = []
        for i, change in enumerate(self.changes, start=1):
            old = QLabel(change.old or self.tr("none"))
            old.setTextFormat(Qt.TextFormat.PlainText)
            new = QLabel(change.new or self.tr("none"))
            new.setTextFormat(Qt.TextFormat.PlainText)
            old.setObjectName(f"keyChangeOld{i}")
            new.setObjectName(f"keyChangeNew{i}")
            for w in (old, new):
                w.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            now, then = names.get(change.what, (change.what, change.what))
            form.addRow(now, old)
            form.addRow(then, new)
            self.rows.append((old, new))
        lay.addLayout(form)
        self.checked = QCheckBox(self.tr("I have &checked the new fingerprints with the data manager"))
        self.checked.setObjectName("keyChangeChecked")
        lay.addWidget(self.checked)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm = self.buttons.addButton(
            self.tr("&Import with the new keys"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.confirm.setObjectName("keyChangeConfirm")
        self.confirm.setEnabled(False)
        self.checked.toggled.connect(self.confirm.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

    def accepted_changes(self) -> Accept:
        """The confirmations to import the pack with: exactly the changes shown."""
        given = {c.what: c.new for c in self.changes}
        store = given.get("identity store")
        return Accept(
            study_key=given.get("study key"),
            identity_key=given.get("identity key"),
            identity_store=(store or "none") if "identity store" in given else None,
            signer=given.get("pack signer"),
        )
