"""The web app's placeholder images that `PictureUrl` fields point to (spec §4.1, §4.9).

Items without a picture carry `https://start.exactonline.nl//docs/images/placeholder_item.png`
(the double slash is Exact's) and `current/Me` a `placeholder_user.png`: plain static
images, served without a bearer and outside the rate limits, as a web server serves them.
"""

from __future__ import annotations

from functools import cache

from .data.pictures import placeholder_png
from .http import Request, Response

NAMES = frozenset({"docs/images/placeholder_item.png", "docs/images/placeholder_user.png"})


def is_placeholder(path: str) -> bool:
    return path.lstrip("/").lower() in NAMES


@cache
def _bytes() -> bytes:
    return placeholder_png()


def handle_placeholder(req: Request) -> Response:
    """200 `image/png` for a GET; other methods 405."""
    if req.method != "GET":
        return Response(405, b"", [("Allow", "GET")])
    headers = [("Content-Type", "image/png"), ("Cache-Control", "public, max-age=86400")]
    return Response(200, _bytes(), headers)
