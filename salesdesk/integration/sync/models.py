"""Sync bookkeeping: per-feed cursors, the record of every run, and the schedule per company."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from salesdesk.tenants.models import Company


class SyncEntity(models.TextChoices):
    """What a run synchronizes; one run per entity per company at a time."""

    ITEMS = "items", "Items"
    CUSTOMERS = "customers", "Customers"
    PRICES = "prices", "Price lists"
    PICTURES = "pictures", "Item pictures"
    STOCK = "stock", "Stock positions"
    SALES_ORDERS = "sales-orders", "Sales orders"
    INVOICES = "invoices", "Invoices"
    RECEIVABLES = "receivables", "Open items"
    ADDRESSES = "addresses", "Addresses"
    CONTACTS = "contacts", "Contacts"
    QUOTATIONS = "quotations", "Quotations"


class SyncCursor(models.Model):
    """The highest Exact `Timestamp` stored for one feed (e.g. `items`, and `deleted`: the
    company's one reader of sync/Deleted).

    Moved in the same transaction as the page it covers, and only to values seen
    (spec §3.7): a crash loses at most one page, and the next run resumes here.
    """

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    feed = models.CharField(max_length=40)
    timestamp = models.BigIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["company", "feed"], name="sync_cursor_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.feed}@{self.timestamp}"


class SharedDeletions(models.Model):
    """The company's one reader of sync/Deleted (its cursor is the SyncCursor `deleted`).

    Every entity's deletions come from that one feed (spec §4.7); one read serves them all.
    `read_at`: when the last read to the end began (a run queued before it needs no read of
    its own). The lease lets one worker read at a time, like the runs' lock: taken by a
    conditional update, free again when released or once `lease_until` has passed.
    """

    company = models.OneToOneField(Company, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField(null=True, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    lease_owner = models.CharField(max_length=40, blank=True)

    def __str__(self) -> str:
        return f"deletions read {self.read_at}"


class SyncRun(models.Model):
    """One synchronization of one entity: counts, calls, progress, outcome."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        SUCCEEDED = "succeeded", "Succeeded"
        FAILED = "failed", "Failed"

    class Trigger(models.TextChoices):
        MANUAL = "manual", "Manual"
        SCHEDULE = "schedule", "Schedule"
        CLI = "cli", "Command line"
        WEBHOOK = "webhook", "Exact webhook"

    ACTIVE = (Status.QUEUED, Status.RUNNING)

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="sync_runs")
    entity = models.CharField(max_length=20, choices=SyncEntity.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    trigger = models.CharField(max_length=10, choices=Trigger.choices, default=Trigger.MANUAL)
    full = models.BooleanField(default=False)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    deactivated = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    calls = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(null=True, blank=True)
    done = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    note = models.TextField(blank=True)
    queued_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Touched on every page: a run whose worker died stops blocking new runs (runs.py).
    heartbeat_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            # The "one run at a time" lock: only one caller's insert can win, in any process.
            models.UniqueConstraint(
                fields=["company", "entity"],
                condition=Q(status__in=["queued", "running"]),
                name="sync_run_one_active",
            ),
        ]
        indexes = [models.Index(fields=["company", "entity", "-queued_at"])]
        ordering = ["-queued_at", "-id"]

    def __str__(self) -> str:
        return f"{self.entity} {self.status}"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE


class SyncSchedule(models.Model):
    """When the incremental sync runs by itself, and whether admins were told of a failure."""

    DEFAULT_MINUTES = 24 * 60
    MIN_MINUTES = 5

    company = models.OneToOneField(Company, on_delete=models.CASCADE, related_name="sync_schedule")
    enabled = models.BooleanField(default=True)
    interval_minutes = models.PositiveIntegerField(default=DEFAULT_MINUTES)
    next_run_at = models.DateTimeField(null=True, blank=True)
    # Set when the admins got the e-mail of the current incident; cleared by a success.
    alerted_at = models.DateTimeField(null=True, blank=True)
    alert_reason = models.TextField(blank=True)

    def __str__(self) -> str:
        return self.interval_words

    @property
    def interval_words(self) -> str:
        """The interval as the pages say it: "every 24 hours", "every hour", "every 90 minutes"."""
        minutes = self.interval_minutes
        if minutes % 60:
            return f"every {minutes} minutes"
        hours = minutes // 60
        return "every hour" if hours == 1 else f"every {hours} hours"
