"""A user sees only their companies: every URL of another company answers 404."""

import pytest
from django.test import Client

from tests.salesdesk.factories import make_company, make_user

pytestmark = pytest.mark.django_db

PAGES = ["", "settings/installation", "settings/connector", "settings/users"]


@pytest.fixture
def clients():
    acme, globex = make_company(slug="acme"), make_company(slug="globex")
    admin = Client()
    admin.force_login(make_user(company=acme))
    both = make_user(company=acme, username="both")
    make_user(company=globex, username="both-globex")
    globex.memberships.create(user=both, role="admin")
    member_of_both = Client()
    member_of_both.force_login(both)
    return acme, globex, admin, member_of_both


@pytest.mark.parametrize("page", PAGES)
def test_another_companys_pages_answer_404(clients, page):
    _, globex, admin, _ = clients
    assert admin.get(f"/{globex.slug}/{page}").status_code == 404


def test_posts_to_another_company_answer_404(clients):
    _, globex, admin, _ = clients
    form = {"username": "mallory", "email": "m@example.com", "password": "long-enough-1"}
    assert (
        admin.post(f"/{globex.slug}/settings/users", {**form, "role": "admin"}).status_code == 404
    )
    assert admin.post(f"/{globex.slug}/settings/connector/disconnect").status_code == 404
    assert not globex.memberships.filter(user__username="mallory").exists()


def test_a_user_of_two_companies_sees_both_each_with_its_own_name(clients):
    acme, globex, _, both = clients
    for company in (acme, globex):
        page = both.get(f"/{company.slug}/settings/installation").content.decode()
        assert f"Salesdesk · {company.name}" in page


def test_home_redirects_admins_to_settings_and_users_to_customers(clients):
    acme, _, admin, _ = clients
    assert admin.get(f"/{acme.slug}/")["Location"] == f"/{acme.slug}/settings/installation"
    user = Client()
    user.force_login(make_user(company=acme, role="user"))
    assert user.get(f"/{acme.slug}/")["Location"] == f"/{acme.slug}/customers/"


def test_the_menu_links_every_section(clients):
    acme, _, admin, _ = clients
    page = admin.get(f"/{acme.slug}/settings/installation").content.decode()
    for label, path in [
        ("Settings", "settings/installation"),
        ("Customer management", "customers/"),
        ("Item management", "items/"),
        ("Price lists", "price-lists/"),
        ("Orders", "orders/"),
        ("Users", "settings/users"),
    ]:
        assert f'<a href="/{acme.slug}/{path}">{label}</a>' in page
    assert "Administration" in page
