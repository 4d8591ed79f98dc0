"""Lesson 05: the backward pass of the 2-2-2 network: w5, then w1 through both outputs, the new
weights with the biases frozen and trained, and the same step in PyTorch (optional)."""

from _cells import code, exercise, md

TITLE = dict(
    zh="反向传播：2-2-2网络的梯度与一次更新",
    en="The backward pass: gradients and one update of the 2-2-2 network",
)

CELLS = [
    md(
        zh=r"""
        **目标**

        - 用链式法则（chain rule）求出误差对输出层权重$w_5$的偏导数（partial derivative）：它是三个因子的乘积，每个因子都有直观的含义。
        - 求出误差对隐藏层权重$w_1$的偏导数，理解为什么它要把**两个**输出的误差都收集起来。
        - 用梯度下降（gradient descent）更新全部8个权重，与流传很广的结果（$w_5 \to 0.35891648$、$w_1 \to 0.149780716$等）逐个核对；再看偏置也参与训练时有什么不同。
        - （可选）用PyTorch的自动微分算同一步，与`bpcore`比较。

        **前置知识**：[前向传播](04_forward_pass.ipynb)（本课沿用上一课的2-2-2网络和记号）；链式法则（[第3课](03_chain_rule.ipynb)）；Sigmoid函数的导数$f'(x) = f(x)\,(1 - f(x))$（[第2课](02_sigmoid.ipynb)）。
        """,
        en=r"""
        **Goal**

        - Use the chain rule to get the partial derivative of the error with respect to the
          output-layer weight $w_5$: a product of three factors, each with a plain meaning.
        - Get the partial derivative with respect to the hidden-layer weight $w_1$, and see
          why it has to collect the errors of **both** outputs.
        - Update all eight weights by gradient descent and check each one against the widely
          published results ($w_5 \to 0.35891648$, $w_1 \to 0.149780716$, …); then see what
          changes when the biases are trained too.
        - (Optional) compute the same step with PyTorch's automatic differentiation and
          compare it with `bpcore`.

        **Prerequisites**: [the forward pass](04_forward_pass.ipynb) (this lesson keeps its
        2-2-2 network and notation); the chain rule ([lesson 3](03_chain_rule.ipynb)); the
        sigmoid's derivative $f'(x) = f(x)\,(1 - f(x))$ ([lesson 2](02_sigmoid.ipynb)).
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
        from bpcore.symbolic import chains_222
        from bpcore.lessons import columns, say, text
        from bpcore.tables import Table


        ex = examples.get("t004_222_frozen")
        net = ex.network
        steps = examples.trace("t004_222_frozen")
        chains = chains_222()  # zh: SymPy推导的链式法则 / en: the chains, derived in SymPy
        """
    ),
    md(
        zh=r"""
        ## 1. 直观：轻推一下$w_5$

        上一课算出$E_{total}$。现在问：如果把$w_5$改动一点点，$E_{total}$会改变多少？这个比值就是偏导数$\dfrac{\partial E_{total}}{\partial w_5}$。它为正，说明增大$w_5$会让误差变大，梯度下降就该把$w_5$调小。

        先不用任何公式：固定其他参数，把$E_{total}$画成$w_5$的函数，再用中心差分（central difference）$\dfrac{E(w_5+\varepsilon) - E(w_5-\varepsilon)}{2\varepsilon}$量出$w_5 = 0.40$处的斜率。
        """,
        en=r"""
        ## 1. Intuition: nudge $w_5$

        The last lesson computed $E_{total}$. Now ask: if $w_5$ changes a tiny bit, how much
        does $E_{total}$ change? That ratio is the partial derivative
        $\dfrac{\partial E_{total}}{\partial w_5}$. If it is positive, increasing $w_5$
        increases the error, so gradient descent should make $w_5$ smaller.

        No formulas yet: hold the other parameters fixed, draw $E_{total}$ as a function of
        $w_5$, and measure its slope at $w_5 = 0.40$ by a central difference
        $\dfrac{E(w_5+\varepsilon) - E(w_5-\varepsilon)}{2\varepsilon}$.
        """,
    ),
    code(
        """
        def E_with(name, value):
            \"\"\"E_total when the tutorial's parameter `name` is set to `value`, all else fixed.\"\"\"
            return ex.parameters[name].set(net.copy(), value).loss(ex.X, ex.Y, "sum")


        w5 = ex.param(net, "w5")
        slope = bpcore.numeric_gradient(lambda v: E_with("w5", v[0]), [w5])[0]
        say("05.slope", round(float(slope), 9), lang=LANG)

        grid = np.linspace(-2.0, 3.0, 101)
        fig = plots.new_figure((5.2, 2.8))
        ax = fig.add_axes((0.13, 0.18, 0.83, 0.7))
        plots.style_axes(ax)
        ax.plot(grid, [E_with("w5", g) for g in grid], color="#1a1a1a")
        near = np.linspace(w5 - 0.8, w5 + 0.8, 2)
        ax.plot(near, E_with("w5", w5) + slope * (near - w5), color=plots.POSITIVE, linestyle="--")
        ax.plot([w5], [E_with("w5", w5)], "o", color=plots.POSITIVE)
        fig.text(0.5, 0.97, text("05.tangent_title", LANG), ha="center", va="top", fontproperties=plots.font(10, "bold"))
        fig.text(0.55, 0.01, "w5", ha="center", va="bottom", fontproperties=plots.font(9))
        Image(plots.to_png(fig))
        """
    ),
    md(
        zh=r"""
        斜率为正：$w_5$变小，误差就下降。可是对每个权重都这样“轻推两次、跑两遍前向传播”太费事了：参数有$n$个就要$2n$次前向传播。反向传播用链式法则，一次就把所有偏导数算出来。

        ## 2. $w_5$：三个因子相乘

        $w_5$只通过一条路径影响误差：$w_5 \to net_{o1} \to out_{o1} \to E_{total}$。链式法则把这条路径上的局部导数连乘：

        $$\frac{\partial E_{total}}{\partial w_5} = \underbrace{\frac{\partial E_{total}}{\partial out_{o1}}}_{out_{o1} - target_{o1}} \cdot \underbrace{\frac{\partial out_{o1}}{\partial net_{o1}}}_{out_{o1}(1 - out_{o1})} \cdot \underbrace{\frac{\partial net_{o1}}{\partial w_5}}_{out_{h1}}$$

        - 第一个因子：输出偏离目标多少（误差的“方向和大小”）；
        - 第二个因子：Sigmoid函数在这一点有多陡，用输出本身写成$out(1-out)$；
        - 第三个因子：$w_5$的输入信号有多强。输入为0的连线，权重怎么改都不影响输出。

        下面先看SymPy逐项求导得到的同一条链（`bpcore.symbolic.chains_222`），再看`bpcore.examples.trace`给出的数值表：输出层四个权重各一行。
        """,
        en=r"""
        The slope is positive: make $w_5$ smaller and the error goes down. But nudging every
        weight twice and running the forward pass twice each time is wasteful: $n$ parameters
        cost $2n$ forward passes. Backpropagation uses the chain rule to get every partial
        derivative in one sweep.

        ## 2. $w_5$: a product of three factors

        $w_5$ affects the error along one path only:
        $w_5 \to net_{o1} \to out_{o1} \to E_{total}$. The chain rule multiplies the local
        derivatives along it:

        $$\frac{\partial E_{total}}{\partial w_5} = \underbrace{\frac{\partial E_{total}}{\partial out_{o1}}}_{out_{o1} - target_{o1}} \cdot \underbrace{\frac{\partial out_{o1}}{\partial net_{o1}}}_{out_{o1}(1 - out_{o1})} \cdot \underbrace{\frac{\partial net_{o1}}{\partial w_5}}_{out_{h1}}$$

        - the first factor: how far the output is from its target (the error's sign and size);
        - the second: how steep the sigmoid is at this point, written with the output itself,
          $out(1-out)$;
        - the third: how strong the signal entering $w_5$ is. A connection whose input is 0
          cannot change the output, whatever its weight.

        First the same chain as SymPy derives it, factor by factor
        (`bpcore.symbolic.chains_222`), then the numbers as `bpcore.examples.trace` lays them
        out, one row per output-layer weight.
        """,
    ),
    code(
        """
        Markdown(chains["dE/dw5"].aligned_markdown(LANG))
        """
    ),
    code(
        """
        steps.section("output").markdown(LANG)
        """
    ),
    code(
        """
        row = steps.section("output").rows[0]  # zh: w5那一行 / en: the row of w5
        product = row[1] * row[2] * row[3]
        grads = net.gradients(ex.X, ex.Y, "sum")  # zh: 引擎的反向传播 / en: the engine's backward pass
        engine = ex.parameters["w5"].grad(grads)
        say("05.product", f"{product:.9f}", lang=LANG)
        say("05.engine", f"{engine:.9f}", lang=LANG)
        say("05.numeric", f"{slope:.9f}", lang=LANG)
        """
    ),
    md(
        zh=r"""
        三种算法一致。注意$w_7$、$w_8$的梯度是负的：$out_{o2}$比目标0.99小，增大它们能让$out_{o2}$变大、误差变小。

        ## 3. $w_1$：两条路径的贡献相加

        $w_1$在隐藏层。它先改变$net_{h1}$和$out_{h1}$，而$out_{h1}$同时连到**两个**输出神经元：

        $$w_1 \to net_{h1} \to out_{h1} \to \begin{cases} net_{o1} \to out_{o1} \to E_{o1} \\ net_{o2} \to out_{o2} \to E_{o2} \end{cases}$$

        所以误差对$out_{h1}$的导数是两条路径之和：

        $$\frac{\partial E_{total}}{\partial out_{h1}} = \frac{\partial E_{o1}}{\partial out_{h1}} + \frac{\partial E_{o2}}{\partial out_{h1}},\qquad \frac{\partial E_{o1}}{\partial out_{h1}} = \frac{\partial E_{o1}}{\partial out_{o1}} \cdot \frac{\partial out_{o1}}{\partial net_{o1}} \cdot w_5$$

        然后再乘上隐藏神经元自己的两个因子：

        $$\frac{\partial E_{total}}{\partial w_1} = \frac{\partial E_{total}}{\partial out_{h1}} \cdot out_{h1}(1 - out_{h1}) \cdot i_1$$

        注意到$\dfrac{\partial E_{o1}}{\partial out_{o1}} \cdot \dfrac{\partial out_{o1}}{\partial net_{o1}}$在上一节算$w_5$时已经算过了。反向传播的高效就在这里：输出层的这些量算一次，隐藏层直接拿来用。
        """,
        en=r"""
        All three agree. Note that the gradients of $w_7$ and $w_8$ are negative: $out_{o2}$ is
        below its target 0.99, so increasing them raises $out_{o2}$ and lowers the error.

        ## 3. $w_1$: two paths, added

        $w_1$ sits in the hidden layer. It changes $net_{h1}$ and $out_{h1}$, and $out_{h1}$
        feeds **both** output neurons:

        $$w_1 \to net_{h1} \to out_{h1} \to \begin{cases} net_{o1} \to out_{o1} \to E_{o1} \\ net_{o2} \to out_{o2} \to E_{o2} \end{cases}$$

        So the derivative of the error with respect to $out_{h1}$ is the sum over both paths:

        $$\frac{\partial E_{total}}{\partial out_{h1}} = \frac{\partial E_{o1}}{\partial out_{h1}} + \frac{\partial E_{o2}}{\partial out_{h1}},\qquad \frac{\partial E_{o1}}{\partial out_{h1}} = \frac{\partial E_{o1}}{\partial out_{o1}} \cdot \frac{\partial out_{o1}}{\partial net_{o1}} \cdot w_5$$

        and then it is multiplied by the hidden neuron's own two factors:

        $$\frac{\partial E_{total}}{\partial w_1} = \frac{\partial E_{total}}{\partial out_{h1}} \cdot out_{h1}(1 - out_{h1}) \cdot i_1$$

        Note that $\dfrac{\partial E_{o1}}{\partial out_{o1}} \cdot
        \dfrac{\partial out_{o1}}{\partial net_{o1}}$ was already computed for $w_5$. That is
        where backpropagation saves its work: the output layer's quantities are computed once
        and the hidden layer reuses them.
        """,
    ),
    code(
        """
        Markdown(chains["dE/dout_h1"].aligned_markdown(LANG) + "\\n" + chains["dE/dw1"].aligned_markdown(LANG))
        """
    ),
    code(
        """
        steps.section("hidden").markdown(LANG)
        """
    ),
    md(
        zh=r"""
        两条路径的贡献符号相反：$o_1$的输出太大，希望$out_{h1}$变小；$o_2$的输出太小，希望$out_{h1}$变大。$o_1$的误差大得多，所以合起来仍然是正的。若只算一条路径，就会得到错误的梯度。

        SymPy把整个$E_{total}$写成参数的显式函数直接求导，再与链式法则的结果相减，化简为0，证明两条链都是对的：
        """,
        en=r"""
        The two paths pull in opposite directions: $o_1$'s output is too large and wants
        $out_{h1}$ smaller; $o_2$'s is too small and wants it larger. $o_1$'s error is much
        bigger, so the sum is still positive. Following one path only would give a wrong
        gradient.

        SymPy writes the whole $E_{total}$ as an explicit function of the parameters,
        differentiates it directly and subtracts the chain-rule result: the difference
        simplifies to 0, which proves both chains right:
        """,
    ),
    code(
        """
        for proof in chains.proofs:
            print(proof.name, text("05.chain_minus_direct", LANG), proof.difference, "✓" if proof.holds else "✗")
        """
    ),
    md(
        zh=r"""
        ## 4. 更新：偏置不训练

        有了梯度，每个权重按梯度下降走一步，学习率$\eta = 0.5$：

        $$w^{+} = w - \eta\,\frac{\partial E_{total}}{\partial w}$$

        有一点很关键：**所有梯度都在任何更新之前算出**。算$w_1$的梯度时用的是旧的$w_5 = 0.40$，而不是刚更新的$0.3589\ldots$。流传很广的逐步演算只更新8个权重，偏置$b_1, b_2$保持不变（例子`t004_222_frozen`）。核对表（ledger）把它公布的每个新权重与`bpcore`的结果逐个比较：
        """,
        en=r"""
        ## 4. The update, biases frozen

        With the gradients in hand, each weight takes one gradient-descent step with learning
        rate $\eta = 0.5$:

        $$w^{+} = w - \eta\,\frac{\partial E_{total}}{\partial w}$$

        One point matters: **every gradient is computed before any update**. The gradient of
        $w_1$ uses the old $w_5 = 0.40$, not the freshly updated $0.3589\ldots$. The widely
        published walk-through updates the eight weights and leaves the biases $b_1, b_2$
        unchanged (example `t004_222_frozen`). The ledger compares each new weight it
        published with `bpcore`'s:
        """,
    ),
    code(
        """
        ledger = examples.ledger("t004_222_frozen")
        # zh: 先看一步更新的9个数；原帖更新之后的数字放在本节最后
        # en: first the nine numbers of one update; the post's later figures end this section
        one_step = [r for r in ledger if r.quantity == "E_total" or r.quantity.endswith("_new")]
        say("05.method", lang=LANG, method=one_step[-1].method(LANG))
        examples.ledger_table(one_step, LANG, columns=("quantity", "published", "recomputed", "verdict"))
        """
    ),
    md(
        zh=r"""
        9个数全部一致（在公布的精度下）。偏置的梯度并不为0，只是没有用来更新：
        """,
        en=r"""
        All nine agree (at the published precision). The biases' gradients are not zero; they
        are just not applied:
        """,
    ),
    code(
        """
        steps.section("biases").markdown(LANG)
        """
    ),
    code(
        """
        steps.section("after").markdown(LANG)
        """
    ),
    md(
        zh=r"""
        一步之后误差从$0.298371109$降到了上表的值。

        ### 原帖公布的更新后数字

        这个2-2-2例子出自Matt Mazur的博文[A Step by Step Backpropagation Example](https://mattmazur.com/2015/03/17/a-step-by-step-backpropagation-example/)（2015年3月17日），教程003/004都转述自它。原帖演算完这一步之后还公布了四个数：第一轮更新后总误差$0.291027924$；更新10,000轮后$0.0000351085$，此时两个输出为$0.015912196$（目标值$0.01$）和$0.984065734$（目标值$0.99$）。按原帖自己写明的方法（先求出全部梯度，再更新）重算，四个数都对不上。核对表把每个数与能精确复现它的算法并列：
        """,
        en=r"""
        The error fell from $0.298371109$ to the value above in one step.

        ### The post's figures after the update

        This 2-2-2 example comes from Matt Mazur's post
        [A Step by Step Backpropagation Example](https://mattmazur.com/2015/03/17/a-step-by-step-backpropagation-example/)
        (17 March 2015), which tutorials 003/004 retell. After this step the post prints four
        more numbers: a total error of $0.291027924$ after the first round of updates; after
        10,000 rounds $0.0000351085$, with outputs $0.015912196$ (target $0.01$) and
        $0.984065734$ (target $0.99$). Recomputed by the method the post itself states (all
        gradients first, then the updates), none of the four comes out. The ledger sets each
        beside the computation that reproduces it exactly:
        """,
    ),
    code(
        """
        after = [r for r in ledger if r.quantity.startswith(("E_after", "out_o1_", "out_o2_"))]
        examples.ledger_table(after, LANG, columns=("quantity", "published", "recomputed", "alternative", "verdict"))
        """
    ),
    md(
        zh=r"""
        三个数来自同一个失误，而且正是本节强调的那一点：隐藏层的误差项$e_h$用了本轮**已经更新过**的$w_5..w_8$，而不是更新前的（`bpcore.examples.hidden_deltas_from_new_weights`按这个顺序计算）。原帖附带的代码最初正是这个顺序，到发帖前两天的一次提交（“Update backprop algorithm so that hidden layer weight updates use original weights”）才改为用原来的权重；帖子里的这三个数与改正前的顺序相符。剩下的$0.0000351085$则是正确方法训练9,999轮（少一轮）的误差，它与原帖同时公布的两个输出并不配套。

        ## 5. 偏置也参与训练

        教程004的代码用PyTorch的`nn.Linear`，它给每个神经元一个偏置，SGD会连偏置一起更新（例子`t004_222_trained`）。于是$b_1$、$b_2$各自变成两个数（每个神经元一个），初值相同，更新后就不同了。

        偏置的梯度很好求：$net_{o1} = w_5\,out_{h1} + w_6\,out_{h2} + b_2$对$b_2$的导数是1，所以$\dfrac{\partial E_{total}}{\partial b_2}$就是$w_5$那条链去掉最后一个因子。

        第一步里两种做法的**权重更新完全相同**：所有梯度都在更新之前、在同一个点上算出，偏置改不改不影响这一步的权重梯度。区别只在偏置本身，以及从第二步起的一切：
        """,
        en=r"""
        Three of the numbers come from one slip, and it is exactly the point this section
        stresses: the hidden error terms $e_h$ were taken with this round's **already updated**
        $w_5..w_8$ instead of the values before the update
        (`bpcore.examples.hidden_deltas_from_new_weights` computes in that order). The code
        published with the post first ordered the steps that way, until a commit two days
        before the post ("Update backprop algorithm so that hidden layer weight updates use
        original weights"); these three figures match the order before that fix. The remaining
        $0.0000351085$ is the error of the right method after 9,999 rounds (one short), and it
        does not go with the two outputs printed beside it.

        ## 5. Biases trained too

        Tutorial 004's code uses PyTorch's `nn.Linear`, which gives each neuron its own bias,
        and SGD updates the biases along with the weights (example `t004_222_trained`). So
        $b_1$ and $b_2$ each become two numbers (one per neuron): equal at the start, different
        after the update.

        A bias's gradient is easy: the derivative of
        $net_{o1} = w_5\,out_{h1} + w_6\,out_{h2} + b_2$ with respect to $b_2$ is 1, so
        $\dfrac{\partial E_{total}}{\partial b_2}$ is $w_5$'s chain without its last factor.

        In the first step both ways **update the weights identically**: all gradients are
        taken before the update, at the same point, so whether the biases move does not change
        this step's weight gradients. Only the biases differ, and everything from the second
        step on:
        """,
    ),
    code(
        """
        trained = examples.get("t004_222_trained")
        after_frozen = ex.train(epochs=1).net
        after_trained = trained.train(epochs=1).net
        rows = [(name, ex.param(after_frozen, name), trained.param(after_trained, name))
                for name in ex.parameters]
        rows.append(("E_total", after_frozen.loss(ex.X, ex.Y, "sum"),
                     after_trained.loss(ex.X, ex.Y, "sum")))
        Table(columns("05.bias_table", LANG), rows, decimals=9, lang=LANG)
        """
    ),
    md(
        zh=r"""
        多训练几轮，差别就越来越明显。下面两种做法都用同一个样本、同样的$\eta = 0.5$训练10000轮（每轮一次更新），把损失曲线画在一起（纵轴是对数刻度）：
        """,
        en=r"""
        Train longer and the difference grows. Below, both ways train on the same sample with
        the same $\eta = 0.5$ for 10,000 epochs (one update each) and their loss curves are
        drawn together (log scale):
        """,
    ),
    code(
        """
        h_frozen = ex.train(epochs=10_000)
        h_trained = trained.train(epochs=10_000)
        runs = [(text("05.frozen", LANG), h_frozen.loss), (text("05.trained", LANG), h_trained.loss)]
        for name, loss in runs:
            print(f"{name}: E = {loss[0]:.9f} → {loss[-1]:.3e}")

        Image(plots.to_png(plots.curves_figure(
            runs, lang=LANG, title=text("05.log_title", LANG), xlabel=text("all.epoch_one_update", LANG))))
        """
    ),
    md(
        zh=r"""
        多了4个可调的参数，网络能更快地把输出推向目标，10000轮后的误差小了一个数量级。

        ## 6. 用PyTorch算同一步（可选）

        教程004用PyTorch完成这一步。下面的单元格在装有PyTorch时按教程的写法（`nn.Linear`、`SGD(lr=0.5)`、`loss.backward()`、`optimizer.step()`）算一遍，改用双精度（float64），再与`bpcore`偏置参与训练的结果逐个比较；没有安装PyTorch时给出提示并跳过。注意`nn.Linear.weight`按“到哪去、从哪来”存，是引擎`W`的转置。
        """,
        en=r"""
        With four more parameters to adjust, the network pushes its outputs to the targets
        faster: after 10,000 epochs its error is an order of magnitude smaller.

        ## 6. The same step in PyTorch (optional)

        Tutorial 004 takes this step with PyTorch. When PyTorch is installed, the cell below
        does it the tutorial's way (`nn.Linear`, `SGD(lr=0.5)`, `loss.backward()`,
        `optimizer.step()`), in double precision (float64), and compares every parameter with
        `bpcore`'s step with trained biases; without PyTorch it says so and skips. Note that
        `nn.Linear.weight` is stored "to, from", the transpose of the engine's `W`.
        """,
    ),
    code(
        """
        try:
            import torch
        except ImportError:
            torch = None

        if torch is None:
            say("05.no_torch", lang=LANG)
        else:
            linear = [torch.nn.Linear(2, 2, dtype=torch.float64) for _ in net.layers]
            with torch.no_grad():
                for lin, layer in zip(linear, trained.network.layers):
                    lin.weight.copy_(torch.tensor(layer.W.T))  # zh: (到, 从) / en: (to, from)
                    lin.bias.copy_(torch.tensor(layer.offset))
            x, target = torch.tensor(ex.X), torch.tensor(ex.Y)
            output = torch.sigmoid(linear[1](torch.sigmoid(linear[0](x))))
            loss = torch.sum((output - target) ** 2) / 2
            optimizer = torch.optim.SGD([p for lin in linear for p in lin.parameters()], lr=ex.eta)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            gap = max(
                max(np.abs(lin.weight.detach().numpy().T - layer.W).max(),
                    np.abs(lin.bias.detach().numpy() - layer.offset).max())
                for lin, layer in zip(linear, after_trained.layers)
            )
            print("PyTorch", torch.__version__, "loss =", round(loss.item(), 9))
            say("05.torch_agrees", bool(gap <= 1e-12), lang=LANG)
        """,
        ignore_output=True,
    ),
    md(
        zh=r"""
        ## 7. 一步一步点着看

        下面的训练场（playground）载入了偏置不训练的2-2-2网络。点“单步（一次迭代）”按钮，每点一次走一个阶段：前向传播 → 反向传播（网络图显示各权重的梯度和各神经元的误差项） → 更新（显示新权重）；下方的单步计算表列出全部数值，可以和上面的表对照。用左侧的滑块改初始权重，或勾选“训练阈值/偏置”，再走一遍。
        """,
        en=r"""
        ## 7. Click through one step

        The playground below holds the 2-2-2 network with frozen biases. Click "Step one
        iteration": each click shows one phase, forward pass → backward pass (the picture
        shows each weight's gradient and each neuron's error term) → update (the new weights);
        the step table underneath lists every number, to compare with the tables above. Change
        the initial weights with the sliders on the left, or tick "train thresholds/biases",
        and step through again.
        """,
    ),
    code(
        """
        bpcore.widgets.playground("222_frozen", lang=LANG, epochs=1000)
        """,
        ignore_output=True,
    ),
    md(
        zh=r"""
        ## 小结

        - 一个权重的梯度是从误差到该权重路径上各局部导数的乘积。输出层：$\dfrac{\partial E}{\partial w_5} = (out_{o1} - target_{o1}) \cdot out_{o1}(1-out_{o1}) \cdot out_{h1}$。
        - 隐藏层的权重经过多条路径影响误差，各条路径的贡献相加；输出层算好的因子可以直接复用，这正是反向传播高效的原因。
        - 所有梯度都在更新前、用旧参数算出。偏置不训练时，`bpcore`的8个新权重与公布值全部一致；偏置参与训练时，第一步的权重更新相同，偏置和以后的训练过程不同。
        - 链式法则的结果经过三重校验：中心差分、SymPy直接求导的精确证明，以及（可选的）PyTorch自动微分。
        - 下一课：[教材中的推导](06_textbook_derivation.ipynb)——把这里的计算推广到任意$d$-$q$-$l$网络。

        ## 练习

        在下面的单元格里把`answer = None`改成你的结果再运行。
        """,
        en=r"""
        ## Summary

        - A weight's gradient is the product of the local derivatives on the path from the
          error to that weight. Output layer:
          $\dfrac{\partial E}{\partial w_5} = (out_{o1} - target_{o1}) \cdot out_{o1}(1-out_{o1}) \cdot out_{h1}$.
        - A hidden-layer weight reaches the error along several paths, and their
          contributions add up; the factors already computed for the output layer are reused,
          which is why backpropagation is efficient.
        - Every gradient is taken before the update, with the old parameters. With the biases
          frozen, `bpcore`'s eight new weights agree with the published ones; with the biases
          trained, the first step's weight updates are the same, the biases and the rest of
          training differ.
        - The chain-rule results are checked three ways: central differences, an exact SymPy
          proof against direct differentiation, and (optionally) PyTorch's autograd.
        - Next: [the textbook derivation](06_textbook_derivation.ipynb), which generalises
          these computations to any $d$-$q$-$l$ network.

        ## Exercises

        In each cell below, replace `answer = None` by your result and run it.
        """,
    ),
    md(
        zh=r"""
        **练习1**：用上面输出层表里的三个因子算出$\dfrac{\partial E_{total}}{\partial w_7}$（保留6位小数）。
        """,
        en=r"""
        **Exercise 1**: from the three factors in the output-layer table above, compute
        $\dfrac{\partial E_{total}}{\partial w_7}$ (6 decimals).
        """,
    ),
    *exercise(
        "05-1",
        source="""
        ### BEGIN SOLUTION
        answer = ex.parameters["w7"].grad(grads)
        ### END SOLUTION
        """,
        stub="answer = None",
    ),
    md(
        zh=r"""
        **练习2**：如果有人先把$w_5$、$w_7$更新了，再用**新的**$w_5$、$w_7$去算$w_1$的梯度，他会得到多大的新$w_1$？（保留9位小数。提示：用`after_frozen`里更新后的输出层，配上原来的隐藏层，再求梯度。）这个数和公布的0.149780716一样吗？
        """,
        en=r"""
        **Exercise 2**: if someone updated $w_5$ and $w_7$ first and then used the **new**
        $w_5$, $w_7$ to compute $w_1$'s gradient, what new $w_1$ would they get? (9 decimals.
        Hint: pair the original hidden layer with the updated output layer of `after_frozen`
        and take the gradient.) Is it the published 0.149780716?
        """,
    ),
    *exercise(
        "05-2",
        source="""
        ### BEGIN SOLUTION
        mixed = bpcore.Network([net.layers[0].copy(), after_frozen.layers[1].copy()])
        g_mixed = ex.parameters["w1"].grad(mixed.gradients(ex.X, ex.Y, "sum"))
        answer = ex.param(net, "w1") - ex.eta * g_mixed
        ### END SOLUTION
        """,
        stub="answer = None",
    ),
    md(
        zh=r"""
        **练习3**：输出层偏置的梯度$\dfrac{\partial E_{total}}{\partial b_2}$（$o_1$那一个）是多少？（保留6位小数。）它和$\dfrac{\partial E_{total}}{\partial w_5}$有什么关系？
        """,
        en=r"""
        **Exercise 3**: what is the output bias's gradient $\dfrac{\partial E_{total}}{\partial b_2}$
        (the one of $o_1$)? (6 decimals.) How is it related to
        $\dfrac{\partial E_{total}}{\partial w_5}$?
        """,
    ),
    *exercise(
        "05-3",
        source="""
        ### BEGIN SOLUTION
        answer = ex.parameters["b2[o1]"].grad(grads)
        ### END SOLUTION
        """,
        stub="answer = None",
    ),
    md(
        zh="""
        **练习4（编程）.** 自己写2-2-2网络的一步随机梯度下降：`step(x, t, W1, b1, W2, b2, eta)`对一个样本$x$、目标$t$，用$E = ½Σ_j(out_{oj}-t_j)^2$，返回更新后的`W1, b1, W2, b2`（偏置也更新）。所有梯度都要用更新前的权重算。检查程序用教程的数值和随机网络和bpcore比较，并能认出常见错误：方向反了、隐藏层少了对输出的求和、导数用了净输入、用已更新的输出层权重算隐藏层梯度。
        """,
        en="""
        **Exercise 4 (coding).** Write one SGD step of the 2-2-2 net yourself:
        `step(x, t, W1, b1, W2, b2, eta)` takes one sample $x$ with target $t$, uses
        $E = ½Σ_j(out_{oj}-t_j)^2$ and returns the new `W1, b1, W2, b2` (biases trained too).
        Every gradient uses the weights before the update. The checker compares with bpcore on
        the tutorial's numbers and on random nets, and recognises the classic mistakes: the wrong
        direction, the hidden layer's missing sum over outputs, the derivative taken at the net
        input, the hidden gradients computed with the already-updated output weights.
        """,
    ),
    *exercise(
        "05-step",
        answer="step",
        source="""
        def step(x, t, W1, b1, W2, b2, eta):
            ### BEGIN SOLUTION
            out_h = 1.0 / (1.0 + np.exp(-(x @ W1 + b1)))
            out_o = 1.0 / (1.0 + np.exp(-(out_h @ W2 + b2)))
            delta_o = (out_o - t) * out_o * (1.0 - out_o)  # ∂E/∂net_o
            delta_h = (W2 @ delta_o) * out_h * (1.0 - out_h)  # ∂E/∂net_h, with the old W2
            return (
                W1 - eta * np.outer(x, delta_h),
                b1 - eta * delta_h,
                W2 - eta * np.outer(out_h, delta_o),
                b2 - eta * delta_o,
            )
            ### END SOLUTION
        """,
    ),
]
