"""Quotations (spec §9.1, §9.4): `crm/Quotations` with its header sync feed, and accepting one
through `crm/AcceptQuotation`.

A quotation, like a sales order, has no idempotency key: the caller puts its own id in a
field it can find the quotation by again (`Description`) and, after an unclear answer,
looks it up before posting (spec §6 pitfall 16). Accepting is an action (POST only): an
unclear answer is settled by reading the quotation's `Status` (50 = accepted) before trying
again, never by accepting twice.
"""

from __future__ import annotations

from typing import Any

from . import values
from .endpoints import SALES_ORDERS, Endpoint
from .errors import Rejected
from .resources import Resource, SalesOrders, _stored

QUOTATIONS = Endpoint(
    path="crm/Quotations",
    key="QuotationID",
    sync="sync/CRM/QuotationHeaders",
    # Names every variant has: the header feed adds `ID` and `Timestamp` (fields file).
    select=(
        "QuotationID", "QuotationNumber", "VersionNumber", "Status", "StatusDescription",
        "OrderAccount", "Description", "YourRef", "Modified",
    ),
)  # fmt: skip
ACCEPT_QUOTATION = Endpoint(path="crm/AcceptQuotation", key="QuotationID", select=())
ACCEPT_CREATE_SALES_ORDER = 1  # `Action` 1: Exact makes a sales order (spec §9.4)


class Quotations(Resource):
    """`crm/Quotations`: create, find again by the caller's own id, read, accept."""

    FIND_SELECT = ("QuotationID", "QuotationNumber", "Status", "StatusDescription",
                   "Description", "OrderAccount")  # fmt: skip

    def create(self, payload: dict[str, Any]) -> dict[str, Any]:
        """POST one quotation (`OrderAccount` and a non-empty `QuotationLines` array, §9.4).

        On a timeout, transport error or 5xx the error has `.ambiguous = True`: the
        quotation may exist; look it up (`find`) before posting again.
        """
        url = f"{self._api_url}/{self.endpoint.path}"
        return _stored(self._requestor.post_json(url, payload), self.endpoint)

    def find(self, *, description: str, account: str) -> list[dict[str, Any]]:
        """The quotations (first page) of `account` whose `Description` equals the text."""
        filter = (
            f"Description eq {values.quote(description)} and "
            f"OrderAccount eq {values.guid_literal(account)}"
        )
        for page in self.list(select=self.FIND_SELECT, filter=filter):
            return list(page.rows)
        return []

    def sales_orders_of(self, *, description: str, account: str) -> list[dict[str, Any]]:
        """The sales orders (first page) of `account` whose `Description` equals the text.

        A sales order carries no link to the quotation it was made from (no such property in
        the field reference), but accepting copies the quotation's `Description` and its
        account (`OrderAccount` -> `OrderedBy`): the caller's own id, kept in `Description`,
        finds the order again (UNCONFIRMED that Exact copies `Description`; the sandbox does).
        """
        orders = Resource(self._requestor, self._api_url, SALES_ORDERS)
        filter = (
            f"Description eq {values.quote(description)} and "
            f"OrderedBy eq {values.guid_literal(account)}"
        )
        for page in orders.list(select=SalesOrders.FIND_SELECT, filter=filter):
            return list(page.rows)
        return []

    def accept(self, quotation_id: str, *, action: int = ACCEPT_CREATE_SALES_ORDER) -> dict:
        """Accept the quotation (`crm/AcceptQuotation`); Exact's answer (`SuccessMessage`,
        `SalesOrderSuccess`). Exact's refusal (an answer with `ErrorMessage`, or a 400) is
        `Rejected`. An unclear answer may have accepted it: read its `Status` first."""
        url = f"{self._api_url}/{ACCEPT_QUOTATION.path}"
        payload = {"QuotationID": str(quotation_id), "Action": action}
        answer = _stored(self._requestor.post_json(url, payload), ACCEPT_QUOTATION)
        if answer.get("ErrorMessage"):
            raise Rejected(str(answer["ErrorMessage"]), status=200)
        return answer
