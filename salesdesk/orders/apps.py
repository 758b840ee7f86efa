from django.apps import AppConfig


class OrdersConfig(AppConfig):
    name = "salesdesk.orders"
    label = "orders"
