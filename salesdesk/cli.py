"""The `salesdesk` console command.

`salesdesk sandbox …` starts the Exact Online sandbox without loading Django;
every other subcommand is a Django management command (`salesdesk migrate`,
`salesdesk company create …`, `salesdesk sync …`, `salesdesk demo`).
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["sandbox"]:
        from exact_sandbox.cli import main as sandbox_main

        return sandbox_main(args[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "salesdesk.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["salesdesk", *args])
    return 0


if __name__ == "__main__":
    sys.exit(main())
