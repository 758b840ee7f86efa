"""The rights checklist after authorizing, with issue 20's rights (quotations, new customers,
typed addresses, the order header's lists): each row as the sandbox grants or refuses it, for
two companies authorized under different scopes, and what the checklist costs of Exact's budget.
"""

import pytest
from django.test import Client

from exact_client import RateGate, gate_key
from exact_sandbox.config import DEMO_CLIENT_ID
from salesdesk.integration.connection.clients import exact_client_for
from salesdesk.integration.connection.rights import rights_check, rights_rows
from salesdesk.integration.connection.rights_catalog import RIGHTS
from salesdesk.integration.mapping import records
from salesdesk.integration.models import ExactConnection
from tests.salesdesk.factories import connect_company, fast_passwords, make_company, make_user  # noqa: F401
from tests.salesdesk.integration.connection.oauth_flow import (
    callback,
    connector_page,
    grant,
    install,
    start,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]
ISSUE_20 = {
    "write_quotations", "accept_quotations", "read_quotations", "write_customers",
    "write_contacts", "write_addresses", "read_shipping_methods", "read_payment_conditions",
}  # fmt: skip


def _authorized(sandbox, division: int, name: str) -> tuple[object, Client]:
    company = make_company()
    install(company, sandbox, name=name)
    client = Client()
    client.force_login(make_user(company=company))
    query = start(client, company)
    response = callback(client, code=grant(sandbox, query, [division]), state=query["state"])
    assert response.status_code == 302, response.content
    connection = ExactConnection.objects.get(company=company)
    assert (connection.state, connection.division) == ("connected", division)
    return company, client


def _row(page: str, label: str) -> str:
    start = page.index(f"{label}", page.index('id="rights"'))
    return page[page.rindex("<li", 0, start) : page.index("</li>", start)]


def test_each_new_right_is_granted_or_refused_per_company(live_sandbox, sandbox_state):
    granted, granted_browser = _authorized(live_sandbox, 100001, "Demo Wholesale B.V.")
    # The app registration changes before the second company authorizes: quotations and
    # payment conditions withheld, accounts (customers, contacts, addresses) read-only.
    sandbox_state.set_scopes(
        DEMO_CLIENT_ID, withheld=["Crm quotes", "Financial cashflow"], read_only=["Crm accounts"]
    )
    refused, refused_browser = _authorized(live_sandbox, 100003, "Demo Retail Nederland")

    assert ExactConnection.objects.get(company=granted).rights == dict.fromkeys(
        [right.key for right in RIGHTS], True
    )
    rights = ExactConnection.objects.get(company=refused).rights
    assert {key for key, ok in rights.items() if not ok} == ISSUE_20 - {"read_shipping_methods"}
    assert rights["read_customers"] and rights["read_shipping_methods"]
    page = connector_page(refused_browser, refused)
    expected = {
        "Write quotations": "Quotations cannot be sent.",
        "Accept quotations": "Quotations cannot be converted to orders.",
        "Read quotations": "are not followed from Exact Online",
        "Write customers": "New customers cannot be created in Exact Online.",
        "Write contact persons": "contact person cannot be sent",
        "Write addresses": "Typed delivery addresses cannot be sent.",
        "Read payment conditions": "Orders cannot name a payment condition",
    }
    for label, consequence in expected.items():
        row = _row(page, label)
        assert row.startswith('<li class="missing">'), row
        assert consequence in row.replace("&#x27;", "'")
    assert _row(page, "Read shipping methods").startswith('<li class="ok">')
    assert "Scope: Crm quotes." in _row(page, "Accept quotations")
    other = connector_page(granted_browser, granted)
    assert 'class="missing"' not in other and other.count('<li class="ok">') == len(RIGHTS)


def test_the_walkthroughs_four_rows_keep_their_labels_and_come_first():
    assert [right.label for right in RIGHTS[:4]] == [
        "Read items", "Read customers", "Read prices", "Write sales orders",
    ]  # fmt: skip


def test_the_checklist_spends_three_calls_of_the_minute(live_sandbox, sandbox_clock):
    """Twelve rights, three billed probes: the rest is asked through UserHasRights, which
    Exact does not bill (spec §5.2) and the sandbox does not count."""
    company = make_company()
    connect_company(company=company, sandbox=live_sandbox, clock=sandbox_clock.now)
    gate = RateGate()
    client = exact_client_for(
        company=company, clock=sandbox_clock.now, sleep=sandbox_clock.advance, gate=gate
    )

    def remaining_after_a_billed_call() -> int:
        next(iter(client.items.list(select=records.ID_ONLY, filter=records.NO_RECORD, top=1)))
        return gate.budget(gate_key(live_sandbox.url, 100001)).minute_remaining

    before, calls = remaining_after_a_billed_call(), client.calls
    rights = rights_check(client)
    after = remaining_after_a_billed_call()

    assert rights == dict.fromkeys(rights, True) and len(rights) == len(RIGHTS)
    assert client.calls - calls == len(RIGHTS) + 1
    assert before - after == 3 + 1


def test_an_app_that_may_not_ask_gets_unknown_rights_not_missing_ones(live_sandbox, sandbox_state):
    """Without "Organization administration" Exact refuses UserHasRights itself (and
    system/Divisions, so such an app cannot even connect): that says nothing about the
    rights asked, so they read "could not be checked", not "missing"."""
    company = make_company()
    connect_company(company=company, sandbox=live_sandbox)
    sandbox_state.set_scopes(DEMO_CLIENT_ID, withheld=["Organization administration"])

    rights = rights_check(exact_client_for(company=company))

    assert {key for key, ok in rights.items() if ok is None} == ISSUE_20 | {"write_sales_orders"}
    assert rights["read_items"] and rights["read_customers"] and rights["read_prices"]
    rows = {row["label"]: row["status"] for row in rights_rows(rights)}
    assert rows["Write quotations"] == rows["Write sales orders"] == "unknown"
    assert rows["Read items"] == "ok"


def test_a_connection_from_before_issue_20_shows_its_new_rights_as_not_checked():
    old = {"read_items": True, "read_customers": True, "read_prices": False,
           "write_sales_orders": True}  # fmt: skip
    rows = {row["label"]: row["status"] for row in rights_rows(old)}

    assert rows["Read prices"] == "missing" and rows["Write sales orders"] == "ok"
    assert {rows[right.label] for right in RIGHTS if right.key in ISSUE_20} == {"unchecked"}
