# Routes under /api/v1/; included by salesdesk/urls.py. The namespace is the one django-ninja
# reverses for its docs page ("api-v1").
from salesdesk.api.api import api

urlpatterns, _ninja_app, app_name = api.urls
