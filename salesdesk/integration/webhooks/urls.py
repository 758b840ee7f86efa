# Company routes under /<company>/ (include from integration/urls.py): (un)subscribe webhooks.
from django.urls import path

from salesdesk.integration.webhooks.views import webhook_settings_view

urlpatterns = [
    path("settings/connector/webhooks", webhook_settings_view, name="connector-webhooks"),
]
