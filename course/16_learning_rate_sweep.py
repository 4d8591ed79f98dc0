"""Lesson 16: the learning-rate sweep. Hundreds of learning rates trained at once; where training
converges, oscillates, diverges; the quadratic's 2/E'' edge derived and matched; XOR's edge
measured."""

from _cells import code, exercise, md

TITLE = dict(
    zh="学习率扫描：一次训练几百个学习率",
    en="The learning-rate sweep: hundreds of learning rates trained at once",
)

CELLS = [
    md(
        zh=r"""
        **目标**：把几百个学习率$\eta$放在一起同时训练（向量化到一个“运行”轴上），这就是学习率扫描（learning-rate sweep）；画出训练后的损失随$\eta$的变化，看清训练在哪里收敛、在哪里震荡（oscillation）、在哪里发散（divergence）；对第01课的二次函数推导出边界$2/E''$，并用扫描验证；对异或网络，边界没有公式，就用扫描把它测出来，再看它为什么和“起点处的曲率”给出的估计不一样。

        **前置知识**：梯度下降与学习率（第01课），批量梯度下降与`bpcore.train`（第07、08课），异或的2-3-1网络（第09课）。
        """,
        en=r"""
        **Goal**: train hundreds of learning rates $\eta$ at once (vectorised along a "run"
        axis), plot the final loss against $\eta$, and see where training converges, where it
        oscillates and where it diverges; derive the edge $2/E''$ for lesson 01's quadratic
        and confirm it with the sweep; for the XOR network, where no formula gives the edge,
        measure it, and see why it differs from the estimate of the curvature at the start.
        This is a learning-rate sweep.

        **Prerequisites**: gradient descent and the learning rate (lesson 01), batch gradient
        descent and `bpcore.train` (lessons 07 and 08), the 2-3-1 XOR network (lesson 09).
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
        from bpcore.sweep import find_edge, quadratic_edges, sharpness, sweep, works
        from bpcore.sweepplots import sweep_figure
        from bpcore.tables import Table

        # zh: 每种状态有几个学习率、η的范围
        # en: how many learning rates got each status, and their range of η
        def status_table(result):
            rows = []
            for status in ("converged", "oscillating", "diverged"):
                chosen = result.etas[result.status == status]
                span = (f"{chosen.min():.4g} … {chosen.max():.4g}" if chosen.size else "–")
                rows.append((t(f"plot.sweep.{status}", LANG), chosen.size, span))
            return Table(columns("16.status_table", LANG), rows, lang=LANG)
        """
    ),
    md(
        zh=r"""
        ## 1. 许多个学习率，一次训练

        第01课手动试了三个学习率，第10课的滑块一次换一个。要看清“学习率从小到大时训练会怎样”，得试几百个。逐个训练当然可以，但更快的办法是把它们**一起**训练：给每个参数多加一个下标$r$，表示第$r$次运行（run），它有自己的学习率$\eta_r$。于是隐藏层权重$v_{ih}$变成$v_{rih}$，输出层权重$w_{hj}$变成$w_{rhj}$；一轮累积BP对所有运行做的是同样的矩阵乘法，只是多了一个轴。第$r$次运行算出的，正是`bpcore.train`用$\eta_r$单独训练的结果。

        下面用第09课的异或网络（2-3-1，Sigmoid，偏置相加，种子0），从0.01到300按对数均匀取256个学习率，每个训练2000轮（全批量）：
        """,
        en=r"""
        ## 1. Many learning rates, one training

        Lesson 01 tried three learning rates by hand; lesson 10's slider changes one at a time.
        To see what training does as $\eta$ grows, we need hundreds. We could train them one
        by one, but it is faster to train them **together**: give every parameter one more
        index $r$, the run, each with its own learning rate $\eta_r$. The hidden weights
        $v_{ih}$ become $v_{rih}$, the output weights $w_{hj}$ become $w_{rhj}$; one epoch of
        accumulated BP does the same matrix products for all runs, with one more axis. Run $r$
        computes exactly what `bpcore.train` gives for $\eta_r$ alone.

        Below: lesson 09's XOR network (2-3-1, sigmoid, biases added, seed 0), 256 learning
        rates spaced evenly on a log scale from 0.01 to 300, 2000 epochs each (full batch):
        """,
    ),
    code(
        """
        ex = examples.get("t001_xor")
        X, Y = ex.X, ex.Y
        net = bpcore.Network.from_sizes((2, 3, 1), rng=0)
        etas = np.geomspace(0.01, 300, 256)
        s = sweep(net, X, Y, etas, epochs=2000)
        print(text("16.loss_shape", LANG), s.loss.shape, text("16.runs_epochs", LANG))
        say("16.hidden_shape", s.Ws[0].shape, lang=LANG)
        say("16.output_shape", s.Ws[1].shape, lang=LANG)
        """
    ),
    md(
        zh=r"""
        拿其中一次运行和`bpcore.train`单独训练的结果比一比，2001个损失值和全部13个参数都一致（到舍入误差）：
        """,
        en=r"""
        Compare one of the runs with `bpcore.train` on its own: all 2001 losses and all 13
        parameters agree (to rounding):
        """,
    ),
    code(
        """
        r = 160
        h = bpcore.train(net, X, Y, eta=etas[r], epochs=2000, mode="accumulated")
        swept = np.concatenate([np.r_[W[r].ravel(), b[r]] for W, b in zip(s.Ws, s.offsets)])
        print(f"η = {etas[r]:.4g}")
        say("16.loss_agree", bool(np.abs(s.loss[r] - h.loss).max() <= 1e-12), lang=LANG)
        say("16.params_agree", bool(np.abs(swept - h.net.flat()).max() <= 1e-12), lang=LANG)
        """
    ),
    md(
        zh=r"""
        一起训练快多少？下面的单元计时（数字随机器和负载而变，所以nbval不比较它的输出）：
        """,
        en=r"""
        How much faster is training them together? The cell below times it (the figures depend
        on the machine and its load, so nbval does not compare this cell's output):
        """,
    ),
    code(
        """
        import time

        start = time.perf_counter()
        sweep(net, X, Y, etas, epochs=2000)
        together = time.perf_counter() - start
        start = time.perf_counter()
        for eta in etas[:8]:
            bpcore.train(net, X, Y, eta=eta, epochs=2000, mode="accumulated")
        one_by_one = (time.perf_counter() - start) / 8 * len(etas)
        say("16.together", lang=LANG, seconds=together)
        say("16.one_by_one", lang=LANG, seconds=one_by_one)
        """,
        ignore_output=True,
    ),
    md(
        zh=r"""
        ## 2. 第01课的二次函数：边界是$2/E''$

        先看一个能完全算清楚的例子。设损失是二次函数$E(w)=\frac12E''(w-w^*)^2$，它的二阶导数处处是$E''$，导数是$\dfrac{dE}{dw}=E''(w-w^*)$。代入更新规则：

        $$w_{k+1}-w^* = w_k-w^*-\eta E''(w_k-w^*) = (1-\eta E'')\,(w_k-w^*)$$

        每一步，到最小值的距离乘以$1-\eta E''$，所以：

        - $0<\eta<1/E''$：因子在0和1之间，距离同向缩小，**收敛**；
        - $1/E''<\eta<2/E''$：因子在−1和0之间，每一步都越过最小值，来回跳着缩小，**震荡**（但仍收敛）；
        - $\eta>2/E''$：$|1-\eta E''|>1$，距离越来越大，**发散**。

        第01课的$E(w)=\frac12(w-3)^2$有$E''=1$，两条边界是1和2。SymPy把这段推导做一遍：
        """,
        en=r"""
        ## 2. Lesson 01's quadratic: the edge is $2/E''$

        First an example we can work out completely. Let the loss be the quadratic
        $E(w) = \frac12 E''(w - w^*)^2$: its second derivative is $E''$ everywhere and its
        derivative is $\dfrac{dE}{dw} = E''(w - w^*)$. Into the update rule:

        $$w_{k+1} - w^* = w_k - w^* - \eta E''(w_k - w^*) = (1 - \eta E'')\,(w_k - w^*)$$

        Every step multiplies the distance to the minimum by $1 - \eta E''$, so:

        - $0 < \eta < 1/E''$: the factor is between 0 and 1, the distance shrinks on one side:
          **converges**;
        - $1/E'' < \eta < 2/E''$: the factor is between −1 and 0, every step jumps over the
          minimum and the jumps shrink: **oscillates** (and still converges);
        - $\eta > 2/E''$: $|1 - \eta E''| > 1$, the distance grows: **diverges**.

        Lesson 01's $E(w) = \frac12(w - 3)^2$ has $E'' = 1$: the edges are 1 and 2. SymPy does
        the derivation:
        """,
    ),
    code(
        """
        import sympy as sp

        edges = quadratic_edges()
        c = edges["curvature"]
        Markdown(
            "$$\\\\frac{w_{k+1} - w^*}{w_k - w^*} = " + sp.latex(edges["factor"]) + ",\\\\qquad "
            + text("16.oscillates", LANG) + "\\\\eta > " + sp.latex(edges["oscillate_above"])
            + ",\\\\qquad " + text("16.diverges", LANG) + "\\\\eta > "
            + sp.latex(edges["diverge_above"]) + "$$"
        )
        """
    ),
    md(
        zh=r"""
        现在用扫描验证。只有一个权重、恒等激活、没有偏置的“网络”，输入一个样本$x=1$、目标$y=0$，它的损失是$E=\frac12(w\cdot1-0)^2=\frac12w^2$：这就是第01课的二次函数，只是从最小值量起，$u=w-3$，起点$u_0=-1-3=-4$，$E''=1$，每一步完全一样。（为什么不直接用目标3？在浮点数里，$w$离3很近时会在几步之内恰好落到3上，损失变成精确的0，就看不到它还在来回跳了；从最小值量起，$u$一路缩到很小的数，扫描仍能看出它的符号在变。）

        256个学习率，从0.05到4，每个60步：
        """,
        en=r"""
        Now the sweep. A "network" of one weight, identity activation and no offset, fed one
        sample $x = 1$ with target $y = 0$, has the loss $E = \frac12(w\cdot 1 - 0)^2 = \frac12 w^2$:
        lesson 01's quadratic measured from its minimum, $u = w - 3$, starting at
        $u_0 = -1 - 3 = -4$, with $E'' = 1$ and exactly the same steps. (Why not the target 3
        directly? In floating point, $w$ close to 3 lands exactly on 3 within a few steps and
        the loss becomes exactly 0, so there is nothing left to see jumping; measured from
        the minimum, $u$ shrinks through ever smaller numbers and the sweep still sees its
        sign change.)

        256 learning rates from 0.05 to 4, 60 steps each:
        """,
    ),
    code(
        """
        unit = bpcore.Network([bpcore.Layer([[-4.0]], [0.0], activation="identity")])
        xq, yq = [[1.0]], [[0.0]]
        etas_q = np.geomspace(0.05, 4.0, 256)
        sq = sweep(unit, xq, yq, etas_q, epochs=60, train_offsets=False)
        status_table(sq)
        """
    ),
    md(
        zh=r"""
        再把边界测得更准：`find_edge`先扫一遍，找到第一次“不行”的地方，再在它两侧的两个学习率之间重新扫，如此三轮。“震荡的边界”是状态不再是“收敛”的地方，“发散的边界”是状态变成“发散”的地方（扫描把损失超过起点10倍算作发散）：
        """,
        en=r"""
        Now measure the edges more precisely: `find_edge` sweeps once, finds the first
        learning rate that fails, sweeps again between its two neighbours, three rounds in
        all. The oscillation edge is where the status stops being "converged", the divergence
        edge where it becomes "diverged" (the sweep calls a run diverged once its loss exceeds
        ten times its start):
        """,
    ),
    code(
        """
        osc = find_edge(unit, xq, yq, 0.5, 1.9, epochs=60, criterion="converged", train_offsets=False)
        div_60 = find_edge(unit, xq, yq, 0.5, 4.0, epochs=60, train_offsets=False)
        div_2000 = find_edge(unit, xq, yq, 0.5, 4.0, epochs=2000, train_offsets=False)
        Table(columns("16.edge_table", LANG), [
            (text("16.oscillates_edge", LANG), float(edges["oscillate_above"].subs(c, 1)),
             osc.eta, "–"),
            (text("16.diverges_edge", LANG), float(edges["diverge_above"].subs(c, 1)),
             div_60.eta, div_2000.eta),
        ], decimals=4, lang=LANG)
        """
    ),
    code(
        """
        lines = [
            (1.0, t("plot.sweep.derived", LANG, name="1/E″", eta=1.0), "derived"),
            (2.0, t("plot.sweep.derived", LANG, name="2/E″", eta=2.0), "derived"),
            (div_60.eta, t("plot.sweep.measured", LANG, eta=div_60.eta), "measured"),
        ]
        Image(plots.to_png(sweep_figure(sq, lines=lines, lang=LANG)))
        """
    ),
    md(
        zh=r"""
        三个区域和推导一致：左边收敛（$\eta$越接近1，60步后的损失越小，$\eta=1$一步到位），中间震荡，右边发散。实测的震荡边界紧挨着1；发散边界比2略大一点，而且训练越久越接近2。原因是：$\eta$刚刚超过2时，$|1-\eta|$只比1大一点点，距离每步只放大一点点，要很多步损失才会涨到起点的10倍；步数有限，扫描就只能在稍大一些的$\eta$处看到发散。
        """,
        en=r"""
        The three regions agree with the derivation: converged on the left (the closer $\eta$
        to 1, the smaller the loss after 60 steps; $\eta = 1$ lands in one step), oscillating
        in the middle, diverging on the right. The measured oscillation edge sits right at 1;
        the divergence edge is a little above 2, and closer to 2 the longer we train. Just
        above 2, $|1 - \eta|$ is barely larger than 1: the distance grows by a hair each step,
        and it takes many steps for the loss to reach ten times its start; with a limited
        number of steps the sweep sees divergence only at a slightly larger $\eta$.
        """,
    ),
    md(
        zh=r"""
        ## 3. 异或：实测的边界

        异或网络的损失不是二次函数，没有现成的公式给出边界，只能测。第1节的扫描就是测量：下图是256个学习率训练2000轮后的损失，背景颜色是每次运行的状态；实心点达到了目标损失0.01（学会了），空心点没有。红线是`find_edge`测出的边界：从学会的那一段往上，第一个学不会的学习率。
        """,
        en=r"""
        ## 3. XOR: the measured edge

        The XOR network's loss is not a quadratic, and no formula gives its edge: we measure
        it. Section 1's sweep is the measurement: below, the loss of 256 learning rates after
        2000 epochs, the background coloured by each run's status; filled points reached the
        target loss 0.01 (learned), hollow ones did not. The red line is the edge `find_edge`
        measured: going up from the band that learns, the first learning rate that does not.
        """,
    ),
    code(
        """
        target = 0.01
        edge_xor = find_edge(net, X, Y, 1.0, 300.0, epochs=2000, criterion=target)
        learned = works(s, target)
        lines = [(edge_xor.eta, t("plot.sweep.measured", LANG, eta=edge_xor.eta), "measured")]
        display(Image(plots.to_png(sweep_figure(s, target=target, lines=lines, lang=LANG))))
        say("16.smallest_learned", f"{etas[learned][0]:.4g}", lang=LANG)
        say("16.edge", f"{edge_xor.below:.5g} < η < {edge_xor.above:.5g}", lang=LANG)
        status_table(s)
        """
    ),
    md(
        zh=r"""
        这张图和二次函数的很不一样：

        - **太小**：左边一大段停在0.125附近，即“处处输出0.5”（第09课）。它们的状态是“收敛”，意思是损失还在单调地慢慢下降，并不是学会了：2000轮不够。
        - **合适**：中间一段都学会了，$\eta$越大，2000轮后的损失大体越小。
        - **太大**：边界以上，有的卡在远高于目标的损失上，有的震荡，零星几个又学会了，学会与否随$\eta$忽左忽右。

        而且没有一次运行**发散**：Sigmoid输出$\hat y$总在0和1之间，每个样本的损失$\frac12(\hat y-y)^2$不超过$\frac12$，损失不可能涨到起点的10倍。步子太大时，坏的不是损失，而是单元：权重被一步推得很大，Sigmoid进入饱和区，导数$\hat y(1-\hat y)$几乎为0，梯度几乎消失，网络就卡住了。看扫描里最大的学习率训练2000轮后的输出，以及那时梯度的大小：
        """,
        en=r"""
        This picture is quite unlike the quadratic's:

        - **Too small**: a long stretch on the left stays near 0.125, i.e. "0.5 everywhere"
          (lesson 09). Their status is "converged", meaning the loss is still falling slowly
          and steadily, not that the net learned: 2000 epochs are not enough.
        - **Right**: the band in the middle learns; the larger $\eta$, broadly the smaller the
          loss after 2000 epochs.
        - **Too large**: above the edge some runs are stuck at a loss far above the target,
          some oscillate, a few learn again; success flips back and forth with $\eta$.

        And no run **diverges**: the sigmoid output $\hat y$ is always between 0 and 1, so each
        sample's loss $\frac12(\hat y - y)^2$ is at most $\frac12$ and the loss can never reach
        ten times its start. A step too large breaks the units, not the loss: the weights are
        pushed far in one step, the sigmoids saturate, their derivative $\hat y(1 - \hat y)$ is
        almost 0, the gradient almost vanishes and the net is stuck. The outputs after 2000
        epochs with the sweep's largest learning rate, and the size of the gradient then:
        """,
    ),
    code(
        """
        stuck = bpcore.train(net, X, Y, eta=etas[-1], epochs=2000, mode="accumulated")
        y_hat = stuck.net.predict(X)[:, 0]
        print(f"η = {etas[-1]:.4g}:", text("16.loss", LANG), [f"{v:.4f}" for v in stuck.loss[:4]], "…",
              f"{stuck.final_loss:.4f}")
        say("16.largest_gradient", f"{np.abs(stuck.net.gradients(X, Y).flat()).max():.1e}", lang=LANG)
        Table(columns("16.output_table", LANG), [(*map(int, x), f"{p:.1e}", int(y), f"{p * (1 - p):.1e}")
                       for x, p, y in zip(X, y_hat, Y[:, 0])], lang=LANG)
        """
    ),
    md(
        zh=r"""
        ## 4. 起点处的曲率给出的估计

        多维时，二次函数的规则变成$\eta<2/\lambda_{\max}$：$\lambda_{\max}$是损失的黑塞矩阵（Hessian，全部二阶偏导数组成的矩阵）最大的特征值，即最陡方向上的曲率$E''$。`sharpness`用反向传播的梯度做中心差分求出黑塞矩阵，再取$\lambda_{\max}$。在异或网络的起点算一下，再在学会以后的网络上算一下：
        """,
        en=r"""
        ## 4. The estimate from the curvature at the start

        In several dimensions the quadratic's rule becomes $\eta < 2/\lambda_{\max}$, where
        $\lambda_{\max}$ is the largest eigenvalue of the loss's Hessian (the matrix of all
        second partial derivatives): the curvature $E''$ of the steepest direction.
        `sharpness` builds the Hessian by central differences of the backpropagated gradient
        and takes $\lambda_{\max}$. At the XOR network's start, and after it has learned:
        """,
    ),
    code(
        """
        lam_start = sharpness(net, X, Y)
        trained = bpcore.train(net, X, Y, eta=10.0, epochs=2000, mode="accumulated")
        lam_end = sharpness(trained.net, X, Y)
        Table(["", "λ_max", "2/λ_max"], [
            (text("16.start", LANG), lam_start, 2 / lam_start),
            (text("16.after_eta_10", LANG), lam_end, 2 / lam_end),
        ], decimals=4, lang=LANG)
        """
    ),
    md(
        zh=r"""
        起点处的$2/\lambda_{\max}$比实测边界小一截，学会以后的又大得多。异或的损失不是一个碗：训练途中曲率一直在变。学习率在起点的$2/\lambda_{\max}$与实测边界之间时，开头几步确实在最陡的方向上来回跳（下图中间那条曲线的锯齿），可网络一边跳一边往曲率小的地方走，跳动就消失了；远远超过边界时，第一步就把输出单元推进了饱和区，再也出不来。所以起点的曲率只是一个参考，边界要靠扫描来测。下面是三个学习率的前100轮：起点$2/\lambda_{\max}$的一半、实测边界的0.9倍、扫描里最大的学习率：
        """,
        en=r"""
        At the start, $2/\lambda_{\max}$ is well below the measured edge; after learning it is
        far above. XOR's loss is not a bowl: its curvature keeps changing during training.
        With a learning rate between the start's $2/\lambda_{\max}$ and the measured edge, the
        first steps do bounce along the steepest direction (the zigzag of the middle curve
        below), but while bouncing the net moves to where the curvature is smaller, and the
        bouncing dies out; far above the edge, the first step pushes the output unit into
        saturation for good. So the curvature at the start is a guide; the edge itself has to
        be measured. Below, the first 100 epochs of three learning rates: half the start's
        $2/\lambda_{\max}$, 0.9 times the measured edge, and the sweep's largest:
        """,
    ),
    code(
        """
        shown = [0.5 * 2 / lam_start, 0.9 * edge_xor.below, etas[-1]]
        curves = {}
        for eta in shown:
            run = bpcore.train(net, X, Y, eta=eta, epochs=2000, mode="accumulated")
            curves[f"η = {eta:.4g}, E₂₀₀₀ = {run.final_loss:.2g}"] = run.loss[:101]
        Image(plots.to_png(plots.curves_figure(curves, lang=LANG, logy=False)))
        """
    ),
    md(
        zh=r"""
        ## 小结

        - 给每个参数加一个“运行”下标$r$，几百个学习率就能用同样的矩阵乘法一起训练；每次运行与`bpcore.train`单独训练的结果一致。
        - 二次函数$E=\frac12E''(w-w^*)^2$上，每步距离乘以$1-\eta E''$：$\eta<1/E''$收敛，$1/E''<\eta<2/E''$震荡，$\eta>2/E''$发散。扫描测出的边界与推导一致；发散边界只在步数有限时略大于$2/E''$。
        - 异或网络没有公式，边界要测：太小的学习率在给定轮数内学不会，太大的让Sigmoid饱和、网络卡住，而损失有上界，所以不会“发散”。
        - 多维的规则是$\eta<2/\lambda_{\max}$，但训练途中曲率在变：起点的曲率只是参考。

        ## 练习

        1. 写一个函数`max_eta(a, b)`：对损失$E(w)=a(w-b)^2$（$a>0$），返回梯度下降发散的学习率边界（$\eta$超过它就发散）。注意这里没有$\frac12$。
        2. 不用`bpcore.sweep`，自己写一个向量化的扫描：函数`descend_all(etas, steps)`对数组`etas`里的每个学习率，从$w_0=-1$出发，在第01课的$E(w)=\frac12(w-3)^2$上做`steps`步梯度下降，返回形状为`(len(etas),)`的数组，每个元素是对应学习率最后的$w$。不许对`etas`写循环：整个数组一起更新。
        """,
        en=r"""
        ## Summary

        - Give every parameter a run index $r$ and hundreds of learning rates train together
          with the same matrix products; each run equals `bpcore.train` on its own.
        - On the quadratic $E = \frac12 E''(w - w^*)^2$ each step multiplies the distance by
          $1 - \eta E''$: $\eta < 1/E''$ converges, $1/E'' < \eta < 2/E''$ oscillates,
          $\eta > 2/E''$ diverges. The sweep's measured edges agree; the divergence edge is
          slightly above $2/E''$ only because the number of steps is finite.
        - For the XOR network no formula gives the edge; we measure it: too small a learning
          rate does not learn in the epochs given, too large a one saturates the sigmoids and
          the net gets stuck; the loss is bounded, so nothing "diverges".
        - In several dimensions the rule is $\eta < 2/\lambda_{\max}$, but the curvature changes
          during training: the curvature at the start is only a guide.

        ## Exercises

        1. Write a function `max_eta(a, b)`: for the loss $E(w) = a(w - b)^2$ ($a > 0$), it
           returns the learning rate above which gradient descent diverges. Note: no
           $\frac12$ here.
        2. Without `bpcore.sweep`, write a vectorised sweep of your own: `descend_all(etas, steps)`
           takes an array `etas`, runs `steps` steps of gradient descent on lesson 01's
           $E(w) = \frac12(w - 3)^2$ from $w_0 = -1$ for every learning rate, and returns an
           array of shape `(len(etas),)`: the final $w$ of each. No loop over `etas`: update the
           whole array at once.
        """,
    ),
    *exercise(
        "16-edge",
        answer="max_eta",
        source="""
        # zh: 练习1：E(w) = a (w − b)² 上梯度下降发散的学习率
        # en: Exercise 1: the learning rate above which descent on E(w) = a (w − b)² diverges
        def max_eta(a, b):
            ### BEGIN SOLUTION
            return 1.0 / a  # E″ = 2a, 2/E″ = 1/a
            ### END SOLUTION
        """,
    ),
    *exercise(
        "16-descent",
        answer="descend_all",
        source="""
        # zh: 练习2：所有学习率一起走 steps 步
        # en: Exercise 2: all learning rates at once, `steps` steps
        def descend_all(etas, steps):
            ### BEGIN SOLUTION
            w = np.full(len(etas), -1.0)
            for _ in range(steps):
                w = w - etas * (w - 3.0)
            return w
            ### END SOLUTION
        """,
    ),
]
