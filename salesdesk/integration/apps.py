from django.apps import AppConfig

from salesdesk.customers.signals import customer_due
from salesdesk.orders.signals import order_due


class IntegrationConfig(AppConfig):
    name = "salesdesk.integration"
    label = "integration"

    def ready(self) -> None:
        # Django's place to connect receivers (the task modules import the models): the sync and
        # webhook task modules receive the signals their services send when something must be
        # enqueued, and the orders app announces due orders, whose sending to Exact is ours.
        from salesdesk.integration.account_push.tasks import customer_due_enqueue
        from salesdesk.integration.order_push.tasks import order_due_enqueue
        from salesdesk.integration.sync import tasks as sync_tasks
        from salesdesk.integration.webhooks import tasks as webhook_tasks

        del sync_tasks, webhook_tasks
        order_due.connect(order_due_enqueue, dispatch_uid="integration.order_due_enqueue")
        customer_due.connect(customer_due_enqueue, dispatch_uid="integration.customer_due_enqueue")
