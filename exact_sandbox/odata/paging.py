"""`$skiptoken` values and the `__next` link (spec §3.2).

Forms: `guid'<last key>'` in key order; `<sort literal>,guid'<last key>'` with
`$orderby`; `<Timestamp>L` on sync endpoints. The link is absolute and repeats
every query option of the request, with `$top` reduced to what is left.
"""

from __future__ import annotations

from urllib.parse import quote

from .errors import bad_request
from .filter_parser import literal_of, tokenize
from .values import ms_to_literal

# As in Exact's recorded links: quotes and commas stay, colons are encoded
# (`$skiptoken=datetime'2018-09-21T04%3A18%3A55.617',guid'…'`, spec §3.2).
_SAFE = "$,'()*/"


def read_skiptoken(text: str) -> list[object]:
    """The literal values in a skiptoken, in order."""
    tokens = [token for token in tokenize(text) if token[1] != ","]
    if not tokens or any(kind in ("name", "punct") and word not in ("null", "true", "false")
                         for kind, word, _ in tokens):  # fmt: skip
        raise bad_request(f"Invalid $skiptoken '{text}'.")
    return [literal_of(kind, word).value for kind, word, _ in tokens]


def literal_text(value: object, odata_type: str) -> str:
    """A stored value written as an OData literal (for skiptokens)."""
    if value is None:
        return "null"
    if odata_type == "Guid":
        return f"guid'{value}'"
    if odata_type == "DateTime":
        return f"datetime'{ms_to_literal(int(str(value)[6:-2]))}'"
    if odata_type == "Int64":
        return f"{value}L"
    if odata_type == "String":
        return "'" + str(value).replace("'", "''") + "'"
    if odata_type == "Boolean":
        return "true" if value else "false"
    return str(value)


def next_link(base: str, division: int, resource: str, query: dict[str, str], **replace) -> str:
    """Absolute `__next` URL: every original option, with `replace` applied (e.g. $skiptoken)."""
    # `$skip` is spent on the first page: the skiptoken already marks the position.
    options = {name: value for name, value in query.items() if name not in ("$skiptoken", "$skip")}
    for name, value in replace.items():
        options["$" + name] = value
    encoded = "&".join(f"{quote(name, safe='$')}={quote(str(value), safe=_SAFE)}"
                       for name, value in options.items())  # fmt: skip
    return f"{base}/api/v1/{division}/{resource}?{encoded}"
