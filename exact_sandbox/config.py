"""Sandbox settings and the demo registration (see docs/architecture.md)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from .scopes import ALL_SCOPES

DEMO_CLIENT_ID = "5a1e5de5-0000-4000-8000-000000000001"
DEMO_CLIENT_SECRET = "sandbox-demo-secret"
DEMO_WEBHOOK_SECRET = "sandbox-demo-webhook-secret"
DEMO_REDIRECT_PREFIXES = ("http://127.0.0.1:8000/", "http://localhost:8000/")
DEMO_APP_NAME = "Salesdesk"
DEMO_USERNAME = "demo"
DEMO_PASSWORD = "demo"
DEMO_DIVISIONS = {
    100001: "Demo Wholesale B.V.",
    100002: "Demo Wholesale BV",
    100003: "Demo Retail Nederland",
}


@dataclass(frozen=True)
class ClientApp:
    """An app registration: OAuth client plus its webhook secret and granted scopes (§1.8)."""

    client_id: str
    secret: str
    redirect_prefixes: tuple[str, ...]
    webhook_secret: str = DEMO_WEBHOOK_SECRET
    name: str = "Sandbox app"
    scopes: frozenset[str] = ALL_SCOPES

    @classmethod
    def parse(cls, spec: str) -> ClientApp:
        """`ID:SECRET:REDIRECT_PREFIX`, split at the first two colons (the prefix has its own)."""
        parts = spec.split(":", 2)
        if len(parts) != 3 or not all(parts):
            raise ValueError(f"expected ID:SECRET:REDIRECT_PREFIX, got {spec!r}")
        client_id, secret, prefix = parts
        return cls(client_id=client_id, secret=secret, redirect_prefixes=(prefix,))

    def allows_redirect(self, redirect_uri: str) -> bool:
        return any(redirect_uri.startswith(prefix) for prefix in self.redirect_prefixes)


@dataclass(frozen=True)
class SandboxUser:
    """An Exact Online user who can log in on the sandbox's login page."""

    username: str
    password: str
    full_name: str
    email: str
    divisions: tuple[int, ...]
    user_id: str = ""

    @property
    def uid(self) -> str:
        return self.user_id or str(uuid.uuid5(uuid.NAMESPACE_URL, f"sandbox-user:{self.username}"))


def demo_app(
    *,
    redirect_prefixes: tuple[str, ...] = DEMO_REDIRECT_PREFIXES,
    webhook_secret: str = DEMO_WEBHOOK_SECRET,
) -> ClientApp:
    """The demo app; `salesdesk demo --port` moves its redirect prefixes, and gives it the
    webhook secret it generated for Salesdesk."""
    return ClientApp(
        client_id=DEMO_CLIENT_ID,
        secret=DEMO_CLIENT_SECRET,
        redirect_prefixes=redirect_prefixes,
        webhook_secret=webhook_secret,
        name=DEMO_APP_NAME,
    )


def default_users() -> list[SandboxUser]:
    return [
        SandboxUser(
            DEMO_USERNAME, DEMO_PASSWORD, "Demo User", "demo@sandbox.test", (100001, 100002, 100003)
        ),
        SandboxUser("retail", "retail", "Retail Clerk", "retail@sandbox.test", (100003,)),
    ]


@dataclass
class SandboxConfig:
    """Everything that shapes a sandbox; defaults are Exact's (spec §1.4, §1.5, §2.1)."""

    items: int = 5000
    customers: int = 5000
    seed: int = 1
    warehouses: int = 3  # stock per item per warehouse (spec §9.1)
    history_months: int = 0  # seeded orders/deliveries/invoices; 0 = none (exact_sandbox/README)
    history_lines_per_customer: int = 10
    latency_ms: int = 0
    minutely_limit: int = 60
    daily_limit: int = 5000
    fault_rate: float = 0.0
    error_block: bool = True  # on, as at Exact (spec §2.1); tests that need more errors turn it off
    fault_timeout_seconds: float = 65.0
    clients: list[ClientApp] = field(default_factory=lambda: [demo_app()])
    users: list[SandboxUser] = field(default_factory=default_users)
    divisions: dict[int, str] = field(default_factory=lambda: dict(DEMO_DIVISIONS))
    access_token_seconds: int = 600
    refresh_min_age_seconds: int = 570
    refresh_token_days: int = 30
    code_ttl_seconds: int = 180
