"""Who is subscribed, and the outbox of webhook POSTs (spec §4.10).

A background thread delivers with httpx: the validation empty POST about one second after a
subscription is created, then one signed POST per change. A delivery that fails (no answer or
not 2xx) is retried a few times with growing pauses, as Exact retries (details UNCONFIRMED).
In-process tests create the hub with `auto_deliver=False` and call `flush()`.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import httpx

from .signing import notice_content, signed_body

VALIDATION_DELAY = 1.0  # seconds after the subscription's POST (spec §4.10)
MAX_ATTEMPTS = 3


@dataclass
class Delivery:
    """One POST to a callback; an empty body is the validation POST."""

    url: str
    body: bytes
    due: float  # time.monotonic()
    attempts: int = 0


@dataclass(frozen=True)
class Sent:
    """What a delivery attempt got: the status, or None when the callback did not answer."""

    url: str
    body: bytes
    status: int | None


class WebhookHub:
    """The outbox of one sandbox; `division_changed` is the listener divisions call."""

    def __init__(
        self, state, *, auto_deliver: bool = True, http: httpx.Client | None = None
    ) -> None:
        self.state = state
        self.auto_deliver = auto_deliver
        self.http = http
        self.sent: list[Sent] = []
        self._pending: list[Delivery] = []
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None
        self._stopped = False

    def division_changed(self, division, topic: str, action: str, key: str, now: float) -> None:
        """Queue one signed notice per subscription of `topic` in `division`."""
        for sub in list(division.webhook_subscriptions.values()):
            if sub["Topic"] != topic:
                continue
            app = self.state.apps.get(sub["ClientID"])
            if app is None:
                continue
            content = notice_content(
                topic=topic, client_id=sub["ClientID"], division=division.code, action=action,
                key=key, base_url=sub["_base_url"], now=now,
            )  # fmt: skip
            self.enqueue(sub["CallbackURL"], signed_body(content, app.webhook_secret))

    def enqueue(self, url: str, body: bytes, delay: float = 0.0) -> None:
        """Queue a POST to `url` in `delay` seconds (real time: the sandbox clock may be frozen)."""
        with self._cond:
            self._pending.append(Delivery(url, body, time.monotonic() + delay))
            self._cond.notify_all()
        if self.auto_deliver:
            self._ensure_thread()

    def pending(self) -> int:
        with self._cond:
            return len(self._pending)

    def flush(self) -> list[Sent]:
        """Deliver everything queued now, in this thread, one attempt each; what was sent."""
        with self._cond:
            batch, self._pending = self._pending, []
        return [self._attempt(delivery) for delivery in batch]

    def close(self) -> None:
        """Stop the delivery thread (what is still queued stays queued)."""
        with self._cond:
            self._stopped = True
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _ensure_thread(self) -> None:
        with self._cond:
            if self._thread is None or not self._thread.is_alive():
                self._stopped = False
                self._thread = threading.Thread(
                    target=self._run, name="sandbox-webhooks", daemon=True
                )
                self._thread.start()

    def _run(self) -> None:
        while True:
            with self._cond:
                due = self._wait_for_due()
                if due is None:
                    return
            sent = self._attempt(due)
            if not _ok(sent.status) and due.attempts < MAX_ATTEMPTS:
                with self._cond:
                    due.due = time.monotonic() + 2.0**due.attempts
                    self._pending.append(due)

    def _wait_for_due(self) -> Delivery | None:
        while not self._stopped:
            now = time.monotonic()
            ready = [d for d in self._pending if d.due <= now]
            if ready:
                first = min(ready, key=lambda d: d.due)
                self._pending.remove(first)
                return first
            timeout = min((d.due for d in self._pending), default=now + 1.0) - now
            self._cond.wait(timeout=max(0.01, timeout))
        return None

    def _attempt(self, delivery: Delivery) -> Sent:
        delivery.attempts += 1
        try:
            response = self._client().post(
                delivery.url, content=delivery.body, headers={"Content-Type": "application/json"}
            )
            status = response.status_code
        except httpx.HTTPError:
            status = None
        sent = Sent(delivery.url, delivery.body, status)
        with self._cond:
            self.sent.append(sent)
        return sent

    def _client(self) -> httpx.Client:
        if self.http is None:
            self.http = httpx.Client(timeout=10.0)
        return self.http


def _ok(status: int | None) -> bool:
    return status is not None and 200 <= status < 300


_HUB_LOCK = threading.Lock()


def hub_for(state, **options) -> WebhookHub:
    """The state's hub, created on first use (`options` apply only then)."""
    with _HUB_LOCK:
        hub = getattr(state, "webhook_hub", None)
        if hub is None:
            hub = WebhookHub(state, **options)
            state.webhook_hub = hub
        return hub
