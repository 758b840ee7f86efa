# Root conftest: registers the shared sandbox fixtures for every test package.
pytest_plugins = ["tests.sandbox_fixtures"]


def pytest_configure(config):
    # Real password hashing costs ~0.3 s per user; tests create many users.
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
