"""Lesson 07: batch gradient descent on tutorial 000's 3-2-1 network: the forward table, the
derivatives (mean of products versus the tutorial's product of means), the update, and the
ledger of published versus recomputed numbers."""

from _cells import code, exercise, md

TITLE = dict(
    zh="批量梯度下降：3-2-1网络与公布数字的核对",
    en="Batch gradient descent: the 3-2-1 network and its published numbers, checked",
)

CELLS = [
    md(
        zh=r"""
        **目标**

        - 在教程000的3-2-1网络上走完一次批量梯度下降（batch gradient descent）：三个样本的前向计算表、损失、导数、更新。
        - 分清两种“平均”：均值损失的梯度是**乘积的平均**（先逐样本用链式法则，再平均）；教程却把每个因子**分别平均再相乘**。亲手看到两者为什么不同、差多少。
        - 读懂核对表（ledger）：教程公布的每个数字，哪些由它所述的方法得出，哪些是它自己的算法得出，哪些两者都得不出，原因各是什么。

        **前置知识**：[反向传播](05_backward_pass.ipynb)（链式法则逐因子相乘）；[标准BP与累积BP](06_textbook_derivation.ipynb)的区别；平均值。
        """,
        en=r"""
        **Goal**

        - Take one step of batch gradient descent on tutorial 000's 3-2-1 network: the
          forward table of the three samples, the loss, the derivatives, the update.
        - Tell two kinds of "average" apart: the gradient of the mean loss is the **mean of
          the products** (chain rule per sample, then average); the tutorial **averages each
          factor separately and multiplies** the averages. See for yourself why the two differ
          and by how much.
        - Read the ledger: for every number the tutorial published, whether it follows from the
          method the tutorial states, from its own arithmetic, or from neither, and why.

        **Prerequisites**: [the backward pass](05_backward_pass.ipynb) (the chain rule, factor
        by factor); the difference between [standard and accumulated BP](06_textbook_derivation.ipynb);
        averages.
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
        from bpcore.symbolic import chain_000
        from bpcore.lessons import columns, say, text
        from bpcore.tables import Table


        ex = examples.get("t000_batch_321")
        net = ex.network
        steps = examples.trace("t000_batch_321")
        ledger = {r.quantity: r for r in examples.ledger("t000_batch_321")}
        """
    ),
    md(
        zh=r"""
        ## 1. 网络与数据

        教程000的网络有3个输入、2个隐藏单元、1个输出，结构很特别：

        - **隐藏层没有激活函数**：$h_j = \sum_i v_{ij} x_i$，即恒等激活；
        - **输出层是Sigmoid函数**：$s = w_1 h_1 + w_2 h_2$，$y = \sigma(s)$；
        - **没有偏置也没有阈值**。

        三个训练样本一次全部用上（批量梯度下降，即上一课的累积BP），损失是均方误差（mean squared error）$E = \dfrac{1}{2m}\sum_{k=1}^{m} (t_k - y_k)^2$，$m = 3$，学习率$\eta = 0.5$。注意这里目标值记作$t$，网络输出记作$y$；教材分别记作$y$和$\hat y$。记号对照：
        """,
        en=r"""
        ## 1. The network and the data

        Tutorial 000's network has 3 inputs, 2 hidden units and 1 output, with an unusual
        build:

        - **no activation in the hidden layer**: $h_j = \sum_i v_{ij} x_i$, the identity;
        - **a sigmoid at the output**: $s = w_1 h_1 + w_2 h_2$, $y = \sigma(s)$;
        - **no biases and no thresholds**.

        All three training samples are used at once (batch gradient descent, the accumulated
        BP of the last lesson); the loss is the mean squared error
        $E = \dfrac{1}{2m}\sum_{k=1}^{m} (t_k - y_k)^2$ with $m = 3$, and the learning rate is
        $\eta = 0.5$. Mind the names: the target is $t$ and the output $y$ here, where the
        textbook writes $y$ and $\hat y$. The notation map:
        """,
    ),
    code(
        """
        print(ex.note(LANG))
        examples.notation_table(ex.name, LANG)
        """
    ),
    code(
        """
        print("X =", ex.X.tolist(), "  t =", ex.Y[:, 0].tolist(), "  η =", ex.eta)
        plots.image(plots.network_figure(net, lang=LANG))
        """
    ),
    md(
        zh=r"""
        ## 2. 前向计算表

        每个样本一行。隐藏层是恒等的，所以$h$就是输入的加权和；$s$再加权求和，$y$过Sigmoid函数：
        """,
        en=r"""
        ## 2. The forward table

        One row per sample. The hidden layer is the identity, so $h$ is just the weighted sum
        of the inputs; $s$ is a weighted sum again and $y$ goes through the sigmoid:
        """,
    ),
    code(
        """
        steps.section("forward").markdown(LANG)
        """
    ),
    code(
        """
        forward = [r for q, r in ledger.items() if q.split("_")[0] in ("h1", "h2", "s", "y")]
        say("07.forward_agrees", lang=LANG, n=sum(r.verdict == "agrees" for r in forward), m=len(forward))
        """
    ),
    md(
        zh=r"""
        三个输出都比目标值大得多。

        ## 3. 损失

        按教程自己写下的公式$E = \dfrac{1}{2m}\sum_k (t_k - y_k)^2$算：
        """,
        en=r"""
        All three outputs are well above their targets.

        ## 3. The loss

        By the formula the tutorial itself writes, $E = \dfrac{1}{2m}\sum_k (t_k - y_k)^2$:
        """,
    ),
    code(
        """
        steps.section("loss").markdown(LANG)
        """
    ),
    code(
        """
        examples.ledger_table([ledger["E"]], LANG, columns=("quantity", "published", "recomputed", "verdict"))
        """
    ),
    md(
        zh=r"""
        公布的损失值$0.234$不是这个公式的结果，常见的其他写法也得不到它。好在梯度下降的更新并不用到$E$的数值，所以这个错误不影响后面的导数和新权重；它只影响我们对“误差有多大”的判断。

        ## 4. 导数：乘积的平均，还是平均的乘积？

        对$w_1$用链式法则。对**一个**样本$k$，$E_k = \tfrac12(t_k - y_k)^2$，三个因子是：

        $$\frac{\partial E_k}{\partial w_1} = \underbrace{(y_k - t_k)}_{\partial E_k/\partial y_k} \cdot \underbrace{y_k(1 - y_k)}_{\partial y_k/\partial s_k} \cdot \underbrace{h_{1,k}}_{\partial s_k/\partial w_1}$$

        均值损失$E = \frac1m \sum_k E_k$的导数就是这些**乘积的平均**：

        $$\frac{\partial E}{\partial w_1} = \frac1m \sum_{k=1}^{m} (y_k - t_k)\, y_k(1 - y_k)\, h_{1,k}$$

        教程却先把每个因子分别对样本求平均，再把三个平均值相乘：

        $$\text{教程：}\quad \Big(\frac1m\sum_k (y_k - t_k)\Big)\cdot\Big(\frac1m\sum_k y_k(1-y_k)\Big)\cdot\Big(\frac1m\sum_k h_{1,k}\Big)$$

        下表逐样本列出各因子，最后一行是它们的平均（也就是教程用的因子）：
        """,
        en=r"""
        The published loss $0.234$ is not what this formula gives, nor what any usual variant
        gives. Fortunately the gradient-descent update never uses the value of $E$, so this slip
        does not touch the derivatives and new weights that follow; it only misreports how
        large the error is.

        ## 4. Derivatives: the mean of the products, or the product of the means?

        The chain rule for $w_1$. For **one** sample $k$, $E_k = \tfrac12(t_k - y_k)^2$ and the
        three factors are:

        $$\frac{\partial E_k}{\partial w_1} = \underbrace{(y_k - t_k)}_{\partial E_k/\partial y_k} \cdot \underbrace{y_k(1 - y_k)}_{\partial y_k/\partial s_k} \cdot \underbrace{h_{1,k}}_{\partial s_k/\partial w_1}$$

        The derivative of the mean loss $E = \frac1m \sum_k E_k$ is the **mean of these
        products**:

        $$\frac{\partial E}{\partial w_1} = \frac1m \sum_{k=1}^{m} (y_k - t_k)\, y_k(1 - y_k)\, h_{1,k}$$

        The tutorial instead averages each factor over the samples first and then multiplies
        the three averages:

        $$\text{tutorial:}\quad \Big(\frac1m\sum_k (y_k - t_k)\Big)\cdot\Big(\frac1m\sum_k y_k(1-y_k)\Big)\cdot\Big(\frac1m\sum_k h_{1,k}\Big)$$

        The table lists the factors sample by sample; the last row holds their means (the
        factors the tutorial uses):
        """,
    ),
    code(
        """
        steps.section("factors").markdown(LANG)
        """
    ),
    md(
        zh=r"""
        教程公布的三个平均值$0.294$、$0.152$、$1.5$作为平均值都是对的（核对表中它们都“一致”）。问题出在下一步。SymPy用精确的有理数和30位精度的Sigmoid值把两种算法都算一遍：
        """,
        en=r"""
        The three averages the tutorial publishes, $0.294$, $0.152$ and $1.5$, are right as
        averages (the ledger marks them "agrees"). The trouble is the next step. SymPy carries
        out both computations with exact rationals and the sigmoid to 30 digits:
        """,
    ),
    code(
        """
        chain = chain_000().in_language(LANG)
        Markdown("\\n".join(chain[k].markdown(LANG) for k in ("dE/dw1", "tutorial")))
        """
    ),
    md(
        zh=r"""
        谁是真正的梯度？请一位与两种算法都无关的“裁判”：中心差分，直接量$E$随$w_1$的变化率。
        """,
        en=r"""
        Which one is the gradient? Ask a referee that owes nothing to either computation:
        central differences, which measure the rate of change of $E$ with $w_1$ directly.
        """,
    ),
    code(
        """
        tutorial = examples.separately_averaged_000()  # zh: 教程的算法（平均值相乘） / en: the tutorial's arithmetic
        grads = net.gradients(ex.X, ex.Y, "mean")  # zh: 引擎：乘积的平均 / en: engine: mean of the products
        check = bpcore.check_gradients(net, ex.X, ex.Y, reduction="mean")
        rows = []
        for name, k in (("w1", 0), ("w2", 1)):
            ref = ex.parameters[name]
            index = check.names.index(f"W{ref.layer + 1}[{ref.index[0]}, {ref.index[1]}]")
            rows.append((f"∂E/∂{name}", ref.grad(grads), float(check.numeric[index]),
                         float(tutorial.grad_w[k])))
        Table(columns("07.gradient_table", LANG), rows, decimals=6, lang=LANG)
        """
    ),
    md(
        zh=r"""
        中心差分站在乘积的平均一边：那才是$E$的梯度；平均值相乘只是一个近似。

        为什么会不同？平均值的乘积等于乘积的平均，只在各因子不随样本变化（或只有一个样本）时才成立。一般地，两个量一起变化时，$\overline{ab} = \bar a\,\bar b + \operatorname{cov}(a, b)$，协方差（covariance）不为0就有差别。这里样本1的$h_1 = 2.4$最大，可它的输出0.907落在Sigmoid函数平坦的地方，斜率$y(1-y)$是三个样本里最小的：在真正的梯度里，大的$h_1$乘上的是小的斜率。分别平均却把平均的$h_1$和平均的斜率相乘，好像大的输入总和陡的斜率同时出现，于是高估了梯度。用上表的逐样本因子直接验证：
        """,
        en=r"""
        The central difference sides with the mean of the products: that is the gradient of
        $E$; the product of the means is only an approximation.

        Why do they differ? A product of means equals the mean of the products only when the
        factors do not vary from sample to sample (or there is a single sample). In general,
        when two quantities vary together, $\overline{ab} = \bar a\,\bar b + \operatorname{cov}(a, b)$,
        and a nonzero covariance makes a difference. Here sample 1 has the largest $h_1 = 2.4$,
        but its output 0.907 sits where the sigmoid is flat, so its slope $y(1-y)$ is the
        smallest of the three: in the true gradient the large $h_1$ is multiplied by a small
        slope. Averaging separately multiplies the mean $h_1$ by the mean slope, as if large
        inputs came with steep slopes, and overestimates the gradient. A direct check with the
        per-sample factors of the table above:
        """,
    ),
    code(
        """
        factors = np.array([row[1:] for row in steps.section("factors").rows[:3]], dtype=float)
        a, b, h1 = factors[:, 0], factors[:, 1], factors[:, 3]  # zh: y − t、y(1 − y)、h1 / en: y − t, y(1 − y), h1
        say("07.mean_of_products", round(float(np.mean(a * b * h1)), 6), lang=LANG)
        say("07.product_of_means", round(float(a.mean() * b.mean() * h1.mean()), 6), lang=LANG)
        one = slice(2, 3)  # zh: 只取样本3 / en: sample 3 alone
        same = np.isclose(np.mean(a[one] * b[one] * h1[one]), a[one].mean() * b[one].mean() * h1[one].mean())
        say("07.one_sample", bool(same), lang=LANG)
        """
    ),
    md(
        zh=r"""
        隐藏层的权重也一样：$\dfrac{\partial E}{\partial v_{11}} = \frac1m\sum_k (y_k - t_k)\, y_k(1-y_k)\, w_1\, x_{1,k}$，教程却用$0.294 \times 0.152 \times 0.8 \times 2$。其中$\dfrac{\partial s}{\partial h_1} = w_1 = 0.8$对所有样本相同，平均它不会出错；$\dfrac{\partial h_1}{\partial v_{11}} = x_1$的平均2也对，错在把它们分别平均后相乘。

        ## 5. 更新

        梯度下降$w \leftarrow w - \eta\,\dfrac{\partial E}{\partial w}$，$\eta = 0.5$。下表同时给出两种算法：用真正的梯度（链式法则），以及用教程的“平均值相乘”：
        """,
        en=r"""
        The hidden-layer weights are no different:
        $\dfrac{\partial E}{\partial v_{11}} = \frac1m\sum_k (y_k - t_k)\, y_k(1-y_k)\, w_1\, x_{1,k}$,
        while the tutorial uses $0.294 \times 0.152 \times 0.8 \times 2$. The factor
        $\dfrac{\partial s}{\partial h_1} = w_1 = 0.8$ is the same for every sample, so
        averaging it is harmless; the mean 2 of $\dfrac{\partial h_1}{\partial v_{11}} = x_1$ is
        right too; the mistake is multiplying separately averaged factors.

        ## 5. The update

        Gradient descent $w \leftarrow w - \eta\,\dfrac{\partial E}{\partial w}$ with
        $\eta = 0.5$. The table gives both: with the true gradient (chain rule) and with the
        tutorial's product of means:
        """,
    ),
    code(
        """
        steps.section("update").markdown(LANG)
        """
    ),
    code(
        """
        steps.section("after").markdown(LANG)
        """
    ),
    md(
        zh=r"""
        两种更新都让损失下降了，而且在这一步里“平均值相乘”碰巧降得还略多一点。这并不矛盾：梯度给出的是**无穷小**一步里下降最快的方向，步长为$0.5$的一整步并不保证最好。平均值相乘的方向与梯度相差不大，所以这里仍是下坡；但它不是梯度：换一份数据就可能不再指向下坡，它等于0的地方也不一定是损失最小的地方。

        ## 6. 核对表：每个公布的数字

        `bpcore.examples.ledger()`按教程所述的方法（对均值损失做批量梯度下降）重算每个公布的数字，在公布的精度下比较；对不一致的数字，给出教程实际的算法能否复现它，以及原因：
        """,
        en=r"""
        Both updates lower the loss, and in this one step the product of means happens to
        lower it slightly more. No contradiction: the gradient gives the steepest direction for
        an **infinitesimal** step, and a whole step of size $0.5$ is not guaranteed to be the
        best one. The product of means points close to the gradient, hence downhill here; but it
        is not the gradient: on other data it may fail to point downhill, and where it becomes
        zero need not be where the loss is smallest.

        ## 6. The ledger: every published number

        `bpcore.examples.ledger()` recomputes each published number by the method the tutorial
        states (batch gradient descent on the mean loss) and compares at the published
        precision; for each disagreement it records whether the tutorial's actual arithmetic
        reproduces the number, and why:
        """,
    ),
    code(
        """
        examples.ledger_table(list(ledger.values()), LANG, notes=False,
                              columns=("quantity", "published", "recomputed", "verdict", "alternative", "reproduced"))
        """
    ),
    md(
        zh=r"""
        每个不一致的数字都附有原因（由`bpcore`在运行时生成，其中的数值都是现算的）：
        """,
        en=r"""
        Every disagreement carries its reason (generated by `bpcore` at run time, with every
        number in it computed afresh):
        """,
    ),
    code(
        """
        Markdown("\\n".join(text("07.reason_item", LANG, label=r.label(LANG), published=r.published_text,
                                reason=r.reason(LANG)) for r in ledger.values() if r.reason))
        """
    ),
    md(
        zh=r"""
        归纳起来，教程000公布的数字分四类：

        1. **按所述方法得出，一致**：前向计算表的全部12个数（$h_1, h_2, s, y$）；各因子的平均值$0.294$、$0.152$、$1.5$以及$\partial s/\partial h_1 = 0.8$、$\partial h_1/\partial v_{11} = 2$——它们作为平均值没有错。
        2. **不是梯度，而是“平均值相乘”的结果**：$\partial E/\partial w_1 = 0.067$、$\partial E/\partial v_{11} = 0.072$，以及由它们得到的新权重$w_1 \to 0.766$、$w_2 \to 0.167$、$v_{11} \to 0.114$、$v_{12} \to 0.191$、$v_{21} \to 0.576$、$v_{22} \to 0.294$。教程自己的算法能复现它们，但均值损失的真正梯度给出的是上表“重算值”一列。
        3. **两种算法都得不出**：$v_{31} \to 0.282$、$v_{32} \to 0.496$。只有在“平均值相乘”之外，再把第三个输入的平均值$(1 + 2 + 1)/3 = 4/3$误当作1，才能复现。
        4. **损失值**：$E = 0.234$和更新后的$0.192$都不符合教程写下的公式，常见的其他写法也得不到；两者都约是正确值的同一倍数，像是同一个计算错误出现了两次。相对下降的幅度倒是一致的。

        我们没有为了凑出公布的数字去改动代码：引擎始终按正确的方法计算，教程的算法作为一个单独命名的函数（`examples.separately_averaged_000`）保留，只用来解释这些数字从何而来。

        ## 7. 继续训练

        用真正的梯度做批量梯度下降，每轮用全部三个样本更新一次。这个网络的隐藏层是线性的，$s$是输入的线性函数；三个输入线性无关，所以存在能精确拟合三个目标的权重，损失可以一直降下去：
        """,
        en=r"""
        In short, the numbers tutorial 000 publishes fall into four groups:

        1. **Follow from the stated method, agree**: all 12 numbers of the forward table
           ($h_1, h_2, s, y$); the factor averages $0.294$, $0.152$, $1.5$ and
           $\partial s/\partial h_1 = 0.8$, $\partial h_1/\partial v_{11} = 2$, which are right
           as averages.
        2. **Not the gradient but the product of means**: $\partial E/\partial w_1 = 0.067$,
           $\partial E/\partial v_{11} = 0.072$, and the new weights that follow from that
           arithmetic, $w_1 \to 0.766$, $w_2 \to 0.167$, $v_{11} \to 0.114$,
           $v_{12} \to 0.191$, $v_{21} \to 0.576$, $v_{22} \to 0.294$. The tutorial's own
           arithmetic reproduces them; the true gradient of the mean loss gives the
           "recomputed" column above.
        3. **Follow from neither**: $v_{31} \to 0.282$, $v_{32} \to 0.496$. They are reproduced
           only if, on top of the product of means, the mean of the third input,
           $(1 + 2 + 1)/3 = 4/3$, is taken as 1.
        4. **The loss values**: $E = 0.234$ and $0.192$ after the update fit neither the
           formula the tutorial writes nor any usual variant; both are about the same multiple
           of the correct value, as if the same slip happened twice. The relative decrease
           does agree.

        We did not bend the code to hit the published numbers: the engine always computes the
        correct way, and the tutorial's arithmetic is kept as a separately named function
        (`examples.separately_averaged_000`), used only to explain where these numbers come
        from.

        ## 7. Keep going

        Batch gradient descent with the true gradient, one update per epoch from all three
        samples. The hidden layer is linear, so $s$ is a linear function of the input; the three
        inputs are linearly independent, so some weights fit the three targets exactly and the
        loss can keep falling:
        """,
    ),
    code(
        """
        history = ex.train(epochs=300, snapshot_every=1)
        rows = []
        for epoch in (0, 1, 10, 100, 200, 300):
            outputs = history.snapshot(epoch).predict(ex.X)[:, 0]
            rows.append((str(epoch), f"{history.loss[epoch]:.3e}", ", ".join(f"{v:.4f}" for v in outputs)))
        rows.append((text("07.target", LANG), "", ", ".join(f"{v:.4f}" for v in ex.Y[:, 0])))
        Table(columns("07.epoch_table", LANG), rows, lang=LANG)
        """
    ),
    code(
        """
        Image(plots.to_png(plots.loss_figure(
            history, lang=LANG, title=text("07.loss_title", LANG, eta=ex.eta),
            xlabel=text("all.epoch_one_update", LANG))))
        """
    ),
    md(
        zh=r"""
        ## 小结

        - 批量梯度下降每次更新都用全部样本：均值损失$E = \frac{1}{2m}\sum_k (t_k - y_k)^2$的梯度是逐样本链式法则乘积的**平均**。
        - 把每个因子分别平均再相乘（教程000的做法）一般不等于梯度，因为各因子随样本一起变化；只有一个样本时两者才相同。中心差分确认引擎的结果才是梯度。
        - 核对表显示：教程000的前向计算表和各因子的平均值都对；$0.067$、$0.072$和大部分新权重来自“平均值相乘”；$v_{31}$、$v_{32}$还多了一处平均值的错误；公布的两个损失值不符合它写下的公式。
        - 下一课：[轮次、批次与迭代](08_epochs_batches_iterations.ipynb)——在标准BP和批量梯度下降之间，小批量怎样折中。

        ## 练习

        在下面的单元格里把`answer = None`改成你的结果再运行。
        """,
        en=r"""
        ## Summary

        - Batch gradient descent uses every sample in each update: the gradient of the mean
          loss $E = \frac{1}{2m}\sum_k (t_k - y_k)^2$ is the **mean** of the per-sample
          chain-rule products.
        - Averaging each factor separately and multiplying (tutorial 000's way) is in general
          not the gradient, because the factors vary together from sample to sample; with one
          sample the two coincide. Central differences confirm that the engine's result is the
          gradient.
        - The ledger shows: tutorial 000's forward table and factor averages are right; $0.067$,
          $0.072$ and most new weights come from the product of means; $v_{31}$, $v_{32}$ add a
          slip in an average; the two published loss values do not fit its own formula.
        - Next: [epochs, batches and iterations](08_epochs_batches_iterations.ipynb), how
          mini-batches sit between standard BP and batch gradient descent.

        ## Exercises

        In each cell below, replace `answer = None` by your result and run it.
        """,
    ),
    md(
        zh=r"""
        **练习1**：用上面“逐样本的链式法则因子”表，按**乘积的平均**算出$\dfrac{\partial E}{\partial w_2}$（保留4位小数）。
        """,
        en=r"""
        **Exercise 1**: from the table of per-sample chain-rule factors above, compute
        $\dfrac{\partial E}{\partial w_2}$ as the **mean of the products** (4 decimals).
        """,
    ),
    *exercise("07-1", "float(grads.layers[1].W[1, 0])"),
    md(
        zh=r"""
        **练习2**：按教程的做法（**平均的乘积**）算出它的$\dfrac{\partial E}{\partial w_2}$（保留4位小数）。它比真正的梯度大还是小？
        """,
        en=r"""
        **Exercise 2**: compute the tutorial's $\dfrac{\partial E}{\partial w_2}$ (the **product of
        the means**, 4 decimals). Is it larger or smaller than the true gradient?
        """,
    ),
    *exercise("07-2", "float(tutorial.grad_w[1])"),
    md(
        zh=r"""
        **练习3**：用真正的梯度更新一次之后，$v_{32}$是多少？（保留4位小数。）
        """,
        en=r"""
        **Exercise 3**: after one update with the true gradient, what is $v_{32}$? (4 decimals.)
        """,
    ),
    *exercise(
        "07-3",
        source="""
        ### BEGIN SOLUTION
        answer = ex.param(ex.train(epochs=1).net, "v32")
        ### END SOLUTION
        """,
        stub="answer = None",
    ),
    md(
        zh="""
        **练习4（编程）.** 写一个任意层数的向量化反向传播：`backward(X, Y, Ws, bs)`，其中`X`为$(m, d)$，`Ws[k]`、`bs[k]`是第$k$层的权重和偏置（加上），每层都用Sigmoid，损失是$m$个样本的$½Σ_j(\\hat y_j-y_j)^2$的平均。返回两个列表`dWs, dbs`，形状和`Ws, bs`相同。检查程序用教程000的3-2-1网络和两个随机网络和bpcore比较。
        """,
        en="""
        **Exercise 4 (coding).** Write a vectorised backward pass for any number of layers:
        `backward(X, Y, Ws, bs)` with `X` of shape $(m, d)$, `Ws[k]` and `bs[k]` layer $k$'s
        weights and biases (added), the sigmoid in every layer, and the loss the mean over the
        $m$ samples of $½Σ_j(\\hat y_j-y_j)^2$. Return two lists `dWs, dbs` shaped like `Ws, bs`.
        The checker compares with bpcore on tutorial 000's 3-2-1 net and two random nets.
        """,
    ),
    *exercise(
        "07-backward",
        answer="backward",
        source="""
        def backward(X, Y, Ws, bs):
            ### BEGIN SOLUTION
            outs = [X]
            for W, b in zip(Ws, bs):
                outs.append(1.0 / (1.0 + np.exp(-(outs[-1] @ W + b))))
            m = len(X)
            delta = (outs[-1] - Y) * outs[-1] * (1 - outs[-1])  # ∂E/∂z of the output layer
            dWs, dbs = [None] * len(Ws), [None] * len(Ws)
            for k in reversed(range(len(Ws))):
                dWs[k] = outs[k].T @ delta / m
                dbs[k] = delta.sum(axis=0) / m
                if k:
                    delta = (delta @ Ws[k].T) * outs[k] * (1 - outs[k])
            return dWs, dbs
            ### END SOLUTION
        """,
    ),
]
