"""The data manager's analysis tools: transcript drafts, the pseudonymisation aid and REFI-QDA export.

Everything here works on an analysis folder written by ``store unpack`` (see
``fieldwork_app/sync/unpack.py``) on the data manager's machine, with no network.  No Qt.
"""
