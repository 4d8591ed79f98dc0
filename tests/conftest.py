"""Shared pytest set-up for tests/ (the package's tests and the project checks)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

# Tests draw into PNG bytes; never let matplotlib look for a display.
os.environ.setdefault("MPLBACKEND", "Agg")


def in_ci() -> bool:
    """True under CI=true (GitHub Actions and .ci/run): skipping is then a failure."""
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes", "on"}


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository's top folder."""
    return REPO
