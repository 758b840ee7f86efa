"""What a handler needs about the call in progress."""

from __future__ import annotations

from dataclasses import dataclass

from ..data.division import DivisionData
from ..http import RestRequest


@dataclass
class CallContext:
    """One REST call: the state, the request, its division's data and the sandbox time."""

    state: object
    req: RestRequest
    division: DivisionData
    now: float

    @property
    def base(self) -> str:
        return self.req.base_url

    def entity_uri(self, path: str) -> str:
        """`{base}/api/v1/{division}/{path}` — the prefix of `__metadata.uri`."""
        return f"{self.req.base_url}/api/v1/{self.division.code}/{path}"

    def setting(self, name: str, default: object) -> object:
        """A SandboxConfig attribute, or default when the config does not define it."""
        return getattr(getattr(self.state, "config", None), name, default)
