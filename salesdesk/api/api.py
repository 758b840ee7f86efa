"""The reps' device API at /api/v1/: the OpenAPI schema at openapi.json, the docs at docs."""

from __future__ import annotations

from functools import partial

import orjson
from ninja import NinjaAPI
from ninja.errors import HttpError
from ninja.renderers import BaseRenderer

from salesdesk.api.auth import RepTokenAuth
from salesdesk.api.docs_page import LocalSwagger
from salesdesk.api.feed import BadCursor
from salesdesk.api.idempotent import FieldErrors
from salesdesk.api.json_decimals import json_default
from salesdesk.api.routes import (
    catalog,
    changes,
    changes_count,
    customers,
    history,
    order_terms,
    orders,
    session,
)
from salesdesk.api.unavailable import UNAVAILABLE_ERRORS, database_unavailable


class OrjsonRenderer(BaseRenderer):
    media_type = "application/json"

    def render(self, request, data, *, response_status):
        return orjson.dumps(data, default=json_default)


api = NinjaAPI(
    title="Salesdesk reps' API",
    version="1",
    description=(
        "For the sales reps' devices: sign in with `POST /api/v1/auth/token`, then send "
        "`Authorization: Bearer <token>`. Every call sees only the token's company."
    ),
    auth=RepTokenAuth(),
    renderer=OrjsonRenderer(),
    urls_namespace="api-v1",
    docs=LocalSwagger(),
)
api.add_router("/auth", session.router)
api.add_router("/", session.me_router)
api.add_router("/", catalog.router)
api.add_router("/", customers.router)
api.add_router("/", history.router)
api.add_router("/", orders.router)
api.add_router("/", order_terms.router)
api.add_router("/", changes.router)
api.add_router("/", changes_count.router)


@api.exception_handler(FieldErrors)
def field_errors(request, exc: FieldErrors):
    return api.create_response(request, {"detail": exc.problems}, status=422)


@api.exception_handler(BadCursor)
def bad_cursor(request, exc: BadCursor):
    problem = {"loc": ["query", "since"], "msg": str(exc), "type": "bad_cursor"}
    return api.create_response(request, {"detail": [problem]}, status=422)


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    # Ninja answers a body that is not JSON with 400; to devices it is one more input problem,
    # answered like the others with the documented 422.
    if exc.status_code == 400:
        problem = {"loc": ["body"], "msg": str(exc), "type": "parse_error"}
        return api.create_response(request, {"detail": [problem]}, status=422)
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


for _error in UNAVAILABLE_ERRORS:
    api.add_exception_handler(_error, partial(database_unavailable, api))
