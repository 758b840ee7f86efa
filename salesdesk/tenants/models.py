from django.conf import settings
from django.db import models


class Company(models.Model):
    """A tenant: one wholesaler with its own login page at /<slug>/login."""

    slug = models.SlugField(max_length=50, unique=True)
    name = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)
    # Off: a sales rep sees only the customers whose account manager in Exact is the rep's
    # Exact user (Membership.exact_user_id). On: every rep sees every customer.
    reps_see_all_customers = models.BooleanField(default=False)

    class Meta:
        verbose_name_plural = "companies"

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        ADMIN = "admin", "Administrator"
        USER = "user", "User"
        REP = "rep", "Sales rep"

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.USER)
    # The login name within this company: unique per company, not across companies
    # (User.username is only an internal key; see tenants/user_names.py).
    username = models.CharField(max_length=150)
    # A deactivated member keeps their orders but can no longer log in or use a token.
    is_active = models.BooleanField(default=True)
    # The Exact user this member is (the AccountManager of their customers in Exact, spec
    # §9.4 "Reps"), set by an administrator; a rep without one has no customers of their own.
    exact_user_id = models.UUIDField(null=True, blank=True)
    exact_user_name = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["company", "user"], name="membership_unique"),
            models.UniqueConstraint(
                fields=["company", "username"], name="membership_username_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.username} in {self.company} ({self.role})"

    def save(self, *args, **kwargs):
        # Memberships made without a login name (the demo, older code) use the user's.
        if not self.username:
            self.username = self.user.get_username()
        super().save(*args, **kwargs)

    @property
    def is_admin(self) -> bool:
        return self.role == self.Role.ADMIN


class ChangeCounter(models.Model):
    """The last change sequence number handed out per company (see salesdesk/tenants/changes.py)."""

    company = models.OneToOneField(Company, on_delete=models.CASCADE, related_name="+")
    last_version = models.BigIntegerField(default=0)

    class Meta:
        db_table = "api_changecounter"  # created by the api app, which held it before

    def __str__(self) -> str:
        return f"{self.company_id}: {self.last_version}"
