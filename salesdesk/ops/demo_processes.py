"""The demo's child processes: started so that none can outlive the demo, stopped as a group.

Each child runs in a process group of its own (a Ctrl-C in the terminal reaches only the
demo, which then stops the children in order). On Linux each child also asks the kernel for
SIGTERM when the demo dies (PR_SET_PDEATHSIG), so even a demo killed with SIGKILL leaves no
server holding ports 8000 and 8001 for the next `make demo`.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Mapping

PR_SET_PDEATHSIG = 1
STOP_SECONDS = 10.0
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
_LIBC = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None


class DemoStopping(Exception):
    """A stop signal arrived (Ctrl-C, SIGTERM, SIGHUP): stop the children and exit."""


def _die_with(parent: int) -> Callable[[], None]:
    def in_child() -> None:  # runs between fork and exec: no Python-level locks, no imports
        if _LIBC is not None:
            _LIBC.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        if os.getppid() != parent:  # the demo died before the request took effect
            os._exit(1)

    return in_child


def children_start(
    commands: Mapping[str, list[str]], env: Mapping[str, str]
) -> dict[str, subprocess.Popen]:
    parent = os.getpid()
    started: dict[str, subprocess.Popen] = {}
    try:
        for name, command in commands.items():
            started[name] = subprocess.Popen(
                command, env=dict(env), start_new_session=True, preexec_fn=_die_with(parent)
            )
    except BaseException:
        children_stop(started)
        raise
    return started


def children_stop(children: Mapping[str, subprocess.Popen], timeout: float = STOP_SECONDS) -> None:
    """SIGTERM to each child's group, SIGKILL to whatever is left when `timeout` is up."""
    for proc in children.values():
        _signal_group(proc, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    for proc in children.values():
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=max(0.1, deadline - time.monotonic()))
    for proc in children.values():
        _signal_group(proc, signal.SIGKILL)  # stragglers, and any grandchild left in the group
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=5)


def _signal_group(proc: subprocess.Popen, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signum)


def stop_signals_raise() -> None:
    """Turn every stop signal into DemoStopping, once: a second one must not cut the cleanup
    short (a supervisor may signal the whole group and then the demo again)."""

    def stop(signum, frame) -> None:
        for other in STOP_SIGNALS:
            signal.signal(other, signal.SIG_IGN)
        raise DemoStopping(signal.Signals(signum).name)

    for signum in STOP_SIGNALS:
        signal.signal(signum, stop)


def port_in_use(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return True
    return False
