"""The login throttle (django-axes): per member and address, shared by the login page and
the API's sign-in, atomic under parallel guesses."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.test import Client

from tests.salesdesk.factories import make_company, make_user

TOO_MANY = "Too many failed logins. Wait 15 minutes and try again."


@pytest.fixture
def two_companies(db):
    acme, globex = make_company(slug="acme"), make_company(slug="globex")
    make_user(company=acme, username="alice", password="alice-secret-1")
    make_user(company=acme, username="bert", password="bert-secret-1")
    return acme, globex


def login(identifier, password, *, slug="acme", address="10.0.0.1", **headers):
    client = Client(REMOTE_ADDR=address, headers=headers)
    return client.post(f"/{slug}/login", {"identifier": identifier, "password": password})


def sign_in(email, password, *, slug="acme", address="10.0.0.1"):
    body = {"company": slug, "email": email, "password": password, "device": "iPad"}
    return Client(REMOTE_ADDR=address).post(
        "/api/v1/auth/token", json.dumps(body), content_type="application/json"
    )


def test_five_failures_lock_the_member_with_the_kept_message(two_companies):
    for _ in range(5):
        assert login("alice", "wrong").status_code == 401
    locked = login("alice", "alice-secret-1")
    assert locked.status_code == 401
    assert TOO_MANY in locked.content.decode()


def test_username_and_email_are_one_identity(two_companies):
    for identifier in ["alice", "ALICE@example.com", "alice", "alice@example.com", "alice"]:
        login(identifier, "wrong")
    assert TOO_MANY in login("alice@example.com", "alice-secret-1").content.decode()


def test_the_lock_is_per_member_and_address(two_companies):
    _acme, globex = two_companies
    make_user(company=globex, username="alice-g", password="gina-secret-1")
    for _ in range(6):
        login("alice", "wrong")
    assert login("alice", "alice-secret-1", address="10.0.0.2").status_code == 302
    assert login("bert", "bert-secret-1").status_code == 302  # same address, other member
    assert login("alice-g", "gina-secret-1", slug="globex").status_code == 302


def test_another_companys_failures_do_not_lock_a_same_named_member(two_companies):
    _, globex = two_companies
    # Login names are per company: globex has its own alice.
    make_user(company=globex, username="alice-globex", password="globex-secret-1")
    from salesdesk.tenants.models import Membership

    Membership.objects.filter(company=globex).update(username="alice")
    for _ in range(6):
        login("alice", "wrong", slug="globex")
    assert login("alice", "alice-secret-1").status_code == 302


def test_the_api_sign_in_shares_the_count_and_its_message(two_companies):
    for _ in range(3):
        login("alice", "wrong")
    for _ in range(2):
        assert sign_in("alice@example.com", "wrong").status_code == 401
    refused = sign_in("alice@example.com", "alice-secret-1")
    assert refused.status_code == 401
    assert refused.json()["detail"] == "Too many failed sign-ins. Wait 15 minutes and try again."
    assert TOO_MANY in login("alice", "alice-secret-1").content.decode()


def test_a_successful_api_sign_in_clears_the_failures(two_companies):
    for _ in range(4):
        sign_in("alice", "wrong")
    assert sign_in("alice", "alice-secret-1").status_code == 201
    for _ in range(4):
        sign_in("alice", "wrong")
    assert sign_in("alice", "alice-secret-1").status_code == 201


def test_a_forged_forwarded_for_is_ignored_without_named_proxies(two_companies):
    for n in range(6):
        login("alice", "wrong", **{"X-Forwarded-For": f"192.0.2.{n}"})
    assert TOO_MANY in login("alice", "alice-secret-1").content.decode()


def test_behind_a_named_proxy_each_client_address_counts_apart(two_companies, settings):
    settings.AXES_IPWARE_PROXY_COUNT = 1
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    for _ in range(6):
        login("alice", "wrong", address="10.9.9.9", **{"X-Forwarded-For": "198.51.100.7, 10.9.9.9"})
    other = login(
        "alice",
        "alice-secret-1",
        address="10.9.9.9",
        **{"X-Forwarded-For": "203.0.113.5, 10.9.9.9"},
    )
    assert other.status_code == 302
    same = login(
        "alice",
        "alice-secret-1",
        address="10.9.9.9",
        **{"X-Forwarded-For": "198.51.100.7, 10.9.9.9"},
    )
    assert TOO_MANY in same.content.decode()


@pytest.mark.parametrize(
    ("env", "count", "headers"),
    [
        ({}, None, ["REMOTE_ADDR"]),
        ({"SALESDESK_PROXY_COUNT": "2"}, 2, ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]),
        (
            {"SALESDESK_TRUSTED_PROXIES": "10.1.,10.2.0.1"},
            None,
            ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"],
        ),
    ],
)
def test_the_proxies_come_from_the_environment(env, count, headers, tmp_path):
    code = (
        "import json; from django.conf import settings as s; print(json.dumps("
        "[s.AXES_IPWARE_PROXY_COUNT, list(s.AXES_IPWARE_META_PRECEDENCE_ORDER),"
        " s.AXES_IPWARE_PROXY_TRUSTED_IPS]))"
    )
    run_env = {"DJANGO_SETTINGS_MODULE": "salesdesk.settings", "SALESDESK_VAR_DIR": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", code], env={**run_env, **env}, capture_output=True, check=True
    )
    got_count, got_headers, trusted = json.loads(out.stdout)
    assert (got_count, got_headers) == (count, headers)
    if "SALESDESK_TRUSTED_PROXIES" in env:
        assert trusted == ["10.1.", "10.2.0.1"]


def test_sixty_parallel_wrong_passwords_are_not_all_checked(tmp_path):
    # A file database, as in production: the test run's in-memory SQLite refuses concurrent
    # writers at once instead of letting them wait.
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "salesdesk.settings",
        "SALESDESK_VAR_DIR": str(tmp_path),
    }
    out = subprocess.run(
        [sys.executable, "-m", "tests.salesdesk.tenants.parallel_guesses"],
        env=env,
        capture_output=True,
        check=True,
        timeout=300,
    )
    result = json.loads(out.stdout.decode().strip().splitlines()[-1])
    assert result["answers"] == {"401": 60}
    assert result["checked"] == 5
    assert result["other_company_login"] == 302


def test_stored_attempts_keep_no_password_token_or_typed_name(two_companies):
    from axes.models import AccessAttempt

    client = Client(REMOTE_ADDR="10.0.0.1")
    client.post("/acme/login", {"identifier": "alice", "password": "hunter-2-secret"})
    (attempt,) = AccessAttempt.objects.all()
    assert attempt.username == "acme/alice" and attempt.failures_since_start == 1
    assert "hunter-2-secret" not in attempt.post_data and "alice" not in attempt.post_data
    assert "identifier=****" in attempt.post_data
