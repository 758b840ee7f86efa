from django.db import models

from salesdesk.tenants.models import Company


class WebhookTopic(models.TextChoices):
    """Exact webhook topics Salesdesk subscribes to (spec §4.10)."""

    ITEMS = "Items", "Items"
    ACCOUNTS = "Accounts", "Customers (accounts)"
    SALES_ORDERS = "SalesOrders", "Sales orders"
    STOCK_POSITIONS = "StockPositions", "Stock positions"
    GOODS_DELIVERIES = "GoodsDeliveries", "Goods deliveries"


class WebhookSubscription(models.Model):
    """A subscription Salesdesk holds in the company's administration (mirrors Exact's row)."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    topic = models.CharField(max_length=40, choices=WebhookTopic.choices)
    exact_id = models.UUIDField()
    callback_url = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["company", "topic"], name="webhook_sub_one_per_topic"),
        ]
        ordering = ["topic"]

    def __str__(self) -> str:
        return f"{self.topic} -> {self.callback_url}"


class WebhookNotice(models.Model):
    """One verified notice. Exact may deliver a notice twice: the HashCode is unique per
    company, so a repeat (or a replay of a captured body) is stored once and ignored."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    topic = models.CharField(max_length=40)
    action = models.CharField(max_length=10)  # Create, Update, Delete
    key = models.CharField(max_length=40)  # the record's GUID in Exact
    event_created_on = models.CharField(max_length=40, blank=True)  # Exact's local time text
    hash_code = models.CharField(max_length=64)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["company", "hash_code"], name="webhook_notice_once"),
        ]
        indexes = [models.Index(fields=["company", "topic", "-received_at"])]

    def __str__(self) -> str:
        return f"{self.topic} {self.action} {self.key}"


class WebhookTopicState(models.Model):
    """Per company and topic: when the last notice came, and the debounced sync to come.

    `sync_due_at` is set by the first notice of a burst (with one task enqueued for then);
    notices in between only count. The task waits while notices keep coming (up to a limit
    after `armed_at`), then clears the mark and syncs once: a burst costs one sync.
    """

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    topic = models.CharField(max_length=40)
    last_notice_at = models.DateTimeField(null=True, blank=True)
    notices = models.PositiveIntegerField(default=0)
    sync_due_at = models.DateTimeField(null=True, blank=True)
    armed_at = models.DateTimeField(null=True, blank=True)  # the first notice of the burst
    last_sync_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["company", "topic"], name="webhook_topic_state_once"),
        ]

    def __str__(self) -> str:
        return f"{self.topic}: {self.notices} notices"
