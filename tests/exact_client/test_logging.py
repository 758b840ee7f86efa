"""One structured log line per response, without tokens or query values."""

import logging

DIVISION = 100001


def test_one_line_per_response_with_budget_fields_and_no_secrets(client, token_store, caplog):
    caplog.set_level(logging.INFO, logger="exact_client")
    next(client.accounts.list(filter="Name eq 'Secret Customer Name'"))
    client.me()
    records = [r for r in caplog.records if r.name == "exact_client"]
    assert len(records) == client.calls == 2
    accounts = records[0]
    assert accounts.division == DIVISION
    assert (accounts.method, accounts.path, accounts.status) == (
        "GET",
        f"/api/v1/{DIVISION}/crm/Accounts",
        200,
    )
    assert isinstance(accounts.minute_remaining, int) and isinstance(accounts.day_remaining, int)
    assert isinstance(accounts.duration_ms, int)
    assert records[1].path == "/api/v1/current/Me"
    everything = " ".join(f"{r.getMessage()} {r.__dict__}" for r in records)
    assert token_store.pair.access_token not in everything
    assert "Secret Customer Name" not in everything
