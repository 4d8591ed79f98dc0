"""Ways out of a local minimum that 西瓜书 §5.4 names: several starts and simulated annealing.

(The third, stochastic gradient descent, is ``bpcore.train(..., mode="standard",
shuffle=True, rng=seed)``; see :func:`bpcore.visit_orders`.) The book calls these
heuristics: none of them is guaranteed to find the global minimum.

* :func:`multistart` — train the same architecture from several seeded initial points and
  keep the run whose error is smallest.
* :func:`anneal` — simulated annealing in its plainest documented form (Metropolis
  acceptance with a geometric cooling schedule):

  1. propose x' = x + s·z with z drawn from a standard normal (seeded ``default_rng``);
  2. ΔE = E(x') − E(x); accept x' when ΔE ≤ 0, and accept a *worse* x' with probability
     exp(−ΔE / T) (:func:`acceptance_probability`);
  3. cool: T ← c·T (0 < c < 1), so worse moves become rarer as time goes on and the search
     settles;
  4. keep the best x ever visited and return it.

  :func:`anneal_network` runs it on a network's parameters with E its training error.

Examples
--------
>>> import numpy as np
>>> double_well = lambda x: float((x[0] ** 2 - 1) ** 2 + 0.3 * x[0])
>>> r = anneal(double_well, [0.9], steps=2000, T0=1.0, cooling=0.997, scale=0.3, rng=0)
>>> round(float(r.x_best[0]), 1)
-1.0
"""

import math
import numbers
from dataclasses import dataclass, field

import numpy as np

from . import _validate as check
from .train import train


# ---------------------------------------------------------------------------------------
# Several starts
# ---------------------------------------------------------------------------------------
@dataclass
class Multistart:
    """The runs of :func:`multistart`, one per seed, and the best of them.

    Attributes
    ----------
    seeds : list of int
    histories : list of bpcore.History
        ``histories[k]`` trained the network made from ``seeds[k]``.
    """

    seeds: list
    histories: list = field(default_factory=list)

    @property
    def final_losses(self):
        """Training error after the last epoch of each run, shape (len(seeds),)."""
        return np.array([h.final_loss for h in self.histories])

    @property
    def best_index(self):
        """Index of the run with the least final error (the first, on a tie)."""
        return int(np.argmin(self.final_losses))

    @property
    def best_seed(self):
        return self.seeds[self.best_index]

    @property
    def best(self):
        """The History of the best run; ``best.net`` is the network the book would keep."""
        return self.histories[self.best_index]


def multistart(make_net, X, Y, seeds, **train_kwargs):
    """Train from several random initial points and keep the least error (西瓜书 §5.4).

    Parameters
    ----------
    make_net : callable
        ``make_net(seed) -> Network or TextbookNet``, e.g.
        ``lambda s: bpcore.Network.from_sizes((2, 2, 1), rng=s)``.
    X : array_like, shape (N, d)
    Y : array_like, shape (N, l)
    seeds : sequence of int
    **train_kwargs
        Passed to :func:`bpcore.train` (``eta`` and ``epochs`` at least).

    Returns
    -------
    Multistart

    Examples
    --------
    >>> from bpcore import Network
    >>> X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    >>> Y = np.array([[0.0], [1.0], [1.0], [0.0]])
    >>> runs = multistart(lambda s: Network.from_sizes((2, 2, 1), rng=s), X, Y, range(3),
    ...                   eta=2.0, epochs=200)
    >>> len(runs.histories), runs.best_seed in (0, 1, 2)
    (3, True)
    """
    if not callable(make_net):
        raise check.InputError("err.local_minima.multistart", make_net=make_net)
    seeds = [check.count("seed", s, minimum=0) for s in seeds]
    if not seeds:
        raise check.InputError("err.local_minima.multistart.seeds")
    result = Multistart(seeds)
    for seed in seeds:
        result.histories.append(train(make_net(seed), X, Y, **train_kwargs))
    return result


# ---------------------------------------------------------------------------------------
# Simulated annealing
# ---------------------------------------------------------------------------------------
def acceptance_probability(delta_E, T):
    """Metropolis rule: 1 when ΔE ≤ 0, else exp(−ΔE / T); with T = 0 worse is never accepted.

    Parameters
    ----------
    delta_E : float or ndarray
        E(new) − E(current).
    T : float >= 0
        The temperature.

    Examples
    --------
    >>> acceptance_probability(-1.0, 0.5), round(acceptance_probability(0.5, 0.5), 4)
    (1.0, 0.3679)
    >>> acceptance_probability(0.1, 0.0)
    0.0
    """
    dE = np.asarray(delta_E, dtype=float)
    if T < 0:
        raise check.InputError("err.local_minima.acceptance_probability", T=T)
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        worse = np.exp(-dE / T) if T > 0 else np.zeros_like(dE)
    p = np.where(dE <= 0, 1.0, worse)
    return float(p) if p.ndim == 0 else p


@dataclass
class Annealing:
    """A run of :func:`anneal`.

    Attributes
    ----------
    x_best : ndarray
        The best point visited; ``E_best`` its energy.
    x : ndarray
        Where the walk ended.
    energies : ndarray, shape (steps + 1,)
        E of the current point, before the first step and after each step.
    temperatures : ndarray, shape (steps,)
        T at each step.
    accepted, accepted_worse : ndarray of bool, shape (steps,)
        Whether step k moved, and whether it moved to a worse point.
    """

    x_best: np.ndarray
    E_best: float
    x: np.ndarray
    energies: np.ndarray
    temperatures: np.ndarray
    accepted: np.ndarray
    accepted_worse: np.ndarray

    def worse_accepted_share(self, start=0, stop=None):
        """Share of the steps in [start, stop) that moved to a worse point."""
        part = self.accepted_worse[start:stop]
        return float(part.mean()) if len(part) else 0.0


def _fraction(name, value, *, inclusive_one=False):
    ok = isinstance(value, numbers.Real) and not isinstance(value, bool)
    if (ok and 0 < value < 1) or (inclusive_one and ok and value == 1):
        return float(value)
    upper = "≤ 1" if inclusive_one else "< 1"
    raise check.InputError("err.local_minima.fraction", name=name, upper=upper, value=value)


def anneal(energy, x0, *, steps, T0, cooling, scale, rng=None):
    """Simulated annealing: random moves, worse ones accepted with probability exp(−ΔE/T).

    Parameters
    ----------
    energy : callable
        ``energy(x) -> float`` for x of the shape of `x0`.
    x0 : array_like of float
        The starting point (not modified).
    steps : int
    T0 : float >= 0
        Initial temperature; ``T0=0`` accepts only improvements (a random descent).
    cooling : float, 0 < cooling <= 1
        T after step k is T0·cooling^k (geometric schedule); 1 keeps T constant.
    scale : float > 0
        Standard deviation s of each proposed move.
    rng : int or numpy.random.Generator, optional
        Seed of ``numpy.random.default_rng``.

    Returns
    -------
    Annealing
    """
    x = check.real_array("x0", x0, allow_int=True)
    steps = check.count("steps", steps)
    if not isinstance(T0, numbers.Real) or isinstance(T0, bool) or not T0 >= 0:
        raise check.InputError("err.local_minima.anneal", T0=T0)
    cooling = _fraction("cooling", cooling, inclusive_one=True)
    scale = check.positive_number("scale", scale)
    gen = np.random.default_rng(rng)
    E = float(energy(x))
    x_best, E_best = x.copy(), E
    energies, temps = [E], np.empty(steps)
    accepted, worse = np.zeros(steps, bool), np.zeros(steps, bool)
    T = float(T0)
    for k in range(steps):
        temps[k] = T
        proposal = x + scale * gen.standard_normal(x.shape)  # 1: a random move
        E_new = float(energy(proposal))
        dE = E_new - E  # 2: worse or better?
        u = gen.random()
        if math.isfinite(E_new) and u < acceptance_probability(dE, T):
            accepted[k], worse[k] = True, dE > 0
            x, E = proposal, E_new
            if E < E_best:  # 4: remember the best point
                x_best, E_best = x.copy(), E
        energies.append(E)
        T *= cooling  # 3: cool down
    return Annealing(x_best, E_best, x, np.array(energies), temps, accepted, worse)


def anneal_network(net, X, Y, *, steps, T0, cooling, scale, rng=None, reduction="mean"):
    """:func:`anneal` on every parameter of `net`, with E its error on (X, Y).

    Returns
    -------
    (Annealing, Network or TextbookNet)
        The run (points in :meth:`bpcore.Network.flat` order) and the best network found.

    Examples
    --------
    >>> from bpcore import Network
    >>> X, Y = np.array([[0.0], [1.0]]), np.array([[0.2], [0.8]])
    >>> net = Network.from_sizes((1, 1), rng=0)
    >>> run, best = anneal_network(net, X, Y, steps=300, T0=0.01, cooling=0.98, scale=0.2, rng=0)
    >>> bool(best.loss(X, Y) <= net.loss(X, Y))
    True
    """
    network = getattr(net, "network", net)
    X, Y = network.check_data(X, Y)

    def error(p):
        return network.with_flat(p).loss(X, Y, reduction)

    with np.errstate(over="ignore"):
        run = anneal(
            error, network.flat(), steps=steps, T0=T0, cooling=cooling, scale=scale, rng=rng
        )
    best = network.with_flat(run.x_best)
    if getattr(net, "network", None) is not None:
        best = type(net).from_network(best)
    return run, best
