"""The confirmation as a PDF: an HTML page of the order rendered by WeasyPrint."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone

from salesdesk.confirmations.models import ConfirmationSettings
from salesdesk.confirmations.selectors import exact_number
from salesdesk.orders.models import Order
from salesdesk.orders.selectors import order_lines

TITLES = {Order.Kind.SALES_ORDER: "Order confirmation", Order.Kind.QUOTATION: "Quotation"}


def confirmation_title(*, document: str) -> str:
    return TITLES[document]


def confirmation_html(*, order: Order, document: str, settings: ConfirmationSettings) -> str:
    """The page the PDF is made of (autoescaped: every value comes from users or Exact)."""
    context = {
        "order": order,
        "company": order.company,
        "title": confirmation_title(document=document),
        "exact_number": exact_number(order=order, document=document),
        # The order's own date: a confirmation sent again says the same as the first.
        "date": timezone.localtime(order.created_at).date(),
        "lines": order_lines(order=order),
        "text": settings.text,
    }
    return render_to_string("confirmations/confirmation_pdf.html", context)


def confirmation_pdf(*, order: Order, document: str, settings: ConfirmationSettings) -> bytes:
    """The PDF of the order's confirmation."""
    # Imported here: WeasyPrint loads Pango when imported, and Salesdesk must start (and
    # serve everything but this PDF) on a machine that lacks it.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    html = confirmation_html(order=order, document=document, settings=settings)
    # The page needs nothing from outside; refusing every URL keeps a value typed by a
    # user from making the server fetch anything.
    no_fetching = URLFetcher(allowed_protocols=())
    return HTML(string=html, url_fetcher=no_fetching).write_pdf()


def confirmation_filename(*, order: Order, document: str) -> str:
    number = exact_number(order=order, document=document) or order.number
    prefix = "quotation" if document == Order.Kind.QUOTATION else "order-confirmation"
    return f"{prefix}-{number}.pdf"
