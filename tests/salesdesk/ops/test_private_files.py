"""The demo's database and secrets in var/ are readable by their owner only."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """
from pathlib import Path
import django
django.setup()
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE probe (id integer)")
    cursor.execute("INSERT INTO probe VALUES (1)")
    # The -wal and -shm files exist while a connection is open.
    for path in sorted(Path(connection.settings_dict["NAME"]).parent.iterdir()):
        print(path.name, oct(path.stat().st_mode & 0o777))
"""


def start_salesdesk(var: Path) -> dict[str, int]:
    """Start Salesdesk on `var` and write to its database: the modes seen while open."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "salesdesk.settings",
        "SALESDESK_VAR_DIR": str(var),
    }
    # A permissive umask, as on many servers: the files must not inherit it.
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        preexec_fn=lambda: os.umask(0o022),
    ).stdout
    return {name: int(octal, 8) for name, octal in (line.split() for line in out.splitlines())}


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_a_fresh_var_dir_its_secrets_and_the_database_are_private(tmp_path):
    var = tmp_path / "var"
    seen = start_salesdesk(var)
    assert seen["salesdesk.sqlite3-wal"] == seen["salesdesk.sqlite3-shm"] == 0o600
    assert seen["salesdesk.sqlite3"] == 0o600
    assert mode(var) == 0o700
    secrets = sorted(var.glob("*.secret"))
    assert [p.name for p in secrets] == [
        "salesdesk_secret_key.secret",
        "salesdesk_token_key.secret",
    ]
    for path in [*secrets, var / "salesdesk.sqlite3"]:
        assert mode(path) == 0o600, path
    assert mode(var / "static") == 0o700


@pytest.mark.parametrize("loose", [0o755, 0o777])
def test_an_existing_open_var_dir_and_database_are_narrowed(tmp_path, loose):
    var = tmp_path / "var"
    var.mkdir()
    var.chmod(loose)
    database = var / "salesdesk.sqlite3"
    database.touch()
    database.chmod(0o644)
    start_salesdesk(var)
    assert mode(var) == 0o700
    assert mode(database) == 0o600
