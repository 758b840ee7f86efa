from datetime import timedelta

from django.db import models
from django.utils import timezone

from salesdesk.tenants.models import Company


class ExactConnection(models.Model):
    """A company's link to one Exact Online administration (the Installation tab).

    Tokens are stored encrypted (see token_store); `issued_at` is when the
    access token was received, which decides the 570–600 s refresh window.
    """

    class ErpType(models.TextChoices):
        EXACT_ONLINE = "exact_online", "Exact Online"

    class State(models.TextChoices):
        NOT_CONNECTED = "not_connected", "Not connected"
        CONNECTED = "connected", "Connected"
        NEEDS_REAUTH = "needs_reauth", "Needs re-authorization"

    company = models.OneToOneField(Company, on_delete=models.CASCADE, related_name="exact")
    erp_type = models.CharField(
        max_length=20, choices=ErpType.choices, default=ErpType.EXACT_ONLINE
    )
    name = models.CharField(max_length=200, blank=True)  # the administration's name, exactly
    base_url = models.CharField(max_length=200, blank=True)
    username = models.CharField(max_length=200, blank=True)  # other ERP types only
    state = models.CharField(max_length=20, choices=State.choices, default=State.NOT_CONNECTED)
    division = models.IntegerField(null=True, blank=True)
    division_name = models.CharField(max_length=200, blank=True)
    exact_user_name = models.CharField(max_length=200, blank=True)
    exact_user_id = models.UUIDField(null=True, blank=True)
    authorized_at = models.DateTimeField(null=True, blank=True)
    access_token_encrypted = models.TextField(blank=True)
    refresh_token_encrypted = models.TextField(blank=True)
    token_issued_at = models.FloatField(null=True, blank=True)  # epoch seconds
    # The access token's lifetime as the token endpoint said (600 s at Exact Online).
    token_expires_in = models.FloatField(default=600.0)
    # Bumped on every token write: the compare-and-swap that keeps one refresh at a time.
    token_version = models.PositiveIntegerField(default=0)
    token_problem = models.TextField(blank=True)
    # The refresh lease (see token_store): who holds it and until when (epoch seconds, wall clock).
    token_lock_owner = models.CharField(max_length=64, blank=True)
    token_lock_until = models.FloatField(null=True, blank=True)
    # The host the tokens belong to; the Installation tab's `base_url` may change before the
    # next authorization, and tokens of one host are useless on another (spec §1.1).
    authorized_base_url = models.CharField(max_length=200, blank=True)
    rights = models.JSONField(default=dict, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.company} -> {self.name or 'Exact Online'}"

    @property
    def api_base_url(self) -> str:
        """The host to call with the stored tokens."""
        return self.authorized_base_url or self.base_url


class AuthorizationCheck(models.Model):
    """A consent Exact granted, being checked before it may replace the connection.

    The callback stores the new tokens here and answers at once; a background task finds
    the administration and checks the rights (authorization_checks.py). Only a check that
    passes replaces the company's ExactConnection; a failed one keeps its message for the
    Connector settings tab and drops its tokens, and the working connection stays.
    """

    class State(models.TextChoices):
        CHECKING = "checking", "Checking"
        FAILED = "failed", "Failed"

    company = models.OneToOneField(
        Company, on_delete=models.CASCADE, related_name="exact_authorization_check"
    )
    state = models.CharField(max_length=20, choices=State.choices, default=State.CHECKING)
    base_url = models.CharField(max_length=200)
    name = models.CharField(max_length=200, blank=True)  # the Installation's Name to find
    access_token_encrypted = models.TextField(blank=True)
    refresh_token_encrypted = models.TextField(blank=True)
    token_issued_at = models.FloatField(null=True, blank=True)
    token_expires_in = models.FloatField(default=600.0)
    message = models.TextField(blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    SLOW_AFTER = timedelta(minutes=2)

    def __str__(self) -> str:
        return f"{self.company}: authorization {self.state}"

    @property
    def slow(self) -> bool:
        """Still checking after a while: Exact is busy, or no worker runs the check."""
        return self.state == self.State.CHECKING and (
            timezone.now() - self.started_at > self.SLOW_AFTER
        )
