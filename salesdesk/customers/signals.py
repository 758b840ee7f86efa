"""What the customers app tells the Exact integration above it, which it may not import.

`customer_due` says a customer created in Salesdesk is due to be sent to Exact as an account
(just created, or edited after Exact refused it). Sent once the writing transaction commits,
so a receiver never sees an uncommitted customer. Argument: `customer_id`.
"""

from __future__ import annotations

from django.db import transaction
from django.dispatch import Signal

customer_due = Signal()


def customer_due_on_commit(*, customer_id: int) -> None:
    """Send `customer_due` for the customer once the calling transaction commits."""
    transaction.on_commit(lambda: customer_due.send(sender=None, customer_id=customer_id))


# Sent inside the writing transaction when the sync gives customers another account manager
# (customers/reach_moves.py): apps above stamp the rows they keep of those customers with
# `version`, so the new manager's rep receives them. Arguments: `company`, `customer_ids`
# (primary keys), `version`.
customers_moved = Signal()
