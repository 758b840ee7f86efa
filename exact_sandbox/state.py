"""All the sandbox's mutable state in one object; knows nothing of HTTP.

Each test builds its own (`exact_sandbox.seed.build_state`); nothing is global.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import TYPE_CHECKING

from .auth_store import AuthStore
from .clock import SandboxClock
from .config import ClientApp, SandboxConfig, SandboxUser
from .faults import FaultPlan
from .limits import ErrorBudget, RateLimiter
from .scopes import granted_after_withholding
from .stats import CallStats

if TYPE_CHECKING:
    from .data.division import DivisionData


class SandboxState:
    """Config, clock, registered apps and users, tokens, limits, faults, data, stats.

    `lock` is re-entrant: the WSGI app holds it around every request's state work
    (including `handle_rest`), since the real server is threaded.
    """

    def __init__(
        self,
        config: SandboxConfig,
        clock: SandboxClock,
        divisions: dict[int, DivisionData] | None = None,
    ) -> None:
        self.config = config
        self.clock = clock
        self.lock = threading.RLock()
        self.divisions: dict[int, DivisionData] = divisions or {}
        self.apps: dict[str, ClientApp] = {app.client_id: app for app in config.clients}
        self.users: dict[str, SandboxUser] = {user.username: user for user in config.users}
        self.auth = AuthStore(config)
        self.limits = RateLimiter(config)
        self.errors = ErrorBudget(config)
        self.faults = FaultPlan(config.seed)
        self.stats = CallStats()

    def user_divisions(self, username: str) -> list[int]:
        """Division codes the user can access in Exact (before any consent restriction)."""
        user = self.users.get(username)
        return list(user.divisions) if user else []

    def division_name(self, code: int) -> str:
        return self.config.divisions.get(code, f"Division {code}")

    def set_scopes(
        self, client_id: str, withheld: list[str], read_only: list[str] = ()
    ) -> ClientApp:
        """Grant an app every scope except `withheld` (and only read for `read_only`)."""
        app = self.apps[client_id]
        granted = granted_after_withholding(list(withheld), list(read_only))
        self.apps[client_id] = app = replace(app, scopes=granted)
        return app

    def orders_count(self, code: int) -> int | None:
        """Sales orders stored in a division, if the data layer tells."""
        division = self.divisions.get(code)
        counter = getattr(division, "orders_count", None)
        if callable(counter):
            return counter()
        orders = getattr(division, "sales_orders", None)
        return len(orders) if orders is not None else None
