# Public webhook routes under /exact/ (include from public_urls.py): Exact posts notices here.
from django.urls import path

from salesdesk.integration.webhooks.views import webhook_receive_view

urlpatterns = [path("webhooks/<slug:company>", webhook_receive_view, name="exact-webhook")]
