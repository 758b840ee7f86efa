from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate


def _ensure_item_search(sender, using: str = "default", **kwargs) -> None:
    from salesdesk.catalog.selectors import ITEM_TEXT

    ITEM_TEXT.ensure(connections[using])


class CatalogConfig(AppConfig):
    name = "salesdesk.catalog"
    label = "catalog"

    def ready(self) -> None:
        # The search index lives outside migrations: see lists/text_search.py.
        post_migrate.connect(_ensure_item_search, sender=self)
