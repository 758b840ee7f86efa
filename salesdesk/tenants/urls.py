# Routes under /<company>/; included by salesdesk/urls.py.
from django.urls import path

from salesdesk.tenants import member_views, reps_views, views

urlpatterns = [
    path("", views.home, name="company-home"),
    path("login", views.login_view, name="login"),
    path("logout", views.logout_view, name="logout"),
    path("settings/users", views.users_view, name="settings-users"),
    path("settings/users/<int:member_id>/deactivate", member_views.member_deactivate_view),
    path("settings/users/<int:member_id>/activate", member_views.member_activate_view),
    path("settings/users/<int:member_id>/role", member_views.member_role_view),
    path("settings/users/<int:member_id>/password", member_views.member_password_view),
    path(
        "settings/users/reps-customers",
        reps_views.reps_see_all_view,
        name="settings-reps-customers",
    ),
    path("account/password", member_views.own_password_view, name="own-password"),
]
