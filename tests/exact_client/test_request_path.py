"""What the client sends, observed on the wire (in-process and over a real socket)."""

import httpx

from exact_client.client import ExactClient
from exact_client.oauth import OAuthApp
from exact_client.tokens import MemoryTokenStore
from exact_sandbox.config import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
from tests.sandbox_fixtures import DEMO_REDIRECT_URI, SandboxTransport, authorize


def test_headers_of_reads_and_writes(make_client, sandbox_app, token_store):
    sent = []
    http = httpx.Client(
        transport=SandboxTransport(app=sandbox_app), event_hooks={"request": [sent.append]}
    )
    client = make_client(http=http)
    account = next(client.accounts.bulk()).rows[0]
    item = next(client.items.bulk()).rows[0]
    client.sales_orders.create(
        {"OrderedBy": account["ID"], "SalesOrderLines": [{"Item": item["ID"], "Quantity": 1}]}
    )
    read, write = sent[0], sent[-1]
    bearer = f"Bearer {token_store.pair.access_token}"
    assert read.headers["Authorization"] == write.headers["Authorization"] == bearer
    assert read.headers["Accept"] == write.headers["Accept"] == "application/json"
    assert "Prefer" not in read.headers
    assert write.method == "POST"
    assert write.headers["Prefer"] == "return=representation"
    assert write.headers["Content-Type"] == "application/json"
    assert read.url.path == "/api/v1/100001/bulk/CRM/Accounts"
    assert read.url.params["$select"].startswith("ID,Code,Name,")


def test_the_whole_path_over_a_real_socket(live_sandbox, sandbox_clock):
    with httpx.Client(base_url=live_sandbox.url) as http:
        app = OAuthApp(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_REDIRECT_URI, live_sandbox.url)
        store = MemoryTokenStore(app.exchange_code(authorize(http), http, sandbox_clock.now))
        client = ExactClient(
            base_url=live_sandbox.url,
            division=100001,
            app=app,
            store=store,
            clock=sandbox_clock.now,
            sleep=sandbox_clock.advance,
        )
        with client:
            assert client.me()["UserName"] == "demo"
            rows = [row for page in client.items.sync() for row in page.rows]
            sandbox_clock.advance(580)
            assert len(client.divisions()) == 3
        assert len(rows) == 300 and store.saves == 1
