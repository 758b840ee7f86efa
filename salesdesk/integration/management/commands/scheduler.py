"""`salesdesk scheduler`: starts scheduled syncs when due, and re-queues due orders.

Runs next to the task worker (`make demo` starts both). Several schedulers may run: each
tick is claimed with a conditional update, so a due company is started once.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone

from salesdesk.integration.account_push.tasks import account_outbox_sweep
from salesdesk.integration.order_push.tasks import order_outbox_sweep
from salesdesk.integration.sync.open_items_schedule import open_items_tick
from salesdesk.integration.sync.revive import sync_runs_revive
from salesdesk.integration.sync.schedule import schedule_tick
from salesdesk.periodic import scheduler_ticked


class Command(BaseCommand):
    help = "Start scheduled synchronizations when they are due (runs until stopped)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--interval", type=float, default=30.0, help="seconds between checks")
        parser.add_argument("--once", action="store_true", help="check once and exit")

    def handle(self, *args, interval: float, once: bool, **options) -> None:
        while True:
            close_old_connections()
            for run in [*schedule_tick(), *open_items_tick()]:
                self.stdout.write(f"scheduled: {run.company.slug} {run.entity} (run {run.pk})")
            for run in sync_runs_revive():
                self.stdout.write(f"restarted: {run.company.slug} {run.entity} (run {run.pk})")
            # Orders whose send is due again (or whose worker died) go back on the queue;
            # the claim on each order keeps copies of the scheduler from sending twice.
            order_outbox_sweep.call()
            account_outbox_sweep.call()  # new customers, on the same rules
            # The apps this one may not import (confirmations) sweep on this signal; one
            # that fails is reported without stopping the others or the scheduler.
            for receiver, result in scheduler_ticked.send_robust(sender=None, now=timezone.now()):
                if isinstance(result, Exception):
                    self.stderr.write(f"sweep failed: {receiver.__qualname__}: {result!r}")
            if once:
                return
            time.sleep(interval)
