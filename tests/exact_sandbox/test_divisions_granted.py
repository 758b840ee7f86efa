"""`system/Divisions` lists only the divisions the consent granted (and the user has)."""

from __future__ import annotations

from tests.sandbox_fixtures import api_headers, demo_token_pair


def _codes(http, tokens, division: int) -> list[int]:
    answer = http.get(
        f"/api/v1/{division}/system/Divisions?$select=Code",
        headers=api_headers(tokens["access_token"]),
    )
    assert answer.status_code == 200, answer.text
    return [row["Code"] for row in answer.json()["d"]["results"]]


def test_only_the_ticked_divisions_are_listed(sandbox_http):
    tokens = demo_token_pair(sandbox_http, divisions=[100002, 100003])
    # Called in a division left out of the consent (Exact does not check it there).
    assert _codes(sandbox_http, tokens, 100001) == [100002, 100003]
    assert _codes(sandbox_http, tokens, 100002) == [100002, 100003]


def test_every_ticked_division_is_listed(sandbox_http, demo_tokens):
    assert _codes(sandbox_http, demo_tokens, 100001) == [100001, 100002, 100003]


def test_a_granted_division_the_user_cannot_reach_is_not_listed(sandbox_http):
    tokens = demo_token_pair(
        sandbox_http, username="retail", password="retail", divisions=[100001, 100003]
    )
    assert _codes(sandbox_http, tokens, 100003) == [100003]


def test_count_and_key_lookups_see_the_same_divisions(sandbox_http):
    tokens = demo_token_pair(sandbox_http, divisions=[100002])
    headers = api_headers(tokens["access_token"])
    count = sandbox_http.get(
        "/api/v1/100002/system/Divisions/$count",
        headers={"Authorization": headers["Authorization"]},
    )
    left_out = sandbox_http.get("/api/v1/100002/system/Divisions(100001)", headers=headers)
    granted = sandbox_http.get("/api/v1/100002/system/Divisions(100002)", headers=headers)
    assert count.text == "1"
    assert left_out.status_code == 404
    assert granted.json()["d"]["Code"] == 100002
