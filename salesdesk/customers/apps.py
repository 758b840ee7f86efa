from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate

from salesdesk.catalog.signals import price_lists_shown_changed


def _ensure_customer_search(sender, using: str = "default", **kwargs) -> None:
    from salesdesk.customers.selectors import CUSTOMER_TEXT

    CUSTOMER_TEXT.ensure(connections[using])


class CustomersConfig(AppConfig):
    name = "salesdesk.customers"
    label = "customers"

    def ready(self) -> None:
        # The search index lives outside migrations: see lists/text_search.py.
        post_migrate.connect(_ensure_customer_search, sender=self)
        # Imported once the models are loaded: services import them.
        from salesdesk.customers.services import customers_price_lists_shown_changed

        price_lists_shown_changed.connect(customers_price_lists_shown_changed)
