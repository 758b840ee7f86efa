"""Stock per item and warehouse, as Exact Online keeps it (spec §9.1).

Warehouses come from inventory/Warehouses (no sync feed: read whole, swept by `synced_at`);
quantities from sync/Inventory/StockPositions, one row per item × warehouse. Positions name
their item and warehouse by Exact ID rather than by foreign key: the feeds arrive in any
order, and a position of an item not stored yet still counts once the item arrives.
"""

from django.db import models

from salesdesk.synced.models import ExactRecord, SyncedRecord
from salesdesk.tenants.models import Company

QUANTITY = {"max_digits": 16, "decimal_places": 4, "default": 0}


class Warehouse(ExactRecord):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="warehouses")
    code = models.CharField(max_length=40)
    description = models.CharField(max_length=200, blank=True)
    main = models.BooleanField(default=False)
    synced_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["company", "exact_id"], name="warehouse_exact_unique"),
        ]
        indexes = [models.Index(fields=["company", "code"])]

    def __str__(self) -> str:
        return f"{self.code} {self.description}"


class StockPosition(SyncedRecord):
    """Quantities of one item in one warehouse. `free` is what may still be promised;
    `planned_in`/`planned_out` are open purchase/sales quantities (PlanningIn/PlanningOut)."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    item_exact_id = models.UUIDField()
    warehouse_exact_id = models.UUIDField(null=True, blank=True)
    warehouse_code = models.CharField(max_length=40, blank=True)
    warehouse_description = models.CharField(max_length=200, blank=True)
    current = models.DecimalField(**QUANTITY)
    free = models.DecimalField(**QUANTITY)
    reserved = models.DecimalField(**QUANTITY)
    planned_in = models.DecimalField(**QUANTITY)
    planned_out = models.DecimalField(**QUANTITY)
    projected = models.DecimalField(**QUANTITY)
    unit = models.CharField(max_length=20, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["company", "exact_id"], name="stock_exact_unique"),
        ]
        indexes = [
            models.Index(fields=["company", "row_version", "id"]),
            models.Index(fields=["company", "item_exact_id", "warehouse_code"]),
        ]

    def __str__(self) -> str:
        return f"{self.item_exact_id} in {self.warehouse_code}: {self.free} free"
