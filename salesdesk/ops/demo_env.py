"""What `salesdesk demo` tells its children: addresses that follow --port and --sandbox-port,
the demo's own webhook secret, and that loopback addresses may receive the (sandbox's)
credentials. Values the operator set in the environment win."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

from salesdesk.env import generated_secret, var_dir

SANDBOX_STATE_FILE = "sandbox-state.pickle"


def new_webhook_secret() -> str:
    return secrets.token_urlsafe(32)


def demo_environment(*, base: Mapping[str, str], port: int, sandbox_port: int) -> dict[str, str]:
    env = {**base, "PYTHONUNBUFFERED": "1", "SALESDESK_EXACT_ALLOW_LOOPBACK": "1"}
    public = env.setdefault("SALESDESK_PUBLIC_URL", f"http://127.0.0.1:{port}").rstrip("/")
    env.setdefault("EXACT_REDIRECT_URI", f"{public}/exact/callback")
    env.setdefault("EXACT_SANDBOX_URL", f"http://127.0.0.1:{sandbox_port}")
    # Not a public default: generated once into var/, given to Salesdesk and the sandbox.
    env["EXACT_WEBHOOK_SECRET"] = base.get("EXACT_WEBHOOK_SECRET") or generated_secret(
        "EXACT_WEBHOOK_SECRET", new_webhook_secret
    )
    return env


def demo_redirect_prefixes(redirect_uri: str) -> list[str]:
    """The demo app's redirect prefixes on the sandbox: the callback's origin, and its
    localhost twin (the canonical-host middleware moves visitors between the two)."""
    parts = urlsplit(redirect_uri)
    origin = f"{parts.scheme}://{parts.netloc}/"
    twins = {"127.0.0.1": "localhost", "localhost": "127.0.0.1"}
    if parts.hostname in twins:
        twin = parts.netloc.replace(parts.hostname, twins[parts.hostname], 1)
        return [origin, f"{parts.scheme}://{twin}/"]
    return [origin]


def sandbox_state_file() -> Path:
    return var_dir() / SANDBOX_STATE_FILE
