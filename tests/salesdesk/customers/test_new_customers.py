"""customer_create / customer_resend: validation, bounds, duplicates, reach, isolation."""

from __future__ import annotations

import pytest

from salesdesk.customers.account_outbox_models import AccountOutbox
from salesdesk.customers.models import Customer
from salesdesk.customers.new_customer_input import AddressInput, NewCustomerInput, PersonInput
from salesdesk.customers.new_customers import CustomerInvalid, customer_create, customer_resend
from salesdesk.customers.reach import customers_within, reach_for
from salesdesk.customers.signals import customer_due
from salesdesk.tenants.models import Membership
from tests.salesdesk.customers.factories import make_customer
from tests.salesdesk.customers.reps_world import ROB, reps_world

pytestmark = pytest.mark.django_db


def _member(world, who: str) -> Membership:
    user = world.users[who]
    return Membership.objects.select_related("company", "user").get(user=user)


def _new(**changes) -> NewCustomerInput:
    values = {
        "name": " Bakkerij Nieuw ",
        "address": AddressInput("Dorpsstraat 1", "1234 ab", "Utrecht", "nl"),
        "email": "info@nieuw.nl",
        "vat_number": "nl 1234.5678.9b01",
        "contact": PersonInput("Anna", "de Boer", "anna@nieuw.nl", "+31 6 1234 5678"),
        "delivery_address": AddressInput("Havenweg 9", "1235 CD", "Utrecht", "NL"),
    }
    return NewCustomerInput(**(values | changes))


def test_a_rep_creates_a_customer_that_waits_for_exact_and_is_theirs():
    world = reps_world()
    customer = customer_create(membership=_member(world, "rob"), data=_new())
    customer.refresh_from_db()
    assert customer.exact_id is None and customer.created_in_salesdesk
    assert customer.name == "Bakkerij Nieuw"
    assert customer.vat_number == "NL123456789B01"  # normalised
    assert customer.postcode == "1234 AB" and customer.country == "NL"
    assert customer.code_display == f"NEW-{customer.pk}"
    assert customer.account_manager_exact_id == ROB
    assert customer.status == Customer.Status.CUSTOMER
    outbox = AccountOutbox.objects.get(customer=customer)
    assert outbox.state == AccountOutbox.State.QUEUED
    assert outbox.contact["last_name"] == "de Boer"
    assert outbox.delivery_address["line1"] == "Havenweg 9"
    assert outbox.created_by == world.users["rob"]
    # rob sees it, rita (another Exact user) does not, the admin does.
    rows = Customer.objects.filter(company=world.acme)
    assert customer in customers_within(rows, reach=reach_for(membership=_member(world, "rob")))
    assert customer not in customers_within(
        rows, reach=reach_for(membership=_member(world, "rita"))
    )
    assert customer in customers_within(rows, reach=reach_for(membership=_member(world, "admin")))


def test_customer_due_is_sent_once_the_creation_commits(django_capture_on_commit_callbacks):
    world = reps_world()
    seen = []

    def receiver(sender, *, customer_id, **kwargs):
        seen.append(customer_id)

    customer_due.connect(receiver, dispatch_uid="test-seen")
    try:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            customer = customer_create(membership=_member(world, "admin"), data=_new())
        assert seen == []
        for callback in callbacks:
            callback()
    finally:
        customer_due.disconnect(dispatch_uid="test-seen")
    assert customer.pk in seen


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": "   "}, "name"),
        ({"name": "x" * 101}, "name"),
        ({"status": "S"}, "status"),
        ({"email": "not-an-address"}, "email"),
        ({"vat_number": "NL12?34"}, "vat_number"),
        ({"vat_number": "NL" + "1" * 30}, "vat_number"),
        ({"phone": "call me"}, "phone"),
        ({"address": AddressInput(country="Nederland")}, "address.country"),
        ({"contact": PersonInput(first_name="Anna")}, "contact.last_name"),
        ({"contact": PersonInput("A", "B", email="b@")}, "contact.email"),
        ({"delivery_address": AddressInput(line1="Havenweg 9")}, "delivery_address.city"),
        ({"delivery_address": AddressInput("x" * 101, "1", "U", "NL")}, "delivery_address.line1"),
    ],
)
def test_bad_input_is_refused_per_field_and_nothing_is_stored(changes, field):
    world = reps_world()
    before = Customer.objects.count()
    with pytest.raises(CustomerInvalid) as refused:
        customer_create(membership=_member(world, "admin"), data=_new(**changes))
    assert field in refused.value.problems
    assert Customer.objects.count() == before
    assert not AccountOutbox.objects.exists()


def test_a_synced_customer_with_the_same_vat_number_is_named():
    world = reps_world()
    known = make_customer(company=world.acme, name="Oud Bakkerij", vat_number="NL123456789B01")
    with pytest.raises(CustomerInvalid) as refused:
        customer_create(
            membership=_member(world, "admin"), data=_new(vat_number="nl123456789b01", email="")
        )
    assert refused.value.duplicate == known
    assert "Oud Bakkerij" in refused.value.problems["vat_number"]
    assert "in Exact Online" in refused.value.problems["vat_number"]


def test_a_stored_vat_number_with_spaces_and_dots_matches():
    world = reps_world()
    known = make_customer(company=world.acme, vat_number="nl 1234.5678.9 B01")
    with pytest.raises(CustomerInvalid) as refused:
        customer_create(membership=_member(world, "admin"), data=_new(email=""))
    assert refused.value.duplicate == known


def test_the_same_email_in_another_case_is_a_duplicate():
    world = reps_world()
    known = make_customer(company=world.acme, email="Info@Nieuw.NL")
    with pytest.raises(CustomerInvalid) as refused:
        customer_create(membership=_member(world, "admin"), data=_new(vat_number=""))
    assert refused.value.duplicate == known
    assert "email" in refused.value.problems


def test_two_new_customers_with_one_email_are_refused_while_the_first_waits():
    world = reps_world()
    first = customer_create(membership=_member(world, "admin"), data=_new())
    with pytest.raises(CustomerInvalid) as refused:
        customer_create(membership=_member(world, "rob"), data=_new(name="Other", vat_number=""))
    assert refused.value.duplicate == first
    assert "already created in Salesdesk" in refused.value.problems["email"]


def test_duplicates_are_looked_for_in_the_own_company_only_and_among_active_customers():
    world = reps_world()
    make_customer(company=world.globex, vat_number="NL123456789B01", email="info@nieuw.nl")
    make_customer(company=world.acme, vat_number="NL123456789B01", active=False)
    customer = customer_create(membership=_member(world, "admin"), data=_new())
    assert customer.company == world.acme


def test_without_vat_number_and_email_nothing_is_a_duplicate():
    world = reps_world()
    make_customer(company=world.acme, vat_number="", email="")
    customer = customer_create(
        membership=_member(world, "admin"), data=_new(vat_number="", email="")
    )
    assert customer.pk


def test_a_rep_without_an_exact_user_is_told_why_they_cannot():
    world = reps_world()
    with pytest.raises(CustomerInvalid) as refused:
        customer_create(membership=_member(world, "una"), data=_new())
    assert "not linked to an Exact Online user" in refused.value.problems["name"]


def test_a_rep_without_an_exact_user_may_when_reps_see_all_customers():
    world = reps_world()
    world.acme.reps_see_all_customers = True
    world.acme.save()
    customer = customer_create(membership=_member(world, "una"), data=_new())
    assert customer.account_manager_exact_id is None


def test_an_office_user_may_not_create_customers():
    world = reps_world()
    office = _member(world, "admin")
    office.role = Membership.Role.USER
    with pytest.raises(CustomerInvalid):
        customer_create(membership=office, data=_new())


def test_a_prospect_keeps_its_status():
    world = reps_world()
    customer = customer_create(membership=_member(world, "admin"), data=_new(status="p"))
    assert customer.status == Customer.Status.PROSPECT


def test_only_a_refused_customer_can_be_corrected_and_queued_again():
    world = reps_world()
    customer = customer_create(membership=_member(world, "admin"), data=_new())
    with pytest.raises(CustomerInvalid):
        customer_resend(customer=customer, data=_new(name="Changed"))
    AccountOutbox.objects.filter(customer=customer).update(
        state=AccountOutbox.State.FAILED, message="Exact said no"
    )
    customer_resend(customer=customer, data=_new(name="Bakkerij Nieuw B.V.", contact=PersonInput()))
    customer.refresh_from_db()
    outbox = AccountOutbox.objects.get(customer=customer)
    assert customer.name == "Bakkerij Nieuw B.V."
    assert outbox.state == AccountOutbox.State.QUEUED and outbox.message == ""
    assert outbox.contact == {}


def test_a_correction_does_not_count_the_customer_itself_as_its_duplicate():
    world = reps_world()
    customer = customer_create(membership=_member(world, "admin"), data=_new())
    AccountOutbox.objects.filter(customer=customer).update(state=AccountOutbox.State.FAILED)
    customer_resend(customer=customer, data=_new())  # same e-mail and VAT: no refusal
    other = make_customer(company=world.acme, email="taken@nieuw.nl")
    AccountOutbox.objects.filter(customer=customer).update(state=AccountOutbox.State.FAILED)
    with pytest.raises(CustomerInvalid) as refused:
        customer_resend(customer=customer, data=_new(email="TAKEN@nieuw.nl"))
    assert refused.value.duplicate == other
