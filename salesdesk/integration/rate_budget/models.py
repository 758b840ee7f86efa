from django.db import models


class RateBudget(models.Model):
    """Exact's rate budget of one administration (key `base_url|division`), shared by all
    workers when Redis is not configured (see integration/rate_budget/gate.py)."""

    key = models.CharField(max_length=300, unique=True)
    state = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.key
