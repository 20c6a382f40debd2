"""The session screens: interview, distress protocol, safeguarding, lone working and close-out.

:func:`fieldwork_app.gui.session.page.build_screen` makes the screen the main window pushes for a session;
the screen calls ``ctx.pop(widget)`` when it is left.  The tour's steps for these screens are in
:mod:`fieldwork_app.gui.session.tour_steps`, which the tour imports.
"""
