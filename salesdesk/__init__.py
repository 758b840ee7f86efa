"""Salesdesk: the back office for B2B sales teams on Exact Online."""
