"""`salesdesk worker` on the default (database) backend runs what is queued; RQ is covered by
tests/scale, which runs it as separate processes."""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from salesdesk.integration.webhooks.tasks import webhook_sync


@pytest.mark.django_db(transaction=True)
def test_worker_burst_runs_the_queued_tasks_of_the_database_backend():
    result = webhook_sync.enqueue(company_id=999_999, topic="Items")

    call_command("worker", "--burst", "default", verbosity=0)

    stored = DBTaskResult.objects.get(pk=result.id)
    assert stored.status == "SUCCESSFUL"
    assert stored.return_value == "missing"
