"""The control route for a division's edition of Exact Online (documented in README.md).

Exact's smallest editions have a single warehouse: a sales order naming another warehouse
is refused (resources/order_header.py). `POST /_sandbox/edition` with
`{"division": 100003, "single_warehouse": true}` makes a division such an edition; `GET`
(or a body without `single_warehouse`) answers what it is. A reset or reseed starts every
division again with several warehouses.
"""

from __future__ import annotations

from .resources.order_header import single_warehouse

EDITION_INDEX = {
    "GET|POST /_sandbox/edition": '{"division": 100003, "single_warehouse": true} one warehouse '
    "only: orders naming another are refused",
}


def _edition(state, body: dict) -> dict:
    code = int(body.get("division", next(iter(state.divisions))))
    if code not in state.divisions:
        raise ValueError(f"unknown division {code}")
    division = state.divisions[code]
    if "single_warehouse" in body:
        if not isinstance(body["single_warehouse"], bool):
            raise ValueError("single_warehouse must be true or false")
        division.single_warehouse = body["single_warehouse"]
    return {"division": code, "single_warehouse": single_warehouse(division)}


EDITION_ROUTES = {("GET", "edition"): _edition, ("POST", "edition"): _edition}
