"""Shared fixtures: a built site (helpers.py holds the plain helpers)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once through the atomic build into a temp folder."""
    from generator.build import build_site

    out = tmp_path_factory.mktemp("site") / "site"
    return build_site(ROOT, out)
