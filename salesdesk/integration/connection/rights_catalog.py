"""The rights Salesdesk needs in an administration: what it calls, under which scope, and what
stops working without it (the Connector tab's checklist and the notices where features are used).

Three reads are probed with a GET that matches no record (`probed`): they were checked that way
before `users/UserHasRights` was used, and their 403 only happens when the sync would hit it
anyway. Everything else is asked through `users/UserHasRights` (spec §9.5): asking is never an
error and Exact does not bill it (§5.2), so the checklist's twelve rights cost three calls of
the minute's budget. Each `endpoint` is the one Salesdesk really calls, as the field reference
spells it (tests/salesdesk/integration/test_requests_match_reference.py checks it).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Right:
    key: str  # stored in ExactConnection.rights
    label: str  # the checklist's row (walkthrough §2: the first four are fixed)
    endpoint: str
    action: str
    scope: str  # the app registration's scope area (exact-online-fields.md)
    doing: str  # "Exact Online does not allow Salesdesk to {doing}"
    consequence: str  # what the admin or rep will see fail without it
    probed: str = ""  # the ExactClient resource to GET instead of asking UserHasRights


RIGHTS: tuple[Right, ...] = (
    Right("read_items", "Read items", "logistics/Items", "GET", "Logistics items",
          "read items", "Items cannot be synchronized.", probed="items"),
    Right("read_customers", "Read customers", "crm/Accounts", "GET", "Crm accounts",
          "read customers", "Customers cannot be synchronized.", probed="accounts"),
    Right("read_prices", "Read prices", "sales/SalesPriceLists", "GET", "Sales prices",
          "read prices", "Prices cannot be synchronized.", probed="price_lists"),
    Right("write_sales_orders", "Write sales orders", "salesorder/SalesOrders", "POST",
          "Sales orders", "create sales orders", "Orders cannot be sent."),
    Right("write_quotations", "Write quotations", "crm/Quotations", "POST", "Crm quotes",
          "send quotations", "Quotations cannot be sent."),
    Right("accept_quotations", "Accept quotations", "crm/AcceptQuotation", "POST", "Crm quotes",
          "accept quotations", "Quotations cannot be converted to orders."),
    Right("read_quotations", "Read quotations", "sync/CRM/QuotationHeaders", "GET", "Crm quotes",
          "read quotations",
          "Quotation statuses (accepted, rejected, …) are not followed from Exact Online."),
    Right("write_customers", "Write customers", "crm/Accounts", "POST", "Crm accounts",
          "create customers", "New customers cannot be created in Exact Online."),
    Right("write_contacts", "Write contact persons", "crm/Contacts", "POST", "Crm accounts",
          "create contact persons", "A new customer's contact person cannot be sent."),
    Right("write_addresses", "Write addresses", "crm/Addresses", "POST", "Crm accounts",
          "create addresses", "Typed delivery addresses cannot be sent."),
    Right("read_shipping_methods", "Read shipping methods", "sales/ShippingMethods", "GET",
          "Sales orders", "read shipping methods",
          "Orders cannot name a shipping method: the list stays empty."),
    Right("read_payment_conditions", "Read payment conditions", "cashflow/PaymentConditions",
          "GET", "Financial cashflow", "read payment conditions",
          "Orders cannot name a payment condition: the list stays empty."),
)  # fmt: skip
BY_KEY = {right.key: right for right in RIGHTS}
