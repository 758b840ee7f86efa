"""GET on plain and bulk collections: paging, envelopes, query options (spec §3.1-3.5)."""

import pytest

from exact_sandbox.odata.values import ms_to_literal

from .rest_calls import BASE, call, error_text, follow, make_state, read_all

ACCOUNTS = "crm/Accounts"
ALL_ACCOUNTS = {"$filter": "Status eq 'C'", "$select": "ID,Code,Name"}


@pytest.fixture(scope="module")
def state():
    return make_state(items=2100, customers=150)


def division(state):
    return state.divisions[100001]


def test_plain_endpoint_pages_by_60_to_the_last_row(state):
    rows, pages = read_all(state, ACCOUNTS, ALL_ACCOUNTS)
    assert [len(page["results"]) for page in pages] == [60, 60, 30]
    assert [row["ID"] for row in rows] == division(state).accounts.keys  # stable key order
    assert "__next" not in pages[-1]


def test_next_link_is_absolute_and_repeats_every_option(state):
    _, body = call(state, ACCOUNTS, ALL_ACCOUNTS)
    link = body["d"]["__next"]
    last_id = body["d"]["results"][-1]["ID"]
    assert link.startswith(f"{BASE}/api/v1/100001/crm/Accounts?")
    assert link.endswith(f"$skiptoken=guid'{last_id}'")
    resource, query = follow(link)
    assert resource == ACCOUNTS
    assert query == {**ALL_ACCOUNTS, "$skiptoken": f"guid'{last_id}'"}


def test_bulk_pages_by_1000_to_the_last_row(state):
    rows, pages = read_all(state, "bulk/Logistics/Items", {"$select": "ID,Code"})
    assert [len(page["results"]) for page in pages] == [1000, 1000, 100]
    assert len({row["ID"] for row in rows}) == 2100
    assert pages[0]["__next"].endswith(f"$skiptoken=guid'{rows[999]['ID']}'")


def test_bulk_requires_select_or_top_1(state):
    status, body = call(state, "bulk/CRM/Accounts")
    assert status == 400
    assert error_text(body) == "Please add a $select or a $top=1 statement to the query string."
    assert call(state, "bulk/CRM/Accounts", {"$top": "1"})[0] == 200


def test_small_top_gives_the_plain_array_envelope(state):
    status, body = call(state, ACCOUNTS, {**ALL_ACCOUNTS, "$top": "5"})
    assert status == 200
    assert isinstance(body["d"], list)
    assert len(body["d"]) == 5


def test_large_top_caps_rows_and_carries_the_remainder(state):
    _, body = call(state, ACCOUNTS, {**ALL_ACCOUNTS, "$top": "100"})
    assert len(body["d"]["results"]) == 60
    resource, query = follow(body["d"]["__next"])
    assert query["$top"] == "40"
    status, second = call(state, resource, query)
    assert status == 200
    assert len(second["d"]) == 40  # $top=40 now: the plain envelope
    ids = [row["ID"] for row in body["d"]["results"] + second["d"]]
    assert ids == division(state).accounts.keys[:100]


def test_inlinecount_is_a_string_inside_d(state):
    _, body = call(state, ACCOUNTS, {**ALL_ACCOUNTS, "$inlinecount": "allpages"})
    assert body["d"]["__count"] == "150"
    _, blocked = call(state, ACCOUNTS, {"$filter": "Blocked eq true", "$inlinecount": "allpages"})
    expected = sum(1 for a in division(state).accounts if a["Blocked"])
    assert blocked["d"]["__count"] == str(expected)


def test_orderby_pages_with_sort_key_and_guid_skiptoken(state):
    query = {"$filter": "Status eq 'C'", "$select": "ID,Name,Modified", "$orderby": "Modified desc"}
    rows, pages = read_all(state, ACCOUNTS, query)
    stamps = [int(row["Modified"][6:-2]) for row in rows]
    assert stamps == sorted(stamps, reverse=True)
    assert len({row["ID"] for row in rows}) == 150
    token = follow(pages[0]["__next"])[1]["$skiptoken"]
    assert token.startswith("datetime'")
    assert token.endswith(f",guid'{rows[59]['ID']}'")


def test_orderby_on_a_string_field(state):
    query = {"$filter": "Status eq 'C'", "$select": "ID,Name", "$orderby": "Name"}
    rows, _ = read_all(state, ACCOUNTS, query)
    assert [r["Name"] for r in rows] == sorted(a["Name"] for a in division(state).accounts)


def test_select_limits_fields_and_keeps_metadata(state):
    _, body = call(state, ACCOUNTS, {**ALL_ACCOUNTS, "$top": "1"})
    row = body["d"][0]
    assert set(row) == {"__metadata", "ID", "Code", "Name"}
    assert row["__metadata"] == {
        "uri": f"{BASE}/api/v1/100001/crm/Accounts(guid'{row['ID']}')",
        "type": "Exact.Web.Api.Models.Account",
    }


def test_unknown_select_field_is_refused(state):
    status, body = call(state, ACCOUNTS, {"$filter": "Status eq 'C'", "$select": "ID,Nope"})
    assert status == 400
    assert "Nope" in error_text(body)


def test_no_select_gives_every_field_with_explicit_nulls_and_deferred_links(state):
    account = division(state).accounts.keys[0]
    status, body = call(state, f"crm/Accounts(guid'{account}')")
    assert status == 200
    entity = body["d"]
    assert entity["ID"] == account
    assert entity["Fax"] is None
    assert entity["BankAccounts"] == {
        "__deferred": {"uri": f"{BASE}/api/v1/100001/crm/Accounts(guid'{account}')/BankAccounts"}
    }


def test_mandatory_filtering_on_items_and_accounts(state):
    for resource in ("logistics/Items", ACCOUNTS):
        status, body = call(state, resource, {"$select": "ID"})
        assert status == 400
        assert error_text(body).startswith("This endpoint has mandatory filtering applied.")
    status, _ = call(state, "logistics/Items", {"$select": "ID", "$filter": "Description ne null"})
    assert status == 200
    state.config.mandatory_filtering = False
    try:
        assert call(state, ACCOUNTS, {"$select": "ID"})[0] == 200
    finally:
        del state.config.mandatory_filtering


def test_key_lookups_use_the_index_and_accept_or(state):
    first, second = division(state).items.keys[:2]
    codes = [division(state).items.rows[k]["Code"] for k in (first, second)]
    query = {"$filter": f"Code eq '{codes[1]}' or Code eq '{codes[0]}'", "$select": "ID,Code"}
    _, body = call(state, "logistics/Items", query)
    assert [row["ID"] for row in body["d"]["results"]] == [first, second]
    _, by_id = call(state, "logistics/Items", {"$filter": f"ID eq guid'{second.upper()}'"})
    assert [row["Code"] for row in by_id["d"]["results"]] == [codes[1]]


def test_account_code_filter_needs_the_padding(state):
    code = division(state).accounts.rows[division(state).accounts.keys[0]]["Code"]
    padded = {"$filter": f"Code eq '{code}'", "$select": "Code"}
    assert [r["Code"] for r in call(state, ACCOUNTS, padded)[1]["d"]["results"]] == [code]
    bare = {"$filter": f"Code eq '{code.strip()}'", "$select": "Code"}
    assert call(state, ACCOUNTS, bare)[1]["d"]["results"] == []
    trimmed = {"$filter": f"trim(Code) eq '{code.strip()}'", "$select": "Code"}
    assert len(call(state, ACCOUNTS, trimmed)[1]["d"]["results"]) == 1


def test_item_values_and_picture_urls(state):
    item = next(i for i in division(state).items if i["PictureName"])
    _, body = call(state, f"logistics/Items(guid'{item['ID']}')")
    entity = body["d"]
    assert entity["PictureUrl"] == (
        f"{BASE}/docs/SysImage.aspx?Table=Items&ID={item['ID']}&ThumbSize=500"
        "&NoCache=1&OptimizeForWeb=1&_Division_=100001"
    )
    assert "ThumbSize=100" in entity["PictureThumbnailUrl"]
    assert "Timestamp" not in entity
    assert isinstance(entity["StandardSalesPrice"], float)
    plain = next(i for i in division(state).items if not i["PictureName"])
    _, body = call(state, f"logistics/Items(guid'{plain['ID']}')", {"$select": "PictureUrl"})
    assert body["d"]["PictureUrl"] == f"{BASE}//docs/images/placeholder_item.png"


def test_price_endpoints_follow_the_navigation(state):
    account = next(a for a in division(state).accounts if a["PriceList"])
    query = {"$filter": f"PriceList eq guid'{account['PriceList']}'", "$select": "ID,StartDate"}
    _, periods = call(state, "sales/SalesPriceListPeriods", query)
    assert len(periods["d"]["results"]) >= 2
    period = periods["d"]["results"][0]["ID"]
    rows, _ = read_all(
        state,
        "sales/SalesPriceListVolumeDiscounts",
        {"$filter": f"PriceListPeriod eq guid'{period}'", "$select": "Item,Quantity,EntryMethod"},
    )
    expected = division(state).volume_discounts.lookup("PriceListPeriod", period)
    assert len(rows) == len(expected) > 0


def test_divisions_lists_the_users_divisions(state):
    status, body = call(state, "system/Divisions", {"$select": "Code,Description,Hid"})
    assert status == 200
    rows = body["d"]["results"]
    assert [r["Code"] for r in rows] == [100001, 100002, 100003]
    assert rows[0]["Description"] == "Demo Wholesale B.V."
    assert rows[0]["Hid"] == "1"  # Int64 as a string


def test_unknown_paths_and_keys_are_404(state):
    status, body = call(state, "logistics/Nope")
    assert status == 404
    assert error_text(body) == "Resource not found for the segment 'Nope'."
    missing = "logistics/Items(guid'00000000-0000-4000-8000-000000000000')"
    assert call(state, missing)[0] == 404


def test_service_segments_are_case_insensitive(state):
    assert call(state, "LOGISTICS/itemgroups")[0] == 200
    assert call(state, "Bulk/logistics/Items", {"$select": "ID", "$top": "1"})[0] == 200


def test_count_is_a_bare_number(state):
    status, body = call(state, "logistics/ItemGroups/$count")
    assert (status, body) == (200, str(len(division(state).item_groups)).encode())


def test_skip_is_refused_on_endpoints_newer_than_march_2017(state):
    for resource in ("sales/SalesPriceLists", "bulk/CRM/Accounts", "sync/CRM/Accounts"):
        status, body = call(state, resource, {"$skip": "10", "$select": "ID"})
        assert status == 400, resource
        assert "$skiptoken" in error_text(body)


def test_datetime_filter_compares_wall_clock_values(state):
    rows = list(division(state).accounts)
    pivot = sorted(int(row["Modified"][6:-2]) for row in rows)[100]
    literal = ms_to_literal(pivot)
    query = {"$filter": f"Modified ge datetime'{literal}'", "$inlinecount": "allpages"}
    _, body = call(state, ACCOUNTS, {**query, "$select": "ID"})
    assert body["d"]["__count"] == str(sum(1 for r in rows if int(r["Modified"][6:-2]) >= pivot))
