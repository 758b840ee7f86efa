from django.conf import settings
from django.db import models

from salesdesk.tenants.models import Company


class Order(models.Model):
    """An order taken in Salesdesk, sent once to Exact Online as a sales order."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Sending"
        SUBMITTED = "submitted", "Submitted"
        FAILED = "failed", "Failed"
        MANUAL = "manual", "Entered in Exact by hand"

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="orders")
    # Salesdesk's own number per company; sent to Exact as YourRef.
    number = models.CharField(max_length=30)
    customer = models.ForeignKey(
        "customers.Customer", on_delete=models.PROTECT, related_name="orders"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    your_ref = models.CharField(max_length=60, blank=True)
    delivery_date = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)
    total_excl_vat = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    total_incl_vat = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    exact_order_id = models.UUIDField(null=True, blank=True)
    exact_order_number = models.IntegerField(null=True, blank=True)
    exact_message = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["company", "number"], name="order_number_unique"),
        ]
        indexes = [models.Index(fields=["company", "status"])]

    def __str__(self) -> str:
        return self.number


class OrderLine(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    item = models.ForeignKey("catalog.Item", on_delete=models.PROTECT, related_name="+")
    quantity = models.DecimalField(max_digits=14, decimal_places=4)
    unit_price = models.DecimalField(max_digits=14, decimal_places=4)
    price_rule = models.CharField(max_length=200, blank=True)
    price_overridden = models.BooleanField(default=False)
    vat_percentage = models.DecimalField(max_digits=6, decimal_places=4, default=0)
    line_number = models.PositiveIntegerField()

    class Meta:
        ordering = ["line_number"]
