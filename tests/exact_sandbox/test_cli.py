"""`salesdesk sandbox` command line (exact_sandbox.cli)."""

import signal
import subprocess
import sys

import httpx
import pytest

from exact_sandbox.cli import build_parser, config_from_args
from exact_sandbox.config import DEMO_CLIENT_ID, ClientApp


def test_flags_build_the_config():
    args = build_parser().parse_args(
        [
            "--items",
            "10",
            "--customers",
            "7",
            "--seed",
            "3",
            "--latency-ms",
            "5",
            "--minutely-limit",
            "9",
            "--daily-limit",
            "99",
            "--fault-rate",
            "0.1",
            "--error-block",
            "--client",
            "abc:s3cret:https://app.example/cb",
            "--client",
            "def:x:http://localhost:9000/",
        ]
    )

    config = config_from_args(args)

    assert (config.items, config.customers, config.seed, config.latency_ms) == (10, 7, 3, 5)
    assert (config.minutely_limit, config.daily_limit, config.fault_rate) == (9, 99, 0.1)
    assert config.error_block is True
    assert [app.client_id for app in config.clients] == [DEMO_CLIENT_ID, "abc", "def"]
    assert config.clients[1].redirect_prefixes == ("https://app.example/cb",)


def test_the_error_block_is_on_unless_switched_off():
    assert config_from_args(build_parser().parse_args([])).error_block is True
    switched_off = build_parser().parse_args(["--no-error-block"])
    assert config_from_args(switched_off).error_block is False


def test_client_spec_splits_at_the_first_two_colons():
    app = ClientApp.parse("id:secret:http://127.0.0.1:9000/cb")

    assert (app.client_id, app.secret, app.redirect_prefixes) == (
        "id",
        "secret",
        ("http://127.0.0.1:9000/cb",),
    )
    with pytest.raises(ValueError):
        ClientApp.parse("only-one:part")


def test_help_documents_every_flag(capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--help"])

    text = capsys.readouterr().out
    for flag in (
        "--port",
        "--host",
        "--items",
        "--customers",
        "--seed",
        "--latency-ms",
        "--minutely-limit",
        "--daily-limit",
        "--fault-rate",
        "--client",
        "--error-block",
        "--demo-redirect-prefix",
        "--state-file",
    ):
        assert flag in text


def test_main_serves_until_sigterm():
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "exact_sandbox.cli",
            "--port",
            "0",
            "--items",
            "20",
            "--customers",
            "10",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        banner = [process.stdout.readline() for _ in range(5)]
        url = banner[0].split(" at ", 1)[1].split()[0]
        assert DEMO_CLIENT_ID in banner[1]
        assert "sandbox-demo-secret" in banner[2]
        assert "http://127.0.0.1:8000/" in banner[3]
        assert "demo / demo" in banner[4]
        assert httpx.get(url + "/_sandbox/", timeout=5).status_code == 200
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
        process.stdout.close()
        process.stderr.close()


def test_demo_redirect_prefixes_and_webhook_secret_move(monkeypatch):
    monkeypatch.setenv("EXACT_WEBHOOK_SECRET", "from-the-environment")
    args = build_parser().parse_args(
        ["--demo-redirect-prefix", "http://127.0.0.1:8100/", "--demo-redirect-prefix", "x/"]
    )
    demo = config_from_args(args).clients[0]
    assert demo.redirect_prefixes == ("http://127.0.0.1:8100/", "x/")
    assert demo.webhook_secret == "from-the-environment"
    monkeypatch.delenv("EXACT_WEBHOOK_SECRET")
    default = config_from_args(build_parser().parse_args([])).clients[0]
    assert default.redirect_prefixes == ("http://127.0.0.1:8000/", "http://localhost:8000/")
