"""Exact Online's JSON value formats (spec §3.4).

`Edm.DateTime` goes out as `/Date(ms)/` where ms is the Europe/Amsterdam
*wall-clock* time written as if it were UTC; date-only fields are local midnight.
Int64 goes out as a JSON string. Records keep values already in this form, so a
page is built without per-value conversion.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
_EPOCH = datetime(1970, 1, 1)
_DATE_RE = re.compile(r"^/Date\((-?\d+)\)/$")
_ISO_RE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?Z?$"
)


@cache
def _offset_ms(utc_hour: int) -> int:
    # Amsterdam switches offset on whole UTC hours, so one lookup per hour is exact.
    offset = datetime.fromtimestamp(utc_hour * 3600, AMSTERDAM).utcoffset() or timedelta(0)
    return int(offset.total_seconds()) * 1000


def wall_ms(epoch_s: float) -> int:
    """Amsterdam wall-clock milliseconds for an instant (the number inside `/Date()`)."""
    return round(epoch_s * 1000) + _offset_ms(int(epoch_s // 3600))


def date_value(epoch_s: float) -> str:
    """`/Date(ms)/` for a moment in time (Created, Modified...)."""
    return f"/Date({wall_ms(epoch_s)})/"


def local_date(epoch_s: float) -> date:
    """The Amsterdam calendar date of an instant."""
    return datetime.fromtimestamp(epoch_s, AMSTERDAM).date()


def day_value(day: date) -> str:
    """`/Date(ms)/` for a date-only field: local midnight (spec §3.4)."""
    return f"/Date({(day - _EPOCH.date()).days * 86_400_000})/"


def wall_literal_ms(text: str) -> int:
    """Milliseconds of a local wall-clock literal (`2026-01-29T00:00:00`), as written."""
    match = _ISO_RE.match(text.strip())
    if not match:
        raise ValueError(f"Unrecognized date '{text}'")
    year, month, day, hour, minute, second, frac = match.groups()
    moment = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0))
    micros = int((frac or "0").ljust(6, "0")[:6])
    moment += timedelta(seconds=int(second or 0), microseconds=micros)
    return (moment - _EPOCH) // timedelta(milliseconds=1)


def date_ms(value: str | None) -> int | None:
    """The ms inside a stored `/Date(ms)/` value (None stays None)."""
    if value is None:
        return None
    return int(value[6:-2])


def parse_posted_date(value: object) -> str:
    """A posted date (`2026-06-25`, `2026-06-25T10:00:00` local, or `/Date(ms)/`) in stored form."""
    if not isinstance(value, str):
        raise ValueError("Cannot convert a primitive value to the expected type 'Edm.DateTime'.")
    match = _DATE_RE.match(value)
    if match:
        return value
    try:
        return f"/Date({wall_literal_ms(value)})/"
    except ValueError:
        raise ValueError(
            "Cannot convert a primitive value to the expected type 'Edm.DateTime'."
        ) from None


def ms_to_literal(ms: int) -> str:
    """`2018-09-21T04:18:55.617`: the wall-clock text of a stored date (for skiptokens)."""
    moment = _EPOCH + timedelta(milliseconds=ms)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}"


def utc_from_wall_ms(ms: int) -> datetime:
    """The UTC instant of a wall-clock ms value (for tests and diagnostics)."""
    naive = _EPOCH + timedelta(milliseconds=ms)
    return naive.replace(tzinfo=AMSTERDAM).astimezone(UTC)
