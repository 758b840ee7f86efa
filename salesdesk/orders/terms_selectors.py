"""The company's lists an order header picks from: shipping methods, payment conditions and
warehouses, as synced from Exact. Only active rows: one Exact no longer has cannot be sent."""

from __future__ import annotations

from django.db.models import QuerySet

from salesdesk.catalog.models import Warehouse
from salesdesk.orders.terms_models import PaymentCondition, ShippingMethod
from salesdesk.tenants.models import Company


def shipping_methods_active(*, company: Company) -> QuerySet[ShippingMethod]:
    return ShippingMethod.objects.filter(company=company, active=True).order_by("code", "pk")


def payment_conditions_active(*, company: Company) -> QuerySet[PaymentCondition]:
    return PaymentCondition.objects.filter(company=company, active=True).order_by("code", "pk")


def warehouses_active(*, company: Company) -> QuerySet[Warehouse]:
    return Warehouse.objects.filter(company=company, active=True).order_by("code", "pk")
