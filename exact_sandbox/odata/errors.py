"""The one exception the REST layer turns into Exact's error body (spec §5.1)."""

from __future__ import annotations


class ODataError(Exception):
    """A request Exact would refuse: status plus the text of `error.message.value`."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


SKIP_REFUSED = "$skip is not supported; use the __next link ($skiptoken)."


def bad_request(message: str) -> ODataError:
    return ODataError(400, message)
