"""A customer's addresses and contact persons, from crm/Addresses and crm/Contacts (spec §9.4).

Both name their customer by Exact ID (`customer_exact_id`, Exact's `Account`) rather than by
foreign key: the feeds arrive in any order, and the customer page reads them by that ID.
"""

from django.db import models

from salesdesk.synced.models import SyncedRecord
from salesdesk.tenants.models import Company


class Address(SyncedRecord):
    class Type(models.IntegerChoices):
        VISIT = 1, "Visit"
        POSTAL = 2, "Postal"
        INVOICE = 3, "Invoice"
        DELIVERY = 4, "Delivery"

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    # None for a warehouse's own delivery address (spec §9.4: Warehouse set, Account empty).
    customer_exact_id = models.UUIDField(null=True, blank=True)
    type = models.SmallIntegerField(choices=Type.choices)
    main = models.BooleanField(default=False)  # the main address of its type
    line1 = models.CharField(max_length=200, blank=True)
    line2 = models.CharField(max_length=200, blank=True)
    line3 = models.CharField(max_length=200, blank=True)
    postcode = models.CharField(max_length=20, blank=True)
    city = models.CharField(max_length=100, blank=True)
    state = models.CharField(max_length=100, blank=True)
    country = models.CharField(max_length=3, blank=True)
    country_name = models.CharField(max_length=100, blank=True)
    contact_name = models.CharField(max_length=200, blank=True)
    phone = models.CharField(max_length=50, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["company", "exact_id"], name="address_exact_unique"),
        ]
        indexes = [
            models.Index(fields=["company", "row_version", "id"]),
            models.Index(fields=["company", "customer_exact_id", "type"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_type_display()}: {self.line1}, {self.city}"

    @property
    def is_delivery(self) -> bool:
        return self.type == self.Type.DELIVERY


class Contact(SyncedRecord):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    customer_exact_id = models.UUIDField(null=True, blank=True)
    first_name = models.CharField(max_length=100, blank=True)
    last_name = models.CharField(max_length=100, blank=True)
    full_name = models.CharField(max_length=200, blank=True)
    job_title = models.CharField(max_length=200, blank=True)
    email = models.CharField(max_length=254, blank=True)
    phone = models.CharField(max_length=50, blank=True)
    mobile = models.CharField(max_length=50, blank=True)
    is_main = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["company", "exact_id"], name="contact_exact_unique"),
        ]
        indexes = [
            models.Index(fields=["company", "row_version", "id"]),
            models.Index(fields=["company", "customer_exact_id", "last_name"]),
        ]

    def __str__(self) -> str:
        return self.full_name or f"{self.first_name} {self.last_name}".strip()
