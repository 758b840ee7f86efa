"""Pages read ahead (`ahead=True`): the next page travels while the caller stores the one it has.

The transfer and the reading of a page run in a thread of their own; the token, the rate
gate, the call count, waits and retries stay in the caller's thread (exchange.py).
"""

import threading

import httpx
import pytest

from exact_client.errors import TransportError
from exact_client.tokens import MemoryTokenStore
from exact_sandbox.config import SandboxConfig
from tests.exact_client.foreign_server import API, Script, json_answer
from tests.sandbox_fixtures import SANDBOX_BASE_URL, SandboxTransport

ITEMS = 2500  # three sync pages
SYNC_PATH = "sync/Logistics/Items"
AHEAD = "exact-get-ahead"


@pytest.fixture
def sandbox_config():
    return SandboxConfig(items=ITEMS, customers=20, minutely_limit=60)


class Watched(SandboxTransport):
    """The sandbox, noting the thread that sent each API request and signalling each one."""

    def __init__(self, app) -> None:
        super().__init__(app=app)
        self.sent: list[tuple[str, str]] = []
        self.arrived = threading.Semaphore(0)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if "/api/v1/" in request.url.path:
            self.sent.append((request.url.path, threading.current_thread().name))
            self.arrived.release()
        return response


@pytest.fixture
def watched(sandbox_app):
    return Watched(sandbox_app)


@pytest.fixture
def client(make_client, watched):
    with httpx.Client(transport=watched, base_url=SANDBOX_BASE_URL) as http:
        yield make_client(http=http)


def ids(pages):
    return [row["ID"] for page in pages for row in page.rows]


def ahead_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == AHEAD]


def test_the_next_page_is_on_its_way_while_the_caller_holds_one(client, watched):
    pages = client.items.sync(since=1, ahead=True)
    first = next(pages)
    assert watched.arrived.acquire(timeout=5) and watched.arrived.acquire(timeout=5)
    assert watched.sent[1][1] == AHEAD  # requested without a second `next()`
    rows = ids([first, *pages])
    assert len(rows) == len(set(rows)) == ITEMS
    assert client.calls == 3
    assert [thread for _, thread in watched.sent] == ["MainThread", AHEAD, AHEAD]


def test_ahead_gives_the_same_pages_and_calls_as_without(make_client, sandbox_http):
    plain, ahead = make_client(), make_client()
    assert ids(ahead.items.sync(since=1, ahead=True)) == ids(plain.items.sync(since=1))
    assert ahead.calls == plain.calls == 3
    assert not ahead_threads()


def test_a_caller_that_stops_leaves_no_request_running(client, watched):
    pages = client.items.sync(since=1, ahead=True)
    next(pages)
    gate, key = client._requestor.gate, client._requestor._key
    left_after_one = gate.budget(key).minute_remaining
    pages.close()
    assert not ahead_threads()
    assert client.calls == len(watched.sent) == 2
    assert gate.budget(key).minute_remaining == left_after_one - 1  # its headers were read


def test_a_failed_page_ahead_is_retried_in_the_callers_thread(client, watched, sandbox_state):
    sandbox_state.faults.add("500", SYNC_PATH, skip=1)
    rows = ids(client.items.sync(since=1, ahead=True))
    assert len(rows) == len(set(rows)) == ITEMS
    assert client.calls == 4
    assert [thread for _, thread in watched.sent] == ["MainThread", AHEAD, "MainThread", AHEAD]


def test_no_page_goes_ahead_while_the_minute_budget_is_spent(
    make_client, sandbox_state, sandbox_clock
):
    sandbox_state.config.minutely_limit = 2
    client = make_client()
    pages = client.items.sync(since=1, ahead=True)
    next(pages), next(pages)
    assert client.calls == 2  # the gate wants a wait: the third page waits for `next()`
    started = sandbox_clock.now()
    assert len(ids(pages)) == ITEMS - 2000
    assert client.calls == 3 and sandbox_clock.now() > started  # it waited for the minute


def test_shape_is_made_in_the_fetching_thread(client):
    def shape(rows):
        return threading.current_thread().name, len(rows)

    shaped = [page.shaped for page in client.items.sync(since=1, ahead=True, shape=shape)]
    assert shaped == [("MainThread", 1000), (AHEAD, 1000), (AHEAD, 500)]
    plain = [page.shaped for page in client.items.sync(since=1, shape=shape)]
    assert plain == [("MainThread", 1000), ("MainThread", 1000), ("MainThread", 500)]


class ThreadNotingStore(MemoryTokenStore):
    def __init__(self, pair) -> None:
        super().__init__(pair)
        self.loaded_in: set[str] = set()

    def load(self):
        self.loaded_in.add(threading.current_thread().name)
        return super().load()


def test_the_token_is_only_read_in_the_callers_thread(make_client, token_store):
    store = ThreadNotingStore(token_store.pair)
    assert len(ids(make_client(store=store).items.sync(since=1, ahead=True))) == ITEMS
    assert store.loaded_in == {"MainThread"}  # a database-backed store stays in its thread


def page(rows, next_url=None):
    d = {"results": rows, **({"__next": next_url} if next_url else {})}
    return json_answer({"d": d})


def test_a_page_ahead_that_is_no_page_fails_when_asked_for_and_is_not_retried():
    script = Script(
        page([{"ID": "1", "Timestamp": 5}], f"{API}/sync/Logistics/Items?page=2"),
        json_answer({"not": "a page"}),
    )
    client = script.client()
    pages = client.items.sync(since=1, ahead=True)
    assert ids([next(pages)]) == ["1"]
    with pytest.raises(TransportError, match="without the `d` envelope"):
        next(pages)
    assert client.calls == len(script.seen) == 2


def test_a_garbled_page_ahead_is_retried_like_any_garbled_body():
    script = Script(
        page([{"ID": "1", "Timestamp": 5}], f"{API}/sync/Logistics/Items?page=2"),
        httpx.Response(200, content=b'{"d": {"results": [', headers={"Content-Type": "json"}),
        page([{"ID": "2", "Timestamp": 6}]),
    )
    client = script.client()
    assert ids(client.items.sync(since=1, ahead=True)) == ["1", "2"]
    assert client.calls == 3
