"""Every docstring example of the package runs and prints what it says."""

import doctest
import importlib
import pkgutil

import pytest

import bpcore

MODULES = sorted(
    m.name for m in pkgutil.walk_packages(bpcore.__path__, "bpcore.") if m.name != "bpcore.__main__"
)


@pytest.mark.parametrize("name", ["bpcore", *MODULES])
def test_docstring_examples(name):
    try:
        module = importlib.import_module(name)
    except ImportError as exc:  # an optional dependency (torch) that is not installed
        pytest.skip(f"{name}: {exc}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} failing example(s) in {name}"
