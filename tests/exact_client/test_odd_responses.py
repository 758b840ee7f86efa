"""Shapes the sandbox cannot produce (spec §5.1), served by httpx.MockTransport."""

import httpx
import orjson
import pytest

from exact_client.client import ExactClient
from exact_client.errors import PagingError, ServerError, TransportError
from exact_client.oauth import OAuthApp
from exact_client.requestor import RetryPolicy
from exact_client.tokens import MemoryTokenStore, TokenPair

BASE = "https://start.exactonline.nl"
NOW = 1_800_000_000.0
ROW = {"ID": "61facaed-0389-4183-bf67-ac1c179e1050", "Code": "A1"}


def make_client(handler, sleeps=None):
    store = MemoryTokenStore(TokenPair("access", "refresh", NOW))
    app = OAuthApp("client", "secret", "https://app.test/cb", BASE)
    return ExactClient(
        base_url=BASE,
        division=100001,
        app=app,
        store=store,
        http=httpx.Client(transport=httpx.MockTransport(handler)),
        clock=lambda: NOW,
        sleep=(sleeps.append if sleeps is not None else lambda s: None),
        retry=RetryPolicy(max_retries=2),
    )


def json_200(payload):
    return httpx.Response(
        200, content=orjson.dumps(payload), headers={"Content-Type": "application/json"}
    )


def responses(*answers):
    """A handler that plays `answers` in order and records the requests it saw."""
    seen = []

    def handler(request):
        seen.append(request)
        answer = answers[min(len(seen), len(answers)) - 1]
        if isinstance(answer, Exception):
            raise answer
        return answer

    return handler, seen


def first_page(client):
    return next(client.items.list(filter="Code eq 'A1'"))


def test_truncated_body_is_a_retriable_transport_error_and_a_get_retries_it():
    handler, seen = responses(
        httpx.Response(200, content=b'{"d":{"results":[{"ID":"61fa'), json_200({"d": [ROW]})
    )
    sleeps = []
    page = first_page(make_client(handler, sleeps))
    assert page.rows == [ROW]
    assert len(seen) == 2 and len(sleeps) == 1


def test_truncated_body_every_time_ends_in_transport_error():
    handler, seen = responses(httpx.Response(200, content=b'{"d":{"results":['))
    with pytest.raises(TransportError) as caught:
        first_page(make_client(handler))
    assert caught.value.retriable
    assert len(seen) == 3  # one call and two bounded retries


def test_html_maintenance_page_with_200_is_a_retriable_server_error():
    page = b"<html><body>Exact Online is temporarily unavailable</body></html>"
    handler, _ = responses(httpx.Response(200, content=page, headers={"Content-Type": "text/html"}))
    with pytest.raises(ServerError) as caught:
        first_page(make_client(handler))
    assert caught.value.retriable


def test_error_object_appended_after_the_json_is_a_server_error():
    body = orjson.dumps({"d": {"results": [ROW]}}) + (
        b'{ "error": { "code": "", "message": { "lang": "", '
        b'"value": "A problem has occurred." } } }'
    )
    handler, _ = responses(httpx.Response(200, content=body))
    with pytest.raises(ServerError) as caught:
        first_page(make_client(handler))
    assert caught.value.retriable


def test_a_repeating_next_link_stops_instead_of_looping():
    loop = f"{BASE}/api/v1/100001/logistics/Items?$skiptoken=guid'x'"
    handler, seen = responses(json_200({"d": {"results": [ROW], "__next": loop}}))
    pages = make_client(handler).items.list()
    with pytest.raises(PagingError):
        for _ in pages:
            pass
    assert len(seen) == 2


def test_a_next_link_to_another_host_never_gets_the_token():
    evil = "https://evil.example/steal?$skiptoken=1"
    handler, seen = responses(json_200({"d": {"results": [ROW], "__next": evil}}))
    pages = make_client(handler).items.list()
    next(pages)
    with pytest.raises(ValueError):
        next(pages)
    assert all(request.url.host == "start.exactonline.nl" for request in seen)


def test_a_post_that_times_out_is_ambiguous_and_not_retried():
    handler, seen = responses(httpx.ReadTimeout("slow"))
    client = make_client(handler)
    with pytest.raises(TransportError) as caught:
        client.sales_orders.create({"OrderedBy": ROW["ID"], "SalesOrderLines": []})
    assert caught.value.ambiguous is True
    assert len(seen) == 1 and client.calls == 1


def test_a_post_whose_connection_never_opened_is_not_ambiguous():
    handler, seen = responses(httpx.ConnectError("refused"))
    with pytest.raises(TransportError) as caught:
        make_client(handler).sales_orders.create({"OrderedBy": ROW["ID"]})
    assert caught.value.ambiguous is False
    assert len(seen) == 1


def test_a_post_with_a_garbled_200_answer_is_ambiguous():
    handler, _ = responses(httpx.Response(201, content=b'{"d":{"OrderID":"'))
    with pytest.raises(TransportError) as caught:
        make_client(handler).sales_orders.create({"OrderedBy": ROW["ID"]})
    assert caught.value.ambiguous is True
