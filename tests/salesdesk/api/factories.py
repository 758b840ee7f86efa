"""Reps with device tokens, and a client that calls the API with one."""

from __future__ import annotations

from django.test import Client

from salesdesk.api.tokens import rep_token_create
from salesdesk.tenants.models import Membership
from tests.salesdesk.factories import make_user


class ApiClient:
    """Django's test client with `Authorization: Bearer <token>` on every call."""

    def __init__(self, token: str) -> None:
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {token}"}

    def get(self, path: str, headers: dict | None = None, **params):
        return self.client.get(path, params, headers={**self.headers, **(headers or {})})

    def post(self, path: str, body: dict, headers: dict | None = None):
        return self.client.post(
            path, body, content_type="application/json", headers={**self.headers, **(headers or {})}
        )

    def delete(self, path: str):
        return self.client.delete(path, headers=self.headers)


def make_rep(*, company, device: str = "iPad", exact_user_id=None):
    """A sales rep of `company` with a live token: (user, token, ApiClient); linked to the
    Exact user `exact_user_id` (the account manager of their customers) when given."""
    user = make_user(company=company, role=Membership.Role.REP)
    if exact_user_id is not None:
        Membership.objects.filter(company=company, user=user).update(exact_user_id=exact_user_id)
    token, raw = rep_token_create(company=company, user=user, name=device)
    return user, token, ApiClient(raw)
