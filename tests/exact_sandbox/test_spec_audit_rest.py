"""Spec audit, REST side (spec §1.2, §2.2, §3, §4, §5): raw HTTP as a foreign client sends it."""

import re
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from tests.sandbox_fixtures import api_headers, demo_token_pair

D1 = "/api/v1/100001"


@pytest.fixture
def headers(demo_tokens) -> dict[str, str]:
    return api_headers(demo_tokens["access_token"])


def _follow(http: httpx.Client, url: str, headers: dict) -> list[list[dict]]:
    """Every page of a collection, GETting each `__next` link exactly as given."""
    pages = []
    while url:
        response = http.get(url, headers=headers)
        assert response.status_code == 200, response.text
        d = response.json()["d"]
        pages.append(d if isinstance(d, list) else d["results"])
        url = None if isinstance(d, list) else d.get("__next")
    return pages


def test_divisions_answer_by_integer_key_and_count(sandbox_http, headers):
    one = sandbox_http.get(f"{D1}/system/Divisions(100002)?$select=Code,Hid", headers=headers)
    missing = sandbox_http.get(f"{D1}/system/Divisions(424242)", headers=headers)
    count = sandbox_http.get(
        f"{D1}/system/Divisions/$count", headers={"Authorization": headers["Authorization"]}
    )

    assert one.status_code == 200
    assert one.json()["d"]["Code"] == 100002
    assert one.json()["d"]["Hid"] == "2"
    assert one.json()["d"]["__metadata"]["uri"].endswith("/system/Divisions(100002)")
    assert missing.status_code == 404
    assert set(missing.json()["error"]) == {"code", "message"}
    assert count.text == "3"


def test_divisions_answer_in_the_current_division_even_if_it_was_not_consented(sandbox_http):
    tokens = demo_token_pair(sandbox_http, divisions=[100002])
    headers = api_headers(tokens["access_token"])
    me = sandbox_http.get("/api/v1/current/Me?$select=CurrentDivision", headers=headers)
    current = me.json()["d"]["results"][0]["CurrentDivision"]

    divisions = sandbox_http.get(f"/api/v1/{current}/system/Divisions", headers=headers)
    items = sandbox_http.get(
        f"/api/v1/{current}/logistics/Items?$select=ID&$filter=Code eq 'A'", headers=headers
    )

    assert current == 100001
    assert divisions.status_code == 200
    assert "X-RateLimit-Minutely-Remaining" in divisions.headers
    assert 100002 in [row["Code"] for row in divisions.json()["d"]["results"]]
    assert items.status_code == 403
    assert items.headers["Reason"].startswith("NoDivisionAccess")


def test_next_links_work_verbatim_with_quotes_spaces_and_datetime_skiptokens(
    sandbox_http, sandbox_state, headers
):
    start = (
        f"{D1}/crm/Accounts?$select=ID,Modified&$filter=Name ne 'O''Neil' and "
        "Modified ge datetime'2000-01-01T00:00:00'&$orderby=Modified desc"
    )

    first = sandbox_http.get(start, headers=headers).json()["d"]["__next"]
    pages = _follow(sandbox_http, start, headers)

    ids = [row["ID"] for page in pages for row in page]
    modified = [int(row["Modified"][6:-2]) for page in pages for row in page]
    assert [len(page) for page in pages[:-1]] == [60] * (len(pages) - 1)
    assert sorted(ids) == sorted(sandbox_state.divisions[100001].accounts.keys)
    assert modified == sorted(modified, reverse=True)
    # The recorded form: `$skiptoken=datetime'2018-09-21T04%3A18%3A55.617',guid'…'`.
    assert re.search(r"\$skiptoken=datetime'\d{4}-\d\d-\d\dT\d\d%3A\d\d%3A[\d.]+',guid'", first)


def test_skip_works_on_legacy_endpoints_and_the_next_link_does_not_repeat_it(
    sandbox_http, sandbox_state, headers
):
    query = "$select=ID&$filter=Status eq 'C'"
    everything = [row["ID"] for page in _follow(sandbox_http, f"{D1}/crm/Accounts?{query}", headers)
                  for row in page]  # fmt: skip

    first = sandbox_http.get(f"{D1}/crm/Accounts?{query}&$skip=50", headers=headers).json()["d"]
    rest = _follow(sandbox_http, first["__next"], headers)

    assert "$skip" not in parse_qs(urlsplit(first["__next"]).query)
    assert [row["ID"] for row in first["results"]] == everything[50:110]
    assert [row["ID"] for page in rest for row in page] == everything[110:]


def test_sales_order_lines_have_bulk_and_sync_feeds(sandbox_http, headers):
    account = sandbox_http.get(
        f"{D1}/crm/Accounts?$select=ID&$filter=Blocked eq false&$top=1", headers=headers
    ).json()["d"][0]["ID"]
    items = sandbox_http.get(
        f"{D1}/logistics/Items?$select=ID&$filter=IsSalesItem eq true&$top=2", headers=headers
    ).json()["d"]
    lines = [{"Item": item["ID"], "Quantity": 2} for item in items]
    order = sandbox_http.post(
        f"{D1}/salesorder/SalesOrders",
        headers=headers,
        json={"OrderedBy": account, "SalesOrderLines": lines},
    ).json()["d"]

    bulk = sandbox_http.get(
        f"{D1}/bulk/SalesOrder/SalesOrderLines?$select=ID,OrderID,LineNumber", headers=headers
    )
    sync_url = f"{D1}/sync/SalesOrder/SalesOrderLines?$select=Timestamp,ID,OrderID"
    synced = sandbox_http.get(f"{sync_url}&$filter=Timestamp gt 1", headers=headers)
    sandbox_http.delete(f"{D1}/salesorder/SalesOrders(guid'{order['OrderID']}')", headers=headers)
    after_delete = sandbox_http.get(f"{sync_url}&$filter=Timestamp gt 1", headers=headers)

    assert [row["OrderID"] for row in bulk.json()["d"]["results"]] == [order["OrderID"]] * 2
    rows = synced.json()["d"]["results"]
    stamps = [int(row["Timestamp"]) for row in rows]
    assert all(isinstance(row["Timestamp"], str) for row in rows)  # Int64 as a string
    assert stamps == sorted(stamps) and len(set(stamps)) == 2
    assert rows[0]["__metadata"]["uri"].endswith(f"/SalesOrderLines({stamps[0]}L)")
    assert after_delete.json()["d"]["results"] == []


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/logistics/Items?$select=Nope&$filter=Code eq 'A'", 400),
        ("GET", "/logistics/Items(guid'00000000-0000-0000-0000-000000000000')", 404),
        ("GET", "/logistics/NoSuchThing", 404),
        ("PUT", "/logistics/Items", 405),
        ("POST", "/bulk/Logistics/Items", 405),
    ],
)
def test_api_errors_have_the_odata_body_and_the_rate_limit_headers(
    sandbox_http, headers, method, path, status
):
    response = sandbox_http.request(method, D1 + path, headers=headers, json={})

    assert response.status_code == status
    assert response.headers["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["error"]["code"] == "" and body["error"]["message"]["lang"] == ""
    assert isinstance(body["error"]["message"]["value"], str) and body["error"]["message"]["value"]
    for name in ("X-RateLimit-Remaining", "X-RateLimit-Minutely-Remaining"):
        assert name in response.headers


def test_inlinecount_keeps_the_results_envelope_even_with_a_small_top(sandbox_http, headers):
    response = sandbox_http.get(
        f"{D1}/crm/Accounts?$select=ID&$filter=Blocked eq false&$top=3&$inlinecount=allpages",
        headers=headers,
    )

    d = response.json()["d"]
    assert isinstance(d, dict)
    assert len(d["results"]) == 3
    assert isinstance(d["__count"], str) and int(d["__count"]) > 3
    assert "__next" not in d  # $top=3 caps the whole answer


def test_users_of_one_app_share_the_division_budget(sandbox_http, sandbox_state):
    sandbox_state.config.minutely_limit = 3
    demo = api_headers(demo_token_pair(sandbox_http)["access_token"])
    retail = api_headers(
        demo_token_pair(sandbox_http, username="retail", password="retail")["access_token"]
    )
    url = "/api/v1/100003/logistics/Items?$select=ID&$filter=Code eq 'A'"

    answers = [sandbox_http.get(url, headers=h) for h in (demo, retail, demo, retail)]

    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert [a.headers.get("X-RateLimit-Minutely-Remaining") for a in answers] == list("2100")
