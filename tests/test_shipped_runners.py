"""The runners shipped in bpcore/data/runners.json (bpcore.fastpath.shipped).

Each source must be exactly what the code generator prints today from a fresh SymPy
derivation (run scripts/build_runners.py after changing it), and a shipped runner must train
without importing SymPy, in a fresh interpreter.
"""

import json
import subprocess
import sys
import textwrap
from importlib import resources

import pytest

from bpcore.fastpath import build_cost, shipped

ENTRIES = json.loads(resources.files("bpcore").joinpath(shipped.FILE).read_text("utf-8"))["runners"]


def _args(entry):
    sizes, acts, offs, n, B, train_offsets, reduction = entry["args"]
    return ((tuple(sizes), tuple(acts), tuple(offs)), n, B, train_offsets, reduction, True)


def test_names_are_unique_and_match_the_arguments():
    names = [e["name"] for e in ENTRIES]
    assert len(set(names)) == len(names) == len(shipped.names())
    assert all(e["name"] == shipped.name(*_args(e)) for e in ENTRIES)


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["name"] for e in ENTRIES])
def test_source_equals_a_fresh_derivation(entry):
    pytest.importorskip("sympy")
    from bpcore.fastpath import codegen

    # __wrapped__: past the runner cache, printed now from this process's derivation
    fresh = codegen._runner_source.__wrapped__(*_args(entry))
    assert entry["source"] == fresh, "stale: run python scripts/build_runners.py"


def test_a_shipped_runner_costs_no_derivation():
    from bpcore import NetSpec

    spec = NetSpec((19, 5, 1), ("sigmoid", "sigmoid"), ("bias", "bias"))
    assert build_cost(spec, 17, 1) in ("runner", "none")  # lesson 18's: 3 s to derive


def test_lesson_10s_playground_trains_without_sympy():
    # A fresh interpreter: lesson 10's first playground (XOR 2-3-1, threshold offsets, the
    # whole batch), through the compiled path, equal to the NumPy path to rounding.
    code = textwrap.dedent(
        """
        import sys
        import numpy as np
        from bpcore import examples, train
        from bpcore.fastpath import build_cost
        from bpcore.playground.setup import setup_custom
        xor = examples.get("t001_xor")
        setup = setup_custom((2, 3, 1), xor.X, xor.Y)
        net = setup.network
        assert build_cost(net.spec, 4, 4) == "runner"
        fast = train(net, xor.X, xor.Y, eta=2.0, epochs=3000, fast=True)
        assert "sympy" not in sys.modules, "a shipped runner imported SymPy"
        slow = train(net, xor.X, xor.Y, eta=2.0, epochs=3000, fast=False)
        np.testing.assert_allclose(fast.loss, slow.loss, rtol=1e-9, atol=1e-15)
        print(len(fast.loss), fast.final_loss)
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    epochs, final = out.stdout.split()
    assert int(epochs) == 3001 and float(final) < 0.05
