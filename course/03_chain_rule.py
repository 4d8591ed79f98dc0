"""Lesson 03: the chain rule on tutorial 004's composite function, as a computational graph,
numerically and symbolically."""

from _cells import code, exercise, md

TITLE = dict(zh="链式法则与计算图", en="The chain rule on a computational graph")

CELLS = [
    md(
        zh="""
        **目标**

        - 把复合函数$f(x; w, b) = \\dfrac{1}{\\exp(-(w x + b)) + 1}$拆成一串初等函数，画成计算图（computational graph）。
        - 在$x = 1, w = 0, b = 0$处算出每个节点的值（前向）和每条边的局部导数，再沿路径连乘得到$\\partial f/\\partial w = \\partial f/\\partial b = 0.25$（教程004）。
        - 用SymPy符号推导、用中心差分数值检验同一个结果。
        - 看清反向传播的核心想法：从输出往回连乘，公共的部分只算一次。

        **前置知识**：[第2课](02_sigmoid.ipynb)的Sigmoid函数及其导数；偏导数（partial derivative）的含义：只让一个变量变化时的导数。
        """,
        en="""
        **Goal**

        - Split the composite function $f(x; w, b) = \\dfrac{1}{\\exp(-(w x + b)) + 1}$ into a
          chain of elementary functions and draw it as a computational graph.
        - At $x = 1, w = 0, b = 0$, compute every node's value (forward) and every edge's local
          derivative, then multiply along the path to get
          $\\partial f/\\partial w = \\partial f/\\partial b = 0.25$ (tutorial 004).
        - Derive the same result symbolically in SymPy and check it numerically by central
          differences.
        - See the core idea of backpropagation: multiply from the output backwards, so shared
          parts are computed once.

        **Prerequisites**: the sigmoid and its derivative from [lesson 02](02_sigmoid.ipynb);
        what a partial derivative is (the derivative when only one variable changes).
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

        from bpcore.lessons import say
        from bpcore.plots import chain_graph_figure, to_png
        """
    ),
    md(
        zh="""
        ## 1. 链式法则

        链式法则（chain rule）说的是：若$y = g(u)$而$u = h(w)$，则$y$对$w$的导数等于各环节导数之积：

        $$\\frac{dy}{dw} = \\frac{dy}{du}\\cdot\\frac{du}{dw}$$

        直观地说：$w$变一点点，$u$就变$\\frac{du}{dw}$倍那么多；$u$变一点点，$y$又变$\\frac{dy}{du}$倍那么多。两次放大连起来，就是两个倍数相乘。环节再多也一样，一路乘下去。

        教程004用邱锡鹏《神经网络与深度学习》中的例子演示这件事：

        $$f(x; w, b) = \\frac{1}{\\exp(-(w x + b)) + 1}$$

        这正是一个带偏置（bias）的Sigmoid神经元$f = \\sigma(wx + b)$，参数是$w$和$b$。把这个复合函数（composite function）拆成六个初等函数（elementary function），每一步只做一种简单运算：

        $$h_1 = x\\cdot w,\\quad h_2 = h_1 + b,\\quad h_3 = -h_2,\\quad h_4 = e^{h_3},\\quad h_5 = h_4 + 1,\\quad h_6 = \\frac{1}{h_5} = f$$

        每一步的导数都很简单，叫作这一步的局部导数（local derivative）。
        """,
        en="""
        ## 1. The chain rule

        If $y = g(u)$ and $u = h(w)$, the derivative of $y$ with respect to $w$ is the product of
        the links' derivatives:

        $$\\frac{dy}{dw} = \\frac{dy}{du}\\cdot\\frac{du}{dw}$$

        Intuitively: nudge $w$ a little and $u$ moves $\\frac{du}{dw}$ times as much; nudge $u$
        and $y$ moves $\\frac{dy}{du}$ times as much. Chain the two amplifications and the
        factors multiply. With more links, keep multiplying.

        Tutorial 004 shows this on an example from Qiu Xipeng's *Neural Networks and Deep
        Learning*:

        $$f(x; w, b) = \\frac{1}{\\exp(-(w x + b)) + 1}$$

        This is exactly one sigmoid neuron with a bias, $f = \\sigma(wx + b)$, with parameters
        $w$ and $b$. Split it into six elementary functions (each step does one simple
        operation):

        $$h_1 = x\\cdot w,\\quad h_2 = h_1 + b,\\quad h_3 = -h_2,\\quad h_4 = e^{h_3},\\quad h_5 = h_4 + 1,\\quad h_6 = \\frac{1}{h_5} = f$$

        Each step has a simple derivative: the step's local derivative.
        """,
    ),
    md(
        zh="""
        ## 2. 计算图：前向的值和局部导数

        `bpcore.examples`中的例子`t004_composite`保存了教程的数据（$x = 1, w = 0, b = 0$和公布的两个导数）；`bpcore.examples.trace`在这一点上逐步算出每个初等函数的值、局部导数，以及每一步输出的梯度$\\partial f/\\partial h_k$（从$f$往回连乘到这一步；最后一步$\\partial f/\\partial h_6 = 1$）。
        """,
        en="""
        ## 2. The computational graph: forward values and local derivatives

        The example `t004_composite` in `bpcore.examples` holds the tutorial's data
        ($x = 1, w = 0, b = 0$ and the two published derivatives); `bpcore.examples.trace`
        computes, at that point, every elementary function's value, its local derivative, and
        the gradient of each step's output, $\\partial f/\\partial h_k$ (the product from $f$
        back to that step; for the last step $\\partial f/\\partial h_6 = 1$).
        """,
    ),
    code(
        """
        example = bpcore.examples.get("t004_composite")
        trace = bpcore.examples.trace("t004_composite")
        elementary = trace.section("elementary")
        print(example.title(LANG))
        print("x, w, b =", example.settings["x"], example.settings["w"], example.settings["b"])
        elementary.markdown(LANG)
        """
    ),
    md(
        zh="""
        同样的数画成计算图。黑色箭头是前向计算的方向，方框里是节点的运算和它在这一点的值；蓝色数字是每条边的局部导数；红色数字是从$f$往回连乘得到的$\\partial f/\\partial(\\cdot)$，也就是反向传播要求的梯度。
        """,
        en="""
        The same numbers drawn as a computational graph. Black arrows point the way of the
        forward computation; each box shows a node's operation and its value at this point; blue
        numbers are the edges' local derivatives; red numbers are $\\partial f/\\partial(\\cdot)$,
        the products from $f$ backwards, i.e. the gradients backpropagation computes.
        """,
    ),
    code(
        """
        rows = elementary.rows
        value = [row[1] for row in rows]  # h1 … h6 at (x, w, b)
        local = [row[3] for row in rows]  # ∂h1/∂w, ∂h2/∂h1, …, ∂h6/∂h5
        back = [row[-1] for row in rows]  # ∂f/∂h1, ∂f/∂h2, …, ∂f/∂h6 = 1
        x, w, b = (example.settings[k] for k in ("x", "w", "b"))
        fmt = bpcore.plots.fmt

        # ∂f/∂w = ∂f/∂h1 · ∂h1/∂w, ∂f/∂b = ∂f/∂h2 · ∂h2/∂b (= 1)
        grad_w, grad_b = back[0] * local[0], back[1] * 1.0
        Image(to_png(chain_graph_figure(x, w, b, value, local, back, grad_w, grad_b, lang=LANG)))
        """
    ),
    md(
        zh="""
        ## 3. 沿路径连乘

        $f$通过$h_5, h_4, h_3, h_2, h_1$依赖$w$。把这条路径上的局部导数全部乘起来：

        $$\\frac{\\partial f}{\\partial w} = \\frac{\\partial h_6}{\\partial h_5}\\cdot\\frac{\\partial h_5}{\\partial h_4}\\cdot\\frac{\\partial h_4}{\\partial h_3}\\cdot\\frac{\\partial h_3}{\\partial h_2}\\cdot\\frac{\\partial h_2}{\\partial h_1}\\cdot\\frac{\\partial h_1}{\\partial w}$$

        通往$b$的路径在$h_2$处分岔，只是最后一个因子换成$\\partial h_2/\\partial b = 1$。下面直接把表中的局部导数相乘，并与教程公布的值对照：
        """,
        en="""
        ## 3. Multiply along the path

        $f$ depends on $w$ through $h_5, h_4, h_3, h_2, h_1$. Multiply every local derivative on
        that path:

        $$\\frac{\\partial f}{\\partial w} = \\frac{\\partial h_6}{\\partial h_5}\\cdot\\frac{\\partial h_5}{\\partial h_4}\\cdot\\frac{\\partial h_4}{\\partial h_3}\\cdot\\frac{\\partial h_3}{\\partial h_2}\\cdot\\frac{\\partial h_2}{\\partial h_1}\\cdot\\frac{\\partial h_1}{\\partial w}$$

        The path to $b$ branches off at $h_2$; its last factor is $\\partial h_2/\\partial b = 1$
        instead. Multiply the local derivatives from the table and compare with the published
        values:
        """,
    ),
    code(
        """
        df_dw = np.prod(local)  # all six factors
        df_db = np.prod(local[2:]) * 1.0  # ∂h6/∂h5 … ∂h3/∂h2, then ∂h2/∂b = 1
        print(" × ".join(f"({fmt(d)})" for d in local[::-1]), "=", fmt(df_dw))
        for name, ours in (("df_dw", df_dw), ("df_db", df_db)):
            published = example.published_value(name)
            say("03.ours_vs_published", lang=LANG, name=published.label(LANG), value=ours, text=published.text)
        """
    ),
    md(
        zh="""
        **反向传播的想法就在这里。** 两条路径共享$f \\to h_5 \\to h_4 \\to h_3 \\to h_2$这一段。如果从输出往回乘，先得到$\\partial f/\\partial h_2 = 0.25$（计算图中的红色数字），那么

        $$\\frac{\\partial f}{\\partial w} = \\frac{\\partial f}{\\partial h_2}\\cdot\\frac{\\partial h_2}{\\partial h_1}\\cdot\\frac{\\partial h_1}{\\partial w},\\qquad \\frac{\\partial f}{\\partial b} = \\frac{\\partial f}{\\partial h_2}\\cdot\\frac{\\partial h_2}{\\partial b}$$

        公共部分只算了一次。神经网络有成千上万个参数，它们的路径在靠近输出的地方大量重合；从输出层往回逐层计算、把每层的结果留给下一层使用，就是反向传播（backpropagation）。

        还可以对照第2课：后五个因子之积正是Sigmoid函数的导数$\\sigma'(z) = f\\,(1-f)$，所以$\\dfrac{\\partial f}{\\partial w} = f\\,(1-f)\\cdot x$。用前向算出的输出$f = 0.5$就能得到同一个数：
        """,
        en="""
        **Here is the idea of backpropagation.** The two paths share the stretch
        $f \\to h_5 \\to h_4 \\to h_3 \\to h_2$. Multiplying from the output backwards gives
        $\\partial f/\\partial h_2 = 0.25$ first (the red numbers in the graph), and then

        $$\\frac{\\partial f}{\\partial w} = \\frac{\\partial f}{\\partial h_2}\\cdot\\frac{\\partial h_2}{\\partial h_1}\\cdot\\frac{\\partial h_1}{\\partial w},\\qquad \\frac{\\partial f}{\\partial b} = \\frac{\\partial f}{\\partial h_2}\\cdot\\frac{\\partial h_2}{\\partial b}$$

        The shared part is computed once. A neural network has thousands of parameters whose
        paths overlap heavily near the output; computing layer by layer from the output back,
        each layer handing its result to the next, is backpropagation.

        Compare with lesson 02: the product of the last five factors is the sigmoid's derivative
        $\\sigma'(z) = f\\,(1-f)$, so $\\dfrac{\\partial f}{\\partial w} = f\\,(1-f)\\cdot x$. The
        output of the forward pass, $f = 0.5$, gives the same number:
        """,
    ),
    code(
        """
        f_out = value[-1]
        print("f (1 − f) · x =", f"{f_out} × {1 - f_out} × {x} =", f_out * (1 - f_out) * x)
        print("bpcore.sigmoid_prime(w·x + b) · x =", bpcore.sigmoid_prime(w * x + b) * x)
        """
    ),
    md(
        zh="""
        ## 4. 符号推导：SymPy

        `bpcore.symbolic.composite_004()`用SymPy做同样的事：对每个初等函数求局部导数，沿路径连乘，再代回$x, w, b$。它还附带证明：连乘的结果与SymPy直接对整个$f$求导的结果之差化简为0。
        """,
        en="""
        ## 4. Symbolically: SymPy

        `bpcore.symbolic.composite_004()` does the same in SymPy: it differentiates each
        elementary function, multiplies along the path and substitutes back $x, w, b$. It comes
        with proofs: the path product minus SymPy's derivative of the whole $f$ simplifies to 0.
        """,
    ),
    code(
        """
        derivation = bpcore.symbolic.composite_004().in_language(LANG)
        keys = ["df/dw", "df/dw at (1,0,0)", "df/db", "df/db at (1,0,0)"]
        Markdown("\\n".join(derivation[k].markdown(LANG) for k in keys))
        """
    ),
    code(
        """
        for proof in derivation.proofs:
            print(proof.text())
        say("03.exact", derivation.notes["values"], lang=LANG)
        """
    ),
    md(
        zh="""
        ## 5. 数值检验：中心差分

        最后用一个与上面完全无关的方法检查：把$w$（或$b$）分别加、减一个小量$\\varepsilon$，看$f$变了多少，

        $$\\frac{\\partial f}{\\partial w} \\approx \\frac{f(w+\\varepsilon) - f(w-\\varepsilon)}{2\\varepsilon}$$

        这里$f$直接用`bpcore.sigmoid(w * x + b)`计算，不经过任何拆分。
        """,
        en="""
        ## 5. A numerical check: central differences

        Finally, a check by a method that shares nothing with the above: move $w$ (or $b$) up
        and down by a small $\\varepsilon$ and see how much $f$ changes,

        $$\\frac{\\partial f}{\\partial w} \\approx \\frac{f(w+\\varepsilon) - f(w-\\varepsilon)}{2\\varepsilon}$$

        Here $f$ is computed directly as `bpcore.sigmoid(w * x + b)`, with no splitting at all.
        """,
    ),
    code(
        """
        def f_of(params):
            w_, b_ = params
            return bpcore.sigmoid(w_ * x + b_)


        numeric = bpcore.numeric_gradient(f_of, [w, b])
        exact = np.array([float(derivation.notes["values"][k]) for k in ("df/dw", "df/db")])
        say("03.numeric", numeric.round(10), lang=LANG)
        say("03.max_rel_err", f"{bpcore.relative_error(exact, numeric).max():.1e}", lang=LANG)
        """
    ),
    md(
        zh="""
        `bpcore.examples.ledger`把教程公布的每个数都用引擎重新算一遍并给出结论。这两个数与教程一致：
        """,
        en="""
        `bpcore.examples.ledger` recomputes every number a tutorial published with the engine and
        gives a verdict. These two agree with the tutorial:
        """,
    ),
    code(
        """
        bpcore.examples.ledger_table(bpcore.examples.ledger("t004_composite"), LANG,
                                     columns=("quantity", "published", "recomputed", "verdict", "method"))
        """
    ),
    md(
        zh="""
        ## 6. 三种门的规律，以及用了两次的值

        反向传播时每个节点只做一件事：把收到的梯度$g = \\partial f/\\partial(\\text{输出})$乘上自己的局部导数，交给每个输入。常见的三种节点各有一条好记的规律：

        - **加法$a + b$分发**：两个局部导数都是1，$g$原样交给两个输入（上面的$h_2 = h_1 + b$就是这样）。
        - **乘法$a\\cdot b$交换**：$\\partial(ab)/\\partial a = b$，所以$a$得到$g\\cdot b$，$b$得到$g\\cdot a$（上面的$h_1 = x\\cdot w$给$w$的是$g\\cdot x$）。
        - **最大值$\\max(a, b)$路由**：较大的输入得到全部$g$，另一个得到0。

        一个值被用了两次（计算图里分出两条边）时，它的梯度是两条路径的梯度**相加**。例如$f = x\\cdot y + x$里$x$出现两次：乘法那条边给$g\\cdot y$，加法那条边给$g$，合起来$\\partial f/\\partial x = y + 1$。反向传播的代码因此用`+=`累加梯度，而不是覆盖。下面在$a = 3, b = -2$、收到的梯度$g = 2$处算出三种门的结果，并用中心差分检验累加：
        """,
        en="""
        ## 6. Three gate patterns, and a value used twice

        Going backwards, every node does one thing: it multiplies the gradient it receives,
        $g = \\partial f/\\partial(\\text{its output})$, by its local derivatives and hands the
        results to its inputs. Three common nodes follow easy rules:

        - **An add gate $a + b$ distributes**: both local derivatives are 1, so both inputs get
          $g$ unchanged (as $h_2 = h_1 + b$ above).
        - **A multiply gate $a\\cdot b$ swaps**: $\\partial(ab)/\\partial a = b$, so $a$ gets
          $g\\cdot b$ and $b$ gets $g\\cdot a$ (as $h_1 = x\\cdot w$ above gives $w$ the gradient
          $g\\cdot x$).
        - **A max gate $\\max(a, b)$ routes**: the larger input gets all of $g$, the other 0.

        When a value is used twice (two edges leave it in the graph), its gradient is the
        **sum** over both paths. In $f = x\\cdot y + x$, $x$ appears twice: the multiply edge
        gives $g\\cdot y$, the add edge gives $g$, so $\\partial f/\\partial x = y + 1$. That is
        why backpropagation code accumulates gradients with `+=` instead of overwriting them.
        Below, the three gates at $a = 3, b = -2$ receiving $g = 2$, and the accumulation
        checked by central differences:
        """,
    ),
    code(
        """
        a, b, g = 3.0, -2.0, 2.0
        print("add:      ∂/∂a, ∂/∂b =", g * 1.0, g * 1.0)  # distributes
        print("multiply: ∂/∂a, ∂/∂b =", g * b, g * a)  # swaps
        print("max:      ∂/∂a, ∂/∂b =", g * float(a >= b), g * float(b > a))  # routes

        # zh: x用了两次：两条路径的梯度相加
        # en: x is used twice: the two paths' gradients add up
        x, y = 1.5, 4.0
        grad_x = 0.0
        grad_x += 1.0 * y  # the multiply edge x·y (upstream gradient 1)
        grad_x += 1.0  # the add edge … + x
        numeric = bpcore.numeric_gradient(lambda p: p[0] * p[1] + p[0], np.array([x, y]))[0]
        print("∂f/∂x: accumulated", grad_x, " central difference", round(numeric, 8))
        """
    ),
    md(
        zh="""
        ## 小结

        - 链式法则：复合函数的导数等于路径上各局部导数之积。
        - 把$f(x; w, b) = 1/(\\exp(-(wx+b))+1)$拆成六个初等函数，在$x = 1, w = 0, b = 0$处连乘得到$\\partial f/\\partial w = \\partial f/\\partial b = 0.25$，与教程004一致；SymPy的精确推导和中心差分给出同样的结果。
        - 从输出往回乘，公共部分（这里是$\\partial f/\\partial h_2$）只算一次，这就是反向传播。
        - 加法门分发梯度，乘法门交换输入，最大值门只把梯度交给较大的输入；一个值用了两次，梯度相加。
        - 后五个因子之积就是Sigmoid函数的导数$f(1-f)$：反向传播直接用前向存下的输出。

        下一课把这种计算推广到整个网络的前向传播。

        ## 练习
        """,
        en="""
        ## Summary

        - The chain rule: the derivative of a composite function is the product of the local
          derivatives along the path.
        - Splitting $f(x; w, b) = 1/(\\exp(-(wx+b))+1)$ into six elementary functions and
          multiplying at $x = 1, w = 0, b = 0$ gives
          $\\partial f/\\partial w = \\partial f/\\partial b = 0.25$, as in tutorial 004; SymPy's
          exact derivation and central differences agree.
        - Multiplying from the output backwards computes the shared part (here
          $\\partial f/\\partial h_2$) once: that is backpropagation.
        - An add gate distributes the gradient, a multiply gate swaps its inputs, a max gate
          routes it to the larger input; a value used twice sums its gradients.
        - The product of the last five factors is the sigmoid's derivative $f(1-f)$:
          backpropagation reuses the output stored by the forward pass.

        The next lesson extends the computation to the forward pass of a whole network.

        ## Exercises
        """,
    ),
    md(
        zh="""
        **练习1.** 把输入换成$x = 2$（$w = 0, b = 0$不变），$\\partial f/\\partial w$是多少？哪一个局部导数变了？
        """,
        en="""
        **Exercise 1.** With input $x = 2$ instead ($w = 0, b = 0$ unchanged), what is
        $\\partial f/\\partial w$? Which local derivative changed?
        """,
    ),
    *exercise(
        "03-1",
        "bpcore.numeric_gradient(lambda p: bpcore.sigmoid(p[0] * 2.0 + p[1]), [0.0, 0.0])[0]",
    ),
    md(
        zh="""
        **练习2.** 在$x = 1, w = 0, b = 0$处，$\\partial f/\\partial x$是多少？（提示：从$x$到$h_1$那条边的局部导数是$\\partial h_1/\\partial x = w$。）
        """,
        en="""
        **Exercise 2.** At $x = 1, w = 0, b = 0$, what is $\\partial f/\\partial x$? (Hint: the local
        derivative on the edge from $x$ to $h_1$ is $\\partial h_1/\\partial x = w$.)
        """,
    ),
    *exercise("03-2", "bpcore.numeric_gradient(lambda v: bpcore.sigmoid(w * v[0] + b), [x])[0]"),
    md(
        zh="""
        **练习3.** 在$x = 1, w = 1, b = 0$处，$\\partial f/\\partial b$是多少？保留4位小数。（提示：用第2课的$f(1-f)$。）
        """,
        en="""
        **Exercise 3.** At $x = 1, w = 1, b = 0$, what is $\\partial f/\\partial b$, to 4 decimals?
        (Hint: use $f(1-f)$ from lesson 02.)
        """,
    ),
    *exercise("03-3", "bpcore.sigmoid_prime(1.0 * 1.0 + 0.0)"),
    md(
        zh="""
        **练习4（编程）.** 一个像micrograd那样的标量`Value`：每个值记住它由哪些值算出，`backward()`按拓扑顺序从后往前调用每个节点的`_backward`，把梯度传给它的来源。加法已经写好，请补全乘法、Sigmoid的`_backward`和`backward()`。检查程序在教程004的$σ(wx+b)$和一个多次用到同一个值的表达式上，用中心差分核对你的梯度。
        """,
        en="""
        **Exercise 4 (coding).** A micrograd-style scalar `Value`: each value remembers the
        values it was made from, and `backward()` calls every node's `_backward` in reverse
        topological order, passing the gradient on to its sources. Addition is written; complete
        the `_backward` of multiplication and of the sigmoid, and `backward()`. The checker
        compares your gradients with central differences on tutorial 004's $σ(wx+b)$ and on an
        expression that uses one value several times.
        """,
    ),
    *exercise(
        "03-value",
        answer="Value",
        source="""
        class Value:
            def __init__(self, data, parents=()):
                self.data, self.grad, self._parents = float(data), 0.0, parents
                self._backward = lambda: None

            def __add__(self, other):
                out = Value(self.data + other.data, (self, other))

                def _backward():
                    self.grad += out.grad
                    other.grad += out.grad

                out._backward = _backward
                return out

            def __mul__(self, other):
                out = Value(self.data * other.data, (self, other))

                def _backward():
                    ### BEGIN SOLUTION
                    self.grad += other.data * out.grad
                    other.grad += self.data * out.grad
                    ### END SOLUTION

                out._backward = _backward
                return out

            def sigmoid(self):
                out = Value(1.0 / (1.0 + np.exp(-self.data)), (self,))

                def _backward():
                    ### BEGIN SOLUTION
                    self.grad += out.data * (1.0 - out.data) * out.grad
                    ### END SOLUTION

                out._backward = _backward
                return out

            def backward(self):
                ### BEGIN SOLUTION
                order, seen = [], set()

                def visit(node):
                    if id(node) not in seen:
                        seen.add(id(node))
                        for parent in node._parents:
                            visit(parent)
                        order.append(node)

                visit(self)
                self.grad = 1.0
                for node in reversed(order):
                    node._backward()
                ### END SOLUTION
        """,
    ),
]
