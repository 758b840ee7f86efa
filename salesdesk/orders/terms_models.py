"""Exact's shipping methods and payment conditions: the lists an order header picks from.

Neither has a sync feed in Exact (spec §9.1): the integration reads them whole and sweeps
what it no longer sees by `synced_at`. Orders keep the chosen value (and its label at the
time) on the order itself, so a method renamed or removed in Exact later does not change
what an order said.
"""

from django.db import models

from salesdesk.synced.models import ExactRecord
from salesdesk.tenants.models import Company


def term_label(code: str, description: str) -> str:
    """What a person picks from: Exact's description, with the code only where the
    description does not already say it ("30 dagen" for 30, "Direct (00)" for 00)."""
    if not description:
        return code
    if not code or code.casefold() in description.casefold():
        return description
    return f"{description} ({code})"


class ShippingMethod(ExactRecord):
    """`sales/ShippingMethods`; orders refer to it by Exact ID (`ShippingMethod`)."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    code = models.CharField(max_length=40)
    description = models.CharField(max_length=200, blank=True)
    synced_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["company", "exact_id"], name="shipping_method_exact_unique"
            ),
        ]
        indexes = [models.Index(fields=["company", "code"])]

    def __str__(self) -> str:
        return term_label(self.code, self.description)


class PaymentCondition(ExactRecord):
    """`cashflow/PaymentConditions`; orders and accounts refer to it by `Code`."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    code = models.CharField(max_length=20)
    description = models.CharField(max_length=200, blank=True)
    payment_days = models.IntegerField(default=0)
    synced_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["company", "exact_id"], name="payment_condition_exact_unique"
            ),
        ]
        indexes = [models.Index(fields=["company", "code"])]

    def __str__(self) -> str:
        return term_label(self.code, self.description)
