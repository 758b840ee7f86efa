"""The tenant-taking lookups answer 404 for another company's row, as for no row at all."""

import pytest
from django.http import Http404

from salesdesk.tenants.access import first_or_404, get_for_company_or_404
from salesdesk.tenants.models import Membership
from tests.salesdesk.factories import make_company, make_user

pytestmark = pytest.mark.django_db


def test_a_row_is_found_for_its_own_company_only():
    ours, theirs = make_company(), make_company()
    user = make_user(company=ours)
    found = get_for_company_or_404(Membership, company=ours, user=user)
    assert (found.company, found.user) == (ours, user)
    with pytest.raises(Http404, match="No such membership"):
        get_for_company_or_404(Membership, company=theirs, user=user)
    with pytest.raises(Http404):
        get_for_company_or_404(Membership, company=ours, user__username="nobody")


def test_a_queryset_narrows_the_lookup_and_a_pk_names_the_company():
    ours = make_company()
    user = make_user(company=ours, role=Membership.Role.REP)
    reps = Membership.objects.filter(role=Membership.Role.REP).select_related("user")
    assert get_for_company_or_404(reps, company=ours.pk, user=user).user == user
    admins = Membership.objects.filter(role=Membership.Role.ADMIN)
    with pytest.raises(Http404):
        get_for_company_or_404(admins, company=ours, user=user)


def test_first_or_404_takes_the_first_record_or_names_what_is_missing():
    assert first_or_404([{"code": "A"}, {"code": "B"}], what="item") == {"code": "A"}
    with pytest.raises(Http404, match="No such customer"):
        first_or_404([], what="customer")
