"""`{{ user|login_name:company }}`: a user as their company knows them.

Login names are per company (Membership.username); User.username is an internal key that
differs from it when two companies have a user of the same name.
"""

from __future__ import annotations

from django import template

from salesdesk.tenants.selectors import member_login_name

register = template.Library()


@register.filter
def login_name(user, company) -> str:
    if user is None:
        return ""
    return member_login_name(company=company, user=user)
