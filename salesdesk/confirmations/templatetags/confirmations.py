"""`{% order_confirmations order %}`: the order page's Confirmations part.

The orders app sits below this one and may not import it; its template loads this tag
instead, so the order page shows confirmations without the orders code knowing of them.
"""

from django import template

from salesdesk.confirmations.models import Confirmation
from salesdesk.confirmations.permissions import may_resend
from salesdesk.confirmations.selectors import (
    confirmation_list,
    confirmation_settings_get,
    order_document,
)

register = template.Library()
IN_PROGRESS = (Confirmation.Status.PENDING, Confirmation.Status.SENDING)


@register.inclusion_tag("confirmations/_order_confirmations.html", takes_context=True)
def order_confirmations(context, order) -> dict:
    request = context["request"]
    rows = list(confirmation_list(company=request.company, order=order))
    document = order_document(order=order)
    return {
        "request": request,
        "order": order,
        "confirmations": rows,
        "in_exact": document is not None,
        "enabled": confirmation_settings_get(company=request.company).enabled,
        "may_resend": may_resend(membership=request.membership),
        "shown": document is not None or bool(rows),
        # A mail on its way: the part follows it (the order page draws it only once).
        "polling": any(row.status in IN_PROGRESS for row in rows),
        "unknown": any(row.status == Confirmation.Status.UNKNOWN for row in rows),
    }
