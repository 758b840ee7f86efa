# Routes outside any company (e.g. the OAuth callback, the landing page).
urlpatterns: list = []
