"""`/api/v1/docs`: Swagger UI from our static files, nothing from another origin."""

from __future__ import annotations

import re

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_docs_page_loads_only_our_vendored_swagger_ui():
    page = Client().get("/api/v1/docs").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert "/static/salesdesk/swagger-ui/swagger-ui-bundle.js" in sources
    assert "/static/salesdesk/swagger-ui/swagger-ui.css" in sources
    assert all(s.startswith(("/static/", "data:")) for s in sources), sources
    assert "cdn" not in page.lower()


def test_the_vendored_files_are_there_and_the_settings_are_json():
    for name in ("swagger-ui-bundle.js", "swagger-ui.css", "swagger-init.js", "LICENSE"):
        assert finders.find(f"salesdesk/swagger-ui/{name}"), name
    page = Client().get("/api/v1/docs").content.decode()
    assert '"url": "/api/v1/openapi.json"' in page
    static = Client().get("/static/salesdesk/swagger-ui/swagger-init.js")
    assert static.status_code == 200
