"""`salesdesk sync <company> [--entity ...] [--full]` in the foreground."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from exact_sandbox.clock import SandboxClock
from salesdesk.catalog.models import Item
from salesdesk.integration.models import SyncRun
from tests.salesdesk.integration.sync.sync_support import connected_company

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sandbox_clock() -> SandboxClock:
    return SandboxClock()  # the command's client runs on the wall clock


def test_sync_command_prints_counts_and_calls(live_sandbox, sandbox_state, sandbox_clock):
    company = connected_company(live_sandbox, sandbox_clock)
    out = StringIO()
    call_command("sync", company.slug, "--entity", "items", stdout=out, stderr=StringIO())
    items = len(sandbox_state.divisions[100001].items)
    assert f"items: succeeded; created {items}, updated 0" in out.getvalue()
    assert "Exact Online calls" in out.getvalue()
    assert Item.objects.filter(company=company).count() == items
    assert SyncRun.objects.get(company=company, entity="items").trigger == SyncRun.Trigger.CLI

    out = StringIO()
    call_command("sync", company.slug, "--entity", "items", "--full", stdout=out)
    assert f"created 0, updated {items}" in out.getvalue()


def test_sync_command_refuses_while_a_run_is_going_on(live_sandbox, sandbox_clock):
    company = connected_company(live_sandbox, sandbox_clock)
    SyncRun.objects.create(company=company, entity="customers", status=SyncRun.Status.RUNNING)
    err = StringIO()
    with pytest.raises(CommandError, match="customers"):
        call_command("sync", company.slug, "--entity", "customers", stderr=err)
    assert "already going on" in err.getvalue()
    with pytest.raises(CommandError, match="No company"):
        call_command("sync", "nope")
