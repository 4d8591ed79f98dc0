"""The course's glossary (术语表): one term per concept, in Chinese and English.

Lessons use exactly these terms; the first use in a Chinese lesson is written
术语（term）, e.g. 反向传播（backpropagation）.

Examples
--------
>>> TERMS["learning_rate"].zh, TERMS["learning_rate"].en
('学习率', 'learning rate')
>>> print(table("en").splitlines()[0])
| term | 术语 | symbol | meaning |
"""

from .glossary_core import CORE_TERMS, Term, _t
from .i18n import DEFAULT_LANG

__all__ = ["TERMS", "Term", "table"]

TERMS = dict(
    [
        *CORE_TERMS,
        _t(
            "dummy",
            "哑结点",
            "dummy node",
            "x_0 = −1",
            "值固定的输入，其权重扮演阈值或偏置",
            "an input of fixed value whose weight plays the threshold or bias",
        ),
        _t(
            "step_function",
            "阶跃函数",
            "step function",
            "sgn",
            "输入非负时输出1，否则输出0",
            "outputs 1 for a non-negative input, else 0",
        ),
        _t(
            "identity_function",
            "恒等函数",
            "identity function",
            "f(x) = x",
            "输出等于输入的激活函数",
            "the activation whose output equals its input",
        ),
        _t(
            "tanh",
            "双曲正切",
            "hyperbolic tangent",
            "tanh",
            "取值在(−1, 1)的S形函数，f' = 1 − f²",
            "the S-shaped function onto (−1, 1), with f' = 1 − f²",
        ),
        _t(
            "overflow",
            "上溢",
            "overflow",
            "",
            "数值超出浮点数能表示的范围",
            "a value beyond the range floating-point numbers can hold",
        ),
        _t(
            "saturation",
            "饱和",
            "saturation",
            "",
            "输入很大或很小时激活函数几乎不变，导数接近0",
            "an activation barely changing for very large or small inputs, its derivative near 0",
        ),
        _t(
            "notation",
            "记号",
            "notation",
            "",
            "为同一量选定的符号",
            "the symbols chosen for a quantity",
        ),
        _t(
            "ledger",
            "核对表",
            "ledger",
            "",
            "逐项对照已发表数值与重新计算的数值",
            "published numbers set against recomputed ones, item by item",
        ),
        _t(
            "affine",
            "仿射函数",
            "affine function",
            "f(x) = Ax + c",
            "线性映射加常数；线性层的复合仍是仿射函数",
            "a linear map plus a constant; composing linear layers gives one again",
        ),
        _t(
            "least_squares",
            "最小二乘",
            "least squares",
            "min Σ (ŷ − y)²",
            "使误差平方和最小的拟合",
            "the fit that minimises the sum of squared errors",
        ),
        _t(
            "symmetry_breaking",
            "对称性破缺",
            "symmetry breaking",
            "",
            "用不同的初始权重让隐藏层单元学到不同的特征",
            "different initial weights so that hidden units learn different features",
        ),
        _t(
            "truncation_error",
            "截断误差",
            "truncation error",
            "O(ε²)",
            "差商忽略高阶项带来的误差",
            "the error of a difference quotient from the higher-order terms it drops",
        ),
        _t(
            "rounding_error",
            "舍入误差",
            "rounding error",
            "O(u·|E|/ε)",
            "浮点数有限精度带来的误差：损失值本身的舍入（单位舍入误差u约为1.1×10⁻¹⁶）被差商除以ε放大",
            "the error from the finite precision of floating-point numbers: the rounding of the"
            " loss itself (unit roundoff u ≈ 1.1e-16) magnified by the difference quotient's"
            " division by ε",
        ),
        _t(
            "autograd",
            "自动微分",
            "autograd",
            "",
            "由程序自动对计算图反向求导（如PyTorch）",
            "derivatives a program computes backwards through its graph (as PyTorch does)",
        ),
        _t(
            "error_term",
            "误差项",
            "error term",
            "δ⁽ˡ⁾ = ∂E_k/∂z⁽ˡ⁾",
            "损失对第l层激活函数输入的导数；教材的g_j、e_h是它的相反数",
            "the derivative of the loss with respect to layer l's pre-activation; the "
            "textbook's g_j and e_h are its negatives",
        ),
        _t(
            "matrix_form",
            "矩阵形式",
            "matrix form",
            "δ⁽ˡ⁾ = (δ⁽ˡ⁺¹⁾W⁽ˡ⁺¹⁾ᵀ) ⊙ f′(z⁽ˡ⁾)",
            "把逐个下标的公式写成整批样本、整层单元的矩阵乘法",
            "the index-by-index formulas written as matrix products over a whole batch and layer",
        ),
        # lessons 13 and 15: cross-entropy, softmax, real data
        _t(
            "cross_entropy",
            "交叉熵",
            "cross-entropy",
            "−Σ y ln ŷ",
            "以目标为权重的输出概率的负对数之和；逻辑回归的代价函数",
            "minus the log of the probability given to the target; logistic regression's cost",
        ),
        _t(
            "softmax",
            "Softmax函数",
            "softmax",
            "e^(β_j) / Σ_k e^(β_k)",
            "把一组得分变成和为1的正数（各类的概率）",
            "turns a vector of scores into positive numbers that sum to 1 (class probabilities)",
        ),
        _t(
            "one_hot",
            "独热编码",
            "one-hot encoding",
            "",
            "类别k写成第k位为1、其余为0的向量",
            "class k written as a vector with 1 in place k and 0 elsewhere",
        ),
        _t(
            "training_set",
            "训练集",
            "training set",
            "",
            "用来更新参数的样本",
            "the samples the parameters are fitted to",
        ),
        _t(
            "test_set",
            "测试集",
            "test set",
            "",
            "训练时不用、只用来评估的样本",
            "samples held out of training, used only to evaluate",
        ),
        _t(
            "accuracy",
            "准确率",
            "accuracy",
            "",
            "预测类别与真实类别相同的样本所占比例",
            "the fraction of samples whose predicted class is the true one",
        ),
        _t(
            "confusion_matrix",
            "混淆矩阵",
            "confusion matrix",
            "C[i, j]",
            "真实类别为i、预测为j的样本数",
            "how many samples of true class i were predicted as j",
        ),
        _t(
            "vanishing_gradient",
            "梯度消失",
            "vanishing gradient",
            "σ′ ≤ ¼",
            "反向传播每过一层都乘以激活函数的导数，深层网络靠近输入的层梯度变得极小",
            "backpropagation multiplies by the activation's derivative at every layer, so the"
            " layers near the input of a deep net get tiny gradients",
        ),
        _t(
            "xavier_init",
            "Xavier初始化",
            "Xavier initialisation",
            "Var(w) = 1/n_in",
            "让每层加权和的方差与输入的方差相同的权重尺度",
            "the weight scale that keeps each layer's weighted sums as spread out as its inputs",
        ),
        _t(
            "he_init",
            "He初始化",
            "He initialisation",
            "Var(w) = 2/n_in",
            "为ReLU补上被置零的一半：权重方差取Xavier的两倍",
            "twice Xavier's weight variance, making up for the half that ReLU sets to zero",
        ),
        _t(
            "learning_rate_sweep",
            "学习率扫描",
            "learning-rate sweep",
            "η₁, …, η_R",
            "用许多个学习率训练同一个网络（可以一起训练），看训练在哪里收敛、震荡、发散",
            "the same net trained with many learning rates (possibly all at once) to see where"
            " training converges, oscillates, diverges",
        ),
        _t(
            "oscillation",
            "震荡",
            "oscillation",
            "1/E″ < η < 2/E″",
            "每一步都越过最小值，来回跳动",
            "every step jumping over the minimum, back and forth",
        ),
        _t(
            "hessian",
            "黑塞矩阵",
            "Hessian",
            "H = ∂²E/∂θ∂θᵀ, λ_max",
            "损失的全部二阶偏导数组成的矩阵；最大特征值λ_max是最陡方向的曲率，"
            "二次函数上η < 2/λ_max才稳定",
            "the matrix of the loss's second partial derivatives; its largest eigenvalue λ_max is"
            " the curvature of the steepest direction, and on a quadratic η < 2/λ_max is stable",
        ),
        # lesson 17: BP in practice (西瓜书 §5.3–5.4)
        _t(
            "overfitting",
            "过拟合",
            "overfitting",
            "",
            "训练误差继续下降而验证（测试）误差上升：网络记住了训练集的噪声",
            "the training error keeps falling while the validation (test) error rises",
        ),
        _t(
            "validation_set",
            "验证集",
            "validation set",
            "",
            "从训练数据中留出、不用于更新参数，只用来估计误差（如决定何时早停）的样本",
            "samples held out of the training data to estimate the error, e.g. to stop early",
        ),
        _t(
            "early_stopping",
            "早停",
            "early stopping",
            "",
            "验证误差不再下降时停止训练，返回验证误差最小时的参数",
            "stop when the validation error stops falling; keep the parameters of its minimum",
        ),
        _t(
            "weight_decay",
            "权重衰减（正则化）",
            "weight decay (regularisation)",
            "λE + (1 − λ) Σ w_i²",
            "在误差上加参数平方和，每步把参数按比例缩小（式5.17）",
            "adds the sum of squared parameters to the error, shrinking them each step (eq. 5.17)",
        ),
        _t(
            "local_minimum",
            "局部极小",
            "local minimum",
            "",
            "邻域内误差最小、但不一定是全局最小的点；梯度在那里为0",
            "a point of least error in its neighbourhood, not necessarily the global minimum",
        ),
        _t(
            "simulated_annealing",
            "模拟退火",
            "simulated annealing",
            "exp(−ΔE / T)",
            "以随温度降低而变小的概率接受更差的解，以跳出局部极小",
            "accepts worse points with a probability that shrinks as the temperature falls",
        ),
        _t(
            "sgd",
            "随机梯度下降",
            "stochastic gradient descent (SGD)",
            "",
            "每轮随机打乱样本顺序（或随机抽样）后逐个更新；固定顺序的标准BP没有随机性",
            "one-by-one updates, the order shuffled anew each epoch; fixed-order BP is not random",
        ),
    ]
)


def table(lang=DEFAULT_LANG):
    """The glossary as a Markdown table, Chinese term and English term side by side.

    Parameters
    ----------
    lang : {"zh", "en"}
        Language of the header and of the meaning column.
    """
    if lang == "zh":
        rows = ["| 术语 | term | 符号 | 含义 |", "|---|---|---|---|"]
        rows += [
            f"| {t.zh} | {t.en} | {_cell(t.symbol)} | {_cell(t.meaning_zh)} |"
            for t in TERMS.values()
        ]
    else:
        rows = ["| term | 术语 | symbol | meaning |", "|---|---|---|---|"]
        rows += [
            f"| {t.en} | {t.zh} | {_cell(t.symbol)} | {_cell(t.meaning_en)} |"
            for t in TERMS.values()
        ]
    return "\n".join(rows)


def _cell(text):
    # a bare | would end the Markdown table cell
    return text.replace("|", "\\|")
