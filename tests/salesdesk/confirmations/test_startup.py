"""Salesdesk starts without WeasyPrint: it is imported only when a PDF is made."""

from __future__ import annotations

import os
import subprocess
import sys

CHECK = """
import sys
import django
django.setup()
from django.urls import resolve
import salesdesk.urls, salesdesk.confirmations.views, salesdesk.confirmations.tasks
resolve("/acme/orders/SD-1/confirmation.pdf")
assert "weasyprint" not in sys.modules, "weasyprint was imported at start-up"
print("started")
"""


def test_django_starts_without_importing_weasyprint():
    result = subprocess.run(
        [sys.executable, "-c", CHECK],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "salesdesk.settings"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "started"
