"""Orders pages: list, new order (with live price preview), order page and its actions."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from salesdesk.customers.reach import Reach, reach_for
from salesdesk.orders import bounds, selectors
from salesdesk.orders.exact_progress import order_in_exact
from salesdesk.orders.forms import (
    ManualCloseForm,
    OrderFilterForm,
    formset_lines,
    order_forms,
)
from salesdesk.orders.lines import NoPrice
from salesdesk.orders.models import Order
from salesdesk.orders.preview import order_preview
from salesdesk.orders.quotations import quotation_convertible
from salesdesk.orders.services import (
    OrderRefused,
    order_create,
    order_mark_manual,
    order_submit,
)
from salesdesk.tenants.access import company_view

# While an order is in these, its page polls its state (orders/_order_state.html).
IN_FLIGHT = (Order.Status.QUEUED, Order.Status.SENDING)


@company_view
@require_GET
def order_list_view(request):
    company = request.company
    filters = OrderFilterForm(
        request.GET or None,
        customers=selectors.order_customers(company=company, reach=_reach(request)),
    )
    data = filters.cleaned_data if filters.is_valid() else {}
    page = selectors.order_list(
        company=company,
        search=data.get("q") or "",
        status=data.get("status") or "",
        customer_id=data.get("customer"),
        page=request.GET.get("page", 1),
        reach=_reach(request),
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {"filters": filters, "page": page, "query": query.urlencode()}
    return render(request, "orders/order_list.html", context)


@company_view
def order_new_view(request):
    company = request.company
    if request.method != "POST":
        # `?customer=<code>`: a customer's page links its New order with the customer picked.
        customer = request.GET.get("customer", "").strip()[:250]
        initial = {"customer": customer} if customer else None
        form, formset = order_forms(company=company, initial=initial, reach=_reach(request))
        return _render_new(request, form, formset)
    if request.POST.get("action") == "add_line":
        rows = _line_count(request.POST)
        if rows is None:
            messages.error(request, f"An order can have at most {bounds.MAX_LINES} lines.")
            form, formset = order_forms(company=company, data=request.POST, reach=_reach(request))
            return _render_new(request, form, formset, status=400)
        return _render_new(request, *_with_extra_line(request, request.POST, rows))
    form, formset = order_forms(company=company, data=request.POST, reach=_reach(request))
    if form.is_valid() and formset.is_valid():
        try:
            order = order_create(
                company=company,
                user=request.user,
                header=form.header(),
                lines=formset_lines(formset),
            )
        except (OrderRefused, NoPrice) as exc:
            form.add_error(None, str(exc))
        else:
            return _after_create(request, order)
    return _render_new(request, form, formset, status=400)


@company_view
@require_POST
def order_preview_view(request):
    form, formset = order_forms(company=request.company, data=request.POST, reach=_reach(request))
    preview = order_preview(company=request.company, form=form, formset=formset)
    return render(request, "orders/_preview.html", {"preview": preview})


@company_view
@require_GET
def customer_suggest_view(request):
    term = _first_value(request.GET, "customer")
    rows = selectors.customer_suggestions(company=request.company, term=term, reach=_reach(request))
    return render(request, "orders/_customer_options.html", {"customers": rows})


@company_view
@require_GET
def order_header_view(request):
    """The header choices for the customer typed in the New order form (htmx, on change)."""
    form, _ = order_forms(
        company=request.company,
        initial={"customer": _first_value(request.GET, "customer")},
        reach=_reach(request),
    )
    return render(request, "orders/_order_header.html", {"form": form})


@company_view
@require_GET
def item_suggest_view(request):
    term = _first_value(request.GET, "item")
    rows = selectors.item_suggestions(company=request.company, term=term)
    return render(request, "orders/_item_options.html", {"items": rows})


@company_view
@require_GET
def order_detail_view(request, number: str):
    order = selectors.order_get(company=request.company, number=number, reach=_reach(request))
    context = _detail_context(order)
    context["in_exact"] = order_in_exact(company=request.company, order=order)
    return render(request, "orders/order_detail.html", context)


@company_view
@require_GET
def order_state_view(request, number: str):
    """The part of the order page that changes while it is being sent (polled by htmx)."""
    order = selectors.order_get(company=request.company, number=number, reach=_reach(request))
    response = render(request, "orders/_order_state.html", _detail_context(order))
    if request.headers.get("HX-Request") and order.status not in IN_FLIGHT:
        # The send ended: the rest of the page (In Exact Online, Confirmations and its PDF)
        # was drawn before it and stays out of date; htmx reloads the page once.
        response["HX-Refresh"] = "true"
    return response


@company_view
@require_POST
def order_submit_view(request, number: str):
    order = selectors.order_get(company=request.company, number=number, reach=_reach(request))
    try:
        order_submit(order=order, user=request.user)
    except OrderRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Order {order.number} is queued for Exact Online.")
    return redirect(_detail_url(order))


@company_view
@require_POST
def order_manual_view(request, number: str):
    order = selectors.order_get(company=request.company, number=number, reach=_reach(request))
    form = ManualCloseForm(request.POST)
    if not form.is_valid():
        messages.error(request, bounds.exact_order_number_message())
        return redirect(_detail_url(order))
    try:
        order_mark_manual(
            order=order,
            user=request.user,
            exact_order_number=form.cleaned_data["exact_order_number"],
        )
    except OrderRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Order {order.number} is closed as entered in Exact by hand.")
    return redirect(_detail_url(order))


def _reach(request) -> Reach:
    """Sales reps see and close only their customers' orders and their own, as in the API."""
    return reach_for(membership=request.membership)


def _after_create(request, order):
    if request.POST.get("action") == "submit":
        order_submit(order=order, user=request.user)
        messages.success(request, f"Order {order.number} is queued for Exact Online.")
    else:
        messages.success(request, f"Order {order.number} is saved as a draft.")
    return redirect(_detail_url(order))


def _render_new(request, form, formset, status: int = 200):
    return render(
        request, "orders/order_new.html", {"form": form, "formset": formset}, status=status
    )


def _line_count(data) -> int | None:
    """The form's line count when one more line fits; None when it would be too many."""
    try:
        rows = max(int(data.get("lines-TOTAL_FORMS") or 0), 0)
    except ValueError:
        rows = 0  # a forged count: start from the lines Salesdesk can read
    return rows if rows < bounds.MAX_LINES else None


def _with_extra_line(request, data, rows: int):
    company = request.company
    initial = [
        {name: data.get(f"lines-{index}-{name}", "") for name in ("item", "quantity", "price")}
        for index in range(rows)
    ]
    form, formset = order_forms(
        company=company, lines=0, initial=data.dict(), reach=_reach(request)
    )
    formset = type(formset)(
        prefix="lines", form_kwargs={"company": company}, initial=[*initial, {}]
    )
    return form, formset


def _detail_context(order) -> dict:
    return {
        "order": order,
        "lines": selectors.order_lines(order=order),
        "events": selectors.order_events(order=order),
        "manual_form": ManualCloseForm(),
        "closable": selectors.order_closable_by_hand(order=order),
        "discount_percent": f"{bounds.discount_percent(order.discount).normalize():f}",
        "convertible": quotation_convertible(order=order),
    }


def _detail_url(order) -> str:
    return reverse("order_detail", kwargs={"company": order.company.slug, "number": order.number})


def _first_value(query, suffix: str) -> str:
    return next((value for key, value in query.items() if key.endswith(suffix)), "")
