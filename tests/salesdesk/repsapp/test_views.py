"""The reps' app's shell, manifest and service worker, per company."""

from __future__ import annotations

import json
import re

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

from salesdesk.repsapp.shell import SCRIPTS, STYLES
from tests.salesdesk.factories import make_company

pytestmark = pytest.mark.django_db


@pytest.fixture
def companies():
    return make_company(slug="acme", name="Acme Wholesale"), make_company(
        slug="other", name="Other"
    )


def test_the_shell_names_its_company_and_loads_only_files_without_inline_code(companies):
    answer = Client().get("/acme/app/")
    assert answer.status_code == 200
    assert answer["Cache-Control"] == "no-cache"
    html = answer.content.decode()
    assert "<title>Acme Wholesale · Orders</title>" in html
    assert 'data-company="acme"' in html
    assert 'href="/acme/app/manifest.webmanifest"' in html
    assert 'data-worker="/acme/app/sw.js"' in html
    assert "Other" not in html
    # What a Content-Security-Policy without 'unsafe-inline' demands.
    assert "style=" not in html
    assert not re.search(r"<script(?![^>]*\ssrc=)", html), "an inline script"
    assert not re.search(r"\son[a-z]+=", html), "an inline event handler"
    for path in (*SCRIPTS, *STYLES):
        assert f'"/static/{path}"' in html
        assert finders.find(path), path


def test_the_manifest_makes_an_installable_app_per_company(companies):
    answer = Client().get("/other/app/manifest.webmanifest")
    assert answer.status_code == 200
    assert answer["Content-Type"] == "application/manifest+json"
    manifest = json.loads(answer.content)
    assert manifest["name"] == "Other orders"
    assert manifest["start_url"] == manifest["scope"] == "/other/app/"
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"].startswith("#")
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        found = finders.find(icon["src"].removeprefix("/static/"))
        with open(found, "rb") as png:
            assert png.read(8) == b"\x89PNG\r\n\x1a\n"


def test_the_service_worker_covers_the_app_and_caches_its_shell(companies):
    answer = Client().get("/acme/app/sw.js")
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("text/javascript")
    assert answer["Service-Worker-Allowed"] == "/acme/app/"
    assert answer["Cache-Control"] == "no-cache"
    text = answer.content.decode()
    config = json.loads(re.search(r"const CONFIG = (\{.*\});", text).group(1))
    assert config["company"] == "acme"
    assert config["shell_url"] == "/acme/app/"
    assert config["manifest_url"] == "/acme/app/manifest.webmanifest"
    assert {f"/static/{path}" for path in (*SCRIPTS, *STYLES)} <= set(config["static_urls"])
    other = Client().get("/other/app/sw.js").content.decode()
    assert '"company": "other"' in other and "acme" not in other


def test_the_cache_version_follows_the_shell_files(companies, tmp_path, settings):
    before = re.search(r'"version": "(\w+)"', Client().get("/acme/app/sw.js").content.decode())
    changed = tmp_path / "repsapp"
    changed.mkdir()
    (changed / "app.css").write_text("body { color: red; }")
    settings.STATICFILES_DIRS = [tmp_path, *settings.STATICFILES_DIRS]
    finders.get_finder.cache_clear()
    try:
        after = re.search(r'"version": "(\w+)"', Client().get("/acme/app/sw.js").content.decode())
    finally:
        finders.get_finder.cache_clear()
    assert before.group(1) != after.group(1)


def test_an_unknown_company_has_no_app(companies):
    client = Client()
    for path in ("/nobody/app/", "/nobody/app/manifest.webmanifest", "/nobody/app/sw.js"):
        assert client.get(path).status_code == 404
    assert client.post("/acme/app/").status_code == 405
