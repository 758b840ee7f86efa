from django.apps import AppConfig


class IntegrationConfig(AppConfig):
    name = "salesdesk.integration"
    label = "integration"

    def ready(self) -> None:
        # Django's place to connect receivers: the task modules receive the signals that the
        # sync and webhook services send when something must be enqueued.
        from salesdesk.integration.sync import tasks as sync_tasks
        from salesdesk.integration.webhooks import tasks as webhook_tasks

        del sync_tasks, webhook_tasks
