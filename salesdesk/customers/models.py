from django.db import models

from salesdesk.customers.account_outbox_models import AccountOutbox  # noqa: F401 (models of the app)
from salesdesk.customers.contact_models import Address, Contact  # noqa: F401 (models of the app)
from salesdesk.customers.reach_move_models import ReachMove  # noqa: F401 (models of the app)
from salesdesk.synced.models import SyncedRecord
from salesdesk.tenants.models import Company


class Customer(SyncedRecord):
    """A customer account as synchronized from Exact Online (crm/Accounts).

    Exact owns every field but `company`, `active` and the sync bookkeeping.
    `code` keeps Exact's 18-character left padding for matching;
    `code_display` is the trimmed form shown on screen and searched.

    A customer created in Salesdesk (`created_in_salesdesk`) exists before Exact has it: its
    `exact_id` stays NULL until Exact answers the account's POST (customers/account_outbox.py),
    rather than holding an ID of our own making, so that no Salesdesk-made ID can ever reach
    Exact (an order's OrderedBy, a contact's Account) or collide with the customers sync's
    ON CONFLICT (company, exact_id): SQLite and PostgreSQL let the unique constraint hold many
    NULLs. Until then its `code_display` is `NEW-<pk>` (Exact assigns the real code) so the
    order form can name it, and its pages are reached by primary key.
    """

    class Status(models.TextChoices):
        # Exact's crm/Accounts.Status, a relationship type (spec §4.4), not active/inactive.
        CUSTOMER = "C", "Customer"
        PROSPECT = "P", "Prospect"
        SUSPECT = "S", "Suspect"
        NONE = "A", "None"

    exact_id = models.UUIDField(null=True, blank=True)  # NULL: created here, not yet in Exact
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
    # The customer's usual shipping method in Exact (crm/Accounts.ShippingMethod): preselected
    # on its orders, as Exact itself would put it on an order that names none.
    shipping_method_exact_id = models.UUIDField(null=True, blank=True)
    exact_modified = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=1, choices=Status.choices, default=Status.CUSTOMER)
    created_in_salesdesk = models.BooleanField(default=False)

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

    @property
    def pending_in_exact(self) -> bool:
        """Created in Salesdesk and not yet known to Exact (no Exact ID)."""
        return self.exact_id is None

    def __str__(self) -> str:
        return f"{self.code_display} {self.name}"
