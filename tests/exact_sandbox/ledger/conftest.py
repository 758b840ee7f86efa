import pytest

from exact_sandbox.config import SandboxConfig


@pytest.fixture
def sandbox_config() -> SandboxConfig:
    """The shared fixtures' sandbox (tests/sandbox_fixtures.py), with two years of history."""
    return SandboxConfig(items=60, customers=30, history_months=24)
