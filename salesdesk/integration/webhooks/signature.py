"""Reading and verifying one delivery (spec §4.10, pitfall 21).

Exact signs the raw bytes of the `Content` object exactly as sent: the substring after
`{"Content":` up to `,"HashCode":`. Re-serialising the parsed JSON, comparing lowercase
hex, or using the client secret all fail. There is no signature header.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass

import orjson

_BODY = re.compile(rb'\A\{"Content":(?P<content>\{.*\}),"HashCode":"(?P<hash>[^"]*)"\}\Z', re.S)
FIELDS = ("Topic", "Division", "Action", "Key")


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
    match = _BODY.match(body)
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
    if not isinstance(content, dict) or any(not content.get(name) for name in FIELDS):
        raise MalformedNotice("content lacks Topic, Division, Action or Key")
    try:
        division = int(content["Division"])
    except (TypeError, ValueError) as exc:
        raise MalformedNotice("Division is not a number") from exc
    return Notice(
        topic=str(content["Topic"]),
        division=division,
        action=str(content["Action"]),
        key=str(content["Key"]).lower(),
        event_created_on=str(content.get("EventCreatedOn") or ""),
        hash_code=match["hash"].decode(),
    )
