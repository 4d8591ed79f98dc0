"""Cross-entropy losses and their gradients against PyTorch autograd (float64), when torch is
installed (optional): F.binary_cross_entropy_with_logits and F.cross_entropy are the oracles."""

import numpy as np
import pytest

from bpcore import Network

torch = pytest.importorskip("torch", reason="PyTorch is optional: pip install 'bpcore[torch]'")
F = torch.nn.functional

TORCH_ACT = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu}


def torch_loss_and_grads(net, X, Y, loss, reduction):
    params = []
    h = torch.tensor(X, dtype=torch.float64)
    for k, layer in enumerate(net.layers):
        W = torch.tensor(layer.W, dtype=torch.float64, requires_grad=True)
        o = torch.tensor(layer.offset, dtype=torch.float64, requires_grad=True)
        params += [W, o]
        z = h @ W + layer.sign * o
        h = z if k == len(net.layers) - 1 else TORCH_ACT[layer.activation](z)
    T = torch.tensor(Y, dtype=torch.float64)
    m = X.shape[0]
    if loss == "binary_cross_entropy":
        # bpcore sums over the output units per sample, then takes mean or sum over samples
        E = F.binary_cross_entropy_with_logits(h, T, reduction="sum")
    else:
        E = F.cross_entropy(h, T.argmax(dim=1), reduction="sum")
    if reduction == "mean":
        E = E / m
    E.backward()
    return float(E.detach()), np.concatenate([p.grad.numpy().ravel() for p in params])


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("reduction", ["mean", "sum"])
@pytest.mark.parametrize(
    "loss, output, l", [("binary_cross_entropy", "sigmoid", 2), ("cross_entropy", "softmax", 4)]
)
def test_cross_entropy_gradients_equal_autograd(seed, reduction, loss, output, l):
    rng = np.random.default_rng(seed)
    sizes = [(3, 5, l), (2, 4, 3, l), (4, l), (6, 8, 8, l)][seed]
    hidden = ["sigmoid", "tanh", "sigmoid", "relu"][seed]
    offset_kind = ["bias", "threshold"][seed % 2]
    net = Network.from_sizes(
        sizes, activation=hidden, output_activation=output, offset_kind=offset_kind, rng=rng
    )
    X = rng.normal(scale=2.0, size=(7, sizes[0]))
    labels = rng.integers(0, l, size=7)
    Y = np.eye(l)[labels] if loss == "cross_entropy" else rng.integers(0, 2, (7, l)) * 1.0
    grads = net.gradients(X, Y, reduction, loss)
    E_torch, g_torch = torch_loss_and_grads(net, X, Y, loss, reduction)
    assert grads.loss == pytest.approx(E_torch, rel=1e-12)
    np.testing.assert_allclose(grads.flat(), g_torch, rtol=1e-10, atol=1e-13)


def test_saturated_outputs_agree_with_autograd():
    # z = ±40: σ(40) rounds to 1.0 in float64; the logits form keeps the loss exact
    net = Network.from_sizes((1, 2), output_activation="sigmoid", rng=0)
    net.layers[0].W[:] = [[40.0, -40.0]]
    net.layers[0].offset[:] = 0.0
    X, Y = np.array([[1.0]]), np.array([[0.0, 1.0]])
    grads = net.gradients(X, Y, "sum", "binary_cross_entropy")
    E_torch, g_torch = torch_loss_and_grads(net, X, Y, "binary_cross_entropy", "sum")
    assert grads.loss == pytest.approx(E_torch, rel=1e-14)
    np.testing.assert_allclose(grads.flat(), g_torch, rtol=1e-12)
