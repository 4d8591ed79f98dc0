"""Lesson 06: the textbook derivation (Zhou Zhihua, ch. 5; tutorial 002): Δw, Δθ, Δv, Δγ for a
d-q-l net with thresholds, derived and proven in SymPy; thresholds versus biases; standard
versus accumulated BP."""

from _cells import code, exercise, md

TITLE = dict(
    zh="教材中的推导：d-q-l网络的四个更新公式",
    en="The textbook derivation: four update rules for a d-q-l network",
)

CELLS = [
    md(
        zh=r"""
        **目标**

        - 把上一课对2-2-2网络做的计算推广到任意大小的单隐藏层网络：$d$个输入、$q$个隐藏神经元、$l$个输出，隐藏层和输出层都带阈值（周志华《机器学习》§5.3，教程002）。
        - 用链式法则逐个因子推出四个更新公式$\Delta w_{hj}$、$\Delta\theta_j$、$\Delta v_{ih}$、$\Delta\gamma_h$，每一步都由SymPy完成，并**精确证明**它们与教材的写法相等。
        - 弄清阈值与偏置的关系：$f(\beta_j - \theta_j)$与$f(net + b)$的梯度只差偏移量那一项的符号。
        - 在同一份数据上比较标准BP（standard BP）和累积BP（accumulated BP）。

        **前置知识**：[反向传播](05_backward_pass.ipynb)（2-2-2网络上的链式法则）；求和符号$\sum$；偏导数。
        """,
        en=r"""
        **Goal**

        - Generalise last lesson's computation on the 2-2-2 network to a single-hidden-layer
          network of any size: $d$ inputs, $q$ hidden neurons, $l$ outputs, thresholds in the
          hidden and output layers (Zhou Zhihua, *Machine Learning*, §5.3; tutorial 002).
        - Derive the four update rules $\Delta w_{hj}$, $\Delta\theta_j$, $\Delta v_{ih}$,
          $\Delta\gamma_h$ factor by factor with the chain rule, every step done by SymPy,
          and **prove exactly** that they equal the book's forms.
        - See how thresholds and biases relate: the gradients of $f(\beta_j - \theta_j)$ and
          $f(net + b)$ differ only in the sign of the offset's own term.
        - Compare standard BP and accumulated BP on the same data.

        **Prerequisites**: [the backward pass](05_backward_pass.ipynb) (the chain rule on the
        2-2-2 network); the summation sign $\sum$; partial derivatives.
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
        import sympy as sp
        from IPython.display import Image, Markdown

        from bpcore import examples, plots
        from bpcore.symbolic import (derive_textbook, full_differentiation_concrete,
                                     full_differentiation_symbolic)
        from bpcore.lessons import columns, say, text
        from bpcore.tables import Table


        derivation = derive_textbook()  # zh: SymPy推导，符号规模d、q、l / en: SymPy, symbolic sizes d, q, l


        def steps(*keys):
            \"\"\"Steps of the derivation, each with its label, as display math.\"\"\"
            return Markdown("\\n".join(derivation[k].markdown(LANG) for k in keys))
        """
    ),
    md(
        zh=r"""
        ## 1. 网络与记号

        教材的网络有$d$个输入$x_i$、$q$个隐藏神经元、$l$个输出神经元。输入层到隐藏层第$h$个神经元的权重是$v_{ih}$，隐藏层第$h$个神经元到输出层第$j$个神经元的权重是$w_{hj}$；隐藏神经元的阈值是$\gamma_h$，输出神经元的阈值是$\theta_j$。激活函数$f$是Sigmoid函数。对一个训练样本$(\boldsymbol x_k, \boldsymbol y_k)$：

        - 隐藏神经元$h$收到$\alpha_h = \sum_{i=1}^{d} v_{ih} x_i$，输出$b_h = f(\alpha_h - \gamma_h)$；
        - 输出神经元$j$收到$\beta_j = \sum_{h=1}^{q} w_{hj} b_h$，输出$\hat y_j = f(\beta_j - \theta_j)$；
        - 误差$E_k = \tfrac12 \sum_{j=1}^{l} (\hat y_j - y_j)^2$。

        与2-2-2网络对照：$v_{ih}$就是$w_1..w_4$，$w_{hj}$就是$w_5..w_8$，$b_h$是$out_{h}$，$\hat y_j$是$out_{o}$（见[第4课](04_forward_pass.ipynb)的记号表）。要学习的参数共有$(d + l + 1)\,q + l$个：$dq$个$v$、$ql$个$w$、$q$个$\gamma$、$l$个$\theta$。和引擎数出的参数个数对照一下：
        """,
        en=r"""
        ## 1. The network and its notation

        The textbook's network has $d$ inputs $x_i$, $q$ hidden neurons and $l$ output
        neurons. The weight from input $i$ to hidden neuron $h$ is $v_{ih}$, from hidden
        neuron $h$ to output neuron $j$ it is $w_{hj}$; hidden neuron $h$ has the threshold
        $\gamma_h$, output neuron $j$ the threshold $\theta_j$. The activation $f$ is the
        sigmoid. For one training sample $(\boldsymbol x_k, \boldsymbol y_k)$:

        - hidden neuron $h$ receives $\alpha_h = \sum_{i=1}^{d} v_{ih} x_i$ and outputs
          $b_h = f(\alpha_h - \gamma_h)$;
        - output neuron $j$ receives $\beta_j = \sum_{h=1}^{q} w_{hj} b_h$ and outputs
          $\hat y_j = f(\beta_j - \theta_j)$;
        - the error is $E_k = \tfrac12 \sum_{j=1}^{l} (\hat y_j - y_j)^2$.

        Against the 2-2-2 network: $v_{ih}$ are $w_1..w_4$, $w_{hj}$ are $w_5..w_8$, $b_h$ is
        $out_{h}$ and $\hat y_j$ is $out_{o}$ (see the notation table of
        [lesson 4](04_forward_pass.ipynb)). There are $(d + l + 1)\,q + l$ parameters to learn:
        $dq$ $v$'s, $ql$ $w$'s, $q$ $\gamma$'s and $l$ $\theta$'s. Check against the number the
        engine counts:
        """,
    ),
    code(
        """
        for d, q, l in [(2, 2, 2), (3, 2, 1), (784, 30, 10)]:
            engine = bpcore.Network.from_sizes((d, q, l), offset_kind="threshold", rng=0).spec.n_params
            print(f"d={d:3d} q={q:2d} l={l:2d}:  (d + l + 1)q + l = {(d + l + 1) * q + l:6d},  engine: {engine:6d}")
        """
    ),
    md(
        zh=r"""
        SymPy把这些定义写成带符号下标、符号规模$d, q, l$的表达式。下面每一行都是`bpcore.symbolic.derive_textbook()`生成的：
        """,
        en=r"""
        SymPy writes these definitions with symbolic indices and symbolic sizes $d, q, l$. Each
        line below is produced by `bpcore.symbolic.derive_textbook()`:
        """,
    ),
    code(
        """
        steps("def alpha", "def b", "def beta", "def yhat", "def E")
        """
    ),
    md(
        zh=r"""
        ## 2. 每个因子都只对一个定义求导

        **先用手推一遍**（教材式5.7–5.14）。以$w_{hj}$为例：$w_{hj}$先影响$\beta_j$，再影响$\hat y_j$，最后影响$E_k$，所以

        $$\frac{\partial E_k}{\partial w_{hj}} = \frac{\partial E_k}{\partial \hat y_j}\cdot\frac{\partial \hat y_j}{\partial \beta_j}\cdot\frac{\partial \beta_j}{\partial w_{hj}} = (\hat y_j - y_j)\cdot \hat y_j(1-\hat y_j)\cdot b_h .$$

        记$g_j = \hat y_j(1-\hat y_j)(y_j-\hat y_j)$（式5.10），就得到$\Delta w_{hj} = -\eta\,\partial E_k/\partial w_{hj} = \eta\, g_j b_h$（式5.11）。$\theta_j$是减去的，少了最后一个因子、多了一个负号：$\Delta\theta_j = -\eta\, g_j$（式5.12）。隐藏层的$v_{ih}$经$b_h$影响**所有**输出，把各输出的贡献加起来，记$e_h = b_h(1-b_h)\sum_j w_{hj} g_j$（式5.15），就得到$\Delta v_{ih} = \eta\, e_h x_i$、$\Delta\gamma_h = -\eta\, e_h$（式5.13、5.14）。

        下面让SymPy独立地把每一步再做一遍，作为检验。SymPy会按自己的规则重排各项，课程把它的结果按教材的顺序写出，并由测试证明两种写法相等。

        链式法则的好处是化整为零：整个$E_k$是一个很深的嵌套函数，但每个因子只需对**一个**简单的定义求导。SymPy对每个定义调用`sympy.diff`，再用$f'(x) = f(x)(1 - f(x))$（式5.9）把导数写成输出的形式。

        - 输出误差、Sigmoid函数的斜率、加权和对权重的导数——与上一课$w_5$的三个因子一一对应；
        - 阈值是**减去**的，所以对$\theta_j$、$\gamma_h$求导时多一个负号；
        - $\beta_j$对$b_h$的导数是连接它们的权重$w_{hj}$，这是误差往回传的“通道”。
        """,
        en=r"""
        ## 2. Each factor differentiates one definition

        **By hand first** (the book's eqs. 5.7–5.14). Take $w_{hj}$: it changes $\beta_j$,
        which changes $\hat y_j$, which changes $E_k$, so

        $$\frac{\partial E_k}{\partial w_{hj}} = \frac{\partial E_k}{\partial \hat y_j}\cdot\frac{\partial \hat y_j}{\partial \beta_j}\cdot\frac{\partial \beta_j}{\partial w_{hj}} = (\hat y_j - y_j)\cdot \hat y_j(1-\hat y_j)\cdot b_h .$$

        Naming $g_j = \hat y_j(1-\hat y_j)(y_j-\hat y_j)$ (eq. 5.10) gives
        $\Delta w_{hj} = -\eta\,\partial E_k/\partial w_{hj} = \eta\, g_j b_h$ (eq. 5.11).
        $\theta_j$ is subtracted: the last factor goes and a minus sign comes,
        $\Delta\theta_j = -\eta\, g_j$ (eq. 5.12). A hidden weight $v_{ih}$ reaches
        **every** output through $b_h$; adding the outputs' contributions and naming
        $e_h = b_h(1-b_h)\sum_j w_{hj} g_j$ (eq. 5.15) gives $\Delta v_{ih} = \eta\, e_h x_i$
        and $\Delta\gamma_h = -\eta\, e_h$ (eqs. 5.13, 5.14).

        Now SymPy redoes every step on its own, as the check. SymPy reorders terms by its
        own rules; the course writes its results in the book's order, and a test proves the
        two forms equal.

        The chain rule divides and conquers: $E_k$ as a whole is a deeply nested function, but
        each factor differentiates **one** simple definition. SymPy applies `sympy.diff` to
        each definition, then writes the derivative in terms of outputs with
        $f'(x) = f(x)(1 - f(x))$ (eq. 5.9).

        - The output error, the sigmoid's slope and the weighted sum's derivative by a weight
          match the three factors of $w_5$ in the last lesson one for one;
        - a threshold is **subtracted**, hence the extra minus sign when differentiating by
          $\theta_j$ or $\gamma_h$;
        - the derivative of $\beta_j$ by $b_h$ is the weight $w_{hj}$ joining them: the channel
          through which the error flows back.
        """,
    ),
    code(
        """
        steps("dE/dyhat", "dyhat/dbeta", "dbeta/dw", "dyhat/dtheta", "dbeta/db", "db/dalpha",
              "dalpha/dv", "db/dgamma")
        """
    ),
    md(
        zh=r"""
        ## 3. 隐藏神经元：对所有输出求和

        和2-2-2网络里的$w_1$一样，隐藏神经元的输出$b_h$连到**每一个**输出神经元，所以$\dfrac{\partial E_k}{\partial b_h}$是对$j = 1..l$求和。SymPy并不是“照着公式抄”：它把$E_k$写成$b_h$的函数直接求导，得到的和式与链式法则逐项相乘再求和的结果相减为0（证明附在推导末尾）。
        """,
        en=r"""
        ## 3. A hidden neuron sums over all outputs

        As with $w_1$ in the 2-2-2 network, a hidden neuron's output $b_h$ feeds **every**
        output neuron, so $\dfrac{\partial E_k}{\partial b_h}$ is a sum over $j = 1..l$. SymPy
        does not copy a formula here: it writes $E_k$ as a function of $b_h$ and
        differentiates it directly; the result minus the sum of chain-rule products is 0 (the
        proof is listed at the end of the derivation).
        """,
    ),
    code(
        """
        steps("dE/db")
        """
    ),
    md(
        zh=r"""
        ## 4. 四个梯度，两个“误差项”

        把因子相乘，就得到误差对四类参数的梯度：
        """,
        en=r"""
        ## 4. Four gradients, two error terms

        Multiplying the factors gives the gradient of the error with respect to each of the
        four kinds of parameter:
        """,
    ),
    code(
        """
        steps("dE/dw", "dE/dtheta", "dE/dv", "dE/dgamma")
        """
    ),
    md(
        zh=r"""
        这些式子里反复出现两组乘积。教材给它们起了名字：输出神经元的梯度项$g_j$（式5.10）和隐藏神经元的梯度项$e_h$（式5.15）。注意它们带负号：$g_j = -\dfrac{\partial E_k}{\partial \beta_j}$，“误差减小的方向”为正。$e_h$由$g_j$经权重$w_{hj}$加权求和得到——这正是“误差逆传播”名字的由来。
        """,
        en=r"""
        Two products keep coming back in these expressions. The book names them: the output
        neuron's gradient term $g_j$ (eq. 5.10) and the hidden neuron's $e_h$ (eq. 5.15). Mind
        their sign: $g_j = -\dfrac{\partial E_k}{\partial \beta_j}$, positive in the direction
        that reduces the error. $e_h$ is a sum of the $g_j$ weighted by $w_{hj}$: the error
        propagated backwards, which gives the method its name.
        """,
    ),
    code(
        """
        steps("g", "e")
        """
    ),
    md(
        zh=r"""
        ## 5. 四个更新公式与证明

        梯度下降取$\Delta = -\eta\,\dfrac{\partial E_k}{\partial(\text{参数})}$（式5.6）。代入上面的梯度并用$g_j$、$e_h$化简，就得到教材的四个公式：

        $$\Delta w_{hj} = \eta\, g_j\, b_h,\qquad \Delta\theta_j = -\eta\, g_j,\qquad \Delta v_{ih} = \eta\, e_h\, x_i,\qquad \Delta\gamma_h = -\eta\, e_h$$
        """,
        en=r"""
        ## 5. The four update rules, proven

        Gradient descent takes $\Delta = -\eta\,\dfrac{\partial E_k}{\partial(\text{parameter})}$
        (eq. 5.6). Substituting the gradients above and simplifying with $g_j$, $e_h$ gives the
        book's four rules:

        $$\Delta w_{hj} = \eta\, g_j\, b_h,\qquad \Delta\theta_j = -\eta\, g_j,\qquad \Delta v_{ih} = \eta\, e_h\, x_i,\qquad \Delta\gamma_h = -\eta\, e_h$$
        """,
    ),
    code(
        """
        steps("Δw_hj", "Δθ_j", "Δv_ih", "Δγ_h")
        """
    ),
    md(
        zh=r"""
        每个公式都有一份证明：推导结果减去教材的写法（其中$g_j$、$e_h$按式5.10、5.15展开），化简后**恰好是0**。这是对任意$d, q, l$都成立的符号证明，不是在几个数值点上的检验：
        """,
        en=r"""
        Every rule comes with a proof: the derived result minus the book's form (with $g_j$,
        $e_h$ expanded by eqs. 5.10 and 5.15) simplifies to **exactly 0**. This is a symbolic
        proof for every $d, q, l$, not a test at a few numerical points:
        """,
    ),
    code(
        """
        Table(columns("06.proof_table", LANG), [(p.name, f"${sp.latex(p.difference)}$", "✓" if p.holds else "✗")
                       for p in derivation.proofs], lang=LANG)
        """
    ),
    md(
        zh=r"""
        还可以换两条完全独立的路再走一遍：

        1. **整体求导**：不分因子，把$E_k = \tfrac12\sum_j \big(f(\sum_h w_{hj} f(\sum_i v_{ih} x_i - \gamma_h) - \theta_j) - y_j\big)^2$整个写出来，直接对$w_{hj}$、$\theta_j$、$v_{ih}$、$\gamma_h$求导（规模仍是符号$d, q, l$）；
        2. **具体规模**：取$d, q, l$为具体的数，把Sigmoid函数写成$1/(1+e^{-x})$，对网络的**每一个**参数求导，再与公式在同样下标处的值比较。
        """,
        en=r"""
        Two entirely independent routes lead to the same place:

        1. **Differentiate the whole thing**: no factors; write
           $E_k = \tfrac12\sum_j \big(f(\sum_h w_{hj} f(\sum_i v_{ih} x_i - \gamma_h) - \theta_j) - y_j\big)^2$
           out in full and differentiate it by $w_{hj}$, $\theta_j$, $v_{ih}$, $\gamma_h$
           (sizes still symbolic $d, q, l$);
        2. **Concrete sizes**: pick numbers for $d, q, l$, write the sigmoid as
           $1/(1+e^{-x})$, differentiate by **every** parameter of the network and compare
           with the rules at the same indices.
        """,
    ),
    code(
        """
        brute = full_differentiation_symbolic()
        say("06.whole_expression", {name: p.holds for name, p in brute.items()}, lang=LANG)
        for sizes in [(2, 2, 2), (3, 2, 1), (2, 3, 1)]:
            proofs = full_differentiation_concrete(sizes)
            print(text("06.concrete_sizes", LANG), sizes, ":", len(proofs),
                  text("06.all_hold", LANG), all(p.holds for p in proofs.values()))
        """
    ),
    md(
        zh=r"""
        ## 6. 代入数字

        公式成立了，再看数字。例子`t002_textbook`把2-2-2网络写成教材形式（阈值$\gamma_h = -0.35$、$\theta_j = -0.60$，原因见下一节），对第4、5课的那个样本做一步标准BP。`bpcore.examples.trace`依次列出前向的$\alpha, b, \beta, \hat y$，反向的$g_j$、$e_h$，以及四个公式给出的$\Delta$；最后一列“中心差分”是与公式无关的独立检验：
        """,
        en=r"""
        ## 6. Numbers in

        The rules hold; now the numbers. The example `t002_textbook` writes the 2-2-2 network
        in the textbook's form (thresholds $\gamma_h = -0.35$, $\theta_j = -0.60$; the next
        section says why) and takes one standard-BP step on the sample of lessons 4 and 5.
        `bpcore.examples.trace` lists the forward $\alpha, b, \beta, \hat y$, the backward
        $g_j$, $e_h$, and the $\Delta$'s of the four rules; the central-difference column is a
        check independent of the rules:
        """,
    ),
    code(
        """
        book = examples.trace("t002_textbook")
        book.section("backward").markdown(LANG)
        """
    ),
    code(
        """
        book.section("update").markdown(LANG)
        """
    ),
    md(
        zh=r"""
        $\Delta w_{11}$等于上一课$w_5$的改变量$0.35891648 - 0.40$：同一个网络，同一步，只是换了名字。

        ## 7. 阈值与偏置

        教材用阈值，**减去**：$\hat y_j = f(\beta_j - \theta_j)$；教程003/004和PyTorch用偏置，**加上**：$out = f(net + b)$。感知机那一课还把阈值看成一个固定输入$-1$（哑结点）的权重。三种写法描述的是同一个网络，只要$\theta = -b$。

        梯度呢？对$\beta$（进而对所有权重）的导数完全相同；对偏移量自己的导数只差一个符号：$\dfrac{\partial E}{\partial \theta} = -\dfrac{\partial E}{\partial b}$。所以梯度下降让$\theta$和$-b$走同样的一步，两种网络在训练中始终是同一个网络。先用SymPy证明：
        """,
        en=r"""
        $\Delta w_{11}$ equals the change of $w_5$ in the last lesson, $0.35891648 - 0.40$:
        the same network, the same step, other names.

        ## 7. Thresholds and biases

        The textbook uses thresholds, **subtracted**: $\hat y_j = f(\beta_j - \theta_j)$;
        tutorials 003/004 and PyTorch use biases, **added**: $out = f(net + b)$. The perceptron
        lesson treats a threshold as the weight of a fixed input $-1$ (a dummy node). The
        three describe the same network as long as $\theta = -b$.

        And the gradients? The derivatives by $\beta$ (and so by every weight) are identical;
        the derivatives by the offset itself differ only in sign:
        $\dfrac{\partial E}{\partial \theta} = -\dfrac{\partial E}{\partial b}$. So gradient
        descent moves $\theta$ and $-b$ by the same step, and the two networks stay the same
        network throughout training. A SymPy proof first:
        """,
    ),
    code(
        """
        from bpcore.symbolic.functions import f, use_sigmoid_identity

        beta, theta, bias, y = sp.symbols("beta theta b y", real=True)
        E_threshold = (f(beta - theta) - y) ** 2 / 2
        E_bias = (f(beta + bias) - y) ** 2 / 2
        same_point = {bias: -theta}  # zh: 偏置 = −阈值 / en: bias = −threshold
        dE_dtheta = use_sigmoid_identity(sp.diff(E_threshold, theta))
        dE_db = use_sigmoid_identity(sp.diff(E_bias, bias)).subs(same_point)
        Markdown(
            f"$$\\\\frac{{\\\\partial E}}{{\\\\partial \\\\theta}} = {sp.latex(dE_dtheta)},"
            f"\\\\qquad \\\\frac{{\\\\partial E}}{{\\\\partial b}}\\\\Big|_{{b=-\\\\theta}} = {sp.latex(dE_db)}$$\\n\\n"
            f"$$\\\\frac{{\\\\partial E}}{{\\\\partial \\\\theta}} + \\\\frac{{\\\\partial E}}{{\\\\partial b}} = "
            f"{sp.latex(sp.simplify(dE_dtheta + dE_db))},\\\\qquad "
            f"\\\\frac{{\\\\partial E_{{\\\\theta}}}}{{\\\\partial \\\\beta}} - \\\\frac{{\\\\partial E_{{b}}}}{{\\\\partial \\\\beta}} = "
            f"{sp.latex(sp.simplify(sp.diff(E_threshold, beta) - sp.diff(E_bias, beta).subs(same_point)))}$$"
        )
        """
    ),
    md(
        zh=r"""
        再用引擎在2-2-2网络上检验：偏置形式（例子`t004_222_trained`，$b = 0.35, 0.60$）与阈值形式（`t002_textbook`，$\gamma = -0.35$、$\theta = -0.60$）的权重梯度逐位相同，偏移量的梯度恰好相反：
        """,
        en=r"""
        Then the engine on the 2-2-2 network: the bias form (example `t004_222_trained`,
        $b = 0.35, 0.60$) and the threshold form (`t002_textbook`, $\gamma = -0.35$,
        $\theta = -0.60$) have bit-for-bit equal weight gradients and exactly opposite offset
        gradients:
        """,
    ),
    code(
        """
        with_bias = examples.get("t004_222_trained")
        with_threshold = examples.get("t002_textbook")
        g_bias = with_bias.network.gradients(with_bias.X, with_bias.Y, "sum")
        g_threshold = with_threshold.network.network.gradients(with_threshold.X, with_threshold.Y, "sum")
        for k, (gb, gt) in enumerate(zip(g_bias.layers, g_threshold.layers)):
            print(f"layer {k}:  ∂E/∂W equal: {np.array_equal(gb.W, gt.W)},"
                  f"  ∂E/∂θ = −∂E/∂b: {np.array_equal(gt.offset, -gb.offset)}", gt.offset.round(9))
        """
    ),
    md(
        zh=r"""
        ## 8. 标准BP与累积BP

        上面的推导针对**一个**样本的误差$E_k$。用它训练有两种做法（教材§5.3）：

        - **标准BP**：每读一个样本就按$E_k$更新一次参数。一轮（epoch）$m$个样本就更新$m$次。更新很频繁，而针对不同样本的更新可能互相“抵消”。
        - **累积BP**：目标是整个训练集上的累积误差$E = \frac1m\sum_{k=1}^{m} E_k$（式5.16），读完整个训练集才更新一次，梯度是各样本梯度的平均。每轮只更新一次，更新更稳，但往往要更多轮。

        两者用的是同一组公式，区别只在于什么时候把$\Delta$加到参数上。下面用`bpcore.train`在同一份数据上比较：异或（XOR）的4个样本（教程001的数据），同一个随机初始化的2-3-1教材网络（带阈值），同样的学习率$\eta = 2$，各训练3000轮。
        """,
        en=r"""
        ## 8. Standard BP and accumulated BP

        The derivation above is for the error $E_k$ of **one** sample. There are two ways to
        train with it (textbook §5.3):

        - **Standard BP**: update the parameters by $E_k$ after every sample. One epoch of $m$
          samples makes $m$ updates. Updates are frequent, and those made for different
          samples may cancel each other out.
        - **Accumulated BP**: the objective is the accumulated error over the whole training
          set, $E = \frac1m\sum_{k=1}^{m} E_k$ (eq. 5.16); one update after reading the whole
          set, with the mean of the samples' gradients. One update per epoch: steadier, but it
          often takes more epochs.

        Both use the same rules; they differ only in when the $\Delta$'s are added to the
        parameters. `bpcore.train` compares them on the same data: the 4 samples of XOR
        (tutorial 001's data), the same randomly initialised 2-3-1 textbook network (with
        thresholds), the same learning rate $\eta = 2$, 3000 epochs each.
        """,
    ),
    md(
        zh=r"""
        为什么累积BP的更新是平均？求导是线性的：$\frac{\partial E}{\partial w_{hj}} = \frac1m\sum_{k=1}^{m}\frac{\partial E_k}{\partial w_{hj}}$，所以累积BP的一步正是$m$个标准BP更新的平均，四类参数都一样（$g_j^k$、$e_h^k$是第$k$个样本的式5.10、式5.15）：

        $$\Delta w_{hj} = \eta\,\frac1m\sum_{k} g_j^{k} b_h^{k},\quad \Delta\theta_j = -\eta\,\frac1m\sum_k g_j^{k},\quad \Delta v_{ih} = \eta\,\frac1m\sum_{k} e_h^{k} x_i^{k},\quad \Delta\gamma_h = -\eta\,\frac1m\sum_k e_h^{k}.$$

        下面让SymPy对一个2-2-1网络、3个符号样本的整个$E$直接求导，对全部9个参数（$v_{ih}$、$\gamma_h$、$w_{hj}$、$\theta_j$）各和这个平均相减，差都化简为0：
        """,
        en=r"""
        Why is accumulated BP's update a mean? Differentiation is linear:
        $\frac{\partial E}{\partial w_{hj}} = \frac1m\sum_{k=1}^{m}\frac{\partial E_k}{\partial w_{hj}}$,
        so one accumulated step is the mean of the $m$ standard-BP updates, for all four kinds of
        parameter ($g_j^k$ and $e_h^k$ are sample $k$'s eqs. 5.10 and 5.15):

        $$\Delta w_{hj} = \eta\,\frac1m\sum_{k} g_j^{k} b_h^{k},\quad
        \Delta\theta_j = -\eta\,\frac1m\sum_k g_j^{k},\quad
        \Delta v_{ih} = \eta\,\frac1m\sum_{k} e_h^{k} x_i^{k},\quad
        \Delta\gamma_h = -\eta\,\frac1m\sum_k e_h^{k}.$$

        Below SymPy differentiates the whole $E$ of a 2-2-1 net with 3 symbolic samples and, for
        each of its 9 parameters ($v_{ih}$, $\gamma_h$, $w_{hj}$, $\theta_j$), subtracts the mean:
        every difference simplifies to 0.
        """,
    ),
    code(
        """
        from bpcore.symbolic import prove_accumulated_updates

        proofs = prove_accumulated_updates(m=3, sizes=(2, 2, 1))
        {name: proof.holds for name, proof in proofs.items()}
        """
    ),
    code(
        """
        xor = examples.get("t001_xor")
        start = bpcore.TextbookNet.from_network(
            bpcore.Network.from_sizes((2, 3, 1), offset_kind="threshold", rng=0))
        runs = {}
        for mode in ("standard", "accumulated"):
            runs[mode] = bpcore.train(start, xor.X, xor.Y, eta=2.0, epochs=3000, mode=mode)
        name = {"standard": text("06.standard", LANG), "accumulated": text("06.accumulated", LANG)}
        Table(columns("06.method_table", LANG), [(name[m], len(h.iteration_loss) // h.epochs_run, len(h.iteration_loss),
                        h.loss[0], h.loss[500], h.loss[-1]) for m, h in runs.items()], decimals=6, lang=LANG)
        """
    ),
    code(
        """
        # zh: 左图按轮次、右图按参数更新次数，画训练集上的损失
        # en: the training-set loss per epoch (left) and per parameter update (right)
        per_epoch = {name[m]: h for m, h in runs.items()}
        per_update = {name[m]: (np.arange(len(h.loss)) * (len(h.iteration_loss) // h.epochs_run), h.loss)
                      for m, h in runs.items()}
        size = (4.6, 3.2)
        Image(plots.side_by_side([
            plots.to_png(plots.curves_figure(
                per_epoch, lang=LANG, figsize=size, xlim=(0, 3000),
                title=text("06.per_epoch", LANG))),
            plots.to_png(plots.curves_figure(
                per_update, lang=LANG, figsize=size, xlim=(0, 3000),
                title=text("06.per_update", LANG),
                xlabel=text("06.updates", LANG))),
        ]))
        """
    ),
    md(
        zh=r"""
        左图：读过同样多的样本，标准BP下降得快得多——它每轮更新4次。累积BP一开始长时间停在$E \approx 0.125$附近的平台上（输出都接近0.5），之后才找到出路。右图：按更新次数算，两者就接近了；累积BP的每一次更新都更“有把握”，但要读完全部样本才能走一步。训练集很大时，这个代价很高，这正是实践中常用小批量（mini-batch）折中两者的原因（见[第8课](08_epochs_batches_iterations.ipynb)）。

        ## 小结

        - 对任意$d$-$q$-$l$网络，链式法则的每个因子只对一个定义求导；隐藏神经元的梯度要对所有输出求和。
        - 四个更新公式$\Delta w_{hj} = \eta g_j b_h$、$\Delta\theta_j = -\eta g_j$、$\Delta v_{ih} = \eta e_h x_i$、$\Delta\gamma_h = -\eta e_h$由SymPy推出，并经三条独立途径精确证明；代入2-2-2网络的数字，与中心差分和上一课的结果一致。
        - 阈值是减去的偏置：$\theta = -b$时网络相同，权重梯度相同，偏移量的梯度反号，训练过程完全一样。
        - 标准BP每个样本更新一次，累积BP每轮更新一次；公式相同，节奏不同。

        ## 练习

        在下面的单元格里把`answer = None`改成你的结果再运行。
        """,
        en=r"""
        Left: having read the same number of samples, standard BP falls much faster: it makes
        4 updates per epoch. Accumulated BP first sits for a long time on a plateau near
        $E \approx 0.125$ (all outputs close to 0.5) before it finds its way down. Right:
        counted per update, the two are much closer; each accumulated-BP update is better
        informed, but it takes a pass over every sample to make one. On a large training set
        that is expensive, which is why practice usually takes the middle road of mini-batches
        (see [lesson 8](08_epochs_batches_iterations.ipynb)).

        ## Summary

        - For any $d$-$q$-$l$ network, each chain-rule factor differentiates one definition; a
          hidden neuron's gradient sums over all outputs.
        - The four update rules $\Delta w_{hj} = \eta g_j b_h$, $\Delta\theta_j = -\eta g_j$,
          $\Delta v_{ih} = \eta e_h x_i$, $\Delta\gamma_h = -\eta e_h$ are derived by SymPy and
          proven exactly along three independent routes; with the 2-2-2 numbers they agree
          with central differences and with the last lesson.
        - A threshold is a subtracted bias: with $\theta = -b$ the networks are the same, the
          weight gradients the same, the offset gradients opposite, and training identical.
        - Standard BP updates after every sample, accumulated BP once per epoch: the same
          rules at a different rhythm.

        ## Exercises

        In each cell below, replace `answer = None` by your result and run it.
        """,
    ),
    md(
        zh=r"""
        **练习1**：一个$d = 4$、$q = 5$、$l = 3$的网络有多少个要学习的参数？
        """,
        en=r"""
        **Exercise 1**: how many parameters does a network with $d = 4$, $q = 5$, $l = 3$
        have to learn?
        """,
    ),
    *exercise(
        "06-1",
        source="""
        ### BEGIN SOLUTION
        answer = bpcore.Network.from_sizes((4, 5, 3), offset_kind="threshold", rng=0).spec.n_params
        ### END SOLUTION
        """,
        stub="answer = None",
    ),
    md(
        zh=r"""
        **练习2**：用上面`t002_textbook`的$g_1$（见“g与e”表）和学习率$\eta = 0.5$，算出$\Delta\theta_1$（保留9位小数）。
        """,
        en=r"""
        **Exercise 2**: with $g_1$ of `t002_textbook` above (the "g and e" table) and the
        learning rate $\eta = 0.5$, compute $\Delta\theta_1$ (9 decimals).
        """,
    ),
    *exercise(
        "06-2",
        source="""
        ### BEGIN SOLUTION
        tb = with_threshold.network
        answer = float(tb.updates(with_threshold.X[0], with_threshold.Y[0], with_threshold.eta).theta[0])
        ### END SOLUTION
        """,
        stub="answer = None",
    ),
    md(
        zh=r"""
        **练习3**：在同一个网络里，若把输出层的阈值换成偏置$b^{(2)}_1 = 0.60$，这一步偏置的改变量$\Delta b^{(2)}_1$是多少？（保留9位小数。）
        """,
        en=r"""
        **Exercise 3**: in the same network, with the output threshold replaced by the bias
        $b^{(2)}_1 = 0.60$, what is this step's change of that bias, $\Delta b^{(2)}_1$?
        (9 decimals.)
        """,
    ),
    *exercise("06-3", "-with_bias.eta * float(g_bias.layers[1].offset[0])"),
    md(
        zh="""
        **练习4（推导）.** 写出式(5.10)的$g_j$，用符号`y_hat`（$\\hat y_j$）、`y`（$y_j$）；如果你需要输出层的净输入$β_j-θ_j$，它叫`z`。
        """,
        en="""
        **Exercise 4 (derivation).** Write $g_j$ of eq. (5.10) in the symbols `y_hat`
        ($\\hat y_j$) and `y` ($y_j$); if you need the output's net input $β_j-θ_j$, it is `z`.
        """,
    ),
    *exercise("06-g", '"y_hat * (1 - y_hat) * (y - y_hat)"'),
    md(
        zh="""
        **练习5（推导）.** 有$l=2$个输出时，写出式(5.15)的$e_h$，用符号`b`（$b_h$）、`w1`、`w2`（$w_{h1}$、$w_{h2}$）、`g1`、`g2`。
        """,
        en="""
        **Exercise 5 (derivation).** With $l=2$ outputs, write $e_h$ of eq. (5.15) in the symbols
        `b` ($b_h$), `w1`, `w2` ($w_{h1}$, $w_{h2}$), `g1`, `g2`.
        """,
    ),
    *exercise("06-e", '"b * (1 - b) * (w1 * g1 + w2 * g2)"'),
    md(
        zh="""
        **练习6（编程）.** 照着图5.8的算法写标准BP循环体的一步：`bp_step(x, y, v, gamma, w, theta, eta)`对一个样本先算$\\hat y$，再算$g_j$（5.10）和$e_h$（5.15），最后按式(5.11)–(5.14)返回新的`v, gamma, w, theta`。形状：`v`为$(d, q)$，`gamma`为$(q,)$，`w`为$(q, l)$，`theta`为$(l,)$。检查程序用教程002的数值和两个随机的$d$-$q$-$l$网络和`TextbookNet`比较。
        """,
        en="""
        **Exercise 6 (coding).** Following the algorithm of Fig. 5.8, write one pass of standard
        BP's loop body: `bp_step(x, y, v, gamma, w, theta, eta)` takes one sample, computes
        $\\hat y$, then $g_j$ (5.10) and $e_h$ (5.15), and returns the new `v, gamma, w, theta` by
        eqs. (5.11)–(5.14). Shapes: `v` $(d, q)$, `gamma` $(q,)$, `w` $(q, l)$, `theta` $(l,)$.
        The checker compares with `TextbookNet` on tutorial 002's numbers and two random $d$-$q$-$l$
        nets.
        """,
    ),
    *exercise(
        "06-bp",
        answer="bp_step",
        source="""
        def bp_step(x, y, v, gamma, w, theta, eta):
            ### BEGIN SOLUTION
            f = lambda s: 1.0 / (1.0 + np.exp(-s))  # noqa: E731
            b = f(x @ v - gamma)  # b_h = f(α_h − γ_h)
            y_hat = f(b @ w - theta)  # ŷ_j = f(β_j − θ_j)
            g = y_hat * (1 - y_hat) * (y - y_hat)  # (5.10)
            e = b * (1 - b) * (w @ g)  # (5.15), with w before its update
            return (
                v + eta * np.outer(x, e),  # (5.13)
                gamma - eta * e,  # (5.14)
                w + eta * np.outer(b, g),  # (5.11)
                theta - eta * g,  # (5.12)
            )
            ### END SOLUTION
        """,
    ),
]
