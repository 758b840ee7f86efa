"""Turn Exact Online's answers into data or into the error tree (spec §5).

The one place where raw HTTP statuses and odd bodies are interpreted.
"""

from __future__ import annotations

import re
from typing import Any

import httpx
import orjson

from .errors import AuthError, ExactError, NotFound, Rejected, ServerError, TransportError

# A large 200 body can end with an error object glued after valid JSON (spec §5.1).
_APPENDED_ERROR = re.compile(rb'\}\s*\{\s*"error"')


def exact_message(response: httpx.Response) -> str:
    """Exact's own text: `error.message.value`, an OAuth description, or a fault string.

    Any other body (empty, HTML, XML, odd JSON) falls back to the OData XML `<message>` or
    the reason phrase; this never raises (spec §5.1).
    """
    try:
        body = orjson.loads(_without_bom(response.content))
    except orjson.JSONDecodeError:
        return _xml_message(response.content) or _fallback(response)
    return (_json_message(body) if isinstance(body, dict) else "") or _fallback(response)


def _json_message(body: dict) -> str:
    error = body.get("error", body.get("odata.error"))
    if isinstance(error, dict):
        message = error.get("message")
        if isinstance(message, dict):
            message = message.get("value")
        return str(message or error.get("code") or "")
    fault = body.get("fault")
    if fault is not None:
        faultstring = fault.get("faultstring") if isinstance(fault, dict) else fault
        return str(faultstring or "gateway fault")
    if error:
        return f"{error}: {body.get('error_description') or ''}".strip(": ")
    message = body.get("message", body.get("Message"))  # ASP.NET's own error shape
    return message if isinstance(message, str) else ""


def _xml_message(content: bytes) -> str:
    # OData's XML error: <error><code/><message xml:lang="en">text</message></error>
    start = content.find(b"<message")
    start = content.find(b">", start) + 1 if start >= 0 else 0
    end = content.find(b"</message>", start)
    if start <= 0 or end < 0:
        return ""
    return content[start:end].decode("utf-8", "replace").strip()


def _fallback(response: httpx.Response) -> str:
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
    if status >= 500 or status == 408:  # 408: the server gave up waiting; worth a retry
        return ServerError(f"Exact Online failed (HTTP {status}): {message}", status=status)
    return Rejected(message, status=status)


def json_body(response: httpx.Response) -> Any:
    """The parsed JSON of a 2xx answer; empty (204) -> None.

    An HTML page with 200 is Exact's maintenance page (spec §5.1): ServerError; a login page
    (a redirect the HTTP client followed) is an AuthError. A body that does not parse
    (truncated, or an error glued after the JSON) is a TransportError/ServerError; both are
    retriable, never silently accepted.
    """
    content = _without_bom(response.content)
    if not content.strip():
        return None
    if _is_html(response):
        if "login" in response.url.path.lower():
            raise AuthError("Exact Online sent its login page; the token was refused")
        raise ServerError(
            "Exact Online answered with an HTML or XML page, not JSON (maintenance?)", status=200
        )
    try:
        return orjson.loads(content)
    except orjson.JSONDecodeError as exc:
        if _APPENDED_ERROR.search(content, 1):
            raise ServerError(
                "Exact Online broke off the response with an error", status=response.status_code
            ) from exc
        raise TransportError("Exact Online sent a truncated or garbled response") from exc


def _without_bom(content: bytes) -> bytes:
    # .NET servers may start UTF-8 JSON with a byte-order mark, which orjson refuses.
    return content[3:] if content[:3] == b"\xef\xbb\xbf" else content


def _is_html(response: httpx.Response) -> bool:
    content_type = response.headers.get("Content-Type", "")
    return "html" in content_type or response.content.lstrip()[:1] == b"<"
