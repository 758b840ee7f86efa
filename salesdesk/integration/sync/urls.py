# Synchronize routes (owned by the sync engine); included under /<company>/.
from django.urls import path

from salesdesk.integration.sync import views

urlpatterns = [
    path("settings/synchronize", views.synchronize_section, name="sync-section"),
    path("settings/synchronize/schedule", views.schedule_save, name="sync-schedule"),
    path("settings/synchronize/<str:entity>", views.synchronize_start, name="sync-start"),
    path("settings/sync-runs", views.sync_runs, name="sync-runs"),
    path("exact/refresh/<str:entity>/<uuid:exact_id>", views.exact_refresh, name="exact-refresh"),
]
