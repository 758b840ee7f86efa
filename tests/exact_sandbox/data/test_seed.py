"""Seeding: deterministic from the seed, realistic shapes, pictures (spec §3.4, §4.3-4.5, §4.9)."""

from types import SimpleNamespace

import pytest

from exact_sandbox.data.seed import seed_divisions

from .rest_calls import EPOCH


def seeded(seed: int = 5, items: int = 300, customers: int = 120):
    config = SimpleNamespace(items=items, customers=customers, seed=seed)
    return seed_divisions(config, SimpleNamespace(now=lambda: EPOCH))


@pytest.fixture(scope="module")
def divisions():
    return seeded()


def test_same_seed_same_data_guids_included(divisions):
    again = seeded()
    for code, division in divisions.items():
        other = again[code]
        assert list(division.items) == list(other.items)
        assert list(division.accounts) == list(other.accounts)
        assert list(division.item_prices) == list(other.item_prices)
        assert list(division.volume_discounts) == list(other.volume_discounts)


def test_another_seed_gives_other_guids(divisions):
    assert set(seeded(seed=6)[100001].items.keys).isdisjoint(divisions[100001].items.keys)


def test_first_division_is_big_the_others_small(divisions):
    assert [d.name for d in divisions.values()] == [
        "Demo Wholesale B.V.",
        "Demo Wholesale BV",
        "Demo Retail Nederland",
    ]
    sizes = [(len(d.items), len(d.accounts)) for d in divisions.values()]
    assert sizes == [(300, 120), (25, 10), (25, 10)]


def test_item_fields_have_exact_shapes(divisions):
    for item in divisions[100001].items:
        assert item["Code"] == item["Code"].strip()
        assert len(item["Unit"]) == 8
        assert len(item["SalesVatCode"]) == 3
        assert item["Barcode"] is None or item["Barcode"].isdigit()
        assert isinstance(item["IsWebshopItem"], int)
        assert isinstance(item["IsSalesItem"], bool)
        assert item["Created"].startswith("/Date(")
        assert item["ItemGroupCode"] in {g["Code"] for g in divisions[100001].item_groups}


def test_account_fields_have_exact_shapes(divisions):
    lists = set(divisions[100001].price_lists.keys)
    linked = 0
    for account in divisions[100001].accounts:
        assert len(account["Code"]) == 18
        assert account["Code"].strip().isdigit()
        assert account["Country"] in ("NL ", "BE ")
        assert account["Status"] == "C"
        assert 0 <= account["DiscountSales"] < 1
        linked += account["PriceList"] is not None
        assert account["PriceList"] is None or account["PriceList"] in lists
    assert 0 < linked < len(divisions[100001].accounts)


def test_prices_reference_real_rows(divisions):
    division = divisions[100001]
    periods = set(division.price_list_periods.keys)
    for row in division.volume_discounts:
        assert row["PriceListPeriod"] in periods
        assert row["Item"] in division.items
        assert row["EntryMethod"] in (1, 2)
        assert (row["NewPrice"] is None) == (row["EntryMethod"] == 1)
    per_item = [row for row in division.item_prices if row["Account"] is None]
    assert {row["Item"] for row in per_item} == set(division.items.keys)
    assert any(row["Account"] for row in division.item_prices)
    assert any(row["Quantity"] >= 10 for row in division.item_prices)


def test_price_lists_have_current_past_and_future_periods(divisions):
    division = divisions[100001]
    now_ms = (EPOCH + 3600) * 1000
    starts = [int(p["StartDate"][6:-2]) for p in division.price_list_periods]
    assert any(start > now_ms for start in starts)
    assert any(
        p["EndDate"] and int(p["EndDate"][6:-2]) < now_ms for p in division.price_list_periods
    )


def test_about_seventy_percent_of_items_have_a_picture(divisions):
    division = divisions[100001]
    with_picture = [i for i in division.items if i["PictureName"]]
    assert 0.6 < len(with_picture) / len(division.items) < 0.8
    item = with_picture[0]
    data = division.picture_bytes(item["ID"])
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert division.picture_bytes(item["ID"].upper()) == data
    assert f"ID={item['ID']}&ThumbSize=500" in item["PictureUrl"]
    assert item["PictureUrl"].endswith("_Division_=100001")


def test_items_without_picture_point_to_the_placeholder(divisions):
    division = divisions[100001]
    item = next(i for i in division.items if not i["PictureName"])
    assert item["PictureUrl"] == "//docs/images/placeholder_item.png"
    assert division.picture_bytes(item["ID"]) is None
    assert division.picture_bytes("00000000-0000-4000-8000-000000000000") is None
