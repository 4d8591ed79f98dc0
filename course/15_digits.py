"""Lesson 15: real data. The 8×8 handwritten digits, shipped inside bpcore, learned by a
64-32-10 network with a softmax output and cross-entropy."""

from _cells import code, exercise, md

TITLE = dict(
    zh="真实数据：识别手写数字",
    en="Real data: handwritten digits",
)

CELLS = [
    md(
        zh=r"""
        **目标**：用`bpcore`训练一个真正的分类器：1797幅8×8的手写数字，10个类别。把数据分成训练集（training set）和测试集（test set），训练一个64-32-10网络（Sigmoid隐藏层，Softmax输出，交叉熵损失，小批量梯度下降），看训练集和测试集上的损失与准确率（accuracy）怎样随轮次变化，用混淆矩阵（confusion matrix）看它把哪些数字认错，再把第一层权重画成8×8的图。

        **前置知识**：小批量训练与轮次（第08课），Softmax与交叉熵（第13课）。
        """,
        en=r"""
        **Goal**: train a real classifier with `bpcore`: 1,797 handwritten digits of 8×8
        pixels, 10 classes. Split them into a training set and a test set, train a 64-32-10
        network (sigmoid hidden units, softmax output, cross-entropy loss, mini-batch gradient
        descent), follow loss and accuracy on both sets epoch by epoch, see from a confusion
        matrix which digits it mixes up, and draw the first layer's weights as 8×8 images.

        **Prerequisites**: mini-batch training and epochs (lesson 08), softmax and
        cross-entropy (lesson 13).
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

        from bpcore import classplots, digits, plots
        from bpcore.lessons import columns, say
        from bpcore.tables import Table


        def show(fig):
            return Image(plots.to_png(fig))
        """
    ),
    md(
        zh=r"""
        ## 1. 数据

        这套数据是UCI的optdigits（Alpaydin与Kaynak，1998年）的测试部分，scikit-learn以`load_digits`的名字附带它。每幅图是把一个32×32的黑白点阵分成4×4的小块，数每块里的黑点，所以每个像素是0到16的整数。`bpcore`自己带着一份（压缩后约45 KB，许可证CC BY 4.0，见`bpcore/data/README.md`），运行时不用下载，也不需要安装scikit-learn。`load_digits`把像素除以16，输入落在$[0,1]$里：
        """,
        en=r"""
        ## 1. The data

        The set is the test part of UCI's optdigits (Alpaydin and Kaynak, 1998), which
        scikit-learn ships as `load_digits`. Each image is a 32×32 black-and-white bitmap cut
        into 4×4 blocks, with the black dots of each block counted, so every pixel is an integer
        from 0 to 16. `bpcore` carries its own copy (about 45 KB compressed, licence CC BY 4.0,
        see `bpcore/data/README.md`), so nothing is downloaded at run time and scikit-learn is
        not needed. `load_digits` divides the pixels by 16, so the inputs lie in $[0, 1]$:
        """,
    ),
    code(
        """
        X, labels = digits.load_digits()
        say("15.inputs", lang=LANG, shape=X.shape, low=X.min(), high=X.max())
        say("15.per_digit", np.bincount(labels), lang=LANG)
        say("15.data_file", f"{digits.DATA.stat().st_size / 1000:.0f} KB", lang=LANG)
        show(classplots.digits_figure(X[:20], labels[:20], lang=LANG))
        """
    ),
    md(
        zh=r"""
        ## 2. 训练集与测试集

        网络在训练集上调整参数，所以训练集上的准确率会偏乐观。要知道它对**没见过的**数字表现如何，就得留出一部分样本，训练时完全不用：这就是测试集。这里用种子0随机留出四分之一。目标写成独热编码（第13课）：
        """,
        en=r"""
        ## 2. Training set and test set

        The network fits its parameters on the training set, so its accuracy there is
        optimistic. To learn how it does on digits it has **not** seen, hold some samples out
        and never train on them: the test set. Here a quarter is held out at random with
        seed 0. The targets are one-hot encoded (lesson 13):
        """,
    ),
    code(
        """
        train, test = digits.train_test_split(len(X), test_fraction=0.25, rng=0)
        Y = digits.one_hot(labels, 10)
        say("15.split", lang=LANG, n=len(train), m=len(test))
        say("15.first_sample", labels[0], Y[0], lang=LANG)
        """
    ),
    md(
        zh=r"""
        ## 3. 网络与训练

        64个输入（每个像素一个），32个Sigmoid隐藏层单元，10个输出经Softmax变成10个类别的概率，损失是交叉熵$E=-\sum_j y_j\ln\hat y_j$在批内的平均。小批量梯度下降：批量大小32，每轮打乱一次顺序（种子0），$\eta=0.5$，40轮；每轮保存一次参数，以便之后在测试集上逐轮评估。预测的类别是概率最大的那个输出。
        """,
        en=r"""
        ## 3. The network and its training

        64 inputs (one per pixel), 32 sigmoid hidden units, and 10 outputs turned into the
        probabilities of the 10 classes by a softmax; the loss is the cross-entropy
        $E = -\sum_j y_j\ln\hat y_j$ averaged over the batch. Mini-batch gradient descent:
        batches of 32, the order shuffled every epoch (seed 0), $\eta = 0.5$, 40 epochs; the
        parameters are saved after every epoch, to evaluate on the test set epoch by epoch
        afterwards. The predicted class is the output with the largest probability.
        """,
    ),
    code(
        """
        net = bpcore.Network.from_sizes((64, 32, 10), output_activation="softmax", rng=0)
        say("15.params", net.spec.n_params, lang=LANG)
        history = bpcore.train(net, X[train], Y[train], eta=0.5, epochs=40, mode="minibatch",
                               batch_size=32, shuffle=True, rng=0, loss="cross_entropy",
                               snapshot_every=1)
        say("15.iterations", bpcore.iterations_per_epoch(len(train), 32), lang=LANG)
        """
    ),
    code(
        """
        def evaluate(model, rows):
            loss = model.loss(X[rows], Y[rows], loss="cross_entropy")
            predicted = digits.predicted_class(model.predict(X[rows]))
            return loss, digits.accuracy(predicted, labels[rows])


        # zh: 每一轮之后的网络在训练集和测试集上的损失与准确率
        # en: loss and accuracy of the network after every epoch, on the training and the test set
        curves = np.array([[*evaluate(history.snapshot(k), train), *evaluate(history.snapshot(k), test)]
                           for k in history.snapshot_epochs])
        show(classplots.learning_curves_figure((curves[:, 0], curves[:, 2]), (curves[:, 1], curves[:, 3]),
                                               lang=LANG))
        """
    ),
    code(
        """
        Table(columns("15.curve_table", LANG), [(k, *curves[k, [0, 2, 1, 3]]) for k in (0, 1, 5, 10, 20, 40)], decimals=4, lang=LANG)
        """
    ),
    md(
        zh=r"""
        训练前，每个类别的概率都接近$\frac1{10}$，交叉熵接近$\ln10\approx2.30$，准确率和瞎猜差不多（10%左右）。第1轮几乎没有进展，此后准确率迅速上升，第10轮时测试集上已认对九成。再往后训练集损失一直往下走，测试集损失下降得慢得多，两条准确率曲线之间留出一道缝：网络对见过的样本比对没见过的更有把握。这道缝就是我们需要测试集的原因。小批量梯度下降每一步只看32个样本，所以曲线有起伏。

        ## 4. 它认错了什么

        混淆矩阵$C[i,j]$数的是测试集里真实数字为$i$、被预测成$j$的样本：对角线是认对的，其余格子是认错的。
        """,
        en=r"""
        Before training every class gets a probability near $\frac1{10}$, the cross-entropy is
        near $\ln 10 \approx 2.30$ and the accuracy is about that of guessing (around 10%). The
        first epoch makes hardly any progress; then accuracy climbs fast, and by epoch 10 nine
        test digits in ten are read correctly. After that the training loss keeps falling, the
        test loss falls much more slowly, and a gap opens between the two accuracy curves: the
        network is surer about samples it has seen than about new ones. That gap is why we need
        a test set. Each mini-batch step sees only 32 samples, hence the wiggles.

        ## 4. What it gets wrong

        The confusion matrix $C[i, j]$ counts the test samples whose true digit is $i$ and
        which were predicted as $j$: the diagonal holds the correct answers, every other cell a
        mistake.
        """,
    ),
    code(
        """
        model = history.net
        predicted = digits.predicted_class(model.predict(X[test]))
        C = digits.confusion_matrix(labels[test], predicted, 10)
        wrong = np.flatnonzero(predicted != labels[test])
        say("15.test_accuracy", lang=LANG, value=round(digits.accuracy(predicted, labels[test]), 4),
            n=len(wrong), m=len(test))
        off = C - np.diag(np.diag(C))
        i, j = np.unravel_index(np.argmax(off), off.shape)
        say("15.common_mistake", lang=LANG, k=i, l=j, n=off[i, j])
        show(classplots.confusion_figure(C, lang=LANG))
        """
    ),
    md(
        zh=r"""
        认错的那些测试样本（标签 → 预测）。有些连人也要犹豫一下：
        """,
        en=r"""
        The test samples it got wrong (label → prediction). Some of them would make a person
        hesitate too:
        """,
    ),
    code(
        """
        show(classplots.digits_figure(X[test][wrong], labels[test][wrong], predicted=predicted[wrong],
                                      lang=LANG))
        """
    ),
    md(
        zh=r"""
        ## 5. 第一层学到了什么

        隐藏层单元$h$的输入是$\alpha_h=\sum_i v_{ih}x_i$，64个权重$v_{1h},\dots,v_{64,h}$正好对应64个像素，所以可以把它们排回8×8画出来：红色是正权重（那里的黑点让$\alpha_h$变大），蓝色是负权重。每个单元在找某种笔画的组合；它们是从随机的初值学出来的，没有人告诉它笔画是什么。
        """,
        en=r"""
        Hidden unit $h$ receives $\alpha_h = \sum_i v_{ih}x_i$, and its 64 weights
        $v_{1h}, \dots, v_{64,h}$ match the 64 pixels one to one, so they can be laid back out as
        an 8×8 image: red is a positive weight (ink there raises $\alpha_h$), blue a negative
        one. Each unit looks for some combination of strokes; they were learned from random
        initial weights, and nobody told the network what a stroke is.
        """,
    ),
    code(
        """
        show(classplots.weights_figure(model.layers[0].W, lang=LANG))
        """
    ),
    md(
        zh=r"""
        ## 6. 换成平方误差会怎样

        第13课说，Sigmoid输出配平方误差时梯度多了一个因子$\hat y(1-\hat y)$，输出饱和时学得慢。同一个网络、同样的初值和批次，只把输出换成10个Sigmoid、损失换成平方误差，比较前10轮和40轮后的测试集准确率：
        """,
        en=r"""
        ## 6. What squared error would do

        Lesson 13 showed that with sigmoid outputs and squared error the gradient carries an
        extra factor $\hat y(1 - \hat y)$, which slows learning where the outputs saturate.
        Take the same network, initial weights and batches, change only the outputs to 10
        sigmoids and the loss to squared error, and compare the test accuracy after 10 and 40
        epochs:
        """,
    ),
    code(
        """
        net_se = bpcore.Network.from_sizes((64, 32, 10), output_activation="sigmoid", rng=0)
        history_se = bpcore.train(net_se, X[train], Y[train], eta=0.5, epochs=40, mode="minibatch",
                                  batch_size=32, shuffle=True, rng=0, loss="half_sse", snapshot_every=10)
        rows = [("softmax + cross-entropy", curves[10, 3], curves[40, 3]),
                ("sigmoid + ½(ŷ − y)²", *(evaluate(history_se.snapshot(k), test)[1] for k in (10, 40)))]
        Table(columns("15.compare_table", LANG), rows, decimals=4, lang=LANG)
        """
    ),
    md(
        zh=r"""
        10轮后，交叉熵已认对九成测试样本，平方误差还不到一半；40轮后交叉熵仍然领先。平方误差的10个Sigmoid输出一开始都在0.5附近，梯度里的$\hat y(1-\hat y)$把每一步缩小了四倍左右，而且还要各自饱和到0或1才算有把握。

        ## 小结

        - `bpcore.digits.load_digits`读取包里自带的8×8手写数字（1797幅，约45 KB，CC BY 4.0），不用下载，也不用scikit-learn。
        - 按种子随机留出测试集，训练时不用它；测试集上的损失和准确率才说明网络对新样本的表现。训练集与测试集之间的差距随训练变大。
        - 一个64-32-10网络（2410个参数，Sigmoid隐藏层，Softmax输出，交叉熵）用小批量梯度下降训练40轮，测试集准确率约97%。
        - 混淆矩阵显示哪些数字容易混淆；第一层权重排成8×8图，就是每个隐藏层单元寻找的笔画。
        - 同一个网络换成Sigmoid输出配平方误差，学得明显更慢：这是第13课的因子$\hat y(1-\hat y)$。

        ## 练习

        每个练习要你写一个函数，检查程序会在带种子的随机数据上把它和`bpcore`的计算比较。

        1. 写`answer(outputs, labels)`：`outputs`是形状$(m,10)$的网络输出，`labels`是$m$个真实数字，返回准确率。
        2. 写`answer(labels, predicted)`：返回$10\times10$的混淆矩阵$C$，$C[i,j]$是真实数字为$i$、预测为$j$的样本数。
        3. 写`answer(q)`：有偏置的64-$q$-10网络一共有多少个参数（权重加偏置）？用公式写出来。
        """,
        en=r"""
        After 10 epochs cross-entropy reads nine test digits in ten, squared error fewer than
        half; after 40 epochs cross-entropy is still ahead. The 10 sigmoid outputs of squared
        error all start near 0.5, where the factor $\hat y(1 - \hat y)$ in the gradient shrinks
        every step about fourfold, and each output has to saturate towards 0 or 1 on its own
        before the network is sure.

        ## Summary

        - `bpcore.digits.load_digits` reads the 8×8 handwritten digits shipped in the package
          (1,797 images, about 45 KB, CC BY 4.0): no download, no scikit-learn.
        - A seeded random test set is held out of training; only its loss and accuracy say how
          the network does on new samples. The gap between training and test set grows as
          training goes on.
        - A 64-32-10 network (2,410 parameters, sigmoid hidden units, softmax output,
          cross-entropy) trained by mini-batch gradient descent for 40 epochs reaches about 97%
          test accuracy.
        - The confusion matrix shows which digits get mixed up; the first layer's weights,
          laid out as 8×8 images, are the strokes each hidden unit looks for.
        - The same network with sigmoid outputs and squared error learns markedly slower:
          lesson 13's factor $\hat y(1 - \hat y)$.

        ## Exercises

        Each exercise asks for a function; the checker compares it with `bpcore`'s computation
        on seeded random data.

        1. Write `answer(outputs, labels)`: `outputs` are network outputs of shape $(m, 10)$,
           `labels` the $m$ true digits; return the accuracy.
        2. Write `answer(labels, predicted)`: return the $10\times10$ confusion matrix $C$, with
           $C[i, j]$ the number of samples of true digit $i$ predicted as $j$.
        3. Write `answer(q)`: how many parameters (weights plus biases) does a 64-$q$-10
           network with biases have? As a formula.
        """,
    ),
    *exercise(
        "15-accuracy",
        answer="answer",
        source="""
        # zh: 练习1：准确率
        # en: Exercise 1: the accuracy
        def answer(outputs, labels):
            ### BEGIN SOLUTION
            return np.mean(np.argmax(outputs, axis=1) == labels)
            ### END SOLUTION
        """,
    ),
    *exercise(
        "15-confusion",
        answer="answer",
        source="""
        # zh: 练习2：10×10 混淆矩阵
        # en: Exercise 2: the 10×10 confusion matrix
        def answer(labels, predicted):
            ### BEGIN SOLUTION
            C = np.zeros((10, 10), dtype=int)
            for i, j in zip(labels, predicted):
                C[i, j] += 1
            return C
            ### END SOLUTION
        """,
    ),
    *exercise(
        "15-params",
        answer="answer",
        source="""
        # zh: 练习3：64-q-10 网络的参数个数
        # en: Exercise 3: the parameters of a 64-q-10 net
        def answer(q):
            ### BEGIN SOLUTION
            return (64 + 1) * q + (q + 1) * 10
            ### END SOLUTION
        """,
    ),
]
