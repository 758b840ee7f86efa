"""Reading and verifying one delivery (spec §4.10, pitfall 21).

Exact signs the raw bytes of the `Content` object exactly as sent: the substring after
`{"Content":` up to `,"HashCode":`. Re-serialising the parsed JSON, comparing lowercase
hex, or using the client secret all fail. There is no signature header. Line breaks after
the closing brace are not part of the signed bytes: Exact's own samples (and picqer's check,
`^{"Content":(.*),"HashCode":"(.*)"}$`) accept a body that ends with a newline.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

import orjson

from salesdesk.integration.mapping.webhooks import DELIVERY, NoticeContentInvalid, notice_from_exact


class MalformedNotice(ValueError):
    """The body is not a webhook delivery."""


class InvalidSignature(ValueError):
    """The HashCode does not match the content under our webhook secret."""


@dataclass(frozen=True)
class Notice:
    """A verified notice: what changed, where, and the HashCode that identifies it."""

    topic: str
    division: int
    action: str
    key: str
    event_created_on: str
    hash_code: str


def hash_code(content: bytes, secret: str) -> str:
    """Uppercase hex HMAC-SHA256 of the raw content bytes."""
    return hmac.new(secret.encode(), content, hashlib.sha256).hexdigest().upper()


def notice_parse(body: bytes, secret: str) -> Notice:
    """The verified notice in `body`; MalformedNotice or InvalidSignature otherwise."""
    match = DELIVERY.match(body.rstrip(b"\r\n"))
    if match is None:
        raise MalformedNotice("not a webhook delivery")
    if not secret or not hmac.compare_digest(
        hash_code(match["content"], secret).encode(), match["hash"]
    ):
        raise InvalidSignature("HashCode does not match")
    try:
        content = orjson.loads(match["content"])
    except orjson.JSONDecodeError as exc:
        raise MalformedNotice("content is not JSON") from exc
    try:
        fields = notice_from_exact(content)
    except NoticeContentInvalid as exc:
        raise MalformedNotice(str(exc)) from exc
    return Notice(
        **fields,
        hash_code=match["hash"].decode(),
    )
