import pytest
from django.test import override_settings

pytestmark = [pytest.mark.django_db, pytest.mark.urls("salesdesk.urls")]


@override_settings(PUBLIC_URL="http://127.0.0.1:8000")
def test_localhost_moves_to_the_loopback_name_of_the_public_url(client):
    response = client.get("/demo/login?next=/demo/", HTTP_HOST="localhost:8000")
    assert response.status_code == 302
    assert response["Location"] == "http://127.0.0.1:8000/demo/login?next=/demo/"


@override_settings(PUBLIC_URL="http://127.0.0.1:8000")
@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8123", "testserver"])
def test_the_public_host_other_ports_and_other_names_stay(client, host):
    response = client.get("/", HTTP_HOST=host)
    assert response.status_code != 302 or "127.0.0.1:8000" not in response["Location"]


@override_settings(PUBLIC_URL="http://127.0.0.1:8000")
def test_a_form_post_is_never_redirected(client):
    response = client.post("/demo/login", HTTP_HOST="localhost:8000")
    assert not (response.status_code == 302 and "127.0.0.1" in response.get("Location", ""))


@override_settings(PUBLIC_URL="https://sales.example.com", ALLOWED_HOSTS=["*"])
def test_a_real_deployment_is_left_alone(client):
    response = client.get("/", HTTP_HOST="localhost:8000")
    assert response.status_code != 302 or "example.com" not in response["Location"]
