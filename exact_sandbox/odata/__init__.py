"""The OData v2 subset Exact Online speaks: filters, select, paging, envelopes, values."""
