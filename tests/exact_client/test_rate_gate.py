"""The gate's decisions from Exact's headers (spec §2.2-§2.3); end-to-end runs are in
test_rate_limits.py against the sandbox."""

import pytest

from exact_client.errors import DailyLimitExhausted, RateLimited
from exact_client.rate_gate import Budget, RateGate, gate_key

NOW = 1_800_000_000.0
KEY = gate_key("https://start.exactonline.nl/", 100001)


def headers(**values):
    names = {
        "minute_remaining": "X-RateLimit-Minutely-Remaining",
        "minute_reset": "X-RateLimit-Minutely-Reset",
        "day_remaining": "X-RateLimit-Remaining",
        "day_reset": "X-RateLimit-Reset",
    }
    return {names[k]: str(v) for k, v in values.items()}


def ms(seconds):
    return int(seconds * 1000)


def test_key_is_per_host_and_division():
    assert KEY == "https://start.exactonline.nl|100001"
    assert gate_key("https://start.exactonline.be", 100001) != KEY


def test_records_budget_from_headers_with_resets_in_milliseconds():
    gate = RateGate()
    budget = gate.record(
        KEY,
        headers(
            minute_remaining=59,
            minute_reset=ms(NOW + 30),
            day_remaining=4999,
            day_reset=ms(NOW + 3600),
        ),
    )
    assert budget == Budget(59, NOW + 30, 4999, NOW + 3600)


def test_missing_headers_are_unknown_not_zero():
    gate = RateGate()
    gate.record(KEY, headers(day_remaining=100, day_reset=ms(NOW + 3600)))
    gate.record(KEY, headers(minute_remaining=0, minute_reset=ms(NOW + 20)))
    budget = gate.budget(KEY)
    assert budget.day_remaining == 100  # a minute-only answer does not erase the day
    assert gate.delay_before(gate_key("https://start.exactonline.nl", 999), NOW) == 0


def test_waits_for_the_minute_reset_plus_margin_when_the_minute_is_spent():
    gate = RateGate(margin=0.5)
    gate.record(KEY, headers(minute_remaining=0, minute_reset=ms(NOW + 20)))
    assert gate.delay_before(KEY, NOW) == pytest.approx(20.5)
    assert gate.delay_before(KEY, NOW + 21) == 0  # the window has reset


def test_does_not_wait_while_calls_remain():
    gate = RateGate()
    gate.record(KEY, headers(minute_remaining=1, minute_reset=ms(NOW + 20)))
    assert gate.delay_before(KEY, NOW) == 0


def test_stops_with_daily_exhaustion_until_the_day_resets():
    gate = RateGate()
    gate.record(KEY, headers(day_remaining=0, day_reset=ms(NOW + 7200)))
    with pytest.raises(DailyLimitExhausted) as caught:
        gate.delay_before(KEY, NOW)
    assert caught.value.reset_at == NOW + 7200
    assert caught.value.scope == "day"
    assert not caught.value.retriable
    assert gate.delay_before(KEY, NOW + 7201) == 0


def test_429_waits_until_the_minute_reset_in_its_headers():
    gate = RateGate(margin=1.0)
    delay = gate.delay_after_429(
        KEY, headers(minute_remaining=0, minute_reset=ms(NOW + 12)), NOW, 0
    )
    assert delay == pytest.approx(13.0)


def test_429_without_headers_backs_off_boundedly_and_finally_gives_up():
    gate = RateGate(backoff=5, max_backoff=12, max_429_waits=3)
    delays = [gate.delay_after_429(KEY, {}, NOW, waits) for waits in range(3)]
    assert delays == [5, 10, 12]
    with pytest.raises(RateLimited) as caught:
        gate.delay_after_429(KEY, {}, NOW, 3)
    assert caught.value.retriable and caught.value.scope == "minute"
    assert caught.value.reset_at > NOW


def test_429_for_the_day_raises_daily_exhaustion():
    gate = RateGate()
    with pytest.raises(DailyLimitExhausted):
        gate.delay_after_429(KEY, headers(day_remaining=0, day_reset=ms(NOW + 60)), NOW, 0)


def test_storage_is_pluggable_so_processes_can_share_a_budget():
    class SharedStorage(dict):
        def put(self, key, budget):
            self[key] = budget

    shared = SharedStorage()
    RateGate(shared).record(KEY, headers(minute_remaining=0, minute_reset=ms(NOW + 5)))
    assert RateGate(shared, margin=0).delay_before(KEY, NOW) == pytest.approx(5)


def test_429_with_retry_after_waits_that_long_or_hands_a_long_wait_back():
    gate = RateGate(margin=0, max_wait=120)
    assert gate.delay_after_429(KEY, {"Retry-After": "30"}, NOW, 0) == 30
    with pytest.raises(RateLimited) as caught:
        gate.delay_after_429(KEY, {"Retry-After": "3600"}, NOW, 0)
    assert caught.value.reset_at == NOW + 3600
