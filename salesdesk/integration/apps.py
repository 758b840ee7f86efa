from django.apps import AppConfig

from salesdesk.orders.signals import order_due


class IntegrationConfig(AppConfig):
    name = "salesdesk.integration"
    label = "integration"

    def ready(self) -> None:
        # Imported once the models are loaded: the tasks module imports them.
        from salesdesk.integration.order_tasks import order_due_enqueue

        # The orders app announces due orders; sending them to Exact is ours.
        order_due.connect(order_due_enqueue, dispatch_uid="integration.order_due_enqueue")
