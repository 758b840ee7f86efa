"""The confirmation PDF: every header field, the lines and totals, the company's text."""

from __future__ import annotations

import pytest
from django.utils import timezone

from salesdesk.confirmations.models import ConfirmationSettings
from salesdesk.confirmations.pdf import confirmation_html, confirmation_pdf
from salesdesk.orders.models import Order
from tests.salesdesk.confirmations.factories import (
    confirmations_on,
    mark_in_exact,
    order_with_contact,
)
from tests.salesdesk.factories import make_company
from tests.salesdesk.orders.factories import make_order

pytestmark = pytest.mark.django_db


def laid_out_text(html: str) -> str:
    """The text WeasyPrint lays out on the PDF's pages (what the PDF draws, in reading order)."""
    from weasyprint import HTML

    document = HTML(string=html).render()
    words = []
    for page in document.pages:
        for box in page._page_box.descendants():
            if getattr(box, "text", None):
                words.append(box.text)
    return " ".join(words)


def test_the_page_names_the_order_its_header_lines_and_totals():
    company = make_company(name="Acme Wholesale")
    settings_row = confirmations_on(company, text="Thank you for your order!")
    order = order_with_contact(company, last_name="Visser")
    html = confirmation_html(order=order, document=Order.Kind.SALES_ORDER, settings=settings_row)
    for expected in [
        "Acme Wholesale", "Order confirmation", "4711", order.number, "Bakker Groothandel",
        "Havenweg 12<br>3011 AB Rotterdam", "Anna Visser", "PO-2026-17", "18 December 2026",
        "Own transport", "30 days net", "Thank you for your order!",
        str(order.total_excl_vat), str(order.total_incl_vat),
    ]:  # fmt: skip
        assert expected in html, expected
    day = timezone.localtime(order.created_at)
    assert f"<dd>{day:%-d %B %Y}</dd>" in html  # the order's date, in the company's time zone
    for line in order.lines.select_related("item"):
        assert line.item.code in html and line.item.description in html
        assert str(line.amount) in html


def test_a_quotation_is_titled_as_one_with_exacts_quotation_number():
    company = make_company()
    order = mark_in_exact(make_order(company=company), quotation=88)
    html = confirmation_html(
        order=order, document=Order.Kind.QUOTATION, settings=ConfirmationSettings()
    )
    assert "<h1>Quotation</h1>" in html and 'id="exact-number">88<' in html


def test_values_from_users_and_exact_are_escaped():
    company = make_company(name="Acme <b>&</b>")
    order = order_with_contact(company)
    Order.objects.filter(pk=order.pk).update(your_ref='<img src="http://evil.test/x">')
    order.refresh_from_db()
    html = confirmation_html(
        order=order, document=Order.Kind.SALES_ORDER, settings=ConfirmationSettings()
    )
    assert "<img" not in html and "&lt;img src=" in html
    assert "Acme &lt;b&gt;&amp;&lt;/b&gt;" in html


def test_the_pdf_draws_the_numbers_and_totals():
    company = make_company(name="Acme Wholesale")
    settings_row = confirmations_on(company, text="Thank you!")
    order = order_with_contact(company)
    pdf = confirmation_pdf(order=order, document=Order.Kind.SALES_ORDER, settings=settings_row)
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    assert len(pdf) > 5_000  # a page with embedded font subsets, not an empty shell
    html = confirmation_html(order=order, document=Order.Kind.SALES_ORDER, settings=settings_row)
    text = laid_out_text(html)
    for expected in ["Order confirmation", "4711", order.number, "PO-2026-17", "Thank you!"]:
        assert expected in text, expected
    assert str(order.total_incl_vat) in text
