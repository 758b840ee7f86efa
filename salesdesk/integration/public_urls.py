# Routes outside any company, under /exact/: the OAuth callback (settings.EXACT_REDIRECT_URI).
from django.urls import include, path

from salesdesk.integration.connection.views.callback import callback_view

urlpatterns = [
    path("callback", callback_view, name="exact-callback"),
    path("", include("salesdesk.integration.webhooks.urls")),
]
