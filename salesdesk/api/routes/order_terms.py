"""The lists an order header picks from, as Exact has them: shipping methods, payment
conditions, warehouses (a customer's addresses and contacts come through the feed)."""

from __future__ import annotations

from ninja import Router

from salesdesk.api.order_header_schemas import OrderTermsOut
from salesdesk.api.schemas import Problem
from salesdesk.orders.terms_selectors import (
    payment_conditions_active,
    shipping_methods_active,
    warehouses_active,
)

router = Router(tags=["orders"])


@router.get("/order-terms", response={200: OrderTermsOut, 401: Problem})
def order_terms(request):
    """What `POST /orders` takes as `shipping_method_id`, `payment_condition` and
    `warehouse_id`: the company's active ones, by code."""
    company = request.company
    return {
        "shipping_methods": [
            {"id": m.exact_id, "code": m.code, "description": m.description}
            for m in shipping_methods_active(company=company)
        ],
        "payment_conditions": list(
            payment_conditions_active(company=company).values("code", "description", "payment_days")
        ),
        "warehouses": [
            {"id": w.exact_id, "code": w.code, "description": w.description, "main": w.main}
            for w in warehouses_active(company=company)
        ],
    }
