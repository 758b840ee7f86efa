"""A date input whose OpenAPI schema says exactly which dates the API takes.

Pydantic leaves a date's `ge`/`le` out of the schema and also takes other spellings (such as
a Unix time), so the schema promised any date and the API refused most of them. This type
takes only "YYYY-MM-DD" of a real day in the 21st century (bounds.EARLIEST_DATE to
bounds.LATEST_DATE), with a pattern that spells out every month's length and the leap years,
so the schema refuses exactly what the API refuses.
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated

from pydantic import BeforeValidator, WithJsonSchema

from salesdesk.orders import bounds

_DAY = (
    r"20[0-9]{2}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    r"|02-(?:0[1-9]|1[0-9]|2[0-8]))"
)
# 2000 is a leap year; 2100 (not one) is past the range.
_LEAP_DAY = r"20(?:[02468][048]|[13579][26])-02-29"
DATE_PATTERN = rf"^(?:{_DAY}|{_LEAP_DAY})$"
_matches = re.compile(DATE_PATTERN).fullmatch


def _check(value: object) -> datetime.date:
    if isinstance(value, str) and _matches(value):
        day = datetime.date.fromisoformat(value)
        if bounds.EARLIEST_DATE <= day <= bounds.LATEST_DATE:
            return day
    raise ValueError(
        f"Must be a real day as YYYY-MM-DD, from {bounds.EARLIEST_DATE} to {bounds.LATEST_DATE}"
    )


def date_body(*, description: str):
    """A date in a JSON body, from bounds.EARLIEST_DATE to bounds.LATEST_DATE."""
    schema = {"type": "string", "pattern": DATE_PATTERN, "description": description}
    return Annotated[datetime.date, BeforeValidator(_check), WithJsonSchema(schema)]
