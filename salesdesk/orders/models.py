from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone

from salesdesk.orders.terms_models import PaymentCondition, ShippingMethod
from salesdesk.tenants.models import Company

__all__ = [
    "Order", "OrderCounter", "OrderEvent", "OrderLine", "OrderOutbox", "PaymentCondition",
    "ShippingMethod",
]  # fmt: skip


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

    class Kind(models.TextChoices):
        SALES_ORDER = "order", "Sales order"
        QUOTATION = "quotation", "Quotation"

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    # What goes to Exact: a sales order (salesorder/SalesOrders) or a quotation
    # (crm/Quotations, which Convert to order accepts into a sales order in Exact).
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.SALES_ORDER)
    # The customer's own reference, typed in the form (sent as Description, not YourRef).
    your_ref = models.CharField(max_length=60, blank=True)
    delivery_date = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)
    # The header Exact's sales order (and quotation) carries. Each choice is kept with its
    # label at the time: the order says what was sent even after Exact renames or removes it.
    # A delivery address typed in for this order has no Exact ID until the push sends it to
    # Exact (crm/Addresses, which answers an existing address's ID for a duplicate) just
    # before the order; `new_delivery_address` holds its fields until then.
    delivery_address_exact_id = models.UUIDField(null=True, blank=True)
    delivery_address_text = models.CharField(max_length=500, blank=True)
    new_delivery_address = models.JSONField(null=True, blank=True)
    contact_exact_id = models.UUIDField(null=True, blank=True)
    contact_name = models.CharField(max_length=200, blank=True)
    shipping_method_exact_id = models.UUIDField(null=True, blank=True)
    shipping_method_label = models.CharField(max_length=250, blank=True)
    payment_condition = models.CharField(max_length=20, blank=True)
    payment_condition_label = models.CharField(max_length=250, blank=True)
    warehouse_exact_id = models.UUIDField(null=True, blank=True)
    warehouse_label = models.CharField(max_length=250, blank=True)
    # An order discount as a fraction (0.05 = 5%), Exact's `Discount` on the header.
    discount = models.DecimalField(max_digits=7, decimal_places=4, default=0)
    total_excl_vat = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    total_incl_vat = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    exact_order_id = models.UUIDField(null=True, blank=True)
    exact_order_number = models.IntegerField(null=True, blank=True)
    exact_message = models.TextField(blank=True)
    # A quotation in Exact (crm/Quotations): its key, number and status as Exact last said.
    # Once converted, `exact_order_id`/`exact_order_number` name the sales order Exact made.
    exact_quotation_id = models.UUIDField(null=True, blank=True)
    exact_quotation_number = models.IntegerField(null=True, blank=True)
    exact_quotation_status = models.SmallIntegerField(null=True, blank=True)
    exact_quotation_status_label = models.CharField(max_length=100, blank=True)
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

    class Action(models.TextChoices):
        SEND = "send", "Send to Exact"
        CONVERT = "convert", "Convert quotation to order"

    order = models.OneToOneField(Order, on_delete=models.CASCADE, related_name="outbox")
    # What the next attempt does: send the order or quotation, or accept a quotation in
    # Exact so that Exact creates its sales order. Both run exactly once on the same rules.
    action = models.CharField(max_length=10, choices=Action.choices, default=Action.SEND)
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
