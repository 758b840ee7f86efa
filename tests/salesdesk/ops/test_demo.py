"""`make demo` runs `salesdesk demo`: it must bring everything up and take it all down."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time

import httpx


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_line(proc: subprocess.Popen, text: str, timeout: float) -> str:
    seen = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line and proc.poll() is not None:
            break
        seen.append(line)
        if text in line:
            return "".join(seen)
    raise AssertionError(f"{text!r} never printed; output:\n{''.join(seen)}")


def test_demo_starts_sandbox_and_web_server_and_stops_them(tmp_path):
    web, sandbox = free_port(), free_port()
    env = {**os.environ, "SALESDESK_VAR_DIR": str(tmp_path), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "salesdesk.cli",
            "demo",
            "--port",
            str(web),
            "--sandbox-port",
            str(sandbox),
            "--items",
            "50",
            "--customers",
            "50",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        banner = wait_for_line(proc, "OAuth redirect", timeout=90)
        assert f"http://127.0.0.1:{web}/demo/login" in banner
        assert "admin / admin" in banner
        assert "demo / demo" in banner
        login = httpx.get(f"http://127.0.0.1:{web}/demo/login", timeout=10)
        assert login.status_code == 200
        assert 'name="password"' in login.text
        me = httpx.get(f"http://127.0.0.1:{sandbox}/api/v1/current/Me", timeout=10)
        assert me.status_code == 401  # the sandbox answers like Exact: no bearer, no entry
        with sqlite3.connect(tmp_path / "salesdesk.sqlite3") as db:
            confirmations = db.execute(
                "SELECT enabled, sender_name FROM confirmations_confirmationsettings"
            ).fetchall()
        assert confirmations == [(1, "Demo Wholesale")]  # step 7's confirmation, mailed
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    for port in (web, sandbox):
        with socket.socket() as sock:
            assert sock.connect_ex(("127.0.0.1", port)) != 0, f"port {port} still served"
