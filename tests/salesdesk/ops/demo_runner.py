"""Running `salesdesk demo` as a subprocess on free ports, and finding what it started."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_free(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def alive(pid: int) -> bool:
    """Running (a zombie waiting for its parent to reap it counts as gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except (FileNotFoundError, ProcessLookupError):
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


@dataclass
class Demo:
    var_dir: Path
    web: int = field(default_factory=free_port)
    sandbox: int = field(default_factory=free_port)
    items: int = 30
    customers: int = 30
    proc: subprocess.Popen | None = None
    output: list[str] = field(default_factory=list)
    reader: threading.Thread | None = None

    def start(self, timeout: float = 120) -> str:
        env = {**os.environ, "SALESDESK_VAR_DIR": str(self.var_dir), "PYTHONUNBUFFERED": "1"}
        for name in ("EXACT_WEBHOOK_SECRET", "SALESDESK_PUBLIC_URL", "EXACT_REDIRECT_URI"):
            env.pop(name, None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "salesdesk.cli", "demo", "--port", str(self.web),
             "--sandbox-port", str(self.sandbox), "--items", str(self.items),
             "--customers", str(self.customers)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            start_new_session=True,  # its own group, to be signalled as a supervisor would
        )  # fmt: skip
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line and self.proc.poll() is not None:
                break
            self.output.append(line)
            if "OAuth redirect" in line:
                return "".join(self.output)
        raise AssertionError("the demo did not start:\n" + "".join(self.output))

    def drain(self) -> None:
        """Keep reading the demo's output in the background. Its children write to the same
        pipe (the request log, the workers' log): unread, it fills and they block."""

        def read() -> None:
            for line in self.proc.stdout:
                self.output.append(line)

        self.reader = threading.Thread(target=read, name="demo-output", daemon=True)
        self.reader.start()

    def children(self) -> list[int]:
        return children_of(self.proc.pid)

    def wait_gone(self, pids: list[int], timeout: float = 30) -> list[int]:
        """The pids (and ports) still held after `timeout`; [] when all are gone."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            left = [pid for pid in pids if alive(pid)]
            if not left and port_free(self.web) and port_free(self.sandbox):
                return []
            time.sleep(0.2)
        return [pid for pid in pids if alive(pid)]

    def kill_leftovers(self, pids: list[int]) -> None:
        for pid in pids:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pid, 9)
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
        if self.proc:
            self.proc.wait(timeout=10)
            if self.reader:  # at the end of the output once every writer is gone
                self.reader.join(timeout=10)
            self.proc.stdout.close()
