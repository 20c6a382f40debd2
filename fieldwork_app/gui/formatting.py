"""Dates and times as the researcher reads them: one format, in their locale, in their laptop's time zone.

Every screen shows a stored time through these helpers, and every date or time field is set up by
:func:`setup_date_edit`, so a visit, a task and a follow-up call read the same way everywhere.  Stored
times are ISO text (UTC, or local when typed without a zone); nothing here changes what is stored.

Without a language setting (the C locale) Qt would write "7 12 2026"; the day, the month's short name and
the full year are used instead, which no reader can take the wrong way round.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit

from fieldwork_app.services.clock import as_utc

C_DATE = "d MMM yyyy"
C_TIME = "HH:mm"


def _locale() -> QLocale:
    return QLocale()


def date_format() -> str:
    loc = _locale()
    if loc.language() == QLocale.Language.C:
        return C_DATE
    fmt = loc.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in fmt:  # two-digit years are ambiguous in a research record
        fmt = fmt.replace("yy", "yyyy")
    return fmt


def time_format() -> str:
    loc = _locale()
    if loc.language() == QLocale.Language.C:
        return C_TIME
    return loc.timeFormat(QLocale.FormatType.ShortFormat)


def datetime_format() -> str:
    return f"{date_format()} {time_format()}"


def _local(value: str | datetime) -> datetime | None:
    """A stored time as an aware datetime in the laptop's zone (None when it cannot be read)."""
    if isinstance(value, datetime):
        when = value
    else:
        try:
            when = datetime.fromisoformat(str(value))
        except ValueError:
            return None
    return as_utc(when).astimezone()


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def when_text(value: str | datetime | None) -> str:
    """Date and time: "7 Dec 2026 14:05" (in the user's locale); '' for none; the text itself if unreadable."""
    if not value:
        return ""
    when = _local(value)
    if when is None:
        return str(value)
    loc = _locale()
    day = loc.toString(_qdate(when.date()), date_format())
    return f"{day} {loc.toString(QTime(when.hour, when.minute), time_format())}"


def date_text(value: str | date | datetime | None) -> str:
    """A day: "7 Dec 2026" (in the user's locale).  A bare "YYYY-MM-DD" is that day as written."""
    if not value:
        return ""
    if isinstance(value, date) and not isinstance(value, datetime):
        day = value
    elif isinstance(value, str) and len(value) == 10:
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return value
    else:
        when = _local(value)
        if when is None:
            return str(value)
        day = when.date()
    return _locale().toString(_qdate(day), date_format())


def time_text(value: str | datetime | None) -> str:
    """A time of day: "14:05" (in the user's locale)."""
    if not value:
        return ""
    when = _local(value)
    if when is None:
        return str(value)
    return _locale().toString(QTime(when.hour, when.minute), time_format())


def moment_text(value: str | datetime | None, today: date | None = None) -> str:
    """A moment said as briefly as it stays clear: the time alone when it is today ("14:05"), else the day and
    the time ("7 Dec 2026 14:05")."""
    when = _local(value) if value else None
    if when is None:
        return str(value or "")
    if when.date() == (today or datetime.now().astimezone().date()):
        return time_text(when)
    return when_text(when)


def due_text(value: str | datetime | None) -> str:
    """A due time: the day alone when it is due by the end of that day, else the day and the time."""
    when = _local(value) if value else None
    if when is None:
        return str(value or "")
    if (when.hour, when.minute) == (23, 59):
        return date_text(when)
    return when_text(when)


def to_qdatetime(value: str | datetime | None, fallback: QDateTime | None = None) -> QDateTime:
    """A stored time for a date-time field, in local time (a zone in the text is honoured)."""
    when = _local(value) if value else None
    if when is None:
        return fallback if fallback is not None else QDateTime.currentDateTime()
    return QDateTime(_qdate(when.date()), QTime(when.hour, when.minute))


def setup_date_edit(edit: QDateEdit | QDateTimeEdit) -> None:
    """The one display format of date and date-time fields (what is stored is unchanged)."""
    if isinstance(edit, QDateEdit):
        edit.setDisplayFormat(date_format())
    else:
        edit.setDisplayFormat(datetime_format())
