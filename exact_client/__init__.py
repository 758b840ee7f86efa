"""The only way Salesdesk talks to Exact Online: OAuth, one request path, paging, resources.

Imports stdlib, `httpx` and `orjson` only (no Django). See README.md.
"""
