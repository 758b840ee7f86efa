"""What the service worker keeps for offline use, and the version that names its cache.

The version is a digest of the shell's files: any change to them changes the service
worker's text, which makes browsers install the new worker and fill a new cache.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from django.contrib.staticfiles import finders
from django.templatetags.static import static

# Static files of the shell, in the order the page loads them.
SCRIPTS = (
    "repsapp/vendor/dexie-4.4.7.min.js",
    "repsapp/store.js",
    "repsapp/amounts.js",
    "repsapp/pricing.js",
    "repsapp/memory.js",
    "repsapp/sync.js",
    "repsapp/draft.js",
    "repsapp/outbox.js",
    "repsapp/new_customers.js",
    "repsapp/views.js",
    "repsapp/door.js",
    "repsapp/door_views.js",
    "repsapp/door_pane.js",
    "repsapp/header.js",
    "repsapp/order_pane.js",
    "repsapp/new_customer_pane.js",
    "repsapp/app.js",
)
STYLES = ("repsapp/app.css",)
ICONS = ("repsapp/icons/icon-192.png", "repsapp/icons/icon-512.png")
TEMPLATES = ("shell.html", "sw.js")
THEME_COLOUR = "#1d4e89"


def shell_static_urls() -> list[str]:
    return [static(path) for path in (*STYLES, *SCRIPTS, *ICONS)]


def shell_version() -> str:
    """A short digest of every file the shell is made of (static files and templates)."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent / "templates" / "repsapp"
    files = [Path(finders.find(path)) for path in (*STYLES, *SCRIPTS, *ICONS)]
    for file in (*files, *(here / name for name in TEMPLATES)):
        digest.update(file.read_bytes())
    return digest.hexdigest()[:16]
