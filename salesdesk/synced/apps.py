from django.apps import AppConfig


class SyncedConfig(AppConfig):
    """What every record synchronized from Exact shares: the abstract models, the bulk
    upsert and deactivation, and the templates that show a record's source. An app so
    that Django finds `synced/_exact_source.html`; it has no tables of its own."""

    name = "salesdesk.synced"
    label = "synced"
