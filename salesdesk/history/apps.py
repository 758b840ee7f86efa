from django.apps import AppConfig


class HistoryConfig(AppConfig):
    """Exact's sales history of the company's customers: sales orders (also the ones keyed
    into Exact directly), goods deliveries, sales invoices and open items.

    Sits between catalog and customers on the ladder: its records name customers and items
    by Exact ID, so it imports neither; the customer and order pages read it."""

    name = "salesdesk.history"
    label = "history"
