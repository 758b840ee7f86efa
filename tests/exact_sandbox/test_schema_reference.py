"""The sandbox's schema is Exact's field reference: the checked-in copy and every endpoint.

The reference is `../shared/spec/exact-online-fields.md` beside the repository (CI puts
`shared/` next to the clone); without it these tests fail rather than pass unchecked.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from exact_sandbox.resources.endpoints import ENDPOINTS
from exact_sandbox.schema import reference
from exact_sandbox.schema.reference_markdown import (
    JSON_PATH,
    reference_json,
    sections_from_markdown,
)
from tests.sandbox_fixtures import api_headers

REPO = Path(__file__).resolve().parents[2]
MARKDOWN = REPO.parent / "shared" / "spec" / "exact-online-fields.md"


def _markdown() -> str:
    assert MARKDOWN.is_file(), f"the field reference is missing: {MARKDOWN}"
    return MARKDOWN.read_text(encoding="utf-8")


def test_the_checked_in_copy_is_the_markdown_reference():
    assert JSON_PATH.read_text(encoding="utf-8") == reference_json(_markdown()), (
        "exact_fields.json is stale: run "
        "python -m exact_sandbox.schema.reference_markdown ../shared/spec/exact-online-fields.md"
    )


def test_the_copy_holds_every_endpoint_of_the_reference():
    headings = [line for line in _markdown().splitlines() if line.startswith("## `/")]
    assert len(reference.sections()) == len(headings)


def test_ranges_markers_and_keys_are_read_as_the_reference_means_them():
    items = sections_from_markdown(_markdown())["sync/Logistics/Items"]
    assert items["key"] == "Timestamp"
    assert items["fields"]["Class_01"] == items["fields"]["Class_09"] == "String"
    assert items["fields"]["FreeNumberField_08"] == "Double"
    assert items["fields"]["CustomField"] == "String"  # marked (2025)
    assert items["fields"]["IsRegistrationCodeItem"] == "Byte"  # marked (hidden)
    assert "StandardSalesPrice" not in items["fields"]
    assert "StandardSalesPrice" in sections_from_markdown(_markdown())["logistics/Items"]["fields"]


def test_an_unreadable_field_entry_is_an_error_not_a_silent_gap():
    text = "## `/x/Y`\n- methods: GET; scope: -; doc page name: `XY`\n- fields: *ID (Guid); Oops\n"
    with pytest.raises(ValueError, match="Oops"):
        sections_from_markdown(text)


@pytest.mark.parametrize("path", sorted(ENDPOINTS))
def test_every_served_endpoint_has_exactly_the_reference_properties_and_types(path):
    endpoint = ENDPOINTS[path]
    wanted = sections_from_markdown(_markdown())
    own = {p.lower(): p for p in wanted}
    source = own.get(path) or own[reference.SAME_AS_PLAIN[path].lower()]
    assert dict(endpoint.schema.types) == wanted[source]["fields"]
    assert endpoint.schema.fields == tuple(wanted[source]["fields"])
    assert endpoint.schema.key == wanted[source]["key"]


def test_served_endpoints_allow_no_method_the_reference_lacks():
    for path, endpoint in ENDPOINTS.items():
        assert endpoint.methods <= set(reference.section(path)["methods"]), path


def test_bulk_endpoints_without_a_section_of_their_own_are_the_only_borrowed_ones():
    borrowed = {path for path in ENDPOINTS if path not in reference.sections()}
    assert borrowed == set(reference.SAME_AS_PLAIN)


def _reference_fields(path: str) -> set[str]:
    return set(sections_from_markdown(_markdown())[path]["fields"])


def test_current_me_answers_exactly_the_reference_properties(sandbox_http, demo_tokens):
    headers = api_headers(demo_tokens["access_token"])
    row = sandbox_http.get("/api/v1/current/Me", headers=headers).json()["d"]["results"][0]
    assert set(row) - {"__metadata"} == _reference_fields("current/Me")


def test_webhook_subscriptions_answer_exactly_the_reference_properties(sandbox_http, demo_tokens):
    url = "/api/v1/100001/webhooks/WebhookSubscriptions"
    headers = api_headers(demo_tokens["access_token"])
    body = {"Topic": "Items", "CallbackURL": "https://hooks.example.test/exact"}
    created = sandbox_http.post(url, json=body, headers=headers)
    assert created.status_code == 201, created.text
    listed = sandbox_http.get(url, headers=headers).json()["d"]["results"]
    assert [set(row) - {"__metadata"} for row in listed] == [
        _reference_fields("webhooks/WebhookSubscriptions")
    ]
