"""`{% exact_reauth_banner %}`: the re-authorization banner on every page, for admins."""

from __future__ import annotations

from django import template

from salesdesk.integration.connection.selectors import connection_needs_reauth

register = template.Library()


@register.inclusion_tag("integration/reauth_banner.html", takes_context=True)
def exact_reauth_banner(context) -> dict:
    request = context.get("request")
    membership = getattr(request, "membership", None)
    show = bool(
        membership and membership.is_admin and connection_needs_reauth(company=request.company)
    )
    return {"show": show, "company": getattr(request, "company", None)}
