"""Item pictures at `/docs/SysImage.aspx` (spec §4.9)."""

from exact_sandbox.api import WHITE_PIXEL_PNG
from tests.sandbox_fixtures import api_headers


def _item_with_picture(state) -> str:
    division = state.divisions[100001]
    return next(row["ID"] for row in division.items if division.picture_bytes(row["ID"]))


def _url(item_id: str, division: int = 100001) -> str:
    query = f"Table=Items&ID={item_id}&ThumbSize=500&NoCache=1&_Division_={division}"
    return f"/docs/SysImage.aspx?{query}"


def test_without_bearer_a_1x1_white_png(sandbox_http, sandbox_state):
    response = sandbox_http.get(_url(_item_with_picture(sandbox_state)))

    assert response.status_code == 200
    assert response.content == WHITE_PIXEL_PNG
    assert response.headers["Content-Type"] == "image/png"
    assert sandbox_state.stats.total() == 0


def test_with_bearer_the_picture_counted_against_the_division(
    sandbox_http, sandbox_state, demo_tokens
):
    item_id = _item_with_picture(sandbox_state)

    response = sandbox_http.get(_url(item_id), headers=api_headers(demo_tokens["access_token"]))

    assert response.status_code == 200
    assert response.content == sandbox_state.divisions[100001].picture_bytes(item_id)
    assert response.content != WHITE_PIXEL_PNG
    assert response.headers["X-RateLimit-Minutely-Remaining"] == "59"
    assert sandbox_state.stats.calls[100001]["docs/SysImage.aspx"] == 1


def test_picture_calls_hit_the_rate_limit(sandbox_http, sandbox_state, demo_tokens):
    sandbox_state.config.minutely_limit = 1
    url = _url(_item_with_picture(sandbox_state))
    headers = api_headers(demo_tokens["access_token"])

    statuses = [sandbox_http.get(url, headers=headers).status_code for _ in range(2)]

    assert statuses == [200, 429]


def test_unknown_item_is_404_and_other_division_403(sandbox_http, demo_tokens):
    headers = api_headers(demo_tokens["access_token"])
    missing = sandbox_http.get(_url("00000000-0000-0000-0000-000000000000"), headers=headers)
    foreign = sandbox_http.get(
        _url("00000000-0000-0000-0000-000000000000", 999999), headers=headers
    )

    assert missing.status_code == 404
    assert foreign.status_code == 403


def test_a_blank_picture_fault_answers_the_1x1_image_with_a_bearer(
    sandbox_http, sandbox_state, demo_tokens
):
    item_id = _item_with_picture(sandbox_state)
    headers = api_headers(demo_tokens["access_token"])
    sandbox_state.faults.add("blank_picture", "docs/SysImage.aspx", count=1)
    sandbox_state.faults.add("500", "*")  # an API fault never fires on a picture

    blank, real = (sandbox_http.get(_url(item_id), headers=headers) for _ in range(2))

    assert (blank.status_code, blank.content) == (200, WHITE_PIXEL_PNG)
    assert blank.headers["X-RateLimit-Minutely-Remaining"] == "59"
    assert real.content == sandbox_state.divisions[100001].picture_bytes(item_id)
    assert [fault.kind for fault in sandbox_state.faults.planned] == ["500"]


def test_blank_picture_is_a_picture_only_fault(sandbox_state):
    import pytest

    with pytest.raises(ValueError):
        sandbox_state.faults.add("blank_picture", "logistics/Items")
    with pytest.raises(ValueError):
        sandbox_state.faults.add("500", "docs/SysImage.aspx")
