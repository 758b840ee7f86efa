"""Exact Online webhooks in the sandbox (spec §4.10).

- `subscriptions`: the `webhooks/WebhookSubscriptions` resource (GET, POST, DELETE; no PUT).
- `signing`: the delivery body `{"Content":{...},"HashCode":"<UPPERCASE HEX>"}`.
- `hub`: who is subscribed to what, and the outbox that a background thread delivers with
  httpx (`hub_for(state)`; tests call `hub.flush()` to deliver synchronously).

Changes to Items, Accounts and SalesOrders reach the hub through `DivisionData.changed`
(updates and deletes, whoever makes them: the API or `/_sandbox/mutate`) and `rest.py`
(creations through the API, deletions of sales orders).
"""
