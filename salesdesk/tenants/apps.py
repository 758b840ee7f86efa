from django.apps import AppConfig


class TenantsConfig(AppConfig):
    name = "salesdesk.tenants"
    label = "tenants"
