"""A customer leaving an account manager's reach, for the reps' delta feed.

The feed sends a rep the rows still in their reach (customers/reach.py); a customer Exact
gave another account manager (`crm/Accounts.AccountManager`) simply stops coming, and the
old rep's device would keep it for good. One row per move tells that device to remove it:
`row_version` is the customer's version of the write that moved it (tenants/changes.py),
so the feed pages on it like on any other record.
"""

from django.db import models

from salesdesk.tenants.models import Company


class ReachMove(models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    customer = models.ForeignKey(
        "customers.Customer", on_delete=models.CASCADE, related_name="reach_moves"
    )
    from_manager_exact_id = models.UUIDField()  # the Exact user whose reach it left
    row_version = models.BigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [
            models.Index(fields=["company", "from_manager_exact_id", "row_version", "id"]),
        ]

    def __str__(self) -> str:
        return f"customer {self.customer_id} left {self.from_manager_exact_id}"
