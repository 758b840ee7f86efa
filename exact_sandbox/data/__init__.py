"""The sandbox's records: one DivisionData per Exact division, seeded deterministically."""
