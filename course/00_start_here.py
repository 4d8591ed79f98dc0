"""Lesson 00: how to use the course, its contents, one notation for five tutorials, the glossary."""

import importlib.util
import re
from pathlib import Path

from _cells import code, md

TITLE = dict(
    zh="从这里开始：课程使用说明、记号与术语",
    en="Start here: using the course, notation and glossary",
)

# The twelve lessons, in order. Each title is read from the lesson's own source (its TITLE),
# so the contents table cannot drift from the notebooks it links; the fallback only covers a
# lesson whose source does not exist yet (tests/test_course_index.py checks the final titles).
LESSONS = [
    ("00_start_here", None),
    ("01_gradient_descent", dict(zh="梯度下降与感知机", en="Gradient descent and the perceptron")),
    ("02_sigmoid", dict(zh="Sigmoid函数及其导数", en="The sigmoid and its derivative")),
    ("03_chain_rule", dict(zh="链式法则与计算图", en="The chain rule on a computational graph")),
    ("04_forward_pass", dict(zh="前向传播", en="The forward pass")),
    ("05_backward_pass", dict(zh="反向传播", en="The backward pass")),
    ("06_textbook_derivation", dict(zh="教材中的推导", en="The textbook derivation")),
    ("07_batch_gradient_descent", dict(zh="批量梯度下降", en="Batch gradient descent")),
    (
        "08_epochs_batches_iterations",
        dict(zh="轮次、批次与迭代", en="Epochs, batches and iterations"),
    ),
    ("09_xor", dict(zh="异或问题", en="XOR")),
    ("10_playground", dict(zh="反向传播训练场", en="The backpropagation playground")),
    ("11_gradient_checking", dict(zh="梯度检验", en="Gradient checking")),
    ("12_matrix_form", dict(zh="矩阵形式与L层网络", en="Matrix form and L layers")),
    ("13_cross_entropy", dict(zh="交叉熵与Softmax", en="Cross-entropy and softmax")),
    (
        "14_vanishing_gradients",
        dict(zh="梯度消失与初始化", en="Vanishing gradients and initialisation"),
    ),
    ("15_digits", dict(zh="真实数据：识别手写数字", en="Real data: handwritten digits")),
    ("16_learning_rate_sweep", dict(zh="学习率扫描", en="The learning-rate sweep")),
    ("17_bp_in_practice", dict(zh="实践中的BP", en="BP in practice")),
    ("18_exercise_5_5", dict(zh="习题5.5：西瓜数据集3.0", en="Exercise 5.5: watermelon data 3.0")),
]

# What each lesson does, one line per language (shown next to its title).
ABOUT = {
    "00_start_here": dict(
        zh="本页：使用说明、记号对照表、术语表、30秒体验",
        en="this page: how to use the course, the notation table, the glossary, a 30-second taste",
    ),
    "01_gradient_descent": dict(
        zh="学习率太小或太大会怎样（滑块）；感知机学习逻辑与（教程002）",
        en="learning rate too small or too large (a slider); the perceptron learns AND (tutorial 002)",
    ),
    "02_sigmoid": dict(
        zh="用SymPy推导并证明导数，把导数写成输出的函数，在±10⁶处稳定计算；恒等函数与tanh",
        en="the derivative derived and proven in SymPy, written with the output, computed stably at ±10⁶; identity and tanh",
    ),
    "03_chain_rule": dict(
        zh="把复合函数拆成计算图，沿路径连乘局部导数（教程004）",
        en="a composite function as a computational graph; local derivatives multiplied along a path (tutorial 004)",
    ),
    "04_forward_pass": dict(
        zh="从输入逐层算到输出，与教程公布的数值对照",
        en="from the inputs to the output, layer by layer, checked against the published numbers",
    ),
    "05_backward_pass": dict(
        zh="用链式法则从输出层往回逐层计算梯度",
        en="gradients layer by layer backwards with the chain rule",
    ),
    "06_textbook_derivation": dict(
        zh="周志华《机器学习》第5章的更新公式，用SymPy逐步推导并证明",
        en="the update rules of Zhou Zhihua's Machine Learning, ch. 5, derived and proven in SymPy",
    ),
    "07_batch_gradient_descent": dict(
        zh="用全部样本更新：教程000的3-2-1网络",
        en="updates from all samples: the 3-2-1 network of tutorial 000",
    ),
    "08_epochs_batches_iterations": dict(
        zh="轮次、批次、迭代之间的换算（教程004）",
        en="how epochs, batches and iterations relate (tutorial 004)",
    ),
    "09_xor": dict(
        zh="线性网络学不会异或，Sigmoid隐藏层可以（教程001）",
        en="a linear network cannot learn XOR, sigmoid hidden units can (tutorial 001)",
    ),
    "10_playground": dict(
        zh="交互训练场：调学习率、初值、训练方式，看损失曲线与决策边界",
        en="an interactive playground: learning rate, initial weights, training mode, live plots",
    ),
    "11_gradient_checking": dict(
        zh="用中心差分检验反向传播算出的梯度",
        en="checking backpropagated gradients by central differences",
    ),
    "12_matrix_form": dict(
        zh="反向传播的矩阵形式与每个形状，任意层数的循环，一次梯度的代价（计数）与所存激活值的内存",
        en="backprop in matrix form with every shape, a loop over L layers, the counted cost of a gradient, the memory of stored activations",
    ),
    "13_cross_entropy": dict(
        zh="饱和的Sigmoid输出：平方误差学不动，交叉熵可以；∂E/∂β = ŷ − y（SymPy）；Softmax；教程001的增量规则",
        en="a saturated sigmoid output stalls squared error, not cross-entropy; ∂E/∂β = ŷ − y (SymPy); softmax; tutorial 001's delta rule",
    ),
    "14_vanishing_gradients": dict(
        zh="σ′ ≤ ¼（SymPy）；深层网络每一层的梯度：Sigmoid、tanh、ReLU；Xavier与He初始化（推导并实测）；全1初值的对称性，完整论证",
        en="σ′ ≤ ¼ (SymPy); the gradient of every layer of a deep net: sigmoid, tanh, ReLU; Xavier and He initialisation (derived and measured); the all-ones start's symmetry, argued completely",
    ),
    "15_digits": dict(
        zh="包内自带的8×8手写数字：训练集与测试集、准确率与损失曲线、混淆矩阵、第一层权重的图像",
        en="the 8×8 handwritten digits shipped in bpcore: train/test split, accuracy and loss curves, a confusion matrix, first-layer weights as images",
    ),
    "16_learning_rate_sweep": dict(
        zh="256个学习率一起训练：收敛、震荡、发散的区域；二次函数的边界2/E″（推导并验证）；异或的边界（实测）",
        en="256 learning rates trained at once: where training converges, oscillates, diverges; the quadratic's edge 2/E″ (derived and confirmed); XOR's edge (measured)",
    ),
    "17_bp_in_practice": dict(
        zh="图5.8的算法框逐行成代码；验证集上的过拟合、早停、权重衰减（式5.17）；局部极小：多起点、模拟退火、随机梯度下降；固定顺序与打乱顺序",
        en="图5.8's box line by line; overfitting on a validation set, early stopping, weight decay (eq. 5.17); local minima: several starts, simulated annealing, SGD; fixed vs shuffled order",
    ),
    "18_exercise_5_5": dict(
        zh="包内自带的西瓜数据集3.0：标准BP与累积BP按更新次数、轮次、时间比较，多个种子",
        en="watermelon data set 3.0 shipped in bpcore: standard vs accumulated BP per update, per epoch, per second, several seeds",
    ),
}

_HERE = Path(__file__).resolve().parent


def _title(slug, fallback):
    if slug == "00_start_here":
        return TITLE
    path = _HERE / f"{slug}.py"
    if not path.exists():
        return fallback
    spec = importlib.util.spec_from_file_location(f"_title_{slug}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.TITLE


def _contents(lang):
    head = "| 课 | 标题 | 内容 |" if lang == "zh" else "| # | lesson | what you do |"
    rows = [head, "|---|---|---|"]
    for slug, fallback in LESSONS:
        # the number has its own column; some lessons repeat it at the start of their title
        title = re.sub(r"^\d\d\s*", "", _title(slug, fallback)[lang])
        rows.append(f"| {slug[:2]} | [{title}]({slug}.ipynb) | {ABOUT[slug][lang]} |")
    return "\n".join(rows)


CELLS = [
    md(
        zh="""
        欢迎！本课程用可以运行的笔记本讲解反向传播（backpropagation）：先看一个小实验或一张图，再推导公式，然后用代码计算，最后用独立的方法检验。课程中出现的每一个数字都由Python包`bpcore`在运行时算出，数值计算用NumPy，符号推导用SymPy；笔记本里没有手抄的结果。

        课程的例子和数字来自五篇中文反向传播教程（教程000至004）。哪里公布的数字与所述方法对不上，课程会把两个数并列给出，并解释差别从何而来。
        """,
        en="""
        Welcome! This course teaches backpropagation with notebooks you can run: first a small
        experiment or a picture, then the derivation, then the computation in code, then a check
        by an independent method. Every number the course shows is computed at run time by the
        Python package `bpcore` — numerically with NumPy, symbolically with SymPy; no notebook
        holds a hand-copied result.

        The examples and numbers come from five Chinese-language tutorials on backpropagation
        (tutorials 000 to 004). Where a published number does not follow from the method the
        tutorial states, the course shows both numbers side by side and explains the difference.
        """,
    ),
    md(
        zh="""
        ## 如何使用本课程

        - **运行全部单元格。** 在JupyterLab中选择菜单“Run → Run All Cells”（中文界面为“运行 → 运行所有单元格”）。每个笔记本从上到下运行，不到20秒。单个单元格用`Shift+Enter`运行。
        - **不安装，直接在浏览器里用。** 每课顶部的“在Binder中打开”链接会在mybinder.org上启动一个装好一切的JupyterLab；第一次启动可能要几分钟。
        - **切换语言。** 每课顶部有“English version”链接，打开同一课的英文版。两个版本的代码完全相同，只有第一个代码单元格里的`LANG`不同：把它改成`"en"`再运行全部单元格，图表和提示就会换成英文。
        - **JupyterLab的中文界面。** 选择菜单“Settings → Language → 中文（简体）”（需要安装`jupyterlab-language-pack-zh-CN`，课程的依赖里已经包含）。页面会重新加载，菜单变为中文。
        - **练习。** 每课末尾有练习。把单元格里的`answer = None`改成你的答案再运行，`bpcore.exercises.check`会告诉你对不对，答错时还会给出提示。
        - **看源代码。** 课程从不在笔记本里重写`bpcore`的功能；想看某个函数怎么实现，用`inspect.getsource`，或在JupyterLab中在函数名后输入`??`。
        """,
        en="""
        ## How to use the course

        - **Run everything.** In JupyterLab choose *Run → Run All Cells*. Each notebook runs top
          to bottom in under 20 seconds. `Shift+Enter` runs a single cell.
        - **No installation: use it in the browser.** The *Open in Binder* link at the top of
          every lesson starts a ready-made JupyterLab on mybinder.org; the first start can take a
          few minutes.
        - **Switch language.** The *中文版* link at the top of every lesson opens the same lesson
          in Chinese. The code of the two versions is identical except for `LANG` in the first
          code cell: set it to `"zh"` and run all cells, and every plot and message switches to
          Chinese.
        - **JupyterLab in Chinese.** Choose *Settings → Language → Chinese (Simplified)* (this
          needs `jupyterlab-language-pack-zh-CN`, which the course installs). The page reloads
          with Chinese menus.
        - **Exercises.** Every lesson ends with exercises. Replace `answer = None` in a cell by
          your answer and run it: `bpcore.exercises.check` tells you whether it is right and
          gives a hint when it is not.
        - **Read the source.** The notebooks never re-implement `bpcore`; to see how a function
          works, use `inspect.getsource`, or type `??` after its name in JupyterLab.
        """,
    ),
    md(zh="## 课程目录\n\n" + _contents("zh"), en="## Contents\n\n" + _contents("en")),
    md(
        zh="""
        ## 准备

        每课的第一个代码单元格都一样：设定语言，导入NumPy和`bpcore`。`import bpcore`只加载NumPy；SymPy、matplotlib和ipywidgets在第一次用到时才加载。
        """,
        en="""
        ## Setting up

        The first code cell of every lesson is the same: it sets the language and imports NumPy
        and `bpcore`. `import bpcore` loads NumPy only; SymPy, matplotlib and ipywidgets load
        when first used.
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
        """
    ),
    md(
        zh="""
        ## 30秒体验：训练一个网络学会异或

        异或（XOR）：两个输入不同时输出1，相同时输出0。下面的网络有2个输入、3个隐藏层神经元、1个输出，激活函数都是Sigmoid函数（sigmoid function），权重由固定种子随机生成。`bpcore.train`用反向传播算出梯度，再用梯度下降（gradient descent）更新3000轮。先别管细节，看损失曲线（loss curve）怎样下降，看训练后的输出是否接近目标值0、1、1、0。
        """,
        en="""
        ## A 30-second taste: train a network to learn XOR

        XOR outputs 1 when its two inputs differ and 0 when they are equal. The network below has
        2 inputs, 3 hidden neurons and 1 output, all with the sigmoid activation, and random
        weights drawn from a fixed seed. `bpcore.train` computes the gradients by backpropagation
        and updates the weights by gradient descent for 3000 epochs. Don't worry about the details
        yet: watch the loss fall, and see whether the outputs after training come close to the
        targets 0, 1, 1, 0.
        """,
    ),
    code(
        """
        from bpcore.lessons import say

        # zh: 异或的四个样本（教程001的数据）：输入X，目标Y
        # en: The four samples of XOR (the data of tutorial 001): inputs X, targets Y
        xor = bpcore.examples.get("t001_xor")
        X, Y = xor.X, xor.Y
        net = bpcore.Network.from_sizes((2, 3, 1), rng=0)
        history = bpcore.train(net, X, Y, eta=2.0, epochs=3000)

        say("00.outputs", history.net.predict(X).ravel().round(3), lang=LANG)
        say("00.targets", Y.ravel(), lang=LANG)
        """
    ),
    code(
        """
        Image(bpcore.plots.to_png(bpcore.plots.loss_figure(history, lang=LANG)))
        """
    ),
    code(
        """
        # zh: 训练后的网络把输入平面分成两类：黑线是 ŷ = 0.5
        # en: The trained network splits the input plane in two: the black line is ŷ = 0.5
        bpcore.plots.image(bpcore.plots.boundary_figure(history.net, X, Y, lang=LANG))
        """
    ),
    md(
        zh="""
        一条直线分不开异或的两类点，而隐藏层让网络画出了弯曲的边界。第9课会说明为什么只有线性激活函数的网络永远学不会异或，第10课的训练场可以亲手调整学习率、初值和训练方式。
        """,
        en="""
        No straight line separates the two classes of XOR; the hidden layer lets the network draw
        a bent boundary. Lesson 09 shows why a network with only linear activations can never
        learn XOR, and the playground of lesson 10 lets you change the learning rate, the initial
        weights and the training mode yourself.
        """,
    ),
    md(
        zh="""
        ## 一个网络，多种记号

        五篇教程给同一个量起了不同的名字。本课程统一使用周志华《机器学习》第5章的记号（教程002）：

        $$
        \\alpha_h = \\sum_{i} v_{ih} x_i,\\quad b_h = f(\\alpha_h - \\gamma_h),\\qquad
        \\beta_j = \\sum_{h} w_{hj} b_h,\\quad \\hat y_j = f(\\beta_j - \\theta_j)
        $$

        其中$x_i$是输入，$v_{ih}$是输入$i$到隐藏层神经元$h$的权重，$\\gamma_h$是隐藏层的阈值（threshold），$w_{hj}$是隐藏层神经元$h$到输出$j$的权重，$\\theta_j$是输出层的阈值，$\\hat y_j$是网络输出，$y_j$是目标值，$\\eta$是学习率（learning rate）。下表由`bpcore.examples`中每个例子的记号对照生成：“教程中的名字”一栏是原文的写法，“bpcore中的位置”一栏是代码里取到这个量的地方。

        注意两个容易混淆的地方：

        - **阈值与偏置（bias）的符号相反。** 阈值从加权和中减去，$f(\\beta-\\theta)$；偏置加到加权和上，$f(net+b)$。所以偏置$b$等于阈值$-\\theta$。
        - **同一个字母，不同的意思。** 教程001用$\\alpha$表示学习率，教材中$\\alpha_h$却是隐藏层神经元的输入；教程000的$w_1$、$w_2$是隐藏层到输出的权重，而教程003/004的$w_1$是输入到隐藏层的权重。
        """,
        en="""
        ## One network, many notations

        The five tutorials give the same quantities different names. The course uses one
        notation throughout, that of Zhou Zhihua's *Machine Learning*, chapter 5 (tutorial 002):

        $$
        \\alpha_h = \\sum_{i} v_{ih} x_i,\\quad b_h = f(\\alpha_h - \\gamma_h),\\qquad
        \\beta_j = \\sum_{h} w_{hj} b_h,\\quad \\hat y_j = f(\\beta_j - \\theta_j)
        $$

        with inputs $x_i$, weights $v_{ih}$ from input $i$ to hidden neuron $h$, hidden thresholds
        $\\gamma_h$, weights $w_{hj}$ from hidden neuron $h$ to output $j$, output thresholds
        $\\theta_j$, outputs $\\hat y_j$, targets $y_j$ and learning rate $\\eta$. The table below
        is generated from the notation map of every example in `bpcore.examples`: the column
        *tutorial's name* is how the tutorial writes it, the column *in bpcore* is where the
        code keeps it.

        Two things to watch:

        - **Thresholds and biases have opposite signs.** A threshold is subtracted from the
          weighted sum, $f(\\beta-\\theta)$; a bias is added, $f(net+b)$. So a bias $b$ is a
          threshold $-\\theta$.
        - **Same letter, different meaning.** Tutorial 001 calls the learning rate $\\alpha$,
          while the textbook's $\\alpha_h$ is the input of hidden neuron $h$; tutorial 000's
          $w_1, w_2$ are hidden-to-output weights, whereas the $w_1$ of tutorials 003/004 is an
          input-to-hidden weight.
        """,
    ),
    code(
        """
        # zh: 每个例子都带着一张记号对照（教程中的名字 ↔ 教材记号 ↔ bpcore）
        # en: Every example carries a notation map (tutorial's name ↔ textbook ↔ bpcore)
        bpcore.examples.notation_table(lang=LANG)
        """
    ),
    md(
        zh="""
        ## 术语表

        课程中每个概念只用一个术语。中文课程第一次出现某个术语时写作“术语（term）”，例如反向传播（backpropagation）。下表由`bpcore.glossary.table`生成。
        """,
        en="""
        ## Glossary (术语表)

        The course uses one term per concept, in both languages. The Chinese lessons write a
        term's first use as 术语（term）, e.g. 反向传播（backpropagation）. The table below is
        generated by `bpcore.glossary.table`.
        """,
    ),
    code(
        """
        Markdown(bpcore.glossary.table(LANG))
        """
    ),
    md(
        zh="""
        ## 下一步

        从[第1课：梯度下降与感知机](01_gradient_descent.ipynb)开始。
        """,
        en="""
        ## Next

        Start with [lesson 01: gradient descent and the perceptron](01_gradient_descent.ipynb).
        """,
    ),
]
