"""`salesdesk worker [QUEUE ...]`: run the task worker of whichever backend is configured.

The database backend (default) runs django-tasks-db's `db_worker`; SALESDESK_TASKS=rq runs
RQ's worker (with its scheduler, which starts tasks deferred with `run_after`, such as the
debounced webhook syncs). Queue names pass through; without any, every queue is served.
Run as many copies, on as many machines, as the load needs.
"""

from __future__ import annotations

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run background tasks with the configured backend (database or RQ) until stopped."

    def add_arguments(self, parser) -> None:
        parser.add_argument("queues", nargs="*", help="queues to serve (default: all)")
        parser.add_argument("--burst", action="store_true", help="run what is queued, then exit")
        parser.add_argument("--max-tasks", type=int, default=None, help="exit after N tasks")

    def handle(self, *args, queues: list[str], burst: bool, max_tasks: int | None, **options):
        names = queues or list(settings.TASK_QUEUES)
        verbosity = options.get("verbosity", 1)
        if settings.SALESDESK_TASKS == "rq":
            self._rq(names, burst=burst, max_tasks=max_tasks, verbosity=verbosity)
        else:
            self._db(names, burst=burst, max_tasks=max_tasks, verbosity=verbosity)

    def _db(self, names: list[str], *, burst: bool, max_tasks: int | None, verbosity: int):
        extra = ["--batch"] if burst else []
        if max_tasks is not None:
            extra += ["--max-tasks", str(max_tasks)]
        call_command(
            "db_worker", "--queue-name", ",".join(names), "--no-reload", *extra,
            verbosity=verbosity,
        )  # fmt: skip

    def _rq(self, names: list[str], *, burst: bool, max_tasks: int | None, verbosity: int):
        extra = ["--burst"] if burst else []
        if max_tasks is not None:
            extra += ["--max-jobs", str(max_tasks)]
        call_command(
            "rqworker", *names, "--with-scheduler",
            "--job-class", "django_tasks_rq.backend.Job", *extra,
            verbosity=verbosity,
        )  # fmt: skip
