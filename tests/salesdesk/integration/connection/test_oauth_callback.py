import pytest
from django.test import Client

from exact_sandbox.config import DEMO_CLIENT_ID
from salesdesk.integration.connection.crypto import token_decrypt
from salesdesk.integration.connection.rights_catalog import RIGHTS
from salesdesk.integration.models import ExactConnection
from tests.salesdesk.factories import fast_passwords, make_company, make_user  # noqa: F401
from tests.salesdesk.integration.connection.oauth_flow import (
    callback,
    connector_page,
    grant,
    install,
    start,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


@pytest.fixture
def admin_client():
    def login(company):
        client = Client()
        client.force_login(make_user(company=company))
        return client

    return login


def test_authorize_starts_the_code_flow_with_force_login_and_a_session_state(
    live_sandbox, admin_client
):
    company = make_company()
    install(company, live_sandbox)
    query = start(admin_client(company), company)
    assert query["force_login"] == "1"
    assert query["response_type"] == "code"
    assert query["client_id"] == DEMO_CLIENT_ID
    assert len(query["state"]) >= 32
    # Another session gets another state.
    assert start(admin_client(company), company)["state"] != query["state"]


def test_a_granted_consent_connects_the_named_administration(live_sandbox, admin_client):
    company, other = make_company(), make_company()
    install(company, live_sandbox, name="Demo Wholesale BV")
    client = admin_client(company)
    code = grant(live_sandbox, query := start(client, company))

    response = callback(client, code=code, state=query["state"])

    assert response.status_code == 302
    assert response["Location"].endswith("ExactOnlineCallback=True")
    connection = ExactConnection.objects.get(company=company)
    assert connection.state == ExactConnection.State.CONNECTED
    assert (connection.division, connection.division_name) == (100002, "Demo Wholesale BV")
    assert connection.exact_user_name == "Demo User (demo)"
    assert "Demo User" not in connection.refresh_token_encrypted
    assert token_decrypt(connection.refresh_token_encrypted)
    page = client.get(response["Location"]).content.decode()
    for text in ("Demo Wholesale BV", "100002", "Demo User (demo)", "Authorized on", "Healthy"):
        assert text in page
    assert page.count('class="ok"') == len(RIGHTS) == 12  # every right of the checklist works
    assert not ExactConnection.objects.filter(company=other).exists()
    other_client = admin_client(other)
    assert "Demo Wholesale BV" not in connector_page(other_client, other)
    assert other_client.get(f"/{company.slug}/settings/connector").status_code == 404


def test_a_withheld_scope_shows_as_missing(live_sandbox, sandbox_state, admin_client):
    sandbox_state.set_scopes(DEMO_CLIENT_ID, withheld=["Sales prices"], read_only=["Sales orders"])
    company = make_company()
    install(company, live_sandbox)
    client = admin_client(company)
    query = start(client, company)
    callback(client, code=grant(live_sandbox, query), state=query["state"])

    rights = ExactConnection.objects.get(company=company).rights
    assert rights == {
        "read_items": True,
        "read_customers": True,
        "read_prices": False,
        "write_sales_orders": False,
        # Issue 20's rights: reading shipping methods also needs "Sales orders" (read is kept).
        **dict.fromkeys(["write_quotations", "accept_quotations", "read_quotations"], True),
        **dict.fromkeys(["write_customers", "write_contacts", "write_addresses"], True),
        "read_shipping_methods": True,
        "read_payment_conditions": True,
    }
    page = connector_page(client, company)
    assert '<li class="missing">Read prices' in page
    assert '<li class="missing">Write sales orders' in page


def test_disconnect_removes_the_tokens(live_sandbox, admin_client):
    company = make_company()
    install(company, live_sandbox)
    client = admin_client(company)
    query = start(client, company)
    callback(client, code=grant(live_sandbox, query), state=query["state"])

    client.post(f"/{company.slug}/settings/connector/disconnect")

    connection = ExactConnection.objects.get(company=company)
    assert connection.state == ExactConnection.State.NOT_CONNECTED
    assert connection.access_token_encrypted == connection.refresh_token_encrypted == ""
    assert connection.name == "Demo Wholesale B.V."  # the Installation settings stay
    assert "Not connected" in connector_page(client, company)


def test_only_admins_of_the_company_reach_the_connector(live_sandbox, admin_client):
    company = make_company()
    user = Client()
    user.force_login(make_user(company=company, role="user"))
    assert user.get(f"/{company.slug}/settings/connector").status_code == 404
    assert user.post(f"/{company.slug}/settings/connector/authorize").status_code == 404
    assert Client().get(f"/{company.slug}/settings/connector").status_code == 302
