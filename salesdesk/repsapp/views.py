"""The reps' app: an HTML shell, its web app manifest and its service worker.

No data is rendered here: the page fetches everything from the reps' API (/api/v1/)
with the device's token, and keeps it in IndexedDB for offline use.
"""

from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_safe

from salesdesk.repsapp.shell import (
    SCRIPTS,
    STYLES,
    THEME_COLOUR,
    shell_static_urls,
    shell_version,
)
from salesdesk.tenants.selectors import company_by_slug

# Browsers revalidate these on every load, so a new shell reaches devices at once.
REVALIDATE = "no-cache"


@require_safe
def app_shell(request: HttpRequest, company: str) -> HttpResponse:
    found = company_by_slug(slug=company)
    context = {
        "company": found,
        "scripts": [static(path) for path in SCRIPTS],
        "styles": [static(path) for path in STYLES],
        "theme_colour": THEME_COLOUR,
    }
    response = render(request, "repsapp/shell.html", context)
    response["Cache-Control"] = REVALIDATE
    return response


@require_safe
def app_manifest(request: HttpRequest, company: str) -> JsonResponse:
    found = company_by_slug(slug=company)
    start = reverse("repsapp-shell", kwargs={"company": found.slug})
    manifest = {
        "name": f"{found.name} orders",
        "short_name": "Orders",
        "description": f"Take orders for {found.name}, with or without a connection.",
        "id": start,
        "start_url": start,
        "scope": start,
        "display": "standalone",
        "orientation": "any",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": [
            {"src": static(f"repsapp/icons/icon-{size}.png"), "sizes": f"{size}x{size}",
             "type": "image/png", "purpose": "any"}
            for size in (192, 512)
        ],
    }  # fmt: skip
    response = JsonResponse(manifest, content_type="application/manifest+json")
    response["Cache-Control"] = REVALIDATE
    return response


@require_safe
def app_service_worker(request: HttpRequest, company: str) -> HttpResponse:
    found = company_by_slug(slug=company)
    scope = reverse("repsapp-shell", kwargs={"company": found.slug})
    config = {
        "version": shell_version(),
        "company": found.slug,
        "shell_url": scope,
        "manifest_url": reverse("repsapp-manifest", kwargs={"company": found.slug}),
        "static_urls": shell_static_urls(),
        "dexie_url": static(SCRIPTS[0]),
        "store_url": static(SCRIPTS[1]),
    }
    # JSON is valid JavaScript; escaping "<" keeps the text inert if ever shown as HTML.
    text = json.dumps(config).replace("<", "\\u003c")
    response = render(request, "repsapp/sw.js", {"config": text}, content_type="text/javascript")
    response["Cache-Control"] = REVALIDATE
    response["Service-Worker-Allowed"] = scope
    return response
