"""Salesdesk behind gunicorn, the production WSGI server (`salesdesk serve`).

Settings come from the command line or the environment: SALESDESK_BIND (127.0.0.1:8000),
SALESDESK_WEB_WORKERS (2), SALESDESK_WEB_THREADS (4), SALESDESK_WEB_TIMEOUT (60 s) and
SALESDESK_FORWARDED_ALLOW_IPS (127.0.0.1: the proxies whose X-Forwarded-* headers count).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gunicorn.app.base import BaseApplication

from salesdesk.env import env_int, env_str

# The path without its query string: OAuth codes, states and search terms stay out of the
# log; the address is the proxy's and the client's as the proxy forwarded it.
ACCESS_LOG_FORMAT = '%(h)s %({x-forwarded-for}i)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'


@dataclass(frozen=True)
class ServeOptions:
    bind: str
    workers: int
    threads: int
    timeout: int
    forwarded_allow_ips: str

    @classmethod
    def from_env(cls) -> ServeOptions:
        return cls(
            bind=env_str("SALESDESK_BIND", "127.0.0.1:8000"),
            workers=env_int("SALESDESK_WEB_WORKERS", 2),
            threads=env_int("SALESDESK_WEB_THREADS", 4),
            timeout=env_int("SALESDESK_WEB_TIMEOUT", 60),
            forwarded_allow_ips=env_str("SALESDESK_FORWARDED_ALLOW_IPS", "127.0.0.1"),
        )


class SalesdeskServer(BaseApplication):
    def __init__(self, options: ServeOptions, load_app: Callable) -> None:
        self.options = options
        self.load_app = load_app
        super().__init__()

    def load_config(self) -> None:
        settings = {
            "bind": [self.options.bind],
            "workers": self.options.workers,
            "threads": self.options.threads,
            "timeout": self.options.timeout,
            "forwarded_allow_ips": self.options.forwarded_allow_ips,
            "accesslog": "-",
            "errorlog": "-",
            "access_log_format": ACCESS_LOG_FORMAT,
            "proc_name": "salesdesk-web",
            # gunicorn's control socket lives in $HOME, one path for every copy on the
            # machine: several web processes would fight over it. Salesdesk does not use it.
            "control_socket_disable": True,
        }
        for name, value in settings.items():
            self.cfg.set(name, value)

    def load(self) -> Callable:
        return self.load_app()
