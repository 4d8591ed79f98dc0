"""Gradients against PyTorch autograd (float64), when torch is installed (optional extra)."""

import numpy as np
import pytest

import bpcore
from bpcore import Network

torch = pytest.importorskip("torch", reason="PyTorch is optional: pip install 'bpcore[torch]'")

TORCH_ACT = {
    "sigmoid": torch.sigmoid,
    "identity": lambda t: t,
    "tanh": torch.tanh,
    "relu": torch.relu,
}


def torch_gradients(net, X, Y, reduction):
    params = []
    h = torch.tensor(X, dtype=torch.float64)
    for layer in net.layers:
        W = torch.tensor(layer.W, dtype=torch.float64, requires_grad=True)
        o = torch.tensor(layer.offset, dtype=torch.float64, requires_grad=True)
        params += [W, o]
        h = TORCH_ACT[layer.activation](h @ W + layer.sign * o)
    per_sample = 0.5 * ((h - torch.tensor(Y, dtype=torch.float64)) ** 2).sum(dim=1)
    E = per_sample.mean() if reduction == "mean" else per_sample.sum()
    E.backward()
    return float(E.detach()), np.concatenate([p.grad.numpy().ravel() for p in params])


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("offset_kind", ["bias", "threshold"])
@pytest.mark.parametrize("reduction", ["mean", "sum"])
def test_gradients_equal_autograd(seed, offset_kind, reduction):
    rng = np.random.default_rng(seed)
    sizes = [(2, 2, 2), (3, 2, 1), (2, 3, 1), (4, 5, 3, 2), (3, 4, 4, 4, 1), (5, 1)][seed]
    act = ["sigmoid", "tanh", "sigmoid", "tanh", "sigmoid", "identity"][seed]
    net = Network.from_sizes(
        sizes,
        activation=act,
        output_activation="sigmoid",
        offset_kind=offset_kind,
        rng=rng,
        scale=1.5,
    )
    X, Y = rng.normal(size=(4, sizes[0])), rng.uniform(size=(4, sizes[-1]))
    E, expected = torch_gradients(net, X, Y, reduction)
    grads = net.gradients(X, Y, reduction)
    assert grads.loss == pytest.approx(E, rel=1e-12)
    err = bpcore.relative_error(grads.flat(), expected)
    significant = np.abs(expected) > 1e-300
    assert err[significant].max() < 1e-10


def test_one_training_run_matches_torch_sgd():
    rng = np.random.default_rng(42)
    net = Network.from_sizes((2, 3, 1), rng=rng)
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    Y = np.array([[0.0], [1.0], [1.0], [0.0]])
    h = bpcore.train(net, X, Y, eta=0.5, epochs=50, mode="standard")

    Ws = [torch.tensor(layer.W, dtype=torch.float64, requires_grad=True) for layer in net.layers]
    bs = [
        torch.tensor(layer.offset, dtype=torch.float64, requires_grad=True) for layer in net.layers
    ]
    opt = torch.optim.SGD([*Ws, *bs], lr=0.5)
    for _ in range(50):
        for x, y in zip(X, Y):
            opt.zero_grad()
            out = torch.tensor(x[None, :])
            for W, b in zip(Ws, bs):
                out = torch.sigmoid(out @ W + b)
            (0.5 * ((out - torch.tensor(y[None, :])) ** 2).sum()).backward()
            opt.step()
    for layer, W, b in zip(h.net.layers, Ws, bs):
        np.testing.assert_allclose(layer.W, W.detach().numpy(), rtol=1e-10)
        np.testing.assert_allclose(layer.offset, b.detach().numpy(), rtol=1e-10)
