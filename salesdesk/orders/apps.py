from django.apps import AppConfig


class OrdersConfig(AppConfig):
    name = "salesdesk.orders"
    label = "orders"

    def ready(self) -> None:
        from salesdesk.customers.signals import customers_moved
        from salesdesk.orders.reach_moves import orders_touch_moved

        customers_moved.connect(orders_touch_moved, dispatch_uid="orders_touch_moved")
