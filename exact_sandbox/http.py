"""The sandbox's HTTP vocabulary, shared by the WSGI app and the REST handlers."""

from __future__ import annotations

from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import parse_qs, parse_qsl

import orjson


@dataclass
class Response:
    status: int
    body: bytes = b""
    headers: list[tuple[str, str]] = field(default_factory=list)

    def header(self, name: str, value: str) -> Response:
        self.headers.append((name, value))
        return self


def json_response(status: int, payload: object) -> Response:
    return Response(
        status=status,
        body=orjson.dumps(payload),
        headers=[("Content-Type", "application/json; charset=utf-8")],
    )


@dataclass
class RestRequest:
    """A division-scoped API call, after authentication and rate limiting.

    `resource` is the path after `/api/v1/{division}/`, e.g. `logistics/Items`,
    `logistics/Items(guid'…')`, `bulk/Logistics/Items`, `sync/Deleted`.
    `query` holds the decoded query options (`$select`, `$filter`, ...).
    """

    method: str
    division: int
    resource: str
    query: dict[str, str]
    body: bytes
    headers: dict[str, str]  # lower-case names
    base_url: str  # e.g. "http://127.0.0.1:8001", no trailing slash
    client_id: str = ""
    raw_query: str = ""
    username: str = ""  # the Exact user behind the bearer token
    divisions: tuple[int, ...] = ()  # divisions this token may use (user's access ∩ consent)


def html_response(status: int, html: str) -> Response:
    return Response(
        status=status,
        body=html.encode("utf-8"),
        headers=[("Content-Type", "text/html; charset=utf-8")],
    )


def text_response(status: int, text: str) -> Response:
    return Response(
        status=status, body=text.encode("utf-8"), headers=[("Content-Type", "text/plain")]
    )


def redirect(location: str, status: int = 302) -> Response:
    return Response(status=status, headers=[("Location", location)])


@dataclass
class Request:
    """One incoming HTTP request, decoded from a WSGI environ."""

    method: str
    path: str
    query: dict[str, str]
    raw_query: str
    headers: dict[str, str]  # lower-case names
    body: bytes
    base_url: str
    socket: bool = False  # served by exact_sandbox.server (a real socket), not in-process

    @classmethod
    def from_environ(cls, environ: dict) -> Request:
        headers = {
            key[5:].replace("_", "-").lower(): value
            for key, value in environ.items()
            if key.startswith("HTTP_")
        }
        for key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            if environ.get(key):
                headers[key.replace("_", "-").lower()] = environ[key]
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        raw_query = environ.get("QUERY_STRING", "")
        host = headers.get("host") or f"{environ['SERVER_NAME']}:{environ['SERVER_PORT']}"
        return cls(
            method=environ["REQUEST_METHOD"].upper(),
            path=environ.get("PATH_INFO", "") or "/",
            query=dict(parse_qsl(raw_query, keep_blank_values=True)),
            raw_query=raw_query,
            headers=headers,
            body=body,
            base_url=f"{environ.get('wsgi.url_scheme', 'http')}://{host}",
            socket=bool(environ.get("sandbox.socket")),
        )

    def form(self) -> dict[str, str]:
        return dict(parse_qsl(self.body.decode("utf-8", "replace"), keep_blank_values=True))

    def form_lists(self) -> dict[str, list[str]]:
        return parse_qs(self.body.decode("utf-8", "replace"), keep_blank_values=True)

    def cookie(self, name: str) -> str | None:
        jar = SimpleCookie()
        jar.load(self.headers.get("cookie", ""))
        morsel = jar.get(name)
        return morsel.value if morsel else None

    def json(self) -> dict:
        return orjson.loads(self.body) if self.body.strip() else {}
