"""The 100,000 items + 100,000 customers figure of sync_bench, stored in PostgreSQL.

PostgreSQL is what replaces SQLite when one machine is not enough (docs/running-at-scale.md).
This starts its own server (scripts/scale/start.sh; Debian's package, installed when missing)
with PostgreSQL's default durability (fsync on, synchronous commits), on this same machine,
and stops it at the end. Prints a markdown section for benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks import sync_bench
from benchmarks.scale_bench import scale_services_start

ROOT = Path(__file__).resolve().parents[1]


def start_postgresql(directory: str) -> None:
    started = scale_services_start(directory, durable=True)
    # Only the database: the rate budget stays in the process (no limits here).
    os.environ["DATABASE_URL"] = started["DATABASE_URL"]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--large-rows", type=int, default=100_000)
    args = parser.parse_args(argv)
    directory = tempfile.mkdtemp(prefix="salesdesk-sync-pg-bench.")
    rows: list = []
    try:
        start_postgresql(directory)
        with tempfile.TemporaryDirectory() as var_dir:
            sync_bench.setup_django(var_dir)
            sync_bench.large_figure(rows, args.large_rows)
    finally:
        if "django" in sys.modules and "DATABASE_URL" in os.environ:
            from django.db import connections

            connections.close_all()
        subprocess.run([str(ROOT / "scripts/scale/stop.sh"), directory], check=False)
    heading = (
        "## Synchronization stored in PostgreSQL (benchmarks/sync_postgresql_bench.py)\n\n"
        "The large figure of the table above, with PostgreSQL (default durability: fsync "
        "on, synchronous commits) on the same machine instead of SQLite."
    )
    sync_bench.print_section(heading, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
