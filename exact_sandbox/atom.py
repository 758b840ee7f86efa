"""Atom XML answers, for calls without `Accept: application/json` (spec §3.6).

Exact's default format is Atom (OData v2 as WCF Data Services writes it): a collection is
a `feed` of `entry` elements, one entity an `entry`, each entry's fields `d:Name`
elements inside `content/m:properties`, typed with `m:type` (Edm) and `m:null="true"`
for nulls; errors are `m:error`. The sandbox builds every answer in JSON and converts it
here, so both formats always carry the same data. A bare `application/xml` Accept is
reportedly refused (spec §3.6 [REP]): the gate answers it 406.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from functools import cache

import orjson

from .http import Response
from .odata.values import ms_to_literal

ATOM = "http://www.w3.org/2005/Atom"
D = "http://schemas.microsoft.com/ado/2007/08/dataservices"
M = D + "/metadata"
SCHEME = D + "/scheme"
RELATED = D + "/related/"
FEED_TYPE = "application/atom+xml;type=feed;charset=utf-8"
ENTRY_TYPE = "application/atom+xml;type=entry;charset=utf-8"
for _prefix, _uri in (("", ATOM), ("d", D), ("m", M)):
    ET.register_namespace(_prefix, _uri)


def as_atom(response: Response, now: float) -> Response:
    """The same answer in Atom XML; anything but a JSON body (204, 401, 429, HTML faults,
    `$count`, a body broken by a fault) is returned as it is."""
    kinds = [value for name, value in response.headers if name.lower() == "content-type"]
    if not response.body or not kinds or not kinds[0].startswith("application/json"):
        return response
    try:
        document = orjson.loads(response.body)
    except orjson.JSONDecodeError:  # a fault's broken body (appended_error) stays broken
        return response
    if not isinstance(document, dict) or not {"d", "error"} & document.keys():
        return response  # not an OData answer (a gateway fault)
    if "error" in document:
        body, kind = _error(document["error"]), "application/xml;charset=utf-8"
    else:
        updated = datetime.fromtimestamp(now, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        body, kind = _document(document["d"], updated)
    headers = [(n, v) for n, v in response.headers if n.lower() != "content-type"]
    return Response(response.status, body, [("Content-Type", kind), *headers])


def _document(d: object, updated: str) -> tuple[bytes, str]:
    if isinstance(d, list):
        return _xml(_feed(d, updated, None, None)), FEED_TYPE
    if isinstance(d, dict) and "results" in d and "__metadata" not in d:
        return _xml(_feed(d["results"], updated, d.get("__next"), d.get("__count"))), FEED_TYPE
    return _xml(_entry(d, updated)), ENTRY_TYPE  # type: ignore[arg-type]


def _feed(rows: list, updated: str, next_url: str | None, count: str | None) -> ET.Element:
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title", type="text")
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = updated
    if count is not None:
        ET.SubElement(feed, f"{{{M}}}count").text = str(count)
    for row in rows:
        feed.append(_entry(row, updated))
    if next_url:
        ET.SubElement(feed, f"{{{ATOM}}}link", rel="next", href=next_url)
    return feed


def _entry(row: dict, updated: str) -> ET.Element:
    meta = row.get("__metadata") or {}
    types = _types(meta.get("type", ""))
    links, properties = [], ET.Element(f"{{{M}}}properties")
    for name, value in row.items():
        if name == "__metadata":
            continue
        if isinstance(value, dict) and ("__deferred" in value or "results" in value):
            links.append(_navigation(name, value, updated))
        else:
            properties.append(_property(name, value, types.get(name)))
    entry = ET.Element(f"{{{ATOM}}}entry")
    if meta.get("uri"):
        ET.SubElement(entry, f"{{{ATOM}}}id").text = meta["uri"]
    ET.SubElement(entry, f"{{{ATOM}}}category", term=meta.get("type", ""), scheme=SCHEME)
    if meta.get("uri"):
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="edit", href=meta["uri"])
    entry.extend(links)
    ET.SubElement(entry, f"{{{ATOM}}}title")
    ET.SubElement(entry, f"{{{ATOM}}}updated").text = updated
    ET.SubElement(ET.SubElement(entry, f"{{{ATOM}}}author"), f"{{{ATOM}}}name")
    ET.SubElement(entry, f"{{{ATOM}}}content", type="application/xml").append(properties)
    return entry


def _navigation(name: str, value: dict, updated: str) -> ET.Element:
    href = value.get("__deferred", {}).get("uri", "")
    link = ET.Element(
        f"{{{ATOM}}}link", rel=RELATED + name, type=FEED_TYPE.split(";charset")[0], title=name
    )
    if href:
        link.set("href", href)
    if "results" in value:
        inline = ET.SubElement(link, f"{{{M}}}inline")
        inline.append(_feed(value["results"], updated, None, None))
    return link


def _property(name: str, value: object, kind: str | None) -> ET.Element:
    element = ET.Element(f"{{{D}}}{name}")
    kind = kind or _inferred(value)
    if kind and kind != "String":
        element.set(f"{{{M}}}type", kind if "." in kind else f"Edm.{kind}")
    if value is None:
        element.set(f"{{{M}}}null", "true")
    elif isinstance(value, bool):
        element.text = "true" if value else "false"
    elif isinstance(value, str) and value.startswith("/Date(") and value.endswith(")/"):
        element.text = ms_to_literal(int(value[6:-2]))
    else:
        element.text = str(value)
    return element


def _inferred(value: object) -> str | None:
    if isinstance(value, bool):
        return "Boolean"
    if isinstance(value, int):
        return "Int32"
    if isinstance(value, float):
        return "Double"
    if isinstance(value, str) and value.startswith("/Date("):
        return "DateTime"
    return None


@cache
def _all_types() -> dict[str, dict[str, str]]:
    """{entity type name: {property: OData type}} of every entity the sandbox answers."""
    from .resources.endpoints import ENDPOINTS
    from .schema import reference

    found = {e.schema.type_name: dict(e.schema.types) for e in ENDPOINTS.values()}
    found["Exact.Web.Api.Models.System.Me"] = reference.properties("current/Me")
    webhooks = reference.properties("webhooks/WebhookSubscriptions")
    found["Exact.Web.Api.Models.Webhooks.WebhookSubscription"] = webhooks
    return found


def _types(type_name: str) -> dict[str, str]:
    return _all_types().get(type_name, {})


def _error(error: dict) -> bytes:
    root = ET.Element(f"{{{M}}}error")
    ET.SubElement(root, f"{{{M}}}code").text = error.get("code", "")
    message = ET.SubElement(root, f"{{{M}}}message")
    message.set("{http://www.w3.org/XML/1998/namespace}lang", error["message"].get("lang", ""))
    message.text = error["message"].get("value", "")
    return _xml(root)


def _xml(root: ET.Element) -> bytes:
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
