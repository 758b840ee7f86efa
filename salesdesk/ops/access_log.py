"""Keeps OAuth `code` and `state` out of the web servers' access logs.

Exact Online sends the browser to /exact/callback?code=…&state=…; the code is a credential
until redeemed and the state binds the session. Django's development server (logger
`django.server`) and gunicorn (`gunicorn.access`) log the request line, and gunicorn also
the Referer of pages loaded from the callback. The filter rewrites those records; it is
added to the loggers themselves, so the servers' own handlers stay as they are.
"""

from __future__ import annotations

import logging
import re

ACCESS_LOGGERS = ("django.server", "gunicorn.access")
_SECRET_PARAM = re.compile(r"(?i)([?&](?:code|state)=)[^&\s\"']*")


def secrets_removed(text: str) -> str:
    return _SECRET_PARAM.sub(r"\1[removed]", text)


class OAuthParamsFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        scrubbed = secrets_removed(message)
        if scrubbed != message:
            record.msg, record.args = scrubbed, ()
        return True


def access_logs_scrubbed() -> None:
    """Add the filter to the access loggers, once."""
    for name in ACCESS_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, OAuthParamsFilter) for f in logger.filters):
            logger.addFilter(OAuthParamsFilter())
