"""Injected failures: planned ones (control API) and random ones (`fault_rate`).

Kinds (see README): "500", "503", "429", "timeout", "drop", "drop_after_commit",
"html_maintenance", "appended_error", "401" (a valid token refused, as right after a
refresh, spec §1.5 pitfall 5) for API calls; "500", "500_after_rotate",
"timeout", "drop_after_commit" for `oauth2/token`; "blank_picture" for pictures
(`docs/SysImage.aspx`): the 1x1 white image Exact sends for a token it does not accept.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

API_KINDS = frozenset(
    {
        "500",
        "503",
        "429",
        "timeout",
        "drop",
        "drop_after_commit",
        "html_maintenance",
        "appended_error",
        "401",
    }
)
# On the token endpoint: lost answers before the call runs (500, 503, drop, an HTML page
# instead of JSON) and after it rotated the tokens (the others; appended_error = garbled).
TOKEN_KINDS = frozenset({"500", "503", "drop", "html_maintenance", "500_after_rotate", "timeout",
                         "drop_after_commit", "appended_error"})  # fmt: skip
PICTURE_KINDS = frozenset({"blank_picture"})
RANDOM_KINDS = ("500", "503", "429", "drop_after_commit")
TOKEN_PATH = "oauth2/token"
PICTURE_PATH = "docs/SysImage.aspx"


class ConnectionDropped(ConnectionResetError):
    """The sandbox closes the connection without answering.

    On the real server the socket is closed; in-process (WSGI) this exception
    propagates out of the app. `tests/sandbox_fixtures.SandboxTransport` turns it
    into `httpx.RemoteProtocolError`, as a real dropped connection would be.
    """


class SimulatedTimeout(TimeoutError):
    """In-process stand-in for a response slower than any client waits.

    The real server sleeps instead; `SandboxTransport` maps this to `httpx.ReadTimeout`.
    """


@dataclass
class Fault:
    """One planned failure; fires on matching calls after `skip` of them, `count` times."""

    kind: str
    path: str = "*"
    method: str | None = None
    division: int | None = None
    count: int = 1
    skip: int = 0
    seconds: float | None = None  # "timeout": how long to stall (default: config)
    status: int = 200  # "html_maintenance": the status sent with the page (spec §5.1)

    def matches(self, path: str, method: str, division: int | None) -> bool:
        if self.path != "*" and self.path.lower() != path.lower():
            return False
        if self.method and self.method.upper() != method:
            return False
        return self.division is None or self.division == division

    def to_json(self) -> dict:
        return dict(self.__dict__)


class FaultPlan:
    """Planned faults in the order added, plus the seeded random `fault_rate`."""

    def __init__(self, seed: int = 1) -> None:
        self.planned: list[Fault] = []
        self.rng = random.Random(seed)

    def add(self, kind: str, path: str = "*", **options: object) -> Fault:
        """Plan a fault, e.g. `add("500", "salesorder/SalesOrders", method="POST", count=2)`."""
        kinds = {TOKEN_PATH: TOKEN_KINDS, PICTURE_PATH.lower(): PICTURE_KINDS}.get(
            path.lower(), API_KINDS
        )
        if kind not in kinds:
            raise ValueError(f"unknown fault kind {kind!r} for {path!r}; known: {sorted(kinds)}")
        fault = Fault(kind=kind, path=path, **options)  # type: ignore[arg-type]
        if fault.count < 1 or fault.skip < 0:
            raise ValueError("count must be >= 1 and skip >= 0")
        self.planned.append(fault)
        return fault

    def clear(self) -> None:
        self.planned.clear()

    def take(
        self, path: str, method: str, division: int | None, kinds: frozenset[str] | None = None
    ) -> Fault | None:
        """The planned fault this call triggers (consuming one of its count), if any;
        `kinds`: only faults of these kinds (a picture takes no `"*"` API fault)."""
        for fault in self.planned:
            if not fault.matches(path, method, division):
                continue
            if kinds is not None and fault.kind not in kinds:
                continue
            if fault.skip:
                fault.skip -= 1
                continue
            fault.count -= 1
            if fault.count == 0:
                self.planned.remove(fault)
            return fault
        return None

    def roll(self, rate: float) -> Fault | None:
        """A random fault with probability `rate` (seeded, so runs repeat)."""
        if rate <= 0 or self.rng.random() >= rate:
            return None
        return Fault(kind=self.rng.choice(RANDOM_KINDS))
