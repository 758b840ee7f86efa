"""What `salesdesk demo` hands its children: addresses from its ports, its own webhook secret."""

from __future__ import annotations

from salesdesk.ops.demo_env import demo_environment, demo_redirect_prefixes


def test_the_addresses_follow_the_ports(monkeypatch, tmp_path):
    monkeypatch.setenv("SALESDESK_VAR_DIR", str(tmp_path))
    monkeypatch.delenv("EXACT_WEBHOOK_SECRET", raising=False)
    env = demo_environment(base={}, port=8100, sandbox_port=8101)
    assert env["SALESDESK_PUBLIC_URL"] == "http://127.0.0.1:8100"
    assert env["EXACT_REDIRECT_URI"] == "http://127.0.0.1:8100/exact/callback"
    assert env["EXACT_SANDBOX_URL"] == "http://127.0.0.1:8101"
    assert env["SALESDESK_EXACT_ALLOW_LOOPBACK"] == "1"


def test_the_webhook_secret_is_generated_once_into_var(monkeypatch, tmp_path):
    monkeypatch.setenv("SALESDESK_VAR_DIR", str(tmp_path))
    monkeypatch.delenv("EXACT_WEBHOOK_SECRET", raising=False)
    first = demo_environment(base={}, port=8000, sandbox_port=8001)["EXACT_WEBHOOK_SECRET"]
    again = demo_environment(base={}, port=8000, sandbox_port=8001)["EXACT_WEBHOOK_SECRET"]
    assert first == again == (tmp_path / "exact_webhook_secret.secret").read_text()
    assert first != "sandbox-demo-webhook-secret" and len(first) >= 32
    other = tmp_path / "other"
    monkeypatch.setenv("SALESDESK_VAR_DIR", str(other))
    assert demo_environment(base={}, port=8000, sandbox_port=8001)["EXACT_WEBHOOK_SECRET"] != first


def test_the_operators_values_win(monkeypatch, tmp_path):
    monkeypatch.setenv("SALESDESK_VAR_DIR", str(tmp_path))
    base = {
        "SALESDESK_PUBLIC_URL": "http://localhost:9000/",
        "EXACT_WEBHOOK_SECRET": "mine",
        "EXACT_SANDBOX_URL": "http://127.0.0.1:9001",
    }
    env = demo_environment(base=base, port=8000, sandbox_port=8001)
    assert env["EXACT_REDIRECT_URI"] == "http://localhost:9000/exact/callback"
    assert env["EXACT_WEBHOOK_SECRET"] == "mine"
    assert env["EXACT_SANDBOX_URL"] == "http://127.0.0.1:9001"


def test_the_redirect_prefixes_include_the_loopback_twin():
    assert demo_redirect_prefixes("http://127.0.0.1:8100/exact/callback") == [
        "http://127.0.0.1:8100/",
        "http://localhost:8100/",
    ]
    assert demo_redirect_prefixes("https://sd.example.com/exact/callback") == [
        "https://sd.example.com/"
    ]
