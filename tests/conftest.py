"""Shared pytest set-up for tests/ (the package's tests and the project checks)."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(scope="session")
def missing_tool():
    """``missing_tool(reason)``: skip, or under CI=true fail, for a tool the suite needs.

    CI must not pass by skipping what it was set up to run (Chromium, ruff, repo2docker).
    """
    ci = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes", "on"}

    def report(reason: str):
        if ci:
            pytest.fail(f"CI=true and this test cannot run: {reason}", pytrace=False)
        pytest.skip(reason)

    return report
