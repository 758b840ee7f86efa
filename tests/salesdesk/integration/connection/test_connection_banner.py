import pytest
from django.template import RequestContext, Template
from django.test import Client, RequestFactory

from exact_client.tokens import TokenPair
from salesdesk.integration.connection.token_store import DatabaseTokenStore
from salesdesk.integration.models import ExactConnection
from salesdesk.tenants.models import Membership
from tests.salesdesk.factories import (  # noqa: F401
    connect_company,
    fast_passwords,
    make_company,
    make_user,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]
PAGES = ["settings/installation", "settings/connector", "settings/users"]


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_dead_chain_shows_a_banner_to_the_companys_admins_only(live_sandbox):
    company, other = make_company(), make_company()
    connection = connect_company(company=company, sandbox=live_sandbox)
    connect_company(company=other, sandbox=live_sandbox, division=100002)
    admin = client_for(make_user(company=company))
    other_admin = client_for(make_user(company=other))
    DatabaseTokenStore(connection.pk).mark_dead("Old refresh token used.")

    for page in PAGES:
        html = admin.get(f"/{company.slug}/{page}").content.decode()
        assert 'id="reauth-banner"' in html and "needs re-authorization" in html
    assert (
        "Old refresh token used."
        in admin.get(f"/{company.slug}/settings/connector").content.decode()
    )
    assert (
        'id="reauth-banner"'
        not in other_admin.get(f"/{other.slug}/settings/connector").content.decode()
    )
    plain_user = make_user(company=company, role="user")
    assert 'id="reauth-banner"' not in banner_for(company, plain_user)
    assert 'id="reauth-banner"' in banner_for(company, make_user(company=company))


def banner_for(company, user) -> str:
    """The banner as any page of the shell renders it for this user."""
    request = RequestFactory().get("/")
    request.user, request.company = user, company
    request.membership = Membership.objects.get(company=company, user=user)
    template = Template("{% load exact_connection %}{% exact_reauth_banner %}")
    return template.render(RequestContext(request, {}))


def test_a_new_authorization_clears_the_banner(live_sandbox):
    company = make_company()
    connection = connect_company(company=company, sandbox=live_sandbox)
    DatabaseTokenStore(connection.pk).mark_dead("expired")
    connect_company(company=company, sandbox=live_sandbox)
    admin = client_for(make_user(company=company))
    html = admin.get(f"/{company.slug}/settings/connector").content.decode()
    assert 'id="reauth-banner"' not in html and "Connected" in html


def test_a_disconnected_connection_ignores_a_late_token_save(live_sandbox):
    company = make_company()
    connection = connect_company(company=company, sandbox=live_sandbox)
    admin = client_for(make_user(company=company))
    admin.post(f"/{company.slug}/settings/connector/disconnect")
    DatabaseTokenStore(connection.pk).save(TokenPair("a", "r", 1.0))  # a refresh in flight
    row = ExactConnection.objects.get(pk=connection.pk)
    assert row.state == ExactConnection.State.NOT_CONNECTED and row.refresh_token_encrypted == ""
