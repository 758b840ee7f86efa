from django.apps import AppConfig


class ConfirmationsConfig(AppConfig):
    name = "salesdesk.confirmations"
    label = "confirmations"

    def ready(self) -> None:
        # The orders app announces what reached Exact; mailing its confirmation is ours.
        from salesdesk.confirmations.tasks import order_in_exact_received
        from salesdesk.orders.signals import order_in_exact

        order_in_exact.connect(
            order_in_exact_received, dispatch_uid="confirmations.order_in_exact_received"
        )
