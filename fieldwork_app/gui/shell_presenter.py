"""The main window's own work after an unlock: takes interrupted by a crash, and takes due to be purged."""

from __future__ import annotations

from typing import Any

from fieldwork_app.services import recording, sync

from fieldwork_app.gui.presenter import Done, Presenter


class ShellPresenter(Presenter):
    def interrupted_count(self, done: Done[int]) -> None:
        self._db(recording.interrupted_count, done, None)

    def recover_all(self, done: Done[list[Any]]) -> None:
        """Recover every interrupted take (live takes are skipped)."""
        self._db(recording.recover_all, done, None)

    def purge_due(self, done: Done[list[str]]) -> None:
        """Delete the takes whose 'keep for N days after the receipt' has run out (audited)."""
        self._db(sync.purge_due, done, None)
