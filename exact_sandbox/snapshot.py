"""The sandbox's state kept in a file, so a restarted sandbox still knows its tokens and data.

`salesdesk sandbox --state-file PATH` (what `salesdesk demo` runs) loads the file at start and
writes it again a moment after every request that changed something, and on the way out.
The file is a pickle of the whole `SandboxState` (the sandbox has no database), written to a
temporary file and renamed over the old one, so a crash never leaves half a file. It is read
only when its format version and the data-shaping settings (items, customers, seed, users,
divisions) match; otherwise the sandbox starts from fresh data, as without the file.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import os
import pickle
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from .config import SandboxConfig
from .state import SandboxState

FORMAT = "exact-sandbox-state"
VERSION = 3  # 2: divisions hold stock, order history, invoices, open items, CRM (issue 19)
# 3: and quotations (issue 20)
# What the generated data depends on: another value means other data, so no resume.
DATA_SETTINGS = ("items", "customers", "seed", "users", "divisions", "warehouses",
                 "history_months", "history_lines_per_customer")  # fmt: skip
_LOCK = type(threading.Lock())
_RLOCK = type(threading.RLock())
READ_ONLY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class _StatePickler(pickle.Pickler):
    def reducer_override(self, obj):
        # Locks cannot be pickled; a restored state gets fresh, unheld ones.
        if isinstance(obj, _RLOCK):
            return (threading.RLock, ())
        if isinstance(obj, _LOCK):
            return (threading.Lock, ())
        return NotImplemented


def _data_key(config: SandboxConfig) -> tuple:
    return tuple(getattr(config, name) for name in DATA_SETTINGS)


def state_save(state: SandboxState, path: Path) -> None:
    """Write the state atomically (owner-only permissions)."""
    buffer = io.BytesIO()
    with state.lock:
        envelope = {"format": FORMAT, "version": VERSION, "state": state}
        _StatePickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(envelope)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(buffer.getbuffer())
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, path)


def state_load(path: Path, config: SandboxConfig) -> SandboxState | None:
    """The saved state, with `config`'s apps and limits, or None when it cannot be resumed."""
    try:
        envelope = pickle.loads(path.read_bytes())  # noqa: S301 - our own file, owner-only
    except FileNotFoundError:
        return None
    except Exception:  # a damaged or foreign file: start afresh, as without one
        return None
    if not isinstance(envelope, dict) or (envelope.get("format"), envelope.get("version")) != (
        FORMAT,
        VERSION,
    ):
        return None
    state = envelope.get("state")
    if not isinstance(state, SandboxState) or _data_key(state.config) != _data_key(config):
        return None
    # The state's parts share one config object: update it in place, so that limits and
    # apps (redirect prefixes, webhook secret) follow this start's options.
    for field in dataclasses.fields(config):
        setattr(state.config, field.name, getattr(config, field.name))
    state.apps = {app.client_id: app for app in config.clients}
    return state


class StateKeeper:
    """Saves the state about `interval` seconds after a changing request, and on `close()`."""

    def __init__(
        self, state: SandboxState, path: Path, *, interval: float = 1.0,
        save: Callable[[SandboxState, Path], None] = state_save,
    ) -> None:  # fmt: skip
        self.state, self.path, self.interval, self._save = state, path, interval, save
        self._changed = threading.Event()
        self._closing = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="sandbox-state", daemon=True)

    def watch(self, app: Callable) -> Callable:
        """The WSGI app, noting every request that may have changed the state."""

        def watched(environ: dict, start_response: Callable) -> Iterable[bytes]:
            try:
                return app(environ, start_response)
            finally:
                if environ.get("REQUEST_METHOD", "GET") not in READ_ONLY_METHODS:
                    self._changed.set()

        return watched

    def start(self) -> StateKeeper:
        self._thread.start()
        return self

    def _loop(self) -> None:
        while not self._closing.wait(self.interval):
            if self._changed.is_set():
                self._changed.clear()
                with contextlib.suppress(OSError):
                    self._save(self.state, self.path)

    def close(self) -> None:
        self._closing.set()
        if self._thread.is_alive():
            self._thread.join(timeout=10)
        self._save(self.state, self.path)
