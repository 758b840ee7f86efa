"""Whether a failed mail is worth trying again: the mail server's answer decides.

SMTP says it in its reply codes (RFC 5321 §4.2.1): 4xx is a temporary refusal (greylisting,
a full queue, a server going down), 5xx a permanent one (no such mailbox, refused). Not
reaching the server at all (refused, timed out, disconnected) is temporary too. Anything
else (a certificate the server may never fix, a backend that is misconfigured) is not.
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass

REASON_MAX = 300


@dataclass(frozen=True)
class MailFailure:
    transient: bool
    reason: str


def mail_failure(exc: BaseException) -> MailFailure:
    """What `exc`, raised while handing the mail to the mail server, means for a retry."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
        answers = "; ".join(
            f"{address}: {code} {_text(reply)}" for address, (code, reply) in exc.recipients.items()
        )
        transient = bool(codes) and all(_temporary(code) for code in codes)
        return _failure(transient, f"the mail server refused the recipient ({answers})")
    if isinstance(exc, smtplib.SMTPResponseException):
        code = exc.smtp_code
        answer = f"the mail server answered {code} {_text(exc.smtp_error)}"
        return _failure(code == -1 or _temporary(code), answer)
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return _failure(True, "the mail server closed the connection")
    if isinstance(exc, smtplib.SMTPException):  # no reply code: the server lacks a feature
        return _failure(False, f"{type(exc).__name__}: {exc}")
    if isinstance(exc, ssl.SSLCertVerificationError):
        return _failure(False, f"the mail server's certificate is not trusted ({exc})")
    if isinstance(exc, TimeoutError):
        return _failure(True, "the mail server did not answer in time")
    if isinstance(exc, OSError):  # refused, unreachable, a name that did not resolve, TLS
        return _failure(True, f"the mail server could not be reached ({exc})")
    return _failure(False, f"{type(exc).__name__}: {exc}")


def _temporary(code: int) -> bool:
    return 400 <= code < 500


def _text(reply: bytes | str) -> str:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
    return " ".join(text.split())


def _failure(transient: bool, reason: str) -> MailFailure:
    reason = " ".join(reason.split())
    if len(reason) > REASON_MAX:
        reason = reason[: REASON_MAX - 1] + "…"
    return MailFailure(transient=transient, reason=reason)
