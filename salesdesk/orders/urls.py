# Routes under /<company>/; included by salesdesk/urls.py.
from django.urls import path

from salesdesk.orders import quotation_views, views

urlpatterns = [
    path("orders/", views.order_list_view, name="order_list"),
    path("orders/new", views.order_new_view, name="order_new"),
    path("orders/new/preview", views.order_preview_view, name="order_preview"),
    path("orders/new/header", views.order_header_view, name="order_header"),
    path("orders/suggest/customers", views.customer_suggest_view, name="order_customer_suggest"),
    path("orders/suggest/items", views.item_suggest_view, name="order_item_suggest"),
    path("orders/<str:number>/", views.order_detail_view, name="order_detail"),
    path("orders/<str:number>/state", views.order_state_view, name="order_state"),
    path("orders/<str:number>/submit", views.order_submit_view, name="order_submit"),
    path("orders/<str:number>/manual", views.order_manual_view, name="order_manual"),
    path("orders/<str:number>/convert", quotation_views.order_convert_view, name="order_convert"),
]
