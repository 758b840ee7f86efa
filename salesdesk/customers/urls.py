# Routes under /<company>/; included by salesdesk/urls.py.
from django.urls import path

from salesdesk.customers import history_views, new_customer_views, rep_link_views, views

urlpatterns = [
    path("customers/", views.customer_list_view, name="customer_list"),
    path("customers/export.csv", views.customer_export_view, name="customer_export"),
    path("customers/new/", new_customer_views.customer_new_view, name="customer_new"),
    path(
        "customers/created/<int:pk>/",
        new_customer_views.customer_created_view,
        name="customer_created",
    ),
    path("customers/<uuid:exact_id>/", views.customer_detail_view, name="customer_detail"),
    path(
        "customers/<uuid:exact_id>/<slug:section>/",
        history_views.customer_history_view,
        name="customer_history",
    ),
    path(
        "settings/users/<int:member_id>/exact-user",
        rep_link_views.member_exact_user_view,
        name="settings-member-exact-user",
    ),
]
