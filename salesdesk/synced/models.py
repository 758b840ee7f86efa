"""The fields every record synchronized from Exact Online repeats, as abstract models.

Each concrete model keeps its own `company` foreign key (its related name differs) and its
`(company, exact_id)` unique constraint, which the bulk upsert's ON CONFLICT relies on
(salesdesk/synced/upsert.py). These bases hold no table: moving fields here changed no
column (tests/salesdesk/test_migrations.py checks that no migration is due).
"""

from django.db import models


class ExactRecord(models.Model):
    """A record that Exact Online owns, known by its Exact ID."""

    exact_id = models.UUIDField()
    # Deleted in Exact: deactivated here, never hard-deleted (orders refer to records).
    active = models.BooleanField(default=True)

    class Meta:
        abstract = True


class VersionedRecord(ExactRecord):
    """A record the reps' devices receive through the delta feed."""

    exact_timestamp = models.BigIntegerField(default=0)  # Exact's sync cursor for the row
    # The company's change sequence at the last write (salesdesk/tenants/changes.py): the
    # delta feed for the reps' devices pages on it.
    row_version = models.BigIntegerField(default=0)

    class Meta:
        abstract = True


class SyncedRecord(VersionedRecord):
    """A record that a full sync sweeps: `synced_at` marks it seen, and the ones not seen
    since a complete run began are gone from Exact."""

    synced_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
