"""Who may send a confirmation again by hand (seeing the order is checked by its lookup)."""

from salesdesk.tenants.models import Membership

RESENDERS = {Membership.Role.ADMIN, Membership.Role.REP}


def may_resend(*, membership: Membership) -> bool:
    return membership.role in RESENDERS
