# Root conftest: registers the shared sandbox fixtures for every test package.
pytest_plugins = ["tests.sandbox_fixtures"]


def pytest_configure(config):
    # Real password hashing costs ~0.3 s per user; tests create many users.
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Tests talk to sandboxes as the demo does: in-process at http://sandbox.test, or live on
    # loopback ports of their own. tests/salesdesk/integration/test_exact_sites.py turns
    # both off to check the rule itself.
    settings.EXACT_EXTRA_HOSTS = ["http://sandbox.test"]
    settings.EXACT_ALLOW_LOOPBACK = True
