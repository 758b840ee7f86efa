# Synchronize routes (owned by the sync engine); included under /<company>/.
urlpatterns: list = []
