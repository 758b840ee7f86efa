"""Which mail failures are worth a retry: SMTP's 4xx and not reaching the server are; 5xx
and anything the server cannot fix by itself are not."""

from __future__ import annotations

import smtplib
import socket
import ssl

import pytest

from salesdesk.confirmations.mail_failures import REASON_MAX, mail_failure


@pytest.mark.parametrize(
    ("exc", "transient", "reason"),
    [
        (
            smtplib.SMTPRecipientsRefused({"a@b.nl": (450, b"4.2.0 greylisted, try again")}),
            True,
            "the mail server refused the recipient (a@b.nl: 450 4.2.0 greylisted, try again)",
        ),
        (
            smtplib.SMTPRecipientsRefused({"a@b.nl": (550, b"5.1.1 unknown\r\n user")}),
            False,
            "the mail server refused the recipient (a@b.nl: 550 5.1.1 unknown user)",
        ),
        (
            smtplib.SMTPSenderRefused(553, b"5.7.1 sender not allowed", "x@y.nl"),
            False,
            "the mail server answered 553 5.7.1 sender not allowed",
        ),
        (
            smtplib.SMTPAuthenticationError(454, b"4.7.0 temporary auth failure"),
            True,
            "the mail server answered 454 4.7.0 temporary auth failure",
        ),
        (
            smtplib.SMTPAuthenticationError(535, b"5.7.8 bad credentials"),
            False,
            "the mail server answered 535 5.7.8 bad credentials",
        ),
        (
            smtplib.SMTPConnectError(-1, "no greeting"),
            True,
            "the mail server answered -1 no greeting",
        ),
        (
            smtplib.SMTPServerDisconnected("gone"),
            True,
            "the mail server closed the connection",
        ),
        (
            ConnectionRefusedError(111, "Connection refused"),
            True,
            "the mail server could not be reached ([Errno 111] Connection refused)",
        ),
        (TimeoutError("timed out"), True, "the mail server did not answer in time"),
        (
            socket.gaierror(-3, "Temporary failure in name resolution"),
            True,
            "the mail server could not be reached ([Errno -3] Temporary failure in name "
            "resolution)",
        ),
        (
            ssl.SSLCertVerificationError(1, "certificate verify failed"),
            False,
            "the mail server's certificate is not trusted (certificate verify failed)",
        ),
        (
            smtplib.SMTPNotSupportedError("STARTTLS extension not supported by server."),
            False,
            "SMTPNotSupportedError: STARTTLS extension not supported by server.",
        ),
    ],
)
def test_each_failure_is_classified_with_a_readable_reason(exc, transient, reason):
    failure = mail_failure(exc)
    assert (failure.transient, failure.reason) == (transient, reason)


def test_a_long_answer_is_cut_to_fit_the_order_page():
    failure = mail_failure(smtplib.SMTPDataError(554, b"x" * 2000))
    assert not failure.transient
    assert len(failure.reason) == REASON_MAX and failure.reason.endswith("…")
