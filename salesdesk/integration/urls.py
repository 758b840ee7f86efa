# Routes under /<company>/, one module per concern; included by salesdesk/urls.py.
from django.urls import include, path

urlpatterns = [
    path("", include("salesdesk.integration.connection.urls")),
    path("", include("salesdesk.integration.sync.urls")),
    path("", include("salesdesk.integration.webhooks.urls")),
]
