"""`$filter` parsing and evaluation against stored rows (spec §3.5)."""

import pytest

from exact_sandbox.data import schema
from exact_sandbox.odata.errors import ODataError
from exact_sandbox.odata.filter_parser import fields_in, parse_filter
from exact_sandbox.odata.predicate import compile_filter

ROW = {
    "ID": "097a82a9-6ef7-4edc-8036-3f7559d9ef82",
    "Code": "                25",
    "Name": "O'Brien & Zn.",
    "Blocked": False,
    "IsAccountant": 1,
    "DiscountSales": 0.05,
    "Modified": "/Date(1769648400000)/",  # 2026-01-29T01:00:00 local
    "Email": None,
}


def matches(text: str, row: dict = ROW, entity=schema.ACCOUNT) -> bool:
    return compile_filter(parse_filter(text), entity)(row)


@pytest.mark.parametrize(
    "text",
    [
        "ID eq guid'097A82A9-6EF7-4EDC-8036-3F7559D9EF82'",
        "Code eq '                25'",
        "trim(Code) eq '25'",
        "Name eq 'O''Brien & Zn.'",
        "Blocked eq false and IsAccountant eq 1",
        "Modified ge datetime'2026-01-29T00:00:00' and Modified lt datetime'2026-01-29T01:00:01'",
        "DiscountSales gt 0.01 and DiscountSales le 5L",
        "Email eq null and Name ne null",
        "Code eq 'A' or (Code eq 'B' or trim(Code) eq '25')",
        "not (Blocked eq true)",
        "substringof('Brien', Name) and startswith(Name, 'O''B')",
    ],
)
def test_matching_filters(text):
    assert matches(text)


@pytest.mark.parametrize(
    "text",
    [
        "Code eq '25'",  # padding matters (spec §3.4)
        "Modified gt datetime'2026-01-29T01:00:00'",
        "Email gt 'a'",  # null never orders
        "Blocked eq true or IsAccountant eq 0",
        "Code eq 'A' and trim(Code) eq '25'",
    ],
)
def test_non_matching_filters(text):
    assert not matches(text)


def test_and_binds_tighter_than_or():
    assert matches("Blocked eq true and Code eq 'x' or IsAccountant eq 1")
    assert not matches("Blocked eq true and (Code eq 'x' or IsAccountant eq 1)")


def test_int64_timestamps_compare_numerically_not_as_text():
    row = {"Timestamp": "1000"}
    assert compile_filter(parse_filter("Timestamp gt 999L"), schema.SYNC_ITEM)(row)
    assert not compile_filter(parse_filter("Timestamp gt 1000"), schema.SYNC_ITEM)(row)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Code eq", "Syntax error"),
        ("Code eq 'unterminated", "Syntax error"),
        ("(Code eq 'A'", "Syntax error"),
        ("Nope eq 1", "Could not find a property named 'Nope'"),
        ("ID eq '097a82a9-6ef7-4edc-8036-3f7559d9ef82'", "incompatible with operand types"),
        ("Modified ge '2026-01-01'", "incompatible with operand types"),
        ("BankAccounts eq null", "Filtering on these fields is not supported"),
    ],
)
def test_refused_filters(text, message):
    with pytest.raises(ODataError) as refused:
        compile_filter(parse_filter(text), schema.ACCOUNT)
    assert refused.value.status == 400
    assert message in refused.value.message


def test_fields_in_lists_every_field():
    assert fields_in(parse_filter("trim(Code) eq '1' or (Name eq 'x' and not Blocked)")) == {
        "Code",
        "Name",
        "Blocked",
    }
