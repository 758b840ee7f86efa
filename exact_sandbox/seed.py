"""Building a sandbox state, and putting it back to its start (control API reset/reseed)."""

from __future__ import annotations

from .clock import SandboxClock
from .config import SandboxConfig
from .state import SandboxState


def _seed_divisions(config: SandboxConfig, clock: SandboxClock) -> dict:
    from .data.seed import seed_divisions  # the data layer; imported late to keep startup cheap

    return seed_divisions(config, clock)


def build_state(config: SandboxConfig, clock: SandboxClock | None = None) -> SandboxState:
    """A fresh sandbox: demo apps and users, no tokens, divisions seeded from `config`."""
    clock = clock or SandboxClock()
    return SandboxState(config, clock, _seed_divisions(config, clock))


def reset_state(state: SandboxState) -> None:
    """Back to the start: reseeded data, no tokens or sessions, limits/faults/stats/scopes cleared.

    The clock keeps its time (it only moves forward) and config changes made
    through the control API stay.
    """
    with state.lock:
        fresh = SandboxState(state.config, state.clock, _seed_divisions(state.config, state.clock))
        state.__dict__.update({k: v for k, v in fresh.__dict__.items() if k != "lock"})


def reseed_state(
    state: SandboxState,
    *,
    seed: int | None = None,
    items: int | None = None,
    customers: int | None = None,
) -> None:
    """New data from a new seed/size; tokens, limits and stats stay."""
    with state.lock:
        if seed is not None:
            state.config.seed = seed
        if items is not None:
            state.config.items = items
        if customers is not None:
            state.config.customers = customers
        state.divisions = _seed_divisions(state.config, state.clock)
