"""Exact's sales history, as synchronized (spec §9): every record names the records it
belongs to by Exact ID, since the feeds arrive in any order (headers and lines tick apart,
§9.2) and a line must count before its header, customer or item is stored."""

from django.db import models

from salesdesk.synced.models import SyncedRecord
from salesdesk.tenants.models import Company

AMOUNT = {"max_digits": 14, "decimal_places": 2, "default": 0}
QUANTITY = {"max_digits": 16, "decimal_places": 4, "default": 0}
PRICE = {"max_digits": 14, "decimal_places": 4, "default": 0}


class Progress(models.IntegerChoices):
    """Sales order Status, DeliveryStatus and InvoiceStatus, headers and lines (§9.4)."""

    OPEN = 12, "Open"
    PARTIAL = 20, "Partial"
    COMPLETE = 21, "Complete"
    CANCELLED = 45, "Cancelled"


def _progress() -> models.SmallIntegerField:
    return models.SmallIntegerField(choices=Progress.choices, null=True, blank=True)


def order_state(*, status, delivery_status, invoice_status) -> str:
    """One word for where an order (or line) stands, the furthest step first."""
    if status == Progress.CANCELLED:
        return "Cancelled"
    for value, done, partly in (
        (invoice_status, "Invoiced", "Partly invoiced"),
        (delivery_status, "Delivered", "Partly delivered"),
    ):
        if value == Progress.COMPLETE:
            return done
        if value == Progress.PARTIAL:
            return partly
    return "Open"


class Stated(models.Model):
    status = _progress()
    delivery_status = _progress()
    invoice_status = _progress()

    class Meta:
        abstract = True

    @property
    def state(self) -> str:
        return order_state(
            status=self.status,
            delivery_status=self.delivery_status,
            invoice_status=self.invoice_status,
        )


def _indexes(*fields: tuple[str, ...]) -> list[models.Index]:
    return [models.Index(fields=["company", "row_version", "id"])] + [
        models.Index(fields=["company", *f]) for f in fields
    ]


def _unique(name: str) -> list[models.UniqueConstraint]:
    return [models.UniqueConstraint(fields=["company", "exact_id"], name=f"{name}_exact_unique")]


class SalesOrder(SyncedRecord, Stated):
    """A sales order header (sync/SalesOrder/SalesOrderHeaders): `exact_id` is the row's ID,
    `order_exact_id` Exact's OrderID, which lines and Salesdesk's own orders link to."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    order_exact_id = models.UUIDField()
    number = models.IntegerField(null=True, blank=True)
    customer_exact_id = models.UUIDField(null=True, blank=True)
    customer_name = models.CharField(max_length=200, blank=True)
    order_date = models.DateField(null=True, blank=True)
    delivery_date = models.DateField(null=True, blank=True)
    your_ref = models.CharField(max_length=64, blank=True)
    description = models.CharField(max_length=200, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    amount_excl_vat = models.DecimalField(**AMOUNT)
    amount_incl_vat = models.DecimalField(**AMOUNT)

    class Meta:
        constraints = _unique("salesorder")
        indexes = _indexes(("customer_exact_id", "order_date"), ("order_exact_id",))

    def __str__(self) -> str:
        return f"sales order {self.number}"


class SalesOrderLine(SyncedRecord, Stated):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    order_exact_id = models.UUIDField()
    order_number = models.IntegerField(null=True, blank=True)
    line_number = models.IntegerField(default=0)
    item_exact_id = models.UUIDField(null=True, blank=True)
    item_code = models.CharField(max_length=60, blank=True)
    item_description = models.CharField(max_length=200, blank=True)
    unit = models.CharField(max_length=20, blank=True)
    quantity = models.DecimalField(**QUANTITY)
    quantity_delivered = models.DecimalField(**QUANTITY)
    quantity_invoiced = models.DecimalField(**QUANTITY)
    unit_price = models.DecimalField(**PRICE)
    amount = models.DecimalField(**AMOUNT)
    delivery_date = models.DateField(null=True, blank=True)

    class Meta:
        constraints = _unique("salesorderline")
        indexes = _indexes(("order_exact_id", "line_number"))

    def __str__(self) -> str:
        return f"{self.order_number}/{self.line_number}: {self.quantity} x {self.item_code}"


class GoodsDelivery(SyncedRecord):
    """A goods delivery (sync/SalesOrder/GoodsDeliveries): `exact_id` is Exact's EntryID."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    number = models.IntegerField(null=True, blank=True)
    customer_exact_id = models.UUIDField(null=True, blank=True)
    delivery_date = models.DateField(null=True, blank=True)
    tracking_number = models.CharField(max_length=100, blank=True)
    shipping_method = models.CharField(max_length=200, blank=True)
    description = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = _unique("goodsdelivery")
        indexes = _indexes(("customer_exact_id", "delivery_date"))

    def __str__(self) -> str:
        return f"delivery {self.number}"


class GoodsDeliveryLine(SyncedRecord):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    delivery_exact_id = models.UUIDField()
    order_line_exact_id = models.UUIDField(null=True, blank=True)
    order_number = models.IntegerField(null=True, blank=True)
    line_number = models.IntegerField(default=0)
    item_exact_id = models.UUIDField(null=True, blank=True)
    item_code = models.CharField(max_length=60, blank=True)
    quantity_delivered = models.DecimalField(**QUANTITY)
    tracking_number = models.CharField(max_length=100, blank=True)
    delivery_date = models.DateField(null=True, blank=True)

    class Meta:
        constraints = _unique("goodsdeliveryline")
        indexes = _indexes(("order_line_exact_id",), ("delivery_exact_id",))

    def __str__(self) -> str:
        return f"{self.quantity_delivered} x {self.item_code}"


class SalesInvoice(SyncedRecord):
    """An invoice header: the LineNumber 0 row of sync/SalesInvoice/SalesInvoices (§9.2);
    `exact_id` is its InvoiceID."""

    class Type(models.IntegerChoices):
        INVOICE = 8020, "Sales invoice"
        CREDIT_NOTE = 8021, "Sales credit note"
        DIRECT_INVOICE = 8023, "Direct sales invoice"
        DIRECT_CREDIT_NOTE = 8024, "Direct credit note"

    class Status(models.IntegerChoices):
        DRAFT = 10, "Draft"
        OPEN = 20, "Open"
        PROCESSED = 50, "Processed"

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    number = models.IntegerField(null=True, blank=True)
    customer_exact_id = models.UUIDField(null=True, blank=True)
    invoice_date = models.DateField(null=True, blank=True)
    due_date = models.DateField(null=True, blank=True)
    type = models.IntegerField(choices=Type.choices, default=Type.INVOICE)
    status = models.SmallIntegerField(choices=Status.choices, default=Status.PROCESSED)
    currency = models.CharField(max_length=3, blank=True)
    amount_excl_vat = models.DecimalField(**AMOUNT)
    amount_incl_vat = models.DecimalField(**AMOUNT)
    your_ref = models.CharField(max_length=64, blank=True)
    description = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = _unique("salesinvoice")
        indexes = _indexes(("customer_exact_id", "invoice_date"))

    def __str__(self) -> str:
        return f"invoice {self.number}"


class SalesInvoiceLine(SyncedRecord):
    """An invoiced line; it repeats its invoice's customer and date so that a customer's
    reorder list is one walk of the (company, customer_exact_id, invoice_date) index."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    invoice_exact_id = models.UUIDField()
    invoice_number = models.IntegerField(null=True, blank=True)
    line_number = models.IntegerField(default=0)
    customer_exact_id = models.UUIDField(null=True, blank=True)
    invoice_date = models.DateField(null=True, blank=True)
    item_exact_id = models.UUIDField(null=True, blank=True)
    item_code = models.CharField(max_length=60, blank=True)
    item_description = models.CharField(max_length=200, blank=True)
    unit = models.CharField(max_length=20, blank=True)
    quantity = models.DecimalField(**QUANTITY)
    unit_price = models.DecimalField(**PRICE)
    amount = models.DecimalField(**AMOUNT)
    order_exact_id = models.UUIDField(null=True, blank=True)
    order_line_exact_id = models.UUIDField(null=True, blank=True)
    order_number = models.IntegerField(null=True, blank=True)

    class Meta:
        constraints = _unique("salesinvoiceline")
        indexes = _indexes(
            ("customer_exact_id", "invoice_date"), ("invoice_exact_id",), ("order_exact_id",)
        )

    def __str__(self) -> str:
        return f"{self.invoice_number}/{self.line_number}: {self.quantity} x {self.item_code}"


class OpenItem(SyncedRecord):
    """An outstanding receivable (an open invoice or part of one). Read whole, so one that is
    gone from Exact's list has been paid: the sweep deactivates it."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    customer_exact_id = models.UUIDField(null=True, blank=True)
    invoice_number = models.IntegerField(null=True, blank=True)
    invoice_date = models.DateField(null=True, blank=True)
    due_date = models.DateField(null=True, blank=True)
    description = models.CharField(max_length=200, blank=True)
    your_ref = models.CharField(max_length=64, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    amount = models.DecimalField(**AMOUNT)  # outstanding; positive = owed by the customer

    class Meta:
        constraints = _unique("openitem")
        indexes = _indexes(("customer_exact_id", "due_date"))

    def __str__(self) -> str:
        return f"open {self.invoice_number}: {self.amount}"
