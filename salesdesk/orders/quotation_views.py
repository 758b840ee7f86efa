"""Convert to order: a quotation Exact holds is accepted there into a sales order."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from salesdesk.customers.reach import reach_for
from salesdesk.orders import selectors
from salesdesk.orders.quotations import order_convert
from salesdesk.orders.services import OrderRefused
from salesdesk.tenants.access import company_view


@company_view
@require_POST
def order_convert_view(request, number: str):
    """Queue the conversion; administrators and the members who may see the order."""
    reach = reach_for(membership=request.membership)
    order = selectors.order_get(company=request.company, number=number, reach=reach)
    try:
        order_convert(order=order, user=request.user)
    except OrderRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, f"Quotation {order.number} is queued for conversion in Exact Online."
        )
    url = reverse("order_detail", kwargs={"company": order.company.slug, "number": order.number})
    return redirect(url)
