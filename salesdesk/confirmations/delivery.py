"""Mailing one confirmation: claim it, send it once, record what happened.

The claim (Pending, or Retrying once due, -> Sending) is a conditional update only one
worker wins, so a task run twice mails once. A temporary mail failure (see `mail_failures`)
waits for a retry (`retry_policy`); a permanent one, or a PDF that cannot be made, fails at
once. A worker that dies while Sending leaves its lease to run out: `sweep` marks the row
unknown and never sends it again by itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from salesdesk.confirmations.mail import confirmation_message
from salesdesk.confirmations.mail_failures import MailFailure, mail_failure
from salesdesk.confirmations.models import Confirmation
from salesdesk.confirmations.order_notes import local_time, order_note
from salesdesk.confirmations.pdf import confirmation_pdf, confirmation_title
from salesdesk.confirmations.retry_policy import MAIL_RETRY, MailRetry
from salesdesk.confirmations.selectors import confirmation_settings_get

logger = logging.getLogger(__name__)
Status = Confirmation.Status

# Longer than a send can take: rendering the PDF plus the mail server's timeouts.
LEASE = timedelta(minutes=10)


def confirmation_deliver(
    *,
    confirmation_id: int,
    clock: Callable[[], datetime] = timezone.now,
    retry: MailRetry = MAIL_RETRY,
) -> str | None:
    """Mail a due confirmation; its status afterwards, or None when it is not ours to send."""
    now = clock()
    claimable = Q(status=Status.PENDING) | Q(status=Status.RETRYING, available_at__lte=now)
    won = Confirmation.objects.filter(claimable, pk=confirmation_id).update(
        status=Status.SENDING, lease_until=now + LEASE, attempts=F("attempts") + 1
    )
    if not won:
        return None
    confirmation = Confirmation.objects.select_related(
        "order__company", "order__customer", "actor"
    ).get(pk=confirmation_id)
    title = confirmation_title(document=confirmation.document)
    try:
        message = _message(confirmation)
    except Exception as exc:  # WeasyPrint missing or the page not renderable: no retry helps
        logger.warning("confirmation %s: no PDF: %s", confirmation_id, type(exc).__name__)
        reason = f"{title} not mailed: the PDF could not be made ({exc})"
        return _record(confirmation, Status.FAILED, reason, clock())
    try:
        message.send()
    except Exception as exc:
        failure = mail_failure(exc)
        logger.warning("confirmation %s not mailed: %s", confirmation_id, failure.reason)
        return _failed(confirmation, failure, clock(), retry)
    return _record(confirmation, Status.SENT, _sent_note(confirmation, title), clock())


def _message(confirmation: Confirmation):
    order = confirmation.order
    settings_row = confirmation_settings_get(company=order.company)
    pdf = confirmation_pdf(order=order, document=confirmation.document, settings=settings_row)
    return confirmation_message(
        confirmation=confirmation, order=order, settings_row=settings_row, pdf=pdf
    )


def _failed(
    confirmation: Confirmation, failure: MailFailure, now: datetime, retry: MailRetry
) -> str:
    title = confirmation_title(document=confirmation.document)
    if not failure.transient:
        return _record(confirmation, Status.FAILED, f"{title} not mailed: {failure.reason}", now)
    failing_since = confirmation.failing_since or now
    attempts = confirmation.attempts
    next_at = retry.next_at(failures=attempts, failing_since=failing_since, now=now)
    if next_at is None:
        given_up = f"{title} not mailed: {failure.reason}; gave up after {attempts} attempts"
        return _record(confirmation, Status.FAILED, given_up, now)
    note = (
        f"{title} to {confirmation.to} not mailed yet (attempt {attempts}): {failure.reason}. "
        f"Waiting to retry at {local_time(next_at)}."
    )
    with transaction.atomic():
        waiting = Confirmation.objects.filter(pk=confirmation.pk, status=Status.SENDING).update(
            status=Status.RETRYING,
            available_at=next_at,
            failing_since=failing_since,
            lease_until=None,
            error=failure.reason,
        )
        if waiting:
            order_note(order=confirmation.order, message=note, actor=confirmation.actor)
            return Status.RETRYING
    # The sweep took it for lost meanwhile and told people to resend by hand: no retry.
    return _record(confirmation, Status.FAILED, f"{title} not mailed: {failure.reason}", now)


def _record(confirmation: Confirmation, status: str, note: str, now: datetime) -> str:
    """The attempt's outcome; also when the sweep marked the row unknown meanwhile (the
    worker was slow, not dead): what it knows now beats "not known"."""
    sent = status == Status.SENT
    with transaction.atomic():
        updated = Confirmation.objects.filter(
            pk=confirmation.pk, status__in=(Status.SENDING, Status.UNKNOWN)
        ).update(
            status=status,
            sent_at=now if sent else None,
            error="" if sent else note,
            lease_until=None,
        )
        if updated:
            order_note(order=confirmation.order, message=note, actor=confirmation.actor)
    return status


def _sent_note(confirmation: Confirmation, title: str) -> str:
    if confirmation.attempts > 1:
        return f"{title} mailed to {confirmation.to} (attempt {confirmation.attempts})."
    return f"{title} mailed to {confirmation.to}."
