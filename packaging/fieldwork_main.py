"""The frozen app's entry point: the ``fieldwork`` command (with no command, the desktop app)."""

import multiprocessing
import sys

from fieldwork_app.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
