from django.apps import AppConfig


class CustomersConfig(AppConfig):
    name = "salesdesk.customers"
    label = "customers"
