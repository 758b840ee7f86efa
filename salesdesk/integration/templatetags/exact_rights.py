"""`{% exact_rights_missing "write_customers" … %}`: where a feature is used, say plainly that
Exact Online will refuse it (the rights the last authorization found missing, rights_catalog.py).

Domain templates load it as they load other apps' tags: the domain's Python never imports the
integration, and the notice reads only what the authorization stored (no call to Exact).
"""

from __future__ import annotations

from django import template

from salesdesk.integration.connection.rights_notices import rights_missing_notices
from salesdesk.integration.connection.selectors import connection_rights

register = template.Library()


@register.inclusion_tag("integration/_rights_missing.html", takes_context=True)
def exact_rights_missing(context, *keys: str) -> dict:
    request = context.get("request")
    company = getattr(request, "company", None)
    if company is None:
        return {"notices": []}
    membership = getattr(request, "membership", None)
    return {
        "notices": rights_missing_notices(connection_rights(company=company), keys),
        "company": company,
        "is_admin": bool(membership and membership.is_admin),
    }
