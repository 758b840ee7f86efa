"""The `/api/v1/docs` page: Swagger UI from our own static files, never a CDN.

django-ninja falls back to a CDN unless `ninja` is an installed app; this page always
renders our template with the vendored Swagger UI (salesdesk/static/salesdesk/swagger-ui).
"""

from __future__ import annotations

import json

from django.shortcuts import render
from ninja.openapi.docs import Swagger


class LocalSwagger(Swagger):
    template = "api/swagger.html"

    def render_page(self, request, api, **kwargs):
        settings = {**self.settings, "url": self.get_openapi_url(api, kwargs)}
        # Inside <script type="application/json">: "</" must not close the element early.
        payload = json.dumps(settings).replace("</", "<\\/")
        context = {"swagger_settings": payload, "api": api}
        return render(request, self.template, context)
