# The public endpoint Exact posts notices to; included under /exact/ by public_urls.py.
from django.urls import path

from salesdesk.integration.webhooks.views import webhook_receive_view

urlpatterns = [path("webhooks/<slug:company>", webhook_receive_view, name="exact-webhook")]
