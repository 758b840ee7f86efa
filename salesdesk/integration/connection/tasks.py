"""The background check of a granted consent (authorization_checks.py): a thin adapter."""

from __future__ import annotations

from datetime import UTC, datetime

from django_tasks import task

from salesdesk.integration.connection.authorization_checks import (
    CheckPostponed,
    authorization_check_fail,
    authorization_check_run,
)
from salesdesk.integration.connection.models import AuthorizationCheck
from salesdesk.integration.connection.outgoing_http import outgoing_http
from salesdesk.integration.rate_budget.gate import shared_rate_gate

GAVE_UP = (
    "Exact Online kept refusing calls while Salesdesk checked the authorization (its budget "
    "of calls per minute is spent). Click Authorize Salesdesk again in a few minutes."
)
CRASHED = (
    "Salesdesk could not finish checking the authorization (an internal error was logged). "
    "Click Authorize Salesdesk again."
)


@task()
def authorization_check(check_id: int) -> str:
    """Check one granted consent; connect the company when it passes."""
    check = (
        AuthorizationCheck.objects.select_related("company")
        .filter(pk=check_id, state=AuthorizationCheck.State.CHECKING)
        .first()
    )
    if check is None:
        return "missing"
    try:
        with outgoing_http() as http:
            connection = authorization_check_run(check=check, http=http, gate=shared_rate_gate())
    except CheckPostponed as later:
        if not authorization_check.get_backend().supports_defer:
            authorization_check_fail(check=check, message=GAVE_UP)
            return "failed"
        at = datetime.fromtimestamp(later.retry_at, UTC)
        authorization_check.using(run_after=at).enqueue(check_id)
        return "postponed"
    except Exception:
        authorization_check_fail(check=check, message=CRASHED)  # never "checking…" forever
        raise
    return "connected" if connection else "refused"


def authorization_check_enqueue(*, check: AuthorizationCheck) -> None:
    """Hand a stored (committed) check to the workers."""
    authorization_check.enqueue(check.pk)
