"""Salesdesk's Exact credentials go only to Exact Online, the sandbox and operator-allowed hosts.

The root conftest allows loopback and http://sandbox.test for the other tests; these tests
take both away again to check the rule itself.
"""

import httpx
import pytest
from django.test import Client

from salesdesk.integration.connection.clients import (
    ConnectionNotReady,
    exact_client_for,
    oauth_app_for,
)
from salesdesk.integration.connection.exact_sites import site_allowed, site_origin
from salesdesk.integration.connection.site_check import site_problem
from salesdesk.integration.models import ExactConnection
from tests.salesdesk.factories import connect_company, fast_passwords, make_company, make_user  # noqa: F401
from tests.salesdesk.integration.connection.oauth_flow import callback, grant, install, start

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]
REFUSED = "is not an Exact Online site that Salesdesk may use"


@pytest.fixture
def strict(settings):
    settings.EXACT_EXTRA_HOSTS = []
    settings.EXACT_ALLOW_LOOPBACK = False
    settings.EXACT_SANDBOX_URL = "http://127.0.0.1:8001"
    return settings


@pytest.mark.parametrize(
    "url",
    [
        "https://start.exactonline.nl",
        "https://START.exactonline.be/",
        "https://start.exactonline.co.uk:443",
        "http://127.0.0.1:8001",
    ],
)
def test_the_country_sites_and_the_sandbox_are_allowed(strict, url):
    assert site_allowed(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://attacker.example",
        "https://start.exactonline.nl.attacker.example",
        "http://start.exactonline.nl",  # the right host without TLS
        "https://start.exactonline.nl:8443",
        "http://127.0.0.1:8002",
        "http://localhost:8001",
        "http://[::1]:8001",
        "http://10.0.0.5:6379",
        "not a url",
        "https://start.exactonline.nl:99999",
    ],
)
def test_other_addresses_are_refused(strict, url):
    assert not site_allowed(url)


def test_the_operator_allows_more_origins(strict):
    strict.EXACT_EXTRA_HOSTS = ["https://exact.intranet.example:8443/", "https://Mirror.example"]
    assert site_allowed("https://exact.intranet.example:8443")
    assert site_allowed("https://mirror.example:443/")
    assert not site_allowed("https://exact.intranet.example")  # another port, another origin


def test_the_demo_allows_loopback(strict):
    strict.EXACT_ALLOW_LOOPBACK = True
    for url in ("http://127.0.0.1:9123", "http://localhost:8001", "http://[::1]:8001"):
        assert site_allowed(url), url
    assert not site_allowed("http://192.168.1.1:8001")


def test_site_origin_normalises():
    assert site_origin("HTTPS://Start.ExactOnline.NL:443/") == "https://start.exactonline.nl"
    assert site_origin("http://[::1]:8001") == "http://[::1]:8001"
    assert site_origin("ftp://x.example") is None


def installation_post(client, company, other_address):
    return client.post(
        f"/{company.slug}/settings/installation",
        {
            "erp_type": "exact_online",
            "name": "A",
            "address": "other",
            "other_address": other_address,
        },
    )


def test_save_refuses_a_tenants_own_host_and_keeps_what_was_stored(strict):
    company = make_company()
    client = Client()
    client.force_login(make_user(company=company))
    installation_post(client, company, "https://start.exactonline.nl")

    response = installation_post(client, company, "https://exact.attacker.example/")

    assert response.status_code == 200
    errors = response.content.decode().split('id="id_other_address_errors"', 1)[1]
    assert REFUSED in errors.split("</ul>", 1)[0]
    assert ExactConnection.objects.get(company=company).base_url == "https://start.exactonline.nl"


def test_save_accepts_an_origin_the_operator_allows(strict):
    strict.EXACT_EXTRA_HOSTS = ["https://exact.intranet.example"]
    company = make_company()
    client = Client()
    client.force_login(make_user(company=company))
    assert installation_post(client, company, "https://exact.intranet.example/").status_code == 302
    assert ExactConnection.objects.get(company=company).base_url == "https://exact.intranet.example"


def test_a_stored_address_from_before_the_rule_gets_no_token_request(live_sandbox, settings):
    """Authorize, then the rule arrives: the callback must not send the code and the secret."""
    company = make_company()
    client = Client()
    client.force_login(make_user(company=company))
    install(company, live_sandbox)
    query = start(client, company)
    code = grant(live_sandbox, query)
    settings.EXACT_ALLOW_LOOPBACK = False

    response = callback(client, code=code, state=query["state"])

    page = client.get(response["Location"]).content.decode()
    assert REFUSED in page
    assert ExactConnection.objects.get(company=company).state == "not_connected"
    # The code was never sent: it can still be exchanged once the host is allowed again.
    settings.EXACT_ALLOW_LOOPBACK = True
    with httpx.Client(base_url=live_sandbox.url, timeout=10) as http:
        assert oauth_app_for(live_sandbox.url).exchange_code(code, http, lambda: 0.0)


def test_a_connected_company_on_a_refused_host_does_not_refresh(live_sandbox, settings):
    company = make_company()
    connect_company(company=company, sandbox=live_sandbox)
    settings.EXACT_ALLOW_LOOPBACK = False
    with pytest.raises(ConnectionNotReady, match=REFUSED):
        exact_client_for(company=company)
    # and Authorize refuses before contacting the host
    with httpx.Client(transport=httpx.MockTransport(pytest.fail)) as http:
        assert REFUSED in site_problem(live_sandbox.url, http)


@pytest.mark.parametrize(
    "failure", [httpx.ConnectError("refused"), httpx.ConnectTimeout("timed out")]
)
def test_a_closed_port_and_a_filtered_port_read_the_same(failure):
    def fail(request):
        raise failure

    with httpx.Client(transport=httpx.MockTransport(fail)) as http:
        problem = site_problem("https://start.exactonline.nl", http)
    assert problem == (
        "Salesdesk could not reach https://start.exactonline.nl/. Try again later. "
        "Check the Address on the Installation tab."
    )
