"""Without `Accept: application/json` the answer is Atom XML, as Exact's default (§3.6)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from tests.sandbox_fixtures import api_headers

NS = {
    "a": "http://www.w3.org/2005/Atom",
    "d": "http://schemas.microsoft.com/ado/2007/08/dataservices",
    "m": "http://schemas.microsoft.com/ado/2007/08/dataservices/metadata",
}
M_TYPE = f"{{{NS['m']}}}type"
M_NULL = f"{{{NS['m']}}}null"
ITEMS = "/api/v1/100001/logistics/Items"
QUERY = {"$select": "ID,Code,Stock,IsSalesItem,Modified,Notes", "$filter": "IsSalesItem eq true"}


@pytest.fixture
def bearer(demo_tokens) -> dict:
    return {"Authorization": f"Bearer {demo_tokens['access_token']}"}


def _properties(entry: ET.Element) -> dict[str, ET.Element]:
    props = entry.find("a:content/m:properties", NS)
    assert entry.find("a:content", NS).get("type") == "application/xml"
    return {element.tag.split("}")[1]: element for element in props}


@pytest.mark.parametrize("accept", [None, "application/atom+xml", "*/*"])
def test_a_collection_is_a_feed_with_the_same_rows_as_json(sandbox_http, bearer, accept):
    headers = {**bearer, **({"Accept": accept} if accept else {})}
    atom = sandbox_http.get(ITEMS, params=QUERY, headers=headers)
    json = sandbox_http.get(ITEMS, params=QUERY, headers={**bearer, "Accept": "application/json"})

    assert atom.status_code == 200
    assert atom.headers["Content-Type"].startswith("application/atom+xml;type=feed")
    assert "X-RateLimit-Minutely-Remaining" in atom.headers
    feed = ET.fromstring(atom.content)
    assert feed.tag == f"{{{NS['a']}}}feed"
    rows = json.json()["d"]["results"]
    entries = feed.findall("a:entry", NS)
    assert [e.find("a:id", NS).text for e in entries] == [r["__metadata"]["uri"] for r in rows]
    first, row = _properties(entries[0]), rows[0]
    assert list(first) == ["ID", "Code", "Stock", "IsSalesItem", "Modified", "Notes"]
    assert (first["ID"].text, first["ID"].get(M_TYPE)) == (row["ID"], "Edm.Guid")
    assert (first["Code"].text, first["Code"].get(M_TYPE)) == (row["Code"], None)
    assert (float(first["Stock"].text), first["Stock"].get(M_TYPE)) == (row["Stock"], "Edm.Double")
    assert first["IsSalesItem"].text == "true"
    assert first["Modified"].get(M_TYPE) == "Edm.DateTime"
    assert first["Modified"].text.startswith("20")  # wall-clock text, not /Date(ms)/
    if row["Notes"] is None:
        assert (first["Notes"].get(M_NULL), first["Notes"].text) == ("true", None)
    else:
        assert first["Notes"].text == row["Notes"]
    category = entries[0].find("a:category", NS)
    assert category.get("term") == "Exact.Web.Api.Models.Item"
    assert feed.find("a:link[@rel='next']", NS).get("href") == json.json()["d"]["__next"]


def test_one_entity_is_an_entry_with_deferred_links(sandbox_http, bearer, sandbox_state):
    orders = sandbox_http.post(
        "/api/v1/100001/salesorder/SalesOrders", headers=api_headers(bearer["Authorization"][7:]),
        json={"OrderedBy": next(iter(sandbox_state.divisions[100001].accounts))["ID"],
              "SalesOrderLines": [{"Item": next(iter(sandbox_state.divisions[100001].items))["ID"],
                                   "Quantity": 1}]},
    )  # fmt: skip
    order_id = orders.json()["d"]["OrderID"]

    atom = sandbox_http.get(f"/api/v1/100001/salesorder/SalesOrders(guid'{order_id}')",
                            headers=bearer)  # fmt: skip

    assert atom.headers["Content-Type"].startswith("application/atom+xml;type=entry")
    entry = ET.fromstring(atom.content)
    assert entry.tag == f"{{{NS['a']}}}entry"
    assert _properties(entry)["OrderID"].text == order_id
    related = NS["d"] + "/related/SalesOrderLines"
    link = entry.find(f"a:link[@rel='{related}']", NS)
    assert link.get("href").endswith(f"SalesOrders(guid'{order_id}')/SalesOrderLines")
    assert "SalesOrderLines" not in _properties(entry)


def test_sync_rows_carry_int64_timestamps(sandbox_http, bearer):
    atom = sandbox_http.get(
        "/api/v1/100001/sync/Logistics/Items",
        params={"$select": "Timestamp,ID", "$filter": "Timestamp gt 1", "$top": "2"},
        headers=bearer,
    )
    entries = ET.fromstring(atom.content).findall("a:entry", NS)
    stamp = _properties(entries[0])["Timestamp"]
    assert stamp.get(M_TYPE) == "Edm.Int64" and int(stamp.text) > 1


def test_errors_are_odata_xml_errors(sandbox_http, bearer):
    atom = sandbox_http.get(ITEMS, params={"$select": "Colour"}, headers=bearer)

    assert atom.status_code == 400
    assert atom.headers["Content-Type"].startswith("application/xml")
    error = ET.fromstring(atom.content)
    assert error.tag == f"{{{NS['m']}}}error"
    assert error.find("m:code", NS).text in (None, "")
    assert "Could not find a property named 'Colour'" in error.find("m:message", NS).text


def test_current_me_in_atom_and_count_stays_a_number(sandbox_http, bearer):
    me = sandbox_http.get("/api/v1/current/Me", headers=bearer)
    (entry,) = ET.fromstring(me.content).findall("a:entry", NS)
    assert _properties(entry)["UserName"].text == "demo"
    count = sandbox_http.get("/api/v1/100001/vat/VATCodes/$count", headers=bearer)
    assert count.status_code == 200 and int(count.text) > 0


def test_a_fault_that_breaks_the_body_is_passed_on_as_it_is(sandbox_http, bearer, sandbox_state):
    sandbox_state.faults.add("appended_error", "vat/VATCodes")
    broken = sandbox_http.get("/api/v1/100001/vat/VATCodes", headers=bearer)
    assert broken.status_code == 200
    assert broken.content.endswith(b"}}}") and b'{"error"' in broken.content
