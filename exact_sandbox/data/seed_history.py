"""Seed two years (`history_months`) of orders, deliveries, invoices and receivables (§9).

What happened to an order depends on its age: old orders were delivered and invoiced (a
few cancelled), recent ones partly, the newest not yet. Every quantity is consistent: an
order line's QuantityDelivered/QuantityInvoiced are the sums of its delivery and invoice
lines, header statuses follow the lines (`order_status`), each invoice has one receivable
of its amount including VAT, paid unless recent or the customer pays late. Late payers
owe money past due; some of them are over their credit line (`CreditLineSales`), some
blocked. Rowversions are given per table in the order things happened.
"""

from __future__ import annotations

import random

from .division import DivisionData
from .documents import delivery_rows, invoice_rows, paid_fields, receivable_row
from .order_status import header_status, line_status
from .seed_orders import OrderRows, order_plan

DAY = 86_400.0
LATE_PAYERS = 0.08


def seed_history(
    division: DivisionData, rng: random.Random, now: float, *, months: int, lines_per_customer: int
) -> None:
    """Orders with what followed them; nothing when `months` is 0."""
    if months <= 0:
        return
    history = _History(division, rng, now)
    for when, account, lines in order_plan(division, rng, now, months, lines_per_customer):
        history.order(when, account, lines)
    history.load()
    _credit_trouble(division, rng, history.late_payers)


class _History:
    def __init__(self, division: DivisionData, rng: random.Random, now: float) -> None:
        self.division, self.rng, self.now = division, rng, now
        self.rows = OrderRows(division, rng)
        self.late_payers: set[str] = set()
        self.seen: set[str] = set()
        self.tables: dict[str, list[dict]] = {name: [] for name in _TABLES}

    def order(self, when: float, account: dict, planned: list) -> None:
        rand = self.rng.random
        if account["ID"] not in self.seen:
            self.seen.add(account["ID"])
            if rand() < LATE_PAYERS:
                self.late_payers.add(account["ID"])
        header = self.rows.header(when, account)
        discount = account.get("DiscountSales") or 0.0
        lines = [
            self.rows.line(header, number, item, quantity, discount)
            for number, (item, quantity) in enumerate(planned, start=1)
        ]
        age = (self.now - when) / DAY
        cancelled = age > 14 and rand() < 0.03
        if not cancelled:
            self._fulfil(header, lines, when, age, account)
        for line in lines:
            line.update(
                line_status(
                    line["Quantity"],
                    line["QuantityDelivered"],
                    line["QuantityInvoiced"],
                    cancelled=cancelled,
                )
            )
        total = round(sum(line["AmountFC"] for line in lines), 2)
        header.update(
            AmountDC=total,
            AmountFC=total,
            AmountFCExclVat=total,
            VATAmount=round(sum(line["VATAmount"] for line in lines), 2),
            **header_status(lines),
        )
        self.tables["sales_orders"].append(header)
        self.tables["sales_order_lines"].extend(lines)

    def _fulfil(self, header: dict, lines: list, when: float, age: float, account: dict) -> None:
        rand = self.rng.random
        shipped = [(line, line["Quantity"]) for line in lines]
        if age <= 2 or (age <= 7 and rand() < 0.3):
            return
        if age <= 7 and rand() < 0.5:
            shipped = [
                (line, q if rand() < 0.5 else float(int(q // 2)) or q) for line, q in shipped
            ]
        delivered_at = min(when + (1 + rand() * 3) * DAY, self.now - 3600)
        tracking = (
            f"3S{int(rand() * 10**10):010d}" if header["ShippingMethodCode"] != "AFHALEN" else None
        )
        delivery, delivery_lines = delivery_rows(
            self.division, header, shipped, when=delivered_at, tracking=tracking, rng=self.rng
        )
        for line, quantity in shipped:
            line["QuantityDelivered"] = quantity
        self.tables["goods_deliveries"].append(delivery)
        self.tables["goods_delivery_lines"].extend(delivery_lines)
        if age <= 7 or (age <= 21 and rand() < 0.5):
            return
        invoiced_at = min(delivered_at + rand() * 3 * DAY, self.now - 1800)
        self._invoice(header, shipped, invoiced_at, account)

    def _invoice(self, header: dict, shipped: list, when: float, account: dict) -> None:
        invoice, invoice_lines = invoice_rows(
            self.division, header, shipped, when=when, rng=self.rng
        )
        for line, quantity in shipped:
            line["QuantityInvoiced"] = quantity
            line["Modified"] = invoice["Modified"]
        header["Modified"] = invoice["Modified"]
        receivable = receivable_row(
            self.division, invoice, account, amount=invoice["AmountDC"], rng=self.rng
        )
        if self._paid(when, invoice, account):
            paid_at = min(
                when + receivable["PaymentDays"] * DAY * (0.6 + self.rng.random()), self.now - 3600
            )
            receivable.update(paid_fields(paid_at))
        self.tables["sales_invoices"].append(invoice)
        self.tables["sales_invoice_lines"].extend(invoice_lines)
        self.tables["receivables"].append(receivable)

    def _paid(self, invoiced_at: float, invoice: dict, account: dict) -> bool:
        days = (self.now - invoiced_at) / DAY
        if account["ID"] in self.late_payers:
            return days > 150
        due_in = float((account.get("PaymentConditionSales") or "30").strip() or 0)
        return days - due_in > 10 and self.rng.random() > 0.03

    def load(self) -> None:
        for name in _TABLES:
            rows = self.tables[name]
            for row in rows:
                row["_ts"] = ts = self.division.next_timestamp()
                row["Timestamp"] = str(ts)
            getattr(self.division, name).load(rows)


_TABLES = (
    "sales_orders",
    "sales_order_lines",
    "goods_deliveries",
    "goods_delivery_lines",
    "sales_invoices",
    "sales_invoice_lines",
    "receivables",
)


def _credit_trouble(division: DivisionData, rng: random.Random, late_payers: set[str]) -> None:
    """Late payers that owe money: half over their credit line, a third blocked."""
    owed: dict[str, float] = {}
    for row in division.receivables:
        if not row["IsFullyPaid"]:
            owed[row["Account"]] = owed.get(row["Account"], 0.0) + row["AmountDC"]
    for account_id in sorted(late_payers):
        account, debt = division.accounts.rows[account_id], owed.get(account_id, 0.0)
        if debt <= 0:
            continue
        if rng.random() < 0.5:
            account["CreditLineSales"] = float(max(100, int(debt * 0.6 / 100) * 100))
        if rng.random() < 0.35:
            account["Blocked"] = True
