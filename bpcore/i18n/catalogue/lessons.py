"""Words of the lessons' code cells (:mod:`bpcore.lessons`): ``lesson.NN.name``, and
``lesson.all.name`` for a text several lessons use."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- lesson code cells (bpcore.lessons): "lesson.NN.name"; "lesson.all.name" for several ---
    "lesson.all.max_rel_err": {"zh": "最大相对误差", "en": "max relative error"},
    "lesson.01.numeric": {"zh": "中心差分 ", "en": "numeric  "},
    "lesson.01.slow": {"zh": "太小：挪得很慢", "en": "too small: crawls"},
    "lesson.01.good": {"zh": "合适：很快到达", "en": "about right: gets there fast"},
    "lesson.01.overshoot": {
        "zh": "偏大：越过最小值来回跳",
        "en": "large: overshoots, bounces back",
    },
    "lesson.01.diverge": {"zh": "太大：越跳越远（发散）", "en": "too large: diverges"},
    "lesson.01.steps": {"zh": "步数", "en": "steps"},
    "lesson.01.sample_table": {
        "zh": "样本 x | y | ŷ | w̃ 更新后 (w1, w2, θ)",
        "en": "sample x | y | ŷ | w̃ after (w1, w2, θ)",
    },
    "lesson.01.epoch_table": {
        "zh": "轮次 | w1 | w2 | θ = w3 | 错误数",
        "en": "epoch | w1 | w2 | θ = w3 | mistakes",
    },
    "lesson.01.converged_after": {
        "zh": "收敛：{converged}，共 {epochs} 轮",
        "en": "converged: {converged}, after {epochs} epochs",
    },
    "lesson.01.converged": {"zh": "收敛", "en": "converged"},
    "lesson.01.last_mistakes": {"zh": "最后8轮的错误数", "en": "mistakes in the last 8 epochs"},
    "lesson.02.y_hat_is": {"zh": "（ŷ 为神经元的输出）", "en": "(ŷ is the neuron's output)"},
    "lesson.02.derivative_table": {
        "zh": "z | ŷ = f(z) | ŷ(1 − ŷ) | f'(z) | 中心差分",
        "en": "z | ŷ = f(z) | ŷ(1 − ŷ) | f'(z) | central difference",
    },
    "lesson.02.output_vs_numeric": {
        "zh": "最大相对误差（输出形式 vs 中心差分）",
        "en": "max relative error (output form vs central differences)",
    },
    "lesson.03.ours_vs_published": {
        "zh": "{name}：{value:g}（教程：{text}）",
        "en": "{name}: {value:g} (published: {text})",
    },
    "lesson.03.exact": {"zh": "精确值", "en": "exact values"},
    "lesson.03.numeric": {
        "zh": "中心差分 (∂f/∂w, ∂f/∂b)：",
        "en": "central differences (∂f/∂w, ∂f/∂b):",
    },
    "lesson.03.max_rel_err": {"zh": "最大相对误差：", "en": "max relative error:"},
    "lesson.all.epoch_one_update": {"zh": "轮次（每轮一次更新）", "en": "epoch (one update each)"},
    "lesson.05.slope": {
        "zh": "中心差分量出的斜率 ∂E/∂w5 ≈",
        "en": "slope by central difference ∂E/∂w5 ≈",
    },
    "lesson.05.tangent_title": {
        "zh": "E_total 随 w5 变化（切线斜率 = ∂E/∂w5）",
        "en": "E_total against w5 (tangent slope = ∂E/∂w5)",
    },
    "lesson.05.product": {"zh": "三个因子之积", "en": "product of the three factors"},
    "lesson.05.engine": {"zh": "引擎的 ∂E/∂w5 ", "en": "engine's ∂E/∂w5            "},
    "lesson.05.numeric": {"zh": "中心差分     ", "en": "central difference          "},
    "lesson.05.chain_minus_direct": {
        "zh": "链式法则 − 直接求导 =",
        "en": "chain rule − direct derivative =",
    },
    "lesson.05.method": {"zh": "方法：{method}", "en": "method: {method}"},
    "lesson.05.bias_table": {
        "zh": "参数 | 偏置不训练 | 偏置参与训练",
        "en": "parameter | biases frozen | biases trained",
    },
    "lesson.05.frozen": {"zh": "偏置不训练", "en": "biases frozen"},
    "lesson.05.trained": {"zh": "偏置参与训练", "en": "biases trained"},
    "lesson.05.log_title": {"zh": "E_total（对数刻度）", "en": "E_total (log scale)"},
    "lesson.05.no_torch": {
        "zh": "已跳过：未安装PyTorch（可选依赖：pip install torch）。",
        "en": "Skipped: PyTorch is not installed (optional: pip install torch).",
    },
    "lesson.05.torch_agrees": {
        "zh": "所有参数与bpcore相差不超过1e-12：",
        "en": "every parameter within 1e-12 of bpcore:",
    },
    "lesson.07.forward_agrees": {
        "zh": "教程的前向计算表：{n} / {m} 个数在公布精度下一致",
        "en": "the tutorial's forward table: {n} / {m} numbers agree at the published precision",
    },
    "lesson.07.gradient_table": {
        "zh": "导数 | 乘积的平均（引擎） | 中心差分 | 平均的乘积（教程）",
        "en": "derivative | mean of products (engine) | central difference"
        " | product of means (tutorial)",
    },
    "lesson.07.mean_of_products": {
        "zh": "乘积的平均  mean(a·b·h1) =",
        "en": "mean of products   mean(a·b·h1) =",
    },
    "lesson.07.product_of_means": {
        "zh": "平均的乘积  mean(a)·mean(b)·mean(h1) =",
        "en": "product of means   mean(a)·mean(b)·mean(h1) =",
    },
    "lesson.07.one_sample": {
        "zh": "只有一个样本时两者相等：",
        "en": "with one sample they coincide:",
    },
    "lesson.07.reason_item": {
        "zh": "- **{label}**（{published}）：{reason}",
        "en": "- **{label}** ({published}): {reason}",
    },
    "lesson.07.epoch_table": {
        "zh": "轮次 | 损失E | y（三个样本）",
        "en": "epoch | loss E | y (three samples)",
    },
    "lesson.07.target": {"zh": "目标t", "en": "target t"},
    "lesson.07.loss_title": {
        "zh": "批量梯度下降，η = {eta}",
        "en": "Batch gradient descent, η = {eta}",
    },
    "lesson.15.inputs": {
        "zh": "输入：{shape}，像素从{low}到{high}",
        "en": "inputs: {shape}, pixels from {low} to {high}",
    },
    "lesson.15.per_digit": {"zh": "每个数字的样本数：", "en": "samples per digit:"},
    "lesson.15.data_file": {"zh": "数据文件：", "en": "data file:"},
    "lesson.15.split": {"zh": "训练集：{n}，测试集：{m}", "en": "training set: {n}, test set: {m}"},
    "lesson.15.first_sample": {
        "zh": "第一个样本的标签与独热目标：",
        "en": "first sample's label and one-hot target:",
    },
    "lesson.15.params": {"zh": "参数个数：", "en": "parameters:"},
    "lesson.15.iterations": {"zh": "每轮迭代次数：", "en": "iterations per epoch:"},
    "lesson.15.test_accuracy": {
        "zh": "测试集准确率：{value}（{m}个中认错{n}个）",
        "en": "test accuracy: {value} ({n} of {m} wrong)",
    },
    "lesson.15.common_mistake": {
        "zh": "最常见的错误：把{k}认成{l}，{n}次",
        "en": "most common mistake: {k} read as {l}, {n} times",
    },
    "lesson.15.curve_table": {
        "zh": "轮次 | 训练集损失 | 测试集损失 | 训练集准确率 | 测试集准确率",
        "en": "epoch | training loss | test loss | training accuracy | test accuracy",
    },
    "lesson.15.compare_table": {
        "zh": "输出 + 损失 | 10轮后 | 40轮后",
        "en": "output + loss | after 10 epochs | after 40 epochs",
    },
    "lesson.12.timed": {
        "zh": "n = {n:5d}: 反向传播 = {first:.1f} 次前向传播，中心差分 = {last:.0f} 次前向传播",
        "en": "n = {n:5d}: backprop = {first:.1f} forward passes,"
        " central differences = {last:.0f} forward passes",
    },
    "lesson.12.memory": {
        "zh": "激活值共 {n} 字节；参数共 {m} 字节",
        "en": "activations in all: {n} bytes; parameters: {m} bytes",
    },
    "lesson.12.shape_table": {
        "zh": "层 l | W⁽ˡ⁾ | a⁽ˡ⁻¹⁾ | a⁽ˡ⁾ | δ⁽ˡ⁾ | ∂E/∂W⁽ˡ⁾ | ∂E/∂b⁽ˡ⁾",
        "en": "layer l | W⁽ˡ⁾ | a⁽ˡ⁻¹⁾ | a⁽ˡ⁾ | δ⁽ˡ⁾ | ∂E/∂W⁽ˡ⁾ | ∂E/∂b⁽ˡ⁾",
    },
    "lesson.12.compare_table": {
        "zh": "量 | 矩阵形式 | 教材 | 两者之差",
        "en": "quantity | matrix form | textbook | difference",
    },
    "lesson.12.textbook_table": {
        "zh": "教材的量 | 形状 | 与矩阵形式之差",
        "en": "textbook quantity | shape | differs from the matrix form by",
    },
    "lesson.12.networks_table": {
        "zh": "网络 | 激活函数 | 层数 L | 参数 n | 与引擎的相对误差 | 与中心差分的相对误差",
        "en": "network | activation | layers L | parameters n | vs engine | vs central differences",
    },
    "lesson.12.cost_table": {
        "zh": "网络 | 参数 n | 中心差分：前向传播次数 | 反向传播：折合前向传播次数"
        " | 乘加次数之比 | 两种梯度之差",
        "en": "network | parameters n | central differences: forward passes"
        " | backprop: in forward passes | multiply-add ratio | gradients differ by",
    },
    "lesson.12.memory_table": {
        "zh": "a⁽ˡ⁾ | 形状 | 字节（公式 m·n_l·8） | 字节（实际数组）",
        "en": "a⁽ˡ⁾ | shape | bytes (formula m·n_l·8) | bytes (actual arrays)",
    },
    "lesson.13.half_sse": {"zh": "平方误差", "en": "squared error"},
    "lesson.13.cross_entropy": {"zh": "交叉熵", "en": "cross-entropy"},
    "lesson.13.start_table": {
        "zh": "损失 | 起点的 ŷ | 起点的 ∂E/∂β | ŷ 首次超过 0.5 的轮次 | 2000 轮后的 ŷ",
        "en": "loss | ŷ at the start | ∂E/∂β at the start | first epoch with ŷ > 0.5"
        " | ŷ after 2000 epochs",
    },
    "lesson.13.ce_minus_claim": {
        "zh": "交叉熵：∂E/∂β − (ŷ − y) =",
        "en": "cross-entropy: ∂E/∂β − (ŷ − y) =",
    },
    "lesson.13.se_minus_claim": {
        "zh": "平方误差：∂E/∂β − (ŷ − y)ŷ(1 − ŷ) =",
        "en": "squared error: ∂E/∂β − (ŷ − y)ŷ(1 − ŷ) =",
    },
    "lesson.13.proof_table": {
        "zh": "输出 + 损失 | ∂E/∂β（化简后） | 推导 − 结论 | 成立",
        "en": "output + loss | ∂E/∂β (simplified) | derived − claimed | holds",
    },
    "lesson.13.formula_table": {
        "zh": "损失 | E | ∂E/∂β（反向传播） | 公式 | 公式的值",
        "en": "loss | E | ∂E/∂β (backprop) | formula | its value",
    },
    "lesson.13.g_table": {
        "zh": "j | ŷ_j | y_j | g_j（平方误差，式5.10） | g_j（交叉熵） | y_j − ŷ_j",
        "en": "j | ŷ_j | y_j | g_j (squared error, eq. 5.10) | g_j (cross-entropy) | y_j − ŷ_j",
    },
    "lesson.13.params": {"zh": "参数个数：", "en": "parameters:"},
    "lesson.13.passed": {
        "zh": "最大相对误差小于 1e-7：",
        "en": "largest relative error below 1e-7:",
    },
    "lesson.13.delta_table": {
        "zh": "输出激活 | 损失 | ŷ | δ = ∂E/∂z | ŷ − y | E",
        "en": "output | loss | ŷ | δ = ∂E/∂z | ŷ − y | E",
    },
    "lesson.13.chain_rule": {"zh": "链式法则：", "en": "chain rule:"},
    "lesson.13.huge_scores": {"zh": "得分 ±10⁶ 时：", "en": "scores ±10⁶:"},
    "lesson.13.row_sums": {"zh": "每行输出之和：", "en": "each output row sums to:"},
    "lesson.11.at_1e4": {
        "zh": "ε = 1e-4 时的最大相对误差：",
        "en": "largest relative error at ε = 1e-4:",
    },
    "lesson.11.between": {"zh": "介于1e-9与1e-8之间", "en": "between 1e-9 and 1e-8"},
    "lesson.11.check_table": {
        "zh": "参数 | 反向传播 a | 中心差分 n | 相对误差",
        "en": "parameter | backprop a | central difference n | relative error",
    },
    "lesson.11.max_and_passed": {
        "zh": "最大相对误差 {err}   通过（< 1e-7）：{value}",
        "en": "max relative error {err}   passed (< 1e-7): {value}",
    },
    "lesson.11.right": {"zh": "✔ 正确", "en": "✔ right"},
    "lesson.11.suspicious": {"zh": "? 可疑", "en": "? suspicious"},
    "lesson.11.bug": {"zh": "✘ 有错", "en": "✘ bug"},
    "lesson.11.bug_table": {
        "zh": "参数 | 中心差分 | 正确的反向传播 | 相对误差 | 写错的反向传播 | 相对误差 | 判断",
        "en": "parameter | central difference | right backprop | rel. error | broken backprop"
        " | rel. error | verdict",
    },
    "lesson.11.after_200": {
        "zh": "200步后的损失E：正确的梯度{first}，写错的梯度{last}",
        "en": "E after 200 steps: {first} (right gradient), {last} (broken gradient)",
    },
    "lesson.11.missing": {"zh": "漏了 b(1 − b)", "en": "b(1 − b) missing"},
    "lesson.11.right_gradient": {"zh": "正确的梯度", "en": "right gradient"},
    "lesson.11.gd_steps": {"zh": "梯度下降步数", "en": "gradient-descent steps"},
    "lesson.11.routes_table": {
        "zh": "参数 | 符号（SymPy） | 数值（引擎） | 有限差分",
        "en": "parameter | symbolic (SymPy) | numeric (engine) | finite differences",
    },
    "lesson.11.symbolic_numeric": {
        "zh": "符号 vs 数值：最大相对误差 {err}",
        "en": "symbolic vs numeric: max relative error {err}",
    },
    "lesson.11.numeric_finite": {
        "zh": "数值 vs 有限差分：最大相对误差 {err}",
        "en": "numeric vs finite differences: max relative error {err}",
    },
    "lesson.11.symbolic_finite": {
        "zh": "符号 vs 有限差分：最大相对误差 {err}",
        "en": "symbolic vs finite differences: max relative error {err}",
    },
    "lesson.11.no_torch": {
        "zh": "没有安装PyTorch：跳过。",
        "en": "PyTorch is not installed: skipped.",
    },
    "lesson.11.autograd_engine": {
        "zh": "自动微分 vs 引擎：最大相对误差",
        "en": "autograd vs engine: max relative error",
    },
    "plot.descent.w": {"zh": "参数 w", "en": "parameter w"},
    "plot.descent.loss": {"zh": "损失 E(w)", "en": "loss E(w)"},
    "plot.descent.k": {"zh": "步数 k", "en": "step k"},
    "plot.descent.loss_k": {"zh": "损失 E(w_k)", "en": "loss E(w_k)"},
    "plot.descent.start": {"zh": "起点", "en": "start"},
    "plot.descent.off_plot": {
        "zh": "（后面的点已超出画面）",
        "en": "(later points are off the plot)",
    },
    "plot.descent.title": {"zh": "η = {eta:.3g}：{verdict}", "en": "η = {eta:.3g}: {verdict}"},
    "plot.stepsize.second_order": {"zh": "二阶中心差分", "en": "central difference (order 2)"},
    "plot.stepsize.fourth_order": {"zh": "四阶模板", "en": "order-4 stencil"},
    "plot.stepsize.title": {
        "zh": "中心差分的误差与步长 ε",
        "en": "Error of central differences vs step ε",
    },
    "plot.stepsize.step": {"zh": "步长 ε", "en": "step ε"},
    "plot.stepsize.error": {"zh": "最大相对误差", "en": "largest relative error"},
    "plot.sigmoid.step": {"zh": "阶跃函数", "en": "step"},
    "plot.sigmoid.f": {"zh": "Sigmoid函数 f(z)", "en": "sigmoid f(z)"},
    "plot.sigmoid.prime": {"zh": "导数 f'(z)", "en": "derivative f'(z)"},
    "plot.sigmoid.z": {"zh": "加权和 z", "en": "weighted sum z"},
    "plot.sigmoid.left": {"zh": "阶跃与Sigmoid", "en": "Step and sigmoid"},
    "plot.sigmoid.right": {"zh": "Sigmoid及其导数", "en": "The sigmoid and its derivative"},
    "plot.sigmoid.peak": {"zh": "最大值 f'(0) = {value:g}", "en": "maximum f'(0) = {value:g}"},
    "plot.sigmoid.activation": {"zh": "激活函数 f(z)", "en": "activation f(z)"},
    "plot.sigmoid.from_output": {
        "zh": "导数 f'(z)（由输出算出）",
        "en": "derivative f'(z) (from the output)",
    },
    "lesson.00.outputs": {"zh": "训练后的输出", "en": "outputs after training"},
    "lesson.00.targets": {"zh": "目标值", "en": "targets"},
    "lesson.04.weight": {"zh": "权重", "en": "weight"},
    "lesson.04.value": {"zh": "取值", "en": "value"},
    "lesson.04.bit_equal": {
        "zh": "与偏置形式的输出逐位相同：",
        "en": "bit-for-bit equal to the bias form:",
    },
    "lesson.08.batch_table": {
        "zh": "批量大小 B | 每轮迭代数 | 最后一批 | 10轮迭代数 | N // B + 1",
        "en": "batch size B | iterations per epoch | last batch | in 10 epochs | N // B + 1",
    },
    "lesson.08.mode_table": {
        "zh": "训练方式 | 批量大小 | 每轮迭代数 | 共更新 | 第1轮后 E | 第10轮后 E | 第40轮后 E",
        "en": "training | batch size | iterations/epoch | updates | E after 1 | E after 10"
        " | E after 40",
    },
    "lesson.08.same_updates_table": {
        "zh": "训练方式 | 轮数 | 更新次数 | 处理的样本次数 | 最终 E（整个训练集）",
        "en": "training | epochs | updates | samples processed | final E (whole set)",
    },
    "lesson.09.best_affine": {"zh": "最好的仿射拟合的输出：", "en": "best affine fit:"},
    "lesson.09.its_loss": {"zh": "它的损失：", "en": "its loss:"},
    "lesson.09.after_500": {"zh": "训练500轮后网络的损失：", "en": "network after 500 epochs:"},
    "lesson.09.params": {"zh": "参数：", "en": "parameters:"},
    "lesson.09.degree": {"zh": "对 (x1, x2) 的次数：", "en": "degree in (x1, x2):"},
    "lesson.09.network": {"zh": "网络：", "en": "network:"},
    "lesson.09.xor": {"zh": "异或：", "en": "XOR:    "},
    "lesson.09.outputs": {"zh": "输出：", "en": "outputs:"},
    "lesson.09.hidden_after": {
        "zh": "训练后的隐藏层权重：",
        "en": "hidden weights after training:",
    },
    "lesson.09.xor_table": {"zh": "x₁ | x₂ | 网络输出 | 异或", "en": "x₁ | x₂ | network | XOR"},
    "plot.graph.title": {
        "zh": "计算图：x = {x}，w = {w}，b = {b}（蓝：局部导数；红：∂f/∂·）",
        "en": "Computational graph at x = {x}, w = {w}, b = {b}"
        " (blue: local derivatives; red: ∂f/∂·)",
    },
    "lesson.14.layer_axis": {
        "zh": "第l层（1 = 最靠近输入）",
        "en": "layer l (1 = next to the input)",
    },
    "lesson.14.per_layer_title": {"zh": "每一层的梯度大小", "en": "Gradient size per layer"},
    "lesson.14.ratio_table": {
        "zh": "隐藏层激活 | 第1层 | 第8层 | 第1层 ÷ 第8层",
        "en": "hidden activation | layer 1 | layer 8 | layer 1 ÷ layer 8",
    },
    "lesson.14.tanh_small": {"zh": "tanh，标准差 0.1/√n", "en": "tanh, std 0.1/√n"},
    "lesson.14.tanh_large": {"zh": "tanh，标准差 5/√n", "en": "tanh, std 5/√n"},
    "lesson.14.activation_init": {"zh": "激活与初始化", "en": "activation and initialisation"},
    "lesson.14.ones_xor": {"zh": "全1，异或", "en": "all ones, XOR"},
    "lesson.14.ones_and_not": {"zh": "全1，x₁且非x₂", "en": "all ones, x₁ and not x₂"},
    "lesson.14.uneven_xor": {"zh": "输出权重1、2、3，异或", "en": "output weights 1, 2, 3, XOR"},
    "lesson.14.symmetry_table": {
        "zh": "初值与数据 | 单元之间的最大差 | v₁ₕ与v₂ₕ的最大差 | 3000轮后的损失",
        "en": "start and data | largest difference between units | largest |v₁ₕ − v₂ₕ|"
        " | loss after 3000 epochs",
    },
    "lesson.10.setting_table": {"zh": "设置 | 作用", "en": "setting | what it does"},
    "lesson.10.mode_table": {
        "zh": "选项 | 批量大小 | bpcore.train 的 mode",
        "en": "option | batch size | bpcore.train mode",
    },
    "lesson.10.button_table": {"zh": "按钮 | 作用", "en": "button | what it does"},
    "lesson.10.example_table": {
        "zh": "名字 | 教程 | 内容 | 网络 | η | 训练方式 | 训练阈值/偏置",
        "en": "name | tutorial | what | network | η | mode | offsets trained",
    },
    "lesson.10.step_table": {
        "zh": "权重 | 教程公布 | 训练场单步之后",
        "en": "weight | published | playground after one step",
    },
    "lesson.10.after_200": {"zh": "训练200轮后 E =", "en": "E after 200 epochs ="},
    "lesson.10.playground": {"zh": "训练场", "en": "playground"},
    "lesson.06.proof_table": {
        "zh": "证明的量 | 推导结果 − 教材公式 | 成立",
        "en": "what is proven | derived − textbook | holds",
    },
    "lesson.06.whole_expression": {
        "zh": "整体求导（符号规模）：",
        "en": "whole expression (symbolic sizes):",
    },
    "lesson.06.concrete_sizes": {"zh": "具体规模", "en": "concrete sizes"},
    "lesson.06.all_hold": {"zh": "个参数，全部成立：", "en": "parameters, all hold:"},
    "lesson.06.standard": {"zh": "标准BP", "en": "standard BP"},
    "lesson.06.accumulated": {"zh": "累积BP", "en": "accumulated BP"},
    "lesson.06.method_table": {
        "zh": "做法 | 每轮更新次数 | 总更新次数 | 初始E | 第500轮 | 第3000轮",
        "en": "method | updates per epoch | updates in all | initial E | epoch 500 | epoch 3000",
    },
    "lesson.06.per_epoch": {
        "zh": "按轮次（两者读过的样本一样多）",
        "en": "per epoch (both read as many samples)",
    },
    "lesson.06.per_update": {"zh": "按参数更新次数", "en": "per parameter update"},
    "lesson.06.updates": {"zh": "更新次数", "en": "updates"},
    "lesson.16.status_table": {
        "zh": "状态 | 学习率个数 | η的范围",
        "en": "status | learning rates | range of η",
    },
    "lesson.16.loss_shape": {"zh": "损失：", "en": "loss:"},
    "lesson.16.runs_epochs": {"zh": "（运行，轮次+1）", "en": "(runs, epochs + 1)"},
    "lesson.16.hidden_shape": {"zh": "隐藏层权重 v[r, i, h]：", "en": "hidden weights v[r, i, h]:"},
    "lesson.16.output_shape": {"zh": "输出层权重 w[r, h, j]：", "en": "output weights w[r, h, j]:"},
    "lesson.16.loss_agree": {
        "zh": "损失曲线最大差 ≤ 1e-12：",
        "en": "largest loss difference ≤ 1e-12:",
    },
    "lesson.16.params_agree": {
        "zh": "参数最大差 ≤ 1e-12：",
        "en": "largest parameter difference ≤ 1e-12:",
    },
    "lesson.16.together": {
        "zh": "一起训练256个：{seconds:.2f} 秒",
        "en": "256 together: {seconds:.2f} s",
    },
    "lesson.16.one_by_one": {
        "zh": "逐个训练（由8个估计）：{seconds:.1f} 秒",
        "en": "one by one (from 8): {seconds:.1f} s",
    },
    "lesson.16.oscillates": {"zh": "震荡：", "en": "oscillates: "},
    "lesson.16.diverges": {"zh": "发散：", "en": "diverges: "},
    "lesson.16.edge_table": {
        "zh": "边界 | 推导（E″ = 1） | 实测，60步 | 实测，2000步",
        "en": "edge | derived (E″ = 1) | measured, 60 steps | measured, 2000 steps",
    },
    "lesson.16.oscillates_edge": {"zh": "震荡：1/E″", "en": "oscillates: 1/E″"},
    "lesson.16.diverges_edge": {"zh": "发散：2/E″", "en": "diverges: 2/E″"},
    "lesson.16.smallest_learned": {
        "zh": "学会的最小学习率（2000轮内）：",
        "en": "smallest learning rate that learned (2000 epochs):",
    },
    "lesson.16.edge": {"zh": "边界：", "en": "edge:"},
    "lesson.16.loss": {"zh": "损失", "en": "loss"},
    "lesson.16.largest_gradient": {"zh": "梯度的最大分量：", "en": "largest gradient component:"},
    "lesson.16.output_table": {
        "zh": "x₁ | x₂ | 网络输出 ŷ | 异或 | ŷ(1 − ŷ)",
        "en": "x₁ | x₂ | output ŷ | XOR | ŷ(1 − ŷ)",
    },
    "lesson.16.start": {"zh": "起点", "en": "start"},
    "lesson.16.after_eta_10": {"zh": "η = 10，训练2000轮后", "en": "after 2000 epochs at η = 10"},
    # --- end of lesson texts ---
}
