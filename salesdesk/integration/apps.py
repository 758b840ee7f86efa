from django.apps import AppConfig


class IntegrationConfig(AppConfig):
    name = "salesdesk.integration"
    label = "integration"
