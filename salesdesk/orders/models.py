from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone

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
    # Salesdesk's own number, "SD-<company slug>-<sequence>": unique across companies
    # (two companies may share an administration) and sent to Exact as YourRef.
    number = models.CharField(max_length=64)
    customer = models.ForeignKey(
        "customers.Customer", on_delete=models.PROTECT, related_name="orders"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    # The customer's own reference, typed in the form (sent as Description, not YourRef).
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
    # The company's change sequence at the last write (salesdesk/tenants/changes.py): the
    # delta feed for the reps' devices pages on it.
    row_version = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["company", "number"], name="order_number_unique"),
            models.UniqueConstraint(fields=["number"], name="order_number_unique_global"),
        ]
        indexes = [
            models.Index(fields=["company", "row_version", "id"]),
            models.Index(fields=["company", "status"]),
            models.Index(fields=["company", "customer"]),
        ]

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

    def __str__(self) -> str:
        return f"{self.line_number}: {self.quantity} x {self.item_id}"

    @property
    def amount(self) -> Decimal:
        return (self.quantity * self.unit_price).quantize(Decimal("0.01"), ROUND_HALF_UP)


class OrderEvent(models.Model):
    """One step of an order's status history, with what Exact said (if anything)."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(max_length=10, choices=Order.Status.choices)
    message = models.TextField(blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.status}: {self.message}"


class OrderOutbox(models.Model):
    """An order waiting to be sent to Exact, with the bookkeeping that makes it happen once.

    `lease_token` is set exactly while the order is Sending: the worker holding it owns the
    send until `lease_until`. `exact_may_have_it` turns on before a POST and off only when
    Exact's answer proves the order was not stored: while it is on, the next attempt looks
    the order up by YourRef before posting (spec §6 pitfall 16). `waiting_since` is set while
    the order waits for the company's connection (not connected, needs re-authorization): no
    attempt is made until `outbox_resume` clears it.
    """

    order = models.OneToOneField(Order, on_delete=models.CASCADE, related_name="outbox")
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    available_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    failures = models.PositiveIntegerField(default=0)  # unclear answers in a row
    lease_token = models.UUIDField(null=True, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    exact_may_have_it = models.BooleanField(default=False)
    last_error = models.TextField(blank=True)
    waiting_since = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [
            models.Index(fields=["available_at"]),
            models.Index(fields=["lease_until"]),
            models.Index(fields=["company", "waiting_since"]),
        ]

    def __str__(self) -> str:
        return f"outbox of order {self.order_id}"


class OrderCounter(models.Model):
    """The last order sequence number handed out per company."""

    company = models.OneToOneField(Company, on_delete=models.CASCADE, related_name="+")
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.company_id}: {self.last_number}"
