"""Schemas of the quotation endpoints (spec §9.1, §9.4): each is the field reference's
section of the same path (`exact-online-fields.md`)."""

from __future__ import annotations

from .schema import from_reference

_M = "Exact.Web.Api.Models."

QUOTATION = from_reference("crm/Quotations", _M + "CRM.Quotation")
QUOTATION_LINE = from_reference("crm/QuotationLines", _M + "CRM.QuotationLine")
SYNC_QUOTATION_HEADER = from_reference("sync/CRM/QuotationHeaders", _M + "Sync.CRM.QuotationHeader")
ACCEPT_QUOTATION = from_reference("crm/AcceptQuotation", _M + "CRM.AcceptQuotation")
