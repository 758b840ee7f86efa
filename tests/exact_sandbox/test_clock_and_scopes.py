"""The sandbox clock and the endpoint -> scope-area table (spec §1.8)."""

import time

import pytest

from exact_sandbox.clock import SandboxClock
from exact_sandbox.scopes import area_of, granted_after_withholding, violation


def test_frozen_clock_moves_only_when_advanced():
    clock = SandboxClock(frozen_at=1000.0)

    assert clock.now() == 1000.0
    assert clock.advance(30) == 1030.0 == clock.now()
    with pytest.raises(ValueError):
        clock.advance(-1)


def test_running_clock_is_real_time_plus_offset():
    clock = SandboxClock()
    clock.advance(3600)

    assert abs(clock.now() - (time.time() + 3600)) < 1


@pytest.mark.parametrize(
    ("resource", "area"),
    [
        ("crm/Accounts", "Crm accounts"),
        ("bulk/CRM/Accounts", "Crm accounts"),
        ("sync/CRM/Accounts", "Crm accounts"),
        ("logistics/Items(guid'0e0a6b1e-0000-4000-8000-000000000001')", "Logistics items"),
        ("bulk/Logistics/Items", "Logistics items"),
        ("logistics/SalesItemPrices", "Sales prices"),
        ("read/logistics/SalesItemPrice", "Sales prices"),
        ("sales/SalesPriceListVolumeDiscounts", "Sales prices"),
        ("salesorder/SalesOrders", "Sales orders"),
        ("read/logistics/StockPosition", "Logistics inventory"),
        ("sync/Inventory/StockPositions", "Logistics inventory"),
        ("system/Divisions", "Organization administration"),
        ("sync/Deleted", "Organization administration"),
        ("webhooks/WebhookSubscriptions", "Organization administration"),
        ("vat/VATCodes", "Financial accounting"),
        ("system/Users", None),
    ],
)
def test_scope_area_per_endpoint(resource, area):
    assert area_of(resource) == area


def test_read_only_grant_covers_get_only():
    granted = granted_after_withholding(withheld=[], read_only=["Sales orders"])

    assert violation(granted, "salesorder/SalesOrders", "GET") is None
    assert violation(granted, "salesorder/SalesOrders", "POST") is not None
    assert violation(granted, "crm/Accounts", "PUT") is None
