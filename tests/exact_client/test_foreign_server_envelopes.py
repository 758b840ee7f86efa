"""Envelopes and `__next` links as a foreign Exact may write them (spec §3.2-§3.3, pitfall 10)."""

from datetime import UTC, datetime

import httpx
import pytest

from exact_client.errors import ExactError, PagingError, ServerError, TransportError, UnsafeUrl
from exact_client.paging import MAX_EMPTY_PAGES
from tests.exact_client.foreign_server import API, GUID, Script, first_page, json_answer

ROW = {"ID": GUID, "Code": "A1"}


def all_rows(pages):
    return [row for page in pages for row in page.rows]


def test_v1_array_envelope_converts_expanded_children_sent_as_plain_arrays():
    order = {"OrderID": GUID, "SalesOrderLines": [{"Item": GUID, "Modified": "/Date(0)/"}]}
    script = Script(json_answer({"d": [order]}))
    row = next(script.client().sales_orders.list(expand="SalesOrderLines")).rows[0]
    line = row["SalesOrderLines"][0]
    assert row["OrderID"] == line["Item"] == GUID.lower()
    assert line["Modified"] == datetime(1969, 12, 31, 23, 0, tzinfo=UTC)


def test_a_deferred_link_first_does_not_hide_expanded_rows_later():
    rows = [
        {"OrderID": GUID, "SalesOrderLines": {"__deferred": {"uri": f"{API}/x"}}},
        {"OrderID": GUID, "SalesOrderLines": {"results": [{"Item": GUID}]}},
    ]
    page = next(Script(json_answer({"d": {"results": rows}})).client().sales_orders.list())
    assert page.rows[0]["SalesOrderLines"] == {"__deferred": {"uri": f"{API}/x"}}
    assert page.rows[1]["SalesOrderLines"] == [{"Item": GUID.lower()}]


@pytest.mark.parametrize(
    ("count", "expected"), [("12", 12), (12, 12), ("", None), ("many", None), (None, None)]
)
def test_count_as_string_or_number_and_junk_is_unknown(count, expected):
    page = first_page(Script(json_answer({"d": {"results": [ROW], "__count": count}})).client())
    assert page.count == expected


@pytest.mark.parametrize("payload", [{"d": {}}, {"d": {"__count": "0"}}, {"d": {"results": []}}])
def test_an_empty_answer_is_an_empty_page(payload):
    page = first_page(Script(json_answer(payload)).client())
    assert page.rows == [] and page.next_url is None


def test_a_next_link_that_is_not_a_string_ends_the_paging():
    script = Script(json_answer({"d": {"results": [ROW], "__next": {"uri": "x"}}}))
    assert all_rows(script.client().items.list()) == [ROW | {"ID": GUID.lower()}]
    assert len(script.seen) == 1


@pytest.mark.parametrize("rows", [[1, 2], ["a"], [ROW, None]])
def test_rows_that_are_not_objects_are_a_clear_error(rows):
    with pytest.raises(TransportError, match="not objects"):
        first_page(Script(json_answer({"d": {"results": rows}})).client())


def test_an_error_object_with_a_200_is_a_server_error_with_exacts_text():
    error = {"error": {"code": "", "message": {"lang": "", "value": "A problem has occurred."}}}
    with pytest.raises(ServerError, match="A problem has occurred"):
        first_page(Script(json_answer(error)).client())


def test_json_with_a_byte_order_mark_is_read():
    body = b"\xef\xbb\xbf" + json_answer({"d": [ROW]}).content
    page = first_page(Script(httpx.Response(200, content=body)).client())
    assert page.rows[0]["Code"] == "A1"


def test_the_next_link_is_fetched_verbatim_without_repeating_our_parameters():
    link = f"{API}/logistics/Items?$select=ID,Code&$filter=Code%20eq%20'A1'&$skiptoken=guid'{GUID}'"
    script = Script(
        json_answer({"d": {"results": [ROW], "__next": link}}), json_answer({"d": {"results": []}})
    )
    assert len(list(script.client().items.list(filter="Code eq 'A1'"))) == 2
    second = script.seen[1].url
    assert second.params.get_list("$select") == ["ID,Code"]
    assert second.params["$skiptoken"] == f"guid'{GUID}'"


@pytest.mark.parametrize(
    "link",
    [
        "http://start.exactonline.nl/api/v1/100001/logistics/Items?$skiptoken=1L",  # TLS proxy
        "https://web17.internal:8443/api/v1/100001/logistics/Items?$skiptoken=1L",  # node name
        "/api/v1/100001/logistics/Items?$skiptoken=1L",  # relative
        "Items?$skiptoken=1L",  # relative to the page
    ],
)
def test_next_links_written_by_a_proxy_are_followed_on_our_own_origin(link):
    script = Script(
        json_answer({"d": {"results": [ROW], "__next": link}}), json_answer({"d": {"results": []}})
    )
    list(script.client().items.list())
    second = script.seen[1]
    assert str(second.url).startswith("https://start.exactonline.nl/api/v1/100001/logistics/Items")
    assert second.url.params["$skiptoken"] == "1L"
    assert second.headers["Authorization"] == "Bearer access"


def test_a_next_link_to_a_foreign_path_is_an_exact_error_and_gets_no_token():
    script = Script(json_answer({"d": {"results": [ROW], "__next": "https://cdn.example/x?1"}}))
    pages = script.client().items.list()
    next(pages)
    with pytest.raises(UnsafeUrl) as caught:
        next(pages)
    assert isinstance(caught.value, ExactError) and not caught.value.retriable
    assert len(script.seen) == 1


def test_ever_new_next_links_on_empty_pages_stop_after_a_few():
    script = Script(
        lambda request: json_answer(
            {"d": {"results": [], "__next": f"{API}/logistics/Items?p={len(script.seen)}"}}
        )
    )
    with pytest.raises(PagingError):
        all_rows(script.client().items.list())
    assert len(script.seen) == MAX_EMPTY_PAGES + 1  # then a clear stop, not an endless walk
