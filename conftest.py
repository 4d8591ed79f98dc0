"""Repository-wide pytest set-up (unit tests in tests/, notebooks in notebooks/ via nbval)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent


def pytest_configure(config):
    # pyproject.toml names the sanitizer relative to the repository; nbval opens it relative
    # to the working directory, so anchor it here and `pytest` works from any folder.
    name = getattr(config.option, "nbval_sanitize_with", None)
    if name and not Path(name).is_absolute() and (ROOT / name).is_file():
        config.option.nbval_sanitize_with = str(ROOT / name)
