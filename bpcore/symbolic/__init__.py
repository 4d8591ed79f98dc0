"""bpcore.symbolic: every derivation of the course in SymPy, proven.

Imported on use only (``import bpcore`` never loads SymPy). Submodules:

* :mod:`~bpcore.symbolic.notation` — symbols that print as the textbook writes them
  (γ_h, ŷ_j, v_ih in text; ``\\gamma_{h}``, ``\\hat{y}_{j}``, ``v_{ih}`` in LaTeX).
* :mod:`~bpcore.symbolic.functions` — f'(x) = f(x)(1 − f(x)) and the other activations.
* :mod:`~bpcore.symbolic.textbook` — the d-q-l network at symbolic sizes: every chain-rule
  factor, the four update rules (5.11)–(5.14) with proofs, confirmed by brute-force
  differentiation at symbolic and at concrete sizes.
* :mod:`~bpcore.symbolic.tutorials` — tutorial 004's composite function, tutorial 000's
  chain, the 2-2-2 example's w5 and w1 chains.
* :mod:`~bpcore.symbolic.netexpr` — any NetSpec as SymPy expressions, derived gradients,
  ``lambdify`` with ``cse``.
* :mod:`~bpcore.symbolic.crossentropy` — ∂E/∂β = ŷ − y for sigmoid + binary cross-entropy
  and softmax + cross-entropy, proven.
* :mod:`~bpcore.symbolic.accumulated` — accumulated BP (5.16): ∂E/∂w_hj = (1/m) Σ_k ∂E_k/∂w_hj,
  so the accumulated update is the mean of the standard-BP updates, proven.

The fast path that prints training steps from these gradients lives in :mod:`bpcore.fastpath`
(``bpcore.symbolic.compiled`` and ``make_step`` / ``make_epochs_runner`` / ``make_loss`` here
remain aliases of it for one release).

Every derivation is a :class:`~bpcore.symbolic.derivation.Derivation`: steps with zh/en
labels that render as LaTeX in JupyterLab, plus :class:`~bpcore.symbolic.derivation.Proof`
objects whose ``difference`` is exactly 0.

Examples
--------
>>> from bpcore import symbolic
>>> {name: p.holds for name, p in symbolic.prove_textbook_formulas().items()}
{'Δw_hj': True, 'Δθ_j': True, 'Δv_ih': True, 'Δγ_h': True}
"""

from importlib import import_module

_EXPORTS = {
    "activation_derivative": "functions",
    "derive_textbook": "textbook",
    "prove_textbook_formulas": "textbook",
    "full_differentiation_symbolic": "textbook",
    "full_differentiation_concrete": "textbook",
    "textbook_closed_forms": "textbook",
    "textbook_gradient_function": "textbook",
    "composite_004": "tutorials",
    "chain_000": "tutorials",
    "chains_222": "tutorials",
    "symbolic_net": "netexpr",
    "gradient_function": "netexpr",
    "make_step": "compiled",
    "make_epochs_runner": "compiled",
    "make_loss": "compiled",
    "output_delta_proofs": "crossentropy",
    "accumulated_error": "accumulated",
    "prove_accumulated_updates": "accumulated",
    "derive_all": "lesson",
    "all_proofs": "lesson",
    "Derivation": "derivation",
    "Proof": "derivation",
    "Step": "derivation",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name):
    # Submodules load on first use, so the trainer's fast path (compiled) does not pay
    # for the textbook derivations and vice versa.
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'bpcore.symbolic' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_EXPORTS))
