"""A small threaded HTTP/1.1 server (keep-alive) for the sandbox's WSGI app.

Not wsgiref's server: that one speaks HTTP/1.0 and answers a 500 when the app
raises, while a `drop_after_commit` fault must close the socket with no answer.
"""

from __future__ import annotations

import contextlib
import io
import socket
import sys
import threading
import traceback
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote

from .app import make_app
from .faults import ConnectionDropped
from .state import SandboxState

IDLE_TIMEOUT_SECONDS = 30


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = IDLE_TIMEOUT_SECONDS  # idle keep-alive connections end after this
    # Headers and body go out in separate writes; with Nagle on, a keep-alive
    # client's delayed ACK would add ~40 ms to every small response.
    disable_nagle_algorithm = True
    server: SandboxHTTPServer

    def log_message(self, format: str, *args: object) -> None:
        if self.server.verbose:
            super().log_message(format, *args)

    def _environ(self) -> dict:
        path, _, query = self.path.partition("?")
        length = int(self.headers.get("Content-Length") or 0)
        environ = {
            "REQUEST_METHOD": self.command,
            "PATH_INFO": unquote(path),
            "QUERY_STRING": query,
            "SERVER_NAME": self.server.server_address[0],
            "SERVER_PORT": str(self.server.server_address[1]),
            "SERVER_PROTOCOL": self.request_version,
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(self.rfile.read(length) if length else b""),
            "wsgi.errors": sys.stderr,
            "sandbox.socket": True,
            "CONTENT_LENGTH": str(length) if length else "",
            "CONTENT_TYPE": self.headers.get("Content-Type", ""),
        }
        for name, value in self.headers.items():
            key = "HTTP_" + name.upper().replace("-", "_")
            if key not in ("HTTP_CONTENT_TYPE", "HTTP_CONTENT_LENGTH"):
                environ[key] = value
        return environ

    def _serve(self) -> None:
        captured: list = []
        try:
            chunks = self.server.app(
                self._environ(), lambda status, headers: captured.extend([status, headers])
            )
        except ConnectionDropped:
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        except Exception:  # a sandbox bug: answer like Exact's generic 500, keep serving
            traceback.print_exc()
            self.send_error(500, "A problem has occurred.")
            return
        status, headers = captured
        code, _, phrase = status.partition(" ")
        try:
            self.send_response(int(code), phrase)
            for name, value in headers:
                self.send_header(name, value)
            self.end_headers()
            for chunk in chunks:
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout faults)
            self.close_connection = True

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _serve


class SandboxHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # idle keep-alive threads must not hold up stop()
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], app, verbose: bool = False) -> None:
        super().__init__(address, _Handler)
        self.app = app
        self.verbose = verbose
        self.connections_accepted = 0
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()

    def process_request(self, request, client_address) -> None:
        with self._connections_lock:
            self._connections.add(request)
            self.connections_accepted += 1
        super().process_request(request, client_address)

    def shutdown_request(self, request) -> None:
        with self._connections_lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def close_all(self) -> None:
        """Close the listening socket and every open keep-alive connection."""
        self.server_close()
        with self._connections_lock:
            for connection in list(self._connections):
                with contextlib.suppress(OSError):
                    connection.shutdown(socket.SHUT_RDWR)


@dataclass
class ServerHandle:
    """A running sandbox server: `url` is the base URL (a country host's stand-in)."""

    url: str
    server: SandboxHTTPServer
    thread: threading.Thread

    def stop(self) -> None:
        self.server.shutdown()
        self.server.close_all()
        self.thread.join(timeout=5)


def make_server(state: SandboxState, host: str = "127.0.0.1", port: int = 0, verbose: bool = False):
    return SandboxHTTPServer((host, port), make_app(state), verbose=verbose)


def serve_in_thread(state: SandboxState, host: str = "127.0.0.1", port: int = 0) -> ServerHandle:
    """Serve `state` on a background thread; port 0 picks a free port. Call `.stop()` after."""
    server = make_server(state, host, port)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    bound_host, bound_port = server.server_address[:2]
    return ServerHandle(url=f"http://{bound_host}:{bound_port}", server=server, thread=thread)
