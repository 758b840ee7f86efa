"""Exact's value formats (spec §3.4): Amsterdam wall-clock `/Date(ms)/`, date-only midnight."""

from datetime import UTC, date, datetime

import pytest

from exact_sandbox.odata.values import (
    date_value,
    day_value,
    parse_posted_date,
    utc_from_wall_ms,
    wall_literal_ms,
    wall_ms,
)


def test_summer_instant_is_written_as_cest_wall_clock():
    # The spec's proof: created 14:28:10 GMT on 2026-06-25 -> /Date(1782404890063)/ (16:28:10).
    instant = datetime(2026, 6, 25, 14, 28, 10, 63000, tzinfo=UTC).timestamp()
    assert date_value(instant) == "/Date(1782404890063)/"


def test_winter_instant_is_one_hour_ahead():
    instant = datetime(2026, 1, 15, 12, 0, tzinfo=UTC).timestamp()
    expected = datetime(2026, 1, 15, 13, 0, tzinfo=UTC).timestamp() * 1000
    assert wall_ms(instant) == expected


def test_dst_switch_night_of_29_march_2026():
    before = datetime(2026, 3, 29, 0, 59, tzinfo=UTC).timestamp()  # 01:59 CET
    after = datetime(2026, 3, 29, 1, 0, tzinfo=UTC).timestamp()  # 03:00 CEST
    assert wall_ms(before) == datetime(2026, 3, 29, 1, 59, tzinfo=UTC).timestamp() * 1000
    assert wall_ms(after) == datetime(2026, 3, 29, 3, 0, tzinfo=UTC).timestamp() * 1000


def test_date_only_is_local_midnight():
    assert day_value(date(2026, 6, 25)) == "/Date(1782345600000)/"


def test_filter_literal_uses_the_same_scale_as_stored_dates():
    instant = datetime(2026, 6, 25, 14, 28, 10, tzinfo=UTC).timestamp()
    assert wall_literal_ms("2026-06-25T16:28:10") == wall_ms(instant)
    assert wall_literal_ms("2018-09-21T04:18:55.617") % 1000 == 617


def test_wall_ms_converts_back_to_the_utc_instant():
    instant = datetime(2026, 7, 1, 8, 30, tzinfo=UTC)
    assert utc_from_wall_ms(wall_ms(instant.timestamp())) == instant


@pytest.mark.parametrize(
    ("posted", "stored"),
    [
        ("2026-06-25", "/Date(1782345600000)/"),
        ("2026-06-25T16:28:10", "/Date(1782404890000)/"),
        ("/Date(1782345600000)/", "/Date(1782345600000)/"),
    ],
)
def test_posted_dates(posted, stored):
    assert parse_posted_date(posted) == stored


def test_posted_date_must_be_a_date():
    with pytest.raises(ValueError):
        parse_posted_date("25-06-2026")
