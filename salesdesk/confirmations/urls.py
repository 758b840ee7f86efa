# Routes under /<company>/; included by salesdesk/urls.py.
from django.urls import path

from salesdesk.confirmations import views

urlpatterns = [
    path(
        "settings/confirmations",
        views.confirmation_settings_view,
        name="settings-confirmations",
    ),
    path(
        "orders/<str:number>/confirmations/resend",
        views.confirmation_resend_view,
        name="order_confirmation_resend",
    ),
    path(
        "orders/<str:number>/confirmations",
        views.confirmation_part_view,
        name="order_confirmations_part",
    ),
    path(
        "orders/<str:number>/confirmation.pdf",
        views.confirmation_pdf_view,
        name="order_confirmation_pdf",
    ),
]
