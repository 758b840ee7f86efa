"""The models and the migrations agree: moving a model between apps (the change counter) or
fields into an abstract base (SyncedRecord) must leave nothing for `makemigrations` to do."""

from io import StringIO

from django.core.management import call_command
from django.db import connection

from salesdesk.tenants.models import ChangeCounter


def test_models_need_no_new_migration(db):
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)  # exits 1 on changes
    assert "No changes detected" in out.getvalue()


def test_change_counter_keeps_the_table_the_api_app_created(db):
    assert ChangeCounter._meta.db_table == "api_changecounter"
    assert "api_changecounter" in connection.introspection.table_names()
