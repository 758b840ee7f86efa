"""A local imitation of Exact Online's OAuth and REST API (no Django, no database)."""
