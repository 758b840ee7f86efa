"""`crm/Addresses` with its one write Salesdesk makes: a new delivery address (spec §9.4)."""

from __future__ import annotations

from typing import Any

from .resources import Resource, _stored


class Addresses(Resource):
    """Addresses of accounts (Type 1 visit, 2 postal, 3 invoice, 4 delivery).

    Exact's POST "first checks whether the specified address already exists. If so, the ID
    of the existing address is returned" (spec §9.4): posting the same address again after
    an unclear answer gives the same ID instead of a duplicate.
    """

    def create(self, payload: dict[str, Any]) -> dict[str, Any]:
        """POST one address; the stored row (at least its `ID`).

        On a timeout, transport error or 5xx the error has `.ambiguous = True`: Exact may
        hold the address. Posting it again is safe (see the class).
        """
        url = f"{self._api_url}/{self.endpoint.path}"
        return _stored(self._requestor.post_json(url, payload), self.endpoint)
