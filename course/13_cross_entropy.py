"""Lesson 13: cross-entropy and softmax. Why squared error stalls on a saturated sigmoid output,
why the logistic-regression cost does not, and the softmax for several classes."""

from _cells import code, exercise, md

TITLE = dict(
    zh="交叉熵与Softmax：输出层的误差项为什么是ŷ − y",
    en="Cross-entropy and softmax: why the output error term is ŷ − y",
)

CELLS = [
    md(
        zh=r"""
        **目标**：看一个Sigmoid输出从“饱和的错误起点”出发时，平方误差几乎学不动、交叉熵（cross-entropy）却几步就纠正过来；先手工推导、再用SymPy核对交叉熵配Sigmoid时$\partial E/\partial\beta=\hat y-y$，看出Sigmoid的导数因子为什么消失；把它推广到多个类别的Softmax函数（softmax）；最后回到教程001：它的增量规则（delta rule）和它提到的逻辑回归代价函数，正是这一对组合。

        **前置知识**：Sigmoid函数及其导数$f'=f(1-f)$（第02课），反向传播与教材的$g_j$（第05、06课），梯度检验（第11课），教程001的网络（第09课）。
        """,
        en=r"""
        **Goal**: watch a sigmoid output that starts saturated and wrong: squared error barely
        moves it, cross-entropy corrects it in a few steps. Derive by hand, then check in
        SymPy, that cross-entropy with a sigmoid gives $\partial E/\partial\beta = \hat y - y$,
        and see why the sigmoid's derivative drops out; extend it to the softmax over several
        classes; and return to tutorial 001, whose delta rule and the logistic-regression cost
        it names are exactly this pair.

        **Prerequisites**: the sigmoid and its derivative $f' = f(1 - f)$ (lesson 02),
        backpropagation and the textbook's $g_j$ (lessons 05 and 06), gradient checking
        (lesson 11), tutorial 001's network (lesson 09).
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
        from IPython.display import Image, Markdown

        from bpcore import classplots, examples, losses, plots
        from bpcore.activations import ACTIVATIONS, sigmoid, softmax
        from bpcore.lessons import columns, say, text
        from bpcore.tables import Table


        def num(x, digits=4):
            return f"{x:.{digits}g}".replace("-", "−")
        """
    ),
    md(
        zh=r"""
        ## 1. 饱和的错误起点

        最小的例子：一个Sigmoid神经元，$\hat y=\sigma(\beta)$，$\beta=wx+b$。只有一个样本$x=1$、目标$y=1$，而初值$w=b=-4$让$\beta=-8$：输出几乎是0，错得很厉害，而且Sigmoid正处在它平坦的一端（饱和（saturation））。用两种损失各训练2000轮（$\eta=1$，每轮保存一次参数）：平方误差$E=\frac12(\hat y-y)^2$，以及交叉熵$E=-[y\ln\hat y+(1-y)\ln(1-\hat y)]$。
        """,
        en=r"""
        ## 1. A saturated wrong start

        The smallest example: one sigmoid neuron, $\hat y = \sigma(\beta)$ with
        $\beta = wx + b$. One sample, $x = 1$ with target $y = 1$, and initial weights
        $w = b = -4$, so $\beta = -8$: the output is almost 0, badly wrong, and the sigmoid
        sits on its flat end (it is saturated). Train it for 2000 epochs with each of two losses
        ($\eta = 1$, parameters saved after every epoch): the squared error
        $E = \frac12(\hat y - y)^2$, and the cross-entropy
        $E = -[y\ln\hat y + (1 - y)\ln(1 - \hat y)]$.
        """,
    ),
    code(
        """
        X, Y = np.array([[1.0]]), np.array([[1.0]])
        start = bpcore.Network([bpcore.Layer([[-4.0]], [-4.0], "sigmoid", "bias")])
        LOSSES = ("half_sse", "binary_cross_entropy")
        runs = {loss: bpcore.train(start, X, Y, eta=1.0, epochs=2000, loss=loss, snapshot_every=1)
                for loss in LOSSES}
        # zh: 每一轮之后的网络：输出ŷ和输出层的梯度∂E/∂β（偏置相加，所以∂E/∂β = ∂E/∂b）
        # en: the network after every epoch: its output ŷ and the output gradient ∂E/∂β
        # en: (the bias is added, so ∂E/∂β = ∂E/∂b)
        nets = {loss: [h.snapshot(k) for k in h.snapshot_epochs] for loss, h in runs.items()}
        y_hat = {loss: [n.predict(X)[0, 0] for n in ns] for loss, ns in nets.items()}
        grad = {loss: [n.gradients(X, Y, loss=loss).layers[0].offset[0] for n in ns]
                for loss, ns in nets.items()}
        Image(plots.to_png(classplots.saturation_figure(y_hat, grad, lang=LANG)))
        """
    ),
    code(
        """
        names = {"half_sse": text("13.half_sse", LANG), "binary_cross_entropy": text("13.cross_entropy", LANG)}
        Table(columns("13.start_table", LANG), [(names[loss], num(y_hat[loss][0]), num(grad[loss][0]),
                        int(np.argmax(np.array(y_hat[loss]) > 0.5)), num(y_hat[loss][-1]))
                       for loss in LOSSES], lang=LANG)
        """
    ),
    md(
        zh=r"""
        两个网络从同一个起点出发，输出都是约$3.4\times10^{-4}$，离目标1很远。交叉熵的梯度约为$-1$，几轮之后$\hat y$就超过0.5；平方误差的梯度只有约$-3.4\times10^{-4}$，小了三千倍，于是它在原地停留了一千五百多轮，才慢慢爬出平坦区。错得越厉害，平方误差反而学得越慢。下面推导原因。
        """,
        en=r"""
        Both networks start at the same point, with an output of about $3.4\times10^{-4}$, far
        from the target 1. Cross-entropy's gradient is about $-1$, and $\hat y$ passes 0.5
        within a few epochs; squared error's gradient is only about $-3.4\times10^{-4}$, three
        thousand times smaller, so it stays put for more than 1,500 epochs before it crawls off
        the flat part. The more wrong the output, the slower squared error learns. The
        derivation below says why.
        """,
    ),
    md(
        zh=r"""
        ## 2. 手工推导

        链式法则把输出层的梯度拆成两个因子：$\dfrac{\partial E}{\partial\beta}=\dfrac{\partial E}{\partial\hat y}\cdot\dfrac{\partial\hat y}{\partial\beta}$，而Sigmoid的导数是$\dfrac{\partial\hat y}{\partial\beta}=\hat y(1-\hat y)$（式5.9）。

        **平方误差。** $\dfrac{\partial E}{\partial\hat y}=\hat y-y$，所以

        $$\frac{\partial E}{\partial\beta}=(\hat y-y)\,\hat y(1-\hat y).$$

        $\hat y$接近0或1时$\hat y(1-\hat y)$接近0：无论输出错得多厉害，梯度都很小。起点处$\hat y\approx3.4\times10^{-4}$，因子$\hat y(1-\hat y)$也约为$3.4\times10^{-4}$。这正是教材式5.10的$g_j=\hat y_j(1-\hat y_j)(y_j-\hat y_j)$（$g_j=-\partial E/\partial\beta_j$）。

        **交叉熵。** $E=-[y\ln\hat y+(1-y)\ln(1-\hat y)]$，

        $$\frac{\partial E}{\partial\hat y}=-\frac{y}{\hat y}+\frac{1-y}{1-\hat y}=\frac{-y(1-\hat y)+(1-y)\hat y}{\hat y(1-\hat y)}=\frac{\hat y-y}{\hat y(1-\hat y)}.$$

        分母恰好是Sigmoid的导数，乘上$\partial\hat y/\partial\beta=\hat y(1-\hat y)$就约掉了：

        $$\frac{\partial E}{\partial\beta}=\frac{\hat y-y}{\hat y(1-\hat y)}\cdot\hat y(1-\hat y)=\hat y-y.$$

        梯度就是误差本身：错得越多，步子越大。输出在平坦区时，损失的陡峭（$\ln\hat y$在$\hat y\to0$时趋于$-\infty$）正好抵消了Sigmoid的平坦。教材的记号下，交叉熵让$g_j=y_j-\hat y_j$。

        **这个代价从哪里来。** 把$\hat y$看作“$y=1$的概率”，一个样本的似然是$\hat y^{\,y}(1-\hat y)^{1-y}$，取负对数就是上面的$E$：最小化交叉熵就是最大化似然。这就是逻辑回归的代价函数。
        """,
        en=r"""
        ## 2. The derivation by hand

        The chain rule splits the output gradient into two factors,
        $\dfrac{\partial E}{\partial\beta} = \dfrac{\partial E}{\partial\hat y}\cdot\dfrac{\partial\hat y}{\partial\beta}$,
        and the sigmoid's derivative is $\dfrac{\partial\hat y}{\partial\beta} = \hat y(1 - \hat y)$
        (eq. 5.9).

        **Squared error.** $\dfrac{\partial E}{\partial\hat y} = \hat y - y$, so

        $$\frac{\partial E}{\partial\beta} = (\hat y - y)\,\hat y(1 - \hat y).$$

        When $\hat y$ is near 0 or 1, $\hat y(1 - \hat y)$ is near 0: the gradient is small
        however wrong the output is. At the start $\hat y \approx 3.4\times10^{-4}$, and the
        factor $\hat y(1 - \hat y)$ is about $3.4\times10^{-4}$ too. This is the textbook's
        eq. 5.10, $g_j = \hat y_j(1 - \hat y_j)(y_j - \hat y_j)$ (with
        $g_j = -\partial E/\partial\beta_j$).

        **Cross-entropy.** $E = -[y\ln\hat y + (1 - y)\ln(1 - \hat y)]$, so

        $$\frac{\partial E}{\partial\hat y} = -\frac{y}{\hat y} + \frac{1 - y}{1 - \hat y} = \frac{-y(1 - \hat y) + (1 - y)\hat y}{\hat y(1 - \hat y)} = \frac{\hat y - y}{\hat y(1 - \hat y)}.$$

        The denominator is exactly the sigmoid's derivative, and multiplying by
        $\partial\hat y/\partial\beta = \hat y(1 - \hat y)$ cancels it:

        $$\frac{\partial E}{\partial\beta} = \frac{\hat y - y}{\hat y(1 - \hat y)}\cdot\hat y(1 - \hat y) = \hat y - y.$$

        The gradient is the error itself: the more wrong, the bigger the step. On the flat
        part, the steepness of the loss ($\ln\hat y \to -\infty$ as $\hat y \to 0$) exactly
        makes up for the flatness of the sigmoid. In the textbook's notation cross-entropy
        gives $g_j = y_j - \hat y_j$.

        **Where the cost comes from.** Read $\hat y$ as "the probability that $y = 1$": the
        likelihood of one sample is $\hat y^{\,y}(1 - \hat y)^{1-y}$, and its negative log is
        the $E$ above, so minimising cross-entropy maximises the likelihood. It is the cost of
        logistic regression.
        """,
    ),
    md(
        zh=r"""
        ## 3. 用SymPy核对

        让SymPy直接对$\beta$求导（它不知道上面的化简），再减去$\hat y-y$，化简后应恰好为0：
        """,
        en=r"""
        ## 3. The check in SymPy

        Let SymPy differentiate with respect to $\beta$ itself (it knows nothing of the
        simplification above), subtract $\hat y - y$, and simplify: the difference must be
        exactly 0.
        """,
    ),
    code(
        """
        import sympy as sp

        beta, y = sp.symbols("beta y", real=True)
        y_hat_sym = 1 / (1 + sp.exp(-beta))
        E_ce = -(y * sp.log(y_hat_sym) + (1 - y) * sp.log(1 - y_hat_sym))
        E_se = sp.Rational(1, 2) * (y_hat_sym - y) ** 2
        dE_ce = sp.diff(E_ce, beta)
        say("13.ce_minus_claim", sp.simplify(dE_ce - (y_hat_sym - y)), lang=LANG)
        claim_se = (y_hat_sym - y) * y_hat_sym * (1 - y_hat_sym)
        say("13.se_minus_claim", sp.simplify(sp.diff(E_se, beta) - claim_se), lang=LANG)
        Markdown(f"$$\\\\frac{{\\\\partial E}}{{\\\\partial\\\\beta}} = {sp.latex(dE_ce)}$$")
        """
    ),
    md(
        zh=r"""
        SymPy给出的导数原样写出来很长，化简后才是$\hat y-y$。`bpcore.symbolic.crossentropy`把三种组合各写成一个证明（测试也跑它们）；Softmax那一行是第6节的多类情形：
        """,
        en=r"""
        SymPy's derivative, as it comes out, is long; only after simplifying is it
        $\hat y - y$. `bpcore.symbolic.crossentropy` writes each of three pairs as a proof (the
        tests run them too); the softmax row is the several-class case of section 6:
        """,
    ),
    code(
        """
        from bpcore.symbolic.crossentropy import output_delta_proofs

        Table(columns("13.proof_table", LANG), [(name, f"${sp.latex(p.textbook)}$", f"${sp.latex(p.difference)}$",
                        "✓" if p.holds else "✗") for name, p in output_delta_proofs(3).items()],
              lang=LANG)
        """
    ),
    md(
        zh=r"""
        ## 4. 引擎里的数字

        `bpcore`的损失都在`bpcore.losses`里；训练、梯度和梯度检验都接受`loss=`。对Sigmoid输出配交叉熵，引擎直接用$\hat y-y$作为输出层的$\delta$，损失值用$\beta$来算（$-\ln\sigma(\beta)=\ln(1+e^{-\beta})$），所以即使$\hat y$已经舍入成0或1也不会出现$\ln0$。起点处：
        """,
        en=r"""
        ## 4. The numbers in the engine

        `bpcore`'s losses live in `bpcore.losses`; training, gradients and gradient checks all
        take `loss=`. For a sigmoid output with cross-entropy the engine uses $\hat y - y$ as
        the output delta directly and computes the loss from $\beta$
        ($-\ln\sigma(\beta) = \ln(1 + e^{-\beta})$), so a $\hat y$ that has rounded to 0 or 1
        never meets $\ln 0$. At the start:
        """,
    ),
    code(
        """
        y0 = start.predict(X)[0, 0]
        formulas = {"half_sse": ("(ŷ − y)ŷ(1 − ŷ)", (y0 - 1) * y0 * (1 - y0)),
                    "binary_cross_entropy": ("ŷ − y", y0 - 1)}
        Table(columns("13.formula_table", LANG), [(names[loss], num(start.loss(X, Y, loss=loss)), num(grad[loss][0]),
                        formulas[loss][0], num(formulas[loss][1])) for loss in LOSSES], lang=LANG)
        """
    ),
    md(
        zh=r"""
        教材形式的网络`TextbookNet`也接受`loss="binary_cross_entropy"`，这时$g_j=y_j-\hat y_j$。用第06课的2-2-2网络和它的样本，比较两种损失下的$g_j$：
        """,
        en=r"""
        The textbook-form network `TextbookNet` takes `loss="binary_cross_entropy"` too, and
        then $g_j = y_j - \hat y_j$. With lesson 06's 2-2-2 network and its sample, compare
        $g_j$ under the two losses:
        """,
    ),
    code(
        """
        book = examples.get("t002_textbook")
        tb, x_k, y_k = book.network, book.X[0], book.Y[0]
        y_hat_k = tb.forward(x_k).y_hat
        g_se = tb.gradients(x_k, y_k).g
        g_ce = tb.gradients(x_k, y_k, loss="binary_cross_entropy").g
        Table(columns("13.g_table", LANG), [(j + 1, y_hat_k[j], y_k[j], g_se[j], g_ce[j], y_k[j] - y_hat_k[j])
                       for j in range(len(y_k))], decimals=6, lang=LANG)
        """
    ),
    md(
        zh=r"""
        最后用第11课的中心差分检验整个反向传播：一个2-3-1网络（Sigmoid隐藏层和输出层），随机的输入和0/1目标，损失为交叉熵。按第11课的标准，每个参数的相对误差都应在$10^{-7}$以下：
        """,
        en=r"""
        Finally, check the whole backward pass by lesson 11's central differences: a 2-3-1
        network (sigmoid hidden and output units), random inputs and 0/1 targets, cross-entropy
        loss. By lesson 11's standard, every parameter's relative error should be below
        $10^{-7}$:
        """,
    ),
    code(
        """
        rng = np.random.default_rng(13)
        X_check, Y_check = rng.normal(size=(5, 2)), rng.integers(0, 2, size=(5, 1)).astype(float)
        check = bpcore.check_gradients(bpcore.Network.from_sizes((2, 3, 1), rng=1), X_check, Y_check,
                                       loss="binary_cross_entropy")
        say("13.params", len(check.error), lang=LANG)
        say("13.passed", check.passed(), lang=LANG)
        """
    ),
    md(
        zh=r"""
        ## 5. 回到教程001：增量规则与逻辑回归代价

        教程001写下的增量规则是：输出单元的误差项$\delta_{D_0}=\hat y-y$，往回一层$\delta=f'(z)\cdot w\cdot\delta_{D_0}$，更新$w\leftarrow w-\alpha\cdot z\cdot\delta$。第09课说明过，它的网络是恒等输出配平方误差，$\delta_{D_0}=(\hat y-y)\cdot1$。上面推导说明，Sigmoid输出配交叉熵（也就是原文提到的逻辑回归代价函数）给出**同一个形式**$\delta=\hat y-y$：只要损失与输出激活函数这样配对，增量规则的输出层一行就不变，往回的各层也完全照旧。

        用教程001的初始网络对样本$(0,0)$算一遍。输出单元的净输入$z=4$；恒等输出时$\hat y=4$，而换成Sigmoid输出，$\hat y=\sigma(4)$就是一个概率，逻辑回归代价也有了定义：
        """,
        en=r"""
        ## 5. Back to tutorial 001: the delta rule and the logistic-regression cost

        Tutorial 001's delta rule reads: the output unit's error term is
        $\delta_{D_0} = \hat y - y$, one layer back $\delta = f'(z)\cdot w\cdot\delta_{D_0}$, and
        the update is $w \leftarrow w - \alpha\cdot z\cdot\delta$. Lesson 09 showed that its
        network has an identity output with squared error, so $\delta_{D_0} = (\hat y - y)\cdot 1$.
        The derivation above shows that a sigmoid output with cross-entropy (the
        logistic-regression cost the post names) gives **the same form** $\delta = \hat y - y$:
        with the loss paired to the output activation this way, the output line of the delta
        rule does not change, and neither does any layer behind it.

        Take tutorial 001's initial network and the sample $(0, 0)$. The output unit's net
        input is $z = 4$; with the identity output $\hat y = 4$, while with a sigmoid output
        $\hat y = \sigma(4)$ is a probability and the logistic-regression cost is defined:
        """,
    ),
    code(
        """
        xor = examples.get("t001_xor")
        # zh: 样本 (0, 0) 在输出单元的净输入 z
        # en: the output unit's net input z for the sample (0, 0)
        z = xor.network.forward(xor.X[:1]).layers[-1].z
        y_xor = xor.Y[:1]
        pairs = [("identity", "half_sse"), ("sigmoid", "binary_cross_entropy")]
        rows = []
        for act, loss in pairs:
            out = ACTIVATIONS[act].f(z)
            delta = losses.output_delta(loss, ACTIVATIONS[act], out, z, y_xor, reduction="sum")
            E = losses.loss_value(loss, act, out, z, y_xor, reduction="sum")
            rows.append((act, loss, out[0, 0], delta[0, 0], (out - y_xor)[0, 0], E))
        Table(columns("13.delta_table", LANG), rows, decimals=4, lang=LANG)
        """
    ),
    md(
        zh=r"""
        两行的$\delta$都等于$\hat y-y$。交叉熵的值$\ln(1+e^4)\approx4.018$是正数：交叉熵永远不小于0，所以原文的“代价−4”仍然不是它的值（第09课的核对表：残差$y-\hat y$恰好是−4，但这只是推测）。

        ## 6. 多个类别：Softmax

        有$l$个类别时，输出层给每类一个得分$\beta_1,\dots,\beta_l$，Softmax函数把它们变成概率：

        $$\hat y_j=\frac{e^{\beta_j}}{\sum_{k=1}^{l}e^{\beta_k}},\qquad \hat y_j>0,\quad \sum_j\hat y_j=1.$$

        目标写成独热编码（one-hot encoding）：真实类别那一位为1，其余为0。交叉熵为$E=-\sum_j y_j\ln\hat y_j$，也就是真实类别概率的负对数。

        **手工推导。** Softmax把所有得分混在一起，$\hat y_k$依赖每个$\beta_j$：$\ln\hat y_k=\beta_k-\ln\sum_i e^{\beta_i}$，所以$\dfrac{\partial\ln\hat y_k}{\partial\beta_j}=[k=j]-\hat y_j$。于是

        $$\frac{\partial E}{\partial\beta_j}=-\sum_k y_k\big([k=j]-\hat y_j\big)=-y_j+\hat y_j\sum_k y_k=\hat y_j-y_j,$$

        最后一步用到$\sum_k y_k=1$。又是$\hat y-y$。两个类别时，$\hat y_1=1/(1+e^{-(\beta_1-\beta_2)})=\sigma(\beta_1-\beta_2)$：Softmax是Sigmoid的推广。上面证明表的最后一行是SymPy对$l=3$的核对。

        **数值。** 引擎计算$e^{\beta_j-\max\beta}$，结果不变（因子$e^{-\max\beta}$约掉了），得分是$\pm10^6$也不会溢出。下面用一组得分和类别2，按链式法则老老实实乘Softmax的雅可比矩阵，与$\hat y-y$对比：
        """,
        en=r"""
        Both rows have $\delta = \hat y - y$. The cross-entropy $\ln(1 + e^4) \approx 4.018$ is
        positive: cross-entropy is never below 0, so the post's "cost −4" is still not its value
        (lesson 09's ledger: the residual $y - \hat y$ gives −4, but that is a
        reconstruction).

        ## 6. Several classes: softmax

        With $l$ classes the output layer gives each class a score $\beta_1, \dots, \beta_l$,
        and the softmax turns them into probabilities:

        $$\hat y_j = \frac{e^{\beta_j}}{\sum_{k=1}^{l} e^{\beta_k}},\qquad \hat y_j > 0,\quad \sum_j \hat y_j = 1.$$

        The target is one-hot encoded: 1 in the place of the true class, 0 elsewhere. The
        cross-entropy is $E = -\sum_j y_j \ln\hat y_j$, minus the log of the probability the
        network gives the true class.

        **By hand.** The softmax mixes the scores: $\hat y_k$ depends on every $\beta_j$, with
        $\ln\hat y_k = \beta_k - \ln\sum_i e^{\beta_i}$, so
        $\dfrac{\partial\ln\hat y_k}{\partial\beta_j} = [k = j] - \hat y_j$. Hence

        $$\frac{\partial E}{\partial\beta_j} = -\sum_k y_k\big([k = j] - \hat y_j\big) = -y_j + \hat y_j\sum_k y_k = \hat y_j - y_j,$$

        using $\sum_k y_k = 1$ in the last step. Again $\hat y - y$. With two classes,
        $\hat y_1 = 1/(1 + e^{-(\beta_1 - \beta_2)}) = \sigma(\beta_1 - \beta_2)$: the softmax
        generalises the sigmoid. The last row of the proof table above is SymPy's check for
        $l = 3$.

        **Numbers.** The engine computes $e^{\beta_j - \max\beta}$, which changes nothing (the
        factor $e^{-\max\beta}$ cancels) and cannot overflow even for scores of $\pm10^6$. Below,
        for one set of scores and class 2, the chain rule is applied the long way, through the
        softmax's Jacobian, and compared with $\hat y - y$:
        """,
    ),
    code(
        """
        scores = np.array([[2.0, 1.0, -1.0]])
        # zh: 类别2的独热编码
        # en: class 2, one-hot encoded
        target = np.array([[0.0, 1.0, 0.0]])
        p = softmax(scores)
        # zh: 链式法则：∂E/∂ŷ = −y/ŷ，再乘Softmax的雅可比矩阵 ∂ŷ_k/∂β_j = ŷ_k([k = j] − ŷ_j)
        # en: the chain rule: ∂E/∂ŷ = −y/ŷ, times the softmax Jacobian ∂ŷ_k/∂β_j = ŷ_k([k = j] − ŷ_j)
        long_way = ACTIVATIONS["softmax"].delta(p, losses.cross_entropy_grad(p, target, "sum"))
        print("ŷ =", p.round(4), " Σŷ =", p.sum().round(12))
        print("E = −ln ŷ₂ =", round(losses.cross_entropy(p, target), 4))
        say("13.chain_rule", long_way.round(6), lang=LANG)
        print("ŷ − y:     ", (p - target).round(6))
        say("13.huge_scores", softmax(np.array([1e6, 0.0, -1e6])), lang=LANG)
        """
    ),
    md(
        zh=r"""
        一个2-4-3网络（Sigmoid隐藏层，Softmax输出），随机输入和随机类别，用交叉熵做梯度检验：
        """,
        en=r"""
        A 2-4-3 network (sigmoid hidden units, softmax output), random inputs and random
        classes, gradient-checked with cross-entropy:
        """,
    ),
    code(
        """
        net3 = bpcore.Network.from_sizes((2, 4, 3), output_activation="softmax", rng=2)
        classes = rng.integers(0, 3, size=6)
        X3, Y3 = rng.normal(size=(6, 2)), np.eye(3)[classes]
        check3 = bpcore.check_gradients(net3, X3, Y3, loss="cross_entropy")
        say("13.params", len(check3.error), lang=LANG)
        say("13.passed", check3.passed(), lang=LANG)
        say("13.row_sums", net3.predict(X3).sum(axis=1).round(12), lang=LANG)
        """
    ),
    md(
        zh=r"""
        第15课用它识别手写数字：64个像素输入，10个类别的Softmax输出，交叉熵损失。

        ## 小结

        - Sigmoid输出配平方误差时，$\partial E/\partial\beta=(\hat y-y)\,\hat y(1-\hat y)$：输出饱和时因子$\hat y(1-\hat y)$接近0，错得再厉害也学不动。本课的例子里它停了一千五百多轮。
        - 交叉熵$E=-[y\ln\hat y+(1-y)\ln(1-\hat y)]$的$\partial E/\partial\hat y=(\hat y-y)/(\hat y(1-\hat y))$，分母正好约掉Sigmoid的导数，$\partial E/\partial\beta=\hat y-y$，教材记号下$g_j=y_j-\hat y_j$。SymPy证明差为0，中心差分检验了引擎。
        - 多个类别用Softmax$\hat y_j=e^{\beta_j}/\sum_k e^{\beta_k}$配交叉熵$-\sum_j y_j\ln\hat y_j$，仍有$\partial E/\partial\beta_j=\hat y_j-y_j$；两个类别时它就是Sigmoid。
        - 教程001的增量规则以$\delta=\hat y-y$开头：恒等输出配平方误差、Sigmoid输出配逻辑回归代价，这两对给出的都是它。交叉熵不小于0，“代价−4”不是它的值。

        ## 练习

        每个练习要你写一个函数，检查程序会在带种子的随机输入上把它和`bpcore`的计算比较（答案不在本笔记本里）。

        1. Sigmoid输出配交叉熵：写出函数`answer(y_hat, y)`，返回$\partial E/\partial\beta$。
        2. Sigmoid输出配平方误差$\frac12(\hat y-y)^2$：写出`answer(y_hat, y)`，只用$\hat y$和$y$表示。
        3. Softmax配交叉熵：写出`answer(z, y)`，输入是得分`z`（形状$(m,l)$）和独热目标`y`，返回$\partial E/\partial z$。可以用`bpcore.activations.softmax`。
        """,
        en=r"""
        Lesson 15 uses it to read handwritten digits: 64 pixel inputs, a softmax output over 10
        classes, cross-entropy loss.

        ## Summary

        - A sigmoid output with squared error has
          $\partial E/\partial\beta = (\hat y - y)\,\hat y(1 - \hat y)$: when the output is
          saturated the factor $\hat y(1 - \hat y)$ is near 0 and it hardly learns, however
          wrong. In this lesson's example it stalled for more than 1,500 epochs.
        - Cross-entropy $E = -[y\ln\hat y + (1 - y)\ln(1 - \hat y)]$ has
          $\partial E/\partial\hat y = (\hat y - y)/(\hat y(1 - \hat y))$, whose denominator
          cancels the sigmoid's derivative: $\partial E/\partial\beta = \hat y - y$, in the
          textbook's notation $g_j = y_j - \hat y_j$. SymPy proves the difference is 0, and
          central differences check the engine.
        - For several classes the softmax $\hat y_j = e^{\beta_j}/\sum_k e^{\beta_k}$ with
          cross-entropy $-\sum_j y_j\ln\hat y_j$ again has
          $\partial E/\partial\beta_j = \hat y_j - y_j$; with two classes it is the sigmoid.
        - Tutorial 001's delta rule starts from $\delta = \hat y - y$: an identity output with
          squared error and a sigmoid output with the logistic-regression cost both give it.
          Cross-entropy is never below 0, so "cost −4" is not its value.

        ## Exercises

        Each exercise asks for a function; the checker compares it with `bpcore`'s computation
        on seeded random inputs (the answers are not in this notebook).

        1. Sigmoid output with cross-entropy: write a function `answer(y_hat, y)` returning
           $\partial E/\partial\beta$.
        2. Sigmoid output with squared error $\frac12(\hat y - y)^2$: write `answer(y_hat, y)`,
           in terms of $\hat y$ and $y$ only.
        3. Softmax with cross-entropy: write `answer(z, y)`, taking the scores `z` (shape
           $(m, l)$) and one-hot targets `y`, returning $\partial E/\partial z$. You may use
           `bpcore.activations.softmax`.
        """,
    ),
    *exercise(
        "13-bce_delta",
        answer="answer",
        source="""
        # zh: 练习1：Sigmoid + 交叉熵的 ∂E/∂β
        # en: Exercise 1: ∂E/∂β of sigmoid + cross-entropy
        def answer(y_hat, y):
            ### BEGIN SOLUTION
            return y_hat - y
            ### END SOLUTION
        """,
    ),
    *exercise(
        "13-sse_delta",
        answer="answer",
        source="""
        # zh: 练习2：Sigmoid + 平方误差的 ∂E/∂β，只用 y_hat 和 y
        # en: Exercise 2: ∂E/∂β of sigmoid + squared error, in y_hat and y only
        def answer(y_hat, y):
            ### BEGIN SOLUTION
            return (y_hat - y) * y_hat * (1 - y_hat)
            ### END SOLUTION
        """,
    ),
    *exercise(
        "13-softmax_delta",
        answer="answer",
        source="""
        # zh: 练习3：Softmax + 交叉熵的 ∂E/∂z
        # en: Exercise 3: ∂E/∂z of softmax + cross-entropy
        def answer(z, y):
            ### BEGIN SOLUTION
            return bpcore.activations.softmax(z) - y
            ### END SOLUTION
        """,
    ),
]
