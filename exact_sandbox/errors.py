"""Error bodies exactly as Exact Online sends them (spec §5.1, §1.7)."""

from __future__ import annotations

from .http import Response, json_response


def odata_error(status: int, message: str) -> Response:
    """`{"error":{"code":"","message":{"lang":"","value":…}}}` (spec §5.1)."""
    return json_response(status, {"error": {"code": "", "message": {"lang": "", "value": message}}})


def oauth_error(status: int, error: str, description: str, reason: str | None = None) -> Response:
    """Token-endpoint errors, with Exact's `Reason` header where it sends one (spec §1.7)."""
    response = json_response(status, {"error": error, "error_description": description})
    if reason:
        response.header("Reason", reason)
    return response


def empty(status: int) -> Response:
    """429 and 401 arrive with an empty body (spec §2.3, §5.2)."""
    return Response(status=status)
