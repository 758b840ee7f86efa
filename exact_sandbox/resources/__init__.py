"""Per-endpoint REST handlers behind `exact_sandbox.rest.handle_rest`."""
