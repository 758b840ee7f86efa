from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Operations commands that span the product: `salesdesk demo`."""

    name = "salesdesk.ops"
    label = "ops"

    def ready(self) -> None:
        from salesdesk.ops.access_log import access_logs_scrubbed

        access_logs_scrubbed()
