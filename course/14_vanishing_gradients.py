"""Lesson 14: vanishing gradients and initialisation. σ′ ≤ ¼; the gradient norm per layer of a
deep sigmoid net against tanh and ReLU; Xavier/He scales with a measured check; symmetry
breaking, with tutorial 001's all-ones start argued completely."""

from _cells import code, exercise, md

TITLE = dict(
    zh="梯度消失与初始化：深层网络为什么难训练",
    en="Vanishing gradients and initialisation: why deep nets are hard to train",
)

CELLS = [
    md(
        zh=r"""
        **目标**：用SymPy证明$\sigma'(z)\le\frac14$；测量一个8个隐藏层的深层网络里每一层的梯度大小，看Sigmoid的梯度怎样一层层变小（梯度消失），再和tanh、ReLU比较；用方差的推导得出Xavier与He初始化的尺度，并实测验证；最后把第09课的“对称性”讲完整：教程001全为1的初值为什么让隐藏层单元永远相同，以及为什么这还需要数据在$x_1\leftrightarrow x_2$下对称。

        **前置知识**：Sigmoid及其导数（第02课），反向传播（第05、06课），异或与对称性（第09课），梯度检验（第11课）。
        """,
        en=r"""
        **Goal**: prove $\sigma'(z) \le \frac14$ with SymPy; measure the gradient of every
        layer of a deep net with 8 hidden layers and watch the sigmoid's shrink layer by layer
        (vanishing gradients), against tanh and ReLU; derive the scales of Xavier and He
        initialisation from the variances and check them by measurement; finish lesson 09's
        symmetry argument: why tutorial 001's all-ones start keeps the hidden units identical
        forever, and why its full consequence also needs the data to be symmetric under
        $x_1 \leftrightarrow x_2$.

        **Prerequisites**: the sigmoid and its derivative (lesson 02), backpropagation
        (lessons 05 and 06), XOR and symmetry (lesson 09), gradient checking (lesson 11).
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

        from bpcore import deepnets, examples, plots
        from bpcore.lessons import columns, text
        from bpcore.tables import Table
        """
    ),
    md(
        zh=r"""
        ## 1. $\sigma'(z)\le\frac14$

        第02课得到$\sigma'(z)=\sigma(z)\,(1-\sigma(z))$。令二阶导数为0求极值点，再看$z\to\pm\infty$时的极限：
        """,
        en=r"""
        ## 1. $\sigma'(z) \le \frac14$

        Lesson 02 found $\sigma'(z) = \sigma(z)\,(1 - \sigma(z))$. Set the second derivative to
        0 for the critical point, and look at the limits as $z \to \pm\infty$:
        """,
    ),
    code(
        """
        import sympy as sp

        bound = deepnets.sigmoid_prime_bound()
        Markdown(
            "$$\\\\sigma'(z) = " + sp.latex(bound["derivative"]) + ",\\\\quad \\\\sigma''(z) = 0 \\\\iff z = "
            + sp.latex(bound["critical"][0]) + ",\\\\quad \\\\sigma'(0) = " + sp.latex(bound["max"])
            + ",\\\\quad \\\\lim_{z\\\\to\\\\pm\\\\infty}\\\\sigma'(z) = " + sp.latex(bound["limit"][0]) + "$$"
        )
        """
    ),
    md(
        zh=r"""
        唯一的极值点在$z=0$，两端趋于0，所以$\sigma'$的最大值是$\frac14$。反向传播每经过一个Sigmoid层，误差项就要乘一次$\sigma'$（矩阵形式）：

        $$\delta^{(l)}=\left(\delta^{(l+1)}W^{(l+1)\top}\right)\odot\sigma'(z^{(l)})$$

        于是$\|\delta^{(l)}\|\le\frac14\,\|W^{(l+1)}\|_2\,\|\delta^{(l+1)}\|$：如果权重不大，每往输入方向走一层，梯度至少缩小到四分之一左右。
        """,
        en=r"""
        The only critical point is $z = 0$ and both ends go to 0, so the largest $\sigma'$ is
        $\frac14$. Backpropagation multiplies the error term by $\sigma'$ at every sigmoid
        layer (matrix form):

        $$\delta^{(l)} = \left(\delta^{(l+1)} W^{(l+1)\top}\right) \odot \sigma'(z^{(l)})$$

        so $\|\delta^{(l)}\| \le \frac14\,\|W^{(l+1)}\|_2\,\|\delta^{(l+1)}\|$: unless the
        weights are large, the gradient shrinks by about a quarter or more with every layer
        towards the input.
        """,
    ),
    md(
        zh=r"""
        ## 2. 每一层的梯度

        一个10-32-32-32-32-32-32-32-32-1的网络（8个隐藏层，每层32个单元，输出Sigmoid），64个随机样本。三种隐藏层激活：Sigmoid与tanh用Xavier初始化，ReLU用He初始化（第3节解释这两种尺度）。对每一层算$\|\partial E/\partial W^{(l)}\|$（`deepnets.layer_gradient_norms`，测试里已与中心差分对照）：
        """,
        en=r"""
        ## 2. The gradient of every layer

        A 10-32-32-32-32-32-32-32-32-1 net (8 hidden layers of 32 units, sigmoid output), 64
        random samples. Three hidden activations: sigmoid and tanh with Xavier
        initialisation, ReLU with He initialisation (section 3 explains both scales). For
        every layer, $\|\partial E/\partial W^{(l)}\|$ (`deepnets.layer_gradient_norms`, checked
        against central differences in the tests):
        """,
    ),
    code(
        """
        rng = np.random.default_rng(14)
        Xd = rng.normal(size=(64, 10))
        Yd = (rng.uniform(size=(64, 1)) < 0.5).astype(float)
        sizes = (10, *[32] * 8, 1)
        setups = {"sigmoid": "xavier", "tanh": "xavier", "relu": "he"}
        norms = {}
        for act, init in setups.items():
            deep = deepnets.deep_network(sizes, activation=act, init=init, rng=0)
            norms[f"{act} ({init})"] = deepnets.layer_gradient_norms(deep, Xd, Yd)
        layers = np.arange(1, len(sizes))
        curves = {name: (layers, g) for name, g in norms.items()}
        Image(plots.to_png(plots.curves_figure(
            curves, lang=LANG, xlabel=text("14.layer_axis", LANG),
            ylabel="‖∂E/∂W⁽ˡ⁾‖", title=text("14.per_layer_title", LANG))))
        """
    ),
    code(
        """
        Table(columns("14.ratio_table", LANG), [(name, f"{g[0]:.2e}", f"{g[7]:.2e}", f"{g[0] / g[7]:.2e}")
                       for name, g in norms.items()], lang=LANG)
        """
    ),
    md(
        zh=r"""
        Sigmoid网络最靠近输入的一层，梯度比第8层小好几个数量级：同样的学习率下，前面的层几乎不动。tanh的导数最大是1（在0处），ReLU在正半轴的导数就是1，它们的梯度从后往前基本保持在同一个量级。
        """,
        en=r"""
        In the sigmoid net the layer next to the input gets a gradient several orders of
        magnitude smaller than layer 8: with the same learning rate the early layers hardly
        move. tanh's derivative is at most 1 (at 0), ReLU's is exactly 1 for positive inputs:
        their gradients stay at about the same size from the last layer to the first.
        """,
    ),
    md(
        zh=r"""
        ## 3. 初始化的尺度：Xavier与He

        一层的加权和$a_h=\sum_i x_iv_{ih}$。权重独立、均值为0、方差$\mathrm{Var}(w)$时，

        $$\mathrm{Var}(a_h)=n_{\text{in}}\,\mathrm{Var}(w)\,\mathbb E[x^2]$$

        - 要让它逐层不变（tanh、Sigmoid在0附近近似线性），取$\mathrm{Var}(w)=1/n_{\text{in}}$，标准差$1/\sqrt{n_{\text{in}}}$：**Xavier**初始化（这里用它的$1/n_{\text{in}}$形式）。
        - ReLU把一半的输入变成0：$z$关于0对称时$\mathbb E[\mathrm{relu}(z)^2]=\mathrm{Var}(z)/2$。要补上这一半，取$\mathrm{Var}(w)=2/n_{\text{in}}$：**He**初始化。

        实测：256个单元宽、5层，每层输出的均方根$\sqrt{\mathbb E[\text{out}^2]}$（输入的均方根是1）。标准差太小，信号逐层消失；太大，tanh饱和在±1：
        """,
        en=r"""
        ## 3. Initialisation scales: Xavier and He

        A layer's weighted sum is $a_h = \sum_i x_i v_{ih}$. With independent weights of mean
        0 and variance $\mathrm{Var}(w)$,

        $$\mathrm{Var}(a_h) = n_{\text{in}}\,\mathrm{Var}(w)\,\mathbb E[x^2]$$

        - To keep it the same from layer to layer (tanh and the sigmoid are nearly linear
          near 0), take $\mathrm{Var}(w) = 1/n_{\text{in}}$, standard deviation
          $1/\sqrt{n_{\text{in}}}$: **Xavier** initialisation (in its $1/n_{\text{in}}$ form).
        - ReLU zeroes half of its inputs: for $z$ symmetric about 0,
          $\mathbb E[\mathrm{relu}(z)^2] = \mathrm{Var}(z)/2$. To make up for that half, take
          $\mathrm{Var}(w) = 2/n_{\text{in}}$: **He** initialisation.

        Measured: 256 units wide, 5 layers, the root mean square $\sqrt{\mathbb E[\text{out}^2]}$
        of every layer's output (the input's is 1). Too small a standard deviation and the
        signal fades layer by layer; too large and tanh saturates at ±1:
        """,
    ),
    code(
        """
        Xw = np.random.default_rng(7).normal(size=(400, 256))
        n = 256
        cases = [
            ("tanh", 0.1 / np.sqrt(n), text("14.tanh_small", LANG)),
            ("tanh", "xavier", "tanh, Xavier 1/√n"),
            ("tanh", 5 / np.sqrt(n), text("14.tanh_large", LANG)),
            ("relu", "xavier", "ReLU, Xavier 1/√n"),
            ("relu", "he", "ReLU, He √(2/n)"),
        ]
        rows = []
        for act, init, name in cases:
            wide = deepnets.deep_network((n,) * 6, activation=act, output_activation=act, init=init, rng=1)
            rows.append((name, *deepnets.activation_scales(wide, Xw)))
        header = [text("14.activation_init", LANG), *[f"l = {k}" for k in range(1, 6)]]
        Table(header, rows, decimals=3, lang=LANG)
        """
    ),
    md(
        zh=r"""
        标准差0.1/√n时，信号每层缩小约10倍，几层之后就没了；5/√n时，tanh几乎都饱和在±1（均方根接近1，导数接近0）。Xavier下tanh的信号只是慢慢变小（$|\tanh z|<|z|$，每层略有压缩），比前两种好得多。ReLU用Xavier时每层乘以约$1/\sqrt2\approx0.707$，用He时保持在1附近，与推导一致。
        """,
        en=r"""
        With std 0.1/√n the signal shrinks about tenfold per layer and is gone after a few
        layers; with 5/√n almost every tanh unit saturates at ±1 (root mean square near 1,
        derivative near 0). With Xavier, tanh's signal only fades slowly ($|\tanh z| < |z|$
        squeezes it a little per layer), far better than either. ReLU with Xavier loses a
        factor of about $1/\sqrt2 \approx 0.707$ per layer; with He it stays near 1, as
        derived.
        """,
    ),
    md(
        zh=r"""
        ## 4. 对称性破缺：把论证讲完整

        教程001的初值所有权重和偏置都是1。这里有**两种**相等：

        1. **单元之间**：每个隐藏单元$h$的输入权重$v_{1h},v_{2h}$、偏置、输出权重$w_h$都一样。
        2. **输入之间**：每个单元里$v_{1h}=v_{2h}$。

        **单元之间的相等永远保持，与数据无关。**若所有单元的参数相同，则每个样本上$\alpha_h$、$b_h$对所有$h$相同；$e_h=b_h(1-b_h)\sum_j w_{hj}g_j$也相同；于是$\partial E/\partial v_{ih}=-\sum_k e_h^{(k)}x_i^{(k)}$、$\partial E/\partial w_{hj}=-\sum_k g_j^{(k)}b_h^{(k)}$对所有$h$相同，一步之后参数仍相同。归纳下去，三个单元永远是同一个单元。

        **输入之间的相等需要数据的对称。**$v_{1h}$与$v_{2h}$的梯度之差是$-\sum_k e_h^{(k)}\,(x_1^{(k)}-x_2^{(k)})$。若$v_{1h}=v_{2h}$，网络只看得到$s=x_1+x_2$，$e_h^{(k)}$只依赖于$s^{(k)}$和$y^{(k)}$。如果数据集在交换$x_1\leftrightarrow x_2$下不变（异或正是如此：$(0,1,1)$与$(1,0,1)$成对），成对的两个样本$e_h$相同而$x_1-x_2$相反，和为0，相等就保持。不对称的数据（例如$x_1$且非$x_2$）没有这种配对，两个权重就分开了。

        **两者合在一起**，网络就等于只有**一个**隐藏单元、只看$s=x_1+x_2$：输出是$s$的单调函数（Sigmoid套Sigmoid），而异或要求$s=0,1,2$时输出$0,1,0$，不可能。这就是第09课“全相等学不会”的完整理由。实测：
        """,
        en=r"""
        ## 4. Symmetry breaking: the complete argument

        Tutorial 001 starts with every weight and bias equal to 1. That is **two** kinds of
        equality:

        1. **between units**: every hidden unit $h$ has the same input weights
           $v_{1h}, v_{2h}$, bias and output weight $w_h$;
        2. **between inputs**: inside every unit, $v_{1h} = v_{2h}$.

        **Equality between units lasts forever, whatever the data.** If all units have the
        same parameters, then on every sample $\alpha_h$ and $b_h$ are the same for all $h$;
        so is $e_h = b_h(1 - b_h)\sum_j w_{hj} g_j$; so
        $\partial E/\partial v_{ih} = -\sum_k e_h^{(k)} x_i^{(k)}$ and
        $\partial E/\partial w_{hj} = -\sum_k g_j^{(k)} b_h^{(k)}$ are the same for all $h$, and
        after one step the parameters are still equal. By induction the three units remain
        one unit.

        **Equality between inputs needs the data's symmetry.** The gradients of $v_{1h}$ and
        $v_{2h}$ differ by $-\sum_k e_h^{(k)}\,(x_1^{(k)} - x_2^{(k)})$. With $v_{1h} = v_{2h}$
        the net sees only $s = x_1 + x_2$, and $e_h^{(k)}$ depends only on $s^{(k)}$ and
        $y^{(k)}$. If the data set is unchanged by swapping $x_1 \leftrightarrow x_2$ (XOR is:
        $(0, 1, 1)$ pairs with $(1, 0, 1)$), the two samples of a pair have the same $e_h$ and
        opposite $x_1 - x_2$: the sum is 0 and the equality lasts. Asymmetric data (say
        $x_1$ and not $x_2$) has no such pairs, and the two weights drift apart.

        **Both together** make the net a net with **one** hidden unit that sees only
        $s = x_1 + x_2$: its output is a monotone function of $s$ (a sigmoid of a sigmoid),
        while XOR needs outputs $0, 1, 0$ at $s = 0, 1, 2$: impossible. That is the complete
        reason behind lesson 09's "equal weights cannot learn it". Measured:
        """,
    ),
    code(
        """
        ex = examples.get("t001_xor")
        X, Y = ex.X, ex.Y
        ones = ex.network
        # zh: 教程001的全1初值，隐藏层换成Sigmoid（第09课）
        # en: tutorial 001's all-ones start, with sigmoid hidden units (lesson 09)
        start = bpcore.Network([bpcore.Layer(ones.layers[0].W, ones.layers[0].offset, "sigmoid", "bias"),
                                ones.layers[1].copy()])
        uneven = start.copy()
        uneven.layers[1].W = np.array([[1.0], [2.0], [3.0]])
        y_and_not = np.array([[0.0], [0.0], [1.0], [0.0]])
        runs = [
            (text("14.ones_xor", LANG), start, Y),
            (text("14.ones_and_not", LANG), start, y_and_not),
            (text("14.uneven_xor", LANG), uneven, Y),
        ]
        rows = []
        for name, net0, target in runs:
            h = bpcore.train(net0, X, target, eta=0.5, epochs=3000, mode="accumulated")
            rows.append((name, f"{deepnets.unit_spread(h.net):.1e}", f"{deepnets.input_spread(h.net):.1e}",
                         f"{h.final_loss:.4f}"))
        Table(columns("14.symmetry_table", LANG), rows, lang=LANG)
        """
    ),
    md(
        zh=r"""
        第一行：两种相等都保持（差为0），异或学不会。第二行：数据不对称，$v_{1h}$与$v_{2h}$分开了，但三个单元仍然相同（单元之间的相等与数据无关）。第三行：输出权重不同，单元之间的相等从第一步起就被打破；数据仍然对称，所以$v_{1h}=v_{2h}$照样保持（差为0），每个单元仍只看$x_1+x_2$，可网络却学会了异或：几个**不同**的$s$的函数可以拼出$s=0,1,2$时的$0,1,0$。所以只有输入之间的相等并不妨碍学习，学不会需要两种相等同时成立。随机初始化同时打破两种相等。

        ## 小结

        - $\sigma'(z)\le\frac14$（SymPy：唯一极值点$z=0$）；反向传播每过一个Sigmoid层，$\delta$至多乘以$\frac14\|W\|_2$，深层Sigmoid网络前面几层的梯度消失。tanh与ReLU的导数可达1，梯度逐层保持得好得多。
        - $\mathrm{Var}(a)=n_{\text{in}}\mathrm{Var}(w)\mathbb E[x^2]$：Xavier取$\mathrm{Var}(w)=1/n_{\text{in}}$，ReLU丢掉一半所以He取$2/n_{\text{in}}$；实测的均方根与推导一致。
        - 全相等的初值：单元之间的相等对任何数据都永远保持；输入之间的相等只在数据关于$x_1\leftrightarrow x_2$对称时保持；两者合起来，网络只剩一个只看$x_1+x_2$的单元，学不会异或。

        ## 练习

        1. 写一个函数`he_std(n_in)`：返回He初始化下、输入个数为`n_in`的ReLU层的权重标准差。
        2. 写一个函数`sigmoid_shrink(L)`：只考虑$\sigma'$，经过$L$个Sigmoid层后$\delta$最多能被乘以多少？
        """,
        en=r"""
        Row one: both equalities last (differences 0) and XOR is not learned. Row two: the
        data is asymmetric, $v_{1h}$ and $v_{2h}$ drift apart, but the three units stay
        identical (equality between units does not depend on the data). Row three:
        different output weights break the equality between units from the first step; the
        data is still symmetric, so $v_{1h} = v_{2h}$ still lasts (difference 0) and every
        unit still sees only $x_1 + x_2$, yet the net learns XOR: several **different**
        functions of $s$ can add up to $0, 1, 0$ at $s = 0, 1, 2$. Equality between inputs
        alone does not stop learning; failure needs both equalities at once. A random start
        breaks both.

        ## Summary

        - $\sigma'(z) \le \frac14$ (SymPy: the only critical point is $z = 0$); at every
          sigmoid layer backpropagation multiplies $\delta$ by at most $\frac14\|W\|_2$, so the
          early layers of a deep sigmoid net get vanishing gradients. tanh and ReLU have
          derivatives up to 1 and keep the gradient's size far better.
        - $\mathrm{Var}(a) = n_{\text{in}}\mathrm{Var}(w)\mathbb E[x^2]$: Xavier takes
          $\mathrm{Var}(w) = 1/n_{\text{in}}$; ReLU drops half, so He takes $2/n_{\text{in}}$;
          the measured root mean squares agree with the derivation.
        - An all-equal start: equality between units lasts for any data; equality between
          inputs lasts only when the data is symmetric under $x_1 \leftrightarrow x_2$;
          together they leave one unit that sees only $x_1 + x_2$, which cannot learn XOR.

        ## Exercises

        1. Write a function `he_std(n_in)`: the standard deviation of He initialisation for
           the weights into a ReLU layer with `n_in` inputs.
        2. Write a function `sigmoid_shrink(L)`: counting $\sigma'$ only, by at most what
           factor can $\delta$ be multiplied after $L$ sigmoid layers?
        """,
    ),
    *exercise(
        "14-he",
        answer="he_std",
        source="""
        # zh: 练习1：He 初始化的标准差
        # en: Exercise 1: He's standard deviation
        def he_std(n_in):
            ### BEGIN SOLUTION
            return (2.0 / n_in) ** 0.5
            ### END SOLUTION
        """,
    ),
    *exercise(
        "14-shrink",
        answer="sigmoid_shrink",
        source="""
        # zh: 练习2：L 个 Sigmoid 层里 σ′ 最多把 δ 乘以多少
        # en: Exercise 2: the largest factor σ′ can multiply δ by over L sigmoid layers
        def sigmoid_shrink(L):
            ### BEGIN SOLUTION
            return 0.25**L
            ### END SOLUTION
        """,
    ),
]
