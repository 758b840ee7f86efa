"""Exact Online webhooks (spec §4.10): subscribe per administration to Items, Accounts and
SalesOrders; receive notices on a public endpoint, verify their HashCode, ignore repeats, and
turn each burst of notices into one incremental sync shortly after (debounced).

- `signature`: parse a delivery and check its HashCode.
- `notices`: store a verified notice and arm the debounced sync.
- `tasks`: the debounced sync itself.
- `subscriptions`: create/remove the subscriptions through exact_client.
- `views`: the public endpoint and the Connector settings action.
"""
