"""An injectable clock, so lone-working prompts, escalations and due dates can be tested.

Services that care about "now" take ``clock: Clock | None = None`` and fall back to the system clock.
Times are aware datetimes in UTC; they are stored as ISO text with seconds.  Times that a researcher
typed without a zone (a planned visit start, say) are read as the laptop's local time, which is what
they meant when they typed them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol

from fieldwork_app.errors import InvalidInput


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware, in UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FakeClock:
    """A clock that only moves when told to."""

    def __init__(self, start: datetime) -> None:
        self._now = as_utc(start)

    def now(self) -> datetime:
        return self._now

    def advance(self, minutes: float = 0, seconds: float = 0, days: float = 0) -> datetime:
        self._now += timedelta(days=days, minutes=minutes, seconds=seconds)
        return self._now

    def set(self, when: datetime) -> None:
        self._now = as_utc(when)


def resolve(clock: Clock | None) -> Clock:
    return clock if clock is not None else SystemClock()


def as_utc(when: datetime) -> datetime:
    """An aware UTC datetime; a naive one is taken as local time."""
    if when.tzinfo is None:
        when = when.astimezone()
    return when.astimezone(UTC)


def iso(when: datetime) -> str:
    return as_utc(when).isoformat(timespec="seconds")


def now_iso() -> str:
    """Now, as the vault stores times (UTC, to the second)."""
    return iso(datetime.now(UTC))


def parse(text: str | datetime, what: str) -> datetime:
    """Read a stored or typed time (ISO text, or a datetime) as aware UTC; bad input is InvalidInput."""
    if isinstance(text, datetime):
        return as_utc(text)
    try:
        return as_utc(datetime.fromisoformat(str(text)))
    except (TypeError, ValueError):
        raise InvalidInput(f"{what}: expected a date and time as YYYY-MM-DDTHH:MM, got {text!r}") from None


def parse_due(value: str | date | datetime | None, what: str) -> datetime | None:
    """A due time: a datetime, ISO text, or a bare date meaning the end of that (local) day."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return as_utc(value)
    if isinstance(value, date):
        return end_of_day(value)
    text = str(value).strip()
    if len(text) == 10:
        try:
            return end_of_day(date.fromisoformat(text))
        except ValueError:
            pass
    return parse(text, what)


def end_of_day(day: date | datetime) -> datetime:
    """The last second of ``day`` in local time (a task "due today" is due before local midnight)."""
    if isinstance(day, datetime):
        day = as_utc(day).astimezone().date()
    local = datetime.combine(day, time(23, 59, 59)).astimezone()
    return local.astimezone(UTC)


def local_hm(when: datetime) -> str:
    """A time as the researcher reads it on their own laptop: 14:05."""
    return as_utc(when).astimezone().strftime("%H:%M")
