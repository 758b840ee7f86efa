# Routes outside any company, under /exact/: the OAuth callback and the webhook endpoint.
from django.urls import include, path

urlpatterns = [
    path("", include("salesdesk.integration.connection.public_urls")),
    path("", include("salesdesk.integration.webhooks.public_urls")),
]
