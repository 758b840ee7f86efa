"""A scripted foreign Exact Online (httpx.MockTransport) for shapes the sandbox cannot produce."""

from __future__ import annotations

import httpx
import orjson

from exact_client.client import ExactClient
from exact_client.oauth import OAuthApp
from exact_client.requestor import RetryPolicy
from exact_client.tokens import MemoryTokenStore, TokenPair

BASE = "https://start.exactonline.nl"
API = f"{BASE}/api/v1/100001"
NOW = 1_800_000_000.0
GUID = "61FACAED-0389-4183-BF67-AC1C179E1050"


class Script:
    """Plays `answers` in order (the last one repeats) and records every request it saw.

    An answer may be an exception (raised) or a function of the request (called).
    """

    def __init__(self, *answers):
        self.answers = answers
        self.seen: list[httpx.Request] = []
        self.sleeps: list[float] = []
        self.now = NOW  # the client's clock; its sleeps move it

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request)
        answer = self.answers[min(len(self.seen), len(self.answers)) - 1]
        if isinstance(answer, Exception):
            raise answer
        return answer(request) if callable(answer) else answer

    def client(self, *, store=None, **http_options) -> ExactClient:
        transport = httpx.MockTransport(self)
        return ExactClient(
            base_url=BASE,
            division=100001,
            app=app(),
            store=store or MemoryTokenStore(TokenPair("access", "refresh", NOW)),
            http=httpx.Client(transport=transport, **http_options),
            clock=lambda: self.now,
            sleep=self.sleep,
            retry=RetryPolicy(max_retries=2),
        )


def app() -> OAuthApp:
    return OAuthApp("client", "secret", "https://app.test/cb", BASE)


def json_answer(payload, status=200, headers=None) -> httpx.Response:
    headers = {"Content-Type": "application/json", **(headers or {})}
    return httpx.Response(status, content=orjson.dumps(payload), headers=headers)


def first_page(client: ExactClient):
    return next(client.items.list(filter="Code eq 'A1'"))
