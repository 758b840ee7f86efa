"""Webhooks in the sandbox: subscriptions resource, validation POST, signed notices (§4.10)."""

import hashlib
import hmac
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import orjson
import pytest

from exact_sandbox.config import DEMO_CLIENT_ID, DEMO_WEBHOOK_SECRET
from exact_sandbox.data.mutate import mutate
from exact_sandbox.webhooks.hub import hub_for
from tests.sandbox_fixtures import api_headers

SUBS = "/api/v1/100001/webhooks/WebhookSubscriptions"
CALLBACK = "https://salesdesk.test/exact/webhooks/acme"
BODY_RE = re.compile(rb'^\{"Content":(.*),"HashCode":"([0-9A-F]{64})"\}$')


class Receiver:
    """A webhook callback as a WSGI app: records what it got, answers `status`."""

    def __init__(self, status: int = 200) -> None:
        self.status = status
        self.bodies: list[bytes] = []

    def __call__(self, environ, start_response):
        length = int(environ.get("CONTENT_LENGTH") or 0)
        self.bodies.append(environ["wsgi.input"].read(length))
        start_response(f"{self.status} X", [("Content-Type", "text/plain")])
        return [b""]

    def notices(self) -> list[dict]:
        return [orjson.loads(BODY_RE.match(b)[1]) for b in self.bodies if b]


@pytest.fixture
def receiver(sandbox_state):
    receiver = Receiver()
    http = httpx.Client(transport=httpx.WSGITransport(app=receiver))
    hub_for(sandbox_state, auto_deliver=False, http=http)
    return receiver


@pytest.fixture
def headers(demo_tokens):
    return api_headers(demo_tokens["access_token"])


def subscribe(http, headers, topic: str, callback: str = CALLBACK) -> httpx.Response:
    return http.post(SUBS, headers=headers, json={"Topic": topic, "CallbackURL": callback})


def test_subscriptions_are_created_listed_and_deleted_but_never_updated(sandbox_http, headers):
    created = subscribe(sandbox_http, headers, "Items")
    assert created.status_code == 201
    sub = created.json()["d"]
    assert sub["Topic"] == "Items" and sub["CallbackURL"] == CALLBACK
    assert sub["ClientID"] == DEMO_CLIENT_ID and sub["Division"] == 100001

    listed = sandbox_http.get(SUBS, headers=headers).json()["d"]["results"]
    assert [row["ID"] for row in listed] == [sub["ID"]]
    one = f"{SUBS}(guid'{sub['ID']}')"
    assert sandbox_http.put(one, headers=headers, json={"Topic": "Accounts"}).status_code == 405
    assert sandbox_http.delete(one, headers=headers).status_code == 204
    assert sandbox_http.get(SUBS, headers=headers).json()["d"]["results"] == []
    assert sandbox_http.delete(one, headers=headers).status_code == 404


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"CallbackURL": CALLBACK}, "Mandatory: Topic"),
        ({"Topic": "Items"}, "Mandatory: CallbackURL"),
        ({"Topic": "Nonsense", "CallbackURL": CALLBACK}, "Topic not supported"),
        ({"Topic": "Items", "CallbackURL": "http://example.com/hook"}, "https://"),
    ],
)
def test_bad_subscriptions_are_refused(sandbox_http, headers, body, message):
    response = sandbox_http.post(SUBS, headers=headers, json=body)
    assert response.status_code == 400
    assert message in response.json()["error"]["message"]["value"]


def test_one_subscription_per_topic_per_division(sandbox_http, headers):
    assert subscribe(sandbox_http, headers, "Items").status_code == 201
    assert subscribe(sandbox_http, headers, "Items").status_code == 400
    other = sandbox_http.post(
        SUBS.replace("100001", "100002"), headers=headers,
        json={"Topic": "Items", "CallbackURL": CALLBACK},
    )  # fmt: skip
    assert other.status_code == 201


def test_nothing_is_delivered_before_a_flush_without_the_thread(
    sandbox_http, sandbox_state, headers, receiver
):
    subscribe(sandbox_http, headers, "Items")
    assert receiver.bodies == []
    assert hub_for(sandbox_state).pending() == 1


def test_validation_post_is_empty_and_notices_are_signed_like_exact(
    sandbox_http, sandbox_state, headers, receiver
):
    subscribe(sandbox_http, headers, "Items")
    item = next(iter(sandbox_state.divisions[100001].items))
    url = f"/api/v1/100001/logistics/Items(guid'{item['ID']}')"
    assert sandbox_http.put(url, headers=headers, json={"Description": "New"}).status_code == 204

    sent = hub_for(sandbox_state).flush()

    assert [s.status for s in sent] == [200, 200]
    assert receiver.bodies[0] == b""
    match = BODY_RE.match(receiver.bodies[1])
    assert match, receiver.bodies[1]
    expected = hmac.new(DEMO_WEBHOOK_SECRET.encode(), match[1], hashlib.sha256).hexdigest()
    assert match[2].decode() == expected.upper()
    content = orjson.loads(match[1])
    assert list(content) == [
        "Topic", "ClientId", "Division", "Action", "Key", "ExactOnlineEndpoint", "EventCreatedOn",
    ]  # fmt: skip
    assert content["Action"] == "Update" and content["Key"] == item["ID"]
    assert content["ExactOnlineEndpoint"].endswith(f"/100001/logistics/Items(guid'{item['ID']}')")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}", content["EventCreatedOn"])
    assert b" " not in match[1]  # compact JSON


def test_creates_updates_and_deletes_of_each_topic_are_notified(
    sandbox_http, sandbox_state, headers, receiver
):
    for topic in ("Items", "Accounts", "SalesOrders"):
        subscribe(sandbox_http, headers, topic)
    division = sandbox_state.divisions[100001]
    account, item = next(iter(division.accounts)), next(iter(division.items))
    order = {"OrderedBy": account["ID"], "SalesOrderLines": [{"Item": item["ID"], "Quantity": 1}]}
    posted = sandbox_http.post("/api/v1/100001/salesorder/SalesOrders", headers=headers, json=order)
    order_id = posted.json()["d"]["OrderID"]
    new_item = sandbox_http.post(
        "/api/v1/100001/logistics/Items", headers=headers,
        json={"Code": "WEBHOOK1", "Description": "Hooked"},
    ).json()["d"]["ID"]  # fmt: skip
    sandbox_http.delete(f"/api/v1/100001/salesorder/SalesOrders(guid'{order_id}')", headers=headers)
    changes = mutate(division, clock=sandbox_state.clock, changed_customers=2, deleted_items=1)

    hub_for(sandbox_state).flush()

    seen = {(n["Topic"], n["Action"], n["Key"]) for n in receiver.notices()}
    assert ("SalesOrders", "Create", order_id) in seen
    assert ("SalesOrders", "Delete", order_id) in seen
    assert ("Items", "Create", new_item) in seen
    for key in changes["ids"]["changed_customers"]:
        assert ("Accounts", "Update", key) in seen
    assert ("Items", "Delete", changes["ids"]["deleted_items"][0]) in seen
    assert all(n["Division"] == 100001 for n in receiver.notices())


def test_no_subscription_means_no_notice_and_other_divisions_stay_quiet(
    sandbox_http, sandbox_state, headers, receiver
):
    subscribe(sandbox_http, headers, "Accounts")
    mutate(sandbox_state.divisions[100001], clock=sandbox_state.clock, changed_items=3)
    mutate(sandbox_state.divisions[100002], clock=sandbox_state.clock, changed_customers=1)

    sent = hub_for(sandbox_state).flush()

    assert [s.body for s in sent] == [b""]  # only the validation POST


def test_background_thread_delivers_over_http_after_about_a_second(live_sandbox, sandbox_state):
    got: list[tuple[float, bytes]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            got.append((time.monotonic(), self.rfile.read(length)))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with httpx.Client(base_url=live_sandbox.url) as http:
            from tests.sandbox_fixtures import demo_token_pair

            headers = api_headers(demo_token_pair(http)["access_token"])
            callback = f"http://127.0.0.1:{server.server_address[1]}/hook"
            started = time.monotonic()
            assert subscribe(http, headers, "Accounts", callback).status_code == 201
            mutate(sandbox_state.divisions[100001], clock=sandbox_state.clock, changed_customers=1)
            deadline = time.monotonic() + 10
            while len(got) < 2 and time.monotonic() < deadline:
                time.sleep(0.05)
    finally:
        server.shutdown()
        hub_for(sandbox_state).close()
    bodies = [body for _, body in got]
    assert b"" in bodies
    validation_at = next(at for at, body in got if body == b"")
    assert validation_at - started >= 0.9
    assert any(BODY_RE.match(body) for body in bodies if body)
