"""Shared by the scale suite and benchmarks/scale_bench.py: a many-division sandbox, connected
companies, and `salesdesk worker` processes on the configured backend (RQ in `make test-scale`)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from django.conf import settings

from exact_sandbox.clock import SandboxClock
from exact_sandbox.config import SandboxConfig, SandboxUser, default_users
from exact_sandbox.data.seed import seed_division
from exact_sandbox.seed import build_state
from exact_sandbox.state import SandboxState

ROOT = Path(__file__).resolve().parents[2]
FIRST_DIVISION = 200001


def scale_state(
    divisions: int, items: int, customers: int, *, clock: SandboxClock | None = None, **config
) -> SandboxState:
    """A real-time sandbox whose demo user reaches `divisions` administrations of equal size."""
    codes = {FIRST_DIVISION + n: f"Scale Wholesale {n + 1}" for n in range(divisions)}
    demo = default_users()[0]
    user = SandboxUser(demo.username, demo.password, demo.full_name, demo.email, tuple(codes))
    cfg = SandboxConfig(items=0, customers=0, divisions=codes, users=[user], **config)
    state = build_state(cfg, clock or SandboxClock())
    now = state.clock.now()
    for code, name in codes.items():
        state.divisions[code] = seed_division(
            code, name, items=items, customers=customers, seed=cfg.seed, now=now
        )
    return state


def connect_companies(handle, state: SandboxState, count: int | None = None) -> list:
    """One company per division of `state`, connected through the real code flow."""
    from tests.salesdesk.factories import connect_company, make_company

    companies = []
    for n, code in enumerate(sorted(state.divisions)[:count]):
        company = make_company(slug=f"scale-{n + 1}", name=state.divisions[code].name)
        connect_company(company=company, sandbox=handle, division=code)
        companies.append(company)
    return companies


def database_url() -> str:
    """DATABASE_URL of the database this process uses (the test database under pytest)."""
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        raise RuntimeError("the scale suite runs on PostgreSQL: set DATABASE_URL")
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


class Workers:
    """`salesdesk worker` processes, each in its own process group (RQ forks a work horse)."""

    def __init__(self, count: int, *queues: str, log_dir: Path | None = None) -> None:
        self.queues = queues
        self.log_dir = log_dir
        self.procs: list[subprocess.Popen] = []
        for _ in range(count):
            self.start_one()

    def start_one(self) -> subprocess.Popen:
        env = {**os.environ, "DATABASE_URL": database_url(), "SALESDESK_LOG_LEVEL": "WARNING"}
        env["SALESDESK_EXACT_ALLOW_LOOPBACK"] = "1"  # the sandbox is on a loopback port
        out = subprocess.DEVNULL
        if self.log_dir is not None:
            out = open(self.log_dir / f"worker-{len(self.procs)}.log", "wb")  # noqa: SIM115
        proc = subprocess.Popen(
            [sys.executable, "-m", "salesdesk.cli", "worker", "-v0", *self.queues],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        self.procs.append(proc)
        return proc

    def kill(self, proc: subprocess.Popen) -> None:
        """SIGKILL a worker and its work horse: no cleanup, as when a machine dies."""
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)

    def stop(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in self.procs:
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=5)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def wait_for(check: Callable[[], bool], timeout: float, every: float = 0.2) -> bool:
    """Poll `check` until it holds or `timeout` seconds pass; whether it held."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(every)
    return check()
