from django.apps import AppConfig


class ListsConfig(AppConfig):
    """Shared list machinery (paging, filters, links, search index, CSV) and its templates:
    an app so that Django finds `lists/_pager.html` and the `amounts` filters."""

    name = "salesdesk.lists"
    label = "lists"
