from django.urls import include, path

# Company-scoped pages live under /<company>/…; each app contributes its routes.
company_patterns = [
    path("", include("salesdesk.tenants.urls")),
    path("", include("salesdesk.integration.urls")),
    path("", include("salesdesk.catalog.urls")),
    path("", include("salesdesk.customers.urls")),
    path("", include("salesdesk.orders.urls")),
    path("", include("salesdesk.api.company_urls")),
    path("", include("salesdesk.repsapp.urls")),
    path("", include("salesdesk.confirmations.urls")),
]

urlpatterns = [
    path("", include("salesdesk.tenants.public_urls")),
    path("exact/", include("salesdesk.integration.public_urls")),
    path("api/v1/", include("salesdesk.api.urls")),
    path("<slug:company>/", include(company_patterns)),
]
