"""Activations and losses: values, stability, derivatives against central differences."""

import warnings

import numpy as np
import pytest

import bpcore
from bpcore.activations import ACTIVATIONS
from bpcore.losses import half_sse, half_sse_grad


def test_sigmoid_known_values():
    assert bpcore.sigmoid(0.0) == 0.5
    # σ(ln 3) = 3/4 exactly in real arithmetic
    assert bpcore.sigmoid(np.log(3.0)) == pytest.approx(0.75, abs=1e-15)
    assert bpcore.sigmoid(-np.log(3.0)) == pytest.approx(0.25, abs=1e-15)


@pytest.mark.parametrize("z", [1e6, -1e6, 745.2, -745.2, 1e308, -1e308])
def test_sigmoid_never_overflows_or_nans(z):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = bpcore.sigmoid(np.array([z]))
        d = bpcore.sigmoid_prime(z)
    assert np.all(np.isfinite(s)) and 0.0 <= s[0] <= 1.0
    assert np.isfinite(d) and d >= 0.0
    assert s[0] == (1.0 if z > 0 else 0.0)


def test_sigmoid_symmetry_and_dtype():
    z = np.linspace(-30, 30, 601)
    np.testing.assert_allclose(bpcore.sigmoid(z) + bpcore.sigmoid(-z), 1.0, rtol=0, atol=1e-15)
    assert bpcore.sigmoid(np.array([1, 2, 3])).dtype == np.float64


def test_sigmoid_prime_is_f_times_one_minus_f():
    z = np.linspace(-8, 8, 33)
    s = bpcore.sigmoid(z)
    np.testing.assert_allclose(bpcore.sigmoid_prime(z), s * (1 - s), rtol=1e-15)
    assert bpcore.sigmoid_prime(0.0) == 0.25


@pytest.mark.parametrize("name", sorted(n for n, a in ACTIVATIONS.items() if a.grad is not None))
def test_derivative_from_output_matches_central_difference(name):
    act = ACTIVATIONS[name]
    # avoid relu's kink at 0
    z = np.array([-2.3, -0.7, 0.4, 1.9])
    eps = 1e-6
    numeric = (act.f(z + eps) - act.f(z - eps)) / (2 * eps)
    np.testing.assert_allclose(act.grad(act.f(z)), numeric, rtol=1e-8, atol=1e-10)


def test_half_sse_conventions():
    y_hat = np.array([[0.907], [0.698], [0.796]])
    t = np.array([[0.64], [0.52], [0.36]])
    # tutorial 000: Σ (t − y)² / (2m)
    expected_mean = np.sum((t - y_hat) ** 2) / (2 * 3)
    assert half_sse(y_hat, t, "mean") == pytest.approx(expected_mean, rel=1e-15)
    assert half_sse(y_hat, t, "sum") == pytest.approx(3 * expected_mean, rel=1e-15)
    np.testing.assert_allclose(half_sse(y_hat, t, "none"), 0.5 * ((t - y_hat) ** 2).ravel())


@pytest.mark.parametrize("reduction", ["mean", "sum"])
def test_half_sse_grad_matches_central_difference(reduction):
    rng = np.random.default_rng(3)
    y_hat, y = rng.normal(size=(4, 2)), rng.normal(size=(4, 2))
    numeric = bpcore.numeric_gradient(lambda a: half_sse(a, y, reduction), y_hat)
    np.testing.assert_allclose(half_sse_grad(y_hat, y, reduction), numeric, rtol=1e-8)


def test_unknown_activation_and_reduction_are_named():
    with pytest.raises(ValueError, match="activation"):
        bpcore.Layer([[1.0]], [0.0], activation="softplus")
    with pytest.raises(ValueError, match="reduction"):
        half_sse(np.zeros(1), np.zeros(1), reduction="median")


def _sigmoid_grid():
    """A dense seeded grid over [−800, 800]: ±0, subnormals, tiny and huge values, the
    overflow edge of e^(−z) (z ≈ −709.78) and the underflow edge of the result (z ≈ −745)."""
    rng = np.random.default_rng(13)
    edges = [0.0, -0.0, 5e-324, -5e-324, 1e-300, -1e-300, 1e-17, -1e-17, 36.7, 37.0, -709.0,
             -709.78, -709.79, -710.0, -745.0, -745.2, -746.0, 709.0, 745.0, 800.0, -800.0,
             1e6, -1e6, 1e300, -1e300, np.inf, -np.inf]  # fmt: skip
    return np.concatenate(
        [np.linspace(-800, 800, 160_001), rng.uniform(-40, 40, 100_000),
         rng.normal(0, 1e-3, 10_000), rng.uniform(-750, -700, 10_000), edges]
    )  # fmt: skip


def test_readable_sigmoid_is_the_engines_sigmoid():
    # The engine's in-place sigmoid computes the same two divisions as the readable one
    # (1/(1 + e) for z ≥ 0, e/(1 + e) for z < 0, e = e^(−|z|)): equal bit for bit.
    from bpcore.activations import readable_sigmoid, sigmoid

    z = _sigmoid_grid()
    with warnings.catch_warnings(), np.errstate(over="raise", divide="raise", invalid="raise"):
        warnings.simplefilter("error")  # no overflow (or any other) warning; underflow is fine
        fast, readable = sigmoid(z), readable_sigmoid(z)
    np.testing.assert_array_equal(fast, readable)
    assert not np.signbit(fast).any() and fast.min() == 0.0 and fast.max() == 1.0
    assert sigmoid(-0.0) == sigmoid(0.0) == 0.5 and sigmoid(5e-324) == 0.5
    assert 0.0 < sigmoid(-745.0) < 1e-320  # a subnormal, not flushed to 0
    assert np.isnan(sigmoid(np.array([np.nan]))).all()
    # The same shape and a Python float back for 0-d input
    assert sigmoid(np.zeros((2, 3, 1))).shape == (2, 3, 1) and isinstance(sigmoid(1.0), float)


def test_sigmoid_is_within_two_ulp_of_the_exact_value():
    # Oracle: mpmath at 200 bits (installed with SymPy). Both divisions are correctly rounded;
    # NumPy's exp contributes the rest (measured: at most 2 ulp over this sample).
    import mpmath

    from bpcore.activations import sigmoid

    z = np.random.default_rng(5).choice(_sigmoid_grid(), 3_000, replace=False)
    with mpmath.workprec(200):
        exact = np.array([float(1 / (1 + mpmath.exp(-mpmath.mpf(v)))) for v in z])
    err = np.abs(sigmoid(z) - exact) / np.spacing(np.maximum(exact, 5e-324))
    assert err.max() <= 2.0


def test_the_naive_derivative_is_nan_where_the_stable_one_is_zero():
    # Lesson 02's demo: e^(−z)/(1 + e^(−z))² at z = −1e6 is inf/inf; f(1 − f) is 0.
    from bpcore.activations import sigmoid_prime

    with np.errstate(over="ignore", invalid="ignore"):
        naive = np.exp(1e6) / (1 + np.exp(1e6)) ** 2
    assert np.isnan(naive)
    assert sigmoid_prime(-1e6) == 0.0
