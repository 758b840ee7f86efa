"""SALESDESK_SECURE_COOKIES=1: HSTS and the HTTPS redirect, behind a TLS-terminating proxy too;
and the Content-Security-Policy on every page."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.test import Client

SCRIPT = """
import json
import django
django.setup()
from django.test import Client
client = Client()
answers = {
    "http": client.get("/"),
    "proxied_https": client.get("/", headers={"X-Forwarded-Proto": "https"}),
    "https": client.get("/", secure=True),
}
print(json.dumps({
    name: [a.status_code, a.get("Location", ""), a.get("Strict-Transport-Security", "")]
    for name, a in answers.items()
}))
"""


def answers_with(tmp_path, **env) -> dict:
    run_env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "salesdesk.settings",
        "SALESDESK_VAR_DIR": str(tmp_path),
        **env,
    }
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=run_env, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_secure_cookies_turn_on_hsts_and_the_redirect(tmp_path):
    answers = answers_with(tmp_path, SALESDESK_SECURE_COOKIES="1")
    assert answers["http"][:2] == [301, "https://testserver/"]
    status, _, hsts = answers["https"]
    assert status == 200 and hsts == "max-age=31536000"
    # Without a named proxy header, a client's X-Forwarded-Proto is not believed.
    assert answers["proxied_https"][0] == 301


def test_behind_a_tls_proxy_its_scheme_header_is_believed(tmp_path):
    answers = answers_with(
        tmp_path, SALESDESK_SECURE_COOKIES="1", SALESDESK_PROXY_SSL_HEADER="X-Forwarded-Proto"
    )
    status, _, hsts = answers["proxied_https"]
    assert status == 200 and hsts.startswith("max-age=")
    assert answers["http"][0] == 301


def test_plain_http_stays_as_it_was_by_default(tmp_path):
    answers = answers_with(tmp_path)
    assert answers["http"] == [200, "", ""]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/api/v1/docs", "/no-such-company/login"])
def test_every_page_carries_the_policy(path):
    policy = Client().get(path)["Content-Security-Policy"]
    for directive in ("default-src 'self'", "script-src 'self'", "style-src 'self'"):
        assert directive in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
