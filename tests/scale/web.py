"""Salesdesk's production web server (`salesdesk serve`, gunicorn) as a process of the scale
suite, on a free loopback port and the suite's database."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Mapping

from tests.scale.support import ROOT, database_url


class GunicornWeb:
    """`with GunicornWeb(env) as web:` serves at `web.url` until the block ends."""

    def __init__(self, env: Mapping[str, str] | None = None, workers: int = 2) -> None:
        self.env = {**os.environ, "DATABASE_URL": database_url(), **(env or {})}
        self.workers = workers
        self.proc: subprocess.Popen | None = None
        self.url = ""
        self.log: list[str] = []

    def __enter__(self) -> GunicornWeb:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "salesdesk.cli", "serve", "--bind", "127.0.0.1:0",
             "--workers", str(self.workers)],
            cwd=ROOT, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not self.url:
            line = self.proc.stdout.readline()
            if match := re.search(r"Listening at: (http://127\.0\.0\.1:\d+)", line):
                self.url = match.group(1)
            elif not line and self.proc.poll() is not None:
                raise RuntimeError("salesdesk serve exited before it listened")
        # The access log goes on being written: drain it, or a full pipe would stall gunicorn.
        threading.Thread(target=self._drain, daemon=True).start()
        return self

    def _drain(self) -> None:
        for line in self.proc.stdout:
            self.log.append(line)

    def __exit__(self, *exc_info: object) -> None:
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=5)
