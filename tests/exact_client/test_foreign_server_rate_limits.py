"""Rate-limit headers and 429s as a foreign Exact may send them (spec §2.2-§2.3)."""

import httpx
import pytest

from exact_client.errors import DailyLimitExhausted, RateLimited
from exact_client.rate_gate import RateGate, gate_key
from tests.exact_client.foreign_server import NOW, Script, first_page, json_answer

KEY = gate_key("https://start.exactonline.nl", 100001)
ROWS = {"d": [{"Code": "A1"}]}


def record(**headers):
    gate = RateGate()
    return gate, gate.record(KEY, headers)


def test_reset_in_epoch_seconds_is_recognised_and_junk_is_unknown():
    _, budget = record(**{"X-RateLimit-Minutely-Reset": str(int(NOW) + 30)})
    assert budget.minute_reset == NOW + 30
    _, budget = record(**{"X-RateLimit-Minutely-Reset": "60", "X-RateLimit-Reset": "soon"})
    assert budget.minute_reset is None and budget.day_reset is None


def test_float_and_duplicated_header_values_are_read():
    _, budget = record(
        **{
            "X-RateLimit-Minutely-Remaining": "59, 59",
            "X-RateLimit-Remaining": "4999.0",
            "X-RateLimit-Reset": "1800000060000.0",
        }
    )
    assert (budget.minute_remaining, budget.day_remaining) == (59, 4999)
    assert budget.day_reset == NOW + 60


def test_a_spent_minute_with_an_absurd_reset_hands_back_instead_of_sleeping_for_ever():
    reset_micro = str(int((NOW + 30) * 1_000_000))  # microseconds, not milliseconds
    gate, _ = record(
        **{"X-RateLimit-Minutely-Remaining": "0", "X-RateLimit-Minutely-Reset": reset_micro}
    )
    with pytest.raises(RateLimited) as caught:
        gate.delay_before(KEY, NOW)
    assert caught.value.retriable and caught.value.scope == "minute"


def test_a_negative_retry_after_never_makes_a_negative_or_zero_wait():
    gate = RateGate()
    assert gate.delay_after_429(KEY, {"Retry-After": "-30"}, NOW, 0) == pytest.approx(1.0)


def test_429s_without_body_or_headers_are_waited_out_boundedly_then_rate_limited():
    script = Script(httpx.Response(429))
    with pytest.raises(RateLimited) as caught:
        first_page(script.client())
    assert caught.value.retriable and caught.value.reset_at > NOW
    assert len(script.seen) == 4  # the call and three waits, never a hot loop
    assert len(script.sleeps) == 3 and all(wait >= 5 for wait in script.sleeps)


def test_a_429_with_only_the_daily_headers_stops_for_the_day():
    day = {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(int((NOW + 3600) * 1000))}
    script = Script(httpx.Response(429, content=b"", headers=day))
    with pytest.raises(DailyLimitExhausted) as caught:
        first_page(script.client())
    assert caught.value.reset_at == NOW + 3600 and len(script.seen) == 1


def test_a_429_with_a_body_and_the_minute_reset_in_seconds_waits_for_that_reset():
    headers = {
        "X-RateLimit-Minutely-Remaining": "0",
        "X-RateLimit-Minutely-Reset": str(int(NOW) + 20),
    }
    script = Script(
        json_answer({"error": {"message": {"value": "Too many"}}}, 429, headers),
        json_answer(ROWS, headers={"X-RateLimit-Minutely-Remaining": "59"}),
    )
    assert first_page(script.client()).rows == ROWS["d"]
    assert script.sleeps == [pytest.approx(21.0)]


def test_partial_headers_never_block_calls():
    script = Script(json_answer(ROWS, headers={"X-RateLimit-Minutely-Remaining": "0"}))
    client = script.client()
    first_page(client)
    first_page(client)  # remaining 0 without a reset: unknown window, so no wait
    assert script.sleeps == [] and len(script.seen) == 2
