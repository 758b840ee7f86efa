from exact_client.backoff import Backoff
from exact_client.requestor import RetryPolicy


def test_delays_double_from_the_base_up_to_the_cap():
    backoff = Backoff(base=30.0, cap=900.0)
    assert [backoff.delay(n) for n in range(1, 8)] == [30, 60, 120, 240, 480, 900, 900]


def test_failures_that_go_on_for_days_stay_at_the_cap():
    assert Backoff(base=30.0, cap=900.0).delay(10_000) == 900.0


def test_jitter_adds_at_most_its_own_amount():
    backoff = Backoff(base=2.0, cap=60.0, jitter=1.0)
    delays = [backoff.delay(3) for _ in range(200)]
    assert all(8.0 <= d <= 9.0 for d in delays) and len(set(delays)) > 1


def test_the_requestors_retry_policy_is_this_backoff_jittered_by_its_base():
    policy = RetryPolicy(base_delay=0.5, max_delay=1.0)
    assert all(0.5 <= policy.delay(1) <= 1.0 for _ in range(50))
    assert all(1.0 <= policy.delay(5) <= 1.5 for _ in range(50))
