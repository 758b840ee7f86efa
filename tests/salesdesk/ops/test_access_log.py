"""The OAuth callback's `code` and `state` never reach the access log."""

from __future__ import annotations

import logging
import threading
import time

import httpx
import pytest
from django.core.servers.basehttp import WSGIRequestHandler, WSGIServer
from django.core.wsgi import get_wsgi_application

from salesdesk.ops.access_log import OAuthParamsFilter, secrets_removed

CALLBACK = "/exact/callback?code=SECRET-CODE-123&state=SECRET-STATE-456"


@pytest.fixture
def dev_server():
    """Django's development server (`runserver`, as `make demo` runs it) on a free port."""
    server = WSGIServer(("127.0.0.1", 0), WSGIRequestHandler)
    server.set_app(get_wsgi_application())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.django_db(transaction=True)
def test_the_dev_servers_access_log_has_no_code_or_state(dev_server):
    # django.server does not propagate to the root logger: listen on it directly.
    seen: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = seen.append
    server_log = logging.getLogger("django.server")
    server_log.addHandler(handler)
    try:
        answer = httpx.get(dev_server + CALLBACK, timeout=10)
        # The server logs the request after it has sent the answer: wait for that line.
        deadline = time.monotonic() + 5
        while not any("/exact/callback" in r.getMessage() for r in seen):
            if time.monotonic() > deadline:
                break
            time.sleep(0.01)
    finally:
        server_log.removeHandler(handler)
    assert answer.status_code == 400  # no pending authorization in this session
    lines = [record.getMessage() for record in seen]
    assert any("/exact/callback?code=[removed]&state=[removed]" in line for line in lines)
    logged = "\n".join(lines)
    assert "SECRET-CODE-123" not in logged and "SECRET-STATE-456" not in logged


def test_gunicorns_access_record_and_referer_are_scrubbed():
    # gunicorn logs its access format with a dict of atoms as the record's args.
    record = logging.LogRecord(
        "gunicorn.access", logging.INFO, __file__, 1, '"%(r)s" %(s)s "%(f)s"',
        ({"r": f"GET {CALLBACK} HTTP/1.1", "s": "302", "f": f"https://x.test{CALLBACK}"},),
        None,
    )  # fmt: skip
    assert OAuthParamsFilter().filter(record)
    message = record.getMessage()
    assert "SECRET" not in message
    assert message.count("code=[removed]&state=[removed]") == 2
    assert logging.getLogger("gunicorn.access").filters  # installed at start-up


def test_other_query_strings_are_kept():
    assert secrets_removed("GET /acme/items/?q=code HTTP/1.1") == "GET /acme/items/?q=code HTTP/1.1"
    assert secrets_removed("/x?a=1&STATE=s&b=2") == "/x?a=1&STATE=[removed]&b=2"
