"""Asking before a file leaves the vault: what it contains, plain or encrypted, and where.

Used for every file the researcher saves outside the encrypted vault (the signed consent copy, the buddy
sheet).  The dialog names what the file contains and offers an age file encrypted to a passphrase beside
the plain one; the file itself is written by the service (``fieldwork_app.services.clearfiles``): a new file
only, mode 0600, audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from fieldwork_app.services import clearfiles


def _t(text: str) -> str:
    # one context for these texts whichever page asks (a parent's tr() would use the page's class at run time)
    return QCoreApplication.translate("SaveClear", text)


@dataclass(frozen=True)
class SaveChoice:
    path: Path
    passphrase: str | None  # None: saved unencrypted


def ask(parent: QWidget, kind: str, what: str, default_name: str) -> SaveChoice | None:
    """Ask how and where to save a file of ``kind`` (``what`` says what it contains); None if cancelled."""
    box = QMessageBox(parent)
    box.setObjectName("saveClearConfirm")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_t("Save outside the vault"))
    box.setText(
        _t(
            "This file will contain %1.\n\nIt is saved outside the encrypted vault: anyone who can open the "
            "file can read it. An encrypted file (age) needs a passphrase to open, with the standard age tool "
            "(age -d FILE.age). The saving is written to the audit log (what kind of file, not where)."
        ).replace("%1", what)
    )
    encrypted = box.addButton(_t("Save &encrypted…"), QMessageBox.ButtonRole.AcceptRole)
    encrypted.setObjectName("saveEncryptedButton")
    plain = box.addButton(_t("Save &unencrypted…"), QMessageBox.ButtonRole.AcceptRole)
    plain.setObjectName("savePlainButton")
    box.setEscapeButton(box.addButton(QMessageBox.StandardButton.Cancel))
    box.setDefaultButton(encrypted)
    box.exec()
    if box.clickedButton() not in (encrypted, plain):
        return None
    passphrase = _ask_passphrase(parent) if box.clickedButton() is encrypted else None
    if box.clickedButton() is encrypted and passphrase is None:
        return None
    name = default_name + (clearfiles.AGE_SUFFIX if passphrase is not None else "")
    path = _ask_path(parent, name, passphrase is not None)
    return SaveChoice(path, passphrase) if path is not None else None


def _ask_passphrase(parent: QWidget) -> str | None:
    dialog = QDialog(parent)
    dialog.setObjectName("exportPassphraseDialog")
    dialog.setWindowTitle(_t("Passphrase for the encrypted file"))
    layout = QVBoxLayout(dialog)
    hint = QLabel(
        _t(
            "At least %1 characters. Give it to the person who opens the file by another way than the file."
        ).replace("%1", str(clearfiles.MIN_PASSPHRASE))
    )
    hint.setTextFormat(Qt.TextFormat.PlainText)
    hint.setWordWrap(True)
    layout.addWidget(hint)
    form = QFormLayout()
    first, second = QLineEdit(dialog), QLineEdit(dialog)
    for edit, name in ((first, "exportPassphrase"), (second, "exportPassphraseRepeat")):
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setObjectName(name)
    form.addRow(_t("&Passphrase"), first)
    form.addRow(_t("&Repeat it"), second)
    layout.addLayout(form)
    problem = QLabel("", dialog)
    problem.setTextFormat(Qt.TextFormat.PlainText)
    problem.setObjectName("exportPassphraseProblem")
    layout.addWidget(problem)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    layout.addWidget(buttons)

    def check() -> None:
        if len(first.text()) < clearfiles.MIN_PASSPHRASE:
            problem.setText(
                _t("The passphrase needs at least %1 characters.").replace(
                    "%1", str(clearfiles.MIN_PASSPHRASE)
                )
            )
        elif first.text() != second.text():
            problem.setText(_t("The two passphrases differ."))
        else:
            dialog.accept()

    buttons.accepted.connect(check)
    buttons.rejected.connect(dialog.reject)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    value = first.text() if accepted else None
    first.clear()
    second.clear()
    return value


def _ask_path(parent: QWidget, name: str, encrypted: bool) -> Path | None:
    dialog = QFileDialog(parent, _t("Save as"), str(Path.home() / name))
    dialog.setObjectName("saveClearFileDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    # Qt's own dialog: the app never overwrites, so it must not offer to; the same on every platform.
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
    dialog.setNameFilter(_t("Encrypted (*.age)") if encrypted else _t("PDF (*.pdf)"))
    dialog.selectFile(name)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])
