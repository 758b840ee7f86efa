"""What a sync run tells the task adapters: it is queued and needs a worker.

The tasks call the service, so the service cannot import the tasks; it sends this signal on
commit instead, and `sync.tasks` receives it and enqueues (imports run tasks → service → signals).
"""

from __future__ import annotations

from django.dispatch import Signal

# Sent on commit of a newly queued run; keyword argument: `run` (a SyncRun).
sync_run_queued = Signal()
