"""`salesdesk demo` (what `make demo` runs): the whole product on its embedded default.

Migrates, creates the demo company, then starts and supervises the Exact Online
sandbox (port 8001), the web server (port 8000), the task workers and the sync
scheduler, until Ctrl-C, SIGTERM or SIGHUP; on the way out it stops everything it
started (salesdesk/ops/demo_processes.py). The sandbox keeps its state in var/, so a
restarted demo resumes where the last one stopped.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError

from salesdesk.ops.demo_env import demo_environment, demo_redirect_prefixes, sandbox_state_file
from salesdesk.ops.demo_processes import (
    DemoStopping,
    children_start,
    children_stop,
    port_in_use,
    stop_signals_raise,
)

DEMO_SLUG = "demo"
DEMO_ADMIN = "admin"
DEMO_PASSWORD = "admin"


class Command(BaseCommand):
    help = "Run Salesdesk with the Exact Online sandbox, a task worker and the scheduler."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--sandbox-port", type=int, default=8001)
        parser.add_argument("--items", type=int, default=5000)
        parser.add_argument("--customers", type=int, default=5000)
        parser.add_argument("--latency-ms", type=int, default=0)

    def handle(self, *args, **options):
        # SIGTERM and SIGHUP (a supervisor, `timeout`, a closed terminal) stop it like Ctrl-C.
        stop_signals_raise()
        for port in (options["port"], options["sandbox_port"]):
            if port_in_use(port):
                raise CommandError(
                    f"Port {port} is already in use: is another demo still running? "
                    "Stop it, or choose other ports with --port and --sandbox-port."
                )
        env = demo_environment(
            base=os.environ, port=options["port"], sandbox_port=options["sandbox_port"]
        )
        children: dict[str, subprocess.Popen] = {}
        try:
            call_command("migrate", interactive=False, verbosity=0)
            self._ensure_demo_company()
            self._restart_orphaned_runs()
            children = children_start(self._commands(options, env), env)
            self._wait_until_up(options)
            self._print_banner(options, env)
            self._supervise(children)
        except (KeyboardInterrupt, DemoStopping):
            pass
        finally:
            children_stop(children)

    def _ensure_demo_company(self) -> None:
        from salesdesk.confirmations.services import confirmation_settings_save
        from salesdesk.tenants.models import Company
        from salesdesk.tenants.services import company_create

        if not Company.objects.filter(slug=DEMO_SLUG).exists():
            company = company_create(
                slug=DEMO_SLUG,
                name="Demo Wholesale",
                admin_username=DEMO_ADMIN,
                admin_email="admin@demo.example",
                admin_password=DEMO_PASSWORD,
            )
            # The demo mails through the console backend: confirmations on, so the
            # walkthrough's step 7 shows one without a trip to the settings first.
            confirmation_settings_save(
                company=company,
                enabled=True,
                sender_name="Demo Wholesale",
                text="Thank you for your order. We deliver as agreed below.",
            )

    def _restart_orphaned_runs(self) -> None:
        # Every worker is ours and none has started: a run still marked running was cut
        # off when an earlier demo stopped. Start it again now instead of in 10 minutes.
        from salesdesk.integration.sync.revive import sync_runs_restart_orphans

        for run in sync_runs_restart_orphans():
            self.stdout.write(f"Resuming the {run.entity} sync that the last stop cut off.")

    def _commands(self, options, env) -> dict[str, list[str]]:
        exe = [sys.executable, "-m", "salesdesk.cli"]
        prefixes = demo_redirect_prefixes(env["EXACT_REDIRECT_URI"])
        host = "127.0.0.1"
        commands = {
            "sandbox": [
                *exe,
                "sandbox",
                "--host",
                host,
                "--port",
                str(options["sandbox_port"]),
                "--items",
                str(options["items"]),
                "--customers",
                str(options["customers"]),
                "--seed",
                "1",
                "--latency-ms",
                str(options["latency_ms"]),
                "--state-file",
                str(sandbox_state_file()),
                *(arg for prefix in prefixes for arg in ("--demo-redirect-prefix", prefix)),
            ],
            "web": [*exe, "runserver", f"{host}:{options['port']}", "--noreload", "--insecure"],
            # Pictures get their own worker so they never hold up records or orders.
            "worker": [*exe, "worker", "default"],
            "pictures-worker": [*exe, "worker", "pictures"],
        }
        if "scheduler" in get_commands():
            commands["scheduler"] = [*exe, "scheduler"]
        return commands

    def _wait_until_up(self, options) -> None:
        import httpx

        urls = [
            f"http://127.0.0.1:{options['sandbox_port']}/api/v1/current/Me",
            f"http://127.0.0.1:{options['port']}/{DEMO_SLUG}/login",
        ]
        deadline = time.monotonic() + 60
        for url in urls:
            while time.monotonic() < deadline:
                try:
                    httpx.get(url, timeout=2)
                    break
                except httpx.HTTPError:
                    time.sleep(0.3)

    def _print_banner(self, options, env) -> None:
        from exact_sandbox import config as sandbox

        web = f"http://127.0.0.1:{options['port']}"
        self.stdout.write(
            "\n".join(
                [
                    "",
                    "Salesdesk demo is running. Ctrl-C stops everything.",
                    f"  Salesdesk:         {web}/{DEMO_SLUG}/login",
                    f"  Salesdesk login:   {DEMO_ADMIN} / {DEMO_PASSWORD}",
                    f"  Exact sandbox:     http://127.0.0.1:{options['sandbox_port']}",
                    f"  Exact login:       {sandbox.DEMO_USERNAME} / {sandbox.DEMO_PASSWORD}",
                    "  Administration:    Demo Wholesale B.V.",
                    f"  OAuth redirect:    {env['EXACT_REDIRECT_URI']}",
                    "",
                ]
            )
        )

    def _supervise(self, children: dict[str, subprocess.Popen]) -> None:
        while True:
            for name, proc in children.items():
                if proc.poll() is not None:
                    self.stderr.write(f"{name} stopped (exit {proc.returncode}); stopping the demo")
                    return
            time.sleep(0.5)
