"""Lesson 09: XOR. Why a network of identity activations cannot learn it and sigmoid units can."""

from _cells import code, exercise, md

TITLE = dict(
    zh="异或：线性网络为什么学不会，Sigmoid隐藏层为什么可以",
    en="XOR: why a linear network cannot learn it and sigmoid hidden units can",
)

CELLS = [
    md(
        zh=r"""
        **目标**：重算教程001的异或（XOR）网络（激活函数全为恒等、所有权重为1），看清它公布的预测值4从哪里来、“代价为−4”为什么站不住；证明任何线性网络都表示不了异或，再看一个2-3-1的Sigmoid网络怎样学会它，决策边界（decision boundary）如何一轮轮弯过来。

        **前置知识**：前向传播与反向传播（第04、05课），批量梯度下降与`bpcore.train`（第07、08课），决策边界的直观含义（第00课的30秒体验）。
        """,
        en=r"""
        **Goal**: recompute tutorial 001's XOR network (identity activations everywhere, every
        weight 1), see where its published prediction 4 comes from and why its "cost −4" does
        not hold up; prove that no linear network can represent XOR; then watch a 2-3-1 sigmoid
        network learn it, its decision boundary bending epoch by epoch.

        **Prerequisites**: the forward and backward passes (lessons 04 and 05), batch gradient
        descent and `bpcore.train` (lessons 07 and 08), the idea of a decision boundary
        (lesson 00's 30-second taste).
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
        from bpcore.lessons import columns, say
        from bpcore.tables import Table


        # zh: 几个网络的决策边界排成一张图，每行至多3个
        # en: the decision boundaries of several networks in one picture, at most 3 a row
        def boundaries(nets, titles=None):
            titles = titles or [None] * len(nets)
            return plots.image(plots.tile([
                plots.to_png(plots.boundary_figure(net, ex.X, ex.Y, lang=LANG, title=title))
                for net, title in zip(nets, titles)
            ], per_row=3))
        """
    ),
    md(
        zh=r"""
        ## 1. 异或

        异或（XOR）：两个输入不同时输出1，相同时输出0。

        | $x_1$ | $x_2$ | $y = x_1 \oplus x_2$ |
        | --- | --- | --- |
        | 0 | 0 | 0 |
        | 0 | 1 | 1 |
        | 1 | 0 | 1 |
        | 1 | 1 | 0 |

        把四个样本画在平面上，两个“1”在一条对角线上，两个“0”在另一条对角线上：没有哪条直线能把它们分开。这一课要把这句直观的话变成证明，再看网络怎样绕过它。
        """,
        en=r"""
        ## 1. XOR

        XOR outputs 1 when its two inputs differ and 0 when they are equal.

        | $x_1$ | $x_2$ | $y = x_1 \oplus x_2$ |
        | --- | --- | --- |
        | 0 | 0 | 0 |
        | 0 | 1 | 1 |
        | 1 | 0 | 1 |
        | 1 | 1 | 0 |

        Drawn in the plane, the two 1s sit on one diagonal and the two 0s on the other: no
        straight line separates them. This lesson turns that picture into a proof, then shows
        how a network gets round it.
        """,
    ),
    md(
        zh=r"""
        ## 2. 教程001的网络

        教程001用两个输入$X_1$、$X_2$加一个恒为1的偏置单元$X_0$，三个隐藏层单元$Z_1$、$Z_2$、$Z_3$加偏置单元$Z_0=1$，一个输出$D_0$。所有激活函数都是恒等函数$f(a)=a$，所有权重（包括偏置单元的权重）初值为1，学习率0.1，批量梯度下降。在`bpcore`里，偏置单元的权重就是层的偏置（相加），各记号的对应关系如下：
        """,
        en=r"""
        ## 2. Tutorial 001's network

        Tutorial 001 has two inputs $X_1$, $X_2$ plus a bias unit $X_0$ that is always 1, three
        hidden units $Z_1$, $Z_2$, $Z_3$ plus a bias unit $Z_0 = 1$, and one output $D_0$. Every
        activation is the identity $f(a) = a$, every weight (the bias units' included) starts
        at 1, the learning rate is 0.1, and training is batch gradient descent. In `bpcore` the
        weights of a bias unit are the layer's biases (added); the names map as follows:
        """,
    ),
    code(
        """
        ex = examples.get("t001_xor")
        examples.notation_table(ex.name, LANG)
        """
    ),
    code(
        """
        net = ex.network
        plots.image(plots.network_figure(net, lang=LANG))
        """
    ),
    md(
        zh=r"""
        ### 前向计算：预测值4

        输入$(0,0)$时，每个隐藏层单元得到$1\cdot0+1\cdot0+1=1$，输出$D_0=1\cdot1+1\cdot1+1\cdot1+1=4$。`bpcore`的前向计算给出全部四个样本：
        """,
        en=r"""
        ### The forward pass: the prediction 4

        For the input $(0, 0)$ each hidden unit gets $1\cdot 0 + 1\cdot 0 + 1 = 1$, and the
        output is $D_0 = 1\cdot 1 + 1\cdot 1 + 1\cdot 1 + 1 = 4$. `bpcore`'s forward pass gives
        all four samples:
        """,
    ),
    code(
        """
        steps = examples.trace("t001_xor")
        steps.section("forward").markdown(LANG)
        """
    ),
    md(
        zh=r"""
        ### 公布的数字与核对表

        教程公布了两个数：输入$(0,0)$的预测4，以及“这次迭代的代价是−4”。核对表用`bpcore`重算它们，并给出不一致的原因：
        """,
        en=r"""
        ### The published numbers and the ledger

        The tutorial publishes two numbers: the prediction 4 for the input $(0, 0)$, and "the
        cost of this iteration is −4". The ledger recomputes them with `bpcore` and says why
        they differ where they do:
        """,
    ),
    code(
        """
        examples.ledger_table(examples.ledger("t001_xor"), LANG,
                              columns=("quantity", "published", "recomputed", "verdict", "alternative"))
        """
    ),
    md(
        zh=r"""
        预测值4是对的；−4不是任何代价函数的值。原文说用逻辑回归的代价函数，可恒等输出的$\hat y=4$不是概率，$\ln(1-\hat y)$没有定义；而常见的代价函数都不小于0。−4与残差$y-\hat y=0-4$相等：我们推测原文把残差当成了代价印出来，这是一种重构，原文没有说明。本课程训练时用的是平方误差$\frac12(\hat y-y)^2$在批内的平均，见`ex.note`：
        """,
        en=r"""
        The prediction 4 is right; −4 is the value of no cost function. The post names the
        logistic-regression cost, but the identity output $\hat y = 4$ is not a probability
        and $\ln(1 - \hat y)$ does not exist; and the usual costs are never below 0. −4 equals
        the residual $y - \hat y = 0 - 4$; our reconstruction (the post does not say) is that it
        printed the residual where it meant the cost. The course trains with the squared error
        $\frac12(\hat y - y)^2$ averaged over the batch, as `ex.note` says:
        """,
    ),
    code(
        """
        print(ex.note(LANG))
        """
    ),
    md(
        zh=r"""
        ### 误差项与一次更新

        原文只对第一个样本$(0,0)$做了一次反向传播。用平方误差时，输出单元的误差项$\delta_{D_0}=\hat y-y=4$；恒等函数的导数处处为1，所以每个隐藏层单元的误差项就是$f'(z)\cdot w\cdot\delta_{D_0}=1\cdot1\cdot4$。更新规则$w\leftarrow w-\alpha\cdot z\cdot\delta$（$\alpha$是原文的学习率，即$\eta$）：
        """,
        en=r"""
        ### Error terms and one update

        The post backpropagates the first sample $(0, 0)$ only. With the squared error the
        output's error term is $\delta_{D_0} = \hat y - y = 4$; the identity's derivative is 1
        everywhere, so each hidden unit's error term is
        $f'(z)\cdot w\cdot\delta_{D_0} = 1\cdot 1\cdot 4$. The update rule is
        $w \leftarrow w - \alpha\cdot z\cdot\delta$ ($\alpha$ is the post's name for the
        learning rate $\eta$):
        """,
    ),
    code(
        """
        steps.section("deltas").markdown(LANG)
        """
    ),
    code(
        """
        steps.section("update").markdown(LANG)
        """
    ),
    md(
        zh=r"""
        ## 3. 训练到底：处处输出0.5

        现在按教程的设置（$\eta=0.1$，批量梯度下降）把四个样本一起训练500轮：
        """,
        en=r"""
        ## 3. Train it to the end: 0.5 everywhere

        Now train on all four samples with the tutorial's settings ($\eta = 0.1$, batch
        gradient descent) for 500 epochs:
        """,
    ),
    code(
        """
        h_linear = ex.train(epochs=500)
        Table(columns("09.xor_table", LANG), [(*map(int, x), float(p), int(y)) for x, p, y in
                       zip(ex.X, h_linear.net.predict(ex.X)[:, 0], ex.Y[:, 0])], decimals=4, lang=LANG)
        """
    ),
    code(
        """
        Image(plots.to_png(plots.loss_figure(h_linear, lang=LANG)))
        """
    ),
    md(
        zh=r"""
        损失从很大一路降下来，停在$0.125$，四个输出都是0.5左右。这不是训练得不够：用最小二乘直接求“最好的”仿射函数$\hat y=c_0+c_1x_1+c_2x_2$，答案也是$c_0=0.5$、$c_1=c_2=0$，即处处输出0.5，它的平均损失正是$\frac12\cdot0.5^2=0.125$：
        """,
        en=r"""
        The loss falls from far above and settles at $0.125$, with all four outputs near 0.5.
        This is not a matter of training longer: least squares gives the best affine function
        $\hat y = c_0 + c_1 x_1 + c_2 x_2$ directly, and it is $c_0 = 0.5$, $c_1 = c_2 = 0$,
        i.e. 0.5 everywhere, whose mean loss is exactly $\frac12\cdot 0.5^2 = 0.125$:
        """,
    ),
    code(
        """
        A = np.column_stack([np.ones(len(ex.X)), ex.X])
        c, *_ = np.linalg.lstsq(A, ex.Y, rcond=None)
        best = A @ c
        print("c0, c1, c2 =", np.round(c[:, 0], 12) + 0.0)
        say("09.best_affine", np.round(best[:, 0], 12), lang=LANG)
        say("09.its_loss", round(bpcore.half_sse(best, ex.Y, "mean"), 12), lang=LANG)
        say("09.after_500", round(h_linear.final_loss, 6), lang=LANG)
        """
    ),
    md(
        zh=r"""
        画出来，最好的线性模型连一条边界都没有：$\hat y$在整个平面上都等于0.5（下左）。训练了500轮的网络（下右）与它只差一点：四个样本处的$\hat y$与0.5相差不到0.001，图中那条线只是一个几乎水平的平面与高度0.5的交线，它把一个“0”和两个“1”分在同一侧，什么也没分开：
        """,
        en=r"""
        In a picture, the best linear model has no boundary at all: $\hat y$ is 0.5 over the
        whole plane (left). The network after 500 epochs (right) is only a hair away from it:
        its $\hat y$ differs from 0.5 by less than 0.001 on the four samples, and the line in
        the picture is merely where an almost level plane crosses height 0.5; it puts a 0 and
        both 1s on the same side and separates nothing:
        """,
    ),
    code(
        """
        best_net = bpcore.Network([bpcore.Layer(c[1:], c[0], "identity", "bias")])
        boundaries([best_net, h_linear.net])
        """
    ),
    md(
        zh=r"""
        ## 4. 证明：线性网络表示不了异或

        **第一步：线性层叠起来还是线性的。** 一层恒等激活的网络计算的是仿射函数$h=V^\top x+b^{(1)}$，下一层再算$\hat y=W^\top h+b^{(2)}$。代进去：

        $$\hat y = W^\top\left(V^\top x + b^{(1)}\right) + b^{(2)} = (VW)^\top x + \left(W^\top b^{(1)} + b^{(2)}\right)$$

        仍是$x$的仿射函数，权重矩阵是$VW$，偏置是$W^\top b^{(1)}+b^{(2)}$。叠多少层都一样，隐藏层再宽也一样。

        用SymPy对教程001的网络（13个参数全取符号）做一遍：把输出完全展开，它对$x_1$、$x_2$是一次的：
        """,
        en=r"""
        ## 4. The proof: no linear network represents XOR

        **Step 1: linear layers stacked are still linear.** A layer with identity activations
        computes an affine function $h = V^\top x + b^{(1)}$, and the next one
        $\hat y = W^\top h + b^{(2)}$. Substituting:

        $$\hat y = W^\top\left(V^\top x + b^{(1)}\right) + b^{(2)} = (VW)^\top x + \left(W^\top b^{(1)} + b^{(2)}\right)$$

        which is again an affine function of $x$, with weight matrix $VW$ and offset
        $W^\top b^{(1)} + b^{(2)}$. So it is for any number of layers and any width.

        SymPy does it for tutorial 001's network with all 13 parameters as symbols: the output,
        fully expanded, has degree 1 in $x_1$ and $x_2$:
        """,
    ),
    code(
        """
        import sympy as sp

        from bpcore import symbolic

        sym = symbolic.symbolic_net(net.spec)
        x1, x2 = sym.inputs
        # zh: 恒等函数f(a) = a：把它换成自变量本身，再展开
        # en: the identity f(a) = a: replace it by its argument, then expand
        D0 = sym.nested[sym.out[-1][0]]
        D0 = sp.expand(D0.replace(lambda e: isinstance(e, sp.Function), lambda e: e.args[0]))
        say("09.params", sym.params, lang=LANG)
        say("09.degree", sp.Poly(D0, x1, x2).total_degree(), lang=LANG)
        Markdown("$$D_0 = " + sp.latex(sp.collect(D0, [x1, x2])) + "$$")
        """
    ),
    md(
        zh=r"""
        **第二步：没有仿射函数能拟合异或。** 对任何仿射函数$f(x_1,x_2)=c_0+c_1x_1+c_2x_2$，

        $$f(1,1)-f(1,0)-f(0,1)+f(0,0) = (c_0+c_1+c_2)-(c_0+c_1)-(c_0+c_2)+c_0 = 0,$$

        而异或要求这个组合等于$0-1-1+0=-2$。所以无论权重取什么值、训练多久，激活函数全为恒等的网络都学不会异或。SymPy对13个符号参数验证这个组合恒为0：
        """,
        en=r"""
        **Step 2: no affine function fits XOR.** For any affine
        $f(x_1, x_2) = c_0 + c_1 x_1 + c_2 x_2$,

        $$f(1,1) - f(1,0) - f(0,1) + f(0,0) = (c_0 + c_1 + c_2) - (c_0 + c_1) - (c_0 + c_2) + c_0 = 0,$$

        while XOR needs this combination to be $0 - 1 - 1 + 0 = -2$. So whatever the weights and
        however long the training, a network of identity activations cannot learn XOR. SymPy
        checks that the combination is 0 for all 13 symbolic parameters:
        """,
    ),
    code(
        """
        def xor_test(f):
            return f(1, 1) - f(1, 0) - f(0, 1) + f(0, 0)


        D0_at = sp.Lambda((x1, x2), D0)
        say("09.network", sp.simplify(xor_test(D0_at)), lang=LANG)
        say("09.xor", xor_test(lambda a, b: a ^ b), lang=LANG)
        """
    ),
    md(
        zh=r"""
        `bpcore.examples`的计算表用初始网络的数值做了同样的检查（最后一行）：
        """,
        en=r"""
        `bpcore.examples`' trace does the same check with the initial network's numbers (last
        row):
        """,
    ),
    code(
        """
        steps.section("linear").markdown(LANG)
        """
    ),
    md(
        zh=r"""
        ## 5. 换成Sigmoid隐藏层

        把隐藏层换成Sigmoid函数，输出$\hat y$就不再是$x$的仿射函数，上面的组合也不再被迫为0。下面训练一个2-3-1网络（隐藏层和输出层都是Sigmoid，偏置相加，初值由种子0生成），$\eta=2$，全批量，3000轮，每100轮存一次参数快照：
        """,
        en=r"""
        ## 5. Sigmoid hidden units

        With sigmoid hidden units the output $\hat y$ is no longer an affine function of $x$,
        and the combination above is no longer forced to be 0. Below we train a 2-3-1 network
        (sigmoid hidden and output units, biases added, initial weights from seed 0) with
        $\eta = 2$, full batch, for 3000 epochs, saving the parameters every 100 epochs:
        """,
    ),
    code(
        """
        X, Y = ex.X, ex.Y
        net_sigmoid = bpcore.Network.from_sizes((2, 3, 1), rng=0)
        h = bpcore.train(net_sigmoid, X, Y, eta=2.0, epochs=3000, mode="accumulated", snapshot_every=100)
        # zh: 第3节的线性网络也训练3000轮来比较；它停在0.125，与Sigmoid网络的平台重合，所以画成虚线放在上面
        # en: section 3's linear network, trained for 3000 epochs too; it stays at 0.125, on top of the
        # en: sigmoid network's plateau, so it is drawn dashed and on top
        h_linear_3000 = ex.train(epochs=3000)
        curves = {t("act.sigmoid", LANG): h, t("act.identity", LANG): h_linear_3000}
        plots.image(plots.curves_figure(curves, linestyles={t("act.identity", LANG): "--"},
                                        lang=LANG, dpi=plots.STATIC_DPI))
        """
    ),
    md(
        zh=r"""
        虚线是第3节的线性网络（同样训练3000轮）：它一直停在$0.125$。Sigmoid网络的损失先在$0.125$附近（也就是“处处输出0.5”）停留几百轮，然后突然下降。决策边界（$\hat y=0.5$的等值线）在这段时间里慢慢弯成两条线，把两个“1”夹在中间：
        """,
        en=r"""
        The dashed line is section 3's linear network (trained for 3000 epochs too): it stays
        at $0.125$. The sigmoid network's loss first lingers near $0.125$ (that is, "0.5
        everywhere") for a few hundred epochs, then drops. Meanwhile the decision boundary (the contour $\hat y = 0.5$) bends
        into two lines with the two 1s between them:
        """,
    ),
    code(
        """
        epochs = (0, 300, 600, 1000, 3000)
        boundaries([h.snapshot(k) for k in epochs],
                   [t("plot.loss.now", LANG, epoch=k, loss=h.loss[k]) for k in epochs])
        """
    ),
    code(
        """
        p = h.net.predict(X)[:, 0]
        display(Table(columns("09.xor_table", LANG), [(*map(int, x), float(v), int(y)) for x, v, y in zip(X, p, Y[:, 0])],
                      decimals=4, lang=LANG))
        f = dict(zip(map(tuple, X.astype(int)), p))
        print("f(1,1) − f(1,0) − f(0,1) + f(0,0) =", round(xor_test(lambda a, b: f[(a, b)]), 4))
        """
    ),
    md(
        zh=r"""
        训练后的网络输出接近0、1、1、0，组合$f(1,1)-f(1,0)-f(0,1)+f(0,0)$接近异或要求的$-2$。每个Sigmoid隐藏层单元在平面上画一条“软”直线，输出层把这几条直线的结果组合起来，边界就可以弯折。

        ### 对称性：权重全相等时学不会

        只把教程001网络的隐藏层换成Sigmoid，而保留“所有权重为1”的初值，行不行？三个隐藏层单元从相同的权重出发，得到相同的梯度，更新后仍然相同，永远是同一个单元的三份拷贝。一个隐藏层单元的输出只依赖$x_1+x_2$，且随它单调变化，而异或在$x_1+x_2=0,1,2$时分别是0、1、0，不是单调的：
        """,
        en=r"""
        The trained network answers close to 0, 1, 1, 0, and the combination
        $f(1,1) - f(1,0) - f(0,1) + f(0,0)$ is close to the $-2$ that XOR needs. Each sigmoid hidden
        unit draws a "soft" straight line in the plane; the output layer combines them, so the
        boundary can bend.

        ### Symmetry: equal weights cannot learn it

        What if we only switch tutorial 001's hidden units to sigmoid and keep "every weight
        1"? The three hidden units start from the same weights, so they get the same gradients,
        stay equal after every update, and remain three copies of one unit. One hidden unit's
        output depends on $x_1 + x_2$ only, monotonically, while XOR is 0, 1, 0 at
        $x_1 + x_2 = 0, 1, 2$, which is not monotone:
        """,
    ),
    code(
        """
        hidden, output = ex.network.layers
        symmetric = bpcore.Network([bpcore.Layer(hidden.W, hidden.offset, "sigmoid", "bias"), output])
        h_sym = bpcore.train(symmetric, X, Y, eta=0.5, epochs=3000, mode="accumulated")
        say("09.outputs", h_sym.net.predict(X)[:, 0].round(3), lang=LANG)
        say("09.hidden_after", lang=LANG)
        print(h_sym.net.layers[0].W.round(4))
        """
    ),
    md(
        zh=r"""
        这就是为什么网络的初值要随机生成：打破对称（symmetry breaking）。在下面的训练场里试试：

        1. 它打开的是教程001的网络（恒等激活、权重全为1）。按“训练”：损失停在0.125。
        2. 把“隐藏层激活函数”换成Sigmoid再训练：还是学不会（对称）。
        3. 在“初始权重”里按“随机初始化”，再训练；必要时调大学习率$\eta$。看决策边界怎样弯过来。
        """,
        en=r"""
        This is why initial weights are drawn at random: to break the symmetry. Try it in the
        playground below:

        1. It opens tutorial 001's network (identity activations, every weight 1). Press
           "Train": the loss stops at 0.125.
        2. Switch "hidden activation" to sigmoid and train again: still no XOR (symmetry).
        3. Under "initial weights" press "Randomise", then train; raise the learning rate
           $\eta$ if needed. Watch the decision boundary bend.
        """,
    ),
    code(
        """
        bpcore.widgets.playground("t001_xor", lang=LANG)
        """,
        ignore_output=True,
    ),
    md(
        zh=r"""
        ## 小结

        - 教程001的网络对$(0,0)$的预测是4（$1+3\cdot1$），`bpcore`重算一致；“代价−4”不是任何代价函数的值：逻辑回归代价在$\hat y=4$时没有定义；−4能由残差$y-\hat y$算出，但这只是推测。
        - 恒等激活的层叠起来仍是仿射函数；对任何仿射$f$，$f(1,1)-f(1,0)-f(0,1)+f(0,0)=0$，异或却要求$-2$，所以线性网络学不会异或。最好的线性拟合处处输出0.5，损失0.125。
        - Sigmoid隐藏层让网络能把决策边界弯折，2-3-1网络几千轮就学会了异或。
        - 初值全相等时隐藏层单元永远相同；随机初始化打破对称。

        ## 练习

        1. 教程001的初始网络对输入$(1,1)$的预测是多少？
        2. 第3节训练了500轮的线性网络，$f(1,1)-f(1,0)-f(0,1)+f(0,0)$等于多少？
        3. 最好的仿射拟合在$(0,0)$处的输出是多少？
        """,
        en=r"""
        ## Summary

        - Tutorial 001's network predicts 4 for $(0, 0)$ ($1 + 3\cdot 1$), as `bpcore`
          recomputes; "cost −4" is the value of no cost function: the logistic-regression cost
          is undefined at $\hat y = 4$; the residual $y - \hat y$ gives −4, but that is
          a reconstruction.
        - Layers of identity activations compose to an affine function; for every affine $f$,
          $f(1,1) - f(1,0) - f(0,1) + f(0,0) = 0$, while XOR needs $-2$, so no linear network
          learns XOR. The best linear fit answers 0.5 everywhere, with loss 0.125.
        - Sigmoid hidden units let the network bend its decision boundary; a 2-3-1 network
          learns XOR in a few thousand epochs.
        - Hidden units that start equal stay equal; random initial weights break the symmetry.

        ## Exercises

        1. What does tutorial 001's initial network predict for the input $(1, 1)$?
        2. For the linear network trained for 500 epochs in section 3, what is
           $f(1,1) - f(1,0) - f(0,1) + f(0,0)$?
        3. What does the best affine fit output at $(0, 0)$?
        """,
    ),
    *exercise(
        "09-1",
        source="""
        # zh: 练习1：把 None 换成你的答案
        # en: Exercise 1: replace None with your answer
        ### BEGIN SOLUTION
        answer = ex.network.predict(np.array([1.0, 1.0]))[0]
        ### END SOLUTION
        """,
        stub="answer = None",
    ),
    *exercise(
        "09-2",
        source="""
        # zh: 练习2
        # en: Exercise 2
        ### BEGIN SOLUTION
        q = dict(zip(map(tuple, X.astype(int)), h_linear.net.predict(X)[:, 0]))
        answer = xor_test(lambda a, b: q[(a, b)])
        ### END SOLUTION
        """,
        stub="answer = None",
    ),
    *exercise(
        "09-3",
        source="""
        # zh: 练习3
        # en: Exercise 3
        ### BEGIN SOLUTION
        answer = best[0, 0]
        ### END SOLUTION
        """,
        stub="answer = None",
    ),
    md(
        zh="""
        **练习4（编程）.** 不训练，自己选一组参数让2-2-1的教科书网络（Sigmoid，减去阈值）算出XOR：`xor_parameters()`返回`v`$(2,2)$、`gamma`$(2,)$、`w`$(2,1)$、`theta`$(1,)$。四个输入的输出离目标都要小于0.1。（提示：一个隐藏单元做OR，一个做AND。）
        """,
        en="""
        **Exercise 4 (coding).** Without training, choose parameters that make the 2-2-1 textbook
        net (sigmoid, thresholds subtracted) compute XOR: `xor_parameters()` returns `v` $(2,2)$,
        `gamma` $(2,)$, `w` $(2,1)$, `theta` $(1,)$. On all four inputs the output must be within
        0.1 of the target. (Hint: one hidden unit computes OR, the other AND.)
        """,
    ),
    *exercise(
        "09-xor",
        answer="xor_parameters",
        source="""
        def xor_parameters():
            ### BEGIN SOLUTION
            v = np.array([[20.0, 20.0], [20.0, 20.0]])
            gamma = np.array([10.0, 30.0])  # unit 1: OR, unit 2: AND
            w = np.array([[20.0], [-20.0]])
            theta = np.array([10.0])  # OR and not AND
            return v, gamma, w, theta
            ### END SOLUTION
        """,
    ),
]
