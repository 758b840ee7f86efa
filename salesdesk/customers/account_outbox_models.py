"""A customer created in Salesdesk, waiting to become an account in Exact Online.

The same bookkeeping as the order outbox (salesdesk/orders/models.py OrderOutbox), for the
same reason: Exact has no idempotency key, so a POST whose answer got lost may have stored
the account. `lease_token` is set exactly while a worker sends; `exact_may_have_it` turns on
before any POST and off only when Exact's answer proves nothing was stored, and while it is
on the next attempt looks the record up before posting (spec §6 pitfall 16).

One customer goes out in up to three steps, each recorded as soon as Exact answers it: the
account (its ID lands on `Customer.exact_id`), then its contact person (`contact`, ID in
`contact_exact_id`), then its delivery address (`delivery_address`, ID in
`address_exact_id`). The step due is the first one without its Exact ID.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from salesdesk.tenants.models import Company


class AccountOutbox(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", "Waiting for Exact Online"
        SENDING = "sending", "Sending to Exact Online"
        DONE = "done", "In Exact Online"
        FAILED = "failed", "Refused by Exact Online"

    customer = models.OneToOneField(
        "customers.Customer", on_delete=models.CASCADE, related_name="account_outbox"
    )
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    # What Exact gets besides the account: {"first_name", "last_name", "email", "phone"} and
    # {"line1", "postcode", "city", "country"}; empty when none was given.
    contact = models.JSONField(default=dict, blank=True)
    delivery_address = models.JSONField(default=dict, blank=True)
    contact_exact_id = models.UUIDField(null=True, blank=True)
    address_exact_id = models.UUIDField(null=True, blank=True)
    available_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    failures = models.PositiveIntegerField(default=0)  # unclear answers in a row
    lease_token = models.UUIDField(null=True, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    exact_may_have_it = models.BooleanField(default=False)
    # Why it waits or failed, in plain words for the customer page (Exact's own message).
    message = models.TextField(blank=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["state", "available_at"]),
            models.Index(fields=["lease_until"]),
        ]

    def __str__(self) -> str:
        return f"account of customer {self.customer_id}: {self.state}"
