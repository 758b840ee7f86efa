"""A customers sync that sees another AccountManager on an account (crm/Accounts) moves the
customer: the old manager's rep is told to remove it, the new one's receives it."""

from __future__ import annotations

import uuid

import pytest

from salesdesk.api.feed import changes_page
from salesdesk.customers.models import Customer, ReachMove
from salesdesk.customers.reach import Reach
from salesdesk.integration.models import SyncRun
from tests.salesdesk.factories import make_company, make_user
from tests.salesdesk.integration.sync.sync_support import (
    change_rows,
    connected_company,
    division_of,
    run_sync,
)

pytestmark = pytest.mark.django_db(transaction=True)
NEW_MANAGER = uuid.UUID("00000000-0000-4000-8000-00000000c0de")


def test_a_changed_account_manager_in_exact_moves_the_customer(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = connected_company(live_sandbox, sandbox_clock)
    other = make_company(slug="other")
    assert run_sync(company, "customers", sandbox_clock).status == SyncRun.Status.SUCCEEDED
    accounts = division_of(sandbox_state).accounts
    key = accounts.keys[0]  # the account change_rows touches
    old = accounts.rows[key].get("AccountManager")
    assert old, "the sandbox's first account has an account manager"
    old = uuid.UUID(old)
    rep = make_user(company=company, role="rep", username="old-rep")
    before = Reach(rep_user_id=rep.pk, all_customers=False, account_manager=old)
    cursor = changes_page(company=company, reach=before, cursor=None, limit=5000).cursor

    change_rows(sandbox_state, "accounts", 1, {
        "AccountManager": str(NEW_MANAGER), "AccountManagerFullName": "Nina New",
    })  # fmt: skip
    assert run_sync(company, "customers", sandbox_clock).status == SyncRun.Status.SUCCEEDED

    customer = Customer.objects.get(company=company, exact_id=uuid.UUID(key))
    assert customer.account_manager_exact_id == NEW_MANAGER
    move = ReachMove.objects.get(company=company)
    assert (move.customer_id, move.from_manager_exact_id) == (customer.pk, old)
    page = changes_page(company=company, reach=before, cursor=cursor, limit=5000)
    assert [row["customer_id"] for row in page.changes["departures"]] == [customer.exact_id]
    newcomer = Reach(rep_user_id=rep.pk, all_customers=False, account_manager=NEW_MANAGER)
    got = changes_page(company=company, reach=newcomer, cursor=None, limit=5000)
    assert [row["id"] for row in got.changes["customers"]] == [customer.exact_id]
    assert not ReachMove.objects.filter(company=other).exists()
