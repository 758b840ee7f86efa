"""A company connected to the sandbox, with real customers and items, that sends orders.

Everything runs on the sandbox clock: the Exact client sleeps by advancing it, and the
outbox reads it, so rate-limit waits and back-offs take no real time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal

from exact_sandbox.app import make_app
from salesdesk.integration.connection.clients import exact_client_for
from salesdesk.integration.order_push.services import order_send
from salesdesk.integration.order_push.tasks import outbox_drain
from salesdesk.orders.lines import LineInput
from salesdesk.orders.models import OrderOutbox
from salesdesk.orders.services import OrderHeader, order_create, order_submit
from tests.salesdesk.factories import connect_company, make_company
from tests.salesdesk.orders.factories import copy_sandbox_parties
from tests.sandbox_fixtures import sandbox_client


@dataclass
class OrderDesk:
    company: object
    state: object
    live: object
    division: int
    customers: list = field(default_factory=list)
    items: list = field(default_factory=list)
    client: object = None

    @classmethod
    def open(
        cls, *, state, live, slug: str, division: int = 100001, connected: bool = True
    ) -> OrderDesk:
        """A company with the division's parties; `connected=False` leaves it unauthorized."""
        company = make_company(slug=slug)
        desk = cls(company=company, state=state, live=live, division=division)
        desk.customers, desk.items = copy_sandbox_parties(
            company=company, state=state, division=division
        )
        if connected:
            desk.authorize()
        return desk

    def authorize(self) -> None:
        """Authorize Salesdesk (again): the real code flow, on the sandbox clock."""
        connect_company(
            company=self.company, sandbox=self.live, division=self.division,
            clock=self.state.clock.now,
        )  # fmt: skip
        self.client = exact_client_for(
            company=self.company,
            http=sandbox_client(make_app(self.state), base_url=self.live.url),
            clock=self.state.clock.now,
            sleep=self.state.clock.advance,
        )

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.state.clock.now(), tz=UTC)

    def connect(self, company):
        assert company.pk == self.company.pk  # never another company's client
        assert self.client is not None, "sent while the company was never authorized"
        return self.client

    def order(self, *, lines: int = 2, submit: bool = True, customer=None, items=None, **header):
        items = items or self.items[:lines]
        order = order_create(
            company=self.company,
            user=None,
            header=OrderHeader(customer=customer or self.customers[0], **header),
            lines=[LineInput(item=item, quantity=Decimal(n + 1)) for n, item in enumerate(items)],
        )
        if submit:
            order_submit(order=order, now=self.now())
        return order

    def send(self, order):
        return order_send(order_id=order.pk, connect=self.connect, clock=self.now)

    def send_when_due(self, order):
        """Wait (on the sandbox clock) until the outbox may try the order again; send it."""
        due = OrderOutbox.objects.get(order=order).available_at
        self.state.clock.advance(max(0.0, (due - self.now()).total_seconds()) + 1)
        return self.send(order)

    def drain(self) -> int:
        return outbox_drain(
            company=self.company, connect=self.connect, clock=self.now,
            sleep=self.state.clock.advance,
        )  # fmt: skip

    @property
    def exact_orders(self) -> list[dict]:
        return list(self.state.divisions[self.division].sales_orders)

    def exact_orders_for(self, order) -> list[dict]:
        """Exact's rows of this order: those carrying its number in `Description`."""
        return [row for row in self.exact_orders if row.get("Description") == order.number]

    def calls(self) -> int:
        return self.state.stats.total(self.division)
