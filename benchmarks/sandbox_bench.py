"""How fast the Exact Online sandbox serves a 1,000-row bulk or sync page.

Issue 2 asks for "well under 100 ms" per 1,000-row bulk page, so that the
sandbox is never the bottleneck of a sync benchmark. Measured over a real
socket (what the demo and the socket tests use) and in-process (WSGI).
"""

from __future__ import annotations

import statistics
import time

import httpx

from exact_sandbox.app import make_app
from exact_sandbox.config import SandboxConfig
from exact_sandbox.seed import build_state
from exact_sandbox.server import serve_in_thread
from tests.sandbox_fixtures import api_headers, demo_token_pair, sandbox_client

ITEMS = CUSTOMERS = 5000
DIVISION = 100001
ITEM_SELECT = (
    "ID,Code,Description,ExtraDescription,ItemGroupCode,ItemGroupDescription,Unit,"
    "UnitDescription,SalesVatCode,Barcode,StandardSalesPrice,Stock,StartDate,EndDate,"
    "PictureUrl,PictureName,Modified"
)
ACCOUNT_SELECT = (
    "ID,Code,Name,AddressLine1,Postcode,City,Country,Email,Phone,VATNumber,Blocked,"
    "PaymentConditionSales,DiscountSales,PriceList,Modified"
)
PATHS = {
    "bulk/Logistics/Items": ITEM_SELECT,
    "bulk/CRM/Accounts": ACCOUNT_SELECT,
    # The sync items have no StandardSalesPrice (exact-online-fields.md).
    "sync/Logistics/Items": ITEM_SELECT.replace("StandardSalesPrice,", "") + ",Timestamp",
}


def page_times(http: httpx.Client, token: str, path: str, select: str) -> list[float]:
    """Walk every page of `path` following `__next`; return each page's seconds."""
    params: dict | None = {"$select": select}
    if path.startswith("sync/"):
        params["$filter"] = "Timestamp gt 1L"
    url = f"/api/v1/{DIVISION}/{path}"
    times = []
    while url:
        start = time.perf_counter()
        response = http.get(url, params=params, headers=api_headers(token))
        response.raise_for_status()
        body = response.json()["d"]
        times.append(time.perf_counter() - start)
        assert len(body["results"]) in (1000, ITEMS % 1000 or 1000)
        url, params = body.get("__next"), None
    return times


def measure(http: httpx.Client, token: str) -> dict[str, list[float]]:
    page_times(http, token, "bulk/Logistics/Items", ITEM_SELECT)  # warm-up
    return {path: page_times(http, token, path, select) for path, select in PATHS.items()}


def main() -> None:
    config = SandboxConfig(
        items=ITEMS, customers=CUSTOMERS, seed=1, minutely_limit=100_000, daily_limit=1_000_000
    )
    start = time.perf_counter()
    state = build_state(config)
    seed_seconds = time.perf_counter() - start
    rows = []
    in_process = sandbox_client(make_app(state))
    token = demo_token_pair(in_process)["access_token"]
    for label, result in (("in-process (WSGI)", measure(in_process, token)),):
        rows += [(label, path, times) for path, times in result.items()]
    handle = serve_in_thread(state)
    try:
        with httpx.Client(base_url=handle.url, timeout=30) as http:
            rows += [("socket 127.0.0.1", p, t) for p, t in measure(http, token).items()]
    finally:
        handle.stop()
    print("## Exact Online sandbox: one 1,000-row page\n")
    print(f"Seeding {ITEMS:,} items and {CUSTOMERS:,} customers: {seed_seconds * 1000:.0f} ms.\n")
    print("| transport | endpoint | pages | median ms | max ms | target |")
    print("|---|---|---|---|---|---|")
    for label, path, times in rows:
        ms = [t * 1000 for t in times]
        print(
            f"| {label} | `{path}` | {len(ms)} | {statistics.median(ms):.1f} "
            f"| {max(ms):.1f} | < 100 ms |"
        )


if __name__ == "__main__":
    main()
