import pytest
from django.test import Client

from salesdesk.integration.models import ExactConnection
from tests.salesdesk.factories import fast_passwords, make_company, make_user  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


@pytest.fixture
def two_companies():
    company, other = make_company(), make_company()
    client = Client()
    client.force_login(make_user(company=company))
    return company, other, client


def url(company) -> str:
    return f"/{company.slug}/settings/installation"


def save(client, company, **fields):
    data = {"erp_type": "exact_online", "name": "", "address": "", "other_address": ""}
    return client.post(url(company), {**data, **fields})


def test_the_tab_shows_the_fields_and_the_synchronize_section(two_companies, settings):
    company, _, client = two_companies
    page = client.get(url(company)).content.decode()
    for label in ("Type", "Name", "Address", "Exact Online", "Save"):
        assert f">{label}" in page or f"{label}</" in page
    for host in ("nl", "be", "co.uk", "de", "fr", "es", "com"):
        assert f'value="https://start.exactonline.{host}"' in page
    assert f'value="{settings.EXACT_SANDBOX_URL}"' in page
    assert "Not needed for Exact Online" in page
    assert 'name="password"' not in page and 'name="username"' not in page
    assert '<section id="synchronize"' in page
    assert f'hx-get="/{company.slug}/settings/synchronize" hx-trigger="load"' in page
    # The demo pre-fills nothing.
    assert "selected>https://" not in page and 'name="name" value=' not in page


def test_save_stores_the_settings_with_a_confirmation(two_companies):
    company, other, client = two_companies
    response = save(
        client, company, name="Demo Wholesale B.V.", address="https://start.exactonline.be"
    )
    assert response.status_code == 302
    connection = ExactConnection.objects.get(company=company)
    assert (connection.name, connection.base_url) == (
        "Demo Wholesale B.V.",
        "https://start.exactonline.be",
    )
    page = client.get(url(company)).content.decode()
    assert "The installation settings were saved." in page
    assert 'value="Demo Wholesale B.V."' in page
    assert not ExactConnection.objects.filter(company=other).exists()


def test_another_address_is_accepted_and_normalised(two_companies):
    company, _, client = two_companies
    save(client, company, name="X", address="other", other_address="http://127.0.0.1:8123/")
    assert ExactConnection.objects.get(company=company).base_url == "http://127.0.0.1:8123"
    page = client.get(url(company)).content.decode()
    assert 'value="http://127.0.0.1:8123/"' in page


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"address": "https://start.exactonline.nl"}, "name", "Enter the name of the Exact"),
        ({"name": "A"}, "address", "Choose the Exact Online site"),
        ({"name": "A", "address": "other"}, "other_address", "Enter the address"),
        (
            {"name": "A", "address": "other", "other_address": "start.exactonline.nl"},
            "other_address",
            "Enter a web address",
        ),
        (
            {"name": "A", "address": "other", "other_address": "http://exact.example.com"},
            "other_address",
            "Use https://",
        ),
        (
            {"name": "A", "address": "other", "other_address": "https://x.example/api/v1"},
            "other_address",
            "without a path",
        ),
    ],
)
def test_invalid_input_errs_next_to_the_field_and_loses_nothing(
    two_companies, fields, field, message
):
    company, _, client = two_companies
    save(client, company, name="Saved name", address="https://start.exactonline.nl")

    response = save(client, company, **fields)

    page = response.content.decode()
    assert response.status_code == 200
    errors = page.split(f'id="id_{field}_errors"', 1)[1].split("</ul>", 1)[0]
    assert message in errors
    if fields.get("name"):
        assert f'value="{fields["name"]}"' in page  # what was typed stays in the form
    connection = ExactConnection.objects.get(company=company)
    assert (connection.name, connection.base_url) == ("Saved name", "https://start.exactonline.nl")


def test_the_name_keeps_its_inner_spaces_and_punctuation(two_companies):
    company, _, client = two_companies
    save(client, company, name="  Demo  Wholesale B.V. ", address="https://start.exactonline.nl")
    assert ExactConnection.objects.get(company=company).name == "Demo  Wholesale B.V."


def test_another_company_and_plain_users_get_404(two_companies):
    company, other, client = two_companies
    assert client.get(url(other)).status_code == 404
    assert save(client, other, name="X", address="https://start.exactonline.nl").status_code == 404
    assert not ExactConnection.objects.filter(company=other).exists()
    plain = Client()
    plain.force_login(make_user(company=company, role="user"))
    assert plain.get(url(company)).status_code == 404
