"""`make bench`: run every benchmarks/*_bench.py and write benchmarks/README.md.

Each benchmark is a script that prints a markdown section (a heading and a
table) on stdout; this runner adds the machine and the date.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{cpu}, {os.cpu_count()} cores, {mem_gib:.0f} GiB, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def main(argv: list[str]) -> int:
    only = set(argv)
    scripts = sorted(p for p in HERE.glob("*_bench.py") if not only or p.stem in only)
    sections, failed = [], []
    for script in scripts:
        print(f"== {script.stem}", flush=True)
        proc = subprocess.run(
            [sys.executable, "-m", f"benchmarks.{script.stem}"],
            capture_output=True,
            text=True,
            cwd=HERE.parent,
            check=False,
        )
        print(proc.stdout)
        if proc.returncode != 0:
            failed.append(script.stem)
            print(proc.stderr, file=sys.stderr)
            sections.append(f"## {script.stem}\n\nFailed (exit {proc.returncode}).\n")
        else:
            sections.append(proc.stdout.strip() + "\n")
    header = (
        "# Benchmarks\n\n"
        "Written by `make bench` (benchmarks/run.py); the figures of each table "
        "were measured in one run.\n\n"
        f"- Machine: {machine()}\n- Date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC\n\n"
    )
    (HERE / "README.md").write_text(header + "\n".join(sections))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
