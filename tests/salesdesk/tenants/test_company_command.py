import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from salesdesk.tenants.models import Company, Membership
from salesdesk.tenants.services import CompanyExists, company_create

pytestmark = pytest.mark.django_db


def create(slug="acme", **options):
    options = {
        "name": "Acme B.V.",
        "admin_email": "boss@acme.test",
        "admin_password": "boss-pw-123",
    } | options
    call_command("company", "create", slug, **options)


def test_company_create_makes_the_company_and_its_admin(capsys):
    create()
    out = capsys.readouterr().out
    assert "/acme/login" in out
    company = Company.objects.get(slug="acme")
    assert company.name == "Acme B.V."
    membership = Membership.objects.get(company=company)
    assert membership.role == "admin" and membership.user.username == "boss@acme.test"
    response = Client().post(
        "/acme/login", {"identifier": "boss@acme.test", "password": "boss-pw-123"}
    )
    assert response.status_code == 302


def test_an_existing_slug_is_a_clear_error():
    create()
    with pytest.raises(CommandError, match="exists already"):
        create(name="Other")
    assert Company.objects.get(slug="acme").name == "Acme B.V."


def test_bad_input_is_refused():
    with pytest.raises(CommandError):
        create(slug="not a slug")
    with pytest.raises(CommandError):
        create(admin_email="nope")
    with pytest.raises(CommandError, match="password"):
        create(admin_password="short")
    assert not Company.objects.exists()


def test_the_service_the_demo_uses_and_a_user_in_two_companies():
    demo = company_create(
        slug="demo",
        name="Demo",
        admin_username="admin",
        admin_email="a@demo.test",
        admin_password="admin",
    )
    second = company_create(
        slug="demo2",
        name="Demo 2",
        admin_username="admin",
        admin_email="a@demo.test",
        admin_password="admin",
    )
    # Another password: login names are per company, so demo3 gets an admin of its own.
    third = company_create(
        slug="demo3",
        name="Demo 3",
        admin_username="admin",
        admin_email="b@demo.test",
        admin_password="not-the-password",
    )
    third_admin = Membership.objects.get(company=third)
    assert third_admin.username == "admin" and third_admin.user.username != "admin"
    assert (
        Client()
        .post("/demo3/login", {"identifier": "admin", "password": "not-the-password"})
        .status_code
        == 302
    )
    assert (
        Client().post("/demo/login", {"identifier": "admin", "password": "admin"}).status_code
        == 302
    )
    assert Membership.objects.filter(user__username="admin").count() == 2
    assert {demo.slug, second.slug} == {"demo", "demo2"}
    with pytest.raises(CompanyExists):
        company_create(
            slug="demo",
            name="x",
            admin_username="y",
            admin_email="y@x.test",
            admin_password="pw-long-1",
        )
