import threading
import time

import httpx
import pytest
from django.db import connections

from exact_client.errors import TokenChainDead
from exact_client.tokens import TokenPair
from salesdesk.integration.connection.clients import ConnectionNotReady, exact_client_for
from salesdesk.integration.connection.crypto import token_decrypt
from salesdesk.integration.connection.token_store import DatabaseTokenStore, TokenLockTimeout
from salesdesk.integration.models import ExactConnection
from tests.salesdesk.factories import connect_company, make_company


@pytest.mark.django_db
def test_tokens_are_encrypted_at_rest_and_loaded_back(live_sandbox, sandbox_clock):
    company = make_company()
    other = make_company()
    connection = connect_company(company=company, sandbox=live_sandbox, clock=sandbox_clock.now)
    connect_company(company=other, sandbox=live_sandbox, division=100003, clock=sandbox_clock.now)

    pair = DatabaseTokenStore(connection.pk).load()
    assert pair is not None and pair.issued_at == sandbox_clock.now()
    assert pair.access_token not in connection.access_token_encrypted
    assert pair.refresh_token not in connection.refresh_token_encrypted
    assert token_decrypt(connection.refresh_token_encrypted) == pair.refresh_token
    other_pair = DatabaseTokenStore(other.exact.pk).load()
    assert other_pair.refresh_token != pair.refresh_token


@pytest.mark.django_db
def test_save_bumps_the_version_and_mark_dead_asks_for_reauthorization(live_sandbox):
    connection = connect_company(company=make_company(), sandbox=live_sandbox)
    store = DatabaseTokenStore(connection.pk)
    version = ExactConnection.objects.get(pk=connection.pk).token_version

    store.save(TokenPair("access-2", "refresh-2", 123.0))
    row = ExactConnection.objects.get(pk=connection.pk)
    assert row.token_version == version + 1
    assert store.load() == TokenPair("access-2", "refresh-2", 123.0)
    # A server whose tokens live shorter than Exact's 600 s: the lifetime is kept too.
    store.save(TokenPair("access-3", "refresh-3", 124.0, expires_in=300.0))
    assert store.load() == TokenPair("access-3", "refresh-3", 124.0, expires_in=300.0)

    store.mark_dead("Old refresh token used.")
    row.refresh_from_db()
    assert row.state == ExactConnection.State.NEEDS_REAUTH
    assert row.token_problem == "Old refresh token used."
    assert row.refresh_token_encrypted == ""
    assert store.load() is None


@pytest.mark.django_db
def test_the_lock_excludes_a_second_holder_until_released(live_sandbox):
    connection = connect_company(company=make_company(), sandbox=live_sandbox)
    first = DatabaseTokenStore(connection.pk)
    second = DatabaseTokenStore(connection.pk, wait_seconds=0.1)
    with (
        first.lock(),
        first.lock(),  # re-entrant for its holder
        pytest.raises(TokenLockTimeout, match="another process is refreshing"),
        second.lock(),
    ):
        pass
    with second.lock():
        assert ExactConnection.objects.get(pk=connection.pk).token_lock_until is not None
    assert ExactConnection.objects.get(pk=connection.pk).token_lock_until is None


@pytest.mark.django_db
def test_an_expired_lease_can_be_taken_over(live_sandbox):
    connection = connect_company(company=make_company(), sandbox=live_sandbox)
    ExactConnection.objects.filter(pk=connection.pk).update(
        token_lock_owner="crashed-worker", token_lock_until=time.time() - 1
    )
    with DatabaseTokenStore(connection.pk, wait_seconds=0.1).lock():
        pass


@pytest.mark.django_db(transaction=True)
def test_concurrent_clients_refresh_once(live_sandbox, sandbox_state, sandbox_clock):
    company = make_company()
    connect_company(company=company, sandbox=live_sandbox, clock=sandbox_clock.now)
    other = make_company()
    connect_company(company=other, sandbox=live_sandbox, division=100002, clock=sandbox_clock.now)
    sandbox_clock.advance(580)  # inside the 570-600 s refresh window
    refreshed_before = sandbox_state.auth.tokens_refreshed
    results: list[object] = []
    barrier = threading.Barrier(6)

    def want_a_token() -> None:
        try:
            with httpx.Client(timeout=30) as http:
                client = exact_client_for(company=company, http=http, clock=sandbox_clock.now)
                barrier.wait()
                results.append(client.me()["FullName"])
        except Exception as exc:  # collected and asserted below
            results.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=want_a_token) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert results == ["Demo User"] * 6
    assert sandbox_state.auth.tokens_refreshed - refreshed_before == 1
    assert ExactConnection.objects.get(company=company).state == ExactConnection.State.CONNECTED
    # The other company's chain was untouched.
    assert ExactConnection.objects.get(company=other).token_issued_at < sandbox_clock.now() - 570


@pytest.mark.django_db
def test_a_dead_chain_marks_the_connection_and_later_clients_refuse(live_sandbox, sandbox_clock):
    company = make_company()
    connect_company(company=company, sandbox=live_sandbox, clock=sandbox_clock.now)
    sandbox_clock.advance(31 * 24 * 3600)  # an unused refresh token expires after 30 days
    with httpx.Client(timeout=30) as http:
        client = exact_client_for(company=company, http=http, clock=sandbox_clock.now)
        with pytest.raises(TokenChainDead):
            client.me()
    connection = ExactConnection.objects.get(company=company)
    assert connection.state == ExactConnection.State.NEEDS_REAUTH
    assert "expired" in connection.token_problem
    with pytest.raises(ConnectionNotReady) as raised:
        exact_client_for(company=company)
    assert raised.value.needs_reauth


@pytest.mark.django_db
def test_exact_client_for_refuses_an_unconnected_company():
    with pytest.raises(ConnectionNotReady, match="not connected"):
        exact_client_for(company=make_company())
