"""Lesson 10: the playground. Every example, every control, every button."""

from _cells import code, exercise, md

TITLE = dict(
    zh="反向传播训练场：每个例子、每个滑块",
    en="The backpropagation playground: every example, every slider",
)

CELLS = [
    md(
        zh=r"""
        **目标**：熟悉`bpcore`的训练场（playground）：它能打开哪些例子，每个滑块、按钮和面板做什么；用“单步”把一次迭代拆成前向、反向、更新三步，对照教程公布的数字；用淡色的历史曲线比较不同的设置；用“显示代码”把一个设置交给学生。教师可以把这一课当作训练场的说明书。

        **前置知识**：前向传播与反向传播（第04、05课），训练方式与批量大小（第08课），异或与决策边界（第09课）。
        """,
        en=r"""
        **Goal**: get to know `bpcore`'s playground: which examples it opens and what each
        slider, button and panel does; split one iteration into its forward, backward and
        update phases with "step" and compare them with the tutorial's published numbers;
        compare settings with the faded curves of earlier runs; hand a setting to students
        with "show code". Teachers can use this lesson as the playground's manual.

        **Prerequisites**: the forward and backward passes (lessons 04 and 05), training modes
        and batch sizes (lesson 08), XOR and decision boundaries (lesson 09).
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
        from IPython.display import HTML, Image

        from bpcore import examples
        from bpcore.i18n import t
        from bpcore.lessons import columns, text
        from bpcore.tables import Code, Table
        """
    ),
    md(
        zh=r"""
        ## 1. 打开训练场

        下面的训练场训练一个2-3-1的Sigmoid网络学异或（初值由种子0生成）。它和第00、09课的2-3-1网络不是同一个网络：那两课用偏置（与加权和相加），这里用教材的阈值（从加权和中减去）。种子相同，抽到的数也相同，但同一个数在这里是被减去的，所以两个网络的初始输出和初始损失都不一样。按“训练”看损失曲线实时增长；保存下来的笔记本里显示的是它打开时的第一张图。
        """,
        en=r"""
        ## 1. Open the playground

        The playground below trains a 2-3-1 sigmoid network on XOR (initial weights from seed
        0). It is not the 2-3-1 network of lessons 00 and 09: those add biases to the weighted
        sums, this one subtracts the textbook's thresholds. The same seed draws the same
        numbers, but here each offset is subtracted, so the two networks start with different
        outputs and a different initial loss. Press "Train" and watch the loss curve grow; a saved notebook shows the first
        picture the playground drew when it opened.
        """,
    ),
    code(
        """
        xor = examples.get("t001_xor")
        bpcore.widgets.playground(sizes=(2, 3, 1), X=xor.X, Y=xor.Y, eta=2.0, epochs=3000, lang=LANG)
        """,
        ignore_output=True,
    ),
    md(
        zh=r"""
        训练场分成五块：

        - **左上：设置**。学习率、轮数、训练方式、批量大小、是否训练阈值/偏置、隐藏层激活函数、语言等（见第2节的表）。
        - **左下：初始权重**（可折叠）。每个初始权重和阈值/偏置一个滑块，名字就是教材的记号（$v_{ih}$、$\gamma_h$、$w_{hj}$、$\theta_j$；带偏置的层记作$b^{(1)}$、$b^{(2)}$）。
        - **右上：损失曲线**。纵轴是整个训练集上的损失$E$（对数刻度），横轴是轮次；每改一次设置，上一次的曲线淡色保留，图例写着它的$\eta$和训练方式。
        - **右下：网络与决策边界**。连线的颜色表示符号（红正蓝负），粗细表示大小；两个输入、一个输出的网络还会画出决策边界$\hat y=0.5$。
        - **底部：按钮、状态行、单步计算表、代码**。
        """,
        en=r"""
        The playground has five areas:

        - **Top left: settings.** Learning rate, epochs, training mode, batch size, whether
          thresholds/biases are trained, the hidden activation, the language, … (table in
          section 2).
        - **Bottom left: initial weights** (folding). One slider per initial weight and
          threshold/bias, named with the textbook's symbols ($v_{ih}$, $\gamma_h$, $w_{hj}$,
          $\theta_j$; layers with biases use $b^{(1)}$, $b^{(2)}$).
        - **Top right: the loss curve.** The loss $E$ on the whole training set (log scale)
          against epochs; each change of a setting keeps the previous curve, faded, with its
          $\eta$ and training mode in the legend.
        - **Bottom right: the network and the decision boundary.** A connection's colour is
          its sign (red +, blue −) and its width its size; networks with two inputs and one
          output also show the decision boundary $\hat y = 0.5$.
        - **At the bottom: buttons, the status line, the step table, the code.**
        """,
    ),
    md(
        zh=r"""
        ## 2. 每个设置

        下表的名称和说明直接取自`bpcore`的消息目录，与训练场里看到的文字（包括鼠标悬停提示）完全相同：
        """,
        en=r"""
        ## 2. Every setting

        The names and explanations below come straight from `bpcore`'s message catalogue:
        they are the very texts the playground shows (its tooltips included):
        """,
    ),
    code(
        """
        settings = ["eta", "epochs", "mode", "batch_size", "train_offsets", "hidden_activation",
                    "auto", "show_values", "seed"]
        header = columns("10.setting_table", LANG)
        rows = [(f"**{t('ui.' + key, LANG)}**", t("tip." + key, LANG)) for key in settings]
        rows.append((f"**{t('ui.weights', LANG, offset=t('ui.offset.threshold', LANG))}**",
                     t("tip.weight", LANG, symbol="v₁₁")))
        Table(header, rows, lang=LANG)
        """
    ),
    md(
        zh=r"""
        训练方式的三个选项就是第08课的三种：
        """,
        en=r"""
        The three training modes are lesson 08's three:
        """,
    ),
    code(
        """
        from bpcore.train import MODES

        header = columns("10.mode_table", LANG)
        size = {"standard": "1", "minibatch": "B", "accumulated": "N"}
        Table(header, [(t(f"mode.{m}", LANG), size[m], Code(repr(m))) for m in MODES], lang=LANG)
        """
    ),
    md(
        zh=r"""
        ## 3. 每个按钮
        """,
        en=r"""
        ## 3. Every button
        """,
    ),
    code(
        """
        buttons = ["train", "pause", "step_iteration", "step_epoch", "reset", "clear_runs",
                   "show_code", "reset_weights", "randomise"]
        header = columns("10.button_table", LANG)
        Table(header, [(f"**{t('btn.' + key, LANG)}**", t("tip." + key, LANG)) for key in buttons], lang=LANG)
        """
    ),
    md(
        zh=r"""
        训练在后台线程里进行，所以训练时笔记本仍然可用；训练中其他控件暂时停用，“暂停”随时可按。任何出错（例如学习率太大导致发散）只会显示在状态行里，训练场不会抛出异常。

        ## 4. 每个例子

        `bpcore.examples`里的每个网络例子都能直接打开，初值、数据、学习率、训练方式都取教程的设置：
        """,
        en=r"""
        Training runs in a background thread, so the notebook stays usable; while it runs the
        other controls are disabled and "Pause" can be pressed at any time. Anything that goes
        wrong (a learning rate so large that training diverges, say) shows in the status line;
        the playground never raises.

        ## 4. Every example

        Every network example of `bpcore.examples` opens directly, with the tutorial's initial
        values, data, learning rate and training mode:
        """,
    ),
    code(
        """
        header = columns("10.example_table", LANG)
        rows = []
        for name in examples.names():
            ex = examples.get(name)
            if ex.kind != "network":
                continue
            spec = ex.network.spec if hasattr(ex.network, "spec") else ex.network.network.spec
            net = "-".join(map(str, spec.sizes)) + f" ({', '.join(spec.activations)})"
            rows.append((Code(name), ex.tutorial, ex.title(LANG), net, f"{ex.eta:g}",
                         t(f"mode.short.{ex.mode}", LANG), "✔" if ex.train_offsets else "✘"))
        Table(header, rows, lang=LANG)
        """
    ),
    md(
        zh=r"""
        每个例子可以试的事：

        - `t000_batch_321`（教程000）：隐藏层没有激活函数。把训练方式从累积BP改成标准BP，比较两条曲线；损失可与教程公布的$E$对照（第07课解释了两者为什么不同）。
        - `t001_xor`（教程001）：激活函数全为恒等，损失停在0.125。换成Sigmoid隐藏层，再“随机初始化”（第09课）。
        - `t002_textbook`（教材）：带阈值的2-2-2网络，取消“训练阈值/偏置”，看损失下降慢了多少。
        - `t004_222_frozen`与`t004_222_trained`（教程003/004）：同一个2-2-2网络，偏置冻结或参与训练；单步一次，对照教程公布的$w_5$到$w_8$（第5节）。

        把下面单元格里的名字换成表中任何一个，再运行：
        """,
        en=r"""
        Things to try with each example:

        - `t000_batch_321` (tutorial 000): a hidden layer without activation. Switch from
          accumulated to standard BP and compare the curves; compare the loss with the
          tutorial's published $E$ (lesson 07 explains why they differ).
        - `t001_xor` (tutorial 001): identity activations, the loss stops at 0.125. Switch the
          hidden units to sigmoid, then "Randomise" (lesson 09).
        - `t002_textbook` (the textbook): the 2-2-2 network with thresholds; untick "train
          thresholds/biases" and see how much slower the loss falls.
        - `t004_222_frozen` and `t004_222_trained` (tutorials 003/004): the same 2-2-2
          network with biases frozen or trained; step once and compare with the tutorial's
          published $w_5$ to $w_8$ (section 5).

        Replace the name in the cell below with any name of the table and run it:
        """,
    ),
    code(
        """
        name = "t000_batch_321"
        bpcore.widgets.playground(name, lang=LANG)
        """,
        ignore_output=True,
    ),
    md(
        zh=r"""
        ## 5. 单步：一次迭代的三个阶段

        “单步（一次迭代）”每按一次走一个阶段：**前向**（网络图上写出每个神经元的输出）、**反向**（连线显示梯度$\partial E/\partial w$，神经元旁写出$g_j$、$e_h$）、**更新**（连线显示新的权重）。下面的单步计算表列出这次迭代的每一个数。

        为了让保存下来的笔记本也能看到这些图，下面用代码代替鼠标：`Playground(..., sync=True)`在当前线程里运行，`step_iteration()`就是按一次“单步”。例子是教程003/004的2-2-2网络（偏置冻结）：
        """,
        en=r"""
        ## 5. Step: the three phases of one iteration

        Each press of "Step one iteration" moves one phase: **forward** (the network drawing
        writes every neuron's output), **backward** (connections show the gradients
        $\partial E/\partial w$, neurons their $g_j$, $e_h$), **update** (connections show the
        new weights). The step table below the buttons lists every number of the iteration.

        So that a saved notebook shows these pictures too, the code below presses the buttons:
        `Playground(..., sync=True)` runs in the calling thread and `step_iteration()` is one
        press of "Step". The example is the 2-2-2 network of tutorials 003/004 (biases frozen):
        """,
    ),
    code(
        """
        demo = bpcore.widgets.Playground("t004_222_frozen", lang=LANG, sync=True)
        for _phase in ("forward", "backward", "update"):
            demo.step_iteration()
            display(Image(demo.png("network")))
        """
    ),
    code(
        """
        HTML(demo.table.value)
        """
    ),
    md(
        zh=r"""
        更新后的权重正是教程公布的数字：
        """,
        en=r"""
        The weights after the update are the tutorial's published figures:
        """,
    ),
    code(
        """
        ex = examples.get("t004_222_frozen")
        header = columns("10.step_table", LANG)
        rows = []
        for k in (5, 6, 7, 8, 1, 2, 3, 4):
            published = ex.published_value(f"w{k}_new")
            rows.append((f"w{k}", published.text, f"{ex.param(demo.net, f'w{k}'):.{published.decimals}f}"))
        Table(header, rows, lang=LANG)
        """
    ),
    md(
        zh=r"""
        ## 6. 历史曲线：比较学习率

        开着“改设置后自动重新训练”时，每改一个设置就从初值重新训练，上一次的曲线淡色留在图上。下面把轮数设为200（学习率仍是例子的0.5），再把学习率依次改成2和8（同样用代码代替鼠标）：
        """,
        en=r"""
        ## 6. Previous runs: comparing learning rates

        With "retrain when a setting changes" ticked, every change retrains from the initial
        values and the previous curve stays, faded. Below, the epochs are set to 200 (the learning
        rate is still the example's 0.5), then the learning rate is changed to 2 and to 8 (code
        again standing in for the mouse):
        """,
    ),
    code(
        """
        # zh: 先回到初值并清掉单步留下的曲线；每次赋值等于在训练场里改一次设置
        # en: back to the initial values, without the stepped run; each assignment is one change of a setting
        demo.reset()
        demo.clear_runs()
        demo.epochs_box.value = "200"
        for eta in (2.0, 8.0):
            demo.eta_slider.value = eta
        Image(demo.png("loss"))
        """
    ),
    code(
        """
        after = text("10.after_200", LANG)
        for eta in (0.5, 2.0, 8.0):
            E = ex.train(epochs=200, eta=eta).final_loss
            print(f"bpcore.train  η = {eta:<4} {after} {E:.8f}")
        eta, E = demo.settings()["eta"], demo.history.final_loss
        print(f"{text('10.playground', LANG):12}  η = {eta:<4} {after} {E:.8f}")
        """
    ),
    md(
        zh=r"""
        训练场算出的数与`bpcore.train`完全相同（训练场用的是由SymPy推导并编译的快速路径，与NumPy路径相差不到$10^{-12}$）。“清除历史曲线”删去淡色曲线；“重置”回到初值，但保留历史曲线。

        ## 7. 给教师：显示代码

        “显示代码”给出一行代码，运行它就能重建当前的训练场，包括所有改过的设置和初始权重。把它发给学生，大家看到的就是同一个实验：
        """,
        en=r"""
        The playground's numbers are `bpcore.train`'s (it runs the fast path that SymPy derives
        and compiles, within $10^{-12}$ of the NumPy path). "Clear previous runs" removes the
        faded curves; "Reset" goes back to the initial values and keeps them.

        ## 7. For teachers: show code

        "Show code" gives one line of code that rebuilds the current playground, with every
        setting and initial weight you changed. Send it to students and everyone sees the same
        experiment:
        """,
    ),
    code(
        """
        demo.show_code()
        print(demo.code_line())
        """
    ),
    md(
        zh=r"""
        其他有用的接口：

        - `pg.history`：当前这次训练，是一个`bpcore.History`（`loss`、`iteration_loss`、`net`、`diverged_at`），可以接着画图或检验；
        - `pg.settings()`：当前设置，正好是`bpcore.train`的参数；
        - `pg.widget`：整个训练场的ipywidgets对象，可以放进自己的布局；
        - `pg.set_lang("en")`：切换语言（也可以按训练场里的“中文 / English”）；
        - 自定义网络：`bpcore.widgets.playground(sizes=(2, 4, 1), X=X, Y=Y)`，第08课就是这样用的。
        """,
        en=r"""
        Other useful handles:

        - `pg.history`: the current run as a `bpcore.History` (`loss`, `iteration_loss`, `net`,
          `diverged_at`), ready to plot or check further;
        - `pg.settings()`: the current settings, exactly `bpcore.train`'s arguments;
        - `pg.widget`: the whole playground as an ipywidgets object, to place in your own
          layout;
        - `pg.set_lang("zh")`: switch the language (or press "中文 / English" in the
          playground);
        - a custom network: `bpcore.widgets.playground(sizes=(2, 4, 1), X=X, Y=Y)`, as lesson
          08 does.
        """,
    ),
    code(
        """
        demo.settings()
        """
    ),
    md(
        zh=r"""
        ## 小结

        - 训练场能打开`bpcore.examples`的每个网络例子和任何自定义网络；每个设置、每个初始权重都有滑块或输入框，每个按钮都有悬停说明。
        - “单步”把一次迭代拆成前向、反向、更新三个阶段，单步计算表列出全部数值；2-2-2例子单步一次就得到教程公布的$w_5$到$w_8$。
        - 改设置会自动重新训练，旧曲线淡色保留，方便比较；训练场的数与`bpcore.train`相同。
        - “显示代码”给出重建当前实验的一行代码。

        ## 练习

        1. 在训练场里打开`t004_222_frozen`，单步一次（三个阶段）之后，$w_5$是多少？（保留8位小数）
        2. 在`t000_batch_321`里选小批量、批量大小2，每轮有几次迭代？
        3. 打开`t001_xor`，把隐藏层激活函数换成Sigmoid、学习率设为0.5、轮数3000，训练后的损失是多少？（保留4位小数）
        """,
        en=r"""
        ## Summary

        - The playground opens every network example of `bpcore.examples` and any custom
          network; every setting and initial weight has a slider or box, every button a
          tooltip.
        - "Step" splits an iteration into its forward, backward and update phases, and the
          step table lists every number; one step of the 2-2-2 example gives the tutorial's
          published $w_5$ to $w_8$.
        - Changing a setting retrains at once and keeps the old curve, faded, for comparison;
          the playground's numbers are `bpcore.train`'s.
        - "Show code" gives one line that rebuilds the current experiment.

        ## Exercises

        1. Open `t004_222_frozen` in the playground and step once (three phases). What is
           $w_5$ then? (8 decimals)
        2. In `t000_batch_321`, choose mini-batch with batch size 2. How many iterations does
           an epoch have?
        3. Open `t001_xor`, switch the hidden activation to sigmoid, set the learning rate to
           0.5 and the epochs to 3000. What is the loss after training? (4 decimals)
        """,
    ),
    *exercise(
        "10-1",
        source="""
        # zh: 练习1：把 None 换成你的答案
        # en: Exercise 1: replace None with your answer
        ### BEGIN SOLUTION
        answer = ex.param(ex.train(epochs=1).net, "w5")
        ### END SOLUTION
        """,
        stub="answer = None",
    ),
    *exercise(
        "10-2",
        source="""
        # zh: 练习2
        # en: Exercise 2
        ### BEGIN SOLUTION
        n_samples = len(examples.get("t000_batch_321").X)
        answer = bpcore.iterations_per_epoch(n_samples, 2)
        ### END SOLUTION
        """,
        stub="answer = None",
    ),
    *exercise(
        "10-3",
        source="""
        # zh: 练习3
        # en: Exercise 3
        ### BEGIN SOLUTION
        xor = examples.get("t001_xor")
        hidden, output = xor.network.layers
        net = bpcore.Network([bpcore.Layer(hidden.W, hidden.offset, "sigmoid", "bias"), output])
        answer = bpcore.train(
            net, xor.X, xor.Y, eta=0.5, epochs=3000, mode=xor.mode, reduction=xor.reduction
        ).final_loss
        ### END SOLUTION
        """,
        stub="answer = None",
    ),
    md(
        zh="""
        **练习4（推导）.** 在2-2-2网络里，$w_5$连接$h_1$和$o_1$。写出$∂E_{total}/∂w_5$，用符号`out_o1`、`target_o1`、`out_h1`；输出层的净输入叫`net_o1`。
        """,
        en="""
        **Exercise 4 (derivation).** In the 2-2-2 net, $w_5$ connects $h_1$ to $o_1$. Write
        $∂E_{total}/∂w_5$ in the symbols `out_o1`, `target_o1`, `out_h1`; the output's net input
        is `net_o1`.
        """,
    ),
    *exercise("10-w5", '"(out_o1 - target_o1) * out_o1 * (1 - out_o1) * out_h1"'),
]
