"""Bearer-token authentication for the API: every call is confined to the token's company."""

from __future__ import annotations

from django.http import HttpRequest
from ninja.security import HttpBearer

from salesdesk.api.models import RepToken
from salesdesk.api.selectors import member_reach
from salesdesk.api.tokens import rep_token_authenticate


class RepTokenAuth(HttpBearer):
    """`Authorization: Bearer sdr_…`; sets request.company, request.user, request.rep_token
    and request.reach (what this member may see of customers and orders)."""

    def authenticate(self, request: HttpRequest, token: str) -> RepToken | None:
        found = rep_token_authenticate(raw=token)
        if found is None:
            return None
        request.company = found.company
        request.user = found.user
        request.rep_token = found
        request.reach = member_reach(company=found.company, user=found.user)
        return found
