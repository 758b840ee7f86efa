"""Creating CRM records: accounts, their contact persons and addresses (spec §4.4, §9.4).

None of these POSTs is idempotent in Exact (spec §6 pitfall 16) except an address, for which
Exact "first looks for an identical existing address and returns its ID" (fields reference).
A POST that ends without a clear answer raises an error with `.ambiguous = True`: look the
record up (`find_by_name`, `for_account`) before posting again.
"""

from __future__ import annotations

from typing import Any

from . import values
from .resources import Resource, _stored


class _Creatable(Resource):
    def create(self, payload: dict[str, Any]) -> dict[str, Any]:
        """POST one record and return it as Exact stored it."""
        url = f"{self._api_url}/{self.endpoint.path}"
        return _stored(self._requestor.post_json(url, payload), self.endpoint)


class Accounts(_Creatable):
    """`crm/Accounts`: reads as any resource, plus `create` and a lookup by name."""

    FIND_SELECT = ("ID", "Code", "Name", "Status", "Email", "VATNumber", "Postcode", "City")

    def find_by_name(self, name: str) -> list[dict[str, Any]]:
        """The accounts (first page: 60 at most) whose `Name` equals `name` exactly; `Name`
        is one of the filters Exact's mandatory filtering accepts on accounts (spec §4.4)."""
        for page in self.list(select=self.FIND_SELECT, filter=f"Name eq {values.quote(name)}"):
            return list(page.rows)
        return []


class Contacts(_Creatable):
    """`crm/Contacts`: `create` needs Account, FirstName and LastName."""

    FIND_SELECT = ("ID", "Account", "FirstName", "LastName", "Email")

    def for_account(self, account_id: str) -> list[dict[str, Any]]:
        """The account's contacts (first page: 60 at most)."""
        filter = f"Account eq {values.guid_literal(account_id)}"
        for page in self.list(select=self.FIND_SELECT, filter=filter):
            return list(page.rows)
        return []


class Addresses(_Creatable):
    """`crm/Addresses`: `create` answers the existing ID for an identical address."""
