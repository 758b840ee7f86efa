# Login names become per company: each membership carries its own, copied from the user's.

from django.db import migrations, models


def copy_usernames(apps, schema_editor):
    Membership = apps.get_model('tenants', 'Membership')
    for membership in Membership.objects.select_related('user').iterator():
        membership.username = membership.user.username
        membership.save(update_fields=['username'])


class Migration(migrations.Migration):

    dependencies = [
        ('tenants', '0004_delete_loginfailure'),
    ]

    operations = [
        migrations.AddField(
            model_name='membership',
            name='username',
            field=models.CharField(default='', max_length=150),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='membership',
            name='is_active',
            field=models.BooleanField(default=True),
        ),
        migrations.RunPython(copy_usernames, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='membership',
            constraint=models.UniqueConstraint(fields=('company', 'username'), name='membership_username_unique'),
        ),
    ]
