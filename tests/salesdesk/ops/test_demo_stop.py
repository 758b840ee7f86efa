"""Every way of stopping `salesdesk demo` stops everything it started, and frees its ports;
a restarted demo's sandbox still knows the tokens it gave out."""

from __future__ import annotations

import os
import signal

import httpx
import pytest

from exact_sandbox.config import DEMO_CLIENT_ID
from tests.salesdesk.ops.demo_runner import Demo
from tests.sandbox_fixtures import authorize, exchange_code, refresh_tokens

STOPS = {
    "Ctrl-C": lambda proc: os.kill(proc.pid, signal.SIGINT),
    "SIGTERM to the demo": lambda proc: os.kill(proc.pid, signal.SIGTERM),
    "SIGTERM to its process group": lambda proc: os.killpg(proc.pid, signal.SIGTERM),
    "SIGHUP": lambda proc: os.kill(proc.pid, signal.SIGHUP),
    "SIGKILL to the demo": lambda proc: os.kill(proc.pid, signal.SIGKILL),
}


@pytest.fixture(scope="module")
def var_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-var")  # migrated once, shared by the stops


@pytest.mark.parametrize("how", list(STOPS))
def test_every_way_of_stopping_the_demo_stops_all_it_started(var_dir, how):
    demo = Demo(var_dir)
    demo.start()
    children = demo.children()
    assert len(children) >= 4, children  # sandbox, web, two workers (and the scheduler)
    try:
        STOPS[how](demo.proc)
        demo.proc.wait(timeout=30)
        left = demo.wait_gone(children)
        assert left == [], f"{how} left {left} running"
    finally:
        demo.kill_leftovers(children)
    # and the next demo starts on the same ports
    again = Demo(var_dir, web=demo.web, sandbox=demo.sandbox)
    again.start()
    others = again.children()
    try:
        os.kill(again.proc.pid, signal.SIGTERM)
        again.proc.wait(timeout=30)
        assert again.wait_gone(others) == []
    finally:
        again.kill_leftovers(others)


def test_ports_and_the_oauth_redirect_follow_the_flags_and_a_restart_keeps_the_tokens(tmp_path):
    demo = Demo(tmp_path)
    banner = demo.start()
    redirect = f"http://127.0.0.1:{demo.web}/exact/callback"
    assert f"OAuth redirect:    {redirect}" in banner
    sandbox = f"http://127.0.0.1:{demo.sandbox}"
    children = demo.children()
    try:
        with httpx.Client(base_url=sandbox, timeout=10) as http:
            code = authorize(http, client_id=DEMO_CLIENT_ID, redirect_uri=redirect)
            tokens = exchange_code(http, code, redirect_uri=redirect).json()
        login = httpx.get(f"http://127.0.0.1:{demo.web}/demo/settings/installation", timeout=10)
        assert login.status_code in (200, 302)
        secret = (tmp_path / "exact_webhook_secret.secret").read_text()
        assert len(secret) >= 32  # the demo's own, not a public default
        webhook = httpx.post(f"http://127.0.0.1:{demo.web}/exact/webhooks/demo", timeout=10)
        assert webhook.status_code == 200  # on: the validation POST is answered
    finally:
        os.killpg(demo.proc.pid, signal.SIGTERM)
        demo.proc.wait(timeout=30)
        assert demo.wait_gone(children) == []
        demo.kill_leftovers(children)

    again = Demo(tmp_path, web=demo.web, sandbox=demo.sandbox)
    again.start()
    others = again.children()
    try:
        with httpx.Client(base_url=sandbox, timeout=10) as http:
            http.post("/_sandbox/clock", json={"advance_seconds": 600})
            answer = refresh_tokens(http, tokens["refresh_token"])
        assert answer.status_code == 200, answer.text
    finally:
        os.kill(again.proc.pid, signal.SIGINT)
        again.proc.wait(timeout=30)
        assert again.wait_gone(others) == []
        again.kill_leftovers(others)
