from django.apps import AppConfig


class ConfirmationsConfig(AppConfig):
    name = "salesdesk.confirmations"
    label = "confirmations"

    def ready(self) -> None:
        # The orders app announces what reached Exact; mailing its confirmation is ours.
        from salesdesk.confirmations.tasks import (
            order_in_exact_received,
            scheduler_ticked_received,
        )
        from salesdesk.orders.signals import order_in_exact
        from salesdesk.periodic import scheduler_ticked

        order_in_exact.connect(
            order_in_exact_received, dispatch_uid="confirmations.order_in_exact_received"
        )
        # The scheduler runs the periodic sweeps; it may not import this app, so it signals.
        scheduler_ticked.connect(
            scheduler_ticked_received, dispatch_uid="confirmations.scheduler_ticked_received"
        )
