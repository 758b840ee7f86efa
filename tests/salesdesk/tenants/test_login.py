import pytest
from axes.models import AccessAttempt
from django.test import Client

from tests.salesdesk.factories import make_company, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_companies():
    acme, globex = make_company(slug="acme"), make_company(slug="globex")
    make_user(company=acme, username="alice", password="alice-secret-1")
    make_user(company=globex, username="gina", password="gina-secret-1")
    return acme, globex


def login(client, slug, identifier, password, **extra):
    return client.post(f"/{slug}/login", {"identifier": identifier, "password": password, **extra})


def test_each_company_has_its_own_login_page(two_companies):
    page = Client().get("/acme/login").content.decode()
    assert "Log in to Company" in page
    assert 'name="identifier"' in page and 'name="password"' in page
    assert Client().get("/no-such-company/login").status_code == 404


@pytest.mark.parametrize("identifier", ["alice", "alice@example.com", "ALICE@example.com"])
def test_login_by_username_or_email(two_companies, identifier):
    client = Client()
    response = login(client, "acme", identifier, "alice-secret-1")
    assert response.status_code == 302
    assert response["Location"] == "/acme/"
    assert client.get("/acme/").status_code == 302  # logged in: home redirects to settings


def test_wrong_password_and_another_companys_user_are_refused_alike(two_companies):
    wrong = login(Client(), "acme", "alice", "nope")
    stranger = login(Client(), "acme", "gina", "gina-secret-1")
    for response in (wrong, stranger):
        assert response.status_code == 401
        assert "do not match a user of this company" in response.content.decode()


def test_a_success_clears_earlier_failures(two_companies):
    client = Client()
    for _ in range(3):
        login(client, "acme", "alice", "wrong")
    assert login(client, "acme", "alice", "alice-secret-1").status_code == 302
    assert not AccessAttempt.objects.filter(username="acme/alice").exists()


def test_next_only_goes_to_the_same_company(two_companies):
    ok = login(Client(), "acme", "alice", "alice-secret-1", next="/acme/settings/users")
    assert ok["Location"] == "/acme/settings/users"
    evil = login(Client(), "acme", "alice", "alice-secret-1", next="https://evil.example/")
    assert evil["Location"] == "/acme/"
    other = login(Client(), "acme", "alice", "alice-secret-1", next="/globex/")
    assert other["Location"] == "/acme/"


def test_forms_need_csrf_and_cookies_are_httponly_samesite(two_companies):
    client = Client(enforce_csrf_checks=True)
    assert login(client, "acme", "alice", "alice-secret-1").status_code == 403
    page = client.get("/acme/login")
    token = page.cookies["csrftoken"].value
    response = login(client, "acme", "alice", "alice-secret-1", csrfmiddlewaretoken=token)
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["httponly"] and session["samesite"] == "Lax"


def test_logout(two_companies):
    client = Client()
    login(client, "acme", "alice", "alice-secret-1")
    assert client.post("/acme/logout")["Location"] == "/acme/login"
    assert client.get("/acme/settings/installation")["Location"].startswith("/acme/login")


def test_the_landing_page_lists_no_company(two_companies):
    page = Client().get("/").content.decode()
    assert "/your-company/login" in page
    assert "acme" not in page and "globex" not in page
