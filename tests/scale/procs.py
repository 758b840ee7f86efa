"""Programs the scale tests run as separate processes: `python -m tests.scale.procs KIND ...`.

They inherit DATABASE_URL/REDIS_URL from the test, so they share its database and Redis.
"""

from __future__ import annotations

import os
import sys
import time


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "salesdesk.settings")
    # The sandbox runs on a loopback port: let its (demo) credentials go there.
    os.environ.setdefault("SALESDESK_EXACT_ALLOW_LOOPBACK", "1")
    import django

    django.setup()


def _client(slug: str, storage_kind: str | None = None):
    from salesdesk.integration.connection.clients import exact_client_for
    from salesdesk.integration.rate_budget.gate import SharedRateGate
    from salesdesk.integration.rate_budget.stores import DatabaseBudgetStorage, RedisBudgetStorage
    from salesdesk.tenants.models import Company

    company = Company.objects.get(slug=slug)
    gate = None
    if storage_kind == "redis":
        from django.conf import settings

        gate = SharedRateGate(RedisBudgetStorage(settings.REDIS_URL))
    elif storage_kind == "database":
        gate = SharedRateGate(DatabaseBudgetStorage())
    return exact_client_for(company=company, gate=gate)


def _one_call(client) -> None:
    next(iter(client.items.list(select=["ID"], filter="Code eq 'NONE'", top=1)))


def budget(slug: str, calls: str, storage_kind: str, start_at: str) -> None:
    """Make `calls` calls for a company through a shared gate, starting at `start_at`."""
    client = _client(slug, storage_kind)
    time.sleep(max(0.0, float(start_at) - time.time()))
    for _ in range(int(calls)):
        _one_call(client)
    print(f"calls={client.calls}")


def refresh(slug: str, start_at: str) -> None:
    """One call at `start_at`: with a due token, every copy of this races to refresh it."""
    client = _client(slug)
    time.sleep(max(0.0, float(start_at) - time.time()))
    _one_call(client)
    print("ok")


if __name__ == "__main__":
    _setup()
    {"budget": budget, "refresh": refresh}[sys.argv[1]](*sys.argv[2:])
