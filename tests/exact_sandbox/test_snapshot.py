"""The sandbox's state file: what a restarted sandbox (`--state-file`) still knows."""

from __future__ import annotations

import os
import pickle
import re
import signal
import subprocess
import sys
import time

import httpx

from exact_sandbox.app import make_app
from exact_sandbox.config import SandboxConfig
from exact_sandbox.seed import build_state
from exact_sandbox.snapshot import StateKeeper, state_load, state_save
from tests.sandbox_fixtures import demo_token_pair, refresh_tokens, sandbox_client

SMALL = SandboxConfig(items=20, customers=10)


def test_a_saved_state_keeps_the_refresh_token_alive(tmp_path, sandbox_clock):
    state = build_state(SMALL, sandbox_clock)
    with sandbox_client(make_app(state)) as http:
        tokens = demo_token_pair(http)
    path = tmp_path / "sandbox.state"

    state_save(state, path)
    restored = state_load(path, SandboxConfig(items=20, customers=10))

    assert restored is not None and restored is not state
    restored.clock.advance(600)  # a refresh needs an access token of ~10 minutes
    with sandbox_client(make_app(restored)) as http:
        answer = refresh_tokens(http, tokens["refresh_token"])
    assert answer.status_code == 200, answer.text
    assert answer.json()["refresh_token"] != tokens["refresh_token"]
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert [p.name for p in tmp_path.iterdir()] == ["sandbox.state"]  # no temporary left


def test_another_data_set_or_version_or_a_damaged_file_starts_afresh(tmp_path):
    path = tmp_path / "sandbox.state"
    assert state_load(path, SMALL) is None  # no file yet
    state_save(build_state(SMALL), path)
    assert state_load(path, SandboxConfig(items=21, customers=10)) is None
    assert state_load(path, SandboxConfig(items=20, customers=10, seed=2)) is None
    path.write_bytes(pickle.dumps({"format": "exact-sandbox-state", "version": 0}))
    assert state_load(path, SMALL) is None
    path.write_bytes(b"not a pickle")
    assert state_load(path, SMALL) is None


def test_limits_and_apps_follow_the_new_start(tmp_path):
    path = tmp_path / "sandbox.state"
    state_save(build_state(SMALL), path)
    restored = state_load(path, SandboxConfig(items=20, customers=10, minutely_limit=7))
    assert restored.config.minutely_limit == 7
    assert restored.limits.config.minutely_limit == 7


def test_the_keeper_saves_after_a_changing_request_and_on_close(tmp_path, sandbox_clock):
    state = build_state(SMALL, sandbox_clock)
    saves = []
    keeper = StateKeeper(state, tmp_path / "s", interval=0.01, save=lambda s, p: saves.append(p))
    keeper.start()
    with sandbox_client(keeper.watch(make_app(state))) as http:
        http.get("/_sandbox/stats")
        time.sleep(0.2)
        assert saves == []  # reading changes nothing worth keeping
        demo_token_pair(http)
        deadline = time.monotonic() + 5
        while not saves and time.monotonic() < deadline:
            time.sleep(0.01)
    assert saves
    before = len(saves)
    keeper.close()
    assert len(saves) == before + 1


def test_the_command_resumes_from_its_state_file(tmp_path):
    path = tmp_path / "sandbox.state"
    first = _sandbox(path)
    try:
        with httpx.Client(base_url=first.url, timeout=10) as http:
            tokens = demo_token_pair(http)
    finally:
        _stop(first)
    assert path.exists()

    second = _sandbox(path)
    try:
        assert "Resumed" in second.banner
        with httpx.Client(base_url=second.url, timeout=10) as http:
            http.post("/_sandbox/clock", json={"advance_seconds": 600})
            answer = refresh_tokens(http, tokens["refresh_token"])
        assert answer.status_code == 200, answer.text
    finally:
        _stop(second)


class _Running:
    def __init__(self, process: subprocess.Popen, banner: str) -> None:
        self.process, self.banner = process, banner
        self.url = re.search(r" at (http://\S+)", banner).group(1)


def _sandbox(path) -> _Running:
    process = subprocess.Popen(
        [sys.executable, "-m", "exact_sandbox.cli", "--port", "0", "--items", "20",
         "--customers", "10", "--state-file", str(path)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip
    lines = [process.stdout.readline()]
    while " at http" not in lines[-1] and lines[-1]:
        lines.append(process.stdout.readline())
    return _Running(process, "".join(lines))


def _stop(running: _Running) -> None:
    running.process.send_signal(signal.SIGTERM)
    assert running.process.wait(timeout=20) == 0
    running.process.stdout.close()
