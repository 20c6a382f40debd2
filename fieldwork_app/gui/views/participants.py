"""Placeholder (filled in next)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from fieldwork_app.gui.context import AppContext


class ParticipantsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
