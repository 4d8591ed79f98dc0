"""Lesson 02: the sigmoid and its derivative, derived in SymPy, computed stably; identity and tanh."""

from _cells import code, exercise, md

TITLE = dict(zh="Sigmoid函数及其导数", en="The sigmoid and its derivative")

CELLS = [
    md(
        zh="""
        **目标**

        - 认识Sigmoid函数（sigmoid function）$f(z) = \\dfrac{1}{1 + e^{-z}}$：它是阶跃函数的光滑版本，所以能用梯度下降训练。
        - 用SymPy一步步推导出$f'(z) = f(z)\\,(1 - f(z))$，并得到“差化简为0”的精确证明。
        - 理解为什么导数要写成输出的函数$\\hat y\\,(1 - \\hat y)$，以及怎样在$z = \\pm 10^6$时仍然稳定地计算Sigmoid函数。
        - 顺便看恒等函数和tanh的导数。

        **前置知识**：[第1课](01_gradient_descent.ipynb)的梯度下降和感知机；求导的商法则。
        """,
        en="""
        **Goal**

        - Meet the sigmoid $f(z) = \\dfrac{1}{1 + e^{-z}}$: a smooth version of the step, which
          is why gradient descent can train it.
        - Derive $f'(z) = f(z)\\,(1 - f(z))$ step by step in SymPy, with an exact proof (a
          difference that simplifies to 0).
        - See why the derivative is written in terms of the output, $\\hat y\\,(1 - \\hat y)$, and
          how to compute the sigmoid stably even at $z = \\pm 10^6$.
        - Along the way, the derivatives of the identity and of tanh.

        **Prerequisites**: gradient descent and the perceptron of [lesson 01](01_gradient_descent.ipynb);
        the quotient rule of differentiation.
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

        from IPython.display import Image

        from bpcore.activations import ACTIVATIONS
        from bpcore.perceptron import step
        from bpcore.plots import activations_figure, sigmoid_figure, to_png
        from bpcore.lessons import columns, say, text
        from bpcore.tables import Table
        """
    ),
    md(
        zh="""
        ## 1. 光滑的阶跃

        第1课的感知机用阶跃函数：加权和一过0，输出就从0跳到1。可是阶跃函数除了0点以外导数处处为0，梯度下降从它那里得不到任何“往哪边走”的信息。Sigmoid函数把这一跳抹平了：

        $$f(z) = \\frac{1}{1 + e^{-z}}$$

        它把任意实数压到$(0, 1)$之间，$f(0) = 0.5$，$z$很大时接近1，很小时接近0。右图中的虚线是它的导数：处处为正，在$z = 0$处最大。
        """,
        en="""
        ## 1. A smooth step

        The perceptron of lesson 01 uses the step function: once the weighted sum passes 0, the
        output jumps from 0 to 1. But the step's derivative is 0 everywhere except at 0, so
        gradient descent learns nothing from it about which way to go. The sigmoid smooths the
        jump out:

        $$f(z) = \\frac{1}{1 + e^{-z}}$$

        It squeezes every real number into $(0, 1)$, with $f(0) = 0.5$, close to 1 for large $z$
        and close to 0 for very negative $z$. The dashed curve on the right is its derivative:
        positive everywhere, largest at $z = 0$.
        """,
    ),
    code(
        """
        z = np.linspace(-8, 8, 401)
        Image(to_png(sigmoid_figure(z, step(z), bpcore.sigmoid(z), bpcore.sigmoid_prime(z), lang=LANG)))
        """
    ),
    md(
        zh="""
        ## 2. 用SymPy推导导数

        `bpcore.symbolic.activation_derivative("sigmoid")`从定义出发：先让SymPy对$1/(1+e^{-x})$求导，再把结果拆成两个分式之积，注意到第二个因子$\\dfrac{e^{-x}}{1+e^{-x}}$正好是$1 - f(x)$，最后写成教材的式(5.9)。
        """,
        en="""
        ## 2. The derivative, derived in SymPy

        `bpcore.symbolic.activation_derivative("sigmoid")` starts from the definition: SymPy
        differentiates $1/(1+e^{-x})$, the result is split into a product of two fractions, the
        second of which, $\\dfrac{e^{-x}}{1+e^{-x}}$, is exactly $1 - f(x)$, and the last form is
        the textbook's equation (5.9).
        """,
    ),
    code(
        """
        derivation = bpcore.symbolic.activation_derivative("sigmoid").in_language(LANG)
        derivation
        """
    ),
    md(
        zh="""
        推导中每一个“=”是否成立，不靠眼睛看：SymPy把“自己求出的导数”减去“教材的形式”（其中$f$换回$1/(1+e^{-x})$），化简得到精确的0。`holds`为`True`表示差恰好是0，而不是一个很小的浮点数。
        """,
        en="""
        Whether each "=" holds is not left to the eye: SymPy subtracts the textbook's form (with
        $f$ written out as $1/(1+e^{-x})$) from the derivative it computed and simplifies the
        difference to an exact 0. `holds` is `True` when the difference is exactly 0, not a small
        floating-point number.
        """,
    ),
    code(
        """
        proof = derivation.proofs[0]
        print(proof.text())
        print("difference =", proof.difference, "  holds:", proof.holds)
        """
    ),
    md(
        zh="""
        ## 3. 把导数写成输出的函数

        推导的结论$f'(z) = f(z)\\,(1 - f(z))$有一个很实用的读法：若神经元的输出是$\\hat y = f(z)$，则

        $$f'(z) = \\hat y\\,(1 - \\hat y)$$

        前向传播（forward pass）时我们本来就算出并存下了$\\hat y$，反向传播时直接拿来用，不用再算一次指数。`bpcore`的每个激活函数都按这种方式提供导数（`ACTIVATIONS[name].grad`以输出为参数）。下表在几个$z$处比较三种算法：用输出$\\hat y(1-\\hat y)$、用$z$直接算$f'(z)$、以及中心差分。
        """,
        en="""
        ## 3. The derivative in terms of the output

        The result $f'(z) = f(z)\\,(1 - f(z))$ has a practical reading: if a neuron's output is
        $\\hat y = f(z)$, then

        $$f'(z) = \\hat y\\,(1 - \\hat y)$$

        The forward pass has already computed and stored $\\hat y$, so the backward pass reuses it
        and never evaluates another exponential. Every activation in `bpcore` provides its
        derivative this way (`ACTIVATIONS[name].grad` takes the output). The table compares three
        ways at a few $z$: from the output, $\\hat y(1-\\hat y)$; from $z$, $f'(z)$; and by
        central differences.
        """,
    ),
    code(
        """
        print("f'(z) =", derivation.notes["in_terms_of_output"], text("02.y_hat_is", LANG))
        zs = np.array([-6.0, -2.0, 0.0, 1.0, 3.0])
        y_hat = bpcore.sigmoid(zs)
        from_output = ACTIVATIONS["sigmoid"].grad(y_hat)
        from_z = bpcore.sigmoid_prime(zs)
        numeric = np.array([bpcore.numeric_gradient(lambda v: bpcore.sigmoid(v[0]), [zk])[0] for zk in zs])
        Table(columns("02.derivative_table", LANG), zip(zs, y_hat, from_output, from_z, numeric), decimals=[0, 6, 6, 6, 6], lang=LANG)
        """
    ),
    code(
        """
        say("02.output_vs_numeric", f"{bpcore.relative_error(from_output, numeric).max():.1e}", lang=LANG)
        """
    ),
    md(
        zh="""
        ## 4. 数值稳定性：$z = \\pm 10^6$

        直接照公式写`1 / (1 + np.exp(-z))`，在$z = -10^6$时要算$e^{10^6}$，超出浮点数范围（上溢），得到$\\infty$。不过这一步并不出错：$1/(1+\\infty) = 0$正是Sigmoid在$-\\infty$方向的极限，NumPy只给出一个警告。真正出错的是照公式写的导数$e^{-z}/(1+e^{-z})^2$：在$z = -10^6$时分子和分母都是$\\infty$，$\\infty/\\infty$没有定义，结果是`nan`，而正确的导数几乎是0。一个`nan`进入反向传播，就会让所有权重都变成`nan`。训练中加权和很大的情况并不罕见（比如学习率太大时）。
        """,
        en="""
        ## 4. Numerical stability: $z = \\pm 10^6$

        Writing the formula as it stands, `1 / (1 + np.exp(-z))`, computes $e^{10^6}$ at
        $z = -10^6$, which is beyond the range of floating point (overflow) and becomes
        $\\infty$. That step does not go wrong, though: $1/(1+\\infty) = 0$ is the sigmoid's
        limit towards $-\\infty$, and NumPy only warns. What goes wrong is the derivative written
        as it stands, $e^{-z}/(1+e^{-z})^2$: at $z = -10^6$ both numerator and denominator are
        $\\infty$, $\\infty/\\infty$ is undefined, and the result is `nan` where the true
        derivative is almost 0. One `nan` in the backward pass turns every weight into `nan`.
        Huge weighted sums do happen in training (with too large a learning rate, for example).
        """,
    ),
    code(
        """
        z_big = np.array([-1e6, 1e6])
        with np.errstate(over="ignore", invalid="ignore"):
            print("1 / (1 + exp(-z))          :", 1 / (1 + np.exp(-z_big)))
            print("exp(-z) / (1 + exp(-z))**2 :", np.exp(-z_big) / (1 + np.exp(-z_big)) ** 2)
        print("bpcore.sigmoid             :", bpcore.sigmoid(z_big))
        print("bpcore.sigmoid_prime       :", bpcore.sigmoid_prime(z_big))
        """
    ),
    md(
        zh="""
        稳定的写法只计算$e^{-|z|}$，它永远不超过1，不会上溢；再按$z$的符号选用两种代数上相等的写法：$z \\ge 0$时用$1/(1+e^{-z})$，$z < 0$时用$e^{z}/(1+e^{z})$。导数用$f(z)(1-f(z))$（式5.9）从稳定的$f(z)$算出，也就不会出现$\\infty/\\infty$。下面是写给人读的版本；`bpcore.sigmoid`用原地数组运算做同样的计算（它在每次前向传播中都要运行），测试保证两者结果相同：
        """,
        en="""
        The stable way computes only $e^{-|z|}$, which never exceeds 1 and cannot overflow, and
        then picks one of two algebraically equal forms by the sign of $z$: $1/(1+e^{-z})$ for
        $z \\ge 0$, $e^{z}/(1+e^{z})$ for $z < 0$. The derivative comes from the stable $f(z)$
        as $f(z)(1-f(z))$ (eq. 5.9), so $\\infty/\\infty$ never appears. Below is the version
        written for reading; `bpcore.sigmoid` does the same computation with in-place array
        steps (it runs on every forward pass), and the tests keep the two equal:
        """,
    ),
    code(
        """
        print(inspect.getsource(bpcore.activations.readable_sigmoid))
        print(bpcore.activations.readable_sigmoid(z_big))
        """
    ),
    md(
        zh="""
        还要注意上面`bpcore.sigmoid_prime`那一行：在$z = \\pm 10^6$处导数是0。Sigmoid函数在两端“饱和”，导数几乎为0，梯度也就几乎为0，权重几乎不再更新。加权和太大的神经元会学得很慢，这是初始权重不宜太大的原因之一。
        """,
        en="""
        Note the `bpcore.sigmoid_prime` line above: at $z = \\pm 10^6$ the derivative is 0. The sigmoid saturates at
        both ends, where its derivative, and so the gradient, is nearly 0 and the weights barely
        move. A neuron whose weighted sum is huge learns very slowly, which is one reason initial
        weights should not be large.
        """,
    ),
    md(
        zh="""
        ## 5. 另外两个激活函数：恒等函数与tanh

        - **恒等函数**$f(z) = z$：导数处处为1。教程001的异或网络全部使用它，第9课会说明这样的网络整体是线性的。
        - **双曲正切**$\\tanh(z) = \\dfrac{e^{z} - e^{-z}}{e^{z} + e^{-z}}$：输出在$(-1, 1)$之间，导数写成输出的函数是$1 - \\hat y^2$。

        同样由SymPy推导并证明：
        """,
        en="""
        ## 5. Two more activations: the identity and tanh

        - **Identity** $f(z) = z$: its derivative is 1 everywhere. The XOR network of tutorial 001
          uses it everywhere; lesson 09 shows that such a network is linear as a whole.
        - **Hyperbolic tangent** $\\tanh(z) = \\dfrac{e^{z} - e^{-z}}{e^{z} + e^{-z}}$: outputs in
          $(-1, 1)$, derivative in terms of the output $1 - \\hat y^2$.

        Again derived and proven in SymPy:
        """,
    ),
    code(
        """
        bpcore.symbolic.activation_derivative("identity").in_language(LANG)
        """
    ),
    code(
        """
        bpcore.symbolic.activation_derivative("tanh").in_language(LANG)
        """
    ),
    md(
        zh="""
        下面把三个激活函数和它们的导数画在一起，并用中心差分检查`bpcore`中每个“以输出为参数”的导数。
        """,
        en="""
        Below, the three activations and their derivatives side by side, and a central-difference
        check of every derivative-from-the-output in `bpcore`.
        """,
    ),
    code(
        """
        names = ["identity", "sigmoid", "tanh"]
        z = np.linspace(-4, 4, 201)
        curves = {}
        for name in names:
            out = ACTIVATIONS[name].f(z)
            curves[name] = (out, ACTIVATIONS[name].grad(out))  # f(z), f'(z) from the output
        Image(to_png(activations_figure(z, curves, lang=LANG)))
        """
    ),
    code(
        """
        zs = np.linspace(-3, 3, 13)
        for name in names:
            act = ACTIVATIONS[name]
            from_output = act.grad(act.f(zs))
            numeric = np.array([bpcore.numeric_gradient(lambda v: act.f(v[0]), [zk])[0] for zk in zs])
            print(f"{name:8s}", text("all.max_rel_err", LANG),
                  f"{bpcore.relative_error(from_output, numeric).max():.1e}")
        """
    ),
    md(
        zh="""
        ## 小结

        - Sigmoid函数$f(z) = 1/(1+e^{-z})$是光滑的阶跃，导数处处为正，最大值$f'(0) = 0.25$。
        - SymPy推导并精确证明了$f'(z) = f(z)\\,(1 - f(z))$（教材式5.9）。
        - 导数写成输出的函数：Sigmoid为$\\hat y(1-\\hat y)$，tanh为$1-\\hat y^2$，恒等函数为1。反向传播直接复用前向传播存下的输出。
        - 稳定的实现只计算$e^{-|z|}$，在$z = \\pm10^6$时也不会上溢或得到`nan`；两端饱和处导数接近0，学习会变慢。

        下一课用链式法则把这些局部导数串起来。

        ## 练习
        """,
        en="""
        ## Summary

        - The sigmoid $f(z) = 1/(1+e^{-z})$ is a smooth step; its derivative is positive
          everywhere, with maximum $f'(0) = 0.25$.
        - SymPy derives $f'(z) = f(z)\\,(1 - f(z))$ (textbook eq. 5.9) and proves it exactly.
        - Derivatives in terms of the output: $\\hat y(1-\\hat y)$ for the sigmoid,
          $1-\\hat y^2$ for tanh, 1 for the identity. Backpropagation reuses the outputs the
          forward pass stored.
        - A stable implementation computes only $e^{-|z|}$ and neither overflows nor returns
          `nan` at $z = \\pm10^6$; where the sigmoid saturates its derivative is nearly 0 and
          learning slows down.

        The next lesson strings such local derivatives together with the chain rule.

        ## Exercises
        """,
    ),
    md(
        zh="""
        **练习1.** Sigmoid函数在$z = 0$处的导数$f'(0)$是多少？
        """,
        en="""
        **Exercise 1.** What is the sigmoid's derivative at $z = 0$, $f'(0)$?
        """,
    ),
    *exercise("02-1", "bpcore.sigmoid_prime(0.0)"),
    md(
        zh="""
        **练习2.** 一个Sigmoid神经元的输出是$\\hat y = 0.8$。不求$z$，它的导数$f'(z)$是多少？
        """,
        en="""
        **Exercise 2.** A sigmoid neuron outputs $\\hat y = 0.8$. Without finding $z$, what is its
        derivative $f'(z)$?
        """,
    ),
    *exercise(
        "02-2",
        source="""
        ### BEGIN SOLUTION
        answer = ACTIVATIONS["sigmoid"].grad(0.8)
        ### END SOLUTION
        """,
        stub="answer = None",
    ),
    md(
        zh="""
        **练习3.** 一个tanh神经元的输出是$\\hat y = 0.5$，它的导数是多少？
        """,
        en="""
        **Exercise 3.** A tanh neuron outputs $\\hat y = 0.5$. What is its derivative?
        """,
    ),
    *exercise(
        "02-3",
        source="""
        ### BEGIN SOLUTION
        answer = ACTIVATIONS["tanh"].grad(0.5)
        ### END SOLUTION
        """,
        stub="answer = None",
    ),
    md(
        zh="""
        **练习4（编程）.** 自己写Sigmoid函数$f(z) = 1/(1+e^{-z})$和它的导数$f'(z)$（用输出形式$f(z)(1-f(z))$），输入可以是NumPy数组。检查程序会在一组$z$上和bpcore比较，并指出常见错误。
        """,
        en="""
        **Exercise 4 (coding).** Write the sigmoid $f(z) = 1/(1+e^{-z})$ and its derivative
        $f'(z)$ yourself (through the output, $f(z)(1-f(z))$); the input may be a NumPy array.
        The checker compares both with bpcore on several $z$ and names common mistakes.
        """,
    ),
    *exercise(
        "02-sigmoid",
        answer="(my_sigmoid, my_sigmoid_prime)",
        source="""
        def my_sigmoid(z):
            ### BEGIN SOLUTION
            return 1.0 / (1.0 + np.exp(-z))
            ### END SOLUTION


        def my_sigmoid_prime(z):
            ### BEGIN SOLUTION
            f = my_sigmoid(z)
            return f * (1.0 - f)
            ### END SOLUTION
        """,
    ),
]
