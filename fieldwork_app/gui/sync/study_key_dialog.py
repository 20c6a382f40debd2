"""Adding the study key to a study that has none, or confirming a new one, from the sync page (``ui/study_key.ui``).

The researcher chooses the key file (study.pub) the data manager gave them; the dialog shows its
fingerprint, and for a change both the pinned and the new fingerprints, and asks the researcher to tick
that they checked the new one with the data manager before the key can be used.  The key is then stored
and pinned by ``services.packs.set_study_key`` on the database thread (audited there).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QWidget

from fieldwork_app.errors import FieldworkError

from fieldwork_app.gui.forms.ui_study_key import Ui_StudyKeyDialog
from fieldwork_app.gui.views.common import set_role


class StudyKeyDialog(QDialog):
    """``current`` is the pinned key's fingerprint ("" when the study has none); ``read_key(path)`` reads a
    key file and returns the key and its fingerprint (its presenter's, so the dialog holds widgets only)."""

    def __init__(
        self, current: str, read_key: Callable[[Path], tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._read_key = read_key
        self.ui = Ui_StudyKeyDialog()
        self.ui.setupUi(self)  # ui/study_key.ui
        self.setObjectName("studyKeyDialog")
        self.current = current
        self.recipient = ""
        self.fingerprint = ""
        self.setWindowTitle(self.tr("Change the study key") if current else self.tr("Add the study key"))
        self.old = self.ui.studyKeyOld
        self.old.setText(current or self.tr("none yet"))
        self.path = self.ui.studyKeyPath
        self.browse = self.ui.studyKeyBrowse
        self.browse.setAccessibleName(self.tr("Choose the study key file"))  # the field it fills, said aloud
        self.browse.setToolTip(self.tr("Study key file"))
        self.browse.clicked.connect(self._browse)
        self.new = self.ui.studyKeyNew
        self.warning = self.ui.studyKeyWarning
        set_role(self.warning, "warning")
        self.checked = self.ui.studyKeyChecked
        self.buttons = self.ui.buttonBox
        self.use = self.buttons.addButton(self.tr("&Use this key"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.use.setObjectName("studyKeyUse")
        self.path.textChanged.connect(self._read)
        self.checked.toggled.connect(self._update)
        self._read()

    @property
    def changing(self) -> bool:
        """The chosen key would replace a different key already in use."""
        return bool(self.current) and bool(self.fingerprint) and self.fingerprint != self.current

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Study key file"), str(Path.home()), self.tr("Study key (*.pub);;All files (*)")
        )
        if path:
            self.path.setText(path)

    def _read(self) -> None:
        self.recipient = self.fingerprint = ""
        text = self.path.text().strip()
        if not text:
            self.new.setText(self.tr("Choose the key file first."))
            set_role(self.new, "hint")
        else:
            try:
                self.recipient, self.fingerprint = self._read_key(Path(text).expanduser())
            except FieldworkError:
                self.new.setText(self.tr("No study key was found in that file."))
                set_role(self.new, "error")
            else:
                same = self.fingerprint == self.current
                self.new.setText(self.fingerprint + (self.tr(" (the key already in use)") if same else ""))
                set_role(self.new, "")
        self._update()

    def _update(self) -> None:
        self.warning.setVisible(self.changing)
        self.checked.setVisible(self.changing)
        ready = bool(self.fingerprint) and self.fingerprint != self.current
        self.use.setEnabled(ready and (not self.changing or self.checked.isChecked()))
