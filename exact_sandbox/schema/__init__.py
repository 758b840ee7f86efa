"""Exact's REST schema, as the field reference (`shared/spec/exact-online-fields.md`) gives it.

`exact_fields.json` is a machine-readable copy of that markdown (regenerate it with
`python -m exact_sandbox.schema.reference_markdown PATH_TO_MARKDOWN`); `reference` reads it.
"""
