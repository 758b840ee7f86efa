"""Settings from the environment, with safe embedded defaults.

Secrets that the embedded demo needs (the Django secret key, the key that
encrypts Exact tokens at rest) are generated once and kept in the var
directory, never in the repository.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    return int(raw) if raw not in (None, "") else default


def var_dir() -> Path:
    """The directory of the demo's database, secrets and files: its owner's only (0700)."""
    path = Path(env_str("SALESDESK_VAR_DIR", str(BASE_DIR / "var")))
    private_dir(path)
    return path


def private_dir(path: Path) -> Path:
    """`path` as a directory only its owner can enter (created so, or narrowed to it)."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if path.stat().st_mode & 0o077:
        path.chmod(0o700)
    return path


def private_file(path: Path) -> Path:
    """`path` exists and only its owner can read it (0600), created so from the start.

    SQLite creates its -wal and -shm files with the database file's permissions.
    """
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.close(fd)
    if path.stat().st_mode & 0o077:
        path.chmod(0o600)
    return path


def generated_secret(name: str, factory) -> str:
    """Return the environment's value, else one generated once and kept in var/."""
    from_env = os.environ.get(name)
    if from_env:
        return from_env
    path = var_dir() / f"{name.lower()}.secret"
    if path.exists():
        return path.read_text().strip()
    value = factory()
    # Created 0600 in one step: no moment when another user could read it.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as secret:
        secret.write(value)
    return value


def new_django_key() -> str:
    return secrets.token_urlsafe(50)


def new_fernet_key() -> str:
    from cryptography.fernet import Fernet

    return Fernet.generate_key().decode()
