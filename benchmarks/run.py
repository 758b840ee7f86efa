"""`make bench`: run every benchmarks/*_bench.py and write benchmarks/README.md.

Each benchmark is a script that prints a markdown section (a heading and a
table) on stdout; this runner adds the machine and the date.

`python -m benchmarks.run orders_bench ...` runs only the benchmarks named: their sections
replace the README's sections with the same heading (each with its own date and machine),
and the other sections stay as they were measured.
"""

from __future__ import annotations

import datetime as dt
import itertools
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
    readme, now = HERE / "README.md", dt.datetime.now(dt.UTC)
    if only and readme.exists():
        note = (
            f"(Measured {now:%Y-%m-%d %H:%M} UTC by `python -m benchmarks.run "
            f"{' '.join(sorted(only))}` on {machine()}.)\n"
        )
        readme.write_text(readme_merged(readme.read_text(), sections, note))
        return 1 if failed else 0
    header = (
        "# Benchmarks\n\n"
        "Written by `make bench` (benchmarks/run.py); the figures of each table "
        "were measured in one run.\n\n"
        f"- Machine: {machine()}\n- Date: {now:%Y-%m-%d %H:%M} UTC\n\n"
    )
    readme.write_text(header + "\n".join(sections))
    return 1 if failed else 0


def readme_merged(old: str, sections: list[str], note: str) -> str:
    """`old` with each of `sections` in place of the section its heading starts (a heading
    edited by hand, e.g. with the script's name added, still matches), `note` after it;
    a section the README lacks goes at the end."""
    lines = old.rstrip("\n").split("\n")
    starts = [n for n, line in enumerate(lines) if line.startswith("## ")] + [len(lines)]
    blocks = ["\n".join(lines[: starts[0]])]
    blocks += ["\n".join(lines[a:b]) for a, b in itertools.pairwise(starts)]
    for section in sections:
        text = section.rstrip("\n") + "\n\n" + note
        heading = section.split("\n", 1)[0]
        at = next((n for n, b in enumerate(blocks) if n and b.startswith(heading)), None)
        if at is None:
            blocks.append(text)
        else:
            blocks[at] = text
    return "\n".join(block.rstrip("\n") + "\n" for block in blocks)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
