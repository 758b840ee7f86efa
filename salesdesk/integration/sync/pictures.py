"""The pictures pass: after items are stored, fetch only new or changed pictures.

Items are usable at once (with a placeholder). Picture downloads are budgeted as if Exact
counts them (unconfirmed, spec §4.9), and they yield to the record syncs: the pass keeps
MINUTE_RESERVE calls of every minute and DAY_RESERVE calls of the day for the records,
waiting for the minute's reset or stopping until the daily reset when it would go below.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.core.files.base import ContentFile
from django.db.models import F, Q

from exact_client import (
    AccessTokenRefused,
    AuthError,
    BlankPicture,
    DailyLimitExhausted,
    ExactClient,
    ExactError,
    NotFound,
    RateGate,
    gate_key,
)
from salesdesk.catalog.models import Item
from salesdesk.catalog.services import item_picture_stored
from salesdesk.integration.connection.clients import ConnectionNotReady, exact_client_for
from salesdesk.integration.connection.reauth import connection_reauth_needed
from salesdesk.integration.sync import runs
from salesdesk.integration.sync.engine import daily_limit_message, plain_error
from salesdesk.integration.sync.models import SyncRun

MINUTE_RESERVE = 30
DAY_RESERVE = 1000
PLACEHOLDER = "placeholder_item"


def pictures_pending(*, company) -> Any:
    """Active items whose picture we do not have in its current version."""
    with_picture = Item.objects.filter(company=company, active=True).exclude(picture_url="")
    with_picture = with_picture.exclude(picture_url__contains=PLACEHOLDER)
    changed = ~Q(picture_fetched_name=F("picture_name")) | Q(picture="")
    return with_picture.filter(changed).order_by("pk")


def pictures_execute(
    *,
    run: SyncRun,
    client: ExactClient | None = None,
    gate: RateGate | None = None,
    clock: Callable[[], float] = time.time,
    sleep: Callable[[float], Any] = time.sleep,
) -> SyncRun:
    """Download pending pictures within the budget; the run records done/total and calls."""
    if not runs.sync_run_begin(run=run):
        return run
    gate = gate or RateGate()
    try:
        client = client or exact_client_for(
            company=run.company, clock=clock, sleep=sleep, gate=gate
        )
    except ConnectionNotReady as exc:
        runs.sync_run_finish(run=run, error=exc.message)
        return run
    start_calls = client.calls
    pending = list(pictures_pending(company=run.company))
    runs.sync_run_note(run=run, total_add=len(pending))
    pacer = _Pacer(gate, gate_key(client.base_url, client.division), clock, sleep)
    error = note = ""
    try:
        for item in pending:
            if not pacer.wait_for_room():
                note = daily_limit_message(pacer.day_reset or 0)
                break
            _fetch_one(client, item)
            counts = runs.PageCounts(rows=1, updated=1)
            runs.sync_run_record_page(run=run, counts=counts, calls=client.calls - start_calls)
    except DailyLimitExhausted as exc:
        note = daily_limit_message(exc.reset_at)
    except BlankPicture:
        stored = SyncRun.objects.values_list("done", flat=True).get(pk=run.pk)
        error = blank_picture_message(stored=stored, due=len(pending) - stored)
    except AuthError as exc:
        error = _auth_problem(run, exc)
    except ExactError as exc:
        error = plain_error(exc)
    runs.sync_run_finish(run=run, error=error, note=note, calls=client.calls - start_calls)
    return run


def _auth_problem(run: SyncRun, exc: AuthError) -> str:
    """A refused token may pass in minutes (spec §1.5): the pictures wait for the next run;
    a dead chain needs a new consent, in the words the Connector tab uses."""
    if exc.retriable or isinstance(exc, AccessTokenRefused):
        return f"{plain_error(exc)}. The pictures stay due for the next run."
    return connection_reauth_needed(company=run.company, problem=plain_error(exc))


def blank_picture_message(*, stored: int, due: int) -> str:
    """Why the pass stopped at Exact's blank image, and that nothing blank was kept."""
    return (
        "Exact Online answered a picture with its blank 1×1 image, which it sends when it does "
        f"not accept Salesdesk's access token. The pass stopped there: {stored} pictures were "
        f"stored, no blank one; {due} pictures stay due and are fetched again on the next run."
    )


def _fetch_one(client: ExactClient, item: Item) -> None:
    try:
        content = client.pictures.download(item.picture_url)
    except NotFound:
        content = None  # gone in Exact: remember the name so we do not ask again
    if item.picture:
        item.picture.delete(save=False)
    name = ""
    if content:
        item.picture.save(
            f"{item.company_id}/{item.exact_id}.png", ContentFile(content), save=False
        )
        name = item.picture.name
    item_picture_stored(item=item, name=name)


class _Pacer:
    """Reads the budget the client's gate learned from Exact's headers, keeps the reserves."""

    def __init__(self, gate: RateGate, key: str, clock, sleep) -> None:
        self.gate, self.key, self.clock, self.sleep = gate, key, clock, sleep
        self.day_reset: float | None = None

    def wait_for_room(self) -> bool:
        """Sleep until this minute's budget has room; False when the day's reserve is reached."""
        budget = self.gate.budget(self.key)
        now = self.clock()
        day_low = _below(budget.day_remaining, DAY_RESERVE)
        if day_low and budget.day_reset and budget.day_reset > now:
            self.day_reset = budget.day_reset
            return False
        minute_low = _below(budget.minute_remaining, MINUTE_RESERVE)
        if minute_low and budget.minute_reset and budget.minute_reset > now:
            self.sleep(budget.minute_reset - now + 1.0)
        return True


def _below(remaining: int | None, reserve: int) -> bool:
    return remaining is not None and remaining <= reserve
