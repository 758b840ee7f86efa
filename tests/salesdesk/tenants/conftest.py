import pytest


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # Django's real hasher costs ~0.3 s per hash; the tenants tests hash dozens.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
