"""The confirmations settings page, and the order page's resend and PDF."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from salesdesk.confirmations.forms import ConfirmationSettingsForm
from salesdesk.confirmations.pdf import confirmation_filename, confirmation_pdf
from salesdesk.confirmations.permissions import may_resend
from salesdesk.confirmations.selectors import confirmation_settings_get, order_document
from salesdesk.confirmations.services import (
    ConfirmationRefused,
    confirmation_resend,
    confirmation_settings_save,
)
from salesdesk.confirmations.tasks import confirmation_enqueue
from salesdesk.customers.reach import reach_for
from salesdesk.orders.selectors import order_get
from salesdesk.tenants.access import company_view

PDF_UNAVAILABLE = "This server cannot make PDFs: WeasyPrint's system libraries are missing."


@company_view(admin_only=True)
@require_http_methods(["GET", "POST"])
def confirmation_settings_view(request):
    current = confirmation_settings_get(company=request.company)
    initial = {"enabled": current.enabled, "sender_name": current.sender_name, "text": current.text}
    form = ConfirmationSettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        confirmation_settings_save(company=request.company, **form.cleaned_data)
        messages.success(request, "The order confirmations settings are saved.")
        return redirect("settings-confirmations", company=request.company.slug)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "tab": "confirmations"}
    return render(request, "confirmations/settings.html", context, status=status)


@company_view
@require_POST
def confirmation_resend_view(request, number: str):
    order = _order(request, number)
    if not may_resend(membership=request.membership):
        raise Http404("No such page")
    try:
        confirmation = confirmation_resend(order=order, actor=request.user)
    except ConfirmationRefused as exc:
        messages.error(request, str(exc))
    else:
        confirmation_enqueue(confirmation=confirmation)
        if confirmation.to:
            messages.success(request, f"The confirmation is on its way to {confirmation.to}.")
        else:
            messages.error(request, f"No confirmation sent: {confirmation.error}.")
    return redirect("order_detail", company=request.company.slug, number=order.number)


@company_view
@require_GET
def confirmation_pdf_view(request, number: str):
    order = _order(request, number)
    document = order_document(order=order)
    if document is None:
        raise Http404("This order is not in Exact Online yet")
    settings_row = confirmation_settings_get(company=request.company)
    try:
        pdf = confirmation_pdf(order=order, document=document, settings=settings_row)
    except (ImportError, OSError):  # WeasyPrint, or the Pango it loads, is missing
        return HttpResponse(PDF_UNAVAILABLE, status=503, content_type="text/plain")
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = confirmation_filename(order=order, document=document)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@company_view
@require_GET
def confirmation_part_view(request, number: str):
    """The order page's Confirmations part, polled by htmx while a mail waits to be sent."""
    order = _order(request, number)
    return render(request, "confirmations/_order_confirmations_part.html", {"order": order})


def _order(request, number: str):
    """The order as the order page finds it: 404 for another company's or out of reach."""
    reach = reach_for(membership=request.membership)
    return order_get(company=request.company, number=number, reach=reach)
