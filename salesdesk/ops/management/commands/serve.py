"""`salesdesk serve`: the web process for production, gunicorn (salesdesk/ops/web_server.py)."""

from __future__ import annotations

from dataclasses import replace

from django.core.management.base import BaseCommand

from salesdesk.ops.web_server import SalesdeskServer, ServeOptions


def _wsgi_application():
    from salesdesk.wsgi import application

    return application


class Command(BaseCommand):
    help = "Serve Salesdesk with gunicorn (binds, workers and threads from flags or environment)."

    def add_arguments(self, parser) -> None:
        defaults = ServeOptions.from_env()
        parser.add_argument("--bind", default=defaults.bind, help="HOST:PORT (SALESDESK_BIND)")
        parser.add_argument(
            "--workers",
            type=int,
            default=defaults.workers,
            help="processes (SALESDESK_WEB_WORKERS)",
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=defaults.threads,
            help="per process (SALESDESK_WEB_THREADS)",
        )

    def handle(self, *args, bind: str, workers: int, threads: int, **options) -> None:
        chosen = replace(ServeOptions.from_env(), bind=bind, workers=workers, threads=threads)
        SalesdeskServer(chosen, _wsgi_application).run()
