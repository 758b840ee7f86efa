"""Odd but plausible values and row shapes in a page (spec §3.4, pitfall 15)."""

from datetime import UTC, datetime

import pytest

from exact_client import values
from exact_client.errors import TransportError
from exact_client.rows import convert_rows

GUID = "61FACAED-0389-4183-BF67-AC1C179E1050"


def test_rows_with_as_many_but_other_keys_are_each_converted():
    rows = [
        {"ID": GUID, "Start": "/Date(0)/"},
        {"ID": GUID, "End": "/Date(0)/"},  # same width, another key
        {"Item": GUID, "Start": None},
    ]
    convert_rows(rows)
    midnight = datetime(1969, 12, 31, 23, 0, tzinfo=UTC)
    assert rows[0] == {"ID": GUID.lower(), "Start": midnight}
    assert rows[1] == {"ID": GUID.lower(), "End": midnight}
    assert rows[2] == {"Item": GUID.lower(), "Start": None}


@pytest.mark.parametrize(
    ("sent", "expected"),
    [("987654321012", 987654321012), (987654321012, 987654321012), (5.0, 5), ("12L", 12)],
)
def test_int64_as_string_number_or_literal(sent, expected):
    rows = [{"Timestamp": "1"}, {"Timestamp": sent}]
    convert_rows(rows, ["Timestamp"])
    assert rows[1]["Timestamp"] == expected and type(rows[1]["Timestamp"]) is int


def test_int64_sent_as_an_empty_string_is_none():
    rows = [{"Timestamp": "7"}, {"Timestamp": ""}, {"Timestamp": None}]
    convert_rows(rows, ["Timestamp"])
    assert [row["Timestamp"] for row in rows] == [7, None, None]


@pytest.mark.parametrize("garbage", ["abc", 1.5, {"v": 1}, [1]])
def test_int64_garbage_is_a_clear_exact_error_naming_the_field(garbage):
    rows = [{"Timestamp": "7"}, {"Timestamp": garbage}]
    with pytest.raises(TransportError, match="Timestamp"):
        convert_rows(rows, ["Timestamp"])


def test_dates_beyond_pythons_range_are_clamped_not_a_crash():
    far = "/Date(253402300800000)/"  # 10000-01-01
    rows = [{"End": far}, {"End": "/Date(-99999999999999999)/"}, {"End": f"/Date({10**20})/"}]
    convert_rows(rows)
    assert rows[0]["End"].year == 9999 and rows[0]["End"].tzinfo is UTC
    assert rows[1]["End"].year == 1 and rows[2]["End"].year == 9999
    assert values.parse_date(f"/Date({10**20}+0100)/").year == 9999


def test_dates_with_and_without_offset_in_one_column():
    rows = [{"Modified": "/Date(1782404890063)/"}, {"Modified": "/Date(1782397690063+0200)/"}]
    convert_rows(rows)
    assert (
        rows[0]["Modified"]
        == rows[1]["Modified"]
        == datetime(2026, 6, 25, 14, 28, 10, 63000, tzinfo=UTC)
    )


def test_numbers_where_text_was_expected_stay_numbers_and_codes_still_trim():
    rows = [{"Code": 25, "Unit": None}, {"Code": "                26", "Unit": 3}]
    convert_rows(rows)
    assert [row["Code"] for row in rows] == [25, "                26"]
    assert [values.code_trim(row["Code"]) for row in rows] == ["25", "26"]
    assert values.code_trim(0) == "0"


def test_a_guid_column_keeps_odd_values_and_free_text_as_they_came():
    rows = [{"Item": None}, {"Item": GUID}, {"Item": "not-a-guid"}, {"Item": 7}, {"Item": "Z" * 36}]
    convert_rows(rows)
    assert [row["Item"] for row in rows] == [None, GUID.lower(), "not-a-guid", 7, "Z" * 36]


def test_nested_objects_that_are_not_collections_stay_as_they_came():
    meta = {"uri": "https://start.exactonline.nl/x", "type": "Exact.Web.Api.Models.Item"}
    rows = [
        {"__metadata": meta, "Class_01": {"Code": "A"}, "Lines": {"results": [1, "x"]}},
        {"__metadata": meta, "Class_01": None, "Lines": []},
    ]
    convert_rows(rows)
    assert rows[0] == {
        "__metadata": meta,
        "Class_01": {"Code": "A"},
        "Lines": {"results": [1, "x"]},
    }
    assert rows[1]["Lines"] == []
