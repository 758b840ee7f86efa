"""Factories for Salesdesk's own models (not fixtures files)."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable

import httpx
import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings

from exact_sandbox.config import DEMO_DIVISIONS
from salesdesk.integration.connection.clients import oauth_app_for
from salesdesk.integration.connection.services import (
    Authorization,
    connection_authorize,
    installation_save,
)
from salesdesk.integration.models import ExactConnection
from salesdesk.tenants.models import Company, Membership
from tests.sandbox_fixtures import DEMO_REDIRECT_URI, authorize

_seq = itertools.count(1)


def make_company(
    *, slug: str | None = None, name: str | None = None, reps_see_all_customers: bool = False
) -> Company:
    n = next(_seq)
    slug = slug or f"company-{n}"
    return Company.objects.create(
        slug=slug, name=name or f"Company {n}", reps_see_all_customers=reps_see_all_customers
    )


def make_user(
    *,
    company: Company,
    role: str = Membership.Role.ADMIN,
    username: str | None = None,
    password: str = "correct-horse-battery",
):
    username = username or f"user{next(_seq)}"
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.com", password=password
    )
    Membership.objects.create(company=company, user=user, role=role)
    return user


def connect_company(
    *,
    company: Company,
    sandbox,
    division: int = 100001,
    clock: Callable[[], float] | None = None,
    rights: dict[str, bool] | None = None,
) -> ExactConnection:
    """Connect `company` to `division` of a live sandbox (`live_sandbox`: anything with `.url`).

    Runs the real code flow for the demo app and demo user over HTTP and stores the pair
    encrypted, state CONNECTED. Pass `clock=sandbox_clock.now` when the client under test
    runs on the sandbox clock, so the pair's issue time is on the same clock.
    """
    clock = clock or time.time
    name = DEMO_DIVISIONS.get(division, f"Division {division}")
    with httpx.Client(base_url=sandbox.url, timeout=10) as http:
        code = authorize(http, redirect_uri=DEMO_REDIRECT_URI, divisions=[division])
        with override_settings(EXACT_REDIRECT_URI=DEMO_REDIRECT_URI):
            pair = oauth_app_for(sandbox.url).exchange_code(code, http, clock)
    installation_save(
        company=company,
        erp_type=ExactConnection.ErpType.EXACT_ONLINE,
        name=name,
        base_url=sandbox.url,
    )
    authorization = Authorization(
        base_url=sandbox.url,
        division=division,
        division_name=name,
        exact_user_name="Demo User",
        exact_user_id=None,
        pair=pair,
        rights=rights if rights is not None else {},
    )
    return connection_authorize(company=company, authorization=authorization)


@pytest.fixture
def fast_passwords(settings):
    """Cheap password hashing for tests that create many users (import it into the module)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
