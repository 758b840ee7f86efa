"""`benchmarks.run` with named benchmarks: their sections replace only their own."""

from __future__ import annotations

from benchmarks.run import readme_merged

OLD = """# Benchmarks

- Machine: old box
- Date: 2026-11-26

## Pages: lists

| page | ms |
|---|---|
| a | 1 |

## Orders to Exact Online, exactly once (benchmarks/orders_bench.py)

| old | table |

(This table: re-measured by hand.)

## Sandbox: one page

| rows | 1 |
"""

NOTE = "(Measured 2026-12-06 11:00 UTC by `python -m benchmarks.run orders_bench` on box.)\n"


def test_a_section_replaces_the_one_with_its_heading_and_nothing_else():
    new = "## Orders to Exact Online, exactly once\n\n| new | table |\n\n### More\n\n| x |\n"

    merged = readme_merged(OLD, [new], NOTE)

    assert merged == (
        OLD.split("## Orders")[0] + new + "\n" + NOTE + "\n## Sandbox: one page\n\n| rows | 1 |\n"
    )
    assert "old | table" not in merged and "re-measured by hand" not in merged
    assert merged.startswith("# Benchmarks\n\n- Machine: old box\n")


def test_a_section_the_readme_lacks_goes_at_the_end():
    new = "## Quotations\n\n| q |\n"

    merged = readme_merged(OLD, [new], NOTE)

    assert merged == OLD + "\n" + new + "\n" + NOTE
