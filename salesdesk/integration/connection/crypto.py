"""Exact tokens at rest: Fernet with the keys of settings.TOKEN_ENCRYPTION_KEYS.

The first key encrypts; every key decrypts, so a new key can be put in front and the
old one kept until `token_reencrypt` (or the next refresh) has rewritten the rows.
"""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings


class TokenDecryptError(Exception):
    """A stored token cannot be read with any configured key (key lost or rotated away)."""


def _fernet() -> MultiFernet:
    keys = [key.strip() for key in settings.TOKEN_ENCRYPTION_KEYS if key.strip()]
    if not keys:
        raise TokenDecryptError("no token encryption key is configured (SALESDESK_TOKEN_KEY)")
    return MultiFernet([Fernet(key.encode()) for key in keys])


def token_encrypt(plain: str) -> str:
    """Encrypt one token with the first configured key; empty stays empty."""
    if not plain:
        return ""
    return _fernet().encrypt(plain.encode()).decode()


def token_decrypt(cipher: str) -> str:
    """Decrypt one token with whichever configured key made it; empty stays empty."""
    if not cipher:
        return ""
    try:
        return _fernet().decrypt(cipher.encode()).decode()
    except InvalidToken as exc:
        raise TokenDecryptError(
            "a stored token cannot be decrypted with the configured keys"
        ) from exc


def token_reencrypt(cipher: str) -> str:
    """Rewrite a stored token under the first (newest) key."""
    if not cipher:
        return ""
    return _fernet().rotate(cipher.encode()).decode()
