"""What the webhook debounce tells its task adapter: a topic's sync is due at a moment.

The task calls back into the debounce (`webhook_sync_fire`), so the debounce cannot import the
task; it sends this signal on commit instead, and `webhooks.tasks` receives it and enqueues.
"""

from __future__ import annotations

from django.dispatch import Signal

# Sent on commit when a topic's sync is armed; keyword arguments: `company_id`, `topic`, `due`.
webhook_sync_armed = Signal()
