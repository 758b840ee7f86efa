import httpx

from exact_client import ExactClient, MemoryTokenStore, OAuthApp, http_client


def test_every_client_made_here_has_the_timeout_it_was_given():
    with http_client(timeout=7.5) as http:
        assert http.timeout == httpx.Timeout(7.5)


def test_an_exact_client_without_its_own_http_makes_one_here_with_its_timeout():
    app = OAuthApp(
        client_id="id",
        client_secret="secret",
        redirect_uri="http://127.0.0.1/cb",
        base_url="https://start.exactonline.nl",
    )
    client = ExactClient(
        base_url="https://start.exactonline.nl",
        division=1,
        app=app,
        store=MemoryTokenStore(None),
        timeout=12.0,
    )
    assert client.http.timeout == httpx.Timeout(12.0)
    client.http.close()
