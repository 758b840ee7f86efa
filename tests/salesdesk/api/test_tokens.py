"""Signing in from a device, revoking tokens, and confinement to the token's company."""

from __future__ import annotations

import pytest
from django.test import Client

from salesdesk.api.models import RepToken
from salesdesk.api.tokens import rep_token_revoke, token_hash
from salesdesk.tenants.models import Membership
from tests.salesdesk.api.factories import ApiClient, make_rep
from tests.salesdesk.factories import make_company, make_user

pytestmark = pytest.mark.django_db


def _sign_in(**body):
    return Client().post("/api/v1/auth/token", body, content_type="application/json")


def test_a_rep_signs_in_with_email_and_password_and_gets_a_token_for_the_device():
    company, other = make_company(), make_company()
    rep = make_user(company=company, role=Membership.Role.REP, password="s3cret-pass")
    answer = _sign_in(company=company.slug, email=rep.email, password="s3cret-pass", device="Anna")
    assert answer.status_code == 201
    raw = answer.json()["token"]
    stored = RepToken.objects.get(pk=answer.json()["token_id"])
    assert stored.token_hash == token_hash(raw) and raw not in stored.token_hash
    assert (stored.company, stored.user, stored.name) == (company, rep, "Anna")
    me = ApiClient(raw).get("/api/v1/me").json()
    assert me == {
        "user": rep.username,
        "email": rep.email,
        "company": company.slug,
        "company_name": company.name,
        "device": "Anna",
    }
    # The same user is not a member of the other company: no token there.
    refused = _sign_in(company=other.slug, email=rep.email, password="s3cret-pass")
    assert refused.status_code == 401


@pytest.mark.parametrize(
    "change", [{"password": "wrong"}, {"email": "nobody@example.com"}, {"company": "nope"}]
)
def test_a_wrong_password_email_or_company_gets_no_token(change):
    company = make_company()
    rep = make_user(company=company, role=Membership.Role.REP, password="s3cret-pass")
    body = {"company": company.slug, "email": rep.email, "password": "s3cret-pass"} | change
    answer = _sign_in(**body)
    assert answer.status_code == 401
    assert "token" not in answer.json()
    assert not RepToken.objects.exists()


def test_sign_in_is_throttled_after_repeated_failures():
    company = make_company()
    rep = make_user(company=company, role=Membership.Role.REP, password="s3cret-pass")
    for _ in range(5):
        _sign_in(company=company.slug, email=rep.email, password="wrong")
    answer = _sign_in(company=company.slug, email=rep.email, password="s3cret-pass")
    assert answer.status_code == 401
    assert "Too many" in answer.json()["detail"]


def test_a_revoked_token_is_refused_at_once():
    company = make_company()
    _, token, api = make_rep(company=company)
    assert api.get("/api/v1/me").status_code == 200
    assert rep_token_revoke(company=company, token_id=token.pk)
    assert api.get("/api/v1/me").status_code == 401
    assert api.get("/api/v1/items").status_code == 401


def test_signing_out_revokes_only_this_devices_token():
    company = make_company()
    user, _, phone = make_rep(company=company, device="phone")
    from salesdesk.api.tokens import rep_token_create

    _, raw = rep_token_create(company=company, user=user, name="tablet")
    tablet = ApiClient(raw)
    assert phone.delete("/api/v1/auth/token").status_code == 204
    assert phone.get("/api/v1/me").status_code == 401
    assert tablet.get("/api/v1/me").status_code == 200


def test_a_token_stops_working_when_the_user_leaves_the_company_or_is_deactivated():
    company = make_company()
    user, _, api = make_rep(company=company)
    user.is_active = False
    user.save()
    assert api.get("/api/v1/me").status_code == 401
    user.is_active = True
    user.save()
    assert api.get("/api/v1/me").status_code == 200
    Membership.objects.filter(user=user, company=company).delete()
    assert api.get("/api/v1/me").status_code == 401


def test_another_companys_admin_cannot_revoke_the_token():
    company, other = make_company(), make_company()
    _, token, api = make_rep(company=company)
    assert not rep_token_revoke(company=other, token_id=token.pk)
    assert api.get("/api/v1/me").status_code == 200


@pytest.mark.parametrize("header", ["", "Bearer ", "Bearer nonsense", "Basic abc", "Bearer sdr_x"])
def test_calls_without_a_valid_token_are_refused(header):
    answer = Client().get("/api/v1/items", headers={"Authorization": header} if header else {})
    assert answer.status_code == 401


def test_a_body_that_is_not_json_is_the_documented_422():
    answer = Client().post("/api/v1/auth/token", b"\x00", content_type="application/json")
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body"]
