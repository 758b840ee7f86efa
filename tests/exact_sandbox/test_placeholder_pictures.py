"""The placeholder `PictureUrl` of items without a picture (and of the user) is an image."""

from __future__ import annotations

import struct
import zlib

import httpx

from tests.sandbox_fixtures import api_headers

SELECT = "ID,PictureUrl,PictureThumbnailUrl"


def _png_size(body: bytes) -> tuple[int, int]:
    """Width and height of a well-formed 8-bit RGB PNG (its pixel data checked too)."""
    assert body.startswith(b"\x89PNG\r\n\x1a\n")
    width, height, depth, colour = struct.unpack(">IIBB", body[16:26])
    assert body[12:16] == b"IHDR" and (depth, colour) == (8, 2)
    length = struct.unpack(">I", body[33:37])[0]
    assert body[37:41] == b"IDAT"
    assert len(zlib.decompress(body[41 : 41 + length])) == height * (1 + 3 * width)
    return width, height


def _placeholder_urls(http: httpx.Client, token: str) -> set[str]:
    answer = http.get(
        "/api/v1/100001/logistics/Items",
        params={
            "$select": SELECT,
            "$filter": "IsSalesItem eq true and PictureName eq null",
            "$top": "5",
        },
        headers=api_headers(token),
    )
    assert answer.status_code == 200, answer.text
    rows = answer.json()["d"]
    return {row[name] for row in rows for name in ("PictureUrl", "PictureThumbnailUrl")}


def test_an_items_placeholder_url_answers_a_png_without_a_bearer(sandbox_http, demo_tokens):
    (url,) = _placeholder_urls(sandbox_http, demo_tokens["access_token"])
    assert url.endswith("//docs/images/placeholder_item.png")

    image = sandbox_http.get(url)

    assert image.status_code == 200
    assert image.headers["Content-Type"] == "image/png"
    assert _png_size(image.content) == (48, 48)


def test_the_placeholder_is_served_over_a_real_socket_too(live_sandbox, sandbox_state):
    with httpx.Client(base_url=live_sandbox.url, timeout=5) as http:
        image = http.get(f"{live_sandbox.url}//docs/images/placeholder_item.png")
        user = http.get("/docs/images/placeholder_user.png")
        posted = http.post("/docs/images/placeholder_item.png")
    assert image.status_code == user.status_code == 200
    assert _png_size(image.content) == _png_size(user.content) == (48, 48)
    assert posted.status_code == 405
    assert sandbox_state.stats.total() == 0  # static files: no API call counted


def test_the_users_picture_url_is_an_image(sandbox_http, demo_tokens):
    me = sandbox_http.get(
        "/api/v1/current/Me", headers=api_headers(demo_tokens["access_token"])
    ).json()["d"]["results"][0]
    image = sandbox_http.get(me["PictureUrl"])
    assert image.status_code == 200
    assert image.headers["Content-Type"] == "image/png"
