"""A WSGI middleware that records every request the sandbox receives (for request audits).

Wrap the sandbox app: `recorder = RequestRecorder(make_app(state))`, serve `recorder`, then
read `recorder.requests` (`schema.request_audit.Recorded`, with the answer's status).
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import parse_qsl

from .schema.request_audit import Recorded


@dataclass(frozen=True)
class Exchange:
    request: Recorded
    status: int


class RequestRecorder:
    """WSGI app that hands each request to `app` and keeps a copy of it and its status."""

    def __init__(self, app: Callable) -> None:
        self.app = app
        self.exchanges: list[Exchange] = []
        self._lock = threading.Lock()

    @property
    def requests(self) -> list[Recorded]:
        with self._lock:
            return [exchange.request for exchange in self.exchanges]

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        environ["wsgi.input"] = io.BytesIO(body)
        query = dict(parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True))
        request = Recorded(environ["REQUEST_METHOD"], environ.get("PATH_INFO", ""), query, body)

        def recording_start(status: str, headers, exc_info=None):
            with self._lock:
                self.exchanges.append(Exchange(request, int(status.split()[0])))
            if exc_info is None:  # some servers' start_response takes no exc_info
                return start_response(status, headers)
            return start_response(status, headers, exc_info)

        return self.app(environ, recording_start)
