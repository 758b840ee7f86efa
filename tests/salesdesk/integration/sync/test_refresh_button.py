"""The "Refresh from Exact Online" button of the item and customer pages, end to end:
the form the page renders must reach the refresh route and bring back Exact's value."""

from __future__ import annotations

import re
import uuid

import pytest

from exact_sandbox.clock import SandboxClock
from salesdesk.catalog.models import Item
from salesdesk.customers.models import Customer
from tests.salesdesk.factories import make_user
from tests.salesdesk.integration.sync.sync_support import change_rows, connected_company, run_sync

FORM = re.compile(
    r'<form method="post" action="(?P<action>[^"]+/exact/refresh/[^"]+)"[^>]*>.*?'
    r'name="next" value="(?P<next>[^"]*)"',
    re.S,
)


@pytest.fixture
def sandbox_clock() -> SandboxClock:
    return SandboxClock()  # real time: the views build their Exact client on the wall clock


def press_refresh(client, page_url: str):
    page = client.get(page_url)
    assert page.status_code == 200
    form = FORM.search(page.content.decode())
    assert form, "the page has no refresh button"
    return client.post(form["action"], {"next": form["next"]}, follow=True)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("entity", "table", "field", "model", "attribute", "page"),
    [
        ("items", "items", "Description", Item, "description", "items"),
        ("customers", "accounts", "Name", Customer, "name", "customers"),
    ],
)
def test_refresh_button_fetches_the_record_again(
    client,
    live_sandbox,
    sandbox_state,
    sandbox_clock,
    entity,
    table,
    field,
    model,
    attribute,
    page,
):
    company = connected_company(live_sandbox, sandbox_clock)
    other = connected_company(live_sandbox, sandbox_clock)
    user = make_user(company=company, password="pw-refresh-1")
    client.force_login(user)  # Client.login has no request for the login throttle (axes)
    run_sync(company, entity, sandbox_clock)
    run_sync(other, entity, sandbox_clock)
    [key] = change_rows(sandbox_state, table, 1, {field: "Fresh from Exact"})

    answer = press_refresh(client, f"/{company.slug}/{page}/{key}/")

    assert answer.status_code == 200
    assert answer.redirect_chain[-1][0] == f"/{company.slug}/{page}/{key}/"
    assert "Fresh from Exact" in answer.content.decode()
    record = model.objects.get(company=company, exact_id=uuid.UUID(key))
    assert getattr(record, attribute) == "Fresh from Exact"
    untouched = model.objects.get(company=other, exact_id=uuid.UUID(key))
    assert getattr(untouched, attribute) != "Fresh from Exact"
