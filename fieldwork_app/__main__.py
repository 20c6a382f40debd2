"""``python -m fieldwork_app`` runs the command line (and the desktop app when no command is given)."""

from fieldwork_app.cli import main

raise SystemExit(main())
