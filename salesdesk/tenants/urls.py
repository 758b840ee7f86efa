# Routes under /<company>/; included by salesdesk/urls.py.
from django.urls import path

from salesdesk.tenants import views

urlpatterns = [
    path("", views.home, name="company-home"),
    path("login", views.login_view, name="login"),
    path("logout", views.logout_view, name="logout"),
    path("settings/users", views.users_view, name="settings-users"),
]
