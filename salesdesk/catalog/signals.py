"""What the catalog tells the apps above it, which it may not import.

`price_lists_shown_changed` is sent inside the writing transaction when price lists that
other records show (code, description, active) changed: a receiver gives those records
`version` so that the reps' delta feed sends them again. Arguments: `company`, `pks`
(the price lists), `version` (the change version the catalog took for this write).
"""

from django.dispatch import Signal

price_lists_shown_changed = Signal()
