"""The delta feed for offline devices: what changed since a cursor, in pages.

Each kind of record is read in (row_version, id) order after the cursor's position for
that kind; see salesdesk/tenants/changes.py for why row_version is safe where a timestamp is
not. The cursor is opaque to devices: base64 of a small JSON object of positions per kind.
A page is filled kind after kind up to `limit` records; `has_more` says "call again now".
Deactivations are rows with active=False and a new version, so they come the same way.
A customer that left a rep's reach comes to that rep as a `departures` record.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from dataclasses import dataclass

import orjson
from django.db.models import QuerySet

from salesdesk.api import history_records as history
from salesdesk.api import records
from salesdesk.api.feed_departures import departure_records, departure_rows
from salesdesk.api.feed_rows import (
    company_rows,
    customer_rows,
    item_price_rows,
    sales_order_line_rows,
)
from salesdesk.catalog.models import Item, VolumeDiscount
from salesdesk.customers.models import Customer
from salesdesk.customers.reach import EVERYTHING, Reach, customers_within, orders_within
from salesdesk.orders.models import Order
from salesdesk.tenants.changes import version_latest
from salesdesk.tenants.models import Company

PAGE_DEFAULT = 1000
PAGE_MAX = 5000
CURSOR_FORMAT = 1

Position = tuple[int, int]  # (row_version, id) of the last record delivered


class BadCursor(ValueError):
    """The cursor is not one this server handed out."""


@dataclass(frozen=True)
class Kind:
    name: str
    rows: Callable[[Company, Reach], QuerySet]  # (company, reach) -> the rows a rep may see
    read: Callable[..., list[records.Record]]  # (queryset, pk_key=...) -> records
    reached: bool = False  # narrowed by the member's reach: restarts when the reach changes


KINDS = (
    Kind("items", lambda company, reach: Item.objects.filter(company=company),
         records.ITEM.records),
    # A new customer reaches the devices once Exact has it (it has no ID for them before).
    Kind("customers", lambda company, reach: customers_within(
        Customer.objects.filter(company=company, exact_id__isnull=False), reach=reach),
         records.CUSTOMER.records, True),
    Kind("item_prices", item_price_rows, records.ITEM_PRICE.records, True),
    Kind("price_list_lines", lambda company, reach: VolumeDiscount.objects.filter(company=company),
         records.PRICE_LIST_LINE.records),
    Kind("orders", lambda company, reach: orders_within(
        Order.objects.filter(company=company), reach=reach), records.order_records, True),
    Kind("stock_positions", company_rows(history.STOCK_POSITION.model),
         history.STOCK_POSITION.records),
    *(Kind(name, customer_rows(shape.model), shape.records, True) for name, shape in (
        ("addresses", history.ADDRESS),
        ("contacts", history.CONTACT),
        ("sales_orders", history.SALES_ORDER),
    )),
    Kind("sales_order_lines", sales_order_line_rows, history.SALES_ORDER_LINE.records, True),
    *(Kind(name, customer_rows(shape.model), shape.records, True) for name, shape in (
        ("sales_invoices", history.SALES_INVOICE),
        ("sales_invoice_lines", history.SALES_INVOICE_LINE),
        ("open_items", history.OPEN_ITEM),
    )),
    # Last: a device applies a page's removals after its rows (feed_departures.py).
    Kind("departures", departure_rows, departure_records, True),
)  # fmt: skip
START: Position = (0, 0)


@dataclass(frozen=True)
class ChangesPage:
    changes: dict[str, list[records.Record]]
    cursor: str
    has_more: bool
    count: int
    reach_changed: bool = False  # the device drops the narrowed kinds first (cursor_within)


@dataclass
class Cursor:
    """Positions per kind, and `caught_up`: the company's counter when the device had it all."""

    positions: dict[str, Position]
    caught_up: int | None = None
    reach: str = EVERYTHING.fingerprint  # what the member could see when it was handed out

    def encode(self) -> str:
        body = {"f": CURSOR_FORMAT, **{name: list(pos) for name, pos in self.positions.items()}}
        if self.caught_up is not None:
            body["c"] = self.caught_up
        if self.reach != EVERYTHING.fingerprint:
            body["r"] = self.reach
        return base64.urlsafe_b64encode(orjson.dumps(body)).decode().rstrip("=")


def cursor_decode(cursor: str | None) -> Cursor:
    """The cursor's positions; a missing cursor starts every kind at the beginning."""
    if not cursor:
        return Cursor({kind.name: START for kind in KINDS})
    try:
        body = orjson.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(body, dict) or body.get("f") != CURSOR_FORMAT:
            raise BadCursor("Unknown cursor format.")
        positions = {kind.name: _position(body.get(kind.name, START)) for kind in KINDS}
        caught_up = body.get("c")
        if caught_up is not None:
            caught_up = _position([caught_up, 0])[0]
        reach = body.get("r", EVERYTHING.fingerprint)
        if not isinstance(reach, str):
            raise BadCursor("Unknown cursor format.")
        return Cursor(positions, caught_up, reach)
    except (ValueError, TypeError, binascii.Error, orjson.JSONDecodeError) as exc:
        raise BadCursor("This cursor was not handed out by this server.") from exc


def _position(value) -> Position:
    version, pk = value
    if not all(type(part) is int and 0 <= part < 2**63 for part in (version, pk)):
        raise BadCursor("Cursor positions are whole numbers.")
    return version, pk


def changes_page(
    *, company: Company, reach: Reach = EVERYTHING, cursor: str | None, limit: int
) -> ChangesPage:
    """The next page of changes after `cursor` (BadCursor for a cursor not ours).

    The company's counter is read first: when it still equals the cursor's `caught_up`,
    nothing was written since the device had everything, and no kind needs reading.
    Otherwise every version up to the counter is committed (changes.py), so a page that
    reads all kinds to the end puts the device at least that far: it is caught up.
    """
    given = cursor_decode(cursor)
    start = cursor_within(given, reach)
    reach_changed = cursor is not None and start is not given
    latest = version_latest(company=company)
    nothing = {kind.name: [] for kind in KINDS}
    if start.caught_up is not None and start.caught_up == latest:
        return ChangesPage(nothing, start.encode(), False, 0)
    positions = dict(start.positions)
    room, has_more, changes = limit, False, nothing
    for kind in KINDS:
        found = _after(kind, kind.rows(company, reach), positions[kind.name], room + 1)
        if len(found) > room:
            has_more, found = True, found[:room]
        changes[kind.name] = found
        if found:
            positions[kind.name] = (found[-1]["version"], found[-1]["_pk"])
        for record in found:
            del record["_pk"]
        room -= len(found)
        if room == 0:
            rest = KINDS[KINDS.index(kind) + 1 :]
            has_more = has_more or any(
                _has_after(other.rows(company, reach), positions[other.name]) for other in rest
            )
            break
    count = sum(len(rows) for rows in changes.values())
    end = Cursor(positions, None if has_more else latest, reach.fingerprint)
    return ChangesPage(changes, end.encode(), has_more, count, reach_changed)


def cursor_within(cursor: Cursor, reach: Reach) -> Cursor:
    """The cursor, with the kinds a reach narrows started again when the reach changed (an
    administrator linked the rep to another Exact user, or opened all customers): what the
    rep may see now was not all sent before. The page says `reach_changed`: what the device
    holds of those kinds may be out of reach now, and all of it that is not comes again."""
    if cursor.reach == reach.fingerprint:
        return cursor
    positions = {
        kind.name: START if kind.reached else cursor.positions[kind.name] for kind in KINDS
    }
    return Cursor(positions, None, reach.fingerprint)


def _after(kind: Kind, rows: QuerySet, position: Position, limit: int) -> list[records.Record]:
    """Up to `limit` records after `position` in (row_version, id) order.

    Two index seeks instead of one `(v > x) OR (v = x AND id > y)`, which the planner would
    answer by sorting every later row: first the rest of the position's version (rows written
    in one statement share it), then the versions after it.
    """
    version, pk = position
    same = rows.filter(row_version=version, pk__gt=pk).order_by("pk")[:limit]
    found = kind.read(same, pk_key="_pk")
    if len(found) < limit:
        later = rows.filter(row_version__gt=version).order_by("row_version", "pk")
        found += kind.read(later[: limit - len(found)], pk_key="_pk")
    return found


def _has_after(rows: QuerySet, position: Position) -> bool:
    version, pk = position
    later = rows.filter(row_version__gt=version).exists()
    return later or rows.filter(row_version=version, pk__gt=pk).exists()
