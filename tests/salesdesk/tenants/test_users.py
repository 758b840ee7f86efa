import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.salesdesk.factories import make_company, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def acme_admin():
    acme, globex = make_company(slug="acme"), make_company(slug="globex")
    make_user(company=globex, username="gina")
    client = Client()
    client.force_login(make_user(company=acme, username="alice"))
    return acme, client


def add(client, **fields):
    data = {"username": "bob", "email": "bob@example.com", "password": "bob-secret-12"}
    return client.post("/acme/settings/users", {**data, "role": "user", **fields})


def test_an_admin_adds_a_user_who_can_then_log_in(acme_admin):
    _, client = acme_admin
    assert add(client).status_code == 302
    page = client.get("/acme/settings/users").content.decode()
    assert "User bob was added." in page and "bob@example.com" in page
    assert "gina" not in page  # another company's user
    bob = get_user_model().objects.get(username="bob")
    assert bob.password.startswith("md5$") and "bob-secret-12" not in bob.password
    login = Client().post("/acme/login", {"identifier": "bob", "password": "bob-secret-12"})
    assert login.status_code == 302


def test_a_taken_username_or_weak_password_errs_next_to_the_field(acme_admin):
    _, client = acme_admin
    add(client, username="carol")
    taken = add(client, username="carol").content.decode()
    assert "This company has a user of this name" in taken.split('id="id_username_errors"')[1]
    weak = add(client, password="short").content.decode()
    assert "too short" in weak.split('id="id_password_errors"')[1]


def test_plain_users_cannot_manage_users(acme_admin):
    acme, _ = acme_admin
    user = Client()
    user.force_login(make_user(company=acme, role="user"))
    assert user.get("/acme/settings/users").status_code == 404
    assert add(user).status_code == 404
