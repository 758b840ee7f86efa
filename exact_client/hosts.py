"""Exact Online country hosts (spec §1.1): each country is a separate instance."""

from __future__ import annotations

COUNTRY_HOSTS: dict[str, str] = {
    "nl": "https://start.exactonline.nl",
    "be": "https://start.exactonline.be",
    "uk": "https://start.exactonline.co.uk",
    "de": "https://start.exactonline.de",
    "fr": "https://start.exactonline.fr",
    "es": "https://start.exactonline.es",
    "us": "https://start.exactonline.com",
}


def normalize_base_url(base_url: str) -> str:
    """The base URL without trailing slash, as stored with the credentials."""
    return base_url.strip().rstrip("/")
