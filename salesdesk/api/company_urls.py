# Routes under /<company>/; included by salesdesk/urls.py.
from django.urls import path

from salesdesk.api import views

urlpatterns = [
    path("settings/api-tokens", views.api_tokens_view, name="settings-api-tokens"),
    path(
        "settings/api-tokens/<int:token_id>/revoke",
        views.api_token_revoke_view,
        name="settings-api-token-revoke",
    ),
]
