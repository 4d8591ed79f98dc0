"""Lesson 12: backpropagation in matrix form, L layers, and what a gradient costs."""

from _cells import code, exercise, md

TITLE = dict(
    zh="矩阵形式与L层网络：反向传播的递推、形状、代价与内存",
    en="Matrix form and L layers: the backward recursion, its shapes, its cost and its memory",
)

CELLS = [
    md(
        zh=r"""
        **目标**：把第05、06课逐个下标写出的反向传播改写成矩阵形式，写清每个矩阵的形状；看出教材的$g_j$、$e_h$就是矩阵形式里误差项的相反数；用一个十几行的循环对任意层数$L$的网络求梯度，并用`bpcore`的引擎和中心差分核对；最后数一数：反向传播求一次梯度花几次前向传播的工作量，中心差分要花多少，前向传播为反向传播存下的激活值占多少内存。

        **前置知识**：反向传播与教材的公式（第05、06课），批量与平均损失（第07课），中心差分（第11课），矩阵乘法与转置。
        """,
        en=r"""
        **Goal**: rewrite the backward pass of lessons 05 and 06, so far written index by
        index, in matrix form with the shape of every matrix spelled out; see that the
        textbook's $g_j$ and $e_h$ are the matrix form's error terms with the sign flipped;
        compute the gradient of a network of any depth $L$ with a loop of a dozen lines, checked
        against `bpcore`'s engine and central differences; and finally count: how many forward
        passes' worth of work one gradient costs by backpropagation and by central
        differences, and how much memory the activations kept for the backward pass take.

        **Prerequisites**: backpropagation and the textbook's formulas (lessons 05 and 06),
        batches and the mean loss (lesson 07), central differences (lesson 11), matrix
        products and transposes.
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
        import inspect

        from IPython.display import Image, Markdown

        from bpcore import backprop_cost, examples, matrix_form, plots
        from bpcore.lessons import columns, say
        from bpcore.tables import Table


        # zh: 舍入误差那几位会随CPU和NumPy版本变化，所以很小的误差只报告它低于哪个界
        # en: rounding digits vary with the CPU and NumPy build: tiny errors are reported by a bound
        def below(r, bound):
            return f"< {bound:.0e}" if r < bound else f"{r:.2e}"
        """
    ),
    md(
        zh=r"""
        ## 1. 记号与形状

        $L$层网络的第$l$层有$n_l$个单元，$n_0$是输入个数。`bpcore`把第$l$层的权重存成形状为$(n_{l-1},n_l)$的矩阵$W^{(l)}$，即“输入×输出”，这样$W^{(1)}$的元素$W^{(1)}_{ih}$就是教材的$v_{ih}$，$W^{(2)}_{hj}$就是$w_{hj}$（见`docs/architecture.md`）。一批$m$个样本按行排列：第$l$层的输出$a^{(l)}$是$(m,n_l)$矩阵，每行一个样本，$a^{(0)}=X$。**本课所有公式都按这个约定书写**；许多教材（如CS231n、Nielsen）把$W$存成$(n_{\text{out}},n_{\text{in}})$，公式里的转置位置会不同，数值相同。

        前向传播（偏置相加取$+$，阈值相减取$-$）：

        $$z^{(l)} = a^{(l-1)}W^{(l)} \pm b^{(l)},\qquad a^{(l)} = f\big(z^{(l)}\big)\qquad (m\times n_l)$$

        损失仍是批内平均的平方误差$E=\frac1m\sum_k\frac12\lVert\hat y_k-y_k\rVert^2$。定义每个样本的误差项$\delta^{(l)}=\partial E_k/\partial z^{(l)}$，按行排成$(m,n_l)$矩阵。链式法则给出：

        $$\delta^{(L)} = \big(a^{(L)}-Y\big)\odot f'\big(z^{(L)}\big)\qquad (m\times n_L)$$

        $$\delta^{(l)} = \big(\delta^{(l+1)}\,W^{(l+1)\top}\big)\odot f'\big(z^{(l)}\big)\qquad (m\times n_{l+1})(n_{l+1}\times n_l)\to(m\times n_l)$$

        $$\frac{\partial E}{\partial W^{(l)}} = \frac1m\,a^{(l-1)\top}\delta^{(l)}\qquad (n_{l-1}\times m)(m\times n_l)\to(n_{l-1}\times n_l)$$

        $$\frac{\partial E}{\partial b^{(l)}} = \pm\frac1m\sum_k\delta^{(l)}_k\qquad (n_l)$$

        $\odot$是逐元素相乘。对单个样本，把$\delta^{(l)}$写成列向量，递推就是$\delta^{(l)}=\big(W^{(l+1)}\delta^{(l+1)}\big)\odot f'(z^{(l)})$，不带转置，正因为$W$存成“输入×输出”。$a^{(l-1)\top}\delta^{(l)}$这一次矩阵乘法同时完成了对$m$个样本的求和，$\frac1m$来自平均损失。$f'$用存下的输出计算（Sigmoid时$f'(z)=a(1-a)$，式5.9），所以前向传播只需保存$a^{(0)},\dots,a^{(L)}$。

        下面是一个4-5-3-2网络、$m=6$个样本时每个量的形状，由`bpcore.matrix_form`实际算出：
        """,
        en=r"""
        ## 1. Notation and shapes

        Layer $l$ of an $L$-layer network has $n_l$ units; $n_0$ is the number of inputs.
        `bpcore` stores layer $l$'s weights as a matrix $W^{(l)}$ of shape $(n_{l-1}, n_l)$,
        "inputs × outputs", so that $W^{(1)}_{ih}$ is the textbook's $v_{ih}$ and
        $W^{(2)}_{hj}$ its $w_{hj}$ (see `docs/architecture.md`). A batch of $m$ samples is
        stored as rows: layer $l$'s output $a^{(l)}$ is an $(m, n_l)$ matrix, one sample per
        row, and $a^{(0)} = X$. **Every formula in this lesson is written in that
        convention**; many texts (CS231n, Nielsen) store $W$ as $(n_\text{out}, n_\text{in})$,
        which moves the transposes but not the numbers.

        The forward pass ($+$ for a bias, added; $-$ for a threshold, subtracted):

        $$z^{(l)} = a^{(l-1)}W^{(l)} \pm b^{(l)},\qquad a^{(l)} = f\big(z^{(l)}\big)\qquad (m\times n_l)$$

        The loss is still the batch mean of the squared error,
        $E = \frac1m\sum_k \frac12\lVert\hat y_k - y_k\rVert^2$. Define each sample's error
        term $\delta^{(l)} = \partial E_k/\partial z^{(l)}$, stacked as rows into an
        $(m, n_l)$ matrix. The chain rule gives:

        $$\delta^{(L)} = \big(a^{(L)} - Y\big)\odot f'\big(z^{(L)}\big)\qquad (m\times n_L)$$

        $$\delta^{(l)} = \big(\delta^{(l+1)}\,W^{(l+1)\top}\big)\odot f'\big(z^{(l)}\big)\qquad (m\times n_{l+1})(n_{l+1}\times n_l)\to(m\times n_l)$$

        $$\frac{\partial E}{\partial W^{(l)}} = \frac1m\,a^{(l-1)\top}\delta^{(l)}\qquad (n_{l-1}\times m)(m\times n_l)\to(n_{l-1}\times n_l)$$

        $$\frac{\partial E}{\partial b^{(l)}} = \pm\frac1m\sum_k \delta^{(l)}_k\qquad (n_l)$$

        $\odot$ is the elementwise product. For one sample, with $\delta^{(l)}$ written as a
        column vector, the recursion reads
        $\delta^{(l)} = \big(W^{(l+1)}\delta^{(l+1)}\big)\odot f'(z^{(l)})$, with no transpose,
        precisely because $W$ is stored "inputs × outputs". The single product
        $a^{(l-1)\top}\delta^{(l)}$ also sums over the $m$ samples, and $\frac1m$ comes from the
        mean loss. $f'$ is computed from the stored output ($f'(z) = a(1 - a)$ for the sigmoid,
        eq. 5.9), so the forward pass keeps $a^{(0)}, \dots, a^{(L)}$ and nothing else.

        Here are the shapes for a 4-5-3-2 network and $m = 6$ samples, as
        `bpcore.matrix_form` actually computes them:
        """,
    ),
    code(
        """
        rng = np.random.default_rng(12)
        net = bpcore.Network.from_sizes((4, 5, 3, 2), rng=rng)
        X = rng.normal(size=(6, 4))
        Y = rng.uniform(size=(6, 2))
        cache = matrix_form.forward(net, X)
        grads = matrix_form.backward(net, cache, Y)
        Table(columns("12.shape_table", LANG), [
            (str(l), str(layer.W.shape), str(cache.a[l - 1].shape), str(cache.a[l].shape),
             str(grads.delta[l - 1].shape), str(grads.W[l - 1].shape), str(grads.offset[l - 1].shape))
            for l, layer in enumerate(net.layers, start=1)
        ], lang=LANG)
        """
    ),
    md(
        zh=r"""
        每个梯度$\partial E/\partial W^{(l)}$都与$W^{(l)}$同形，这是检查矩阵公式最快的办法：形状对不上，一定有地方转置错了。

        ## 2. 回到教材：$g=-\delta^{(2)}$，$e=-\delta^{(1)}$

        教材（第06课）的单隐藏层网络用阈值：$b_h=f(\alpha_h-\gamma_h)$，$\hat y_j=f(\beta_j-\theta_j)$，其中$\beta_j$、$\alpha_h$就是这里的$z$加上阈值。因为$\partial z/\partial\beta=1$，

        $$\delta^{(2)}_j=\frac{\partial E_k}{\partial\beta_j}=(\hat y_j-y_j)\,\hat y_j(1-\hat y_j)=-g_j\quad(\text{式5.10}),$$

        $$\delta^{(1)}_h=\frac{\partial E_k}{\partial\alpha_h}=b_h(1-b_h)\sum_j w_{hj}\delta^{(2)}_j=-e_h\quad(\text{式5.15}).$$

        于是$\partial E_k/\partial w_{hj}=b_h\delta^{(2)}_j=-g_jb_h$，$\Delta w_{hj}=\eta g_jb_h$（式5.11）；阈值相减，$\partial E_k/\partial\theta_j=-\delta^{(2)}_j=g_j$，$\Delta\theta_j=-\eta g_j$（式5.12）。教材把负号放进了$g$和$e$，所以它的更新式都是“加”。用教材的2-2-2网络（第11课的那个）验证：
        """,
        en=r"""
        Each gradient $\partial E/\partial W^{(l)}$ has the shape of $W^{(l)}$: the quickest
        test of a matrix formula. A shape that does not match means a transpose went wrong.

        ## 2. Back to the textbook: $g = -\delta^{(2)}$, $e = -\delta^{(1)}$

        The textbook's one-hidden-layer network (lesson 06) uses thresholds:
        $b_h = f(\alpha_h - \gamma_h)$, $\hat y_j = f(\beta_j - \theta_j)$, where $\beta_j$ and
        $\alpha_h$ are this lesson's $z$ plus the threshold. Since $\partial z/\partial\beta = 1$,

        $$\delta^{(2)}_j = \frac{\partial E_k}{\partial\beta_j} = (\hat y_j - y_j)\,\hat y_j(1 - \hat y_j) = -g_j\quad(\text{eq. 5.10}),$$

        $$\delta^{(1)}_h = \frac{\partial E_k}{\partial\alpha_h} = b_h(1 - b_h)\sum_j w_{hj}\delta^{(2)}_j = -e_h\quad(\text{eq. 5.15}).$$

        So $\partial E_k/\partial w_{hj} = b_h\delta^{(2)}_j = -g_j b_h$ and
        $\Delta w_{hj} = \eta g_j b_h$ (eq. 5.11); the threshold is subtracted, so
        $\partial E_k/\partial\theta_j = -\delta^{(2)}_j = g_j$ and $\Delta\theta_j = -\eta g_j$
        (eq. 5.12). The book puts the minus sign into $g$ and $e$, which is why all its updates
        are additions. Checked on the textbook's 2-2-2 network (the one of lesson 11):
        """,
    ),
    code(
        """
        ex = examples.get("t002_textbook")
        tb = ex.network
        book = tb.gradients(ex.X, ex.Y)
        mat = matrix_form.backward(tb, matrix_form.forward(tb, ex.X), ex.Y)
        rows = []
        for name, ours, theirs in (
            ("−δ⁽²⁾ vs g", -mat.delta[1][0], book.g),
            ("−δ⁽¹⁾ vs e", -mat.delta[0][0], book.e),
            ("∂E/∂W⁽²⁾ vs ∂E/∂w", mat.W[1], book.w),
            ("∂E/∂θ⁽²⁾ vs ∂E/∂θ", mat.offset[1], book.theta),
            ("∂E/∂W⁽¹⁾ vs ∂E/∂v", mat.W[0], book.v),
            ("∂E/∂θ⁽¹⁾ vs ∂E/∂γ", mat.offset[0], book.gamma),
        ):
            rows.append((name, np.array2string(np.ravel(ours), precision=6), np.array2string(np.ravel(theirs), precision=6),
                         below(float(np.max(np.abs(ours - theirs))), 1e-15)))
        Table(columns("12.compare_table", LANG), rows, lang=LANG)
        """
    ),
    md(
        zh=r"""
        这是一个样本。一批样本时，教材对每个样本算$g$、$e$，再把各参数的梯度取平均；矩阵形式用一次乘法$a^{(l-1)\top}\delta^{(l)}$把求和做完再除以$m$。在一个随机的3-4-2教材网络、$m=5$个样本上比较（$g$、$e$逐个样本比较，形状$(m,l)$和$(m,q)$）：
        """,
        en=r"""
        That is one sample. For a batch the book computes $g$ and $e$ sample by sample and
        averages each parameter's gradient; the matrix form does the sum in the one product
        $a^{(l-1)\top}\delta^{(l)}$ and divides by $m$. On a random 3-4-2 textbook network
        with $m = 5$ samples ($g$ and $e$ compared sample by sample, shapes $(m, l)$ and
        $(m, q)$):
        """,
    ),
    code(
        """
        gen = np.random.default_rng(5)
        tb5 = bpcore.TextbookNet(v=gen.normal(size=(3, 4)), gamma=gen.normal(size=4),
                                 w=gen.normal(size=(4, 2)), theta=gen.normal(size=2))
        X5, Y5 = gen.normal(size=(5, 3)), gen.uniform(size=(5, 2))
        book = tb5.gradients(X5, Y5)
        mat = matrix_form.backward(tb5, matrix_form.forward(tb5, X5), Y5)
        pairs = {"g": (-mat.delta[1], book.g), "e": (-mat.delta[0], book.e), "w": (mat.W[1], book.w),
                 "θ": (mat.offset[1], book.theta), "v": (mat.W[0], book.v), "γ": (mat.offset[0], book.gamma)}
        Table(columns("12.textbook_table", LANG), [(k, str(b.shape), below(float(np.max(np.abs(a - b))), 1e-15)) for k, (a, b) in pairs.items()],
              lang=LANG)
        """
    ),
    md(
        zh=r"""
        `bpcore`的引擎`Network.backward`存的`delta`是平均损失对$z$的导数，即$\delta^{(l)}/m$（它把$\frac1m$提前乘进了输出层）；本课的$\delta^{(l)}$是每个样本的$\partial E_k/\partial z$，与教材的$g$、$e$一一对应，$\frac1m$留到$\partial E/\partial W$里。两种写法的梯度相同。

        ## 3. $L$层的循环

        整个反向传播就是下面这个函数，一行对应一个公式：
        """,
        en=r"""
        The engine's `Network.backward` stores as `delta` the derivative of the *mean* loss
        with respect to $z$, i.e. $\delta^{(l)}/m$ (it applies the $\frac1m$ at the output);
        this lesson's $\delta^{(l)}$ is the per-sample $\partial E_k/\partial z$, which matches
        the book's $g$ and $e$ one to one, with the $\frac1m$ kept for $\partial E/\partial W$.
        The gradients are the same either way.

        ## 3. The loop over $L$ layers

        The whole backward pass is the function below, one line per formula:
        """,
    ),
    code(
        """
        source = inspect.getsource(matrix_form.backward)
        print(source[source.index("    network = "):])
        """
    ),
    md(
        zh=r"""
        在几个不同深度、不同激活函数的随机网络上，与`bpcore`的引擎（`Network.gradients`）和中心差分（$\varepsilon=10^{-4}$）比较：
        """,
        en=r"""
        On random networks of several depths and activations, compared with `bpcore`'s engine
        (`Network.gradients`) and with central differences ($\varepsilon = 10^{-4}$):
        """,
    ),
    code(
        """
        rows = []
        gen = np.random.default_rng(3)
        for sizes, act in (((2, 3, 1), "sigmoid"), ((3, 4, 4, 2), "tanh"), ((4, 6, 5, 4, 3), "sigmoid"),
                           ((5, 8, 8, 8, 8, 1), "tanh")):
            deep = bpcore.Network.from_sizes(sizes, activation=act, rng=gen)
            Xd, Yd = gen.normal(size=(7, sizes[0])), gen.uniform(size=(7, sizes[-1]))
            ours = matrix_form.gradient(deep, Xd, Yd)
            engine = deep.gradients(Xd, Yd).flat()
            central = backprop_cost.central_differences(deep, Xd, Yd)
            rows.append(("-".join(map(str, sizes)), act, len(sizes) - 1, deep.spec.n_params,
                         below(bpcore.relative_error(ours, engine).max(), 1e-12),
                         below(bpcore.relative_error(ours, central).max(), 1e-6)))
        Table(columns("12.networks_table", LANG), rows, lang=LANG)
        """
    ),
    md(
        zh=r"""
        与引擎一致到舍入误差，与中心差分一致到$10^{-6}$以内（第11课：这正是$\varepsilon=10^{-4}$的截断误差加舍入误差的量级）。

        ## 4. 一次梯度的代价：反向传播与中心差分

        有$n$个参数时，中心差分对每个参数算两次损失，每次一整遍前向传播：**恰好$2n$次前向传播**。反向传播只做一次前向、一次反向。数矩阵乘法的乘加次数：前向每层一次$(m\times n_{l-1})(n_{l-1}\times n_l)$的乘法，即$m\,n_{l-1}n_l$次乘加；反向每层两次同样大小的乘法（$a^{(l-1)\top}\delta^{(l)}$和$\delta^{(l)}W^{(l)\top}$，第1层不需要后者）。所以

        $$\text{反向}\le2\times\text{前向},\qquad\text{一次梯度}\le3\times\text{前向},$$

        与$n$无关。（逐元素的$f$、$f'$、$\odot$只有$O(m\sum_l n_l)$次运算，比矩阵乘法少一个“层宽”的因子，不计入。）下面的数由`bpcore`在计算时逐次计数得到（`matrix_form.Tally`），不是测时间，每次运行都一样：
        """,
        en=r"""
        It agrees with the engine to rounding and with central differences to within
        $10^{-6}$ (lesson 11: exactly the size of the truncation plus rounding error at
        $\varepsilon = 10^{-4}$).

        ## 4. What one gradient costs: backpropagation against central differences

        With $n$ parameters, central differences evaluate the loss twice per parameter, each
        time a whole forward pass: **exactly $2n$ forward passes**. Backpropagation does one
        forward and one backward pass. Count the multiply-adds of the matrix products: the
        forward pass does one $(m\times n_{l-1})(n_{l-1}\times n_l)$ product per layer,
        $m\,n_{l-1}n_l$ multiply-adds; the backward pass does two of the same size per layer
        ($a^{(l-1)\top}\delta^{(l)}$ and $\delta^{(l)}W^{(l)\top}$, the second not needed at
        layer 1). So

        $$\text{backward} \le 2\times\text{forward},\qquad \text{one gradient} \le 3\times\text{forward},$$

        whatever $n$ is. (The elementwise $f$, $f'$, $\odot$ take $O(m\sum_l n_l)$ operations,
        a layer width fewer than the products, and are not counted.) The numbers below are
        counted by `bpcore` as it computes (`matrix_form.Tally`), not timed, and are the same on
        every run:
        """,
    ),
    code(
        """
        widths = (2, 4, 8, 16, 32, 48)
        counts = [backprop_cost.count_costs((4, h, h, 1), m=32, rng=0) for h in widths]
        Table(columns("12.cost_table", LANG), [
            (f"4-{h}-{h}-1", c.n_params, c.central.forward_passes, f"{c.backprop_in_forward_passes:.3f}",
             f"{c.speedup:.1f}", below(c.max_difference, 1e-8))
            for h, c in zip(widths, counts)
        ], lang=LANG)
        """
    ),
    md(
        zh=r"""
        中心差分的前向传播次数随$n$线性增长（$2n$），反向传播始终在2到3次前向传播之间：第1层不需要$\delta^{(0)}$，省掉一次乘法，所以第1层占的份额越大，比值越接近2；隐藏层越宽，$n_1n_2$这一项越占主导，比值越接近3。两者之比因而随$n$增长：有几千个参数时，反向传播便宜了上千倍，而两种方法给出的梯度只差$10^{-8}$以内。把同样的计数画在双对数坐标上：
        """,
        en=r"""
        The forward passes of central differences grow linearly with $n$ ($2n$), while
        backpropagation stays between 2 and 3 forward passes: layer 1 needs no
        $\delta^{(0)}$, which saves one product, so the larger layer 1's share of the work,
        the closer the ratio is to 2; the wider the hidden layers, the more the $n_1n_2$ term
        dominates and the closer it is to 3. Their ratio therefore grows with $n$: with a few
        thousand parameters backpropagation is over a thousand times cheaper, and the two
        gradients still agree to within $10^{-8}$. The same counts on log-log axes:
        """,
    ),
    code(
        """
        Image(plots.to_png(backprop_cost.count_figure(counts, lang=LANG)))
        """
    ),
    md(
        zh=r"""
        中心差分（红）是斜率为1的直线$2n$；反向传播（蓝）在一次前向传播（绿）之上一个2到3的常数倍，与$n$无关。

        下面用`time.perf_counter`实测一次梯度的用时（取几次中最快的一次）。时间随机器和负载变化，所以这个单元格的输出不做比较（`NBVAL_IGNORE_OUTPUT`），结论以上面的计数为准：
        """,
        en=r"""
        On log-log axes central differences (red) are the straight line $2n$, slope 1;
        backpropagation (blue) sits a constant factor of 2 to 3 above one forward pass
        (green), whatever $n$ is.

        Below, one gradient is timed with `time.perf_counter` (the fastest of a few runs).
        Times vary with the machine and its load, so this cell's output is not compared
        (`NBVAL_IGNORE_OUTPUT`); the conclusion rests on the counts above:
        """,
    ),
    code(
        """
        times = [backprop_cost.time_gradients((4, h, h, 1), m=32, rng=0, repeats=2) for h in widths]
        for tm in times:
            say("12.timed", lang=LANG, n=tm.n_params,
                first=tm.backprop / tm.forward, last=tm.central / tm.forward)
        Image(plots.to_png(backprop_cost.cost_figure(times, lang=LANG)))
        """,
        ignore_output=True,
    ),
    md(
        zh=r"""
        双对数坐标下，中心差分（红）的斜率约为1，紧跟虚线“$2n\times$一次前向传播”；反向传播（蓝）与一次前向传播（绿）几乎平行，只高出一个小的常数倍。对这么小的网络，一次前向传播的时间主要是Python和NumPy的调用开销，所以绿线和蓝线几乎是平的；网络再大，它们才会随$n$增长，但两者之比仍是一个小的常数。具体的秒数每次运行都不同，上面的计数才是可重复的结论。

        ## 5. 内存：反向传播存下的激活值

        反向传播的快是用内存换来的：前向传播要把每层的输出$a^{(l)}$都留到反向传播用完为止，第$l$层是$m\times n_l$个数，float64每个8字节。下面以一个784-256-256-10的网络（28×28像素的手写数字图片的常见规模）、$m=64$为例，按公式算出每层的字节数，并与一次真实前向传播所存数组的`nbytes`对照：
        """,
        en=r"""
        On log-log axes central differences (red) have slope about 1 and stay close to the
        dotted line "$2n\times$ one forward pass"; backpropagation (blue) runs parallel to one forward pass (green), a small constant
        factor above it. For nets this small a forward pass's time is mostly the overhead of
        calling Python and NumPy, so the green and blue lines are nearly flat; on bigger nets
        they grow with $n$ too, their ratio still a small constant. The seconds differ from run
        to run; the counts above are the repeatable result.

        ## 5. Memory: the activations backpropagation keeps

        Backpropagation pays for its speed in memory: the forward pass must keep every layer's
        output $a^{(l)}$ until the backward pass has used it, $m\times n_l$ numbers at layer
        $l$, 8 bytes each in float64. For a 784-256-256-10 network (the usual size for
        28×28-pixel handwritten digits) and $m = 64$, the bytes per layer by the formula,
        next to the `nbytes` of the arrays one real forward pass keeps:
        """,
    ),
    code(
        """
        sizes = (784, 256, 256, 10)
        m = 64
        big = bpcore.Network.from_sizes(sizes, rng=0)
        kept = matrix_form.forward(big, np.random.default_rng(0).uniform(size=(m, sizes[0]))).nbytes
        formula = backprop_cost.activation_bytes(sizes, m)
        display(Table(columns("12.memory_table", LANG), [(f"a⁽{'⁰¹²³'[l]}⁾", f"({m}, {n})", f, k) for l, (n, f, k) in enumerate(zip(sizes, formula, kept))],
                      lang=LANG))
        weights = big.flat().nbytes
        say("12.memory", lang=LANG, n=sum(formula), m=weights)
        """
    ),
    md(
        zh=r"""
        激活值的内存与批量大小$m$成正比，参数的内存与$m$无关。这里$m=64$时激活值约是参数（约27万个数）的三分之一；$m$增大到几百，激活值就超过参数本身。层数越多、批越大，这部分越可观，这就是训练比单纯预测占内存多得多的原因（预测时每层算完就可以丢掉上一层的输出）。

        ## 小结

        - 按`bpcore`的约定（$W^{(l)}$为$(n_{l-1},n_l)$，样本按行排列）：$\delta^{(L)}=(a^{(L)}-Y)\odot f'(z^{(L)})$，$\delta^{(l)}=(\delta^{(l+1)}W^{(l+1)\top})\odot f'(z^{(l)})$，$\partial E/\partial W^{(l)}=a^{(l-1)\top}\delta^{(l)}/m$；单个样本写成列向量时是$\delta^{(l)}=(W^{(l+1)}\delta^{(l+1)})\odot f'(z^{(l)})$。梯度与参数同形。
        - 教材的$g_j=-\delta^{(2)}_j$，$e_h=-\delta^{(1)}_h$；阈值相减使$\partial E_k/\partial\theta_j=g_j$。
        - 一个十几行的循环就能对任意层数求梯度，与引擎一致到舍入误差，与中心差分一致到$10^{-6}$以内。
        - 中心差分恰好要$2n$次前向传播；反向传播的乘加次数在2到3次前向传播之间，与$n$无关。
        - 代价是内存：前向传播要为每层保存$m\times n_l$个数。

        ## 练习

        1. **写代码**：补全下面的`layer_backward`，实现一个Sigmoid隐藏层的反向一步：给定$\delta^{(l+1)}$、$W^{(l+1)}$、$a^{(l)}$、$a^{(l-1)}$，返回$\delta^{(l)}$和$\partial E/\partial W^{(l)}$。检查器在随机形状的网络上把你的结果与`bpcore`和中心差分比较，并指出常见错误：漏了$\frac1m$、转置放错、把$f'$当成了对输出再求一次Sigmoid。
        2. **写代码**：补全`backward_loop`，写出整个$L$层Sigmoid网络的反向传播（只求权重的梯度）：给定$W^{(1)},\dots,W^{(L)}$、前向传播存下的$a^{(0)},\dots,a^{(L)}$和$Y$，从$\delta^{(L)}$开始逐层向下，返回$[\partial E/\partial W^{(1)},\dots,\partial E/\partial W^{(L)}]$。不要调用`bpcore`。检查器在2到4层的随机网络上比较，并指出第一个出错的层。
        3. 用中心差分求2-3-1网络的梯度，一共要做多少次前向传播？
        4. 第5节的784-256-256-10网络在$m=64$时，所有激活值（包括输入）一共多少字节？
        5. 同一网络、同样的批，反向传播一次梯度的乘加次数是一次前向传播的多少倍？
        """,
        en=r"""
        Activation memory grows with the batch size $m$; parameter memory does not. At
        $m = 64$ the activations here take about a third of what the parameters (some 270,000
        numbers) take; at a batch of a few hundred they exceed the parameters themselves. The
        deeper the net and the larger the batch, the more this matters, which is why training
        needs far more memory than prediction (which may drop each layer's input as soon as the
        layer is done).

        ## Summary

        - In `bpcore`'s convention ($W^{(l)}$ of shape $(n_{l-1}, n_l)$, samples as rows):
          $\delta^{(L)} = (a^{(L)} - Y)\odot f'(z^{(L)})$,
          $\delta^{(l)} = (\delta^{(l+1)}W^{(l+1)\top})\odot f'(z^{(l)})$,
          $\partial E/\partial W^{(l)} = a^{(l-1)\top}\delta^{(l)}/m$; for one sample as a
          column vector, $\delta^{(l)} = (W^{(l+1)}\delta^{(l+1)})\odot f'(z^{(l)})$. Every
          gradient has its parameter's shape.
        - The textbook's $g_j = -\delta^{(2)}_j$ and $e_h = -\delta^{(1)}_h$; the subtracted
          threshold makes $\partial E_k/\partial\theta_j = g_j$.
        - A loop of a dozen lines computes the gradient of any depth, agreeing with the engine
          to rounding and with central differences to within $10^{-6}$.
        - Central differences take exactly $2n$ forward passes; backpropagation's multiply-adds
          are between 2 and 3 forward passes, whatever $n$ is.
        - The price is memory: the forward pass keeps $m\times n_l$ numbers per layer.

        ## Exercises

        1. **Code it**: complete `layer_backward` below, the backward step of one sigmoid
           hidden layer: given $\delta^{(l+1)}$, $W^{(l+1)}$, $a^{(l)}$ and $a^{(l-1)}$, return
           $\delta^{(l)}$ and $\partial E/\partial W^{(l)}$. The checker compares your result
           with `bpcore` and with central differences on networks of random shapes, and names
           the classic mistakes: a missing $\frac1m$, a transpose in the wrong place, $f'$
           taken by applying the sigmoid to the output once more.
        2. **Code it**: complete `backward_loop`, the whole backward pass of an $L$-layer
           sigmoid network (weight gradients only): given $W^{(1)}, \dots, W^{(L)}$, the
           stored $a^{(0)}, \dots, a^{(L)}$ and $Y$, start from $\delta^{(L)}$, go down layer
           by layer and return $[\partial E/\partial W^{(1)}, \dots, \partial E/\partial W^{(L)}]$.
           Do not call `bpcore`. The checker compares on random nets of 2 to 4 layers and
           names the first layer that is wrong.
        3. How many forward passes does the central-difference gradient of a 2-3-1 network
           take?
        4. For section 5's 784-256-256-10 network at $m = 64$, how many bytes do all the
           activations (the input included) take?
        5. For the same network and batch, how many times the multiply-adds of one forward pass
           does one backpropagation gradient take?
        """,
    ),
    *exercise(
        "12-layer",
        answer="layer_backward",
        source="""
        # zh: 练习1：delta_next (m, n_{l+1})，W_next (n_l, n_{l+1})，a (m, n_l) = f(z)，a_prev (m, n_{l-1})；返回 (delta, dW)
        # en: Exercise 1: delta_next (m, n_{l+1}), W_next (n_l, n_{l+1}), a (m, n_l) = f(z), a_prev (m, n_{l-1}); return (delta, dW)
        def layer_backward(delta_next, W_next, a, a_prev):
            ### BEGIN SOLUTION
            delta = (delta_next @ W_next.T) * a * (1 - a)
            return delta, a_prev.T @ delta / len(a)
            ### END SOLUTION
        """,
    ),
    *exercise(
        "12-loop",
        answer="backward_loop",
        source="""
        # zh: 练习2：Ws[l-1] = W⁽ˡ⁾ (n_{l-1}, n_l)，a[l] = a⁽ˡ⁾ (m, n_l)，a[0] = X，a[L] = ŷ；返回 [dW⁽¹⁾, …, dW⁽ᴸ⁾]
        # en: Exercise 2: Ws[l-1] = W⁽ˡ⁾ (n_{l-1}, n_l), a[l] = a⁽ˡ⁾ (m, n_l), a[0] = X, a[L] = ŷ; return [dW⁽¹⁾, …, dW⁽ᴸ⁾]
        def backward_loop(Ws, a, Y):
            ### BEGIN SOLUTION
            L, m = len(Ws), len(Y)
            delta = (a[L] - Y) * a[L] * (1 - a[L])
            dWs = [None] * L
            for l in range(L, 0, -1):
                dWs[l - 1] = a[l - 1].T @ delta / m
                if l > 1:
                    delta = (delta @ Ws[l - 1].T) * a[l - 1] * (1 - a[l - 1])
            return dWs
            ### END SOLUTION
        """,
    ),
    *exercise(
        "12-passes",
        source="""
        # zh: 练习3：把 None 换成你的答案
        # en: Exercise 3: replace None with your answer
        ### BEGIN SOLUTION
        answer = 2 * bpcore.Network.from_sizes((2, 3, 1), rng=0).spec.n_params
        ### END SOLUTION
        """,
        stub="answer = None",
    ),
    *exercise(
        "12-memory",
        source="""
        # zh: 练习4
        # en: Exercise 4
        ### BEGIN SOLUTION
        answer = sum(backprop_cost.activation_bytes((784, 256, 256, 10), m=64))
        ### END SOLUTION
        """,
        stub="answer = None",
    ),
    *exercise(
        "12-ratio",
        source="""
        # zh: 练习5：用第4节的公式算，也可以用 matrix_form.Tally 数
        # en: Exercise 5: from section 4's formula, or counted with matrix_form.Tally
        ### BEGIN SOLUTION
        forward_ma, backward_ma = matrix_form.multiply_adds((784, 256, 256, 10), 64)
        answer = (forward_ma + backward_ma) / forward_ma
        ### END SOLUTION
        """,
        stub="answer = None",
    ),
]
