"""The client's default `$select`s name only properties Exact has, on every variant."""

from __future__ import annotations

import pytest

from exact_client import endpoints as catalog
from exact_sandbox.schema import reference

ENDPOINTS = [value for value in vars(catalog).values() if isinstance(value, catalog.Endpoint)]
VARIANTS = [
    (endpoint, path)
    for endpoint in ENDPOINTS
    for path in dict.fromkeys((endpoint.path, endpoint.bulk, endpoint.sync))
    if path
]


@pytest.mark.parametrize(("endpoint", "path"), VARIANTS, ids=[path for _, path in VARIANTS])
def test_default_select_exists_on_the_variant(endpoint, path):
    properties = reference.properties(path)
    assert [name for name in endpoint.select if name not in properties] == []
    assert endpoint.key in properties


def test_current_me_select_exists():
    properties = reference.properties("current/Me")
    assert [name for name in catalog.ME_SELECT if name not in properties] == []
