"""Refresh timing, rotation and dead chains against the sandbox's movable clock (spec §1.4-§1.7)."""

import contextlib

import pytest

from exact_client.errors import AuthError, ServerError, TokenChainDead, TransportError
from exact_client.tokens import (
    REFRESH_RETRY_WAITS,
    MemoryTokenStore,
    TokenManager,
    TokenPair,
)


@pytest.fixture
def waits() -> list[float]:
    return []


@pytest.fixture
def manager(token_store, oauth_app, sandbox_http, sandbox_clock, waits):
    def sleep(seconds: float) -> None:
        waits.append(seconds)
        sandbox_clock.advance(seconds)

    return TokenManager(token_store, oauth_app, sandbox_http, sandbox_clock.now, sleep)


def refreshes(sandbox_state):
    return sandbox_state.auth.tokens_refreshed


def test_before_570_seconds_the_token_is_used_as_is(
    manager, token_store, sandbox_clock, sandbox_state
):
    first = token_store.pair
    sandbox_clock.advance(569)
    assert manager.access_token() == first.access_token
    assert refreshes(sandbox_state) == 0 and token_store.saves == 0


@pytest.mark.parametrize("age", [570, 599])
def test_in_the_570_to_600_window_it_refreshes_and_saves_first(
    manager, token_store, sandbox_clock, sandbox_state, age
):
    first = token_store.pair
    sandbox_clock.advance(age)
    token = manager.access_token()
    assert token != first.access_token
    assert token_store.pair.access_token == token  # persisted before it was handed out
    assert token_store.pair.refresh_token != first.refresh_token
    assert token_store.pair.issued_at == sandbox_clock.now()
    assert refreshes(sandbox_state) == 1
    assert manager.access_token() == token  # the new pair is young again


def test_after_600_seconds_a_live_chain_still_refreshes(manager, token_store, sandbox_clock):
    first = token_store.pair
    sandbox_clock.advance(3 * 3600)
    assert manager.access_token() != first.access_token
    assert token_store.dead_reason is None


def test_rotation_chains_over_many_windows(manager, token_store, sandbox_clock, sandbox_state):
    tokens = set()
    for _ in range(4):
        sandbox_clock.advance(580)
        tokens.add(manager.access_token())
    assert len(tokens) == 4 and refreshes(sandbox_state) == 4


def test_a_pair_refreshed_by_another_process_meanwhile_is_reused(
    oauth_app, sandbox_http, sandbox_clock, sandbox_state, token_store
):
    class RacingStore(MemoryTokenStore):
        """While we wait for the lock, another process refreshes and saves."""

        @contextlib.contextmanager
        def lock(self):
            self.save(oauth_app.refresh(self.pair.refresh_token, sandbox_http, sandbox_clock.now))
            yield

    store = RacingStore(token_store.pair)
    sandbox_clock.advance(580)
    token = TokenManager(store, oauth_app, sandbox_http, sandbox_clock.now).access_token()
    assert token == store.pair.access_token
    assert refreshes(sandbox_state) == 1  # no second refresh that would kill the chain


def test_an_already_rotated_refresh_token_marks_the_chain_dead(
    manager, oauth_app, token_store, sandbox_http, sandbox_clock
):
    sandbox_clock.advance(580)
    oauth_app.refresh(
        token_store.pair.refresh_token, sandbox_http, sandbox_clock.now
    )  # lost update
    sandbox_clock.advance(580)
    with pytest.raises(TokenChainDead) as caught:
        manager.access_token()
    assert "Old refresh token used" in token_store.dead_reason
    assert not caught.value.retriable


def test_an_expired_refresh_token_marks_the_chain_dead(manager, token_store, sandbox_clock):
    sandbox_clock.advance(31 * 86400)
    with pytest.raises(TokenChainDead):
        manager.access_token()
    assert "expired" in token_store.dead_reason


# Lost answers that Exact never handled (5xx before rotation, an HTML page instead of JSON):
# the same refresh token works on the next try and the chain lives on.
@pytest.mark.parametrize("kind", ["500", "503", "html_maintenance"])
def test_a_lost_refresh_answer_is_retried_with_the_same_token_and_the_chain_lives(
    manager, token_store, sandbox_clock, sandbox_state, waits, kind
):
    first = token_store.pair
    sandbox_state.faults.add(kind, "oauth2/token")
    sandbox_clock.advance(580)

    token = manager.access_token()

    assert token != first.access_token and token_store.pair.access_token == token
    assert token_store.pair.refresh_token != first.refresh_token
    assert token_store.dead_reason is None
    assert waits == [REFRESH_RETRY_WAITS[0]]
    assert sandbox_state.auth.tokens_refreshed == 1


# Lost answers of a call Exact did handle (it rotated, then the answer broke or never came):
# the retry with the same token is refused as old, the same dead end as without a retry.
@pytest.mark.parametrize("kind", ["500_after_rotate", "timeout", "drop_after_commit",
                                  "appended_error"])  # fmt: skip
def test_a_lost_answer_after_rotation_ends_the_chain_when_exact_refuses_the_old_token(
    manager, token_store, sandbox_clock, sandbox_state, waits, kind
):
    sandbox_state.faults.add(kind, "oauth2/token")
    sandbox_clock.advance(580)

    with pytest.raises(TokenChainDead) as caught:
        manager.access_token()

    assert "Old refresh token used" in token_store.dead_reason
    assert not caught.value.retriable
    assert waits == [REFRESH_RETRY_WAITS[0]]


def test_when_every_try_is_lost_the_error_is_retriable_and_the_pair_stays(
    manager, token_store, sandbox_clock, sandbox_state, waits
):
    first = token_store.pair
    sandbox_state.faults.add("500", "oauth2/token", count=3)
    sandbox_clock.advance(580)

    with pytest.raises(ServerError) as caught:
        manager.access_token()

    assert caught.value.retriable
    assert waits == list(REFRESH_RETRY_WAITS)
    assert token_store.pair == first and token_store.dead_reason is None
    assert manager.access_token() != first.access_token  # later, the same token still works


def test_a_refresh_that_keeps_timing_out_raises_a_transport_error(
    manager, token_store, sandbox_clock, sandbox_state
):
    sandbox_state.faults.add("drop", "oauth2/token", count=3)
    sandbox_clock.advance(580)
    with pytest.raises(TransportError):
        manager.access_token()
    assert token_store.dead_reason is None


def test_no_stored_pair_means_not_authorized(oauth_app, sandbox_http, sandbox_clock):
    with pytest.raises(AuthError):
        TokenManager(MemoryTokenStore(), oauth_app, sandbox_http, sandbox_clock.now).access_token()


def test_a_too_early_refusal_keeps_the_chain_alive(
    oauth_app, sandbox_http, sandbox_clock, token_store
):
    # Our clock runs ahead of Exact's: we think 580 s passed, Exact counts 10.
    skewed = TokenManager(token_store, oauth_app, sandbox_http, lambda: sandbox_clock.now() + 570)
    sandbox_clock.advance(10)
    with pytest.raises(AuthError) as caught:
        skewed.access_token()
    assert caught.value.retriable
    assert token_store.dead_reason is None


def test_api_calls_refresh_at_570_seconds(client, token_store, sandbox_clock):
    first = token_store.pair
    sandbox_clock.advance(585)
    assert client.me()["UserName"] == "demo"
    assert token_store.pair.issued_at > first.issued_at


def test_a_401_on_a_young_token_does_not_refresh(make_client, sandbox_clock, sandbox_state):
    store = MemoryTokenStore(TokenPair("not-a-token", "not-a-refresh-token", sandbox_clock.now()))
    client = make_client(store=store)
    started = sandbox_clock.now()
    with pytest.raises(AuthError) as caught:
        client.me()
    assert not caught.value.retriable
    assert client.calls == 2  # one bounded retry after a short wait
    assert 0 < sandbox_clock.now() - started < 60
    assert refreshes(sandbox_state) == 0 and store.saves == 0


def test_the_new_pair_is_saved_before_any_call_uses_it(make_client, token_store, sandbox_clock):
    class FailingSave(MemoryTokenStore):
        def save(self, pair):
            raise RuntimeError("database down")

    client = make_client(store=FailingSave(token_store.pair))
    sandbox_clock.advance(580)
    with pytest.raises(RuntimeError):
        client.me()
    assert client.calls == 0


def test_a_401_that_stays_is_an_access_token_refusal_and_keeps_the_chain(
    client, token_store, sandbox_state
):
    from exact_client.errors import AccessTokenRefused

    sandbox_state.faults.add("401", "logistics/Items", count=2)
    with pytest.raises(AccessTokenRefused) as caught:
        next(client.items.list(select=["ID"], filter="Code eq 'A'"))
    assert isinstance(caught.value, AuthError) and not caught.value.retriable
    assert token_store.dead_reason is None  # the chain is not known to be dead
    assert next(client.items.list(select=["ID"], filter="Code eq 'A'")) is not None
