# The change counter moved here from the api app. Its table stays `api_changecounter`, which
# api's 0001 creates: this migration only tells Django's state that tenants owns it now, and
# api's 0002 (which depends on this one) forgets it there.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('tenants', '0002_loginfailure'),
        ('api', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ChangeCounter',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('last_version', models.BigIntegerField(default=0)),
                        ('company', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='tenants.company')),
                    ],
                    options={
                        'db_table': 'api_changecounter',
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
