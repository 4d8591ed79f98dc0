"""∂E/∂β = ŷ − y for the paired losses, proven in SymPy (difference exactly 0), and the proofs
checked against the numeric engine at random points."""

import numpy as np
import pytest

sp = pytest.importorskip("sympy")

from bpcore.activations import ACTIVATIONS  # noqa: E402
from bpcore.errors import InputError  # noqa: E402
from bpcore.losses import output_delta  # noqa: E402
from bpcore.symbolic import output_delta_proofs  # noqa: E402
from bpcore.symbolic.crossentropy import beta, binary_proof, softmax_proof, y  # noqa: E402


def test_every_proof_holds():
    proofs = output_delta_proofs(3)
    assert all(p.holds for p in proofs.values())
    assert all(p.difference == 0 for p in proofs.values())


@pytest.mark.parametrize("l, j", [(2, 0), (2, 1), (4, 3), (6, 2)])
def test_softmax_proof_at_several_sizes(l, j):
    assert softmax_proof(l, j).holds


def test_a_wrong_claim_does_not_prove():
    # the squared-error delta lacks the cancellation: its difference from ŷ − y is σ′-shaped
    from bpcore.symbolic.crossentropy import squared_error_proof

    p = squared_error_proof()
    s = 1 / (1 + sp.exp(-beta))
    leftover = sp.simplify(p.derived - (s - y))
    assert leftover != 0


def test_derived_expression_equals_the_engine_numerically():
    f = sp.lambdify((beta, y), binary_proof().derived)
    sig = ACTIVATIONS["sigmoid"]
    for z0, y0 in [(-3.0, 1.0), (0.4, 0.0), (2.5, 0.3)]:
        z = np.array([[z0]])
        engine = output_delta("binary_cross_entropy", sig, sig.f(z), z, np.array([[y0]]), "sum")
        assert engine[0, 0] == pytest.approx(f(z0, y0), rel=1e-12)


def test_bad_sizes_are_refused():
    with pytest.raises(InputError, match="l >= 2"):
        softmax_proof(1)
