# Root conftest: registers the shared sandbox fixtures for every test package.
pytest_plugins = ["tests.sandbox_fixtures"]
