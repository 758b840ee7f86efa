"""Paging to the last row, both envelopes, laziness (spec §3.1-§3.3, §3.7-§3.8)."""

import pytest

from exact_sandbox.config import SandboxConfig
from tests.sandbox_fixtures import api_headers

ITEMS = 2100


@pytest.fixture
def sandbox_config():
    return SandboxConfig(items=ITEMS, customers=20)


def all_rows(pages):
    return [row for page in pages for row in page.rows]


def test_list_follows_next_to_the_last_row_60_at_a_time(client):
    pages = list(client.items.list(filter="IsSalesItem eq true or IsSalesItem eq false"))
    assert [len(page.rows) for page in pages[:-1]] == [60] * (len(pages) - 1)
    assert pages[-1].next_url is None and all(page.next_url for page in pages[:-1])
    rows = all_rows(pages)
    assert len({row["ID"] for row in rows}) == len(rows) == ITEMS
    assert client.calls == len(pages)


def test_pages_are_fetched_lazily(client):
    pages = client.items.bulk()
    assert client.calls == 0
    first = next(pages)
    assert len(first.rows) == 1000 and client.calls == 1


def test_bulk_pages_by_1000_to_the_last_row(client):
    pages = list(client.items.bulk())
    assert [len(page.rows) for page in pages] == [1000, 1000, 100]
    assert len({row["ID"] for row in all_rows(pages)}) == ITEMS


def test_sync_from_the_start_then_from_the_cursor(client, sandbox_state, sandbox_clock):
    rows = all_rows(client.items.sync(since=1))
    stamps = [row["Timestamp"] for row in rows]
    assert len(rows) == ITEMS and all(isinstance(stamp, int) for stamp in stamps)
    assert stamps == sorted(stamps)
    cursor = max(stamps)
    assert all_rows(client.items.sync(since=cursor)) == []
    division = sandbox_state.divisions[100001]
    changed = rows[5]["ID"]
    division.touch(division.items, changed, {"Description": "Changed"}, sandbox_clock.now())
    again = all_rows(client.items.sync(since=cursor))
    assert [(row["ID"], row["Description"]) for row in again] == [(changed, "Changed")]
    assert again[0]["Timestamp"] > cursor


def test_top_caps_the_total_across_pages(client):
    rows = all_rows(client.accounts.list(top=15, filter="Blocked eq false or Blocked eq true"))
    assert len(rows) == 15
    big = list(client.items.list(top=100, filter="IsSalesItem eq true or IsSalesItem eq false"))
    assert sum(len(page.rows) for page in big) == 100


def test_inlinecount_gives_the_total(client):
    page = next(
        client.items.list(inlinecount=True, filter="IsSalesItem eq true or IsSalesItem eq false")
    )
    assert page.count == ITEMS


def test_both_envelopes_give_the_same_rows(client, sandbox_http, token_store):
    # What the sandbox sends on the wire: a plain `d` array for a small $top, `d.results` else.
    url = "/api/v1/100001/crm/Accounts"
    headers = api_headers(token_store.pair.access_token)
    query = {"$select": "ID", "$filter": "Blocked eq false or Blocked eq true"}
    plain = sandbox_http.get(url, params={**query, "$top": "5"}, headers=headers).json()
    wrapped = sandbox_http.get(url, params=query, headers=headers).json()
    assert isinstance(plain["d"], list) and isinstance(wrapped["d"]["results"], list)
    every = "Blocked eq false or Blocked eq true"
    small = all_rows(client.accounts.list(top=5, select=["ID"], filter=every))
    full = all_rows(client.accounts.list(select=["ID"], filter=every))
    assert small == full[:5] and len(full) == 20


def test_get_by_key(client):
    first = next(client.items.bulk()).rows[0]
    assert client.items.get(first["ID"])["Code"] == first["Code"]
    assert client.items.get("00000000-0000-4000-8000-000000000000") is None
