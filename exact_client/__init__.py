"""The only way Salesdesk talks to Exact Online: OAuth, one request path, paging, resources.

Imports stdlib, `httpx` and `orjson` only (no Django). See README.md. Salesdesk imports
what it needs from here (`from exact_client import ExactClient, ...`), never from the
modules below; tests may reach the internals.
"""

from .backoff import Backoff
from .client import ExactClient
from .crm_writes import Addresses
from .errors import (
    AccessTokenRefused,
    AuthError,
    BlankPicture,
    DailyLimitExhausted,
    ExactError,
    NoSuchEndpoint,
    NotFound,
    PagingError,
    RateLimited,
    RefreshTooEarly,
    Rejected,
    ServerError,
    TokenChainDead,
    TokenRefused,
    TransportError,
    UnsafeUrl,
)
from .exchange import Exchange
from .hosts import COUNTRY_HOSTS, normalize_base_url
from .oauth import OAuthApp
from .outgoing_http import http_client
from .paging import Page
from .rate_gate import Budget, RateGate, gate_key
from .requestor import RetryPolicy
from .tokens import MemoryTokenStore, TokenPair, TokenStore

__all__ = [
    "COUNTRY_HOSTS",
    "AccessTokenRefused",
    "Addresses",
    "AuthError",
    "Backoff",
    "BlankPicture",
    "Budget",
    "DailyLimitExhausted",
    "ExactClient",
    "ExactError",
    "Exchange",
    "MemoryTokenStore",
    "NoSuchEndpoint",
    "NotFound",
    "OAuthApp",
    "Page",
    "PagingError",
    "RateGate",
    "RateLimited",
    "RefreshTooEarly",
    "Rejected",
    "RetryPolicy",
    "ServerError",
    "TokenChainDead",
    "TokenPair",
    "TokenRefused",
    "TokenStore",
    "TransportError",
    "UnsafeUrl",
    "gate_key",
    "http_client",
    "normalize_base_url",
]
