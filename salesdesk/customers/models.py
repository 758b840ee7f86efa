from django.db import models

from salesdesk.customers.contact_models import Address, Contact  # noqa: F401 (models of the app)
from salesdesk.synced.models import SyncedRecord
from salesdesk.tenants.models import Company


class Customer(SyncedRecord):
    """A customer account as synchronized from Exact Online (crm/Accounts).

    Exact owns every field but `company`, `active` and the sync bookkeeping.
    `code` keeps Exact's 18-character left padding for matching;
    `code_display` is the trimmed form shown on screen and searched.
    """

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="customers")
    code = models.CharField(max_length=18)
    code_display = models.CharField(max_length=18)  # indexed with the company (Meta)
    name = models.CharField(max_length=200)
    address_line1 = models.CharField(max_length=200, blank=True)
    address_line2 = models.CharField(max_length=200, blank=True)
    postcode = models.CharField(max_length=20, blank=True)
    city = models.CharField(max_length=100, blank=True)
    country = models.CharField(max_length=3, blank=True)
    country_name = models.CharField(max_length=100, blank=True)
    email = models.CharField(max_length=254, blank=True)
    phone = models.CharField(max_length=50, blank=True)
    vat_number = models.CharField(max_length=50, blank=True)
    blocked = models.BooleanField(default=False)
    # Exact's CreditLineSales: "if no value has been defined, there is no credit limit" (§9.4).
    credit_limit = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    payment_condition = models.CharField(max_length=20, blank=True)
    discount_sales = models.DecimalField(max_digits=7, decimal_places=4, default=0)
    price_list = models.ForeignKey(
        "catalog.PriceList", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    price_list_exact_id = models.UUIDField(null=True, blank=True)
    # The Exact user who manages the account (crm/Accounts.AccountManager, spec §9.4 "Reps"):
    # the sales rep linked to that user sees this customer (customers/reach.py).
    account_manager_exact_id = models.UUIDField(null=True, blank=True)
    account_manager_name = models.CharField(max_length=200, blank=True)
    exact_modified = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["company", "exact_id"], name="customer_exact_unique"),
        ]
        indexes = [
            models.Index(fields=["company", "row_version", "id"]),
            models.Index(fields=["company", "code_display"]),
            models.Index(fields=["company", "name"]),
            models.Index(fields=["company", "city"]),
            models.Index(fields=["company", "country"]),
            # Filters and sortable columns of Customer management (customers/selectors.py).
            models.Index(fields=["company", "blocked"]),
            models.Index(fields=["company", "price_list"]),
            models.Index(fields=["company", "synced_at"]),
            models.Index(fields=["company", "account_manager_exact_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.code_display} {self.name}"
