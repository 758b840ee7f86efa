"""The gate against the sandbox's real limits: waits instead of 429s, no hot loops (spec §2)."""

from datetime import UTC, datetime

import pytest

from exact_client.errors import DailyLimitExhausted, RateLimited
from exact_client.rate_gate import RateGate
from exact_sandbox.config import SandboxConfig

DIVISION = 100001


@pytest.fixture
def sandbox_config():
    return SandboxConfig(items=30, customers=10, minutely_limit=5, daily_limit=40)


def read_price_lists(client, times):
    for _ in range(times):
        next(client.price_lists.list())


def test_waits_for_the_minute_reset_instead_of_meeting_a_429(client, sandbox_clock, sandbox_state):
    started = sandbox_clock.now()
    read_price_lists(client, 12)
    assert sandbox_state.stats.rate_limited[DIVISION] == 0
    assert client.calls == 12
    # 5 calls a minute: two waits, each up to the next clock minute (+ margin).
    assert 60 < sandbox_clock.now() - started < 3 * 60


def test_an_unexpected_429_is_waited_out_then_retried(client, sandbox_clock, sandbox_state):
    sandbox_state.faults.add("429", "sales/SalesPriceLists")
    started = sandbox_clock.now()
    page = next(client.price_lists.list())
    assert page.rows
    assert client.calls == 2
    assert sandbox_clock.now() - started >= 60 - started % 60  # slept to the minute's reset


def test_another_process_spending_the_minute_gives_a_429_that_is_waited_out(
    make_client, sandbox_clock, sandbox_state
):
    mine, other = make_client(gate=RateGate()), make_client(gate=RateGate())
    read_price_lists(mine, 1)
    read_price_lists(other, 4)  # the minute is now spent, but `mine` does not know it
    read_price_lists(mine, 1)
    assert sandbox_state.stats.rate_limited[DIVISION] == 1
    assert mine.calls == 3


def test_persistent_429s_stop_after_bounded_waits(client, sandbox_clock, sandbox_state):
    sandbox_state.faults.add("429", "sales/SalesPriceLists", count=50)
    with pytest.raises(RateLimited) as caught:
        next(client.price_lists.list())
    assert client.calls == 4  # one call and three waits, never a hot loop
    assert caught.value.scope == "minute" and caught.value.retriable
    assert caught.value.reset_at > sandbox_clock.now()


def test_stops_with_a_clear_error_when_the_day_is_spent(client, sandbox_clock):
    with pytest.raises(DailyLimitExhausted) as caught:
        read_price_lists(client, 41)
    assert client.calls == 40  # the 41st call was never sent
    midnight = datetime.fromtimestamp(sandbox_clock.now(), UTC).replace(hour=0, minute=0, second=0)
    assert caught.value.reset_at == midnight.timestamp() + 86400
    assert "daily" in str(caught.value)
    assert not caught.value.retriable


def test_a_daily_429_from_elsewhere_stops_at_once(make_client, sandbox_state):
    other = make_client(gate=RateGate())
    with pytest.raises(DailyLimitExhausted):
        read_price_lists(other, 41)
    mine = make_client(gate=RateGate())
    with pytest.raises(DailyLimitExhausted):
        read_price_lists(mine, 1)
    assert mine.calls == 1


def test_current_me_is_not_gated(client):
    with pytest.raises(DailyLimitExhausted):
        read_price_lists(client, 41)
    assert client.me()["UserName"] == "demo"  # Me does not count toward the limits (§2.1)


def test_budgets_are_per_division(make_client):
    gate = RateGate()
    with pytest.raises(DailyLimitExhausted):
        read_price_lists(make_client(gate=gate), 41)
    other_division = make_client(division=100002, gate=gate)
    read_price_lists(other_division, 1)
    assert other_division.calls == 1
