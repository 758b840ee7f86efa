"""Each scheduler tick also runs the sweeps of the apps the integration may not import
(confirmations), through `salesdesk.periodic.scheduler_ticked`; one failing sweep is
reported without stopping the tick."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from salesdesk.confirmations.models import Confirmation
from salesdesk.confirmations.services import confirmation_auto
from salesdesk.periodic import scheduler_ticked
from tests.salesdesk.confirmations.factories import (
    IMMEDIATE_TASKS,
    LOCMEM_EMAIL,
    confirmations_on,
    order_with_contact,
)
from tests.salesdesk.factories import make_company

# The command closes stale connections at each tick, as a long-running process must; inside a
# test's transaction PostgreSQL would lose the test's own connection, so these tests commit.
pytestmark = pytest.mark.django_db(transaction=True)


def confirmation(**state) -> Confirmation:
    company = make_company()
    confirmations_on(company)
    row = confirmation_auto(order_id=order_with_contact(company).pk)
    Confirmation.objects.filter(pk=row.pk).update(**state)
    return row


def tick() -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    with override_settings(TASKS=IMMEDIATE_TASKS, EMAIL_BACKEND=LOCMEM_EMAIL):
        call_command("scheduler", "--once", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_tick_mails_due_retries_and_marks_lost_sends_unknown():
    past = timezone.now() - timedelta(minutes=1)
    retry = confirmation(status="retrying", attempts=1, available_at=past)
    lost = confirmation(status="sending", attempts=1, lease_until=past)
    later = confirmation(status="retrying", attempts=1, available_at=past + timedelta(hours=1))

    tick()

    statuses = dict(Confirmation.objects.values_list("pk", "status"))
    assert statuses == {retry.pk: "sent", lost.pk: "unknown", later.pk: "retrying"}
    assert [m.to for m in mail.outbox] == [[retry.to]]


def test_a_failing_sweep_is_reported_and_the_others_still_run():
    lost = confirmation(
        status="sending", attempts=1, lease_until=timezone.now() - timedelta(seconds=1)
    )

    def broken(sender, **kwargs):
        raise RuntimeError("sweep broke")

    scheduler_ticked.connect(broken, dispatch_uid="test.broken_sweep")
    try:
        _, err = tick()
    finally:
        scheduler_ticked.disconnect(dispatch_uid="test.broken_sweep")
    assert "sweep failed:" in err and "sweep broke" in err
    assert Confirmation.objects.get(pk=lost.pk).status == "unknown"
