"""`scheduler_ticked`: sent by `salesdesk scheduler` on every tick, after its own sweeps.

Apps the integration may not import (they share its layer: `confirmations`) connect their
periodic sweep here in `AppConfig.ready()`. Argument: `now` (an aware datetime).
"""

from django.dispatch import Signal

scheduler_ticked = Signal()
