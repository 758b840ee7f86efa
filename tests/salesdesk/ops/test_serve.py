"""`salesdesk serve`: gunicorn starts on a free loopback port, answers, logs no secrets, stops."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time

import httpx

from salesdesk.ops.web_server import ServeOptions


def _serve(tmp_path) -> tuple[subprocess.Popen, str]:
    env = {**os.environ, "SALESDESK_VAR_DIR": str(tmp_path), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "salesdesk.cli", "serve", "--bind", "127.0.0.1:0", "--workers", "1"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if match := re.search(r"Listening at: (http://127\.0\.0\.1:\d+)", line):
            return proc, match.group(1)
        if not line and proc.poll() is not None:
            break
    proc.kill()
    raise AssertionError("gunicorn did not start")


def test_serve_answers_on_a_loopback_port_and_keeps_query_strings_out_of_the_log(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "salesdesk.cli", "migrate", "--verbosity", "0"],
        env={**os.environ, "SALESDESK_VAR_DIR": str(tmp_path)}, check=True,
    )  # fmt: skip
    proc, url = _serve(tmp_path)
    try:
        assert httpx.get(f"{url}/", timeout=10).status_code in (200, 302)
        callback = httpx.get(
            f"{url}/exact/callback?code=SECRET-CODE&state=SECRET-STATE", timeout=10
        )
        assert callback.status_code < 500
        api = httpx.get(
            f"{url}/api/v1/items", headers={"Authorization": "Bearer sdr_x"}, timeout=10
        )
        assert api.status_code == 401
    finally:
        proc.send_signal(signal.SIGTERM)
        log, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0
    assert '"GET /exact/callback HTTP/1.1" ' in log
    assert "SECRET" not in log and "sdr_x" not in log


def test_serve_options_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("SALESDESK_BIND", "0.0.0.0:9000")
    monkeypatch.setenv("SALESDESK_WEB_WORKERS", "5")
    monkeypatch.setenv("SALESDESK_WEB_THREADS", "3")
    monkeypatch.setenv("SALESDESK_FORWARDED_ALLOW_IPS", "10.0.0.2")
    options = ServeOptions.from_env()
    assert (options.bind, options.workers, options.threads) == ("0.0.0.0:9000", 5, 3)
    assert options.forwarded_allow_ips == "10.0.0.2"


def test_the_proxy_ssl_header_setting():
    code = "from django.conf import settings; print(settings.SECURE_PROXY_SSL_HEADER)"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "salesdesk.settings"}
    run = [sys.executable, "-c", f"import django; django.setup(); {code}"]
    behind = subprocess.run(
        run, env={**env, "SALESDESK_PROXY_SSL_HEADER": "X-Forwarded-Proto"},
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert behind.stdout.strip() == "('HTTP_X_FORWARDED_PROTO', 'https')"
    direct = subprocess.run(
        run, env={k: v for k, v in env.items() if k != "SALESDESK_PROXY_SSL_HEADER"},
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert direct.stdout.strip() == "None"
