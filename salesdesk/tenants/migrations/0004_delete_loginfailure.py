# The hand-written login throttle gave way to django-axes (see tenants/login_guard.py).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('tenants', '0003_changecounter'),
    ]

    operations = [
        migrations.DeleteModel(name='LoginFailure'),
    ]
