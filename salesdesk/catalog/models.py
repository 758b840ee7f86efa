from decimal import Decimal

from django.db import models

from salesdesk.catalog.stock_models import StockPosition, Warehouse  # noqa: F401 (models of the app)
from salesdesk.synced.models import ExactRecord, SyncedRecord, VersionedRecord
from salesdesk.tenants.models import Company


class Item(SyncedRecord):
    """An item as synchronized from Exact Online (logistics/Items)."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="items")
    code = models.CharField(max_length=60)
    description = models.CharField(max_length=200)
    extra_description = models.TextField(blank=True)
    group_code = models.CharField(max_length=40, blank=True)
    group_description = models.CharField(max_length=200, blank=True)
    unit = models.CharField(max_length=20, blank=True)
    unit_description = models.CharField(max_length=100, blank=True)
    vat_code = models.CharField(max_length=10, blank=True)
    # A fraction (0.21 = 21%), from the VatCode of `vat_code` (salesdesk/catalog/vat.py).
    vat_percentage = models.DecimalField(max_digits=6, decimal_places=4, null=True, blank=True)
    barcode = models.CharField(max_length=60, blank=True)
    standard_price = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    stock = models.DecimalField(max_digits=16, decimal_places=4, default=0)
    # Free stock summed over the warehouses (stock_services.py keeps it); None: none known.
    free_stock = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)
    is_sales_item = models.BooleanField(default=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    # Pictures come in a separate pass: the URL and name say what Exact has,
    # `picture` what we stored; a changed name or URL means "fetch again".
    picture_url = models.CharField(max_length=500, blank=True)
    picture_name = models.CharField(max_length=200, blank=True)
    picture = models.FileField(upload_to="pictures/", blank=True)
    picture_fetched_name = models.CharField(max_length=200, blank=True)
    exact_modified = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["company", "exact_id"], name="item_exact_unique"),
        ]
        indexes = [
            models.Index(fields=["company", "row_version", "id"]),
            models.Index(fields=["company", "code"]),
            models.Index(fields=["company", "description"]),
            models.Index(fields=["company", "barcode"]),
            models.Index(fields=["company", "group_code"]),
            # Filters and sortable columns of Item management (catalog/selectors.py).
            models.Index(fields=["company", "active"]),
            models.Index(fields=["company", "unit"]),
            models.Index(fields=["company", "standard_price"]),
            models.Index(fields=["company", "stock"]),
            models.Index(fields=["company", "free_stock"]),
            models.Index(fields=["company", "synced_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.description}"

    @property
    def vat_percent(self) -> Decimal | None:
        """The VAT rate for display: 21 for the stored fraction 0.21."""
        return None if self.vat_percentage is None else self.vat_percentage * 100


class VatCode(ExactRecord):
    """A VAT code of the company's Exact administration (vat/VATCodes), e.g. "1" = 21%.

    Items name their VAT code only; the rate lives here. `code` is stored trimmed, as
    `Item.vat_code` is; `percentage` is a fraction (0.21), as Exact sends it.
    """

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="vat_codes")
    code = models.CharField(max_length=10)
    description = models.CharField(max_length=200, blank=True)
    percentage = models.DecimalField(max_digits=6, decimal_places=4, default=0)
    synced_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["company", "exact_id"], name="vatcode_exact_unique"),
        ]
        indexes = [models.Index(fields=["company", "code"])]

    def __str__(self) -> str:
        return f"{self.code} {self.description}"

    @property
    def percent(self) -> Decimal:
        """The rate for display: 21 for the stored fraction 0.21."""
        return self.percentage * 100


class PriceList(ExactRecord):
    """A sales price list (sales/SalesPriceLists)."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="price_lists")
    code = models.CharField(max_length=60)
    description = models.CharField(max_length=200, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    synced_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["company", "exact_id"], name="pricelist_exact_unique"),
        ]

    def __str__(self) -> str:
        return self.description or self.code


class PriceListPeriod(ExactRecord):
    """A validity period of a price list (sales/SalesPriceListPeriods)."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    price_list = models.ForeignKey(PriceList, on_delete=models.CASCADE, related_name="periods")
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["company", "exact_id"], name="period_exact_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.start_date or '…'} – {self.end_date or '…'}"


class VolumeDiscount(VersionedRecord):
    """A price list line: item (or group), quantity threshold, new price or discount.

    From sales/SalesPriceListVolumeDiscounts. EntryMethod 1 = discount
    (fraction of the base price), 2 = new price (spec §4.5).
    """

    class Method(models.IntegerChoices):
        DISCOUNT = 1, "Discount"
        NEW_PRICE = 2, "New price"

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    period = models.ForeignKey(PriceListPeriod, on_delete=models.CASCADE, related_name="lines")
    item = models.ForeignKey(
        Item, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    item_group_code = models.CharField(max_length=40, blank=True)
    quantity = models.DecimalField(max_digits=14, decimal_places=4, default=0)
    method = models.SmallIntegerField(choices=Method.choices)
    new_price = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    discount = models.DecimalField(max_digits=7, decimal_places=4, null=True, blank=True)
    base_price = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    unit = models.CharField(max_length=20, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["company", "exact_id"], name="volume_exact_unique"),
        ]
        indexes = [
            models.Index(fields=["company", "row_version", "id"]),
            models.Index(fields=["company", "item", "quantity"]),
            # Counting and listing a price list's items per period.
            models.Index(fields=["period", "active", "item"]),
        ]

    def __str__(self) -> str:
        return f"{self.item_id or self.item_group_code} from {self.quantity}"


class ItemPrice(VersionedRecord):
    """A sales item price (logistics/SalesItemPrices): per item, optionally per customer,
    from a minimum quantity, in a unit, within a validity window."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="prices")
    customer = models.ForeignKey(
        "customers.Customer", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    price = models.DecimalField(max_digits=14, decimal_places=4)
    currency = models.CharField(max_length=3, blank=True)
    quantity = models.DecimalField(max_digits=14, decimal_places=4, default=0)
    unit = models.CharField(max_length=20, blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["company", "exact_id"], name="itemprice_exact_unique"),
        ]
        indexes = [
            models.Index(fields=["company", "item", "customer", "quantity"]),
            models.Index(fields=["company", "row_version", "id"]),
        ]

    def __str__(self) -> str:
        return f"{self.item_id} {self.price} from {self.quantity}"
