# Installation and Connector routes; included under /<company>/ by integration/urls.py.
from django.urls import path

from salesdesk.integration.connection.views.connector import (
    authorization_check_view,
    authorize_view,
    connector_view,
    disconnect_view,
)
from salesdesk.integration.connection.views.installation import installation_view

urlpatterns = [
    path("settings/installation", installation_view, name="settings-installation"),
    path("settings/connector", connector_view, name="settings-connector"),
    path(
        "settings/connector/check", authorization_check_view, name="connector-authorization-check"
    ),
    path("settings/connector/authorize", authorize_view, name="connector-authorize"),
    path("settings/connector/disconnect", disconnect_view, name="connector-disconnect"),
]
