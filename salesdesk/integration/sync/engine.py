"""The sync loop: per page, map, upsert in bulk and advance the cursor in one transaction.

A crash or a kill loses at most the page in flight; the next run resumes at the stored
cursor (spec §3.7: the cursor only moves to Timestamps seen, after their page is stored).
Failures are sorted once, here:
- the daily budget is spent -> stop cleanly, saying when it resets;
- a minute's 429 that the client gave up on -> wait for the reset, resume from the cursor;
- retriable (5xx, timeouts, dropped connections) -> back off with jitter, resume;
- anything else (refused, forbidden, re-authorization needed) -> stop with Exact's words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from exact_client import (
    AccessTokenRefused,
    AuthError,
    Backoff,
    DailyLimitExhausted,
    ExactClient,
    ExactError,
    RateLimited,
    Rejected,
)
from salesdesk.catalog.standard_prices import item_standard_prices_refresh
from salesdesk.integration.connection.reauth import connection_reauth_needed
from salesdesk.integration.mapping import records
from salesdesk.integration.sync import runs
from salesdesk.integration.sync.cursors import cursor_advance, cursor_get, cursor_known
from salesdesk.integration.sync.deletions import DELETIONS, deletions_catch_up, deletions_cursor
from salesdesk.integration.sync.entities import ENTITY_FEEDS
from salesdesk.integration.sync.feeds import Feed, feed_pages, feed_total
from salesdesk.integration.sync.models import SyncEntity, SyncRun
from salesdesk.integration.sync.order_terms_feed import order_terms_refresh
from salesdesk.integration.sync.vat_feed import vat_codes_refresh
from salesdesk.tenants.models import Company

# Between attempts at a feed that keeps failing: 2 s, 4 s, 8 s ... at most a minute.
RETRY_BACKOFF = Backoff(base=2.0, cap=60.0, jitter=1.0)
# Exact refuses fresh tokens for a few minutes after a refresh now and then (spec §1.5,
# pitfall 5): keep trying that long before asking the admins for a new consent.
AUTH_GRACE_SECONDS = 300.0
AUTH_BACKOFF = Backoff(base=20.0, cap=120.0, jitter=5.0)


class SyncStopped(Exception):
    """The run cannot go on; `message` says why in plain words."""

    def __init__(self, message: str, *, needs_reauth: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.needs_reauth = needs_reauth


@dataclass
class Progress:
    """What the run has done so far, for a progress bar (the database has the same)."""

    done: int = 0
    total: int | None = None
    calls: int = 0


class SyncEngine:
    """Runs the feeds of one entity for one company through one ExactClient."""

    def __init__(
        self,
        *,
        company: Company,
        client: ExactClient,
        run: SyncRun,
        clock: Callable[[], float],
        sleep: Callable[[float], Any],
        on_progress: Callable[[Progress], None] | None = None,
        max_failures: int = 6,
    ) -> None:
        self.company = company
        self.client = client
        self.run = run
        self.clock = clock
        self.sleep = sleep
        self.on_progress = on_progress or (lambda progress: None)
        self.max_failures = max_failures
        self.progress = Progress()
        self._calls_at_start = client.calls
        self._progressed = False

    def run_entity(self, entity: str) -> None:
        """Read every feed of `entity` to its end; SyncStopped when the run cannot finish."""
        started = timezone.now()
        feeds = ENTITY_FEEDS[entity]
        deletions_at_start = deletions_cursor(company=self.company)  # before any page is read
        if entity == SyncEntity.ITEMS:  # the rates items take theirs from (vat_feed.py)
            vat_codes_refresh(company=self.company, client=self.client)
        if entity == SyncEntity.CUSTOMERS and self.run.trigger != SyncRun.Trigger.WEBHOOK:
            order_terms_refresh(company=self.company, client=self.client)  # order_terms_feed.py
        from_zero = [
            f for f in feeds if f.stale and cursor_get(company=self.company, feed=f.name) == 0
        ]
        for feed in feeds:
            self._with_retries(feed)
        deletions_catch_up(
            run=self.run,
            cursor_at_start=deletions_at_start,
            read=lambda since: self._with_retries(DELETIONS, since),
            sleep=self.sleep,
        )
        # A complete read from Timestamp 0 saw every live record: the rest is gone from Exact.
        swept = sum(feed.stale(self.company, started) for feed in from_zero)
        if swept:
            self._record(runs.PageCounts(deactivated=swept))
        if entity == SyncEntity.PRICES:  # sync/Logistics/Items has no StandardSalesPrice
            today = timezone.localtime(datetime.fromtimestamp(self.clock(), UTC)).date()
            item_standard_prices_refresh(company=self.company, on_date=today)

    def _cursor(self, feed: Feed) -> int:
        return cursor_get(company=self.company, feed=feed.name)

    @property
    def calls(self) -> int:
        return self.client.calls - self._calls_at_start

    def _with_retries(self, feed: Feed, since: int | None = None) -> None:
        failures = auth_waits = 0
        refused_since: float | None = None
        while True:
            self._progressed = False
            try:
                self._read(feed, since)
                return
            except DailyLimitExhausted as exc:
                raise SyncStopped(daily_limit_message(exc.reset_at)) from exc
            except RateLimited as exc:
                failures = self._failed(exc, failures)
                self._wait(max(0.0, exc.reset_at - self.clock()) + 1.0)
            except AccessTokenRefused as exc:
                refused_since = self.clock() if refused_since is None else refused_since
                if self.clock() - refused_since >= AUTH_GRACE_SECONDS:
                    minutes = round(AUTH_GRACE_SECONDS / 60)
                    raise self._reauth(f"{plain_error(exc)} for {minutes} minutes") from exc
                auth_waits += 1
                self._wait(AUTH_BACKOFF.delay(auth_waits))
            except AuthError as exc:
                if not exc.retriable:  # retriable: a refresh asked too early, chain intact
                    raise self._reauth(plain_error(exc)) from exc
                failures = self._failed(exc, failures)
                self._wait(RETRY_BACKOFF.delay(failures))
            except ExactError as exc:
                if not exc.retriable:
                    raise SyncStopped(plain_error(exc)) from exc
                failures = self._failed(exc, failures)
                self._wait(RETRY_BACKOFF.delay(failures))

    def _reauth(self, problem: str) -> SyncStopped:
        """Stop for a new consent, with the message the Connector tab and the e-mail show."""
        message = connection_reauth_needed(company=self.company, problem=problem)
        return SyncStopped(message, needs_reauth=True)

    def _failed(self, exc: ExactError, failures: int) -> int:
        failures = 1 if self._progressed else failures + 1  # progress resets the count
        if failures > self.max_failures:
            raise SyncStopped(f"Exact Online kept failing: {plain_error(exc)}") from exc
        return failures

    def _wait(self, seconds: float) -> None:
        runs.sync_run_note(run=self.run, calls=self.calls)  # a heartbeat before a long wait
        self.sleep(seconds)

    def _read(self, feed: Feed, since: int | None = None) -> None:
        if not feed.incremental:
            self._read_listing(feed)
            return
        since = self._cursor(feed) if since is None else since
        if feed.counted and since == 0 and self._first_read(feed):
            self._add_total(self._total(feed))
        for index, page in enumerate(feed_pages(feed, self.client, since)):
            if index == 0 and feed.counted and since > 0 and page.next_url is None:
                # A first run's total comes before its first page; an incremental run that
                # fits in one page knows its total too.
                self._add_total(len(page.rows))
            with transaction.atomic():
                counts = feed.store(self.company, page.shaped if feed.shape else page.rows)
                if page.rows:
                    newest = max(records.timestamp_of(row) for row in page.rows)
                    cursor_advance(company=self.company, feed=feed.name, timestamp=newest)
                self._record(counts)
            self.on_progress(self.progress)  # after the commit: the page is safe
        cursor_advance(company=self.company, feed=feed.name, timestamp=0)  # read to its end

    def _first_read(self, feed: Feed) -> bool:
        """A feed that was read to its end before (if empty) is counted on full runs only:
        an empty feed would otherwise cost a count call on every scheduled tick."""
        return self.run.full or not cursor_known(company=self.company, feed=feed.name)

    def _total(self, feed: Feed) -> int | None:
        try:
            return feed_total(feed, self.client)
        except (RateLimited, AuthError):
            raise
        except (StopIteration, ExactError):
            return None  # the total is only for the progress display

    def _read_listing(self, feed: Feed) -> None:
        rows = [row for page in feed_pages(feed, self.client, 0) for row in page.rows]
        self._add_total(len(rows))
        with transaction.atomic():
            counts = feed.store(self.company, rows)
            if feed.sweep:  # else the store sweeps what it did not see itself
                seen = {records.exact_id_of(row) for row in rows}
                counts = replace(counts, deactivated=feed.sweep(self.company, seen))
            self._record(counts)
        self.on_progress(self.progress)

    def _add_total(self, total: int | None) -> None:
        if total is None:
            return
        self.progress.total = (self.progress.total or 0) + total
        runs.sync_run_note(run=self.run, total_add=total, calls=self.calls)
        self.on_progress(self.progress)

    def _record(self, counts: runs.PageCounts) -> None:
        runs.sync_run_record_page(run=self.run, counts=counts, calls=self.calls)
        self.progress.done += counts.rows
        self.progress.calls = self.calls
        self._progressed = True


def plain_error(exc: Exception) -> str:
    """Exact's own message, as a sentence an administrator can read."""
    said = str(exc).strip() or type(exc).__name__
    if isinstance(exc, Rejected) and exc.status == 403:
        if "scope" in exc.message.lower():
            return (
                "Exact Online does not let Salesdesk's app read this data: the app's scopes "
                "in the Exact Online App Center lack it. Add the scope there, then choose "
                f"Authorize Salesdesk again. (Exact said: {exc.message})"
            )
        return (
            "Exact Online refused access: the Exact user who authorized Salesdesk lacks the "
            f"rights for this data in this administration. (Exact said: {exc.message})"
        )
    return said


def daily_limit_message(reset_at: float) -> str:
    """Say that the day's calls are spent and when Exact resets them (local time)."""
    when = "tomorrow"
    if reset_at:
        moment = timezone.localtime(datetime.fromtimestamp(reset_at, tz=UTC))
        when = moment.strftime("%d-%m-%Y %H:%M")
    return (
        "Exact Online's daily limit of API calls for this administration is used up; "
        f"it resets at {when}. The synchronization stopped cleanly and continues from "
        "where it ended on the next run."
    )
