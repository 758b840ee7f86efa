"""`salesdesk sync <company> [--entity items|customers|prices|stock|sales-orders|invoices|
receivables|addresses|contacts|quotations|all] [--full]`: the same sync as the Synchronize
buttons, in the foreground, with a progress bar."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from salesdesk.integration.sync import runs
from salesdesk.integration.sync.models import SyncRun
from salesdesk.integration.sync.services import RECORD_ENTITIES, sync_execute
from salesdesk.tenants.models import Company


class Command(BaseCommand):
    help = "Synchronize records from Exact Online in the foreground (all of them by default)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("company", help="the company's slug, as in /<company>/login")
        parser.add_argument(
            "--entity", choices=[*RECORD_ENTITIES, "all"], default="all", help="what to sync"
        )
        parser.add_argument("--full", action="store_true", help="read everything again")

    def handle(self, *args, company: str, entity: str, full: bool, **options) -> None:
        the_company = Company.objects.filter(slug=company).first()
        if the_company is None:
            raise CommandError(f"No company {company!r}")
        entities = RECORD_ENTITIES if entity == "all" else (entity,)
        failed = [e for e in entities if not self._one(the_company, e, full)]
        if failed:
            raise CommandError(f"Synchronization failed: {', '.join(failed)}")

    def _one(self, company: Company, entity: str, full: bool) -> bool:
        run, created = runs.sync_run_start(
            company=company, entity=entity, trigger=SyncRun.Trigger.CLI, full=full
        )
        if not created:
            self.stderr.write(
                f"{entity}: a run is already going on (started {run.queued_at:%H:%M})"
            )
            return False
        with Progress(
            TextColumn(f"[bold]{entity:<12}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[calls]} calls"),
            TimeElapsedColumn(),
        ) as bar:
            task = bar.add_task(entity, total=None, calls=0)
            run = sync_execute(
                run=run,
                on_progress=lambda p: bar.update(
                    task, completed=p.done, total=p.total, calls=p.calls
                ),
            )
        self.stdout.write(
            f"{entity}: {run.get_status_display().lower()}; created {run.created}, updated "
            f"{run.updated}, deactivated {run.deactivated}, skipped {run.skipped}; "
            f"{run.calls} Exact Online calls"
        )
        if run.error:
            self.stderr.write(f"{entity}: {run.error}")
        return not run.error
