"""The callback answers at once; the consent is checked in the background (issue 18, §3).

Exact's side is a live sandbox: its budget is spent through planned 429 faults, and the
background check runs on the sandbox clock (`sleep` advances it), never on wall time.
"""

import threading
from collections.abc import Iterator
from datetime import timedelta

import httpx
import pytest
from django.test import Client

from exact_sandbox.app import make_app
from exact_sandbox.recording import RequestRecorder
from exact_sandbox.server import SandboxHTTPServer, ServerHandle
from salesdesk.integration.connection.authorization_checks import (
    CheckPostponed,
    authorization_check_run,
)
from salesdesk.integration.models import AuthorizationCheck, ExactConnection
from tests.salesdesk.factories import connect_company, fast_passwords, make_company, make_user  # noqa: F401
from tests.salesdesk.integration.connection.oauth_flow import (
    callback,
    connector_page,
    grant,
    install,
    start,
)
from tests.salesdesk.integration.sync.sync_support import DUMMY_TASKS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


@pytest.fixture
def recorder(sandbox_state) -> RequestRecorder:
    return RequestRecorder(make_app(sandbox_state))


@pytest.fixture
def live_sandbox(recorder) -> Iterator[ServerHandle]:
    """The live sandbox, recording every request it gets."""
    server = SandboxHTTPServer(("127.0.0.1", 0), recorder)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    host, port = server.server_address[:2]
    handle = ServerHandle(url=f"http://{host}:{port}", server=server, thread=thread)
    yield handle
    handle.stop()


@pytest.fixture
def deferred(settings):
    """Tasks are only recorded, as when the worker has not picked them up yet."""
    settings.TASKS = DUMMY_TASKS


def admin_of(company) -> Client:
    client = Client()
    client.force_login(make_user(company=company))
    return client


def spend_the_minute(state, count: int) -> None:
    """Exact answers the administrations lookup with 429 (a spent minute) `count` times."""
    state.faults.add("429", "system/Divisions", count=count)


def run_check(company, sandbox_clock):
    check = AuthorizationCheck.objects.select_related("company").get(company=company)
    with httpx.Client(timeout=10) as http:
        return authorization_check_run(
            check=check, http=http, clock=sandbox_clock.now, sleep=sandbox_clock.advance
        )


def test_the_callback_only_exchanges_the_code_while_the_budget_is_spent(
    live_sandbox, sandbox_state, recorder, deferred
):
    company, other = make_company(), make_company()
    install(company, live_sandbox)
    client = admin_of(company)
    query = start(client, company)
    code = grant(live_sandbox, query)
    sandbox_state.config.minutely_limit = 0  # every counted call of this minute: 429
    seen = len(recorder.requests)

    response = callback(client, code=code, state=query["state"])

    assert response.status_code == 302
    assert response["Location"].endswith("ExactOnlineCallback=True")
    # The token exchange is the only call to Exact on the request path.
    assert [r.path for r in recorder.requests[seen:]] == ["/api/oauth2/token"]
    check = AuthorizationCheck.objects.get(company=company)
    assert check.state == AuthorizationCheck.State.CHECKING and check.refresh_token_encrypted
    page = client.get(response["Location"]).content.decode()
    assert "checking…" in page and "Salesdesk is checking the administration" in page
    assert 'hx-trigger="every 2s"' in page
    assert not ExactConnection.objects.filter(company=company, state="connected").exists()
    assert "checking…" not in connector_page(admin_of(other), other)


def test_the_check_waits_out_the_minute_then_connects(
    live_sandbox, sandbox_state, sandbox_clock, recorder, deferred
):
    company = make_company()
    install(company, live_sandbox)
    client = admin_of(company)
    query = start(client, company)
    callback(client, code=grant(live_sandbox, query), state=query["state"])
    spend_the_minute(sandbox_state, count=2)
    before = sandbox_clock.now()

    connection = run_check(company, sandbox_clock)

    assert sandbox_clock.now() > before  # the waits were on Exact's clock
    assert connection.state == ExactConnection.State.CONNECTED
    assert (connection.division, connection.division_name) == (100001, "Demo Wholesale B.V.")
    assert connection.rights == dict.fromkeys(connection.rights, True)
    assert not AuthorizationCheck.objects.filter(company=company).exists()
    assert sandbox_state.errors.recorded() == 0  # the rights checklist made no error
    assert not [r for r in recorder.requests if r.method == "POST" and "api/v1" in r.path]
    assert any(r.path.endswith("/users/UserHasRights") for r in recorder.requests)
    poll = client.get(f"/{company.slug}/settings/connector/check")
    assert poll.status_code == 204 and poll["HX-Refresh"] == "true"
    assert "checking…" not in connector_page(client, company)


def test_a_budget_that_stays_spent_postpones_the_check_and_keeps_the_tokens(
    live_sandbox, sandbox_state, sandbox_clock, deferred
):
    company = make_company()
    install(company, live_sandbox)
    client = admin_of(company)
    query = start(client, company)
    callback(client, code=grant(live_sandbox, query), state=query["state"])
    spend_the_minute(sandbox_state, count=1000)

    with pytest.raises(CheckPostponed) as postponed:
        run_check(company, sandbox_clock)

    assert postponed.value.retry_at > sandbox_clock.now() - 120
    check = AuthorizationCheck.objects.get(company=company)
    assert check.state == AuthorizationCheck.State.CHECKING and check.refresh_token_encrypted
    poll = client.get(f"/{company.slug}/settings/connector/check")
    assert poll.status_code == 200 and "checking…" in poll.content.decode()
    assert "longer than usual" not in poll.content.decode()
    AuthorizationCheck.objects.filter(pk=check.pk).update(
        started_at=check.started_at - timedelta(minutes=3)
    )
    slow = client.get(f"/{company.slug}/settings/connector/check").content.decode()
    assert "longer than usual" in slow and "background worker" in slow


def test_a_consent_without_the_administration_keeps_the_working_connection(live_sandbox):
    company = make_company()
    connect_company(company=company, sandbox=live_sandbox, division=100001)
    before = ExactConnection.objects.values().get(company=company)
    client = admin_of(company)
    query = start(client, company)

    response = callback(
        client, code=grant(live_sandbox, query, divisions=[100003]), state=query["state"]
    )

    assert response["Location"] == f"/{company.slug}/settings/connector"
    page = client.get(response["Location"]).content.decode()
    assert "The consent left out “Demo Wholesale B.V.”" in page
    assert "“Demo Retail Nederland” only" in page
    assert "keeps its working connection to “Demo Wholesale B.V.” (division 100001)" in page
    assert "<strong>Connected</strong>" in page
    after = ExactConnection.objects.values().get(company=company)
    assert {k: v for k, v in after.items() if k != "updated_at"} == {
        k: v for k, v in before.items() if k != "updated_at"
    }
    check = AuthorizationCheck.objects.get(company=company)
    assert check.refresh_token_encrypted == ""  # the refused consent's tokens are gone
    start(client, company)  # a new attempt: the old refusal is no longer shown
    assert "The consent left out" not in connector_page(client, company)


def test_the_poll_is_for_admins_of_the_company_only(live_sandbox, deferred):
    company, other = make_company(), make_company()
    install(company, live_sandbox)
    client = admin_of(company)
    query = start(client, company)
    callback(client, code=grant(live_sandbox, query), state=query["state"])

    assert admin_of(other).get(f"/{company.slug}/settings/connector/check").status_code == 404
    user = Client()
    user.force_login(make_user(company=company, role="user"))
    assert user.get(f"/{company.slug}/settings/connector/check").status_code == 404
