"""Exact Online value formats, both ways (spec §3.4, §3.5).

Exact writes `Edm.DateTime` as `/Date(ms)/` where the milliseconds are the Amsterdam
wall-clock time written *as if it were UTC* (spec §3.4, pitfall 14); `$filter` datetimes use the
same local clock without offset. `Edm.Int64` arrives as a JSON string. Fixed-width codes keep
their padding: keep it for matching, trim it for display.
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
_EPOCH = datetime(1970, 1, 1)
_EPOCH_UTC = datetime(1970, 1, 1, tzinfo=UTC)
_DATE_RE = re.compile(r"^/Date\((-?\d+)([+-]\d{4})?\)/$")
_GUID_RE = re.compile(
    r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
)


def is_date(value: object) -> bool:
    """True for a `/Date(ms)/` string."""
    return isinstance(value, str) and _DATE_RE.match(value) is not None


def parse_date(value: str) -> datetime:
    """`/Date(ms)/` (Amsterdam wall clock) -> a UTC-aware datetime.

    The rare `/Date(ms+0100)/` form (Edm.DateTimeOffset) carries true UTC milliseconds.
    """
    match = _DATE_RE.match(value)
    if match is None:
        raise ValueError(f"not an Exact /Date()/ value: {value!r}")
    milliseconds = int(match.group(1))
    if match.group(2):
        return _clamped(_EPOCH_UTC, milliseconds)
    return wall_milliseconds_to_utc(milliseconds)


def wall_milliseconds_to_utc(milliseconds: int) -> datetime:
    """The milliseconds of a `/Date(ms)/` (Amsterdam wall clock) -> a UTC-aware datetime."""
    try:
        return _EPOCH_UTC + timedelta(milliseconds=milliseconds) - _amsterdam_offset(milliseconds)
    except OverflowError:  # Exact's "empty" dates such as 0001-01-01, or beyond year 9999
        return _clamped(_EPOCH, milliseconds).replace(tzinfo=UTC)


def _clamped(epoch: datetime, milliseconds: int) -> datetime:
    try:
        return epoch + timedelta(milliseconds=milliseconds)
    except OverflowError:  # out of Python's range: the nearest representable instant
        extreme = datetime.max if milliseconds > 0 else datetime.min
        return extreme.replace(tzinfo=epoch.tzinfo)


_HOUR_MS = 3_600_000
_offsets: dict[int, timedelta] = {}


def _amsterdam_offset(wall_milliseconds: int) -> timedelta:
    """Amsterdam's UTC offset at a wall-clock time; the same for a whole wall-clock hour
    (the clocks change on the hour), so it is looked up once per hour seen."""
    hour = wall_milliseconds // _HOUR_MS
    offset = _offsets.get(hour)
    if offset is None:
        if len(_offsets) > 100_000:  # a bound, far above the hours one sync sees
            _offsets.clear()
        wall = _EPOCH + timedelta(milliseconds=hour * _HOUR_MS)
        offset = _offsets[hour] = AMSTERDAM.utcoffset(wall)
    return offset


def format_date(moment: datetime | date) -> str:
    """An aware datetime (or a date) -> `/Date(ms)/` in Amsterdam wall-clock time."""
    wall = _amsterdam_wall(moment)
    return f"/Date({(wall - _EPOCH) // timedelta(milliseconds=1)})/"


def datetime_literal(moment: datetime | date) -> str:
    """An aware datetime (or a date) -> `datetime'2026-01-29T00:00:00'` in Amsterdam time.

    Always with the time part: date-only literals are reported unreliable (spec §3.4).
    """
    wall = _amsterdam_wall(moment)
    text = wall.isoformat(timespec="milliseconds" if wall.microsecond else "seconds")
    return f"datetime'{text}'"


to_datetime_literal = datetime_literal


def _amsterdam_wall(moment: datetime | date) -> datetime:
    if not isinstance(moment, datetime):
        return datetime(moment.year, moment.month, moment.day)
    if moment.tzinfo is None:
        raise ValueError("naive datetime: pass an aware one so the Amsterdam time is unambiguous")
    return moment.astimezone(AMSTERDAM).replace(tzinfo=None)


def quote(text: str) -> str:
    """An OData string literal: `O'Brien` -> `'O''Brien'`."""
    return "'" + text.replace("'", "''") + "'"


def is_guid(value: object) -> bool:
    """True for a GUID string in 8-4-4-4-12 form."""
    return isinstance(value, str) and _GUID_RE.match(value) is not None


def guid_literal(value: str | uuid.UUID) -> str:
    """A GUID -> `guid'61facaed-0389-4183-bf67-ac1c179e1050'` (validated, lowercase)."""
    return f"guid'{uuid.UUID(str(value))}'"


guid = guid_literal


def int64(value: int | str | float) -> int:
    """An Edm.Int64, which Exact sends as a JSON string (`"128"`), -> int (spec §3.4).

    A number is accepted too (an integral float included); anything else is a ValueError.
    """
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError(f"not an Int64 value: {value!r}")
    return int(value)


def int64_literal(value: int | str) -> str:
    """An Int64 filter literal: `123456789L`."""
    return f"{int64(value)}L"


def code_trim(code: str | int | None) -> str:
    """A padded code (`"                25"`, `"stuk    "`) for display: `"25"`, `"stuk"`.

    A code that arrives as a number (a foreign server's `25`) is accepted too.
    """
    return "" if code is None else str(code).strip()


def code_pad(code: str | int, width: int = 18) -> str:
    """A code padded as Exact stores account codes: right-aligned in `width` (spec §4.4)."""
    return str(code).strip().rjust(width)
