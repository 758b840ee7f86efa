"""Answering a POST once per Idempotency-Key: the first answer is kept with the work it
describes and replayed for a repeated key (`POST /orders`, `POST /customers`).

The key's record is inserted first, in the transaction that does the work: a concurrent
request with the same key waits on it (SQLite: the write lock; PostgreSQL: the unique index)
and then replays the answer. Work refused with `FieldErrors` rolls the record back, so the
device may send the corrected request with the same key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

import orjson
from django.db import IntegrityError, transaction

from salesdesk.api.models import IdempotentRequest
from salesdesk.tenants.models import Company


class FieldErrors(ValueError):
    """What is wrong with the request, each problem with the field it is about."""

    def __init__(self, problems: list[dict]) -> None:
        super().__init__("; ".join(p["msg"] for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    replayed: bool = False


def request_digest(*, kind: str, body: dict) -> str:
    """The request's fingerprint; `kind` names the endpoint, so that a key used for an order
    is refused for a customer instead of replaying the order."""
    text = orjson.dumps({"kind": kind, "body": body}, option=orjson.OPT_SORT_KEYS)
    return hashlib.sha256(text).hexdigest()


def answer_once(
    *, company: Company, user, key: str, digest: str, work: Callable[[], tuple[int, bytes]]
) -> Answer:
    """`work()`'s (status, body) for the first request with `key`, its replay afterwards."""
    try:
        with transaction.atomic():
            first = _recorded(company, user, key)
            if first is not None:
                return _replay(first, digest)
            kept = IdempotentRequest.objects.create(
                company=company, user=user, key=key, request_hash=digest, status_code=0, body=b""
            )
            status, body = work()
            IdempotentRequest.objects.filter(pk=kept.pk).update(status_code=status, body=body)
            return Answer(status, body)
    except IntegrityError:
        first = _recorded(company, user, key)
        if first is None:
            raise
        return _replay(first, digest)


def _recorded(company, user, key) -> IdempotentRequest | None:
    return IdempotentRequest.objects.filter(company=company, user=user, key=key).first()


def _replay(first: IdempotentRequest, digest: str) -> Answer:
    if first.request_hash != digest:
        problem = {
            "loc": ["header", "Idempotency-Key"],
            "msg": "This Idempotency-Key was used for a different request: use a new key.",
            "type": "idempotency_key_reused",
        }
        raise FieldErrors([problem])
    return Answer(first.status_code, bytes(first.body), replayed=True)
