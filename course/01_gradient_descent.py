"""Lesson 01: gradient descent on a 1-D loss (η too small / too large), then the perceptron on AND."""

from _cells import code, exercise, md

TITLE = dict(zh="梯度下降与感知机", en="Gradient descent and the perceptron")

CELLS = [
    md(
        zh="""
        **目标**

        - 理解梯度下降（gradient descent）的一步：$w \\leftarrow w - \\eta\\,\\dfrac{dE}{dw}$。
        - 亲眼看到学习率（learning rate）$\\eta$太小会走得很慢，太大会越过最小值、来回震荡，甚至发散（divergence）。
        - 看感知机（perceptron）如何学会逻辑与，以及为什么阈值（threshold）可以当作一个固定输入的权重来学习（教程002）。

        **前置知识**：导数的含义（函数在一点的斜率）；会运行Jupyter单元格。
        """,
        en="""
        **Goal**

        - Understand one step of gradient descent: $w \\leftarrow w - \\eta\\,\\dfrac{dE}{dw}$.
        - See for yourself that a learning rate $\\eta$ that is too small crawls, and one that is
          too large overshoots the minimum, oscillates, or even diverges.
        - Watch a perceptron learn logical AND, and see why its threshold can be learned as the
          weight of a fixed input (tutorial 002).

        **Prerequisites**: what a derivative means (the slope of a function at a point); running
        Jupyter cells.
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
        import ipywidgets as widgets
        from IPython.display import Image

        from bpcore.perceptron import predict, train_perceptron, with_dummy
        from bpcore.plots import DescentPlot, descent_figure, to_png
        from bpcore.lessons import columns, say, text
        from bpcore.tables import Table
        """
    ),
    md(
        zh="""
        ## 1. 一维的梯度下降

        想象你站在山坡上，四周大雾，只能感觉到脚下的坡度。要下山，就朝下坡的方向迈一步；坡越陡，步子越大。梯度下降就是这样做的：导数$\\dfrac{dE}{dw}$告诉我们损失$E$往哪边上升，我们就往反方向走，步长由学习率$\\eta$控制：

        $$w \\leftarrow w - \\eta\\,\\frac{dE}{dw}$$

        先用最简单的损失函数（loss function）试一试：

        $$E(w) = \\tfrac12\\,(w - 3)^2,\\qquad \\frac{dE}{dw} = w - 3$$

        它在$w^* = 3$处取得最小值0。$\\tfrac12$让导数里不出现系数2。下面先用中心差分（central difference）检查这个导数写得对不对。
        """,
        en="""
        ## 1. Gradient descent in one dimension

        Imagine standing on a hillside in thick fog: all you can feel is the slope under your
        feet. To get down, you step in the downhill direction, and the steeper it is, the bigger
        the step. Gradient descent does exactly that: the derivative $\\dfrac{dE}{dw}$ says in
        which direction the loss $E$ rises, so we move the other way, by a step set by the
        learning rate $\\eta$:

        $$w \\leftarrow w - \\eta\\,\\frac{dE}{dw}$$

        Try it first on the simplest loss function:

        $$E(w) = \\tfrac12\\,(w - 3)^2,\\qquad \\frac{dE}{dw} = w - 3$$

        Its minimum, 0, is at $w^* = 3$. The $\\tfrac12$ keeps a factor 2 out of the derivative.
        First, check the derivative by central differences.
        """,
    ),
    code(
        """
        w_star = 3.0


        def E(w):
            return 0.5 * (w - w_star) ** 2


        def dE_dw(w):
            return w - w_star


        points = np.array([-1.0, 0.0, 2.5, 6.0])
        numeric = np.array([bpcore.numeric_gradient(lambda v: E(v[0]), [p])[0] for p in points])
        print("w        ", points)
        print("dE/dw    ", dE_dw(points))
        say("01.numeric", numeric.round(8), lang=LANG)
        say("all.max_rel_err", f"{bpcore.relative_error(dE_dw(points), numeric).max():.1e}", lang=LANG)
        """
    ),
    md(
        zh="""
        梯度下降本身只有一行：从起点$w_0 = -1$出发，反复执行更新规则，记下走过的每一个$w$。
        """,
        en="""
        Gradient descent itself is one line: start at $w_0 = -1$, apply the update rule again and
        again, and record every $w$ on the way.
        """,
    ),
    code(
        """
        def descend(eta, steps=20, w0=-1.0):
            \"\"\"w_0, w_1, …, w_steps of w ← w − η dE/dw.\"\"\"
            path = [w0]
            for _ in range(steps):
                path.append(path[-1] - eta * dE_dw(path[-1]))
            return np.array(path)


        etas = [0.1, 0.6, 2.1]
        rows = []
        for eta in etas:
            p = descend(eta)
            rows.append((f"{eta:g}", p[1], p[2], p[5], p[20], f"{E(p[20]):.3g}"))
        Table(["η", "w₁", "w₂", "w₅", "w₂₀", "E(w₂₀)"], rows, aligns=[">"] * 6, decimals=4, lang=LANG)
        """
    ),
    md(
        zh="""
        三个学习率，三种结局。画出来更清楚：灰色曲线是$E(w)$，彩色点是每一步的位置，颜色从浅到深表示先后。
        """,
        en="""
        Three learning rates, three outcomes. A picture makes it clearer: the grey curve is
        $E(w)$, the coloured dots are the positions step by step, from light to dark.
        """,
    ),
    code(
        """
        def verdict(path):
            # read the outcome off the path itself, not off a formula
            err = np.abs(path - w_star)
            if err[-1] > err[0]:
                return text("01.diverge", LANG)
            if np.any((path[:-1] - w_star) * (path[1:] - w_star) < 0):
                return text("01.overshoot", LANG)
            if err[-1] > 0.01 * err[0]:
                return text("01.slow", LANG)
            return text("01.good", LANG)


        Image(to_png(descent_figure(E, descend, verdict, etas, steps=20, lang=LANG)))
        """
    ),
    md(
        zh="""
        为什么会这样？把$\\dfrac{dE}{dw} = w - 3$代入更新规则：

        $$w_{k+1} - 3 = w_k - 3 - \\eta\\,(w_k - 3) = (1 - \\eta)\\,(w_k - 3)$$

        每走一步，到最小值的距离乘以$1-\\eta$：

        - $0 < \\eta < 1$：距离按同一方向缩小；$\\eta$越小缩得越慢。
        - $\\eta = 1$：一步就到$w^* = 3$。
        - $1 < \\eta < 2$：$1-\\eta$为负，每一步都越过最小值，但距离仍在缩小，来回跳着收敛。
        - $\\eta > 2$：$|1-\\eta| > 1$，距离越来越大，这就是发散。

        对一般的损失函数，在最小值附近起作用的是曲率$E''(w^*)$：学习率超过$2/E''(w^*)$就会发散。曲率越大（山谷越陡峭），能用的学习率越小。后面训练神经网络时，损失曲线突然上升到无穷大，往往就是这个原因。
        """,
        en="""
        Why? Put $\\dfrac{dE}{dw} = w - 3$ into the update rule:

        $$w_{k+1} - 3 = w_k - 3 - \\eta\\,(w_k - 3) = (1 - \\eta)\\,(w_k - 3)$$

        Every step multiplies the distance to the minimum by $1-\\eta$:

        - $0 < \\eta < 1$: the distance shrinks, always on the same side; the smaller $\\eta$,
          the slower.
        - $\\eta = 1$: one step lands on $w^* = 3$.
        - $1 < \\eta < 2$: $1-\\eta$ is negative, so every step jumps over the minimum, but the
          distance still shrinks: it converges while bouncing.
        - $\\eta > 2$: $|1-\\eta| > 1$, the distance grows: this is divergence.

        For a general loss, what matters near the minimum is the curvature $E''(w^*)$: a
        learning rate above $2/E''(w^*)$ diverges. The sharper the valley, the smaller the
        learning rate it tolerates. When a network's loss later shoots up to infinity, this is
        usually why.
        """,
    ),
    md(
        zh="""
        ### 自己试一试

        拖动滑块改变学习率$\\eta$（对数刻度）和步数，图会马上重画：左边是走过的路径，右边是每一步的损失（对数坐标）。找一找：$\\eta$多大时一步到位？从哪个$\\eta$开始来回跳？从哪个$\\eta$开始发散？
        """,
        en="""
        ### Try it yourself

        Drag the sliders to change the learning rate $\\eta$ (log scale) and the number of steps;
        the picture is redrawn at once: the path on the left, the loss at every step on the right
        (log scale). Find out: for which $\\eta$ does one step land on the minimum? From which
        $\\eta$ on does the path bounce? From which $\\eta$ on does it diverge?
        """,
    ),
    code(
        """
        # the figure and its artists are made once; a redraw only changes their data
        slider_plot = DescentPlot(E, descend, verdict, lang=LANG)
        eta_slider = widgets.FloatLogSlider(value=0.1, base=10, min=-2, max=np.log10(2.5), step=0.01,
                                            description="η", readout_format=".3f")
        steps_slider = widgets.IntSlider(value=20, min=1, max=50,
                                         description=text("01.steps", LANG))
        picture = widgets.Image(value=slider_plot.png(eta_slider.value, steps_slider.value), format="png")
        status = widgets.Label()


        def redraw(change):
            try:
                picture.value = slider_plot.png(eta_slider.value, steps_slider.value)
                status.value = ""
            except Exception as err:  # a slider must never end in a traceback
                status.value = f"{type(err).__name__}: {err}"


        eta_slider.observe(redraw, names="value")
        steps_slider.observe(redraw, names="value")
        widgets.VBox([widgets.HBox([eta_slider, steps_slider]), picture, status])
        """,
        ignore_output=True,
    ),
    md(
        zh="""
        ## 2. 感知机学习逻辑与（教程002）

        感知机只有一个神经元（neuron）：把输入加权求和，减去阈值$\\theta$，再经过阶跃函数$f$（非负输出1，否则输出0）：

        $$\\hat y = f\\Big(\\sum_{i=1}^{d} w_i x_i - \\theta\\Big)$$

        **阈值也是一个权重。** 给每个样本添上一个固定的输入$x_{d+1} = -1$（哑结点），令它的权重$w_{d+1} = \\theta$，就有$\\sum_{i=1}^{d} w_i x_i - \\theta = \\sum_{i=1}^{d+1} w_i x_i$。于是权重和阈值可以用同一条规则学习：

        $$w_i \\leftarrow w_i + \\eta\\,(y - \\hat y)\\,x_i,\\qquad i = 1, \\dots, d+1$$

        预测对了（$y = \\hat y$）就什么都不改；预测错了，就把权重往能纠正这个错误的方向挪一点。对$w_{d+1}$来说，这就是$\\theta \\leftarrow \\theta - \\eta\\,(y - \\hat y)$。这条规则也是梯度下降：教程002把它写成对“分错的样本”的损失求梯度再下降一步。

        `bpcore.perceptron.with_dummy`给逻辑与的四个样本添上哑输入$-1$：
        """,
        en="""
        ## 2. The perceptron learns logical AND (tutorial 002)

        A perceptron is a single neuron: it weights and sums its inputs, subtracts a threshold
        $\\theta$ and passes the result through the step function $f$ (1 for a non-negative
        argument, else 0):

        $$\\hat y = f\\Big(\\sum_{i=1}^{d} w_i x_i - \\theta\\Big)$$

        **The threshold is a weight too.** Give every sample one more, fixed input
        $x_{d+1} = -1$ (a dummy input) with weight $w_{d+1} = \\theta$; then
        $\\sum_{i=1}^{d} w_i x_i - \\theta = \\sum_{i=1}^{d+1} w_i x_i$, and the weights and
        the threshold are learned by one rule:

        $$w_i \\leftarrow w_i + \\eta\\,(y - \\hat y)\\,x_i,\\qquad i = 1, \\dots, d+1$$

        A correct prediction ($y = \\hat y$) changes nothing; a wrong one moves the weights a
        little in the direction that corrects it. For $w_{d+1}$ the rule reads
        $\\theta \\leftarrow \\theta - \\eta\\,(y - \\hat y)$. It is gradient descent too:
        tutorial 002 writes it as one descent step on a loss over the misclassified samples.

        `bpcore.perceptron.with_dummy` appends the dummy input $-1$ to the four samples of AND:
        """,
    ),
    code(
        """
        example = bpcore.examples.get("t002_perceptron_and")
        print(example.title(LANG))
        print("x̃ = (x1, x2, −1):")
        print(with_dummy(example.X))
        print("y =", example.Y)
        """
    ),
    md(
        zh="""
        教程没有给出学习率和初始权重，课程的选择写在例子的说明里：
        """,
        en="""
        The tutorial gives no learning rate and no initial weights; the course's choice is in the
        example's note:
        """,
    ),
    code(
        """
        print(example.note(LANG))
        """
    ),
    md(
        zh="""
        先一个样本一个样本地看第1轮。每次只把一个样本交给`train_perceptron`、只训练一轮，它就恰好执行一次上面的更新规则。注意第一个样本$(0, 0)$：加权和$0 - \\theta = 0$，阶跃函数输出1，错了，于是阈值从0升到$0.5$。
        """,
        en="""
        First, epoch 1 sample by sample. Handing `train_perceptron` one sample and one epoch makes
        it apply the update rule above exactly once. Look at the first sample $(0, 0)$: the
        weighted sum is $0 - \\theta = 0$, the step outputs 1, which is wrong, so the threshold
        rises from 0 to $0.5$.
        """,
    ),
    code(
        """
        w, theta = np.array(example.settings["w"]), example.settings["theta"]
        rows = []
        for x, y in zip(example.X, example.Y):
            y_hat = predict(w, theta, [x])[0]
            one = train_perceptron([x], [y], eta=example.eta, w=w, theta=theta, max_epochs=1)
            w, theta = one.w[-1], one.theta[-1]
            rows.append((f"({x[0]:g}, {x[1]:g})", int(y), int(y_hat), f"({w[0]:g}, {w[1]:g}, {theta:g})"))
        Table(columns("01.sample_table", LANG), rows, lang=LANG)
        """
    ),
    md(
        zh="""
        现在让感知机一直训练，直到某一轮一个样本也不分错。下表是每一轮结束时的权重；$\\theta$一栏就是哑输入$-1$的权重$w_3$，“错误数”是这一轮中分错的样本数（第0轮是初始权重的错误数）。
        """,
        en="""
        Now let the perceptron train until an epoch makes no mistake. The table shows the weights
        at the end of every epoch; the $\\theta$ column is the weight $w_3$ of the dummy input
        $-1$, and *mistakes* counts the samples misclassified during the epoch (epoch 0: those of
        the initial weights).
        """,
    ),
    code(
        """
        history = train_perceptron(example.X, example.Y, eta=example.eta, w=example.settings["w"],
                                   theta=example.settings["theta"], mode=example.mode)
        rows = [(k, *w_tilde, int(history.mistakes[k])) for k, w_tilde in enumerate(history.w_tilde)]
        Table(columns("01.epoch_table", LANG), rows, decimals=1, lang=LANG)
        """
    ),
    code(
        """
        w, theta = history.w[-1], history.theta[-1]
        say("01.converged_after", lang=LANG, converged=history.converged, epochs=history.epochs_run)
        print(f"w = {w}, θ = {theta:g}")
        print("w1·x1 + w2·x2 − θ =", example.X @ w - theta)
        print("ŷ =", history.predict(example.X), " y =", example.Y)
        """
    ),
    md(
        zh="""
        学到的感知机在$w_1x_1 + w_2x_2 - \\theta \\ge 0$时输出1。边界$w_1x_1 + w_2x_2 = \\theta$是一条直线。注意$(1, 1)$恰好落在这条直线上：加权和正好是0，而阶跃函数在0处输出1，所以它算作正类。学习率取$0.5$（二进制能精确表示）保证了这个0是精确的0，不会因为舍入变成一个很小的负数。
        """,
        en="""
        The learned perceptron outputs 1 where $w_1x_1 + w_2x_2 - \\theta \\ge 0$. The boundary
        $w_1x_1 + w_2x_2 = \\theta$ is a straight line. Note that $(1, 1)$ lies exactly on it:
        its weighted sum is exactly 0, and the step outputs 1 at 0, so it counts as positive. The
        learning rate $0.5$ (exact in binary) makes that 0 an exact 0 rather than a tiny negative
        number left by rounding.
        """,
    ),
    code(
        """
        plot = bpcore.plots.BoundaryPlot(example.X, example.Y[:, None], lang=LANG, resolution=201)
        plot.update(lambda grid: predict(w, theta, grid)[:, None])
        Image(plot.png())
        """
    ),
    md(
        zh="""
        同样的规则能学会异或吗？异或（XOR）的两类点不能用一条直线分开，所以感知机永远找不到一轮不出错的权重，只会在几组权重之间打转。第9课会说明加一个隐藏层为什么能解决这个问题。
        """,
        en="""
        Can the same rule learn XOR? No straight line separates the two classes of XOR, so the
        perceptron never finds weights that get through an epoch without a mistake; it cycles
        between a few weight vectors forever. Lesson 09 shows why a hidden layer fixes this.
        """,
    ),
    code(
        """
        xor = bpcore.examples.get("t001_xor")
        xor_history = train_perceptron(xor.X, xor.Y[:, 0], eta=0.5, max_epochs=50)
        say("01.converged", xor_history.converged, lang=LANG)
        say("01.last_mistakes", xor_history.mistakes[-8:], lang=LANG)
        """
    ),
    md(
        zh="""
        ## 小结

        - 梯度下降沿负梯度方向更新参数：$w \\leftarrow w - \\eta\\,\\dfrac{dE}{dw}$。
        - 学习率太小收敛慢；偏大会越过最小值来回跳；超过$2/E''$就发散。
        - 感知机用$w_i \\leftarrow w_i + \\eta\\,(y - \\hat y)\\,x_i$学习；阈值$\\theta$是固定输入$-1$的权重，和其他权重一起学。
        - 感知机能学会逻辑与这样线性可分的问题，学不会异或。要学异或，需要隐藏层，也就需要反向传播来求梯度；下一课先看隐藏层用的Sigmoid函数。

        ## 练习
        """,
        en="""
        ## Summary

        - Gradient descent moves the parameters against the gradient:
          $w \\leftarrow w - \\eta\\,\\dfrac{dE}{dw}$.
        - A learning rate that is too small converges slowly; a large one overshoots and
          bounces; above $2/E''$ it diverges.
        - The perceptron learns by $w_i \\leftarrow w_i + \\eta\\,(y - \\hat y)\\,x_i$; its
          threshold $\\theta$ is the weight of the fixed input $-1$ and is learned with the
          other weights.
        - A perceptron learns linearly separable problems such as AND, but not XOR. XOR needs a
          hidden layer, and so backpropagation to compute the gradients; the next lesson looks
          at the sigmoid that hidden layers use.

        ## Exercises
        """,
    ),
    md(
        zh="""
        **练习1.** 从$w_0 = -1$出发，取$\\eta = 0.5$，在$E(w) = \\tfrac12(w-3)^2$上走一步，$w_1$是多少？先心算，再把答案填进`answer`。
        """,
        en="""
        **Exercise 1.** Starting at $w_0 = -1$ with $\\eta = 0.5$, take one gradient-descent step on
        $E(w) = \\tfrac12(w-3)^2$. What is $w_1$? Work it out in your head, then put it in
        `answer`.
        """,
    ),
    *exercise("01-1", "descend(0.5, steps=1)[1]"),
    md(
        zh="""
        **练习2.** 对$E(w) = \\tfrac12(w-3)^2$，学习率超过多少时梯度下降会发散？（提示：看$1-\\eta$。也可以先用`bpcore.numeric_gradient`估计曲率$E''$。）
        """,
        en="""
        **Exercise 2.** For $E(w) = \\tfrac12(w-3)^2$, above which learning rate does gradient
        descent diverge? (Hint: look at $1-\\eta$. You may estimate the curvature $E''$ with
        `bpcore.numeric_gradient` first.)
        """,
    ),
    *exercise(
        "01-2",
        source="""
        ### BEGIN SOLUTION
        curvature = bpcore.numeric_gradient(lambda v: dE_dw(v[0]), [0.0])[0]
        answer = 2.0 / curvature
        ### END SOLUTION
        """,
        stub="answer = None",
    ),
    md(
        zh="""
        **练习3.** 用$\\eta = 1$代替$\\eta = 0.5$，从同样的初值（全为0）训练感知机学习逻辑与，最后的阈值$\\theta$是多少？先猜，再用`train_perceptron`验证。为什么结果恰好是原来的两倍？
        """,
        en="""
        **Exercise 3.** Train the perceptron on AND from the same start (all zeros) with
        $\\eta = 1$ instead of $\\eta = 0.5$. What is the final threshold $\\theta$? Guess first,
        then check with `train_perceptron`. Why is it exactly twice the value above?
        """,
    ),
    *exercise("01-3", "train_perceptron(example.X, example.Y, eta=1.0).theta[-1]"),
    md(
        zh="""
        **练习4（推导）.** 对$E(w) = ½(w-3)^2$求$dE/dw$，把结果写成含`w`的字符串，例如`"w + 1"`。SymPy会检查它和正确答案是否相等。
        """,
        en="""
        **Exercise 4 (derivation).** Derive $dE/dw$ for $E(w) = ½(w-3)^2$ and write it as a
        string in `w`, e.g. `"w + 1"`. SymPy checks that it equals the right answer.
        """,
    ),
    *exercise("01-derive", '"w - 3"'),
]
