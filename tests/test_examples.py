"""bpcore.examples: the tutorials' examples as data, their notation maps, and the step traces.

Numbers come from the tutorials (REFERENCE.md), from central differences, or from a
derivation written next to the assertion.
"""

import json
import re

import numpy as np
import pytest

from bpcore import InputError, examples, numeric_gradient
from bpcore.examples import EXAMPLES, Bi, get, separately_averaged_000, trace

NAMES = [
    "t000_batch_321",
    "t001_xor",
    "t002_perceptron_and",
    "t002_textbook",
    "t004_222_frozen",
    "t004_222_trained",
    "t004_composite",
    "t004_epochs",
]
CJK = re.compile(r"[\u4e00-\u9fff]")


# --- the registry ------------------------------------------------------------------------
def test_registry_names_are_stable_ascii():
    assert list(EXAMPLES) == NAMES
    assert examples.names() == NAMES
    assert all(n.isascii() and re.fullmatch(r"[a-z0-9_]+", n) for n in NAMES)


def test_get_unknown_name_lists_the_valid_ones_in_both_languages():
    with pytest.raises(InputError) as info:
        get("t999_nope")
    err = info.value
    assert isinstance(err, ValueError)
    for name in NAMES:
        assert name in err.en and name in err.zh
    assert "t999_nope" in err.en and CJK.search(err.zh)


@pytest.mark.parametrize("name", NAMES)
def test_every_example_is_complete(name):
    ex = get(name)
    assert ex.name == name
    assert ex.title.en and CJK.search(ex.title.zh)
    assert ex.note.en and CJK.search(ex.note.zh)
    assert ex.notation, "every example documents its notation"
    for alias in ex.notation:
        assert alias.name and alias.engine and alias.textbook
        assert alias.meaning.en and alias.meaning.zh
    for p in ex.published:
        assert p.source in ex.tutorial
        assert p.label.en and p.label.zh
    for arr in (ex.X, ex.Y):
        if arr is not None:
            with pytest.raises(ValueError):
                arr[0] = 99.0  # read-only: the examples are shared data


def test_notation_tables_have_no_english_words_in_chinese():
    """The zh tables show the tutorials' own symbols, code, and Chinese words only: an English
    phrase (two words in a row, or "(none)") belongs in a Bi or in the meaning column."""
    from bpcore.tables import text_in

    phrase = re.compile(r"[A-Za-z]{2,} [A-Za-z]{2,}|\(none\)")
    for ex in EXAMPLES.values():
        for alias in ex.notation:
            assert not phrase.search(alias.engine), (ex.name, alias.engine)
            for shown in (alias.textbook, alias.meaning):
                assert not phrase.search(text_in(shown, "zh")), (ex.name, text_in(shown, "zh"))
            name = text_in(alias.name, "zh")
            # the tutorials' own names may be English words ("Batch Size"): they are quoted as
            # printed; what the course adds is Chinese
            assert "none" not in name, (ex.name, name)


def test_published_precision_is_read_from_the_printed_text():
    frozen = get("t004_222_frozen")
    assert frozen.published_value("w7_new").decimals == 9  # "0.511301270": the 0 is printed
    assert frozen.published_value("w2_new").decimals == 8
    epochs = get("t004_epochs").published_value("iterations_10_epochs")
    assert (epochs.value, epochs.decimals) == (1960.0, 0)
    cost = get("t001_xor").published_value("cost_00")
    assert (cost.value, cost.decimals) == (-4.0, 0)
    assert get("t000_batch_321").published_value("ds_dw1").decimals == 1


def test_each_access_builds_a_fresh_network():
    ex = get("t004_222_frozen")
    a = ex.network
    a.layers[0].W[0, 0] = 123.0
    assert ex.param(ex.network, "w1") == 0.15


def test_unknown_parameter_and_untrainable_kind():
    with pytest.raises(InputError):
        get("t004_222_frozen").param(get("t004_222_frozen").network, "w9")
    with pytest.raises(InputError):
        get("t004_epochs").train()


# --- the tutorials' settings ---------------------------------------------------------------
def test_000_settings():
    ex = get("t000_batch_321")
    net = ex.network
    assert ex.eta == 0.5 and ex.mode == "accumulated" and ex.reduction == "mean"
    assert ex.train_offsets is False
    assert net.spec.activations == ("identity", "sigmoid")
    assert all(np.all(layer.offset == 0.0) for layer in net.layers)
    expected = {"v11": 0.15, "v21": 0.6, "v31": 0.3, "v12": 0.2, "v22": 0.3, "v32": 0.5}
    expected |= {"w1": 0.8, "w2": 0.2}
    assert {n: ex.param(net, n) for n in expected} == expected
    # v_ij connects input i to hidden j: h_j = Σ_i v_ij x_i
    V = np.array([[expected[f"v{i}{j}"] for j in (1, 2)] for i in (1, 2, 3)])
    assert np.allclose(net.forward(ex.X).layers[0].out, ex.X @ V)


def test_000_training_keeps_the_zero_offsets():
    h = get("t000_batch_321").train(epochs=3)
    assert all(np.all(layer.offset == 0.0) for layer in h.net.layers)


def test_001_settings():
    ex = get("t001_xor")
    net = ex.network
    assert ex.eta == 0.1 and ex.mode == "accumulated"
    assert net.spec.activations == ("identity", "identity")
    assert net.spec.offsets == ("bias", "bias")
    assert all(ex.param(net, n) == 1.0 for n in ex.parameters)
    assert len(ex.parameters) == 3 * 3 + 4  # X0..X2 → Z1..Z3, Z0..Z3 → D0
    assert ex.Y[:, 0].tolist() == [0.0, 1.0, 1.0, 0.0]


@pytest.mark.parametrize(
    "name, src, dst",
    [
        ("w1", ("i", 0), ("h", 0)),
        ("w2", ("i", 1), ("h", 0)),
        ("w3", ("i", 0), ("h", 1)),
        ("w4", ("i", 1), ("h", 1)),
        ("w5", ("h", 0), ("o", 0)),
        ("w6", ("h", 1), ("o", 0)),
        ("w7", ("h", 0), ("o", 1)),
        ("w8", ("h", 1), ("o", 1)),
    ],
)
def test_222_weight_names_connect_the_units_the_post_says(name, src, dst):
    # Raising a weight by 1 raises the net input of its destination by its source's output,
    # and leaves the other unit of that layer alone.
    ex = get("t004_222_frozen")
    net = ex.network
    before = net.forward(ex.X)
    ref = ex.parameters[name]
    bumped = net.copy()
    bumped.layers[ref.layer].W[ref.index] += 1.0
    after = bumped.forward(ex.X)
    layer = 0 if dst[0] == "h" else 1
    source = ex.X[0] if src[0] == "i" else before.layers[0].out[0]
    change = after.layers[layer].z[0] - before.layers[layer].z[0]
    assert change[dst[1]] == pytest.approx(source[src[1]], rel=1e-12)
    assert change[1 - dst[1]] == 0.0


def test_222_initial_values_and_conventions():
    for name, trained in (("t004_222_frozen", False), ("t004_222_trained", True)):
        ex = get(name)
        net = ex.network
        values = [ex.param(net, f"w{k}") for k in range(1, 9)]
        assert values == [0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55]
        assert [ex.param(net, b) for b in ("b1[h1]", "b1[h2]", "b2[o1]", "b2[o2]")] == [
            0.35,
            0.35,
            0.60,
            0.60,
        ]
        assert ex.eta == 0.5 and ex.mode == "standard" and ex.reduction == "sum"
        assert ex.train_offsets is trained
    frozen = get("t004_222_frozen").train(epochs=1).net
    trained = get("t004_222_trained").train(epochs=1).net
    assert frozen.layers[0].offset.tolist() == [0.35, 0.35]
    assert trained.layers[0].offset[0] != 0.35


def test_textbook_example_is_the_222_net_with_thresholds():
    tb = get("t002_textbook")
    tn = tb.network
    assert tn.gamma.tolist() == [-0.35, -0.35] and tn.theta.tolist() == [-0.60, -0.60]
    net = get("t004_222_trained").network
    assert np.allclose(tn.forward(tb.X).y_hat, net.predict(tb.X), rtol=0, atol=1e-15)


def test_composite_and_epochs_settings():
    assert get("t004_composite").settings == {"x": 1.0, "w": 0.0, "b": 0.0}
    assert get("t004_epochs").settings == {"n_samples": 50_000, "batch_size": 256, "epochs": 10}


# --- tutorial 000's own arithmetic ---------------------------------------------------------
def test_separately_averaged_factors_reproduce_the_tutorial():
    a = separately_averaged_000()
    # tutorial 000's printed figures
    assert round(a.dE_dy, 3) == 0.294
    assert round(a.dy_ds, 3) == 0.152
    assert round(float(a.ds_dw[0]), 1) == 1.5
    assert round(float(a.grad_w[0]), 3) == 0.067
    assert round(float(a.w_new[0]), 3) == 0.766
    assert round(float(a.w_new[1]), 3) == 0.167
    assert round(float(a.dh_dv[0]), 0) == 2
    assert round(float(a.grad_v[0, 0]), 3) == 0.072
    assert round(float(a.v_new[0, 0]), 3) == 0.114
    assert round(float(a.v_new[0, 1]), 3) == 0.191
    assert round(float(a.v_new[1, 0]), 3) == 0.576
    assert round(float(a.v_new[1, 1]), 3) == 0.294
    # with the true mean of x3 (4/3) the tutorial's own method does NOT give its v31, v32 …
    assert round(float(a.v_new[2, 0]), 3) != 0.282
    assert round(float(a.v_new[2, 1]), 3) != 0.496
    # … it does with mean(x3) taken as 1
    slip = separately_averaged_000(x_bar=(2.0, 4.0 / 3.0, 1.0))
    assert round(float(slip.v_new[2, 0]), 3) == 0.282
    assert round(float(slip.v_new[2, 1]), 3) == 0.496


def test_separately_averaged_is_not_the_gradient():
    ex = get("t000_batch_321")
    net = ex.network
    g = net.gradients(ex.X, ex.Y, "mean")
    # the gradient of the mean loss: the mean over samples of the product of the factors
    y = net.predict(ex.X)[:, 0]
    t = ex.Y[:, 0]
    h1 = ex.X @ np.array([0.15, 0.6, 0.3])
    by_hand = np.mean((y - t) * y * (1 - y) * h1)
    assert g.layers[1].W[0, 0] == pytest.approx(by_hand, rel=1e-12)
    # and central differences agree with it, not with the product of means
    numeric = numeric_gradient(lambda p: net.with_flat(p).loss(ex.X, ex.Y, "mean"), net.flat())
    assert np.allclose(g.flat(), numeric, rtol=1e-7, atol=1e-12)
    assert abs(separately_averaged_000().grad_w[0] - by_hand) > 5e-3


# --- traces -------------------------------------------------------------------------------
def _bi_cells(tr):
    for s in tr.sections:
        for c in [s.title, *s.columns, s.note, *(c for row in s.rows for c in row)]:
            if isinstance(c, Bi):
                yield c


@pytest.mark.parametrize("name", NAMES)
def test_every_trace_is_bilingual_and_serialisable(name):
    tr = trace(name)
    assert tr.example == name and tr.sections
    for s in tr.sections:
        assert len(s.columns) == len(s.rows[0])
        assert all(len(row) == len(s.columns) for row in s.rows)
    assert all(b.en and b.zh for b in _bi_cells(tr))
    for lang in ("zh", "en", None):
        text = json.dumps(tr.to_dict(lang), ensure_ascii=False, allow_nan=False)
        assert name in text
    assert CJK.search(json.dumps(tr.to_dict("zh"), ensure_ascii=False))


def test_trace_unknown_section():
    with pytest.raises(InputError):
        trace("t004_epochs").section("nope")


def test_trace_000_uses_the_tutorials_names_and_numbers():
    tr = trace("t000_batch_321")
    fw = tr.section("forward")
    assert [c.en for c in fw.columns] == ["x", "h1", "h2", "s", "y", "t"]
    published = [(2.4, 1.8, 2.28, 0.907), (0.75, 1.2, 0.84, 0.698), (1.35, 1.4, 1.36, 0.796)]
    for row, pub in zip(fw.rows, published):
        assert (round(row[1], 2), round(row[2], 2), round(row[3], 2), round(row[4], 3)) == pub
    up = tr.section("update")
    rows = {r[0]: r for r in up.rows}
    assert set(rows) == {"v11", "v12", "v21", "v22", "v31", "v32", "w1", "w2"}
    assert round(rows["w1"][5], 3) == 0.766  # the tutorial's new w1 (product of means)
    assert round(rows["w1"][3], 3) == 0.770  # what the chain rule gives
    for r in up.rows:  # new = old − η ∂E/∂ in both columns
        assert r[3] == pytest.approx(r[1] - 0.5 * r[2])
        assert r[5] == pytest.approx(r[1] - 0.5 * r[4])


def test_trace_222_columns_multiply_out():
    tr = trace("t004_222_frozen")
    assert [r[0] for r in tr.section("forward").rows][:2] == ["net_h1", "out_h1"]
    for r in tr.section("output").rows:  # ∂E/∂w = ∂E/∂out · ∂out/∂net · ∂net/∂w
        assert r[4] == pytest.approx(r[1] * r[2] * r[3], rel=1e-12)
    out = {r[0]: r for r in tr.section("output").rows}
    assert round(out["w5"][-1], 8) == 0.35891648
    for r in tr.section("hidden").rows:
        assert r[3] == pytest.approx(r[1] + r[2], rel=1e-12)  # both outputs contribute
        assert r[6] == pytest.approx(r[3] * r[4] * r[5], rel=1e-12)
    hidden = {r[0]: r for r in tr.section("hidden").rows}
    assert round(hidden["w1"][-1], 9) == 0.149780716
    # frozen biases keep their values; the gradient is still shown
    for r in tr.section("biases").rows:
        assert r[3] == r[2] and r[1] != 0.0


def test_trace_222_gradients_match_central_differences():
    ex = get("t004_222_trained")
    net = ex.network
    numeric = numeric_gradient(lambda p: net.with_flat(p).loss(ex.X, ex.Y, "sum"), net.flat())
    tr = trace("t004_222_trained")
    shown = {r[0]: r[4] for r in tr.section("output").rows}
    shown |= {r[0]: r[6] for r in tr.section("hidden").rows}
    shown |= {r[0]: r[1] for r in tr.section("biases").rows}
    flat_index = {}
    k = 0
    for li, layer in enumerate(net.layers):
        for idx in np.ndindex(layer.W.shape):
            flat_index[(li, "W", idx)] = k
            k += 1
        for j in range(layer.offset.size):
            flat_index[(li, "offset", (j,))] = k
            k += 1
    for name, value in shown.items():
        ref = ex.parameters[name]
        assert value == pytest.approx(
            numeric[flat_index[(ref.layer, ref.array, ref.index)]], rel=1e-7
        )


def test_trace_textbook_updates_equal_minus_eta_times_central_differences():
    tr = trace("t002_textbook")
    names = [r[0] for r in tr.section("forward").rows]
    assert names[:2] == ["α_1", "α_2"] and any(n.startswith("ŷ_1") for n in names)
    assert [r[0].split(" ")[0] for r in tr.section("backward").rows] == ["g_1", "g_2", "e_1", "e_2"]
    for r in tr.section("update").rows:
        assert r[3] == pytest.approx(r[4], rel=1e-7, abs=1e-12)
        assert r[5] == pytest.approx(r[2] + r[3])


def test_trace_xor_shows_the_network_is_linear():
    tr = trace("t001_xor")
    fw = tr.section("forward")
    assert fw.rows[0][5] == 4.0  # D0(0, 0) = 1 + 3·1
    lin = {r[0]: r[1] for r in tr.section("linear").rows}
    assert lin["D0(1, 1) − D0(1, 0) − D0(0, 1) + D0(0, 0)"] == 0.0
    # one step on (0, 0): δ_D0 = ŷ − y = 4, every weight fed by a 1 becomes 1 − 0.1·1·4 = 0.6,
    # every weight fed by an input 0 stays 1
    new = {r[0]: r[3] for r in tr.section("update").rows}
    assert new["Z0->D0"] == pytest.approx(0.6) and new["X0->Z2"] == pytest.approx(0.6)
    assert new["X1->Z1"] == 1.0 and new["X2->Z3"] == 1.0
    # the least-squares affine fit of XOR is 0.5 everywhere (by the symmetry of the four points)
    assert all(abs(r[2] - 0.5) < 1e-3 for r in tr.section("trained").rows)


def test_trace_perceptron_ends_without_mistakes():
    tr = trace("t002_perceptron_and")
    assert tr.section("epochs").rows[-1][-1] == 0
    assert [r[3] for r in tr.section("final").rows] == [0, 0, 0, 1]


def test_trace_composite_chain_equals_engine_and_finite_differences():
    tr = trace("t004_composite")
    for _quantity, chain, engine in tr.section("engine").rows:
        assert chain == pytest.approx(engine, rel=1e-12)

    def f(p):
        w, b = p
        return 1.0 / (np.exp(-(w * 1.0 + b)) + 1.0)

    df = numeric_gradient(f, np.array([0.0, 0.0]))
    assert np.allclose(df, [0.25, 0.25], rtol=1e-8)
    rows = tr.section("elementary").rows
    # row k is step hk and shows ∂f/∂hk (not the gradient one step further back): ∂f/∂h6 = 1,
    # and ∂f/∂h1 = ∂f/∂h2 = σ'(0) = 0.25 since ∂h2/∂h1 = 1 (central differences in h1)
    assert [r[4] for r in rows] == [f"∂f/∂h{k}" for k in range(1, 7)]
    assert rows[-1][5] == 1.0
    f_of_h1 = lambda h1: 1.0 / (np.exp(-(h1[0] + 0.0)) + 1.0)  # noqa: E731
    assert rows[0][5] == pytest.approx(numeric_gradient(f_of_h1, np.array([0.0]))[0], rel=1e-8)
    f_of_h5 = lambda h5: 1.0 / h5[0]  # noqa: E731
    h5 = rows[4][1]
    assert rows[4][5] == pytest.approx(numeric_gradient(f_of_h5, np.array([h5]))[0], rel=1e-7)
    # the parameters' gradients are one factor further: ∂f/∂w = ∂f/∂h1 · x
    assert rows[0][5] * rows[0][3] == pytest.approx(df[0])


def test_trace_epochs():
    rows = {r[0].en: r[1] for r in trace("t004_epochs").section("schedule").rows}
    assert rows["batches per epoch ⌈N/B⌉"] == 196
    assert rows["size of the last batch"] == 50_000 - 195 * 256
    assert rows["iterations in all"] == 1960


# --- ParamRef: set and read a tutorial's parameter by name ------------------------------------
@pytest.mark.parametrize("name", ["t004_222_frozen", "t000_batch_321", "t001_xor"])
def test_param_ref_grad_is_the_slope_of_the_loss(name):
    """grad(net.gradients(...)) of every named parameter equals a central difference of E in
    that parameter alone, moved with set()."""
    ex = get(name)
    net = ex.network
    grads = net.gradients(ex.X, ex.Y, ex.reduction)
    for pname, ref in ex.parameters.items():

        def E(v, ref=ref):
            return ref.set(net.copy(), v[0]).loss(ex.X, ex.Y, ex.reduction)

        slope = numeric_gradient(E, [ref.get(net)])[0]
        assert ref.grad(grads) == pytest.approx(slope, rel=1e-7, abs=1e-10), pname


def test_param_ref_set_changes_only_that_parameter():
    ex = get("t004_222_frozen")
    net = ex.network
    before = net.flat()
    ref = ex.parameters["w5"]
    assert ref.set(net, -1.25) is net
    after = net.flat()
    assert ref.get(net) == -1.25
    assert np.count_nonzero(after != before) == 1
    with pytest.raises(InputError, match="finite") as info:
        ref.set(net, float("nan"))
    assert "有限" in info.value.zh


def test_param_ref_on_the_textbook_net_and_its_gradients():
    ex = get("t002_textbook")
    tb = ex.network
    tb_grads = tb.gradients(ex.X, ex.Y)
    net_grads = tb.network.gradients(ex.X, ex.Y, "mean")
    for pname, ref in ex.parameters.items():
        assert ref.grad(tb_grads) == ref.grad(net_grads), pname
    ex.parameters["gamma2"].set(tb, 0.125)  # the textbook's γ is the network's own array
    assert tb.gamma[1] == 0.125
    with pytest.raises(InputError, match=r"Network\.gradients or TextbookNet\.gradients"):
        ex.parameters["w11"].grad({"w": 1})
