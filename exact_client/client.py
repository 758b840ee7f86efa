"""`ExactClient`: one administration (division) on one country host, resources as attributes."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

import httpx

from . import crm_writes, endpoints, ledger_endpoints
from .errors import TransportError
from .hosts import normalize_base_url
from .oauth import OAuthApp
from .outgoing_http import http_client
from .paging import Page, iterate_pages
from .quotations import QUOTATIONS, Quotations
from .rate_gate import RateGate
from .requestor import Requestor, RetryPolicy
from .resources import Pictures, Resource, SalesOrders, WebhookSubscriptions
from .tokens import TokenManager, TokenStore

__all__ = ["ExactClient", "Page"]


class ExactClient:
    """The only way to talk to Exact Online for one division.

    `http`, `clock` and `sleep` are injectable so tests run against the sandbox with its
    movable clock (`sleep=clock.advance`).
    """

    def __init__(
        self,
        *,
        base_url: str,
        division: int,
        app: OAuthApp,
        store: TokenStore,
        http: httpx.Client | None = None,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], Any] = time.sleep,
        gate: RateGate | None = None,
        logger: logging.Logger | None = None,
        timeout: float = 30.0,
        retry: RetryPolicy | None = None,
    ) -> None:
        self.base_url = normalize_base_url(base_url)
        self.division = division
        self._owns_http = http is None
        self.http = http or http_client(timeout=timeout)
        self.tokens = TokenManager(store, app, self.http, clock, sleep)
        self._requestor = Requestor(
            base_url=self.base_url,
            division=division,
            tokens=self.tokens,
            http=self.http,
            clock=clock,
            sleep=sleep,
            gate=gate or RateGate(),
            logger=logger,
            timeout=timeout,
            retry=retry,
        )
        api = f"{self.base_url}/api/v1/{division}"
        self.items = Resource(self._requestor, api, endpoints.ITEMS)
        self.accounts = crm_writes.Accounts(self._requestor, api, endpoints.ACCOUNTS)
        self.price_lists = Resource(self._requestor, api, endpoints.PRICE_LISTS)
        self.price_list_periods = Resource(self._requestor, api, endpoints.PRICE_LIST_PERIODS)
        self.volume_discounts = Resource(self._requestor, api, endpoints.VOLUME_DISCOUNTS)
        self.item_prices = Resource(self._requestor, api, endpoints.ITEM_PRICES)
        self.sales_orders = SalesOrders(self._requestor, api, endpoints.SALES_ORDERS)
        self.deleted = Resource(self._requestor, api, endpoints.DELETED)
        self.vat_codes = Resource(self._requestor, api, endpoints.VAT_CODES)
        self.division_list = Resource(self._requestor, api, endpoints.DIVISIONS)
        self.pictures = Pictures(self._requestor)
        self.webhook_subscriptions = WebhookSubscriptions(
            self._requestor, api, endpoints.WEBHOOK_SUBSCRIPTIONS
        )
        # Stock, sales history, receivables, addresses and contacts (spec §9).
        ledger = ledger_endpoints
        self.warehouses = Resource(self._requestor, api, ledger.WAREHOUSES)
        self.stock_positions = Resource(self._requestor, api, ledger.STOCK_POSITIONS)
        self.sales_order_lines = Resource(self._requestor, api, ledger.SALES_ORDER_LINES)
        self.goods_deliveries = Resource(self._requestor, api, ledger.GOODS_DELIVERIES)
        self.goods_delivery_lines = Resource(self._requestor, api, ledger.GOODS_DELIVERY_LINES)
        self.sales_invoices = Resource(self._requestor, api, ledger.SALES_INVOICES)
        self.sales_invoice_lines = Resource(self._requestor, api, ledger.SALES_INVOICE_LINES)
        self.receivables_list = Resource(self._requestor, api, ledger.RECEIVABLES_LIST)
        self.addresses = crm_writes.Addresses(self._requestor, api, ledger.ADDRESSES)
        self.contacts = crm_writes.Contacts(self._requestor, api, ledger.CONTACTS)
        # The order header's lists (read whole, spec §9.1).
        self.shipping_methods = Resource(self._requestor, api, ledger.SHIPPING_METHODS)
        self.payment_conditions = Resource(self._requestor, api, ledger.PAYMENT_CONDITIONS)
        # Quotations and accepting them into sales orders (spec §9.4).
        self.quotations = Quotations(self._requestor, api, QUOTATIONS)

    @property
    def calls(self) -> int:
        """HTTP calls made to Exact by this client (token calls excluded, retries included)."""
        return self._requestor.calls

    def me(self) -> dict[str, Any]:
        """The authorized user (`/api/v1/current/Me`: no division, not rate-limited, §4.1)."""
        url = f"{self.base_url}/api/v1/current/Me"
        params = {"$select": ",".join(endpoints.ME_SELECT)}
        fetch = lambda u, p: self._requestor.get_json(u, p, gated=False)  # noqa: E731
        page = next(iterate_pages(fetch, url, params, endpoints.ME_INT64))
        if not page.rows:
            raise TransportError("Exact Online returned no current user")
        return page.rows[0]

    def divisions(self) -> list[dict[str, Any]]:
        """Every division (administration) the authorized user can access (`system/Divisions`)."""
        return [row for page in self.division_list.list() for row in page.rows]

    def user_has_rights(self, endpoint: str, action: str) -> bool:
        """Whether the authorized user may `action` (GET/POST/PUT/DELETE) on `endpoint`
        (`service/Entity`), asked through Exact's `users/UserHasRights` function (spec §9.5).

        Unlike trying the call, asking is never an error: nothing of the endpoint's hourly
        error budget is spent, and Exact does not bill it (spec §5.2): it is asked without
        waiting for a spent minute's budget. The answer's envelope
        (`{"d":{"UserHasRights":true}}`) follows picqer; Exact's is UNCONFIRMED.
        """
        url = f"{self.base_url}/api/v1/{self.division}/users/UserHasRights"
        params = {"endpoint": f"'{endpoint}'", "action": f"'{action.upper()}'"}
        body = self._requestor.get_json(url, params, gated=False)
        answer = body.get("d", {}) if isinstance(body, dict) else {}
        if not isinstance(answer, dict) or not isinstance(answer.get("UserHasRights"), bool):
            raise TransportError("Exact Online answered UserHasRights without a yes or no")
        return answer["UserHasRights"]

    def close(self) -> None:
        """Close the HTTP client if this client created it."""
        if self._owns_http:
            self.http.close()

    def __enter__(self) -> ExactClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
