"""`client.vat_codes` against the sandbox: list only, padded codes, fractional rates."""

import pytest

from exact_client import values
from exact_client.errors import NoSuchEndpoint, Rejected
from exact_sandbox.config import DEMO_CLIENT_ID


def rows(pages):
    return [row for page in pages for row in page.rows]


def test_lists_every_code_with_the_narrow_select(client):
    codes = rows(client.vat_codes.list())
    assert {row["Code"]: row["Percentage"] for row in codes} == {
        "0  ": 0.0,
        "1  ": 0.21,
        "2  ": 0.09,
    }
    assert set(codes[0]) - {"__metadata"} == set(client.vat_codes.endpoint.select)
    assert codes[0]["Modified"].tzinfo is not None
    assert client.calls == 1


def test_item_vat_codes_match_listed_codes_when_padded(client):
    listed = {row["Code"] for row in rows(client.vat_codes.list())}
    item_codes = {row["SalesVatCode"] for row in rows(client.items.bulk())}
    assert item_codes and item_codes <= listed
    # VAT codes are left-aligned ("1  "), unlike account codes: no code_pad here.
    high = rows(client.vat_codes.list(filter=f"Code eq {values.quote('1'.ljust(3))}"))
    assert [row["Description"] for row in high] == ["BTW 21%"]


def test_has_no_bulk_or_sync(client):
    with pytest.raises(NoSuchEndpoint):
        client.vat_codes.bulk()
    with pytest.raises(NoSuchEndpoint):
        client.vat_codes.sync()


def test_needs_the_financial_accounting_scope(client, sandbox_state):
    sandbox_state.set_scopes(DEMO_CLIENT_ID, withheld=["Financial accounting"])
    with pytest.raises(Rejected) as caught:
        next(client.vat_codes.list())
    assert "Application Scope Violated" in caught.value.message
