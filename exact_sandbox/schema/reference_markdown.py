"""Parse the field reference markdown into endpoint sections (and write the JSON copy).

A section reads:

    ## `/sync/Logistics/Items`
    - methods: GET; scope: Logistics items; doc page name: `SyncLogisticsItems`
    - fields: *Timestamp (Int64); Class_01..09 (String); CustomField (String) (2025); ...

`*` marks the key, `Name_01..09` a numbered range, and trailing `(2025)`, `(hidden)`,
`($metadata)`, `(php)` say where a field comes from: they do not change the schema.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

JSON_PATH = Path(__file__).with_name("exact_fields.json")

_HEADING_RE = re.compile(r"^## `/(?P<path>[^`]+)`\s*$")
_METHODS_RE = re.compile(r"^- methods: (?P<methods>[^;]+); scope: (?P<scope>[^;]+);")
_FIELD_RE = re.compile(
    r"^(?P<star>\*?)(?P<name>\w+?)(?:_(?P<first>\d+)\.\.(?P<last>\d+))? "
    r"\((?P<type>[\w.\[\]]+)\)(?: \((?:2025|hidden|\$metadata|php)\))*$"
)


def sections_from_markdown(text: str) -> dict[str, dict]:
    """{path: {"methods", "scope", "key", "fields": {name: type}}} in document order."""
    sections: dict[str, dict] = {}
    current: dict | None = None
    for line in text.splitlines():
        heading = _HEADING_RE.match(line)
        if heading:
            current = {"methods": [], "scope": "", "key": None, "fields": {}}
            sections[heading["path"]] = current
        elif current is not None and (methods := _METHODS_RE.match(line)):
            current["methods"] = [m.strip() for m in methods["methods"].split(",")]
            current["scope"] = methods["scope"].strip()
        elif current is not None and line.startswith("- fields: "):
            current["key"], current["fields"] = _fields(line.removeprefix("- fields: "))
    return sections


def _fields(text: str) -> tuple[str | None, dict[str, str]]:
    key: str | None = None
    fields: dict[str, str] = {}
    for raw in text.split(";"):
        entry = _FIELD_RE.match(raw.strip())
        if entry is None:
            raise ValueError(f"unreadable field entry {raw.strip()!r}")
        names = [entry["name"]]
        if entry["first"]:
            width = len(entry["first"])
            numbers = range(int(entry["first"]), int(entry["last"]) + 1)
            names = [f"{entry['name']}_{n:0{width}d}" for n in numbers]
        if entry["star"]:
            key = names[0]
        for name in names:
            if name in fields:
                raise ValueError(f"field {name!r} listed twice")
            fields[name] = entry["type"]
    return key, fields


def reference_json(text: str) -> str:
    """The checked-in JSON copy of the markdown `text` (stable, diff-friendly)."""
    return json.dumps(sections_from_markdown(text), indent=1) + "\n"


def main(argv: list[str]) -> int:
    """`python -m exact_sandbox.schema.reference_markdown MARKDOWN`: rewrite the JSON copy."""
    if len(argv) != 1:
        print("usage: python -m exact_sandbox.schema.reference_markdown MARKDOWN", file=sys.stderr)
        return 2
    JSON_PATH.write_text(reference_json(Path(argv[0]).read_text(encoding="utf-8")), "utf-8")
    print(f"wrote {JSON_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
