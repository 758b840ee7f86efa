"""Turn Exact Online's answers into data or into the error tree (spec §5).

The one place where raw HTTP statuses and odd bodies are interpreted.
"""

from __future__ import annotations

from typing import Any

import httpx
import orjson

from .errors import AuthError, ExactError, NotFound, Rejected, ServerError, TransportError

# A large 200 body can end with an error object glued after valid JSON (spec §5.1).
_APPENDED_ERROR = b'{"error"'


def exact_message(response: httpx.Response) -> str:
    """Exact's own text: `error.message.value`, an OAuth description, or a fault string."""
    try:
        body = orjson.loads(response.content)
    except orjson.JSONDecodeError:
        return response.reason_phrase or f"HTTP {response.status_code}"
    if isinstance(body, dict):
        error = body.get("error")
        if isinstance(error, dict):
            message = error.get("message")
            return str(message.get("value") if isinstance(message, dict) else message or "")
        if "fault" in body:
            return str(body["fault"].get("faultstring", "gateway fault"))
        if error:
            return f"{error}: {body.get('error_description', '')}".strip()
    return response.reason_phrase or f"HTTP {response.status_code}"


def error_for(response: httpx.Response) -> ExactError:
    """The error for a non-2xx answer other than 401 and 429 (those the request path handles)."""
    status = response.status_code
    message = exact_message(response)
    reason = response.headers.get("Reason")
    if reason and reason not in message:
        message = f"{message} ({reason})"
    if 300 <= status < 400:
        location = response.headers.get("Location", "")
        if "login" in location.lower():
            return AuthError("Exact Online redirected to its login page; the token was refused")
        return ServerError(
            f"Exact Online answered an unexpected redirect ({status})", status=status
        )
    if status == 404:
        return NotFound(f"not found in Exact Online: {message}")
    if status >= 500:
        return ServerError(f"Exact Online failed (HTTP {status}): {message}", status=status)
    return Rejected(message, status=status)


def json_body(response: httpx.Response) -> Any:
    """The parsed JSON of a 2xx answer; empty (204) -> None.

    An HTML page with 200 is Exact's maintenance page (spec §5.1): ServerError. A body that does
    not parse (truncated, or an error glued after the JSON) is a TransportError/ServerError;
    both are retriable, never silently accepted.
    """
    content = response.content
    if not content.strip():
        return None
    if _is_html(response):
        raise ServerError("Exact Online answered with an HTML page (maintenance?)", status=200)
    try:
        return orjson.loads(content)
    except orjson.JSONDecodeError as exc:
        if _APPENDED_ERROR in content.replace(b" ", b"")[1:]:
            raise ServerError(
                "Exact Online broke off the response with an error", status=response.status_code
            ) from exc
        raise TransportError("Exact Online sent a truncated or garbled response") from exc


def _is_html(response: httpx.Response) -> bool:
    content_type = response.headers.get("Content-Type", "")
    return "html" in content_type or response.content.lstrip()[:1] == b"<"
