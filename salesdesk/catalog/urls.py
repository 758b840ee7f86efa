# Routes under /<company>/; included by salesdesk/urls.py.
from django.urls import path

from salesdesk.catalog.views import items, price_lists

urlpatterns = [
    path("items/", items.item_list_view, name="item_list"),
    path("items/export.csv", items.item_export_view, name="item_export"),
    path("items/<uuid:exact_id>/", items.item_detail_view, name="item_detail"),
    path("items/<uuid:exact_id>/picture", items.item_picture_view, name="item_picture"),
    path("price-lists/", price_lists.price_list_index_view, name="price_list_list"),
    path(
        "price-lists/<uuid:exact_id>/",
        price_lists.price_list_detail_view,
        name="price_list_detail",
    ),
    path(
        "price-lists/<uuid:exact_id>/export.csv",
        price_lists.price_list_export_view,
        name="price_list_export",
    ),
]
