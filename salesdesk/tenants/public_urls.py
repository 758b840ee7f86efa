# Routes outside any company: the landing page.
from django.urls import path

from salesdesk.tenants import views

urlpatterns = [path("", views.landing, name="landing")]
