import httpx
from django.test import override_settings

from salesdesk.integration.connection.outgoing_http import outgoing_http


@override_settings(EXACT_TIMEOUT_SECONDS=4.0)
def test_the_pages_calls_to_exact_use_the_configured_timeout():
    with outgoing_http() as http:
        assert http.timeout == httpx.Timeout(4.0)
