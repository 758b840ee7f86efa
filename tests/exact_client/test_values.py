"""Exact's value formats (spec §3.4): /Date() in Amsterdam wall clock, Int64 strings, codes."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from exact_client import values
from exact_client.rows import convert_row, convert_rows

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def test_parse_date_reads_summer_wall_clock_as_cest():
    # Spec §3.4: created at 14:28:10 GMT, sent as 16:28:10 "UTC" (CEST = UTC+2).
    assert values.parse_date("/Date(1782404890063)/") == datetime(
        2026, 6, 25, 14, 28, 10, 63000, tzinfo=UTC
    )


def test_parse_date_reads_winter_wall_clock_as_cet():
    # 2026-01-29T00:00:00 Amsterdam wall clock is 2026-01-28T23:00:00Z.
    assert values.parse_date("/Date(1769644800000)/") == datetime(2026, 1, 28, 23, 0, tzinfo=UTC)


def test_parse_date_of_a_date_only_field_is_local_midnight():
    moment = values.parse_date("/Date(1782345600000)/")
    assert moment.astimezone(AMSTERDAM).replace(tzinfo=None) == datetime(2026, 6, 25)


def test_parse_date_with_offset_form_is_true_utc():
    assert values.parse_date("/Date(0+0100)/") == datetime(1970, 1, 1, tzinfo=UTC)


def test_parse_date_of_exacts_empty_date_does_not_overflow():
    assert values.parse_date("/Date(-62135596800000)/").year == 1


def test_parse_date_rejects_other_text():
    with pytest.raises(ValueError):
        values.parse_date("2026-01-01")


def test_format_date_round_trips():
    text = "/Date(1782404890063)/"
    assert values.format_date(values.parse_date(text)) == text


def test_datetime_literal_is_amsterdam_local_time_without_offset():
    moment = datetime(2026, 1, 28, 23, 0, tzinfo=UTC)
    assert values.datetime_literal(moment) == "datetime'2026-01-29T00:00:00'"
    summer = datetime(2026, 6, 25, 14, 28, 10, tzinfo=UTC)
    assert values.to_datetime_literal(summer) == "datetime'2026-06-25T16:28:10'"


def test_datetime_literal_of_a_date_keeps_the_time_part():
    assert values.datetime_literal(date(2026, 1, 29)) == "datetime'2026-01-29T00:00:00'"


def test_datetime_literal_refuses_naive_datetimes():
    with pytest.raises(ValueError):
        values.datetime_literal(datetime(2026, 1, 29))


def test_quote_doubles_single_quotes():
    assert values.quote("O'Brien") == "'O''Brien'"
    assert values.quote("") == "''"


def test_guid_literal_validates_and_lowercases():
    assert values.guid_literal("61FACAED-0389-4183-BF67-AC1C179E1050") == (
        "guid'61facaed-0389-4183-bf67-ac1c179e1050'"
    )
    with pytest.raises(ValueError):
        values.guid_literal("x' or 1 eq 1 or ID eq guid'")


def test_int64_accepts_strings_and_numbers_and_compares_numerically():
    assert values.int64("128") == 128
    assert values.int64(9) == 9
    assert values.int64("10") > values.int64("9")  # lexically "10" < "9"
    assert values.int64_literal("123456789") == "123456789L"
    with pytest.raises(ValueError):
        values.int64(True)


def test_codes_keep_padding_for_matching_and_trim_for_display():
    padded = "                25"
    assert values.code_pad("25") == padded
    assert values.code_pad(25) == padded
    assert values.code_trim(padded) == "25"
    assert values.code_trim("stuk    ") == "stuk"
    assert values.code_trim(None) == ""
    assert values.code_pad("5", width=3) == "  5"


def test_convert_row_converts_dates_int64_guids_and_keeps_padding():
    row = {
        "ID": "61FACAED-0389-4183-BF67-AC1C179E1050",
        "Code": "                25",
        "Timestamp": "987654321012",
        "Modified": "/Date(1782404890063)/",
        "YourRef": "61FACAED-0389-4183-BF67-AC1C179E1050",
        "Stock": 3.5,
        "Notes": None,
        "SalesOrderLines": {"results": [{"Item": "AB0BE1C2-0000-4000-8000-000000000001"}]},
    }
    converted = convert_row(row, ["Timestamp"])
    assert converted["ID"] == "61facaed-0389-4183-bf67-ac1c179e1050"
    assert converted["Code"] == "                25"
    assert converted["Timestamp"] == 987654321012
    assert converted["Modified"] == datetime(2026, 6, 25, 14, 28, 10, 63000, tzinfo=UTC)
    assert converted["YourRef"] == "61FACAED-0389-4183-BF67-AC1C179E1050"  # free text untouched
    assert converted["Stock"] == 3.5
    assert converted["Notes"] is None
    assert converted["SalesOrderLines"] == [{"Item": "ab0be1c2-0000-4000-8000-000000000001"}]


def test_convert_rows_tells_each_column_by_its_values_not_its_first_row():
    rows = [
        {"ID": "AAAAAAAA-0389-4183-BF67-AC1C179E1050", "End": None, "Barcode": "ABC", "T": "5"},
        {
            "ID": "BBBBBBBB-0389-4183-BF67-AC1C179E1050",
            "End": "/Date(0)/",
            "Barcode": "x",
            "T": "6",
        },
        # A row shaped unlike the others is converted on its own.
        {"ID": "CCCCCCCC-0389-4183-BF67-AC1C179E1050", "Extra": "/Date(1000)/"},
    ]
    converted = convert_rows(rows, ["T"])
    assert converted is rows  # a page's rows are converted where they are
    assert [row["ID"][:8] for row in rows] == ["aaaaaaaa", "bbbbbbbb", "cccccccc"]
    assert rows[0]["End"] is None
    assert rows[1]["End"] == datetime(1969, 12, 31, 23, 0, tzinfo=UTC)  # Amsterdam midnight
    assert rows[2]["Extra"] == datetime(1969, 12, 31, 23, 0, 1, tzinfo=UTC)
    assert [rows[0]["Barcode"], rows[1]["Barcode"]] == ["ABC", "x"]  # text keeps its case
    assert [rows[0]["T"], rows[1]["T"]] == [5, 6]


def test_convert_rows_leaves_text_that_only_looks_like_a_guid_or_a_date():
    # Dates are told by their form wherever they are (Exact writes no other /Date( text).
    guid = "61FACAED-0389-4183-BF67-AC1C179E1050"
    rows = [
        {"YourRef": guid, "Remarks": "/Date(soon)/", "Item": guid},
        {"YourRef": "PO-1", "Remarks": "/Date(1000)/", "Item": "not-a-guid"},
    ]
    convert_rows(rows)
    assert [row["YourRef"] for row in rows] == [guid, "PO-1"]  # free text: never touched
    soon, later = (row["Remarks"] for row in rows)
    assert (soon, later.second) == ("/Date(soon)/", 1)  # only a well-formed /Date()/ converts
    assert [row["Item"] for row in rows] == [guid.lower(), "not-a-guid"]


def test_convert_row_leaves_the_callers_row_and_its_children_alone():
    row = {"ID": "61FACAED-0389-4183-BF67-AC1C179E1050", "Lines": {"results": [{"Q": "7"}]}}
    converted = convert_row(row, ["Q"])
    assert converted["Lines"] == [{"Q": 7}]
    assert row == {"ID": "61FACAED-0389-4183-BF67-AC1C179E1050", "Lines": {"results": [{"Q": "7"}]}}


@pytest.mark.parametrize(
    "wall",
    [
        datetime(2026, 3, 29, 0, 0),  # the spring change, 02:00 -> 03:00 (the gap)
        datetime(2026, 10, 25, 0, 0),  # the autumn change, 03:00 -> 02:00 (the fold)
        datetime(1977, 4, 3, 0, 0),  # the first summer time of the modern rules
    ],
)
def test_parse_date_follows_amsterdams_clock_minute_by_minute_around_a_change(wall):
    for minute in range(0, 6 * 60, 7):
        moment = wall + timedelta(minutes=minute, milliseconds=123)
        milliseconds = (moment - datetime(1970, 1, 1)) // timedelta(milliseconds=1)
        expected = moment.replace(tzinfo=ZoneInfo("Europe/Amsterdam")).astimezone(UTC)
        assert values.parse_date(f"/Date({milliseconds})/") == expected, moment


def test_parse_date_keeps_exacts_empty_dates():
    first = (datetime(1, 1, 1) - datetime(1970, 1, 1)) // timedelta(milliseconds=1)
    assert values.parse_date(f"/Date({first})/") == datetime(1, 1, 1, tzinfo=UTC)
    assert values.parse_date("/Date(1000+0100)/") == datetime(1970, 1, 1, 0, 0, 1, tzinfo=UTC)


def test_convert_rows_looks_past_empty_strings_to_tell_a_column():
    rows = [{"PriceList": "", "Start": ""}, {"PriceList": "AB0BE1C2-0000-4000-8000-0000000000FF"}]
    rows[1]["Start"] = "/Date(0)/"
    convert_rows(rows)
    assert rows[0] == {"PriceList": "", "Start": ""}
    assert rows[1]["PriceList"] == "ab0be1c2-0000-4000-8000-0000000000ff"
    assert rows[1]["Start"] == datetime(1969, 12, 31, 23, 0, tzinfo=UTC)
