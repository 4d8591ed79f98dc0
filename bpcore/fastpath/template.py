"""One sample's computation, derived once per network shape: the template the code
generator (:mod:`bpcore.fastpath.codegen`) prints sample by sample.

From :func:`bpcore.symbolic.netexpr.symbolic_net` (E_k = ½ Σ_j (ŷ_j − y_j)² and its
gradients, derived by SymPy for a concrete NetSpec) the template keeps the squared error and
the gradients of the trained parameters after ``sympy.factor_terms`` and ``sympy.cse``.
CSE recovers backpropagation's structure: the shared temporaries are the output deltas
(−g_j of eq. 5.10) and the hidden ones (−e_h, eq. 5.15).

Examples
--------
>>> from bpcore import NetSpec
>>> t = template(NetSpec((1, 1), ("identity",), ("bias",)))
>>> t.trained, t.cse, t.sq, t.grads, t.negated
((0, 1), ((_c0, -y_1 + ŷ_1),), _c0**2, (_c0*x_1, _c0), (False, False))
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import sympy as sp

from ..network import NetSpec
from ..symbolic.netexpr import SymbolicNet, spec_key, symbolic_net


@dataclass(frozen=True)
class Template:
    """What one sample computes, as SymPy expressions.

    Attributes
    ----------
    net : SymbolicNet
        Symbols of the inputs, targets, parameters; per layer z and out.
    trained : tuple of int
        Indices (in ``Network.flat()`` order) of the parameters the step updates.
    cse : tuple of (Symbol, Expr)
        The common subexpressions ``_c0, _c1, …`` in the order they are computed.
    sq : Expr
        Σ_j (ŷ_j − y_j)² in terms of the CSE symbols (twice E_k).
    grads : tuple of Expr
        One per trained parameter: ∂E_k/∂p, or −∂E_k/∂p where ``negated``.
    negated : tuple of bool
        True where the printed gradient is −∂E_k/∂p: that update adds instead of
        subtracting, so no leading minus is printed.
    """

    net: SymbolicNet
    trained: tuple
    cse: tuple
    sq: sp.Expr
    grads: tuple
    negated: tuple

    def needed_for_loss(self):
        """The CSE assignments that ``sq`` depends on (loss-only code), in order."""
        need, out = set(self.sq.free_symbols), []
        for sym, e in reversed(self.cse):
            if sym in need:
                out.append((sym, e))
                need |= e.free_symbols
        return tuple(out[::-1])


def template(spec, train_offsets=True) -> Template:
    """The :class:`Template` of a NetSpec (cached per shape and `train_offsets`)."""
    return template_for_key(spec_key(spec), bool(train_offsets))


_DERIVED: set = set()  # (key, train_offsets) of the templates derived in this process


def is_derived(key, train_offsets) -> bool:
    """Whether :func:`template` has this shape cached already (building it is free)."""
    return (key, bool(train_offsets)) in _DERIVED


@functools.cache
def template_for_key(key, train_offsets) -> Template:
    """:func:`template` for a validated ``spec_key`` tuple and a bool (the cache key)."""
    net = symbolic_net(NetSpec(*key))
    trained = [k for k, p in enumerate(net.params) if train_offsets or not _is_offset(net, p)]
    sq = sp.Add(*((o - t) ** 2 for o, t in zip(net.out[-1], net.targets)))
    grads = [sp.factor_terms(net.gradients[k]) for k in trained]
    repl, reduced = sp.cse([sq, *grads], symbols=sp.numbered_symbols("_c"), order="none")
    repl, reduced = _drop_negations(repl, reduced)
    sq_r, grads_r = reduced[0], reduced[1:]
    negated = [g.could_extract_minus_sign() for g in grads_r]
    grads_r = [-g if neg else g for g, neg in zip(grads_r, negated)]
    _DERIVED.add((key, train_offsets))
    return Template(net, tuple(trained), tuple(repl), sq_r, tuple(grads_r), tuple(negated))


def _drop_negations(repl, reduced):
    """Remove CSE temporaries that only negate another one (``c1 = -c0``).

    Substituting ``-c0`` lets SymPy fold the sign into products and squares, and a leading
    minus of a gradient is folded into its update (``p + c·…`` instead of ``p − c·(−…)``).
    """
    out, sub = [], {}
    for sym, e in repl:
        e = e.xreplace(sub)
        if (-e).is_Symbol:
            sub[sym] = e
        else:
            out.append((sym, e))
    return out, [e.xreplace(sub) for e in reduced]


def _is_offset(net, p):
    return len(p.indices) == 1 and p not in net.inputs
