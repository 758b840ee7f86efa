from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Operations commands that span the product: `salesdesk demo`."""

    name = "salesdesk.ops"
    label = "ops"
