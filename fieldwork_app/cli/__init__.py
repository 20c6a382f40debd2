"""The ``fieldwork`` command line: thin layer over :mod:`fieldwork_app.services`."""

from fieldwork_app.cli.main import main

__all__ = ["main"]
