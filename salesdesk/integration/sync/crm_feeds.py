"""The `addresses` and `contacts` entities: a customer's addresses and contact persons.

Both come from their sync feeds (1,000 rows a call) and leave through sync/Deleted types
3 and 5 (spec §9.3).
"""

from __future__ import annotations

from salesdesk.customers import contact_services as contacts
from salesdesk.integration.mapping import crm as mapping
from salesdesk.integration.sync.feeds import Feed
from salesdesk.integration.sync.record_feeds import (
    counted_by,
    mapped_page,
    upsert_store,
)

ADDRESSES = Feed(
    name="addresses",
    resource="addresses",
    fields=mapping.ADDRESS_FIELDS,
    shape=mapped_page(mapping.address_from_exact),
    store=upsert_store(contacts.addresses_upsert),
    counted=True,
    total=counted_by("addresses"),
)
CONTACTS = Feed(
    name="contacts",
    resource="contacts",
    fields=mapping.CONTACT_FIELDS,
    shape=mapped_page(mapping.contact_from_exact),
    store=upsert_store(contacts.contacts_upsert),
    counted=True,
    total=counted_by("contacts"),
)
ADDRESS_FEEDS = (ADDRESSES,)
CONTACT_FEEDS = (CONTACTS,)
ADDRESS_DELETIONS = {mapping.DELETED_ADDRESS: contacts.addresses_delete}
CONTACT_DELETIONS = {mapping.DELETED_CONTACT: contacts.contacts_delete}
