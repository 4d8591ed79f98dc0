"""Lesson 17: BP in practice (西瓜书 §5.3–5.4): the algorithm box, overfitting, early
stopping, weight decay, local minima and the ways out, fixed vs shuffled sample order."""

from _cells import code, exercise, md

TITLE = dict(
    zh="实践中的BP：算法框、过拟合、早停、权重衰减与局部极小",
    en="BP in practice: the algorithm box, overfitting, early stopping, weight decay, local minima",
)

CELLS = [
    md(
        zh=r"""
        **目标**：把教材图5.8的误差逆传播算法逐行读成代码，确认它与`bpcore.train`算的是同一件事；在留出的验证集上看到过拟合（overfitting），再用教材§5.3的两种办法对付它：早停（early stopping）和式5.17的权重衰减（weight decay）；最后看§5.4的局部极小（local minimum）和三种跳出的办法：多次随机初始化、模拟退火（simulated annealing）、随机梯度下降，并分清“固定循环顺序”的标准BP与“每轮打乱”的随机梯度下降。

        **前置知识**：标准BP与累积BP（第06、08课），`bpcore.train`（第07、08课），异或网络（第09课）。
        """,
        en=r"""
        **Goal**: read the textbook's error backpropagation algorithm (图5.8) line by line as
        code and confirm it computes what `bpcore.train` computes; see overfitting on a
        held-out validation set and fight it with the two remedies of §5.3, early stopping and
        the weight decay of eq. 5.17; then meet §5.4's local minima and three ways out
        (several random starts, simulated annealing, stochastic gradient descent), and tell
        the fixed cyclic order of standard BP from the per-epoch shuffle of SGD.

        **Prerequisites**: standard and accumulated BP (lessons 06 and 08), `bpcore.train`
        (lessons 07 and 08), the XOR network (lesson 09).
        """,
    ),
    code(
        """
        LANG = LANG_VALUE
        import numpy as np
        import bpcore
        from bpcore import algorithm, early_stopping, local_minima, plots, practice
        """
    ),
    md(
        zh=r"""
        ## 1. 图5.8：算法框

        输入训练集$D=\{(\boldsymbol x_k,\boldsymbol y_k)\}_{k=1}^m$和学习率$\eta$：

        1. 在$(0,1)$内随机初始化所有连接权和阈值；
        2. 重复：
        3. 对$D$中每个样本$(\boldsymbol x_k,\boldsymbol y_k)$：
        4. 由当前参数算出输出$\hat{\boldsymbol y}_k$（式5.3）；
        5. 算出输出层神经元的梯度项$g_j$（式5.10）；
        6. 算出隐层神经元的梯度项$e_h$（式5.15）；
        7. 更新连接权$w_{hj}$、$v_{ih}$与阈值$\theta_j$、$\gamma_h$（式5.11–5.14）；
        8. 结束循环；
        9. 直到满足停止条件。

        `bpcore.algorithm.standard_bp`就是这个框，每行一句代码（用`help(algorithm.standard_bp)`或读源码）。注意第3行：样本按$D$中**固定**的顺序$1,2,\dots,m$一个个来，每轮都一样，整个算法除第1行的初始化外没有任何随机性。下面在异或数据上从同一个初始网络出发，比较它和`bpcore.train`每一轮的累积误差$E$（式5.16）。
        """,
        en=r"""
        ## 1. The box of 图5.8

        Input: a training set $D = \{(\boldsymbol x_k, \boldsymbol y_k)\}_{k=1}^m$ and a
        learning rate $\eta$.

        1. initialise every connection weight and threshold at random in $(0, 1)$;
        2. repeat
        3. for every sample $(\boldsymbol x_k, \boldsymbol y_k)$ of $D$:
        4. compute the output $\hat{\boldsymbol y}_k$ with the current parameters (eq. 5.3);
        5. compute the output units' gradient terms $g_j$ (eq. 5.10);
        6. compute the hidden units' gradient terms $e_h$ (eq. 5.15);
        7. update the weights $w_{hj}$, $v_{ih}$ and thresholds $\theta_j$, $\gamma_h$
           (eqs. 5.11–5.14);
        8. end for
        9. until the stopping condition holds.

        `bpcore.algorithm.standard_bp` is that box, one line of code per line
        (`help(algorithm.standard_bp)` or its source). Note line 3: the samples come in the
        **fixed** order $1, 2, \dots, m$ of $D$, the same every epoch; apart from line 1's
        initialisation the algorithm has no randomness at all. Below, on the XOR data and from
        the same initial network, we compare its accumulated error $E$ (eq. 5.16) after every
        epoch with `bpcore.train`'s.
        """,
    ),
    code(
        """
        X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
        Y = np.array([[0.0], [1.0], [1.0], [0.0]])
        net0 = algorithm.initial_net(2, 3, 1, rng=0)  # line 1
        box = algorithm.standard_bp(X, Y, q=3, eta=0.5, epochs=200, net=net0)
        engine = bpcore.train(net0, X, Y, eta=0.5, epochs=200, mode="standard")
        print("E after 200 epochs, box:   ", round(box.E[-1], 6))
        print("E after 200 epochs, train: ", round(engine.loss[-1], 6))
        print("equal after every epoch, to rounding (< 1e-12):", bool(np.max(np.abs(box.E - engine.loss)) < 1e-12))
        """
    ),
    md(
        zh=r"""
        ## 2. 过拟合与早停

        教材说BP网络表示能力很强，因此常常过拟合：训练误差持续下降，测试误差却可能上升。要看到这一点，必须留出一部分训练时不用的样本。`practice.noisy_wave`给出24个带噪声的点$y=0.5+0.35\sin(2\pi x)+$噪声；`early_stopping.holdout_split`按种子随机留出一半作验证集。一个1-30-1的网络（远多于12个训练点所需）用累积BP训练4000轮，每轮都记下验证误差。

        早停的规则：训练集用来算梯度、更新参数，验证集用来估计误差；验证误差不再下降时停止，并**返回验证误差最小的那一轮的参数**。
        """,
        en=r"""
        ## 2. Overfitting and early stopping

        The book warns that BP networks are so expressive that they often overfit: the
        training error keeps falling while the test error may rise. To see it we must hold
        out samples that training never uses. `practice.noisy_wave` gives 24 noisy points
        $y = 0.5 + 0.35\sin(2\pi x)$ + noise; `early_stopping.holdout_split` holds out a seeded
        half as a validation set. A 1-30-1 network (far more than 12 training points need) is
        trained by accumulated BP for 4000 epochs, the validation error recorded every epoch.

        Early stopping's rule: the training set computes the gradients and updates, the
        validation set estimates the error; stop when the validation error no longer falls,
        and **return the parameters of the epoch with the least validation error**.
        """,
    ),
    code(
        """
        Xw, Yw = practice.noisy_wave()
        split = early_stopping.holdout_split(Xw, Yw, validation=0.5, rng=0)
        wide = bpcore.Network.from_sizes((1, 30, 1), rng=1)
        # zh: snapshot_every=20：每20轮存一份参数，第3节画参数的平方和要用
        # en: snapshot_every=20 keeps the parameters every 20 epochs (section 3 draws their sum of squares)
        plain = early_stopping.train_early_stopping(wide, split, eta=2.0, epochs=4000, mode="accumulated", snapshot_every=20)
        b = plain.best_epoch
        print("best epoch (least validation error):", b)
        print("training error   at best / at 4000:", round(plain.train_loss[b], 4), "/", round(plain.train_loss[-1], 4))
        print("validation error at best / at 4000:", round(plain.val_loss[b], 4), "/", round(plain.val_loss[-1], 4))
        plots.image(plots.early_stopping_figure(plain, lang=LANG))
        """
    ),
    md(
        zh=r"""
        训练误差一路下降，验证误差在某一轮之后却回升：网络开始记住训练点的噪声。早停保留的是验证误差最小那一轮的网络（`plain.best_net`）。传入`patience=k`时，验证误差连续$k$轮没有刷新最好值就停下，不必跑满所有轮。
        """,
        en=r"""
        The training error falls all the way while the validation error turns back up after
        some epoch: the network starts memorising the noise of its training points. Early
        stopping keeps the network of the least validation error (`plain.best_net`). With
        `patience=k` it stops once the validation error has not beaten its best for $k$
        epochs in a row, instead of running every epoch.
        """,
    ),
    md(
        zh=r"""
        ## 3. 权重衰减（式5.17）

        教材的第二种办法是正则化：在误差目标中加上描述网络复杂度的一项，例如连接权与阈值的平方和，

        $$E=\lambda\frac1m\sum_{k=1}^m E_k+(1-\lambda)\sum_i w_i^2,\qquad \lambda\in(0,1).\tag{5.17}$$

        它对$w_i$的梯度是$\lambda\,\partial E_{\text{误差}}/\partial w_i+2(1-\lambda)w_i$，所以每一步除了沿误差下降，还把每个参数乘上$1-2\eta(1-\lambda)$：参数在“衰减”。`bpcore.train(..., lam=λ)`就是这个目标（`lam`是教材的$\lambda$，误差项的权重；`history.loss`只记误差项，便于比较）。同一个网络、同样的4000轮，加上$\lambda=0.999$：
        """,
        en=r"""
        ## 3. Weight decay (eq. 5.17)

        The book's second remedy is regularisation: add a term describing the network's
        complexity to the error, e.g. the sum of squares of the weights and thresholds,

        $$E = \lambda\frac1m\sum_{k=1}^m E_k + (1 - \lambda)\sum_i w_i^2,\qquad
        \lambda\in(0, 1).\tag{5.17}$$

        Its gradient in $w_i$ is $\lambda\,\partial E_{\text{error}}/\partial w_i +
        2(1 - \lambda)w_i$, so besides descending the error every step multiplies each
        parameter by $1 - 2\eta(1 - \lambda)$: the parameters *decay*.
        `bpcore.train(..., lam=λ)` descends this objective (`lam` is the book's $\lambda$, the
        weight on the error; `history.loss` records the error term alone, to compare). Same
        network, same 4000 epochs, with $\lambda = 0.999$:
        """,
    ),
    code(
        """
        decayed = early_stopping.train_early_stopping(wide, split, eta=2.0, epochs=4000, mode="accumulated",
                                                      lam=0.999, snapshot_every=20)
        for name, r in (("no decay ", plain), ("lam=0.999", decayed)):
            w2 = bpcore.decay.penalty(r.history.net)
            print(name, " training", round(r.train_loss[-1], 4), " validation", round(r.val_loss[-1], 4),
                  " sum of squares", round(w2, 1))
        print("best epoch with decay:", decayed.best_epoch)
        """
    ),
    md(
        zh=r"""
        有了衰减，训练误差停在更高的地方，验证误差却一直不回升，4000轮后的网络差不多和早停选出的一样好；参数的平方和也小得多。两种办法做的是同一件事：不让网络把训练集拟合得过头。

        $\lambda$越小，惩罚越重。再加一个$\lambda=0.99$，把三次训练画在一起：左图是每轮的验证误差（实线）和训练误差（虚线），右图是参数的平方和$\sum_i w_i^2$。
        """,
        en=r"""
        With decay the training error settles higher, but the validation error no longer
        turns up: the network after 4000 epochs is about as good as the one early stopping
        picked, and the sum of squares of its parameters is much smaller. Both remedies do one
        thing: keep the network from fitting its training set too closely.

        The smaller $\lambda$, the heavier the penalty. Add $\lambda = 0.99$ and draw the
        three runs together: on the left the validation error (solid) and the training error
        (dashed) per epoch, on the right the sum of squares $\sum_i w_i^2$ of the parameters.
        """,
    ),
    code(
        """
        strong = early_stopping.train_early_stopping(wide, split, eta=2.0, epochs=4000, mode="accumulated",
                                                     lam=0.99, snapshot_every=20)
        by_lam = {1: plain, 0.999: decayed, 0.99: strong}
        for lam, r in by_lam.items():
            print(f"lam={lam:<6} sum of squares at 4000: {bpcore.decay.penalty(r.history.net):8.4f}",
                  f" validation error at 4000: {r.val_loss[-1]:.4f}")
        plots.image(plots.weight_decay_figure(by_lam, lang=LANG))
        """
    ),
    md(
        zh=r"""
        $\lambda=0.99$时惩罚压过了误差：前一百轮之内参数就几乎衰减到0，网络对所有输入给出差不多同一个输出：训练误差是三者中最高的，验证误差也明显高于$\lambda=0.999$——这是欠拟合。$\lambda$和早停的轮数一样，要靠验证集来选。
        """,
        en=r"""
        With $\lambda = 0.99$ the penalty outweighs the error: within the first hundred epochs the
        parameters decay almost to 0, the network gives nearly the same output for every
        input: its training error is the highest of the three and its validation error is
        well above that of $\lambda = 0.999$: underfitting. Like
        early stopping's epoch, $\lambda$ is chosen on the validation set.
        """,
    ),
    md(
        zh=r"""
        ## 4. 局部极小与跳出的办法

        梯度下降沿负梯度走，到了梯度为0的点就停下；如果那里只是局部极小，误差就卡在比全局最小更高的地方。教材列出三种常用的启发式办法（都不保证找到全局最小）：

        - **多组不同的初始参数**：从多个随机起点各训练一次，取误差最小的那个。
        - **模拟退火**：每一步以一定概率接受比当前更差的解（Metropolis规则：$\Delta E\le0$一定接受，否则以概率$e^{-\Delta E/T}$接受），温度$T$逐步降低，于是越往后越少接受“变差”，搜索逐渐稳定。
        - **随机梯度下降**：计算梯度时加入随机因素，即使在局部极小点梯度也可能不为0，有机会跳出。

        先看多个起点：2-2-1网络学异或，8个种子各用累积BP训练3000轮。
        """,
        en=r"""
        ## 4. Local minima and the ways out

        Gradient descent walks against the gradient and stops where the gradient is 0; if
        that point is only a local minimum, the error is stuck above the global minimum. The
        book lists three common heuristics (none guarantees the global minimum):

        - **several initial points**: train from several random starts and keep the least
          error;
        - **simulated annealing**: at each step accept a *worse* point with some probability
          (the Metropolis rule: $\Delta E \le 0$ always, otherwise with probability
          $e^{-\Delta E/T}$), lowering the temperature $T$ step by step, so worse moves grow
          rarer and the search settles;
        - **stochastic gradient descent**: put randomness into the gradient, so that even at
          a local minimum the step need not be 0 and the search may escape.

        First several starts: a 2-2-1 network learns XOR, 8 seeds, 3000 epochs of
        accumulated BP each.
        """,
    ),
    code(
        """
        runs = local_minima.multistart(
            lambda s: bpcore.Network.from_sizes((2, 2, 1), rng=s), X, Y, range(8),
            eta=2.0, epochs=3000, mode="accumulated",
        )
        for seed, E in zip(runs.seeds, runs.final_losses):
            print("seed", seed, " E =", f"{E:.4f}")
        print("kept: seed", runs.best_seed)
        plots.image(plots.multistart_figure(runs, lang=LANG))
        """
    ),
    md(
        zh=r"""
        多数起点把误差降到0.01以下，个别起点停在高得多的地方（异或上2-2-1网络有名的局部极小）。多次起点的代价是多训练几次。

        再看模拟退火，先在一维“双井”$E(x)=(x^2-1)^2+0.3x$上：从右边较浅的井$x=0.9$出发，梯度下降只会滑到右井底；退火接受变差的步子，可以越过中间的坡到左边更深的井（$x\approx-1$）。
        """,
        en=r"""
        Most starts bring the error below 0.01; one stops much higher (the well-known local
        minimum of a 2-2-1 net on XOR). The price of several starts is several trainings.

        Now simulated annealing, first on a one-dimensional "double well"
        $E(x) = (x^2 - 1)^2 + 0.3x$: starting in the shallower right well at $x = 0.9$,
        gradient descent only slides to the right well's bottom; annealing accepts worse steps
        and can cross the hump to the deeper left well ($x \approx -1$).
        """,
    ),
    code(
        """
        def double_well(x):
            return float((x[0] ** 2 - 1) ** 2 + 0.3 * x[0])

        sa = local_minima.anneal(double_well, [0.9], steps=2000, T0=1.0, cooling=0.997, scale=0.3, rng=0)
        print("best x:", round(float(sa.x_best[0]), 3), " E:", round(sa.E_best, 4))
        print("share of steps moving to a worse point, first 200:", sa.worse_accepted_share(0, 200))
        print("share of steps moving to a worse point, last 200: ", sa.worse_accepted_share(1800))
        """
    ),
    md(
        zh=r"""
        开始时温度高，大约四成的步子走向更差的点；最后200步只剩百分之几。`local_minima.anneal_network`把同样的搜索用在网络的全部参数上。
        """,
        en=r"""
        Hot at first, about four steps in ten move to a worse point; in the last 200 steps
        only a few per cent do. `local_minima.anneal_network` runs the same search over all
        of a network's parameters.
        """,
    ),
    md(
        zh=r"""
        ## 5. 固定顺序的标准BP与每轮打乱的随机梯度下降

        第08课曾把标准BP（$B=1$）称为“随机梯度下降”。这不准确：图5.8的标准BP每轮按同一个固定顺序逐个使用样本，没有任何随机性，同样的起点每次得到完全相同的结果。只有每轮把样本**随机打乱**（或随机抽样）再逐个更新，才是名副其实的随机梯度下降（SGD）。`bpcore.visit_orders`列出两种访问顺序：
        """,
        en=r"""
        ## 5. Standard BP in a fixed order vs SGD with a shuffle every epoch

        Lesson 08 once called standard BP ($B = 1$) "stochastic gradient descent". That is not
        accurate: 图5.8's standard BP uses the samples one by one in the same fixed order every
        epoch, with no randomness at all, and the same start always gives exactly the same
        result. Only when each epoch **shuffles** the samples (or draws them at random) before
        the one-by-one updates is it stochastic gradient descent (SGD) proper.
        `bpcore.visit_orders` lists both orders:
        """,
    ),
    code(
        """
        print("fixed (standard BP):\\n", bpcore.visit_orders(4, 3))
        print("shuffled (SGD, seed 5):\\n", bpcore.visit_orders(4, 3, shuffle=True, rng=5))
        start = bpcore.Network.from_sizes((2, 3, 1), rng=0)
        fixed = bpcore.train(start, X, Y, eta=1.0, epochs=2000, mode="standard")
        shuffled = [bpcore.train(start, X, Y, eta=1.0, epochs=2000, mode="standard", shuffle=True, rng=s)
                    for s in range(5)]
        print(fixed.settings["order"], " E after 2000 epochs:", f"{fixed.final_loss:.6f}")
        print(shuffled[0].settings["order"], "seeds 0-4, E after 2000 epochs:", [f"{h.final_loss:.6f}" for h in shuffled])
        plots.image(plots.order_figure(fixed, shuffled, lang=LANG))
        """
    ),
    md(
        zh=r"""
        两种顺序都学会了异或；区别在于打乱后的结果取决于种子`rng`，固定顺序则完全确定。图中的阴影是5个种子的范围（最小到最大），实线是中位数：在这个起点上，5次打乱的结果彼此很接近。

        ## 小结

        - 图5.8的算法框逐行就是`algorithm.standard_bp`，它和`bpcore.train(mode="standard")`每轮的误差一致到舍入误差。
        - 过拟合要在留出的验证集上才看得见：训练误差一直降，验证误差先降后升。早停返回验证误差最小那一轮的参数。
        - 权重衰减（式5.17）在误差上加$(1-\lambda)\sum w_i^2$，每步把参数乘以$1-2\eta(1-\lambda)$；`train(..., lam=λ)`。
        - 跳出局部极小的启发式：多个随机起点、模拟退火（以概率$e^{-\Delta E/T}$接受变差）、随机梯度下降。
        - 标准BP按固定循环顺序访问样本，没有随机性；每轮打乱顺序才是随机梯度下降。

        ## 练习

        答案不在本笔记本里，由`bpcore.exercises`检查。

        1. 写函数`answer(grad_E, w, lam)`，返回式5.17的目标对$w$的梯度（`grad_E`是误差项的梯度$\partial E_{\text{误差}}/\partial w$，三个参数都是同形状的数组）。
        2. 写函数`answer(delta_E, T)`，返回模拟退火接受新点的概率（Metropolis规则；`delta_E`和`T`是同形状的数组，$T>0$）。
        """,
        en=r"""
        Both orders learn XOR; the difference is that the shuffled result depends on the seed
        `rng`, while the fixed order is fully determined. The shaded band is the range of the
        5 seeds (least to largest), the solid line their median: from this start the five
        shuffled runs stay close together.

        ## Summary

        - 图5.8's box, line by line, is `algorithm.standard_bp`; its error after every epoch
          equals `bpcore.train(mode="standard")`'s to rounding.
        - Overfitting shows only on held-out data: the training error keeps falling, the
          validation error falls, then rises. Early stopping returns the parameters of the
          epoch with the least validation error.
        - Weight decay (eq. 5.17) adds $(1 - \lambda)\sum w_i^2$ to the error and multiplies
          every parameter by $1 - 2\eta(1 - \lambda)$ each step; `train(..., lam=λ)`.
        - Heuristics against local minima: several random starts, simulated annealing
          (accept a worse point with probability $e^{-\Delta E/T}$), stochastic gradient
          descent.
        - Standard BP visits the samples in a fixed cyclic order and has no randomness; a
          shuffle every epoch makes it stochastic gradient descent.

        ## Exercises

        The answers are not in this notebook; `bpcore.exercises` checks them.

        1. Write `answer(grad_E, w, lam)` returning the gradient in $w$ of eq. 5.17's
           objective (`grad_E` is the error term's gradient $\partial E_{\text{error}}/\partial w$;
           all three are arrays of one shape).
        2. Write `answer(delta_E, T)` returning simulated annealing's probability of accepting
           the new point (the Metropolis rule; `delta_E` and `T` arrays of one shape, $T > 0$).
        """,
    ),
    *exercise(
        "17-decay",
        answer="answer",
        source="""
        # zh: 练习1：式5.17的目标对 w 的梯度
        # en: Exercise 1: the gradient in w of eq. 5.17's objective
        def answer(grad_E, w, lam):
            ### BEGIN SOLUTION
            return lam * grad_E + 2 * (1 - lam) * w
            ### END SOLUTION
        """,
    ),
    *exercise(
        "17-accept",
        answer="answer",
        source="""
        # zh: 练习2：Metropolis 接受概率
        # en: Exercise 2: the Metropolis acceptance probability
        def answer(delta_E, T):
            ### BEGIN SOLUTION
            return np.where(delta_E <= 0, 1.0, np.exp(-np.maximum(delta_E, 0) / T))
            ### END SOLUTION
        """,
    ),
]
