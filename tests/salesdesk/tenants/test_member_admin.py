"""Administration > Users: off-boarding, roles, passwords; per-company login names."""

from __future__ import annotations

import pytest
from django.test import Client

from salesdesk.tenants.models import Membership
from tests.salesdesk.api.factories import ApiClient
from tests.salesdesk.factories import make_company, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def acme():
    acme, globex = make_company(slug="acme"), make_company(slug="globex")
    admin = make_user(company=acme, username="alice")
    rep = make_user(company=acme, username="rob", role="rep", password="rob-secret-12")
    make_user(company=globex, username="gina")
    client = Client()
    client.force_login(admin)
    return acme, globex, client, Membership.objects.get(user=rep)


def member_url(member, action):
    return f"/acme/settings/users/{member.pk}/{action}"


def test_the_list_shows_only_this_companys_users(acme):
    _, _, client, _ = acme
    page = client.get("/acme/settings/users").content.decode()
    assert "rob" in page and "alice" in page
    assert "gina" not in page


def test_deactivating_stops_sessions_and_tokens_at_once_and_keeps_orders(acme):
    _, _, admin, rob = acme
    rob_browser = Client()
    rob_browser.post("/acme/login", {"identifier": "rob", "password": "rob-secret-12"})
    assert rob_browser.get("/acme/customers/").status_code == 200
    body = {"company": "acme", "email": "rob", "password": "rob-secret-12", "device": "iPad"}
    token = Client().post("/api/v1/auth/token", body, content_type="application/json").json()
    api = ApiClient(token["token"])
    assert api.get("/api/v1/me").status_code == 200

    response = admin.post(member_url(rob, "deactivate"), follow=True)
    assert "User rob was deactivated" in response.content.decode()
    assert rob_browser.get("/acme/customers/").status_code == 302  # to the login page
    assert api.get("/api/v1/me").status_code == 401
    login = Client().post("/acme/login", {"identifier": "rob", "password": "rob-secret-12"})
    assert login.status_code == 401
    assert Membership.objects.filter(pk=rob.pk).exists()  # the user and their orders stay

    admin.post(member_url(rob, "activate"))
    again = Client().post("/acme/login", {"identifier": "rob", "password": "rob-secret-12"})
    assert again.status_code == 302


def test_an_admin_cannot_deactivate_themselves(acme):
    _, _, admin, _ = acme
    me = Membership.objects.get(username="alice")
    response = admin.post(member_url(me, "deactivate"), follow=True)
    assert "You cannot deactivate yourself." in response.content.decode()
    assert Membership.objects.get(pk=me.pk).is_active


def test_roles_change_but_the_last_admin_stays(acme):
    _, _, admin, rob = acme
    admin.post(member_url(rob, "role"), {"role": "user"})
    assert Membership.objects.get(pk=rob.pk).role == "user"
    me = Membership.objects.get(username="alice")
    response = admin.post(member_url(me, "role"), {"role": "rep"}, follow=True)
    assert "at least one active administrator" in response.content.decode()
    assert Membership.objects.get(pk=me.pk).role == "admin"


def test_an_admin_sets_a_password_and_the_old_one_stops(acme):
    _, _, admin, rob = acme
    body = {"new_password1": "brand-new-pass-9", "new_password2": "brand-new-pass-9"}
    response = admin.post(member_url(rob, "password"), body, follow=True)
    assert "The password of rob was set." in response.content.decode()
    old = Client().post("/acme/login", {"identifier": "rob", "password": "rob-secret-12"})
    assert old.status_code == 401
    new = Client().post("/acme/login", {"identifier": "rob", "password": "brand-new-pass-9"})
    assert new.status_code == 302


def test_another_companys_user_is_out_of_reach(acme):
    _, globex, admin, _ = acme
    gina = Membership.objects.get(company=globex)
    for action in ("deactivate", "activate", "role"):
        assert admin.post(member_url(gina, action), {"role": "user"}).status_code == 404
    assert admin.get(member_url(gina, "password")).status_code == 404
    gina.refresh_from_db()
    assert gina.is_active and gina.role == "admin"


def test_plain_users_cannot_reach_the_actions(acme):
    _, _, _, rob = acme
    rob_browser = Client()
    rob_browser.force_login(rob.user)
    assert rob_browser.post(member_url(rob, "role"), {"role": "admin"}).status_code == 404
    assert Membership.objects.get(pk=rob.pk).role == "rep"


def test_actions_need_csrf(acme):
    _acme_company, _, _, rob = acme
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(Membership.objects.get(username="alice").user)
    assert strict.post(member_url(rob, "deactivate")).status_code == 403
    assert Membership.objects.get(pk=rob.pk).is_active


def test_a_user_changes_their_own_password(acme):
    _, _, _, _rob = acme
    browser = Client()
    browser.post("/acme/login", {"identifier": "rob", "password": "rob-secret-12"})
    wrong = browser.post(
        "/acme/account/password",
        {
            "old_password": "nope",
            "new_password1": "x-new-pass-42",
            "new_password2": "x-new-pass-42",
        },
    )
    assert "incorrect" in wrong.content.decode()
    body = {
        "old_password": "rob-secret-12",
        "new_password1": "x-new-pass-42",
        "new_password2": "x-new-pass-42",
    }
    done = browser.post("/acme/account/password", body, follow=True)
    assert "Your password was changed." in done.content.decode()
    assert browser.get("/acme/customers/").status_code == 200  # still logged in here
    login = Client().post("/acme/login", {"identifier": "rob", "password": "x-new-pass-42"})
    assert login.status_code == 302


def test_login_names_are_per_company(acme):
    _, globex, admin, _ = acme
    # globex has a gina; acme may have one too, and each logs in only at their company.
    body = {"username": "gina", "email": "gina@acme.test", "password": "acme-gina-pass-1"}
    assert admin.post("/acme/settings/users", {**body, "role": "user"}).status_code == 302
    ok = Client().post("/acme/login", {"identifier": "gina", "password": "acme-gina-pass-1"})
    assert ok.status_code == 302
    other = Client().post("/globex/login", {"identifier": "gina", "password": "acme-gina-pass-1"})
    assert other.status_code == 401
    again = admin.post("/acme/settings/users", {**body, "role": "user"}).content.decode()
    assert "This company has a user of this name" in again
    assert Membership.objects.filter(username="gina").count() == 2
    assert Membership.objects.get(company=globex).user.username == "gina"


def test_pages_and_the_api_name_a_user_by_their_login_name_here(acme):
    _, _, admin, _ = acme
    body = {"username": "gina", "email": "gina@acme.test", "password": "acme-gina-pass-1"}
    admin.post("/acme/settings/users", {**body, "role": "rep"})
    acme_gina = Membership.objects.get(company__slug="acme", username="gina")
    assert acme_gina.user.username != "gina"  # globex's gina has that internal key
    sign_in = {"company": "acme", "email": "gina", "password": "acme-gina-pass-1"}
    answer = Client().post("/api/v1/auth/token", sign_in, content_type="application/json")
    assert answer.json()["user"] == "gina"
    assert ApiClient(answer.json()["token"]).get("/api/v1/me").json()["user"] == "gina"
    tokens_page = admin.get("/acme/settings/api-tokens").content.decode()
    assert acme_gina.user.username not in tokens_page


def test_a_deactivated_member_gets_no_new_token_from_an_admin(acme):
    _, _, admin, rob = acme
    assert "rob (Sales rep)" in admin.get("/acme/settings/api-tokens").content.decode()
    admin.post(member_url(rob, "deactivate"))
    assert "rob (Sales rep)" not in admin.get("/acme/settings/api-tokens").content.decode()


def test_a_user_of_two_companies_keeps_the_other_one(acme):
    _, globex, admin, _ = acme
    shared = make_user(company=globex, username="sam", password="sam-secret-123")
    shared_here = Membership.objects.create(
        company=Membership.objects.get(username="alice").company, user=shared, role="user"
    )
    sam = Client()
    sam.force_login(shared)
    admin.post(member_url(shared_here, "deactivate"))
    assert sam.get("/acme/customers/").status_code == 404
    assert sam.get("/globex/customers/").status_code == 200
    body = {"new_password1": "takeover-pass-9", "new_password2": "takeover-pass-9"}
    refused = admin.post(member_url(shared_here, "password"), body, follow=True)
    assert "Only this user can change their password." in refused.content.decode()
    shared.refresh_from_db()
    assert shared.check_password("sam-secret-123")
