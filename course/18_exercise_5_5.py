"""Lesson 18: exercise 5.5, standard BP vs accumulated BP on 西瓜数据集3.0."""

from _cells import code, exercise, md

TITLE = dict(
    zh="习题5.5：在西瓜数据集3.0上比较标准BP与累积BP",
    en="Exercise 5.5: standard BP vs accumulated BP on watermelon data set 3.0",
)

CELLS = [
    md(
        zh=r"""
        **目标**：完成教材习题5.5：在西瓜数据集3.0的17个西瓜上分别用标准BP和累积BP训练一个单隐层网络，并公平地比较二者：按更新次数、按轮次、按时间，用多个随机种子；再对照教材的预言：累积BP更新少得多，但误差降到一定程度后下降很慢；标准BP更新频繁。

        **前置知识**：标准BP与累积BP（第06、08、17课），独热编码（第15课）。
        """,
        en=r"""
        **Goal**: do the textbook's exercise 5.5: train a one-hidden-layer network on the 17
        melons of watermelon data set 3.0 by standard BP and by accumulated BP, and compare
        them fairly: per update, per epoch and per second, over several random seeds; then
        check the book's prediction: accumulated BP makes far fewer updates but descends
        slowly once the error is low; standard BP updates much more often.

        **Prerequisites**: standard and accumulated BP (lessons 06, 08 and 17), one-hot
        encoding (lesson 15).
        """,
    ),
    code(
        """
        LANG = LANG_VALUE
        import time

        import numpy as np
        import bpcore
        from bpcore import plots, watermelon
        """
    ),
    md(
        zh=r"""
        ## 1. 数据

        `bpcore.watermelon`自带教材表4.3：色泽、根蒂、敲声、纹理、脐部、触感六个离散属性用独热编码（共17列），密度和含糖率原样保留（已在$(0,1)$内），共19个输入；好瓜记为1，否则为0。
        """,
        en=r"""
        ## 1. The data

        `bpcore.watermelon` ships the book's table 4.3: the six categorical attributes
        (colour, root, knock, texture, navel, touch) one-hot encoded (17 columns), density and
        sugar kept as they are (already in $(0, 1)$), 19 inputs in all; a good melon is 1,
        otherwise 0.
        """,
    ),
    code(
        """
        X, Y = watermelon.load()
        print("X", X.shape, " Y", Y.shape, " good melons:", int(Y.sum()))
        print(watermelon.feature_names(LANG))
        print("melon 1:", X[0])
        """
    ),
    md(
        zh=r"""
        ## 2. 公平的比较

        网络为19-5-1（Sigmoid），3个种子，两种方法从**同一个**初始网络出发。标准BP每个样本更新一次，每轮17次更新；累积BP每轮只用整个训练集的平均误差更新一次。为了按更新次数比较，累积BP跑17倍的轮数（5100轮），标准BP跑300轮，两者的更新总数都是5100次。

        学习率怎么定才公平？给累积BP更大的$\eta$再说它“按更新次数领先”是不公平的：领先可能只来自更大的步长。所以比两次：先用**相同的**$\eta$；再让每种方法在同一组$\eta$里各自选出最好的一个，用它们各自最好的$\eta$比较。
        """,
        en=r"""
        ## 2. A fair comparison

        A 19-5-1 sigmoid network, 3 seeds, both methods starting from the **same** initial
        network. Standard BP updates after every sample, 17 updates an epoch; accumulated BP
        updates once an epoch, from the mean error over the whole training set. To compare
        per update, accumulated BP runs 17 times the epochs (5100) and standard BP 300, so
        both make 5100 updates in all.

        Which learning rate is fair? Giving accumulated BP a larger $\eta$ and then saying
        it "wins per update" is not fair: the win may come from the larger step alone. So
        we compare twice: first with the **same** $\eta$; then each method picks its own
        best $\eta$ from the same small grid, and the two compete at their own best.
        """,
    ),
    code(
        """
        seeds, etas = (0, 1, 2), (0.5, 2.0, 5.0)
        epochs = {"standard": 300, "accumulated": 5100}  # zh: 都是5100次更新 / en: 5100 updates each
        per_epoch = {"standard": 17, "accumulated": 1}   # zh: 每轮更新次数 / en: updates per epoch
        runs = {(mode, eta): [bpcore.train(bpcore.Network.from_sizes((19, 5, 1), rng=s), X, Y,
                                           eta=eta, epochs=epochs[mode], mode=mode) for s in seeds]
                for mode in epochs for eta in etas}


        def after_updates(mode, eta, k):
            # zh: 训练集上k次更新后的E，对种子取平均 / en: training-set E after k updates, mean over the seeds
            return np.mean([h.loss[k // per_epoch[mode]] for h in runs[mode, eta]])


        def after_epochs(mode, eta, k):
            return np.mean([h.loss[k] for h in runs[mode, eta]])


        def report(choice):
            for label, at, ks in (("UPDATES", after_updates, (170, 1700, 5100)),
                                  ("EPOCHS", after_epochs, (10, 100, 300))):
                print(f"E after k {label} (mean over {len(seeds)} seeds)")
                for mode, eta in choice.items():
                    print(f"  {mode:12s} eta={eta:<4}", "  ".join(f"k={k}: {at(mode, eta, k):.4f}" for k in ks))


        print("== the same eta = 0.5 ==")
        report({"standard": 0.5, "accumulated": 0.5})
        print("== sweep: E after 5100 updates for each eta ==")
        for mode in epochs:
            print(f"  {mode:12s}", "  ".join(f"eta={eta}: {after_updates(mode, eta, 5100):.4f}" for eta in etas))
        best = {mode: min(etas, key=lambda eta: after_updates(mode, eta, 5100)) for mode in epochs}
        print("== each method at its own best eta ==")
        report(best)
        """
    ),
    md(
        zh=r"""
        同样的比较画成图：每种方法取各自最好的$\eta$，实线是3个种子的中位数，阴影是它们的范围（最小到最大）。左图按参数更新次数（都到5100次），右图按轮次（到标准BP的300轮为止）。
        """,
        en=r"""
        The same comparison as a figure, each method at its own best $\eta$: the solid line is
        the median of the 3 seeds, the shaded band their range (least to largest). Left per
        parameter update (5100 each), right per epoch (up to standard BP's 300).
        """,
    ),
    code(
        """
        plots.image(plots.bp_comparison_figure({mode: runs[mode, best[mode]] for mode in epochs}, lang=LANG))
        """
    ),
    md(
        zh=r"""
        **相同的$\eta = 0.5$**：按更新次数两者几乎一样；按轮次标准BP遥遥领先，因为同样一轮它更新了17次。这正是教材说的“累积BP更新频率低得多”。**各用最好的$\eta$**：在这组$\eta$里两者都选了最大的；按更新次数，累积BP在5100次后误差更低——它的每一步都沿着全部17个样本的准确梯度，大步长也稳；标准BP的大步长被单个样本来回拉扯。按轮次，标准BP仍然领先。每次更新的代价不同（累积BP一次更新要算全部样本的梯度），所以还要按时间比。下面的单元格测一测每种方法的耗时（时间随机器变化，只作参考，不参与检查）。

        这些训练重新跑一遍，两种方法都用同一个NumPy引擎（`fast=False`；`bpcore.train`默认会给小网络的标准BP选编译好的快速路径，那会改变结论：按时间比较测的是一种实现，而不只是算法），用`time.perf_counter`计时，把每种方法每轮的秒数（它几次训练的总时间除以总轮数）放到第三幅图的横轴上。这个单元格的输出随机器而变，所以nbval不比较它（`# NBVAL_IGNORE_OUTPUT`）；上面的图都是确定的。
        """,
        en=r"""
        **The same $\eta = 0.5$**: per update the two are nearly equal; per epoch standard
        BP is far ahead, since in one epoch it updates 17 times. That is the book's "accumulated
        BP updates far less often". **Each at its own best $\eta$**: on this grid both pick
        the largest; per update, accumulated BP ends lower after 5100 updates: each of its
        steps follows the exact gradient of all 17 samples, so a large step stays steady,
        while standard BP's large steps are pulled back and forth by single samples. Per
        epoch, standard BP still leads. The steps cost differently (one accumulated update
        computes the gradients of every sample), so we also compare per second. The next
        cell times each method (timings depend on the machine; for reference only, not
        checked).

        The runs are trained again, both on the same NumPy engine (`fast=False`; the compiled
        fast path that `bpcore.train` picks by default for small standard-BP steps would
        change the picture: a per-second comparison measures an implementation, not only an
        algorithm), timed with `time.perf_counter`, and each method's seconds per epoch (its
        runs' time divided by their epochs) put on the x axis of a third panel. This cell's
        output depends on the machine, so nbval does not compare it (`# NBVAL_IGNORE_OUTPUT`);
        every figure above is deterministic.
        """,
    ),
    code(
        """
        timed, seconds = {}, {}
        for mode in epochs:
            t0 = time.perf_counter()
            timed[mode] = [bpcore.train(bpcore.Network.from_sizes((19, 5, 1), rng=s), X, Y, eta=best[mode],
                                        epochs=epochs[mode], mode=mode, fast=False) for s in seeds]
            seconds[mode] = (time.perf_counter() - t0) / (len(seeds) * epochs[mode])  # zh: 每轮秒数 / en: seconds per epoch
            print(f"{mode:12s} 5100 updates: {seconds[mode] * epochs[mode]:.3f} s per run")
        plots.image(plots.bp_comparison_figure(timed, seconds=seconds, lang=LANG))
        """,
        ignore_output=True,
    ),
    md(
        zh=r"""
        ## 3. 教材的预言

        教材§5.3说：累积BP读取整个训练集一遍后才更新一次，更新频率低得多；但累积误差下降到一定程度后，进一步下降会非常缓慢，这时标准BP往往更快得到较好的解，尤其是训练集很大时。在17个样本上，教材说的“训练集很大”并不成立，上面的表也没有显示累积BP在后期更慢。按轮次比，标准BP确实更快：这是教材预言中在这里成立的部分。试试换种子、把$\eta$网格加宽，或者只看前170次更新，看结论怎样变。

        ## 小结

        - 西瓜数据集3.0：17个样本，六个离散属性独热编码加密度、含糖率，共19个输入。
        - 比较两种BP要说清“按什么比”：按轮次，标准BP每轮更新$m$次，占了便宜；按更新次数，才比较每一步的效果；按时间，还要算上每次更新的代价。
        - 用多个种子，从相同的初始网络出发，结论才不是某一个起点的偶然。

        ## 练习

        答案由`bpcore.exercises`检查，不在本笔记本里。

        1. 写函数`answer(m, epochs, mode)`，返回在$m$个样本上训练`epochs`轮所做的参数更新次数，`mode`为`"standard"`或`"accumulated"`。
        """,
        en=r"""
        ## 3. What the book predicts

        §5.3 says: accumulated BP updates only after reading the whole training set, so it
        updates far less often; but once the accumulated error has fallen to some level it
        falls very slowly, and standard BP then often reaches a good solution sooner,
        especially on a large training set. With 17 samples the book's
        "large training set" does not hold, and the tables above show no late slowdown of
        accumulated BP. Per epoch standard BP is indeed faster: that part of the prediction
        holds here. Try other seeds, a wider $\eta$ grid, or only the first 170 updates, and
        see how the conclusion changes.

        ## Summary

        - Watermelon data set 3.0: 17 samples, six categorical attributes one-hot plus
          density and sugar, 19 inputs.
        - Comparing the two BPs needs a stated yardstick: per epoch standard BP updates $m$
          times and has the edge; per update compares the worth of a step; per second also
          counts what an update costs.
        - Several seeds, both methods from the same initial network, so the conclusion is not
          the accident of one start.

        ## Exercises

        `bpcore.exercises` checks the answer; it is not in this notebook.

        1. Write `answer(m, epochs, mode)` returning how many parameter updates training on
           $m$ samples for `epochs` epochs makes, `mode` being `"standard"` or
           `"accumulated"`.
        """,
    ),
    *exercise(
        "18-updates",
        answer="answer",
        source="""
        # zh: 练习1：参数更新次数
        # en: Exercise 1: the number of parameter updates
        def answer(m, epochs, mode):
            ### BEGIN SOLUTION
            return m * epochs if mode == "standard" else epochs
            ### END SOLUTION
        """,
    ),
]
