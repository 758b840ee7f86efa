"""The migration that adds "All reps see all customers" keeps today's behaviour for the
companies that exist (their reps saw every customer) and new companies start without it."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = [("tenants", "0005_membership_username_is_active")]
AFTER = [("tenants", "0006_reps_customers")]


def migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


def test_existing_companies_keep_reps_seeing_all_customers_new_ones_do_not():
    executor = migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps.get_model("tenants", "Company")
    old.objects.create(slug="old-one", name="Old One")
    try:
        executor = migrate(AFTER)
        new = executor.loader.project_state(AFTER).apps.get_model("tenants", "Company")
        assert new.objects.get(slug="old-one").reps_see_all_customers is True
        assert new.objects.create(slug="new-one", name="New").reps_see_all_customers is False
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
