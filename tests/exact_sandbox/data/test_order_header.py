"""The header of a posted sales order: checked, defaulted and filled as Exact does (§4.6, §9.4)."""

from __future__ import annotations

import pytest

from exact_sandbox.data.seed_crm import DELIVERY, VISIT

from .rest_calls import call, error_text, make_state

ORDERS = "salesorder/SalesOrders"


@pytest.fixture
def state():
    return make_state(items=20, customers=12, warehouses=3)


def _division(state, code: int = 100001):
    return state.divisions[code]


def _accounts(state, code: int = 100001) -> list[dict]:
    return list(_division(state, code).accounts)


def _of(table, account_id: str, **equal) -> dict:
    rows = [table.rows[key] for key in sorted(table.lookup("Account", account_id) or ())]
    return next(row for row in rows if all(row.get(k) == v for k, v in equal.items()))


def _body(state, account: dict, code: int = 100001, **header) -> dict:
    item = next(iter(_division(state, code).items))
    lines = [{"Item": item["ID"], "Quantity": 4, "NetPrice": 25.0}]
    return {"OrderedBy": account["ID"], "SalesOrderLines": lines, **header}


def _post(state, body: dict, code: int = 100001):
    return call(state, ORDERS, method="POST", body=body, division=code)


def test_every_header_field_is_stored_with_what_exact_fills(state):
    division = _division(state)
    account = _accounts(state)[0]
    address = _of(division.addresses, account["ID"], Type=DELIVERY)
    contact = _of(division.contacts, account["ID"])
    method = list(division.shipping_methods)[1]
    condition = list(division.payment_conditions)[2]
    warehouse = next(row for row in division.warehouses if not row["Main"])
    header = {
        "DeliveryAddress": address["ID"], "OrderedByContactPerson": contact["ID"],
        "ShippingMethod": method["ID"], "PaymentCondition": condition["Code"],
        "WarehouseID": warehouse["ID"], "Discount": 0.1,
    }  # fmt: skip

    status, answer = _post(state, _body(state, account, **header))

    assert status == 201, answer
    stored = division.sales_orders.get(answer["d"]["OrderID"])
    for row in (answer["d"], stored):
        assert {name: row[name] for name in header} == header
        assert row["OrderedByContactPersonFullName"] == contact["FullName"]
        assert row["ShippingMethodDescription"] == method["Description"]
        assert row["PaymentConditionDescription"] == condition["Description"]
        assert (row["WarehouseCode"], row["WarehouseDescription"]) == (
            warehouse["Code"], warehouse["Description"],
        )  # fmt: skip
        assert (row["AmountDiscount"], row["AmountFC"], row["AmountDC"]) == (10.0, 90.0, 90.0)


def test_left_out_fields_default_from_the_account(state):
    division = _division(state)
    account = _accounts(state)[1]
    main_address = _of(division.addresses, account["ID"], Type=DELIVERY, Main=True)
    main_contact = division.contacts.get(account["MainContact"])

    status, answer = _post(state, _body(state, account))

    assert status == 201, answer
    order = answer["d"]
    assert order["DeliveryAddress"] == main_address["ID"]
    assert order["OrderedByContactPerson"] == main_contact["ID"]
    assert order["OrderedByContactPersonFullName"] == main_contact["FullName"]
    assert order["PaymentCondition"] == account["PaymentConditionSales"]
    assert order["WarehouseID"] == division.warehouse["ID"]
    assert (order["Discount"], order["AmountDiscount"], order["AmountFC"]) == (0.0, 0.0, 100.0)


def _refusal(state, **header) -> str:
    division = _division(state)
    before = len(division.sales_orders)
    status, answer = _post(state, _body(state, _accounts(state)[0], **header))
    assert status == 400, answer
    assert len(division.sales_orders) == before  # nothing stored
    return error_text(answer)


def test_an_address_of_another_account_or_type_is_refused(state):
    division = _division(state)
    other = _accounts(state)[2]
    elsewhere = _of(division.addresses, other["ID"], Type=DELIVERY)["ID"]
    visit = _of(division.addresses, _accounts(state)[0]["ID"], Type=VISIT)["ID"]
    for address in (elsewhere, visit, "5b3f1a64-0000-4000-8000-000000000000"):
        text = _refusal(state, DeliveryAddress=address)
        assert text.startswith(f"DeliveryAddress: address {address} is not a delivery address")


def test_a_contact_of_another_account_is_refused(state):
    division = _division(state)
    stranger = _of(division.contacts, _accounts(state)[3]["ID"])["ID"]
    text = _refusal(state, OrderedByContactPerson=stranger)
    assert text.startswith(f"OrderedByContactPerson: contact {stranger} is not a contact person")


def test_unknown_shipping_method_payment_condition_and_warehouse_are_refused(state):
    unknown = "0f6d7c59-0000-4000-8000-00000000beef"
    assert _refusal(state, ShippingMethod=unknown) == (
        f"ShippingMethod: shipping method {unknown} does not exist."
    )
    assert _refusal(state, PaymentCondition="99") == (
        "PaymentCondition: payment condition 99 does not exist."
    )
    assert (
        _refusal(state, WarehouseID=unknown) == f"WarehouseID: warehouse {unknown} does not exist."
    )


@pytest.mark.parametrize("discount", [-0.1, 1.5])
def test_a_discount_outside_zero_to_one_is_refused(state, discount):
    assert _refusal(state, Discount=discount).startswith(f"Discount: {discount} is not between")


def test_a_single_warehouse_edition_refuses_any_warehouse_but_the_main_one(state):
    division = _division(state)
    division.single_warehouse = True
    other = next(row for row in division.warehouses if not row["Main"])

    assert "this edition of Exact Online has one warehouse" in _refusal(
        state, WarehouseID=other["ID"]
    )
    status, answer = _post(
        state, _body(state, _accounts(state)[0], WarehouseID=division.warehouse["ID"])
    )
    assert status == 201, answer
    # Another division keeps its warehouses.
    code = 100002
    elsewhere = next(row for row in _division(state, code).warehouses if not row["Main"])
    account = _accounts(state, code)[0]
    status, _ = _post(state, _body(state, account, code, WarehouseID=elsewhere["ID"]), code)
    assert status == 201


def test_put_checks_a_changed_header_too(state):
    _, answer = _post(state, _body(state, _accounts(state)[0]))
    key = f"{ORDERS}(guid'{answer['d']['OrderID']}')"
    status, refused = call(state, key, method="PUT", body={"PaymentCondition": "XX"})
    assert (status, error_text(refused)) == (
        400, "PaymentCondition: payment condition XX does not exist.",
    )  # fmt: skip
    method = next(iter(_division(state).shipping_methods))
    status, _ = call(state, key, method="PUT", body={"ShippingMethod": method["ID"]})
    stored = _division(state).sales_orders.get(answer["d"]["OrderID"])
    assert status == 204
    assert stored["ShippingMethodDescription"] == method["Description"]
