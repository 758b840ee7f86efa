from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "salesdesk.catalog"
    label = "catalog"
