"""The body Exact POSTs to a webhook callback, signed the way Exact signs it (spec §4.10).

`HashCode` is the uppercase hex HMAC-SHA256 of the raw bytes of the `Content` object exactly
as sent, keyed with the app's webhook secret (not the client secret). There is no signature
header. The JSON is compact and its keys come in the order of real deliveries.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime

import orjson

from ..odata.values import AMSTERDAM

TOPIC_PATHS = {
    "Items": "logistics/Items",
    "Accounts": "crm/Accounts",
    "SalesOrders": "salesorder/SalesOrders",
    "GoodsDeliveries": "salesorder/GoodsDeliveries",
    "StockPositions": "read/logistics/StockPosition",
}
# StockPositions has no keyed entity set (spec §4.8, §9.1): its notices point at the
# per-item function, with the item as Key (the sandbox's choice, UNCONFIRMED).
_KEY_PARAMETER = {"StockPositions": "itemId"}


def event_created_on(epoch_s: float) -> str:
    """Amsterdam wall-clock time with milliseconds and no offset, as Exact sends it."""
    moment = datetime.fromtimestamp(epoch_s, AMSTERDAM)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}"


def notice_content(
    *, topic: str, client_id: str, division: int, action: str, key: str, base_url: str, now: float
) -> bytes:
    """The compact `Content` object of one notice, keys in Exact's order."""
    parameter = _KEY_PARAMETER.get(topic)
    keyed = f"?{parameter}=guid'{key}'" if parameter else f"(guid'{key}')"
    endpoint = f"{base_url}/api/v1/{division}/{TOPIC_PATHS[topic]}{keyed}"
    content = {
        "Topic": topic,
        "ClientId": client_id,
        "Division": division,
        "Action": action,
        "Key": key,
        "ExactOnlineEndpoint": endpoint,
        "EventCreatedOn": event_created_on(now),
    }
    return orjson.dumps(content)


def hash_code(content: bytes, secret: str) -> str:
    """Uppercase hex HMAC-SHA256 of the raw Content bytes."""
    return hmac.new(secret.encode(), content, hashlib.sha256).hexdigest().upper()


def signed_body(content: bytes, secret: str) -> bytes:
    """`{"Content":<content>,"HashCode":"<hash>"}` with the content bytes untouched."""
    return b'{"Content":' + content + b',"HashCode":"' + hash_code(content, secret).encode() + b'"}'
