"""Administration > API tokens: an admin sees, creates and revokes the company's tokens."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from salesdesk.api.models import RepToken
from salesdesk.tenants.models import Membership
from tests.salesdesk.api.factories import ApiClient, make_rep
from tests.salesdesk.factories import make_company, make_user

pytestmark = pytest.mark.django_db


def _admin_client(company) -> Client:
    client = Client()
    client.force_login(make_user(company=company, role=Membership.Role.ADMIN))
    return client


def test_the_page_lists_only_the_companys_tokens_and_revokes_one():
    company, other = make_company(), make_company()
    _, token, api = make_rep(company=company, device="Anna's iPad")
    _, foreign, outsider = make_rep(company=other, device="Elsewhere")
    client = _admin_client(company)
    page = client.get(f"/{company.slug}/settings/api-tokens")
    assert page.status_code == 200
    assert "Anna&#x27;s iPad" in page.content.decode() and "Elsewhere" not in page.content.decode()
    answer = client.post(f"/{company.slug}/settings/api-tokens/{token.pk}/revoke")
    assert answer.status_code == 302
    assert api.get("/api/v1/me").status_code == 401
    # Another company's token id through this company's URL: nothing happens.
    client.post(f"/{company.slug}/settings/api-tokens/{foreign.pk}/revoke")
    assert outsider.get("/api/v1/me").status_code == 200


def test_an_admin_creates_a_token_for_a_rep_shown_once():
    company = make_company()
    rep = make_user(company=company, role=Membership.Role.REP)
    client = _admin_client(company)
    page = client.post(
        f"/{company.slug}/settings/api-tokens", {"user": rep.pk, "name": "Van 3"}
    ).content.decode()
    raw = re.search(r'<code id="new-token">(sdr_[^<]+)</code>', page).group(1)
    assert RepToken.objects.get(company=company).name == "Van 3"
    assert ApiClient(raw).get("/api/v1/me").json()["user"] == rep.username
    assert raw not in client.get(f"/{company.slug}/settings/api-tokens").content.decode()


def test_only_admins_of_the_company_see_the_page():
    company, other = make_company(), make_company()
    rep_client = Client()
    rep_client.force_login(make_user(company=company, role=Membership.Role.REP))
    assert rep_client.get(f"/{company.slug}/settings/api-tokens").status_code == 404
    assert _admin_client(other).get(f"/{company.slug}/settings/api-tokens").status_code == 404
    anonymous = Client().get(f"/{company.slug}/settings/api-tokens")
    assert anonymous.status_code == 302
