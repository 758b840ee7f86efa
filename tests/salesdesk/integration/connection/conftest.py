"""The connection tests run background tasks at once, in the request that enqueues them
(the consent check after a callback), unless a test switches to the dummy backend."""

import pytest

from tests.salesdesk.integration.sync.sync_support import IMMEDIATE_TASKS


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings):
    settings.TASKS = IMMEDIATE_TASKS
