"""Lesson 08: epochs, batches and iterations; standard, mini-batch and full-batch training."""

from _cells import code, exercise, md

TITLE = dict(
    zh="轮次、批次与迭代：标准BP、小批量与全批量",
    en="Epochs, batches and iterations: standard, mini-batch and full-batch training",
)

CELLS = [
    md(
        zh=r"""
        **目标**：算清“一轮有几次迭代”这笔账（教程004的$N=50000$、$B=256$），并在同一份数据、同一个初始网络、同一个学习率上比较三种训练方式：逐样本更新的标准BP、小批量（mini-batch）和一次用全部样本的累积BP（全批量）。看完你会知道：按轮次（epoch）比、按迭代（iteration）比，结论为什么不一样。

        **前置知识**：梯度下降$w \leftarrow w - \eta\,\partial E/\partial w$（第01课），反向传播算出的梯度（第05课），批量梯度下降与`bpcore.train`的基本用法（第07课）。
        """,
        en=r"""
        **Goal**: do the arithmetic of "how many iterations in an epoch" (tutorial 004's
        $N = 50\,000$, $B = 256$), then compare three ways to train on the same data, from the
        same initial network, with the same learning rate: standard BP (update after every
        sample), mini-batch, and accumulated BP (full batch, every sample in every update).
        You will see why the comparison comes out differently per epoch and per iteration.

        **Prerequisites**: gradient descent $w \leftarrow w - \eta\,\partial E/\partial w$
        (lesson 01), the gradients backpropagation computes (lesson 05), batch gradient descent
        and the basic use of `bpcore.train` (lesson 07).
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
        from IPython.display import Image

        from bpcore import examples, plots
        from bpcore.i18n import t
        from bpcore.lessons import columns
        from bpcore.tables import Table
        """
    ),
    md(
        zh=r"""
        ## 1. 三个词

        - **轮次（epoch）**：把全部$N$个训练样本都用过一遍。
        - **批次（batch）**：一次更新所用的那一小份样本；它含有的样本数叫**批量大小（batch size）**$B$。
        - **迭代（iteration）**：用一个批次做一次前向传播、一次反向传播、一次参数更新。

        所以“一次迭代”就是“一次更新”。三种训练方式的区别只在$B$：

        | 训练方式 | 批量大小 | 每轮迭代数 | 教材中的名字 |
        | --- | --- | --- | --- |
        | 标准BP（逐个样本，固定顺序） | $B=1$ | $N$ | 标准BP |
        | 小批量 | $1<B<N$ | $\lceil N/B\rceil$ | — |
        | 全批量 | $B=N$ | $1$ | 累积BP |

        教程000的“批量梯度下降”（第07课）就是最后一行：每次更新都用全部3个样本。
        """,
        en=r"""
        ## 1. Three words

        - An **epoch** is one pass over all $N$ training samples.
        - A **batch** is the handful of samples one update uses; how many it holds is the
          **batch size** $B$.
        - An **iteration** is one forward pass, one backward pass and one update, on one batch.

        So "one iteration" means "one update". The three ways to train differ only in $B$:

        | training | batch size | iterations per epoch | textbook name |
        | --- | --- | --- | --- |
        | standard BP (one sample at a time, fixed order) | $B = 1$ | $N$ | standard BP |
        | mini-batch | $1 < B < N$ | $\lceil N/B\rceil$ | — |
        | full batch | $B = N$ | $1$ | accumulated BP |

        Tutorial 000's "batch gradient descent" (lesson 07) is the last row: every update uses
        all three samples.
        """,
    ),
    md(
        zh=r"""
        $B=1$时，教材图5.8的标准BP每轮按同一个固定顺序$1,2,\dots,N$逐个使用样本，没有随机性，常被叫作“随机梯度下降”其实不准确。每轮先把样本随机打乱再逐个更新，才是随机梯度下降（SGD）；`bpcore.train(..., shuffle=True, rng=种子)`就是这样做的（第17课）。两种访问顺序，各3轮：
        """,
        en=r"""
        With $B = 1$, the textbook's standard BP (图5.8) uses the samples one by one in the
        same fixed order $1, 2, \dots, N$ every epoch; it has no randomness, so calling it
        "stochastic gradient descent" is not accurate. Shuffling the samples at the start of
        each epoch before the one-by-one updates is stochastic gradient descent (SGD);
        `bpcore.train(..., shuffle=True, rng=seed)` does that (lesson 17). The two visiting
        orders, 3 epochs each:
        """,
    ),
    code(
        """
        print(bpcore.visit_orders(3, 3))  # fixed: standard BP
        print(bpcore.visit_orders(3, 3, shuffle=True, rng=0))  # shuffled: SGD
        """
    ),
    md(
        zh=r"""
        ## 2. 教程004的算术

        教程004设$N=50000$个样本、批量大小$B=256$，训练10轮。$50000/256=195.3125$，前195批各装256个样本，共$195\times256=49920$个；剩下的80个样本组成第196批。所以每轮有

        $$\left\lceil \frac{N}{B} \right\rceil = \left\lceil \frac{50000}{256} \right\rceil = 196$$

        次迭代，10轮共1960次。`bpcore.schedule`做的就是这笔账：
        """,
        en=r"""
        ## 2. The arithmetic of tutorial 004

        Tutorial 004 takes $N = 50\,000$ samples, batches of $B = 256$, and 10 epochs.
        $50\,000 / 256 = 195.3125$: the first 195 batches hold 256 samples each,
        $195 \times 256 = 49\,920$ in all, and the 80 samples left over form batch 196. So an
        epoch has

        $$\left\lceil \frac{N}{B} \right\rceil = \left\lceil \frac{50\,000}{256} \right\rceil = 196$$

        iterations, and 10 epochs have 1,960. `bpcore.schedule` does this arithmetic:
        """,
    ),
    code(
        """
        s = bpcore.schedule(50_000, 256, epochs=10)
        s
        """
    ),
    md(
        zh=r"""
        `bpcore.examples`记录了教程公布的数字；核对表（ledger）用`bpcore`重算，并按公布的精度比较：
        """,
        en=r"""
        `bpcore.examples` records the numbers the tutorial published; the ledger recomputes
        them with `bpcore` and compares them at the published precision:
        """,
    ),
    code(
        """
        examples.ledger_table(examples.ledger("t004_epochs"), LANG,
                              columns=("quantity", "published", "recomputed", "verdict", "method"))
        """
    ),
    md(
        zh=r"""
        最后一批只有80个样本：`bpcore`既不把它补满，也不丢掉它。教程写的是“$N/B+1$”，并注明这只适用于除不尽的情况；整除时是$N/B$。$\lceil N/B\rceil$把两种情况合成一个公式。下表对几个批量大小做同样的账，最后一列是只用“$N/B+1$”（整数除法）会得到的数，它在整除时多算了一批：
        """,
        en=r"""
        The last batch holds only 80 samples: `bpcore` neither pads it nor drops it. The
        tutorial writes "$N/B + 1$" and adds that this is for the case where $B$ does not
        divide $N$; when it does, the count is $N/B$. $\lceil N/B\rceil$ covers both cases in
        one formula. The table does the same arithmetic for several batch sizes; the last
        column is what "$N/B + 1$" alone (integer division) would give, one batch too many
        whenever $B$ divides $N$:
        """,
    ),
    code(
        """
        N = 50_000
        rows = []
        for B in (1, 32, 250, 256, 1000, 50_000):
            s = bpcore.schedule(N, B, epochs=10)
            rows.append(
                (f"{B:,}", f"{s.iterations_per_epoch:,}", f"{s.last_batch_size:,}",
                 f"{s.total_iterations:,}", f"{N // B + 1:,}")
            )
        Table(columns("08.batch_table", LANG), rows, aligns=[">"] * 5, lang=LANG)
        """
    ),
    md(
        zh=r"""
        ## 3. 同一份数据上的三种训练

        账算清了，现在看它们在训练中的表现。数据是平面上两团互相重叠的点（种子固定，每次运行都一样），共$N=100$个样本，目标值0或1；网络是2-3-1的Sigmoid网络，初值由种子1生成。三种方式都从**同一个**初始网络出发，学习率都取$\eta=1$，都训练40轮。

        批内的损失取平均：$E=\frac{1}{m}\sum_{k=1}^{m}E_k$，$E_k=\frac12\sum_j(\hat y_j-y_j)^2$。这样一次更新的梯度是批内各样本梯度的平均，$\eta$对不同的$B$含义相同，比较才公平。下图中的点是训练样本，底色是初始网络的输出$\hat y$：
        """,
        en=r"""
        ## 3. Three ways to train, on the same data

        With the arithmetic settled, let us watch the three ways train. The data are two
        overlapping clouds of points in the plane (a fixed seed, so every run draws the same
        points), $N = 100$ samples with targets 0 or 1; the network is a 2-3-1 sigmoid net whose
        initial weights come from seed 1. All three runs start from the **same** network, with
        the same learning rate $\eta = 1$, for 40 epochs.

        The loss of a batch is a mean: $E = \frac{1}{m}\sum_{k=1}^{m} E_k$ with
        $E_k = \frac12\sum_j (\hat y_j - y_j)^2$. The gradient of one update is then the mean of
        the samples' gradients, so $\eta$ means the same thing for every $B$ and the comparison
        is fair. Below, the markers are the training samples and the shading is the initial
        network's output $\hat y$:
        """,
    ),
    code(
        """
        rng = np.random.default_rng(8)
        N = 100
        labels = rng.integers(0, 2, size=N)
        centres = np.array([[-0.6, -0.4], [0.6, 0.4]])
        X = centres[labels] + rng.normal(0.0, 0.45, size=(N, 2))
        Y = labels.reshape(-1, 1).astype(float)
        net0 = bpcore.Network.from_sizes((2, 3, 1), rng=1)
        plots.image(plots.boundary_figure(net0, X, Y, lang=LANG))
        """
    ),
    code(
        """
        eta, epochs, B = 1.0, 40, 10
        runs = {
            "standard": bpcore.train(net0, X, Y, eta=eta, epochs=epochs, mode="standard"),
            "minibatch": bpcore.train(
                net0, X, Y, eta=eta, epochs=epochs, mode="minibatch", batch_size=B
            ),
            "accumulated": bpcore.train(net0, X, Y, eta=eta, epochs=epochs, mode="accumulated"),
        }
        label = {m: t(f"mode.short.{m}", LANG, batch_size=B) for m in runs}

        rows = []
        for m, h in runs.items():
            b = h.settings["batch_size"]
            rows.append(
                (label[m], b, bpcore.iterations_per_epoch(N, b), len(h.iteration_loss),
                 *(h.loss[k] for k in (1, 10, 40)))
            )
        Table(columns("08.mode_table", LANG), rows, decimals=4, lang=LANG)
        """
    ),
    md(
        zh=r"""
        ### 按轮次看

        一轮里三种方式看到的样本一样多，计算量（前向加反向的样本次数）也一样，但更新的次数不同：标准BP更新100次，小批量10次，全批量只有1次。下图的横轴是轮次，纵轴是整个训练集上的损失（对数刻度）：
        """,
        en=r"""
        ### Per epoch

        In one epoch all three see the same samples and do the same amount of computation
        (forward and backward passes over 100 samples), but they update a different number of
        times: standard BP 100 times, mini-batch 10 times, full batch once. The x axis below
        counts epochs; the y axis is the loss on the whole training set (log scale):
        """,
    ),
    code(
        """
        # zh: 三条曲线画在同一张图上；图例用各次训练的名字
        # en: the three curves in one figure, each labelled with its training mode
        Image(plots.to_png(plots.curves_figure({label[m]: h for m, h in runs.items()}, lang=LANG)))
        """
    ),
    md(
        zh=r"""
        按轮次比，标准BP几轮就到了底，小批量慢一些，全批量40轮后还在缓慢下降。原因很直接：同样的计算量，更新次数差了100倍。

        ### 按迭代看

        换个比法：让三种方式都做**400次更新**。标准BP只要4轮，小批量要40轮，全批量要400轮。`History.iteration_loss`记录的是每次更新**之前**那一批的损失，所以标准BP的曲线是单个样本的损失，跳得很厉害；全批量的曲线就是整个训练集的损失，非常平滑：
        """,
        en=r"""
        Per epoch, standard BP reaches the bottom in a few epochs, mini-batch takes longer, and
        the full batch is still creeping down after 40. The reason is plain: for the same
        computation, they make a hundred times more or fewer updates.

        ### Per iteration

        Now compare them another way: let each make **400 updates**. Standard BP needs 4 epochs
        for that, mini-batch 40, full batch 400. `History.iteration_loss` holds the loss of each
        batch *before* its update, so standard BP's curve is the loss of single samples and
        jumps about; the full batch's curve is the loss of the whole training set and is
        smooth:
        """,
    ),
    code(
        """
        updates = 400
        same_updates = {
            m: bpcore.train(
                net0, X, Y, eta=eta, mode=m, batch_size=B if m == "minibatch" else None,
                epochs=updates // bpcore.iterations_per_epoch(N, h.settings["batch_size"]),
            )
            for m, h in runs.items()
        }
        Image(plots.to_png(plots.curves_figure(
            {label[m]: h.iteration_loss for m, h in same_updates.items()}, lang=LANG,
            xlabel=getattr(bpcore.glossary.TERMS["iteration"], LANG))))
        """
    ),
    code(
        """
        rows = [
            (label[m], h.epochs_run, len(h.iteration_loss), f"{h.epochs_run * N:,}", h.final_loss)
            for m, h in same_updates.items()
        ]
        Table(columns("08.same_updates_table", LANG), rows, aligns=["<", ">", ">", ">", ">"], decimals=4, lang=LANG)
        """
    ),
    md(
        zh=r"""
        更新次数相同时，三者最后的损失几乎一样，可全批量为此处理了$400\times100=40000$个样本次，小批量只处理了4000个，标准BP只处理了400个。这就是实践中常用小批量的原因：

        - 批越大，每一步的梯度越准（它是更多样本梯度的平均），曲线越平滑，但每一步越贵；
        - 批越小，每一步越便宜，梯度带噪声，曲线抖动，但同样的计算量能走更多步；
        - 小批量居中，而且一批样本可以用矩阵运算一次算完（`bpcore`的前向、反向都按批计算）。

        教材把这件事说成：累积BP直接针对累积误差最小化，更新频率低；标准BP每次只针对一个样本，更新频繁，不同样本的更新可能互相“抵消”，但在训练集很大时往往更快下降。
        """,
        en=r"""
        With the same number of updates the three end at almost the same loss, but the full
        batch processed $400 \times 100 = 40\,000$ samples to get there, mini-batch 4,000 and
        standard BP 400. That is why mini-batches are what people use in practice:

        - the larger the batch, the more accurate each step's gradient (a mean over more
          samples) and the smoother the curve, but the more each step costs;
        - the smaller the batch, the cheaper each step and the noisier its gradient, so the
          curve jitters, but the same computation buys more steps;
        - a mini-batch sits in between, and its samples go through the network together as one
          matrix product (`bpcore`'s forward and backward passes work on whole batches).

        The textbook puts it this way: accumulated BP minimises the accumulated error directly
        and updates rarely; standard BP updates after every sample, so updates for different
        samples may partly cancel, yet on a large training set it often brings the loss down
        sooner.
        """,
    ),
    md(
        zh=r"""
        ## 4. 自己试：批量大小和学习率

        下面的训练场用的是同一份数据、同一个初始网络（`seed=1`，偏置相加）。在“训练方式”里选小批量，改批量大小和学习率$\eta$，每改一次就从头重新训练，上一次的曲线淡色保留。可以试试：

        - $B=100$（全批量）时把$\eta$调大到3、10，曲线会怎样？
        - $B=1$时$\eta=10$会发生什么？
        - 找一个$\eta$，让小批量$B=10$在10轮内把损失降到0.03以下。

        训练场按顺序访问样本（不打乱），所以它的曲线就是上面用`bpcore.train`算出的曲线。
        """,
        en=r"""
        ## 4. Try it: batch size and learning rate

        The playground below trains the same data from the same initial network (`seed=1`,
        biases added). Choose mini-batch under "training mode", then change the batch size and
        the learning rate $\eta$; every change retrains from the start, and the previous curve
        stays, faded. Things to try:

        - with $B = 100$ (full batch), raise $\eta$ to 3, then 10: what happens to the curve?
        - what does $\eta = 10$ do with $B = 1$?
        - find an $\eta$ for which mini-batch $B = 10$ brings the loss below 0.03 within 10
          epochs.

        The playground visits the samples in order (no shuffling), so its curves are the ones
        `bpcore.train` computed above.
        """,
    ),
    code(
        """
        bpcore.widgets.playground(
            sizes=(2, 3, 1), X=X, Y=Y, offset_kind="bias", seed=1,
            mode="minibatch", batch_size=B, eta=eta, epochs=epochs, lang=LANG,
        )
        """,
        ignore_output=True,
    ),
    md(
        zh=r"""
        ## 小结

        - 一轮＝全部样本用一遍；一次迭代＝一个批次、一次更新；每轮有$\lceil N/B\rceil$次迭代，最后一批装剩下的$N-(\lceil N/B\rceil-1)B$个样本。$N=50000$、$B=256$时每轮196次，10轮1960次，最后一批80个。
        - 标准BP（$B=1$）、小批量、全批量（累积BP，$B=N$）只差在$B$。
        - 按轮次比（相同计算量），小批次走的步数多，损失下降快；按迭代比（相同步数），大批次每步更准，但每步更贵。
        - 批内损失取平均，$\eta$对不同的批量大小才可比。

        ## 练习

        1. 一个有60000个样本的训练集，批量大小128，每轮有多少次迭代？
        2. 同一设置下，最后一批有多少个样本？
        3. 第3节的标准BP训练40轮，一共更新了多少次参数？
        """,
        en=r"""
        ## Summary

        - An epoch is one pass over all samples; an iteration is one batch and one update; an
          epoch has $\lceil N/B\rceil$ iterations and the last batch holds the
          $N - (\lceil N/B\rceil - 1)B$ samples left over. For $N = 50\,000$, $B = 256$: 196 per
          epoch, 1,960 in 10 epochs, 80 samples in the last batch.
        - Standard BP ($B = 1$), mini-batch and full batch (accumulated BP, $B = N$) differ only
          in $B$.
        - Per epoch (the same computation), small batches take more steps and the loss falls
          sooner; per iteration (the same number of steps), large batches take better steps,
          each at a higher cost.
        - Averaging the loss over the batch makes $\eta$ comparable across batch sizes.

        ## Exercises

        1. A training set of 60,000 samples is split into batches of 128. How many iterations
           does an epoch have?
        2. In the same setting, how many samples does the last batch hold?
        3. How many updates did standard BP make in its 40 epochs in section 3?
        """,
    ),
    *exercise(
        "08-1",
        source="""
        # zh: 练习1：把 None 换成你的答案
        # en: Exercise 1: replace None with your answer
        ### BEGIN SOLUTION
        answer = bpcore.iterations_per_epoch(60_000, 128)
        ### END SOLUTION
        """,
        stub="answer = None",
    ),
    *exercise(
        "08-2",
        source="""
        # zh: 练习2
        # en: Exercise 2
        ### BEGIN SOLUTION
        answer = bpcore.schedule(60_000, 128).last_batch_size
        ### END SOLUTION
        """,
        stub="answer = None",
    ),
    *exercise(
        "08-3",
        source="""
        # zh: 练习3
        # en: Exercise 3
        ### BEGIN SOLUTION
        answer = len(runs["standard"].iteration_loss)
        ### END SOLUTION
        """,
        stub="answer = None",
    ),
    md(
        zh="""
        **练习4（编程）.** 写`n_iterations(N, B, epochs)`：$N$个样本、批量大小$B$（最后一批可以不满）、训练`epochs`轮，一共更新多少次？检查程序在十组$(N, B, epochs)$上和bpcore比较。
        """,
        en="""
        **Exercise 4 (coding).** Write `n_iterations(N, B, epochs)`: with $N$ samples, batch size
        $B$ (the last batch may be smaller) and `epochs` epochs, how many updates are there? The
        checker compares with bpcore on ten $(N, B, epochs)$.
        """,
    ),
    *exercise(
        "08-iterations",
        answer="n_iterations",
        source="""
        def n_iterations(N, B, epochs):
            ### BEGIN SOLUTION
            return -(-N // B) * epochs
            ### END SOLUTION
        """,
    ),
]
