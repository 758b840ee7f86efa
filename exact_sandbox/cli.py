"""`salesdesk sandbox`: run the Exact Online sandbox on a local port until Ctrl-C/SIGTERM."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from pathlib import Path

from .app import make_app
from .config import (
    DEMO_PASSWORD,
    DEMO_REDIRECT_PREFIXES,
    DEMO_USERNAME,
    DEMO_WEBHOOK_SECRET,
    ClientApp,
    SandboxConfig,
    demo_app,
)
from .seed import build_state
from .server import SandboxHTTPServer, make_server
from .snapshot import StateKeeper, state_load


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="salesdesk sandbox",
        description="A local imitation of Exact Online (OAuth2 + REST API). "
        "Control API at /_sandbox/ (see exact_sandbox/README.md).",
    )
    add = parser.add_argument
    add("--host", default="127.0.0.1", help="interface to bind (default 127.0.0.1)")
    add("--port", type=int, default=8001, help="port to listen on (default 8001)")
    add("--items", type=int, default=5000, help="items in the first division (default 5000)")
    add(
        "--customers", type=int, default=5000, help="customers in the first division (default 5000)"
    )
    add("--seed", type=int, default=1, help="random seed of the generated data (default 1)")
    add("--warehouses", type=int, default=3, help="warehouses per division (default 3)")
    add(
        "--history-months",
        type=int,
        default=24,
        help="months of seeded orders, deliveries, invoices and payments (default 24; 0: none)",
    )
    add(
        "--history-lines",
        type=int,
        default=10,
        help="average order lines per customer over the history (default 10)",
    )
    add("--latency-ms", type=int, default=0, help="extra delay per API call in ms (default 0)")
    add(
        "--minutely-limit",
        type=int,
        default=60,
        help="calls per app per division per minute (default 60)",
    )
    add(
        "--daily-limit",
        type=int,
        default=5000,
        help="calls per app per division per UTC day (default 5000)",
    )
    add(
        "--fault-rate",
        type=float,
        default=0.0,
        help="fraction of API calls failing at random (default 0)",
    )
    add(
        "--client",
        action="append",
        default=[],
        metavar="ID:SECRET:REDIRECT_PREFIX",
        help="register another app (repeatable); split at the first two colons",
    )
    add(
        "--error-block",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="block a key for 1 h after 10 errors in an hour (on by default, as at Exact)",
    )
    add(
        "--demo-redirect-prefix",
        action="append",
        default=[],
        metavar="URL",
        help="a redirect URI prefix of the demo app, instead of port 8000's (repeatable)",
    )
    add(
        "--state-file",
        type=Path,
        default=None,
        metavar="PATH",
        help="keep tokens, data and orders in this file across restarts (see snapshot.py)",
    )
    add("--verbose", action="store_true", help="log every request")
    return parser


def config_from_args(args: argparse.Namespace) -> SandboxConfig:
    return SandboxConfig(
        items=args.items,
        customers=args.customers,
        seed=args.seed,
        warehouses=args.warehouses,
        history_months=args.history_months,
        history_lines_per_customer=args.history_lines,
        latency_ms=args.latency_ms,
        minutely_limit=args.minutely_limit,
        daily_limit=args.daily_limit,
        fault_rate=args.fault_rate,
        error_block=args.error_block,
        clients=[_demo_app(args), *(ClientApp.parse(spec) for spec in args.client)],
    )


def _demo_app(args: argparse.Namespace) -> ClientApp:
    # The webhook secret comes from the environment, not the command line, where every
    # user of the machine could read it (`salesdesk demo` sets it).
    return demo_app(
        redirect_prefixes=tuple(args.demo_redirect_prefix) or DEMO_REDIRECT_PREFIXES,
        webhook_secret=os.environ.get("EXACT_WEBHOOK_SECRET") or DEMO_WEBHOOK_SECRET,
    )


def _banner(url: str, config: SandboxConfig) -> str:
    demo = config.clients[0]
    lines = [
        f"Exact Online sandbox at {url}  (control API: {url}/_sandbox/)",
        f"  demo app client id:     {demo.client_id}",
        f"  demo app client secret: {demo.secret}",
        f"  redirect URI prefixes:  {', '.join(demo.redirect_prefixes)}",
        f"  demo user login:        {DEMO_USERNAME} / {DEMO_PASSWORD}",
        *(
            f"  extra app: {app.client_id} -> {app.redirect_prefixes[0]}"
            for app in config.clients[1:]
        ),
        "Ctrl-C to stop.",
    ]
    return "\n".join(lines)


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    """Run the sandbox in the foreground; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        config = config_from_args(args)
    except ValueError as error:
        parser.error(str(error))
    if args.state_file is None:
        server, keeper = make_server(build_state(config), args.host, args.port, args.verbose), None
    else:
        server, keeper = _kept_server(args, config)
    host, port = server.server_address[:2]
    print(_banner(f"http://{host}:{port}", config), flush=True)
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, _stop)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.close_all()
        if keeper is not None:
            keeper.close()
    print("sandbox stopped", file=sys.stderr)
    return 0


def _kept_server(args: argparse.Namespace, config: SandboxConfig):
    state = state_load(args.state_file, config)
    if state is None:
        state = build_state(config)
    else:
        print(f"Resumed the sandbox's tokens and data from {args.state_file}", flush=True)
    keeper = StateKeeper(state, args.state_file).start()
    server = SandboxHTTPServer(
        (args.host, args.port), keeper.watch(make_app(state)), verbose=args.verbose
    )
    return server, keeper


if __name__ == "__main__":
    sys.exit(main())
