# Routes under /<company>/; included by salesdesk/urls.py. The service worker is served
# under app/ so that its default scope is the app itself.
from django.urls import path

from salesdesk.repsapp import views

urlpatterns = [
    path("app/", views.app_shell, name="repsapp-shell"),
    path("app/manifest.webmanifest", views.app_manifest, name="repsapp-manifest"),
    path("app/sw.js", views.app_service_worker, name="repsapp-service-worker"),
]
