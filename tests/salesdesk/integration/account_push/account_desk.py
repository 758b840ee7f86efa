"""A company connected to the sandbox that creates customers and sends them (and orders)."""

from __future__ import annotations

from salesdesk.customers.account_outbox_models import AccountOutbox
from salesdesk.customers.new_customer_input import AddressInput, NewCustomerInput, PersonInput
from salesdesk.customers.new_customers import customer_create
from salesdesk.integration.account_push.services import account_send
from salesdesk.integration.account_push.tasks import account_drain
from salesdesk.tenants.models import Membership
from tests.salesdesk.factories import make_user
from tests.salesdesk.orders.sandbox_desk import OrderDesk


def new_input(**changes) -> NewCustomerInput:
    values = {
        "name": "Bakkerij Nieuw",
        "address": AddressInput("Dorpsstraat 1", "1234 AB", "Utrecht", "NL"),
        "email": "info@bakkerij-nieuw.nl",
        "phone": "+31 30 123 4567",
        "vat_number": "NL123456789B01",
        "contact": PersonInput("Anna", "de Boer", "anna@bakkerij-nieuw.nl", "+31 6 1234 5678"),
        "delivery_address": AddressInput("Havenweg 9", "1235 CD", "Utrecht", "NL"),
    }
    return NewCustomerInput(**(values | changes))


class AccountDesk(OrderDesk):
    def member(self, role: str = Membership.Role.ADMIN) -> Membership:
        user = make_user(company=self.company, role=role)
        return Membership.objects.select_related("company", "user").get(user=user)

    def new_customer(self, *, membership: Membership | None = None, **changes):
        return customer_create(membership=membership or self.member(), data=new_input(**changes))

    def send_account(self, customer):
        return account_send(customer_id=customer.pk, connect=self.connect, clock=self.now)

    def send_account_when_due(self, customer):
        due = AccountOutbox.objects.get(customer=customer).available_at
        self.state.clock.advance(max(0.0, (due - self.now()).total_seconds()) + 1)
        return self.send_account(customer)

    def drain_accounts(self) -> int:
        return account_drain(
            company=self.company, connect=self.connect, clock=self.now,
            sleep=self.state.clock.advance,
        )  # fmt: skip

    @property
    def division_data(self):
        return self.state.divisions[self.division]

    def exact_accounts_named(self, name: str) -> list[dict]:
        return [row for row in self.division_data.accounts if row["Name"] == name]

    def exact_contacts_of(self, account_id) -> list[dict]:
        rows = self.division_data.contacts
        return [row for row in rows if row["Account"] == str(account_id)]

    def exact_addresses_of(self, account_id, kind: int = 4) -> list[dict]:
        rows = self.division_data.addresses
        return [r for r in rows if r["Account"] == str(account_id) and r["Type"] == kind]
