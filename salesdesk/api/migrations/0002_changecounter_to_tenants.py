# The change counter moved to the tenants app (tenants 0003 takes it over, table and all):
# only Django's state forgets it here; the table `api_changecounter` stays.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('api', '0001_initial'),
        ('tenants', '0003_changecounter'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='ChangeCounter')],
            database_operations=[],
        ),
    ]
