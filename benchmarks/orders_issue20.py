"""The orders benchmark's tables for what issue 20 added, on the 1,000-orders fault model.

Each scenario runs twice on a fresh sandbox: with random faults on 10% of all calls (500,
503, 429, dropped after the commit) plus 10 planned drops after a record was stored, spread
over the scenario's POST endpoints; and without faults.
"""

from __future__ import annotations

from benchmarks import orders_customers, orders_header, orders_quotations
from benchmarks.orders_report import Column, table


def sections(args) -> tuple[str, bool]:
    """The markdown of the three scenarios, and whether every column was exactly once."""
    plans = ((args.fault_rate, args.drops), (0.0, 0))
    header = [
        orders_header.run(orders=args.header_orders, lines=args.lines,
                          typed_every=args.typed_every, fault_rate=rate, drops=drops)
        for rate, drops in plans
    ]  # fmt: skip
    quotations = [
        orders_quotations.run(quotations=args.quotations, lines=args.lines, fault_rate=rate,
                              drops=drops)
        for rate, drops in plans
    ]  # fmt: skip
    customers = [
        orders_customers.run(customers=args.customers, lines=args.lines,
                             namesake_every=args.namesake_every, fault_rate=rate, drops=drops)
        for rate, drops in plans
    ]  # fmt: skip
    typed = len(range(0, args.header_orders, args.typed_every))
    text = "\n\n".join(
        (
            table(
                "Orders with the whole header, some with a typed new delivery address",
                f"{args.header_orders:,} orders of {args.lines} lines, each with one of its "
                "customer's delivery addresses and contacts, a shipping method, a payment "
                f"condition and the customer's reference; {typed:,} of them (every "
                f"{_nth(args.typed_every)}) with a typed new delivery address instead, sent "
                "to Exact (crm/Addresses) before the order. Planned drops on the sales "
                "order and address POSTs, in proportion.",
                "orders",
                header,
            ),
            table(
                "Quotations sent, then converted into sales orders",
                f"{args.quotations:,} quotations of {args.lines} lines with the same header "
                "(crm/Quotations); once all are in Exact, each is converted (crm/AcceptQuotation, "
                "then the sales order Exact made is looked up). Planned drops half on the "
                "quotation POSTs, half on the accepts. Fewer than 1,000 to keep `make bench` "
                "short: a quotation takes three calls.",
                "quotations",
                quotations,
            ),
            table(
                "New customers created in Salesdesk, each with an order",
                f"{args.customers:,} new customers (account, contact person, delivery address: "
                "crm/Accounts, crm/Contacts, crm/Addresses), each with an order of "
                f"{args.lines} lines taken at once, which waits until its account is in Exact. "
                "Planned drops spread over the four POSTs. Fewer than 1,000 to keep "
                "`make bench` short: a customer takes four calls. "
                f"{len(range(1, args.customers, args.namesake_every)):,} of them (every "
                f"{_nth(args.namesake_every)}) typed with only the name of a customer already "
                "in Exact, a street and a town. Found by the look-up: "
                "accounts and contacts Exact holds for which no POST got an answer, and orders "
                "found by theirs.",
                "customers",
                customers,
            ),
        )
    )
    columns: list[Column] = [*header, *quotations, *customers]
    return text, all(column.exactly_once for column in columns)


def _nth(n: int) -> str:
    return {1: "one", 2: "second", 3: "third"}.get(n, f"{n}th")
