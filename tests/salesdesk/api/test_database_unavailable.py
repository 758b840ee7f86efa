"""While the database is locked or gone, the API answers 503 JSON with Retry-After."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager

import pytest
from django.db import connection
from django.db.utils import OperationalError

from tests.salesdesk.api.factories import make_rep
from tests.salesdesk.factories import make_company

pytestmark = pytest.mark.django_db


@contextmanager
def database_fails(message: str):
    """Every query fails as the driver does when the database cannot be used."""

    def fail(execute, sql, params, many, context):
        raise OperationalError(message) from sqlite3.OperationalError(message)

    with connection.execute_wrapper(fail):
        yield


@pytest.mark.parametrize("message", ["database is locked", "connection refused"])
@pytest.mark.parametrize("path", ["/api/v1/orders", "/api/v1/items", "/api/v1/me"])
def test_reads_answer_503_json_with_retry_after(message, path):
    _user, _token, api = make_rep(company=make_company())
    make_company()

    with database_fails(message):
        response = api.get(path)

    assert response.status_code == 503
    assert response["Content-Type"].startswith("application/json")
    assert response["Retry-After"] == "5"
    assert "database is briefly unavailable" in response.json()["detail"]


def test_a_new_order_answers_503_and_the_api_works_again_afterwards():
    _user, _token, api = make_rep(company=make_company())
    with database_fails("database is locked"):
        response = api.post("/api/v1/orders", {"customer_id": "x", "lines": []})
    assert response.status_code == 503
    assert api.get("/api/v1/orders").status_code == 200
