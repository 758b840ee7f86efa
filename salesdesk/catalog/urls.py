# Routes under /<company>/; included by salesdesk/urls.py.
urlpatterns: list = []
