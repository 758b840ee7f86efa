"""CSV downloads of the lists, exactly as filtered and sorted on screen, streamed."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable

from django.db.models import QuerySet
from django.http import StreamingHttpResponse

CHUNK = 2000


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_response(
    *, filename: str, header: list[str], queryset: QuerySet, row: Callable[[object], Iterable]
) -> StreamingHttpResponse:
    """Stream `queryset` as CSV: one line per object, `row(obj)` gives its cells."""
    writer = csv.writer(_Echo())

    def lines():
        yield writer.writerow(header)
        for obj in queryset.iterator(chunk_size=CHUNK):
            yield writer.writerow([_cell(value) for value in row(obj)])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _cell(value) -> str:
    if value is None:
        return ""
    text = str(value)
    # Spreadsheet formula injection: a cell starting with = + - @ is data, not a formula.
    if text[:1] in ("=", "+", "@") or (text[:1] == "-" and not _is_number(text)):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
