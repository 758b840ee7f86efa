"""A mail backend that fails as told, then delivers to Django's locmem outbox.

`EMAIL_BACKEND = FAILING_EMAIL`; `failures` holds what the next sends raise, one each (an
exception class or instance; `ALWAYS` keeps raising it), and `before_send` runs just before
a send that goes through (to play another process acting meanwhile).
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend

FAILING_EMAIL = "tests.salesdesk.confirmations.failing_mail.FailingBackend"


class FailingBackend(BaseEmailBackend):
    failures: list[BaseException] = []
    always: BaseException | None = None
    before_send: Callable[[], object] | None = None
    attempts = 0

    @classmethod
    def reset(cls) -> None:
        cls.failures, cls.always, cls.before_send, cls.attempts = [], None, None, 0

    def send_messages(self, email_messages):
        cls = type(self)
        cls.attempts += 1
        if cls.failures:
            raise cls.failures.pop(0)
        if cls.always is not None:
            raise cls.always
        if cls.before_send is not None:
            cls.before_send()
        return LocmemBackend().send_messages(email_messages)
