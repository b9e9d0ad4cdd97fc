"""Browser tests (marked `browser`): a package, so that its conftest does not shadow tests/conftest.py."""
