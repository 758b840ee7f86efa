"""The delivery date's pattern names exactly the real days from EARLIEST_DATE to LATEST_DATE."""

from __future__ import annotations

import datetime
import re

import pytest
from pydantic import TypeAdapter, ValidationError

from salesdesk.api.date_input import DATE_PATTERN, date_body
from salesdesk.orders import bounds

adapter = TypeAdapter(date_body(description="d"))


def test_every_day_in_the_bounds_matches_and_is_taken():
    day = bounds.EARLIEST_DATE
    while day <= bounds.LATEST_DATE:
        assert re.fullmatch(DATE_PATTERN, day.isoformat()), day
        day += datetime.timedelta(days=1)
    assert adapter.validate_python("2028-02-29") == datetime.date(2028, 2, 29)


@pytest.mark.parametrize(
    "refused",
    ["1999-12-31", "2100-01-01", "2001-02-29", "2027-04-31", "2027-13-01", "2027-1-5",
     "2027-01-05T00:00:00", "20270105", ""],
)  # fmt: skip
def test_what_the_pattern_refuses_the_api_refuses(refused):
    assert not re.fullmatch(DATE_PATTERN, refused)
    with pytest.raises(ValidationError):
        adapter.validate_python(refused)


def test_the_bounds_are_those_of_the_pattern():
    day = datetime.timedelta(days=1)
    assert not re.fullmatch(DATE_PATTERN, (bounds.EARLIEST_DATE - day).isoformat())
    assert not re.fullmatch(DATE_PATTERN, (bounds.LATEST_DATE + day).isoformat())


def test_a_unix_time_is_refused():
    with pytest.raises(ValidationError):
        adapter.validate_json("1767225600")
