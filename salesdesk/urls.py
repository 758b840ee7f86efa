from django.urls import include, path

# Company-scoped pages live under /<company>/…; each app contributes its routes.
company_patterns = [
    path("", include("salesdesk.tenants.urls")),
    path("", include("salesdesk.integration.urls")),
    path("", include("salesdesk.integration.sync_urls")),
    path("", include("salesdesk.catalog.urls")),
    path("", include("salesdesk.customers.urls")),
    path("", include("salesdesk.orders.urls")),
]

urlpatterns = [
    path("", include("salesdesk.tenants.public_urls")),
    path("exact/", include("salesdesk.integration.public_urls")),
    path("<slug:company>/", include(company_patterns)),
]
