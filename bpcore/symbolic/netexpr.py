"""A network of any :class:`bpcore.NetSpec` as SymPy expressions, and its derived gradients.

The forward pass is written layer by layer (a = Σ_i W_ik in_i, z = a ± offset, out = f(z));
the per-sample error E = ½ Σ_j (ŷ_j − y_j)² is then differentiated by ``sympy.diff`` with
respect to every parameter of the *fully nested* expression, and each activation f(z) in the
result is renamed to the unit's output (b_h, ŷ_j, …). The activations are SymPy functions
whose derivative is written in terms of their output, as the engine does:

* sigmoid: f' = f(1 − f) (eq. 5.9, proven by :func:`~bpcore.symbolic.activation_derivative`)
* tanh: f' = 1 − f² · identity: f' = 1 · relu: f' = [f > 0]

For the textbook's d-q-l net (two sigmoid layers with thresholds) the parameters are the
book's v_ih, γ_h, w_hj, θ_j, so the derived gradients print as the book writes them; with
biases the offsets are b1_h and b2_j (tutorials 003/004 call them b1, b2); deeper nets use
W1, W2, … and o1, o2, … for the hidden outputs.

:func:`gradient_function` turns the derived gradients into a fast function with
``sympy.lambdify(..., cse=True)``.
"""

from __future__ import annotations

import functools
import itertools
import math
from dataclasses import dataclass

import sympy as sp

from .keys import spec_key  # validated without SymPy: bpcore.fastpath looks runners up by it
from .notation import BookIndexedBase, b, gamma, theta, v, w, x, y, y_hat

__all__ = ["SymbolicNet", "gradient_function", "spec_key", "symbolic_net"]


class Sigmoid(sp.Function):
    """σ(z) = 1/(1 + e^(−z)); derivative σ(1 − σ) (eq. 5.9)."""

    nargs = 1

    def fdiff(self, argindex=1):
        return self * (1 - self)

    def _eval_rewrite_as_exp(self, z, **kwargs):
        return 1 / (1 + sp.exp(-z))


class Tanh(sp.Function):
    """tanh(z); derivative 1 − tanh²."""

    nargs = 1

    def fdiff(self, argindex=1):
        return 1 - self**2

    def _eval_rewrite_as_exp(self, z, **kwargs):
        return sp.tanh(z).rewrite(sp.exp)


class Linear(sp.Function):
    """f(z) = z, kept as a node so the output can be named; derivative 1."""

    nargs = 1

    def fdiff(self, argindex=1):
        return sp.S.One

    def _eval_rewrite_as_exp(self, z, **kwargs):
        return z


class Positive(sp.Function):
    """[out > 0]: 1 if the argument is positive, else 0 (ReLU's derivative from its output)."""

    nargs = 1


class ReLU(sp.Function):
    """max(0, z); derivative [relu(z) > 0], 0 at the kink as in the engine."""

    nargs = 1

    def fdiff(self, argindex=1):
        return Positive(self)


ACTIVATION_FUNCTIONS = {"sigmoid": Sigmoid, "tanh": Tanh, "identity": Linear, "relu": ReLU}


@dataclass(frozen=True)
class SymbolicNet:
    """A network as SymPy expressions, with the gradient of E_k derived for every parameter.

    Attributes
    ----------
    key : tuple
        ``(sizes, activations, offsets)``.
    params : tuple
        Parameter symbols in ``Network.flat()`` order (per layer W row-major, then offsets).
    inputs, targets : tuple
        x_1 … x_d and y_1 … y_l.
    a, z, out : tuple of tuples
        Per layer: the weighted sums, the activation arguments (in terms of the previous
        layer's output symbols) and the output symbols.
    activations : tuple of str
    E : sympy.Expr
        ½ Σ_j (ŷ_j − y_j)² in terms of the output symbols.
    gradients : tuple of sympy.Expr
        ∂E/∂p for every parameter p, in flat order, in terms of parameters, inputs, targets
        and output symbols (no activation function left: derivatives are in output form).
    nested : dict
        Output symbol → its fully nested expression of parameters and inputs.
    """

    key: tuple
    params: tuple
    inputs: tuple
    targets: tuple
    a: tuple
    z: tuple
    out: tuple
    activations: tuple
    E: sp.Expr
    gradients: tuple
    nested: dict

    def gradient(self, param) -> sp.Expr:
        """∂E/∂param for one parameter symbol (e.g. ``v[1, 2]``)."""
        return self.gradients[self.params.index(param)]

    def expand_outputs(self, expr: sp.Expr) -> sp.Expr:
        """Replace output symbols by their nested expressions (activations as functions)."""
        return expr.xreplace(self.nested)


def _names(sizes, offs, acts):
    """Parameter and output names: the book's for 2-layer nets, W1, W2, … otherwise."""
    n = len(sizes) - 1
    if n == 2:
        weights = [v, w]
        offsets = [
            gamma if offs[0] == "threshold" else BookIndexedBase("b1"),
            theta if offs[1] == "threshold" else BookIndexedBase("b2"),
        ]
        outs = [b, y_hat]
    else:
        weights = [BookIndexedBase(f"W{k}") for k in range(1, n + 1)]
        offsets = [
            BookIndexedBase(f"θ{k}" if o == "threshold" else f"b{k}")
            for k, o in enumerate(offs, start=1)
        ]
        outs = [BookIndexedBase(f"o{k}") for k in range(1, n)] + [y_hat]
    return weights, offsets, outs


@functools.cache
def _symbolic_net(key) -> SymbolicNet:
    sizes, acts, offs = key
    weights, offsets, outs = _names(sizes, offs, acts)
    inputs = tuple(x[i] for i in range(1, sizes[0] + 1))
    targets = tuple(y[j] for j in range(1, sizes[-1] + 1))
    params, a_all, z_all, out_all = [], [], [], []
    prev, prev_nested = inputs, inputs
    nested, rename = {}, {}
    for k, (n_in, n_out) in enumerate(itertools.pairwise(sizes)):
        W, O, F = weights[k], offsets[k], ACTIVATION_FUNCTIONS[acts[k]]
        sign = 1 if offs[k] == "bias" else -1
        params += [W[i, j] for i in range(1, n_in + 1) for j in range(1, n_out + 1)]
        params += [O[j] for j in range(1, n_out + 1)]
        a_k, z_k, out_k, out_nested = [], [], [], []
        for j in range(1, n_out + 1):
            a = sp.Add(*(W[i, j] * prev[i - 1] for i in range(1, n_in + 1)))
            a_nested = sp.Add(*(W[i, j] * prev_nested[i - 1] for i in range(1, n_in + 1)))
            node = F(a_nested + sign * O[j])
            a_k.append(a)
            z_k.append(a + sign * O[j])
            out_k.append(outs[k][j])
            out_nested.append(node)
            rename[node] = outs[k][j]
            nested[outs[k][j]] = node
        a_all.append(tuple(a_k))
        z_all.append(tuple(z_k))
        out_all.append(tuple(out_k))
        prev, prev_nested = tuple(out_k), tuple(out_nested)
    half = sp.Rational(1, 2)
    E_nested = half * sp.Add(*((o - t) ** 2 for o, t in zip(prev_nested, targets)))
    # Differentiate the whole nested E, then name each f(z) by the unit's output.
    grads = tuple(sp.diff(E_nested, p).xreplace(rename) for p in params)
    E = half * sp.Add(*((o - t) ** 2 for o, t in zip(prev, targets)))
    leftover = set().union(*(g.atoms(sp.Function) for g in grads)) - set()
    leftover = {f for f in leftover if not isinstance(f, Positive)}
    if leftover:  # every activation must have been renamed; anything else is a bug
        raise AssertionError(f"unrenamed activations in gradients: {leftover}")
    return SymbolicNet(
        key,
        tuple(params),
        inputs,
        targets,
        tuple(a_all),
        tuple(z_all),
        tuple(out_all),
        acts,
        E,
        grads,
        nested,
    )


def symbolic_net(spec) -> SymbolicNet:
    """The network of `spec` as SymPy expressions with derived gradients (cached per spec).

    Parameters
    ----------
    spec : bpcore.NetSpec
        ``sizes``, ``activations`` (sigmoid, identity, tanh, relu), ``offsets`` (bias,
        threshold).

    Returns
    -------
    SymbolicNet

    Examples
    --------
    >>> from bpcore import NetSpec
    >>> from bpcore.symbolic.notation import w
    >>> net = symbolic_net(NetSpec((2, 2, 1), ("sigmoid", "sigmoid"), ("threshold", "threshold")))
    >>> net.params[:4]
    (v_11, v_12, v_21, v_22)
    >>> net.gradient(w[1, 1])
    (1 - ŷ_1)*(-y_1 + ŷ_1)*b_1*ŷ_1
    """
    return _symbolic_net(spec_key(spec))


def _sigmoid_float(z):
    """Sigmoid for one float that never overflows (the engine's formula)."""
    if z >= 0.0:
        return 1.0 / (1.0 + math.exp(-z))
    u = math.exp(z)
    return u / (1.0 + u)


def _positive(o):
    return 1.0 if o > 0.0 else 0.0


_MATH_MODULE = {
    "Sigmoid": _sigmoid_float,
    "Tanh": math.tanh,
    "Linear": lambda z: z,
    "ReLU": lambda z: z if z > 0.0 else 0.0,
    "Positive": _positive,
}


@functools.cache
def _gradient_function(key):
    net = _symbolic_net(key)
    exprs = [net.expand_outputs(net.E), *(net.expand_outputs(g) for g in net.gradients)]
    plain = {s: sp.Symbol(f"_s{n}") for n, s in enumerate((*net.params, *net.inputs, *net.targets))}
    exprs = [e.xreplace(plain) for e in exprs]
    args = [
        [plain[s] for s in net.params],
        [plain[s] for s in net.inputs],
        [plain[s] for s in net.targets],
    ]
    return sp.lambdify(args, exprs, modules=[_MATH_MODULE, "math"], cse=True)


def gradient_function(spec):
    """``fn(p, x, y) -> [E, ∂E/∂p_1, …]`` for ONE sample, from the derived gradients.

    Built with ``sympy.lambdify(..., cse=True)``: the nested expressions of the derived
    gradients share their forward pass through common-subexpression elimination.

    Parameters
    ----------
    spec : bpcore.NetSpec

    Returns
    -------
    callable
        ``fn(p, x, y)`` with `p` in ``Network.flat()`` order, `x` (d floats), `y` (l floats);
        returns a list: the per-sample error E_k, then the gradient in flat order.

    Examples
    --------
    >>> from bpcore import NetSpec
    >>> fn = gradient_function(NetSpec((1, 1, 1), ("sigmoid", "sigmoid"), ("bias", "bias")))
    >>> [round(float(t), 6) for t in fn([0.0, 0.0, 0.0, 0.0], [1.0], [0.0])]
    [0.125, 0.0, 0.0, 0.0625, 0.125]
    """
    return _gradient_function(spec_key(spec))
