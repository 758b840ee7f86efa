"""While the database cannot be used (locked, restarting, unreachable), the reps' devices get
503 JSON with Retry-After: their offline queue waits and tries again, instead of reading an
HTML error page as a broken server."""

from __future__ import annotations

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse

LOGGER = logging.getLogger("salesdesk.api")
RETRY_AFTER_SECONDS = 5
UNAVAILABLE_ERRORS = (OperationalError, InterfaceError)
DETAIL = "Salesdesk's database is briefly unavailable. Try again in a few seconds."


def database_unavailable(api, request: HttpRequest, exc: Exception) -> HttpResponse:
    LOGGER.warning("API call while the database is unavailable: %s", type(exc).__name__)
    response = api.create_response(request, {"detail": DETAIL}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
