"""The scale suite runs only under `make test-scale` (PostgreSQL, Redis, RQ worker processes).

`make test` collects nothing here: these tests need the services scripts/scale/start.sh
starts, and they take minutes.
"""

from __future__ import annotations

import os

import pytest


def pytest_ignore_collect(collection_path, config):
    if os.environ.get("SALESDESK_SCALE") != "1":
        return True
    return None


@pytest.fixture(autouse=True)
def _clean_redis():
    """Every test starts with empty queues and budgets."""
    import redis
    from django.conf import settings

    connection = redis.Redis.from_url(settings.REDIS_URL)
    connection.flushdb()
    yield
    connection.flushdb()
