"""Every failed authorization says why on the Connector settings tab and changes nothing."""

import pytest
from django.test import Client, override_settings

from salesdesk.integration.models import ExactConnection
from tests.salesdesk.factories import connect_company, fast_passwords, make_company, make_user  # noqa: F401
from tests.salesdesk.integration.connection.oauth_flow import (
    callback,
    connector_page,
    deny,
    grant,
    install,
    start,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


@pytest.fixture
def connected(live_sandbox):
    """A company with a working connection to 100001, an admin's client, and a second company."""
    company = make_company()
    connect_company(company=company, sandbox=live_sandbox)
    other = make_company()
    connect_company(company=other, sandbox=live_sandbox, division=100003)
    client = Client()
    client.force_login(make_user(company=company))
    return company, client


def snapshot(company) -> tuple:
    row = ExactConnection.objects.get(company=company)
    return (row.state, row.division, row.refresh_token_encrypted, row.token_version)


def assert_refused(client, company, response, *phrases: str) -> None:
    assert response.status_code == 302
    assert response["Location"] == f"/{company.slug}/settings/connector"
    page = client.get(response["Location"]).content.decode()
    for phrase in phrases:
        assert phrase in page, page


def test_denied_consent(live_sandbox, connected):
    company, client = connected
    before = snapshot(company)
    answer = deny(live_sandbox, start(client, company))
    assert answer["error"] == "access_denied"

    response = callback(client, **answer)

    assert_refused(client, company, response, "consent was denied", "Nothing was changed")
    assert snapshot(company) == before


@pytest.mark.parametrize("state", ["", "forged-state"])
def test_missing_or_mismatched_state(live_sandbox, connected, state):
    company, client = connected
    before = snapshot(company)
    query = start(client, company)
    code = grant(live_sandbox, query)

    response = callback(client, code=code, state=state)

    assert_refused(client, company, response, "missing or wrong state")
    assert snapshot(company) == before


def test_a_callback_without_a_started_authorization(connected):
    _, client = connected
    response = callback(client, code="x", state="y")
    assert response.status_code == 400
    assert "did not start an authorization" in response.content.decode()


def test_a_replayed_callback(live_sandbox, connected):
    company, client = connected
    query = start(client, company)
    code = grant(live_sandbox, query)
    callback(client, code=code, state=query["state"])
    after_first = snapshot(company)

    response = callback(client, code=code, state=query["state"])

    assert_refused(client, company, response, "already used")
    assert snapshot(company) == after_first


def test_a_code_used_twice(live_sandbox, connected):
    company, client = connected
    query = start(client, company)
    code = grant(live_sandbox, query)
    callback(client, code=code, state=query["state"])
    after_first = snapshot(company)
    second = start(client, company)

    response = callback(client, code=code, state=second["state"])

    assert_refused(client, company, response, "did not accept the authorization code")
    assert snapshot(company) == after_first


def test_an_expired_code(live_sandbox, sandbox_clock, connected):
    company, client = connected
    before = snapshot(company)
    query = start(client, company)
    code = grant(live_sandbox, query)
    sandbox_clock.advance(240)  # codes live about 3 minutes (spec §1.3)

    response = callback(client, code=code, state=query["state"])

    assert_refused(client, company, response, "it expired")
    assert snapshot(company) == before


def test_a_token_endpoint_error(live_sandbox, sandbox_state, connected):
    company, client = connected
    before = snapshot(company)
    query = start(client, company)
    code = grant(live_sandbox, query)
    sandbox_state.faults.add("500", path="oauth2/token")

    response = callback(client, code=code, state=query["state"])

    assert_refused(client, company, response, "token service failed", "Try again")
    assert snapshot(company) == before


def test_a_name_that_matches_no_administration(live_sandbox, connected):
    company, client = connected
    before = snapshot(company)
    install(company, live_sandbox, name="Demo Wholesale B.V")
    query = start(client, company)

    response = callback(client, code=grant(live_sandbox, query), state=query["state"])

    assert_refused(
        client,
        company,
        response,
        "No administration is named exactly “Demo Wholesale B.V”",
        "“Demo Retail Nederland”",
        "Did you mean “Demo Wholesale B.V.”?",
    )
    assert snapshot(company) == before


def test_an_unreachable_host(connected, live_sandbox):
    company, client = connected
    before = snapshot(company)
    install(company, live_sandbox)
    ExactConnection.objects.filter(company=company).update(base_url="http://127.0.0.1:9")

    response = client.post(f"/{company.slug}/settings/connector/authorize")

    assert_refused(client, company, response, "could not reach http://127.0.0.1:9/")
    assert snapshot(company) == before


def test_a_host_that_does_not_know_the_app(connected, live_sandbox):
    company, client = connected
    with override_settings(EXACT_CLIENT_ID="00000000-0000-0000-0000-00000000dead"):
        response = client.post(f"/{company.slug}/settings/connector/authorize")
    assert_refused(client, company, response, "app is not registered on")


def test_authorize_needs_the_installation_settings(live_sandbox):
    company = make_company()
    client = Client()
    client.force_login(make_user(company=company))
    response = client.post(f"/{company.slug}/settings/connector/authorize")
    assert_refused(client, company, response, "First fill in and save Name and Address")
    assert "Not connected" in connector_page(client, company)
