"""Exact's bad days with tokens (issue 18, §3), against a live sandbox on its own clock:
a 401 for a while after a refresh is waited out; one that stays asks for a new consent with
one message on the Connector tab, the run and the admins' e-mail; a token endpoint that
fails for a while keeps the refresh chain and never says "re-authorize"."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django.utils.html import escape

from salesdesk.integration.connection.token_health import token_health
from salesdesk.integration.models import ExactConnection, SyncRun
from salesdesk.integration.sync import runs
from salesdesk.integration.sync.services import sync_execute
from tests.salesdesk.factories import make_user
from tests.salesdesk.integration.sync.sync_support import connected_company, run_sync

pytestmark = pytest.mark.django_db(transaction=True)
FEED = "sync/CRM/Accounts"  # what a customers run reads


@pytest.fixture(autouse=True)
def _mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def connection_of(company) -> ExactConnection:
    return ExactConnection.objects.get(company=company)


def test_a_401_for_a_while_after_a_refresh_is_waited_out(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = connected_company(live_sandbox, sandbox_clock)
    other = connected_company(live_sandbox, sandbox_clock)
    sandbox_state.faults.add("401", FEED, count=4)  # two attempts, each with its one retry
    started = sandbox_clock.now()

    run = run_sync(company, "customers", sandbox_clock)

    assert run.status == SyncRun.Status.SUCCEEDED, run.error
    assert 20 <= sandbox_clock.now() - started < 300
    assert connection_of(company).state == ExactConnection.State.CONNECTED
    assert connection_of(other).state == ExactConnection.State.CONNECTED
    assert not mail.outbox


def test_a_401_that_stays_asks_for_a_new_consent_in_one_message(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = connected_company(live_sandbox, sandbox_clock)
    other = connected_company(live_sandbox, sandbox_clock)
    sandbox_state.faults.add("401", FEED, count=100_000, division=100001)
    started = sandbox_clock.now()

    run = run_sync(company, "customers", sandbox_clock)

    assert run.status == SyncRun.Status.FAILED
    assert sandbox_clock.now() - started >= 300  # a few minutes of retries first
    connection = connection_of(company)
    assert connection.state == ExactConnection.State.NEEDS_REAUTH
    assert run.error == token_health(connection).summary  # the Connector tab's words
    assert run.error.startswith("Exact Online needs a new authorization: Exact Online refused")
    assert "Authorize Salesdesk" in run.error
    [message] = mail.outbox
    assert f"Reason: {run.error}\n" in message.body  # the e-mail's words
    admin = Client()
    admin.force_login(company.memberships.get().user)
    page = admin.get(f"/{company.slug}/settings/connector").content.decode()
    assert escape(run.error) in page
    assert connection_of(other).state == ExactConnection.State.CONNECTED
    later, _ = runs.sync_run_start(company=company, entity="items", trigger=SyncRun.Trigger.CLI)
    later = sync_execute(run=later, clock=sandbox_clock.now, sleep=sandbox_clock.advance)
    assert later.error == run.error  # later runs say the same


@pytest.mark.parametrize("kind", ["500", "html_maintenance", "drop"])
def test_a_token_endpoint_that_fails_for_a_while_keeps_the_chain(
    live_sandbox, sandbox_state, sandbox_clock, kind
):
    company = connected_company(live_sandbox, sandbox_clock)
    before = connection_of(company)
    sandbox_clock.advance(580)  # the access token is due for its refresh
    sandbox_state.faults.add(kind, "oauth2/token", count=4)  # every try of one attempt, and one

    run = run_sync(company, "customers", sandbox_clock)

    assert run.status == SyncRun.Status.SUCCEEDED, run.error
    after = connection_of(company)
    assert after.state == ExactConnection.State.CONNECTED and after.token_problem == ""
    assert after.refresh_token_encrypted != before.refresh_token_encrypted  # refreshed once
    assert token_health(after).status == "ok"


def test_a_token_endpoint_that_stays_down_fails_the_run_without_asking_to_reauthorize(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = connected_company(live_sandbox, sandbox_clock)
    make_user(company=company)
    before = connection_of(company)
    sandbox_clock.advance(580)
    sandbox_state.faults.add("500", "oauth2/token", count=100_000)

    run = run_sync(company, "customers", sandbox_clock)

    assert run.status == SyncRun.Status.FAILED
    assert "authoriz" not in run.error.lower()
    assert "Exact Online kept failing" in run.error
    after = connection_of(company)
    assert after.state == ExactConnection.State.CONNECTED
    assert after.refresh_token_encrypted == before.refresh_token_encrypted  # kept for later
    assert token_health(after).status == "ok"
    assert not mail.outbox
    sandbox_state.faults.clear()
    assert run_sync(company, "customers", sandbox_clock).status == SyncRun.Status.SUCCEEDED


def test_a_refresh_asked_too_early_is_retried_not_a_reauthorization(
    live_sandbox, sandbox_state, sandbox_clock
):
    from salesdesk.integration.connection.clients import exact_client_for

    company = connected_company(live_sandbox, sandbox_clock)
    sandbox_clock.advance(540)  # Exact counts 540 s since the issue ...
    ahead = lambda: sandbox_clock.now() + 40  # noqa: E731  ... our clock runs 40 s ahead
    client = exact_client_for(company=company, clock=ahead, sleep=sandbox_clock.advance)

    run = run_sync(company, "customers", sandbox_clock, client=client)

    assert run.status == SyncRun.Status.SUCCEEDED, run.error
    connection = connection_of(company)
    assert connection.state == ExactConnection.State.CONNECTED
    assert connection.token_issued_at >= sandbox_clock.now() - 60  # refreshed once allowed
    assert not mail.outbox
