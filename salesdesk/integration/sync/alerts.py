"""E-mail to a company's admins when a scheduled sync fails or Exact needs re-authorization.

Once per incident: the first failure sends the mail and marks the schedule as alerted;
later failures stay quiet until a scheduled run succeeds again (which clears the mark).
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from salesdesk.integration.sync.models import SyncSchedule
from salesdesk.tenants.models import Company, Membership

# Where an admin fixes things: the Installation tab (sync history) or Connector settings.
INSTALLATION_PATH = "/{slug}/settings/installation"
CONNECTOR_PATH = "/{slug}/settings/connector"


def alert_admins(*, company: Company, reason: str, needs_reauth: bool = False) -> bool:
    """Mail the admins about this incident unless they already were; True if mailed."""
    schedule, _ = SyncSchedule.objects.get_or_create(company=company)
    claimed = SyncSchedule.objects.filter(pk=schedule.pk, alerted_at__isnull=True).update(
        alerted_at=timezone.now(), alert_reason=reason[:2000]
    )
    if not claimed:
        return False
    recipients = admin_emails(company=company)
    if recipients:
        subject, body = _message(company=company, reason=reason, needs_reauth=needs_reauth)
        transaction.on_commit(
            lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
        )
    return True


def alert_clear(*, company: Company) -> None:
    """The incident is over (a scheduled run succeeded): the next failure mails again."""
    SyncSchedule.objects.filter(company=company, alerted_at__isnull=False).update(
        alerted_at=None, alert_reason=""
    )


def admin_emails(*, company: Company) -> list[str]:
    admins = Membership.objects.filter(company=company, role=Membership.Role.ADMIN)
    return sorted({m.user.email for m in admins.select_related("user") if m.user.email})


def _message(*, company: Company, reason: str, needs_reauth: bool) -> tuple[str, str]:
    path = CONNECTOR_PATH if needs_reauth else INSTALLATION_PATH
    link = settings.PUBLIC_URL + path.format(slug=company.slug)
    if needs_reauth:
        subject = f"Salesdesk ({company.name}): Exact Online needs re-authorization"
        action = "Authorize Salesdesk again on Connector settings"
    else:
        subject = f"Salesdesk ({company.name}): the scheduled synchronization failed"
        action = "See the synchronization history and retry on the Installation tab"
    body = (
        f"The synchronization with Exact Online for {company.name} stopped.\n\n"
        f"Reason: {reason}\n\n{action}: {link}\n\n"
        "You get this e-mail once per incident; the next one comes after a run succeeds again.\n"
    )
    return subject, body
