"""Lesson 11: gradient checking. Central differences, the relative error, a bug caught."""

from _cells import code, exercise, md

TITLE = dict(
    zh="梯度检验：中心差分、相对误差，符号=数值=有限差分",
    en="Checking gradients: central differences, the relative error, symbolic = numeric = finite differences",
)

CELLS = [
    md(
        zh=r"""
        **目标**：学会用中心差分（central difference）检验反向传播算出的梯度：为什么步长取$\varepsilon\approx10^{-4}$，相对误差（relative error）怎样定义、多大算对、多大算错；亲手抓住一个故意写错的反向传播；最后让三条独立的路线——SymPy符号求导、`bpcore`的数值反向传播、有限差分（以及装了PyTorch时的自动微分）——给出同一组梯度。

        **前置知识**：反向传播的公式$g_j$、$e_h$与四条更新规则（第05、06课），导数的定义，泰勒展开。
        """,
        en=r"""
        **Goal**: learn to check the gradients backpropagation computes with central
        differences: why the step is $\varepsilon \approx 10^{-4}$, how the relative error is
        defined and how large is right or wrong; catch a deliberately broken backward pass;
        and make three independent routes — SymPy's symbolic derivative, `bpcore`'s numeric
        backward pass and finite differences (plus PyTorch's autograd when it is installed) —
        give the same gradients.

        **Prerequisites**: the backpropagation formulas for $g_j$, $e_h$ and the four update
        rules (lessons 05 and 06), the definition of the derivative, Taylor expansion.
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

        from bpcore import examples, plots
        from bpcore.i18n import t
        from bpcore.lessons import columns, say, text
        from bpcore.tables import Table


        def num(x, digits=6):
            return f"{x:.{digits}g}".replace("-", "−")


        # zh: 舍入误差那几位会随CPU和NumPy版本变化，所以很小的误差只报告它低于哪个界
        # en: the digits set by rounding vary with the CPU and NumPy build, so tiny errors are
        # en: reported by the bound they are below
        def err(r, bound=1e-8):
            return f"< {bound:.0e}" if r < bound else num(r, 2)
        """
    ),
    md(
        zh=r"""
        ## 1. 为什么要检验

        反向传播的代码写错了，程序往往不会报错，损失也照样下降。唯一可靠的办法是拿一个**不依赖反向传播**的梯度来对照：导数的定义本身。

        $$\frac{\partial E}{\partial w} = \lim_{\varepsilon\to0}\frac{E(w+\varepsilon)-E(w-\varepsilon)}{2\varepsilon}$$

        取一个小的$\varepsilon$，每次只挪动一个参数，计算两次损失，就得到该参数的数值梯度。它慢（每个参数两次前向传播），但简单到几乎不会写错。

        本课用教材的2-2-2网络（带阈值，数字取自教程003/004：输入$(0.05,0.10)$，目标值$(0.01,0.99)$，$\theta=-b$）：
        """,
        en=r"""
        ## 1. Why check

        A backward pass with a bug rarely crashes, and the loss often goes down all the same. The one reliable test is to compare it
        with a gradient that does **not** come from backpropagation: the definition of the
        derivative itself.

        $$\frac{\partial E}{\partial w} = \lim_{\varepsilon\to 0}\frac{E(w+\varepsilon) - E(w-\varepsilon)}{2\varepsilon}$$

        Take a small $\varepsilon$, move one parameter at a time, compute the loss twice, and
        you have that parameter's numeric gradient. It is slow (two forward passes per
        parameter) but so simple that it is hard to get wrong.

        This lesson uses the textbook's 2-2-2 network (with thresholds, numbers from tutorials
        003/004: input $(0.05, 0.10)$, targets $(0.01, 0.99)$, $\theta = -b$):
        """,
    ),
    code(
        """
        ex = examples.get("t002_textbook")
        # zh: tb 是教材视角的网络（v、gamma、w、theta），net 是同一组数的通用网络
        # en: tb is the textbook's view (v, gamma, w, theta); net is the generic network of the same numbers
        tb = ex.network
        net = tb.network
        X, Y = ex.X, ex.Y
        # zh: 按 Network.flat() 的顺序给每个参数起教材中的名字
        # en: the textbook's name of every parameter, in Network.flat() order
        symbols = plots.symbols(net.spec.sizes, net.spec.offsets)
        names = []
        for W, offsets in zip(symbols["W"], symbols["offset"]):
            names += [s for row in W for s in row] + offsets
        print(ex.title(LANG))
        print(names)
        Image(plots.to_png(plots.network_figure(tb, lang=LANG)))
        """
    ),
    md(
        zh=r"""
        ## 2. 中心差分与步长$\varepsilon$

        为什么用中心差分$\frac{E(w+\varepsilon)-E(w-\varepsilon)}{2\varepsilon}$，而不是前向差分$\frac{E(w+\varepsilon)-E(w)}{\varepsilon}$？把$E$在$w$处做泰勒展开：

        $$E(w\pm\varepsilon)=E\pm\varepsilon E'+\frac{\varepsilon^2}{2}E''\pm\frac{\varepsilon^3}{6}E'''+\cdots$$

        前向差分的误差是$\frac{\varepsilon}{2}E''$，与$\varepsilon$成正比；中心差分里偶次项相消，误差是$\frac{\varepsilon^2}{6}E'''$，与$\varepsilon^2$成正比（**截断误差**）。

        那$\varepsilon$越小越好吗？不是。float64只有大约16位有效数字（机器精度$u\approx1.1\times10^{-16}$），$E(w+\varepsilon)$和$E(w-\varepsilon)$各带约$u|E|$的**舍入误差**，相减后再除以$2\varepsilon$，这部分误差约为$u|E|/\varepsilon$，$\varepsilon$越小越大。两者相加：

        $$\text{误差}\approx\frac{\varepsilon^2}{6}|E'''|+\frac{u|E|}{\varepsilon}$$

        在$\varepsilon$约为$u^{1/3}\approx10^{-5}$的数量级时最小（具体位置还取决于$|E|$和$|E'''|$）。下面对12个参数逐一做中心差分，$\varepsilon$从$10^{-1}$扫到$10^{-12}$，画出最大相对误差。`bpcore.numeric_gradient`还提供四阶模板（`order=4`），截断误差与$\varepsilon^4$成正比：
        """,
        en=r"""
        ## 2. Central differences and the step $\varepsilon$

        Why the central difference $\frac{E(w+\varepsilon) - E(w-\varepsilon)}{2\varepsilon}$
        rather than the forward difference $\frac{E(w+\varepsilon) - E(w)}{\varepsilon}$?
        Expand $E$ around $w$:

        $$E(w\pm\varepsilon) = E \pm \varepsilon E' + \frac{\varepsilon^2}{2}E'' \pm \frac{\varepsilon^3}{6}E''' + \cdots$$

        The forward difference is off by $\frac{\varepsilon}{2}E''$, proportional to
        $\varepsilon$; in the central difference the even terms cancel and the error is
        $\frac{\varepsilon^2}{6}E'''$, proportional to $\varepsilon^2$ (the **truncation
        error**).

        Is a smaller $\varepsilon$ always better, then? No. float64 keeps about 16 significant
        digits (machine precision $u \approx 1.1\times 10^{-16}$): $E(w+\varepsilon)$ and
        $E(w-\varepsilon)$ each carry a **rounding error** of about $u|E|$, and after the
        subtraction and the division by $2\varepsilon$ that becomes about $u|E|/\varepsilon$,
        which grows as $\varepsilon$ shrinks. Together:

        $$\text{error} \approx \frac{\varepsilon^2}{6}|E'''| + \frac{u|E|}{\varepsilon}$$

        smallest when $\varepsilon$ is of the order of $u^{1/3} \approx 10^{-5}$ (where exactly
        depends on $|E|$ and $|E'''|$). Below, each
        of the 12 parameters gets a central difference for $\varepsilon$ from $10^{-1}$ down
        to $10^{-12}$, and we plot the largest relative error. `bpcore.numeric_gradient` also
        has a fourth-order stencil (`order=4`) whose truncation error is proportional to
        $\varepsilon^4$:
        """,
    ),
    code(
        """
        analytic = net.gradients(X, Y).flat()
        p0 = net.flat()


        def loss_at(p):
            return net.with_flat(p).loss(X, Y)


        eps = np.logspace(-1, -12, 45)
        def largest_error(e, order):
            numeric = bpcore.numeric_gradient(loss_at, p0, eps=e, order=order)
            return bpcore.relative_error(analytic, numeric).max()


        sweep = {order: np.array([largest_error(e, order) for e in eps]) for order in (2, 4)}
        best_eps = eps[np.argmin(sweep[2])]
        at_1e4 = sweep[2][np.argmin(abs(eps - 1e-4))]
        say("11.at_1e4", text("11.between", LANG) if 1e-9 < at_1e4 < 1e-8 else num(at_1e4), lang=LANG)
        """
    ),
    code(
        """
        Image(plots.to_png(plots.step_error_figure(eps, sweep, lang=LANG)))
        """
    ),
    md(
        zh=r"""
        横轴从左到右$\varepsilon$变小。左边一段沿$\varepsilon^2$的斜率下降（截断误差），右边一段沿$1/\varepsilon$上升并且抖动（舍入误差）；谷底在$10^{-5}$与$10^{-4}$之间，红色竖线$\varepsilon=10^{-4}$处误差约$10^{-9}$。四阶模板的截断误差按$\varepsilon^4$下降，可以用更大的$\varepsilon$（舍入误差更小），谷底更低；代价是每个参数要算4次损失而不是2次。图中两条浅灰横线是下一节的两个阈值$10^{-7}$和$10^{-4}$：$\varepsilon$取$10^{-4}$，离两边都远；取到$10^{-8}$以下，正确的梯度也会被误判。
        """,
        en=r"""
        $\varepsilon$ shrinks from left to right. On the left the error falls along the
        slope of $\varepsilon^2$ (truncation); on the right it climbs, jittering, along
        $1/\varepsilon$ (rounding); the valley lies between $10^{-5}$ and $10^{-4}$, and at the red
        line $\varepsilon = 10^{-4}$ the error is about $10^{-9}$. The order-4 stencil's
        truncation error falls as $\varepsilon^4$, so it can use a larger $\varepsilon$ (with
        less rounding error) and its valley is deeper; the price is four losses per parameter
        instead of two.
        The two light grey lines are the next section's thresholds, $10^{-7}$ and $10^{-4}$:
        $\varepsilon = 10^{-4}$ keeps well clear of both; below $10^{-8}$ even a correct
        gradient starts to look wrong.
        """,
    ),
    md(
        zh=r"""
        ## 3. 相对误差与阈值

        比较解析梯度$a$（反向传播）和数值梯度$n$（有限差分），用的是相对误差

        $$r=\frac{|a-n|}{\max(|a|,|n|)}$$

        （两者都为0时记$r=0$）。为什么不用绝对误差$|a-n|$？梯度的大小差别很大：上面的网络里$\partial E/\partial v_{11}\approx4\times10^{-4}$，$\partial E/\partial \theta_1\approx0.14$；把损失乘以1000，绝对误差也乘以1000，相对误差却不变。下面前三对数的绝对误差都是$10^{-4}$，相对误差却从$10^{-7}$到$0.2$不等（`bpcore.relative_error`）：
        """,
        en=r"""
        ## 3. The relative error and its thresholds

        The analytic gradient $a$ (backpropagation) and the numeric gradient $n$ (finite
        differences) are compared by the relative error

        $$r = \frac{|a - n|}{\max(|a|, |n|)}$$

        ($r = 0$ when both are 0). Why not the absolute error $|a - n|$? Gradients differ
        widely in size: in the network above $\partial E/\partial v_{11} \approx 4\times 10^{-4}$
        while $\partial E/\partial \theta_1 \approx 0.14$; multiply the loss by 1000 and the
        absolute error grows a thousandfold while the relative error stays put. The first three
        pairs below all differ by $10^{-4}$, yet their relative errors range from $10^{-7}$ to
        $0.2$ (`bpcore.relative_error`):
        """,
    ),
    code(
        """
        for a, n in [(1.0, 1.0001), (0.0004, 0.0005), (1000.0, 1000.0001), (0.0, 0.0)]:
            print(f"a = {a:<9} n = {n:<9} r = {num(float(bpcore.relative_error(a, n)), 3)}")
        """
    ),
    md(
        zh=r"""
        在float64、$\varepsilon\approx10^{-4}$、光滑的激活函数（如Sigmoid函数）下，经验阈值是：

        | 相对误差 | 判断 |
        | --- | --- |
        | $r<10^{-7}$ | 梯度正确 |
        | $10^{-7}\le r\le10^{-4}$ | 可疑：看看是不是遇到了不可导点（ReLU的0处）、梯度本身极小，或用了float32 |
        | $r>10^{-4}$ | 几乎肯定有错 |

        `bpcore.check_gradients`对网络的每个参数做一遍，默认$\varepsilon=10^{-4}$：
        """,
        en=r"""
        In float64, with $\varepsilon \approx 10^{-4}$ and a smooth activation (such as the
        sigmoid), the rules of thumb are:

        | relative error | verdict |
        | --- | --- |
        | $r < 10^{-7}$ | the gradient is right |
        | $10^{-7} \le r \le 10^{-4}$ | suspicious: look for a kink (ReLU at 0), a tiny gradient, or float32 |
        | $r > 10^{-4}$ | almost certainly a bug |

        `bpcore.check_gradients` does this for every parameter of a network, with
        $\varepsilon = 10^{-4}$ by default:
        """,
    ),
    code(
        """
        check = bpcore.check_gradients(tb, X, Y)
        display(Table(columns("11.check_table", LANG), [
            (name, num(a, 8), num(n, 6), err(r))
            for name, a, n, r in zip(names, check.analytic, check.numeric, check.error)
        ], lang=LANG))
        say("11.max_and_passed", lang=LANG, err=err(check.max_error), value=check.passed())
        """
    ),
    md(
        zh=r"""
        ## 4. 抓一个故意写错的反向传播

        下面的函数照抄`TextbookNet.gradients`的公式，只在隐藏层误差项里漏掉了一个因子：正确的是$e_h=b_h(1-b_h)\sum_j w_{hj}g_j$（式5.15），这里写成了$e_h=\sum_j w_{hj}g_j$。这是很常见的错误：忘了乘激活函数的导数。
        """,
        en=r"""
        ## 4. Catch a deliberately broken backward pass

        The function below copies the formulas of `TextbookNet.gradients` but drops one factor
        from the hidden error term: the right one is
        $e_h = b_h(1 - b_h)\sum_j w_{hj} g_j$ (eq. 5.15), here it is
        $e_h = \sum_j w_{hj} g_j$. It is a very common mistake: forgetting to multiply by the
        activation's derivative.
        """,
    ),
    code(
        """
        from bpcore.network import TextbookGradients


        def gradients_with_a_bug(tb, X, Y):
            fw = tb.forward(X)
            # zh: 式(5.10)，正确
            # en: eq. (5.10), right
            g = fw.y_hat * (1 - fw.y_hat) * (Y - fw.y_hat)
            # zh: 式(5.15)，错误：漏了因子 b_h (1 − b_h)
            # en: eq. (5.15), WRONG: the factor b_h (1 − b_h) is missing
            e = g @ tb.w.T
            m = len(X)
            return TextbookGradients(
                g=g, e=e, v=-(X.T @ e) / m, gamma=e.mean(axis=0), w=-(fw.b.T @ g) / m, theta=g.mean(axis=0)
            )


        def flat(gr):
            return np.concatenate([gr.v.ravel(), gr.gamma, gr.w.ravel(), gr.theta])


        right, buggy = flat(tb.gradients(X, Y)), flat(gradients_with_a_bug(tb, X, Y))
        numeric = bpcore.numeric_gradient(loss_at, p0)
        r_right, r_buggy = bpcore.relative_error(right, numeric), bpcore.relative_error(buggy, numeric)


        def judge(r):
            key = "11.right" if r < 1e-7 else "11.suspicious" if r <= 1e-4 else "11.bug"
            return text(key, LANG)


        Table(columns("11.bug_table", LANG), [
            (name, num(n), num(a), err(ra), num(b), err(rb), judge(rb))
            for name, n, a, ra, b, rb in zip(names, numeric, right, r_right, buggy, r_buggy)
        ], lang=LANG)
        """
    ),
    md(
        zh=r"""
        检验不但发现了错误，还指出了错在哪里：输出层的$w_{hj}$、$\theta_j$全部正确，隐藏层的$v_{ih}$、$\gamma_h$全部出错。错误就在隐藏层的误差项$e_h$里。

        更要紧的是：只看损失曲线，这个错误发现不了。用两种梯度各做200步梯度下降（$\eta=0.5$），比较真正的损失$E$：
        """,
        en=r"""
        The check not only finds the bug, it points at it: the output layer's $w_{hj}$,
        $\theta_j$ are all right and the hidden layer's $v_{ih}$, $\gamma_h$ are all wrong. The
        bug is in the hidden error term $e_h$.

        More important: the loss curve does not reveal this bug. Take 200 steps of gradient
        descent ($\eta = 0.5$) with each gradient and compare the true loss $E$:
        """,
    ),
    code(
        """
        def descend(gradients, steps=200, eta=0.5):
            current, losses = tb, [tb.network.loss(X, Y)]
            for _ in range(steps):
                gr = gradients(current, X, Y)
                current = bpcore.TextbookNet(current.v - eta * gr.v, current.gamma - eta * gr.gamma,
                                             current.w - eta * gr.w, current.theta - eta * gr.theta)
                losses.append(current.network.loss(X, Y))
            return np.array(losses)


        with_bug = descend(gradients_with_a_bug)
        without_bug = descend(lambda net, X, Y: net.gradients(X, Y))
        say("11.after_200", lang=LANG, first=num(without_bug[-1], 5), last=num(with_bug[-1], 5))
        Image(plots.to_png(plots.loss_figure(
            without_bug, [(text("11.missing", LANG), with_bug)], label=text("11.right_gradient", LANG),
            lang=LANG, xlabel=text("11.gd_steps", LANG))))
        """
    ),
    md(
        zh=r"""
        两条曲线都在下降，写错的那条甚至降得更快：漏掉的因子$b_h(1-b_h)\le\frac14$，去掉它等于把隐藏层的步长放大了大约4倍。训练“能跑”、损失下降，都不能证明梯度是对的；梯度检验才能。

        ## 5. 三条路线，同一组梯度

        `bpcore`的梯度有三种互相独立的来源：

        1. **符号**：SymPy把整个网络写成表达式，对每个参数求导（`bpcore.symbolic.symbolic_net`），再用`lambdify`编译成函数（`bpcore.symbolic.gradient_function`）；
        2. **数值**：引擎的反向传播（`Network.gradients`），即前面各课推导的$g_j$、$e_h$；
        3. **有限差分**：本课的中心差分（`bpcore.numeric_gradient`）。

        先看SymPy推出的两个梯度，它们就是教材的公式（用输出$b_h$、$\hat y_j$表示导数）：
        """,
        en=r"""
        Both curves fall, and the broken one falls even faster: the missing factor
        $b_h(1 - b_h) \le \frac14$, so dropping it makes the hidden layer's steps about four
        times longer. A run that "works" and a falling loss do not prove a gradient right; a
        gradient check does.

        ## 5. Three routes, one gradient

        `bpcore`'s gradients come from three independent sources:

        1. **symbolic**: SymPy writes the whole network as an expression and differentiates
           it with respect to every parameter (`bpcore.symbolic.symbolic_net`), and
           `lambdify` compiles the result into a function
           (`bpcore.symbolic.gradient_function`);
        2. **numeric**: the engine's backward pass (`Network.gradients`), the $g_j$, $e_h$ of
           the earlier lessons;
        3. **finite differences**: this lesson's central differences
           (`bpcore.numeric_gradient`).

        First, two gradients as SymPy derives them; they are the textbook's formulas, with the
        derivatives written in terms of the outputs $b_h$, $\hat y_j$:
        """,
    ),
    code(
        """
        import sympy as sp

        from bpcore import symbolic

        sym = symbolic.symbolic_net(net.spec)
        v11, w11 = sym.params[0], sym.params[names.index("w₁₁")]
        lines = []
        for p in (w11, v11):
            lhs = r"\\frac{\\partial E}{\\partial " + sp.latex(p) + "}"
            lines.append(f"$${lhs} = {sp.latex(sym.gradient(p))}$$")
        Markdown("\\n\\n".join(lines))
        """
    ),
    code(
        """
        gradient_fn = symbolic.gradient_function(net.spec)
        # zh: gradient_fn 对单个样本返回 [E_k, ∂E_k/∂p...]；批内取平均，与引擎的 reduction="mean" 一致
        # en: gradient_fn returns [E_k, ∂E_k/∂p...] for one sample; average over the batch as the engine does
        symbolic_grad = np.mean([gradient_fn(list(p0), list(x), list(y))[1:] for x, y in zip(X, Y)], axis=0)
        numeric_grad = net.gradients(X, Y).flat()
        finite_diff = bpcore.numeric_gradient(loss_at, p0, eps=1e-4)

        display(Table(columns("11.routes_table", LANG), [
            (name, num(s, 10), num(e, 10), num(f, 6))
            for name, s, e, f in zip(names, symbolic_grad, numeric_grad, finite_diff)
        ], lang=LANG))
        pairs = [
            ("11.symbolic_numeric", symbolic_grad, numeric_grad, 1e-12),
            ("11.numeric_finite", numeric_grad, finite_diff, 1e-8),
            ("11.symbolic_finite", symbolic_grad, finite_diff, 1e-8),
        ]
        for what, a, b, bound in pairs:
            say(what, lang=LANG, err=err(bpcore.relative_error(a, b).max(), bound))
        """
    ),
    md(
        zh=r"""
        符号和数值两条路线在舍入误差以内完全一致（相对误差小于$10^{-12}$）；有限差分与它们的差别约为$10^{-9}$，正是第2节图中$\varepsilon=10^{-4}$处的截断误差加舍入误差。

        ### 第四条路线：PyTorch自动微分（可选）

        如果装了PyTorch（`pip install 'bpcore[torch]'`），下面的单元格用float64的自动微分（autograd）再算一遍；没装就跳过。自动微分和反向传播是同一个算法，但代码完全独立。
        """,
        en=r"""
        The symbolic and numeric routes agree to rounding (relative error below $10^{-12}$);
        finite differences differ from both by about $10^{-9}$, exactly the truncation plus
        rounding error at $\varepsilon = 10^{-4}$ in the plot of section 2.

        ### A fourth route: PyTorch autograd (optional)

        If PyTorch is installed (`pip install 'bpcore[torch]'`), the cell below computes the
        gradients once more with float64 autograd; if not, it skips. Autograd is the same
        algorithm as backpropagation, in entirely independent code.
        """,
    ),
    code(
        """
        try:
            import torch
        except ImportError:
            torch = None

        if torch is None:
            say("11.no_torch", lang=LANG)
        else:
            params = [
                torch.tensor(a, dtype=torch.float64, requires_grad=True)
                for a in (tb.v, tb.gamma, tb.w, tb.theta)
            ]
            v, gamma, w, theta = params
            b = torch.sigmoid(torch.tensor(X) @ v - gamma)  # b_h = f(α_h − γ_h)
            y_hat = torch.sigmoid(b @ w - theta)  # ŷ_j = f(β_j − θ_j)
            E = (0.5 * ((y_hat - torch.tensor(Y)) ** 2).sum(dim=1)).mean()
            E.backward()
            autograd = np.concatenate([p.grad.numpy().ravel() for p in params])
            r = bpcore.relative_error(autograd, numeric_grad).max()
            print("PyTorch", torch.__version__, text("11.autograd_engine", LANG), err(r, 1e-12))
        """,
        ignore_output=True,
    ),
    md(
        zh=r"""
        ## 6. 实用要点

        - 用float64检验；float32只有约7位有效数字，阈值要放宽很多。
        - 在“一般”的点上检验：随机初值、几个样本即可。权重全相等（如教程001）时很多梯度相同，错误可能被对称性掩盖。
        - ReLU等函数在0处不可导：$w\pm\varepsilon$跨过不可导点时差分会出错，这时的“可疑”不一定是错。
        - 检验很慢（每个参数两次前向传播），只在写完或改动反向传播后做，而不是每一步训练都做。
        - 逐层、逐参数看误差，像第4节那样，错误的位置一目了然。

        ## 小结

        - 中心差分$\frac{E(w+\varepsilon)-E(w-\varepsilon)}{2\varepsilon}$的截断误差$\propto\varepsilon^2$，舍入误差$\propto1/\varepsilon$；float64中$\varepsilon\approx10^{-4}$时相对误差约$10^{-9}$。
        - 相对误差$|a-n|/\max(|a|,|n|)$：小于$10^{-7}$为正确，大于$10^{-4}$几乎肯定有错。
        - 漏掉隐藏层的$b_h(1-b_h)$后训练照样“能跑”，梯度检验却立刻指出$v_{ih}$、$\gamma_h$全错。
        - 符号（SymPy）、数值（引擎）、有限差分、PyTorch自动微分给出同一组梯度。

        ## 练习

        1. 解析梯度$a=0.002$，数值梯度$n=0.0021$，相对误差是多少？
        2. 第2节扫描的$\varepsilon$里，哪一个让二阶中心差分的最大相对误差最小？
        3. 第4节写错的反向传播中，有几个参数的相对误差大于$10^{-4}$？
        """,
        en=r"""
        ## 6. In practice

        - Check in float64; float32 keeps about 7 significant digits and needs much looser
          thresholds.
        - Check at a "generic" point: random initial weights and a few samples are enough.
          With all weights equal (as in tutorial 001) many gradients coincide, and symmetry can
          hide a bug.
        - ReLU and the like have a kink at 0: when $w \pm \varepsilon$ straddles it, the
          difference is off, and "suspicious" need not mean wrong.
        - A check is slow (two forward passes per parameter): run it after writing or changing
          a backward pass, not at every training step.
        - Read the errors layer by layer and parameter by parameter, as in section 4: the bug's
          location shows at once.

        ## Summary

        - The central difference $\frac{E(w+\varepsilon) - E(w-\varepsilon)}{2\varepsilon}$ has
          truncation error $\propto \varepsilon^2$ and rounding error $\propto 1/\varepsilon$;
          in float64, $\varepsilon \approx 10^{-4}$ gives relative errors near $10^{-9}$.
        - The relative error $|a - n|/\max(|a|, |n|)$: below $10^{-7}$ is right, above
          $10^{-4}$ is almost certainly a bug.
        - With the hidden layer's $b_h(1 - b_h)$ missing, training still "works", but the
          gradient check at once reports every $v_{ih}$, $\gamma_h$ wrong.
        - Symbolic (SymPy), numeric (the engine), finite differences and PyTorch autograd give
          the same gradients.

        ## Exercises

        1. The analytic gradient is $a = 0.002$ and the numeric one $n = 0.0021$. What is the
           relative error?
        2. Of the $\varepsilon$ swept in section 2, which gives the central difference its
           smallest largest relative error?
        3. In section 4's broken backward pass, how many parameters have a relative error
           above $10^{-4}$?
        """,
    ),
    *exercise(
        "11-1",
        source="""
        # zh: 练习1：把 None 换成你的答案
        # en: Exercise 1: replace None with your answer
        ### BEGIN SOLUTION
        answer = bpcore.relative_error(0.002, 0.0021)
        ### END SOLUTION
        """,
        stub="answer = None",
    ),
    *exercise(
        "11-2",
        source="""
        # zh: 练习2：从 eps 和 sweep[2] 里找
        # en: Exercise 2: look it up in eps and sweep[2]
        ### BEGIN SOLUTION
        answer = best_eps
        ### END SOLUTION
        """,
        stub="answer = None",
    ),
    *exercise(
        "11-3",
        source="""
        # zh: 练习3
        # en: Exercise 3
        ### BEGIN SOLUTION
        answer = int(np.sum(r_buggy > 1e-4))
        ### END SOLUTION
        """,
        stub="answer = None",
    ),
    md(
        zh="""
        **练习4（编程）.** 自己写中心差分：`central_difference(f, p, eps)`返回标量函数`f`在参数向量`p`处的梯度估计，每个分量是$(f(p+εe_i)-f(p-εe_i))/(2ε)$。检查程序用本课的教科书网络的损失和一个三次函数和`bpcore.numeric_gradient`比较。
        """,
        en="""
        **Exercise 4 (coding).** Write the central difference yourself:
        `central_difference(f, p, eps)` returns the estimated gradient of the scalar function `f`
        at the parameter vector `p`, component $i$ being $(f(p+εe_i)-f(p-εe_i))/(2ε)$. The checker
        compares with `bpcore.numeric_gradient` on this lesson's textbook-net loss and on a cubic.
        """,
    ),
    *exercise(
        "11-central",
        answer="central_difference",
        source="""
        def central_difference(f, p, eps):
            ### BEGIN SOLUTION
            grad = np.zeros_like(p)
            for i in range(p.size):
                step = np.zeros_like(p)
                step[i] = eps
                grad[i] = (f(p + step) - f(p - step)) / (2 * eps)
            return grad
            ### END SOLUTION
        """,
    ),
]
