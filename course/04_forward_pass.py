"""Lesson 04: the forward pass of the 2-2-2 network (tutorials 003/004), step by step."""

from _cells import code, exercise, md

TITLE = dict(
    zh="前向传播：逐步计算2-2-2网络",
    en="The forward pass of the 2-2-2 network, step by step",
)

CELLS = [
    md(
        zh=r"""
        **目标**

        - 把一个具体的小网络——2个输入、2个隐藏神经元、2个输出的2-2-2网络（教程003/004）——从输入一路算到损失：$net_{h1} \to out_{h1} \to \dots \to E_{total}$，每一步都看得见。
        - 用`bpcore`重算教程公布的输出$(0.7514,\ 0.7729)$和损失$0.2984$（以及流传很广的$0.298371109$），确认每个数都对得上。
        - 学会在三套记号之间换算：教程的$w_1..w_8$、$net$、$out$，教材（周志华《机器学习》第5章）的$v_{ih}, w_{hj}, \alpha_h, b_h, \beta_j, \hat y_j$，以及引擎里各层的`W`和`offset`；弄清偏置（bias）与阈值（threshold）只差一个符号。

        **前置知识**：Sigmoid函数$f(x)=\dfrac{1}{1+e^{-x}}$（[第2课](02_sigmoid.ipynb)）；加权求和；会运行Jupyter单元格。
        """,
        en=r"""
        **Goal**

        - Take one concrete small network, the 2-2-2 net of tutorials 003/004 (2 inputs, 2
          hidden neurons, 2 outputs), from its inputs all the way to its loss:
          $net_{h1} \to out_{h1} \to \dots \to E_{total}$, every step in view.
        - Recompute with `bpcore` the outputs $(0.7514,\ 0.7729)$ and the loss $0.2984$ that
          the tutorial published (and the widely quoted $0.298371109$), and check that every
          number agrees.
        - Translate between three notations: the tutorial's $w_1..w_8$, $net$, $out$; the
          textbook's (Zhou Zhihua, *Machine Learning*, ch. 5) $v_{ih}, w_{hj}, \alpha_h, b_h,
          \beta_j, \hat y_j$; and the engine's per-layer `W` and `offset`. See that a bias and
          a threshold differ only by a sign.

        **Prerequisites**: the sigmoid $f(x)=\dfrac{1}{1+e^{-x}}$ ([lesson 2](02_sigmoid.ipynb));
        weighted sums; running Jupyter cells.
        """,
    ),
    code(
        """
        LANG = LANG_VALUE
        import numpy as np
        import bpcore
        """
    ),
    code(
        """
        from IPython.display import Image

        from bpcore import examples, plots
        from bpcore.lessons import say, text
        """
    ),
    md(
        zh=r"""
        ## 1. 先看网络

        这是教程003和004用的网络，它出自Matt Mazur的博文[A Step by Step Backpropagation Example](https://mattmazur.com/2015/03/17/a-step-by-step-backpropagation-example/)（2015年3月17日），两篇教程都转述自它。信号从左往右流：两个输入$i_1, i_2$，经过两个隐藏神经元$h_1, h_2$，到达两个输出神经元$o_1, o_2$。每条连线上有一个权重（weight），共8个：$w_1..w_8$；每个神经元还加上一个偏置（bias）：隐藏层都加$b_1=0.35$，输出层都加$b_2=0.60$。

        训练样本只有一个：输入$(0.05,\ 0.10)$，目标值（target）$(0.01,\ 0.99)$。

        下面的数据和初始权重都从`bpcore.examples`取出，图由`bpcore.plots`画出。图里用的是教材的名字：隐藏神经元的输出叫$b_1, b_2$，输出叫$\hat y_1, \hat y_2$；为了不和$b_h$混淆，偏置写成$b^{(1)}, b^{(2)}$。红色表示正权重，线越粗权重越大。
        """,
        en=r"""
        ## 1. The network first

        This is the network of tutorials 003 and 004; both retell it from Matt Mazur's
        post [A Step by Step Backpropagation Example](https://mattmazur.com/2015/03/17/a-step-by-step-backpropagation-example/)
        (17 March 2015). Signals flow from left to right: two
        inputs $i_1, i_2$, two hidden neurons $h_1, h_2$, two output neurons $o_1, o_2$. Each
        connection carries a weight, eight in all: $w_1..w_8$; each neuron also adds a bias:
        $b_1 = 0.35$ in the hidden layer, $b_2 = 0.60$ in the output layer.

        There is a single training sample: input $(0.05,\ 0.10)$, target $(0.01,\ 0.99)$.

        The data and the initial weights below come from `bpcore.examples`; the picture is
        drawn by `bpcore.plots`. It uses the textbook's names: the hidden neurons' outputs are
        $b_1, b_2$, the outputs $\hat y_1, \hat y_2$; so as not to confuse them with $b_h$, the
        biases are written $b^{(1)}, b^{(2)}$. Red means a positive weight; the thicker the
        line, the larger the weight.
        """,
    ),
    code(
        """
        ex = examples.get("t004_222_trained")
        net = ex.network
        print(ex.title(LANG))
        print("x =", ex.X[0], "  y =", ex.Y[0], "  η =", ex.eta)
        for name in ("w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8"):
            print(f"{name} = {ex.param(net, name):.2f}", end="   ")
        Image(plots.to_png(plots.network_figure(net, lang=LANG)))
        """
    ),
    md(
        zh=r"""
        ## 2. 一个神经元做两件事

        每个神经元都做同样的两件事：

        1. **加权求和再加偏置**：$net_{h1} = w_1 i_1 + w_2 i_2 + b_1$。
        2. **用激活函数（activation function）压缩**：$out_{h1} = f(net_{h1}) = \dfrac{1}{1+e^{-net_{h1}}}$。

        先只看$h_1$，把它的三项逐一列出来，再和引擎的前向传播（forward pass）对照。引擎把每层算出的量都存进`trace`：`a`是加权和，`z`是激活函数的自变量（这里就是加上偏置后的$net$），`out`是输出。
        """,
        en=r"""
        ## 2. One neuron does two things

        Every neuron does the same two things:

        1. **Weighted sum plus bias**: $net_{h1} = w_1 i_1 + w_2 i_2 + b_1$.
        2. **Squash it with the activation function**:
           $out_{h1} = f(net_{h1}) = \dfrac{1}{1+e^{-net_{h1}}}$.

        Look at $h_1$ alone first: list its three terms, then compare with the engine's
        forward pass. The engine keeps what each layer computed in a `trace`: `a` is the
        weighted sum, `z` the argument of the activation (here $net$, bias included) and `out`
        the output.
        """,
    ),
    code(
        """
        i1, i2 = ex.X[0]
        terms = {
            "w1·i1": ex.param(net, "w1") * i1,
            "w2·i2": ex.param(net, "w2") * i2,
            "b1": ex.param(net, "b1[h1]"),
        }
        for name, value in terms.items():
            print(f"{name:>6} = {value:.4f}")
        trace = net.forward(ex.X)
        hidden = trace.layers[0]
        print(f"{'Σ':>6} = {sum(terms.values()):.4f}")
        print("trace: a =", hidden.a[0, 0].round(4), " z = net_h1 =", hidden.z[0, 0].round(4),
              " out_h1 = f(net_h1) =", hidden.out[0, 0].round(9))
        print("Σ == z:", bool(np.isclose(sum(terms.values()), hidden.z[0, 0], rtol=0, atol=1e-15)))
        """
    ),
    md(
        zh=r"""
        ## 3. 整个前向传播

        隐藏层算完，它的两个输出$out_{h1}, out_{h2}$就成了输出层的输入，输出层做同样的两件事：

        $$net_{o1} = w_5\, out_{h1} + w_6\, out_{h2} + b_2,\qquad out_{o1} = f(net_{o1})$$
        $$net_{o2} = w_7\, out_{h1} + w_8\, out_{h2} + b_2,\qquad out_{o2} = f(net_{o2})$$

        下表是`bpcore.examples.trace`逐步列出的全部中间量（数值来自引擎的前向传播）：
        """,
        en=r"""
        ## 3. The whole forward pass

        Once the hidden layer is done, its outputs $out_{h1}, out_{h2}$ are the inputs of the
        output layer, which does the same two things:

        $$net_{o1} = w_5\, out_{h1} + w_6\, out_{h2} + b_2,\qquad out_{o1} = f(net_{o1})$$
        $$net_{o2} = w_7\, out_{h1} + w_8\, out_{h2} + b_2,\qquad out_{o2} = f(net_{o2})$$

        The table lists every intermediate value, step by step, as `bpcore.examples.trace`
        lays it out (the numbers come from the engine's forward pass):
        """,
    ),
    code(
        """
        steps = examples.trace("t004_222_trained")
        steps.section("forward").markdown(LANG)
        """
    ),
    md(
        zh=r"""
        ## 4. 误差

        两个输出和目标值差多少？教程用平方误差，每个输出一项，前面的$\tfrac12$让求导时不出现系数2：

        $$E_{o1} = \tfrac12\,(target_{o1} - out_{o1})^2,\qquad E_{o2} = \tfrac12\,(target_{o2} - out_{o2})^2,\qquad E_{total} = E_{o1} + E_{o2}$$

        这就是`bpcore`的`half_sse`，对唯一的样本求和（`reduction="sum"`）。
        """,
        en=r"""
        ## 4. The error

        How far are the two outputs from their targets? The tutorial uses the squared error,
        one term per output; the $\tfrac12$ keeps a factor 2 out of the derivative:

        $$E_{o1} = \tfrac12\,(target_{o1} - out_{o1})^2,\qquad E_{o2} = \tfrac12\,(target_{o2} - out_{o2})^2,\qquad E_{total} = E_{o1} + E_{o2}$$

        This is `bpcore`'s `half_sse`, summed over the single sample (`reduction="sum"`).
        """,
    ),
    code(
        """
        steps.section("loss").markdown(LANG)
        """
    ),
    md(
        zh=r"""
        $o_1$的目标是0.01，网络却输出约0.75，差得很远，所以$E_{o1}$占了总误差的绝大部分。下一课的反向传播（backpropagation）就从这里出发。

        ## 5. 与公布的数字核对

        教程004用PyTorch算出输出$(0.7514,\ 0.7729)$和损失$0.2984$；流传很广的同一网络的逐步演算给出$E_{total}=0.298371109$。`bpcore.examples.ledger()`在公布的精度下逐个比较：
        """,
        en=r"""
        The target of $o_1$ is 0.01 but the network answers about 0.75, far off, so $E_{o1}$
        makes up most of the total error. The backward pass of the next lesson starts from
        here.

        ## 5. Checking against the published numbers

        Tutorial 004 computes the outputs $(0.7514,\ 0.7729)$ and the loss $0.2984$ with
        PyTorch; the widely published walk-through of the same network gives
        $E_{total} = 0.298371109$. `bpcore.examples.ledger()` compares them one by one, at the
        precision they were printed with:
        """,
    ),
    code(
        """
        rows = [r for r in examples.ledger("t004_222_trained") + examples.ledger("t004_222_frozen")
                if r.quantity in ("out_o1", "out_o2", "E_total")]
        examples.ledger_table(rows, LANG, columns=("quantity", "published", "recomputed", "verdict"))
        """
    ),
    md(
        zh=r"""
        四个数全部一致。$0.2984$与$0.298371109$并不矛盾：它们是同一个值印到不同的位数。

        ## 6. 动手：拖动一个权重

        前向传播只是一串代入。拖动下面的滑块改变一个权重，网络图上会实时显示各神经元的输出，下方显示$E_{total}$。试着回答：要让$out_{o1}$更接近目标0.01，$w_5$应该变大还是变小？$w_1$呢？（下一课用导数精确回答这个问题。）
        """,
        en=r"""
        All four agree. $0.2984$ and $0.298371109$ do not contradict each other: they are the
        same value printed to different precision.

        ## 6. Try it: move one weight

        The forward pass is nothing but substitution. Move the slider to change one weight:
        the picture shows each neuron's output as you go, and $E_{total}$ is printed below it.
        Try to answer: to bring $out_{o1}$ closer to its target 0.01, should $w_5$ grow or
        shrink? And $w_1$? (The next lesson answers with derivatives.)
        """,
    ),
    code(
        """
        import ipywidgets as widgets

        picture = plots.NetworkPlot(net.spec.sizes, net.spec.offsets, LANG)


        def forward_png(network):
            \"\"\"The network with every unit's output for the sample, as PNG bytes.\"\"\"
            tr = network.forward(ex.X)
            picture.draw([layer.W for layer in network.layers],
                         [layer.offset for layer in network.layers], phase="forward",
                         unit_values=[ex.X[0]] + [lt.out[0] for lt in tr.layers])
            return picture.png()


        Image(forward_png(net))
        """
    ),
    code(
        """
        which = widgets.Dropdown(options=["w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8"],
                                 value="w5", description=text("04.weight", LANG))
        value = widgets.FloatSlider(value=ex.param(net, "w5"), min=-3.0, max=3.0, step=0.05,
                                    description=text("04.value", LANG))
        image = widgets.Image(value=forward_png(net), format="png")
        status = widgets.HTML()


        def redraw(change=None):
            trial = ex.parameters[which.value].set(net.copy(), value.value)
            image.value = forward_png(trial)
            out = trial.predict(ex.X[0])
            status.value = (f"out_o1 = {out[0]:.4f}, out_o2 = {out[1]:.4f}, "
                            f"E_total = {trial.loss(ex.X, ex.Y, 'sum'):.6f}")


        def pick(change):
            value.value = ex.param(net, which.value)  # start from the tutorial's value
            redraw()


        which.observe(pick, names="value")
        value.observe(redraw, names="value")
        redraw()
        widgets.VBox([widgets.HBox([which, value]), image, status])
        """,
        ignore_output=True,
    ),
    md(
        zh=r"""
        ## 7. 三套记号，一个网络

        同一个网络在不同资料里名字不同。`bpcore`内部用教材的记号，`Example.notation`记录了每个教程名字对应的引擎位置和教材符号：
        """,
        en=r"""
        ## 7. Three notations, one network

        The same network goes by different names in different sources. `bpcore` uses the
        textbook's notation inside; `Example.notation` records, for each of the tutorial's
        names, where it lives in the engine and its textbook symbol:
        """,
    ),
    code(
        """
        examples.notation_table("t004_222_trained", LANG)
        """
    ),
    md(
        zh=r"""
        要点有三个：

        - **权重的下标按“从哪来、到哪去”排**：引擎的`W[i, j]`连接本层的第$i$个输入和第$j$个神经元，正是教材的$v_{ih}$、$w_{hj}$。所以$w_2$（$i_2 \to h_1$）是`layers[0].W[1, 0]`，即$v_{21}$。（PyTorch的`nn.Linear.weight`按“到哪去、从哪来”存，是它的转置。）
        - **$net$不是$\alpha$**：教材的$\alpha_h = \sum_i v_{ih} x_i$只是加权和，不含偏置或阈值；教程的$net_{h1}$已经加上了偏置。引擎分别存为`a`（$\alpha_h$、$\beta_j$）和`z`（$net$）。
        - **偏置加、阈值减**：教程写$f(net + b)$，教材写$b_h = f(\alpha_h - \gamma_h)$、$\hat y_j = f(\beta_j - \theta_j)$。两者是同一回事，只要取$\gamma = -b$、$\theta = -b$。

        下面用教材形式的网络`TextbookNet`（阈值$\gamma_h = -0.35$、$\theta_j = -0.60$，见`t002_textbook`这个例子）算同一个样本，输出应与上面完全相同：
        """,
        en=r"""
        Three points:

        - **Weight indices run "from, to"**: the engine's `W[i, j]` connects input $i$ of the
          layer to its neuron $j$, exactly the textbook's $v_{ih}$, $w_{hj}$. So $w_2$
          ($i_2 \to h_1$) is `layers[0].W[1, 0]`, that is $v_{21}$. (PyTorch's
          `nn.Linear.weight` is stored "to, from": the transpose.)
        - **$net$ is not $\alpha$**: the textbook's $\alpha_h = \sum_i v_{ih} x_i$ is the
          weighted sum alone, without bias or threshold; the tutorial's $net_{h1}$ already
          includes the bias. The engine keeps both: `a` ($\alpha_h$, $\beta_j$) and `z` ($net$).
        - **A bias is added, a threshold subtracted**: the tutorial writes $f(net + b)$, the
          textbook $b_h = f(\alpha_h - \gamma_h)$ and $\hat y_j = f(\beta_j - \theta_j)$. They
          are the same thing with $\gamma = -b$ and $\theta = -b$.

        Below, the textbook-form network `TextbookNet` (thresholds $\gamma_h = -0.35$,
        $\theta_j = -0.60$; the example `t002_textbook`) computes the same sample; its output
        must equal the one above exactly:
        """,
    ),
    code(
        """
        book = examples.get("t002_textbook").network
        print("γ =", book.gamma, "  θ =", book.theta)
        fw = book.forward(ex.X[0])
        print("α =", fw.alpha.round(9), "  b =", fw.b.round(9))
        print("β =", fw.beta.round(9), "  ŷ =", fw.y_hat.round(9))
        say("04.bit_equal", bool(np.array_equal(fw.y_hat, trace.output[0])), lang=LANG)
        """
    ),
    md(
        zh=r"""
        ## 小结

        - 前向传播逐层做同样的两件事：加权求和（再加偏置或减阈值），然后过激活函数。上一层的输出就是下一层的输入。
        - 对2-2-2网络，`bpcore`算出的输出和损失与教程公布的$(0.7514,\ 0.7729)$、$0.2984$以及$0.298371109$全部一致。
        - 记号换算：$w_1..w_4 \leftrightarrow v_{ih}$，$w_5..w_8 \leftrightarrow w_{hj}$，$out_h \leftrightarrow b_h$，$out_o \leftrightarrow \hat y_j$，$net = \alpha - \gamma$或$\beta - \theta$；偏置$b$等于负的阈值。
        - 下一课：[反向传播](05_backward_pass.ipynb)——误差对每个权重的导数，以及更新后的新权重。

        ## 练习

        在下面的单元格里把`answer = None`改成你的结果再运行，`bpcore.exercises.check`会告诉你对不对。
        """,
        en=r"""
        ## Summary

        - The forward pass does the same two things layer by layer: a weighted sum (plus a
          bias, or minus a threshold), then the activation function. One layer's outputs are
          the next layer's inputs.
        - For the 2-2-2 network, the outputs and loss that `bpcore` computes agree with the
          published $(0.7514,\ 0.7729)$, $0.2984$ and $0.298371109$.
        - Notation: $w_1..w_4 \leftrightarrow v_{ih}$, $w_5..w_8 \leftrightarrow w_{hj}$,
          $out_h \leftrightarrow b_h$, $out_o \leftrightarrow \hat y_j$,
          $net = \alpha - \gamma$ or $\beta - \theta$; a bias $b$ is minus a threshold.
        - Next: [the backward pass](05_backward_pass.ipynb), the derivative of the error with
          respect to every weight, and the new weights after one update.

        ## Exercises

        In each cell below, replace `answer = None` by your result and run it;
        `bpcore.exercises.check` tells you whether it is right.
        """,
    ),
    md(
        zh=r"""
        **练习1**：只用计算器和上面的输入、初始权重，算出$net_{h2}$（保留4位小数）。
        """,
        en=r"""
        **Exercise 1**: with a calculator, the inputs and the initial weights above, compute
        $net_{h2}$ (4 decimals).
        """,
    ),
    *exercise("04-1", "float(trace.layers[0].z[0, 1])"),
    md(
        zh=r"""
        **练习2**：如果把目标值换成$(0.75,\ 0.77)$，$E_{total}$大约是多少？先猜它是变大还是变小，再用`net.loss(...)`算出来。答案给两位有效数字即可（相对误差1%以内都算对）。
        """,
        en=r"""
        **Exercise 2**: if the targets were $(0.75,\ 0.77)$, what would $E_{total}$ be? Guess
        first whether it grows or shrinks, then compute it with `net.loss(...)`. Two significant
        figures are enough (anything within 1% counts).
        """,
    ),
    *exercise(
        "04-2",
        source="""
        ### BEGIN SOLUTION
        answer = net.loss(ex.X, [[0.75, 0.77]], "sum")
        ### END SOLUTION
        """,
        stub="answer = None",
    ),
    md(
        zh=r"""
        **练习3**：若把输出层的$0.60$误当作阈值（减去而不是加上），$out_{o1}$会变成多少？用`bpcore.Layer(..., offset_kind="threshold")`搭一个这样的网络来算（保留6位小数）。
        """,
        en=r"""
        **Exercise 3**: if the output layer's $0.60$ were taken for a threshold by mistake
        (subtracted instead of added), what would $out_{o1}$ become? Build such a network with
        `bpcore.Layer(..., offset_kind="threshold")` and compute it (6 decimals).
        """,
    ),
    *exercise(
        "04-3",
        source="""
        ### BEGIN SOLUTION
        hidden_layer, output_layer = net.layers
        wrong = bpcore.Network([hidden_layer.copy(),
                                bpcore.Layer(output_layer.W, output_layer.offset, "sigmoid", "threshold")])
        answer = float(wrong.predict(ex.X[0])[0])
        ### END SOLUTION
        """,
        stub="answer = None",
    ),
    md(
        zh="""
        **练习4（编程）.** 自己写2-2-2网络的前向传播：`forward(x, W1, b1, W2, b2)`返回隐藏层输出`out_h`和输出层输出`out_o`（都是形状为`(2,)`的数组）。`W1[i, h]`连接输入`i`和隐藏单元`h`，偏置是加上的，两层都用Sigmoid。检查程序用教程的数值和随机网络核对。
        """,
        en="""
        **Exercise 4 (coding).** Write the 2-2-2 forward pass yourself:
        `forward(x, W1, b1, W2, b2)` returns the hidden outputs `out_h` and the outputs `out_o`
        (arrays of shape `(2,)`). `W1[i, h]` connects input `i` to hidden unit `h`, biases are
        added, both layers use the sigmoid. The checker uses the tutorial's numbers and random nets.
        """,
    ),
    *exercise(
        "04-forward",
        answer="forward",
        source="""
        def forward(x, W1, b1, W2, b2):
            ### BEGIN SOLUTION
            out_h = 1.0 / (1.0 + np.exp(-(x @ W1 + b1)))
            out_o = 1.0 / (1.0 + np.exp(-(out_h @ W2 + b2)))
            return out_h, out_o
            ### END SOLUTION
        """,
    ),
]
