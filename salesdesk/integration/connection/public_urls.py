# The OAuth callback (settings.EXACT_REDIRECT_URI); included under /exact/ by public_urls.py.
from django.urls import path

from salesdesk.integration.connection.views.callback import callback_view

urlpatterns = [
    path("callback", callback_view, name="exact-callback"),
]
