"""VAT codes: read whole at the start of every items run, before the items that use them.

vat/VATCodes has no bulk or sync endpoint (spec §1.8) and an administration has a few dozen
codes at most, so a full listing (one call of up to 60 rows) is the cheapest way to see a
changed rate. Items then take their rate from the stored codes (salesdesk/catalog/vat.py).
"""

from __future__ import annotations

import logging

from exact_client import ExactClient, ExactError
from salesdesk.catalog.vat import VatRefresh, vat_code_upsert_many
from salesdesk.integration.mapping.vat import VAT_CODE_FIELDS, vat_code_from_exact
from salesdesk.tenants.models import Company

logger = logging.getLogger(__name__)


def vat_codes_refresh(*, company: Company, client: ExactClient) -> VatRefresh | None:
    """List every VAT code and store them; None when Exact did not answer.

    The rates are an enrichment of the items, not a reason to stop their sync: on any Exact
    error (a registration without the "Financial accounting" scope answers 403) the stored
    codes stay as they are and the run goes on. Limits and re-authorization surface again
    on the items feed that follows, where the engine handles them.
    """
    try:
        rows = [row for page in client.vat_codes.list(select=VAT_CODE_FIELDS) for row in page.rows]
    except ExactError as exc:
        logger.warning(
            "vat_codes_refresh_failed",
            extra={"company": company.pk, "error": type(exc).__name__, "detail": str(exc)},
        )
        return None
    return vat_code_upsert_many(company=company, rows=[vat_code_from_exact(r) for r in rows])
