"""What the order header offers: the company's active shipping methods, payment conditions
and warehouses, as synced from Exact (warehouses come with the stock sync)."""

from __future__ import annotations

from django.db.models import QuerySet

from salesdesk.catalog.stock_models import Warehouse
from salesdesk.orders.terms_models import PaymentCondition, ShippingMethod
from salesdesk.tenants.models import Company


def shipping_methods_active(*, company: Company) -> QuerySet[ShippingMethod]:
    """The methods an order may name (Exact refuses an inactive one), by code."""
    return ShippingMethod.objects.filter(company=company, active=True).order_by("code", "id")


def payment_conditions_active(*, company: Company) -> QuerySet[PaymentCondition]:
    """The conditions an order may name, by code (orders carry the code, spec §9.4)."""
    return PaymentCondition.objects.filter(company=company, active=True).order_by("code", "id")


def warehouses_active(*, company: Company) -> QuerySet[Warehouse]:
    """The warehouses an order may name: the main one first, then by code."""
    return Warehouse.objects.filter(company=company, active=True).order_by("-main", "code", "id")
