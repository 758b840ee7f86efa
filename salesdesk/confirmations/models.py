"""Order confirmations: each company's settings, and every confirmation mailed or tried."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from salesdesk.orders.models import Order
from salesdesk.tenants.models import Company

SENDER_NAME_MAX = 100
TEXT_MAX = 1000


class ConfirmationSettings(models.Model):
    """Whether and how a company mails its customers a confirmation of what reached Exact."""

    company = models.OneToOneField(
        Company, on_delete=models.CASCADE, related_name="confirmation_settings"
    )
    enabled = models.BooleanField(default=False)
    # The display name of the From header; the address is always DEFAULT_FROM_EMAIL, so a
    # company cannot send mail in another domain's name.
    sender_name = models.CharField(max_length=SENDER_NAME_MAX, blank=True)
    text = models.CharField(max_length=TEXT_MAX, blank=True)

    def __str__(self) -> str:
        return f"confirmations of {self.company_id}: {'on' if self.enabled else 'off'}"


class Confirmation(models.Model):
    """One confirmation of an order or quotation, recorded before its mail is sent.

    An automatic one is unique per order and document (the order, or the quotation it
    started as): a signal or task delivered twice finds the row and mails nothing.

    A worker claims it (Pending or a due Retrying -> Sending) and holds it until
    `lease_until`; a temporary mail failure makes it Retrying until `available_at`. A
    Sending one whose lease ran out becomes Unknown, never sent again by itself: SMTP cannot
    say whether the dead worker's mail went, and a second mail to the customer is worse.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to be sent"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        SKIPPED = "skipped", "Not sent"
        RETRYING = "retrying", "Waiting to retry"
        UNKNOWN = "unknown", "Not known whether mailed"

    class Trigger(models.TextChoices):
        AUTO = "auto", "Automatic"
        MANUAL = "manual", "Sent again by hand"

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="confirmations")
    document = models.CharField(max_length=10, choices=Order.Kind.choices)
    trigger = models.CharField(max_length=10, choices=Trigger.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    to = models.CharField(max_length=254, blank=True)
    error = models.TextField(blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    available_at = models.DateTimeField(default=timezone.now)  # a retry is not due before
    failing_since = models.DateTimeField(null=True, blank=True)  # its first passing failure
    lease_until = models.DateTimeField(null=True, blank=True)  # while Sending

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["order", "document"],
                condition=Q(trigger="auto"),
                name="confirmation_auto_once",
            ),
        ]
        indexes = [
            models.Index(fields=["company", "order", "created_at"]),
            models.Index(fields=["status", "available_at"]),
            models.Index(fields=["status", "lease_until"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_trigger_display()} confirmation of order {self.order_id}: {self.status}"
