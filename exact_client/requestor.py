"""The one request path to Exact Online: gate, token, headers, send, log, map, retry."""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import partial
from typing import Any

import httpx
import orjson

from .backoff import Backoff
from .errors import AccessTokenRefused, ExactError, ServerError, TransportError
from .exchange import Exchange, PendingGet
from .origin import on_own_origin
from .rate_gate import RateGate, gate_key
from .response_errors import error_for, json_body
from .tokens import TokenManager

LOGGER = logging.getLogger("exact_client")


@dataclass(frozen=True)
class RetryPolicy:
    """Bounded retries of GETs on retriable failures; POSTs are never retried (pitfall 16)."""

    max_retries: int = 3
    base_delay: float = 1.0
    max_delay: float = 30.0
    auth_wait: float = 5.0  # one short wait after a 401 on a young token (pitfall 5)

    def delay(self, failures: int) -> float:
        """Exponential backoff with jitter for the `failures`-th failure (1-based)."""
        return Backoff(base=self.base_delay, cap=self.max_delay, jitter=self.base_delay).delay(
            failures
        )


class Requestor:
    """Sends one logical request, waiting and retrying as Exact's rules require."""

    def __init__(
        self,
        *,
        base_url: str,
        division: int,
        tokens: TokenManager,
        http: httpx.Client,
        clock: Callable[[], float],
        sleep: Callable[[float], Any],
        gate: RateGate,
        logger: logging.Logger | None = None,
        timeout: float = 30.0,
        retry: RetryPolicy | None = None,
    ) -> None:
        self.base_url = base_url
        self.division = division
        self.tokens = tokens
        self.http = http
        self.clock = clock
        self.sleep = sleep
        self.gate = gate
        self.logger = logger or LOGGER
        self.timeout = timeout
        self.retry = retry or RetryPolicy()
        self.calls = 0
        self._key = gate_key(base_url, division)

    def get_json(
        self, url: str, params: dict[str, str] | None = None, *, gated: bool = True
    ) -> Any:
        """GET and parse JSON; retried on retriable failures (garbled bodies included)."""
        return self.send("GET", url, params=params, gated=gated)

    def post_json(self, url: str, payload: dict[str, Any]) -> Any:
        """POST JSON with `Prefer: return=representation`; never retried on 5xx/timeouts."""
        return self.send("POST", url, body=orjson.dumps(payload))

    def send(
        self,
        method: str,
        url: str,
        *,
        params: dict[str, str] | None = None,
        body: bytes | None = None,
        accept: str = "application/json",
        gated: bool = True,
        read: Callable[[httpx.Response], Any] = json_body,
        first: Exchange | None = None,
    ) -> Any:
        """One logical request: `read(response)` of a 2xx answer, or an `ExactError`.

        GETs retry retriable failures (bounded, with backoff); any method waits out a 429 as
        the gate says (Exact did not process it); a 401 gets one more try (spec §1.5).
        `first`: an attempt already under way (`begin_get`), taken as the first one.
        """
        url = on_own_origin(url, self.base_url)  # the token never leaves the host (§3.2)
        failures = waits_429 = auth_retries = 0
        while True:
            exchange, first = first, None
            try:
                if exchange is None:
                    if gated:
                        self._wait(self.gate.delay_before(self._key, self.clock()))
                    exchange = self._exchange(method, url, params, body, accept, read)
                    exchange.run()
                response = self._received(method, url, exchange)
                if response.status_code < 300:
                    return exchange.value()
            except (TransportError, ServerError) as exc:
                failures = self._after_failure(method, exc, failures)
                continue
            if response.status_code == 429:
                delay = self.gate.delay_after_429(
                    self._key, response.headers, self.clock(), waits_429
                )
                self._wait(delay)
                waits_429 += 1
            elif response.status_code == 401:
                self._after_401(auth_retries)
                auth_retries += 1
            else:
                error = error_for(response)
                if not error.retriable:
                    raise error
                failures = self._after_failure(method, error, failures)

    def begin_get(
        self,
        url: str,
        params: dict[str, str] | None = None,
        *,
        read: Callable[[httpx.Response], Any] = json_body,
    ) -> PendingGet | None:
        """Start a GET now; its transfer and `read` run in a thread (exchange.py).

        None when it cannot go at once (the gate wants a wait, or the budget or the token
        says no): call `get_json` when the answer is needed, which waits and raises as usual.
        """
        url = on_own_origin(url, self.base_url)
        try:
            if self.gate.delay_before(self._key, self.clock(), wait=False) > 0:
                return None
            exchange = self._exchange("GET", url, params, None, "application/json", read)
        except ExactError:
            return None
        exchange.start()
        finish = partial(self.send, "GET", url, params=params, read=read)
        return PendingGet(
            lambda started: finish(first=started), partial(self._dropped, url), exchange
        )

    def _exchange(
        self,
        method: str,
        url: str,
        params: dict | None,
        body: bytes | None,
        accept: str,
        read: Callable[[httpx.Response], Any],
    ) -> Exchange:
        headers = {"Authorization": f"Bearer {self.tokens.access_token()}", "Accept": accept}
        if body is not None:
            headers["Content-Type"] = "application/json"
            headers["Prefer"] = "return=representation"  # else POST echoes only the key (§3.6)
        self.calls += 1
        send = partial(
            self.http.request,
            method, url, params=params, content=body, headers=headers, timeout=self.timeout,
        )  # fmt: skip
        return Exchange(send, read)

    def _received(self, method: str, url: str, exchange: Exchange) -> httpx.Response:
        """The answer of an exchange once it is over, recorded by the gate and logged."""
        exchange.join()
        if exchange.failure is not None:
            self._log(method, url, None, exchange.started, {})
            raise _transport_error(exchange.failure) from exchange.failure
        response = exchange.response
        budget = self.gate.record(self._key, response.headers)
        self._log(method, url, response.status_code, exchange.started, asdict(budget))
        return response

    def _dropped(self, url: str, exchange: Exchange) -> None:
        with contextlib.suppress(ExactError):
            self._received("GET", url, exchange)

    def _after_failure(self, method: str, error: ExactError, failures: int) -> int:
        if method != "GET":
            # A write that failed this way may have been stored: never retry it (pitfall 16).
            error.ambiguous = not getattr(error, "never_sent", False)
            raise error
        failures += 1
        if failures > self.retry.max_retries:
            raise error
        self._wait(self.retry.delay(failures))
        return failures

    def _after_401(self, auth_retries: int) -> None:
        if auth_retries >= 1:
            raise AccessTokenRefused("Exact Online refused the access token (401)")
        if not self.tokens.refresh_due(self.tokens.current()):
            # Young token refused: Exact sometimes does this for a while after a refresh.
            # Wait briefly and retry without refreshing (spec §1.5, pitfall 5).
            self._wait(self.retry.auth_wait)
        # else the next attempt's access_token() refreshes: the token is >= 570 s old.

    def _wait(self, seconds: float) -> None:
        if seconds > 0:
            self.sleep(seconds)

    def _log(self, method: str, url: str, status: int | None, started: float, budget: dict) -> None:
        path = httpx.URL(url).path  # never the query: filters can hold personal data
        self.logger.info(
            "exact %s %s -> %s",
            method,
            path,
            status if status is not None else "no response",
            extra={
                "division": self.division,
                "method": method,
                "path": path,
                "status": status,
                "minute_remaining": budget.get("minute_remaining"),
                "day_remaining": budget.get("day_remaining"),
                "duration_ms": round((time.perf_counter() - started) * 1000),
            },
        )


def _transport_error(exc: httpx.HTTPError) -> TransportError:
    if isinstance(exc, httpx.TimeoutException):
        return TransportError("Exact Online did not answer in time")
    return TransportError(
        f"the connection to Exact Online failed ({type(exc).__name__})",
        never_sent=isinstance(exc, httpx.ConnectError),
    )
