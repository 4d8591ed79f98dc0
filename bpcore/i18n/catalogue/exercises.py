"""bpcore.exercises: verdicts, then one hint per exercise ("ex.hint.")."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- exercises (bpcore.exercises): verdicts, then one hint per exercise ("ex.hint.") -------
    "ex.right": {"zh": "正确！", "en": "Right!"},
    "ex.missing": {
        "zh": "还没有作答：把 answer 设为你的结果，再运行本单元。",
        "en": "Not answered yet: set answer to your result and run this cell again.",
    },
    "ex.missing_code": {
        "zh": "还没有作答：把 raise NotImplementedError() 换成你的代码，"
        "运行上一个单元，再运行本单元。",
        "en": "Not answered yet: replace raise NotImplementedError() by your code, run the "
        "cell above, then this one again.",
    },
    "ex.missing_expr": {
        "zh": '还没有作答：把 answer 设为一个表达式（字符串，如 "y_hat - y"），再运行本单元。',
        "en": "Not answered yet: set answer to an expression (a string such as "
        '"y_hat - y") and run this cell again.',
    },
    "ex.unknown": {
        "zh": "没有编号为 {id} 的练习。",
        "en": "There is no exercise {id}.",
    },
    "ex.internal": {
        "zh": "检查程序自己出错了（{error}），这不是你的错，请告诉老师。",
        "en": "The checker itself failed ({error}); not your fault, please tell your teacher.",
    },
    "ex.shape": {
        "zh": "形状不对：期望 {want}，得到 {got}。",
        "en": "Wrong shape: expected {want}, got {got}.",
    },
    "ex.outside": {
        "zh": "还不对：{answer:.3g} 不在 {low:.3g} 到 {high:.3g} 之间。",
        "en": "Not yet: {answer:.3g} is not between {low:.3g} and {high:.3g}.",
    },
    "ex.hint.eps_floor": {
        "zh": "谷底在红色竖线ε = 1e-4附近，偏向更小的ε。",
        "en": "The floor is near the red line ε = 1e-4, towards smaller ε.",
    },
    "ex.not_number": {
        "zh": "答案应为数字或数组，得到的是 {got}。",
        "en": "The answer should be a number or an array; got {got}.",
    },
    "ex.not_finite": {
        "zh": "答案里有 NaN 或无穷大：{got}。",
        "en": "The answer contains NaN or infinity: {got}.",
    },
    "ex.sign": {
        "zh": "差一点：符号反了。检查梯度下降的方向：Δw = −η ∂E/∂w。",
        "en": "Almost: the sign is flipped. Check the direction of descent: Δw = −η ∂E/∂w.",
    },
    "ex.half": {
        "zh": "差一点：差了 2 倍。检查损失里的 ½ 或求导时的系数 2。",
        "en": "Almost: off by a factor of 2. Check the ½ in the loss or the 2 from the square.",
    },
    "ex.close": {
        "zh": "差一点：相对误差 {err:.1e}。是不是中间结果四舍五入得太早了？",
        "en": "Almost: relative error {err:.1e}. Did you round an intermediate value?",
    },
    "ex.wrong": {"zh": "还不对。", "en": "Not yet."},
    "ex.not_callable": {
        "zh": "这里应该是你写的函数（或类），得到的是{got}。",
        "en": "This should be the function (or class) you wrote; got {got}.",
    },
    "ex.timeout": {
        "zh": "你的代码运行超时（是不是有死循环？）。修改后重新运行两个单元。",
        "en": "Your code ran out of time (an endless loop?). Fix it and run both cells again.",
    },
    "ex.raised": {
        "zh": "你的代码抛出了{error}（位置：{where}）。读一下报错，改好代码，重新运行两个单元。",
        "en": "Your code raised {error} (in {where}). Read the message, fix the code, run both "
        "cells again.",
    },
    "ex.returns": {
        "zh": "应返回{n}个值（一个元组），得到的是{got}。",
        "en": "It should return {n} values (a tuple); got {got}.",
    },
    "ex.shape_of": {
        "zh": "第{k}个返回值的形状不对：期望{want}，得到{got}。",
        "en": "Return value {k} has the wrong shape: expected {want}, got {got}.",
    },
    "ex.code_wrong": {
        "zh": "还不对：在{case}上，{which}和bpcore的结果不同。",
        "en": "Not yet: on {case}, {which} differs from bpcore's result.",
    },
    "ex.mistake": {"zh": "一个常见错误：", "en": "A common mistake:"},
    "ex.xor_wrong": {
        "zh": "还不对：这些输入的输出离目标超过0.1：{wrong}。",
        "en": "Not yet: on these inputs the output is more than 0.1 from the target: {wrong}.",
    },
    "ex.expr_parse": {
        "zh": '读不懂这个表达式：{got}。乘法要写*，例如"y_hat * (1 - y_hat)"。',
        "en": "Cannot read this expression: {got}. Write * for products, e.g. "
        '"y_hat * (1 - y_hat)".',
    },
    "ex.expr_symbols": {
        "zh": "表达式里有本题没有的符号；可以用的符号：{names}。",
        "en": "The expression has a symbol this exercise does not know; the symbols are: {names}.",
    },
    "ex.expr_wrong": {
        "zh": "还不对：SymPy化简后，{got}和正确答案不相等。",
        "en": "Not yet: after SymPy simplifies it, {got} is not equal to the right answer.",
    },
    "ex.hint.sigmoid_sign": {
        "zh": "指数的符号反了：f(z) = 1/(1 + e^(−z))，所以f(0) = 0.5、f(6)接近1。",
        "en": "The exponent's sign is flipped: f(z) = 1/(1 + e^(−z)), so f(0) = 0.5 and f(6) is "
        "close to 1.",
    },
    "ex.hint.prime_at_input": {
        "zh": "f′用了净输入z：z(1 − z)不是导数；f′(z) = f(z)(1 − f(z))要用输出f(z)。",
        "en": "f′ was taken at the net input: z(1 − z) is not the derivative; "
        "f′(z) = f(z)(1 − f(z)) uses the output f(z).",
    },
    "ex.hint.prime_of_output": {
        "zh": "把输出又代入了一次f：f′(z) = ŷ(1 − ŷ)，其中ŷ = f(z)，不要再算f(ŷ)。",
        "en": "The output went through f twice: f′(z) = ŷ(1 − ŷ) with ŷ = f(z); do not take f(ŷ).",
    },
    "ex.hint.prime_sign": {
        "zh": "导数的符号反了：Sigmoid处处递增，f′(z) > 0。",
        "en": "The derivative's sign is flipped: the sigmoid increases, f′(z) > 0.",
    },
    "ex.hint.threshold_sign": {
        "zh": "阈值（或偏置）的符号：教科书是减去阈值，f(β_j − θ_j)，所以Δθ_j = −η g_j；"
        "偏置则是加上。",
        "en": "The threshold's (or bias's) sign: the textbook subtracts the threshold, "
        "f(β_j − θ_j), so Δθ_j = −η g_j; a bias is added.",
    },
    "ex.hint.output_activation": {
        "zh": "输出层也要经过Sigmoid：out_o = f(net_o)。",
        "en": "The output layer goes through the sigmoid too: out_o = f(net_o).",
    },
    "ex.hint.transposed": {
        "zh": "权重矩阵转置了：W[i, h]连接输入i和单元h，所以净输入是x @ W。",
        "en": "The weight matrix is transposed: W[i, h] connects input i to unit h, so the net "
        "input is x @ W.",
    },
    "ex.hint.ascent": {
        "zh": "方向反了：沿负梯度走，w ← w − η ∂E/∂w。",
        "en": "The direction is flipped: step against the gradient, w ← w − η ∂E/∂w.",
    },
    "ex.hint.missing_sum": {
        "zh": "隐藏层单元连着所有输出，误差要对所有输出j求和：Σ_j w_hj g_j。",
        "en": "A hidden unit feeds every output: sum the error over all outputs j, Σ_j w_hj g_j.",
    },
    "ex.hint.missing_mean": {
        "zh": "批量梯度是平均值：少了1/m（结果大了m倍）。",
        "en": "The batch gradient is a mean: the 1/m is missing (the result is m times too big).",
    },
    "ex.hint.one_sided": {
        "zh": "这是单侧差分(f(p + ε) − f(p))/ε；中心差分是(f(p + ε) − f(p − ε))/(2ε)。",
        "en": "This is the one-sided difference (f(p + ε) − f(p))/ε; the central one is "
        "(f(p + ε) − f(p − ε))/(2ε).",
    },
    "ex.hint.half_step": {
        "zh": "差了2倍：检查分母2ε，或平方求导时和½抵消的2。",
        "en": "Off by a factor of 2: check the 2ε in the denominator, or the 2 from the square "
        "that cancels the ½.",
    },
    "ex.hint.accumulate": {
        "zh": "只有一个变量被用了好几次时才出错：梯度被覆盖了（=），应该累加（+=），"
        "每条路径的贡献都要加上。",
        "en": "It fails only when a value is used more than once: the gradient is overwritten "
        "(=) instead of accumulated (+=); every path's contribution must be added.",
    },
    "ex.hint.gd_chain": {
        "zh": "这是E的2倍，还没有求导：对½(w − 3)²用链式法则。",
        "en": "That is 2E, not its derivative: apply the chain rule to ½(w − 3)².",
    },
    "ex.hint.g_sign": {
        "zh": "g_j = −∂E_k/∂β_j，式(5.10)里是(y_j − ŷ_j)，不是(ŷ_j − y_j)。",
        "en": "g_j = −∂E_k/∂β_j: eq. (5.10) has (y_j − ŷ_j), not (ŷ_j − y_j).",
    },
    "ex.hint.g_no_prime": {
        "zh": "少了Sigmoid的导数ŷ(1 − ŷ)：链式法则经过ŷ = f(β − θ)这一步。",
        "en": "The sigmoid's derivative ŷ(1 − ŷ) is missing: the chain passes through "
        "ŷ = f(β − θ).",
    },
    "ex.hint.e_no_prime": {
        "zh": "少了隐藏层的导数b_h(1 − b_h)。",
        "en": "The hidden layer's derivative b_h(1 − b_h) is missing.",
    },
    "ex.hint.gd_step": {"zh": "dE/dw 在 w = −1 处等于 −4。", "en": "dE/dw at w = −1 is −4."},
    "ex.hint.gd_diverge": {
        "zh": "发散的条件是 |1 − η| > 1。",
        "en": "It diverges when |1 − η| > 1.",
    },
    "ex.hint.perceptron_eta": {
        "zh": "从 0 出发时，每次更新都是 η 的倍数。",
        "en": "Starting from 0, every update is a multiple of η.",
    },
    "ex.hint.sigmoid_at_zero": {"zh": "f(0) = 0.5。", "en": "f(0) = 0.5."},
    "ex.hint.sigmoid_output_form": {
        "zh": "用输出形式 ŷ(1 − ŷ)。",
        "en": "Use the output form ŷ(1 − ŷ).",
    },
    "ex.hint.tanh_output_form": {
        "zh": "tanh 的导数是 1 − ŷ²。",
        "en": "The derivative of tanh is 1 − ŷ².",
    },
    "ex.hint.chain_x": {"zh": "∂h1/∂w = x。", "en": "∂h1/∂w = x."},
    "ex.hint.chain_w": {"zh": "路径上有一个因子等于 w。", "en": "One factor on the path equals w."},
    "ex.hint.chain_b": {"zh": "先算 f = σ(1)。", "en": "First compute f = σ(1)."},
    "ex.hint.hidden_net_input": {
        "zh": "net_h2 = w3·i1 + w4·i2 + b1。",
        "en": "net_h2 = w3·i1 + w4·i2 + b1.",
    },
    "ex.hint.new_targets": {
        "zh": "输出不变，只有目标值变了：E = ½(0.75 − out_o1)² + ½(0.77 − out_o2)²。",
        "en": "The outputs do not change, only the targets: "
        "E = ½(0.75 − out_o1)² + ½(0.77 − out_o2)².",
    },
    "ex.hint.bias_as_threshold": {
        "zh": "net_o1 = w5·out_h1 + w6·out_h2 − 0.60，隐藏层不变。",
        "en": "net_o1 = w5·out_h1 + w6·out_h2 − 0.60; the hidden layer is unchanged.",
    },
    "ex.hint.grad_output_weight": {
        "zh": "w7连接h1和o2：(out_o2 − target_o2) · out_o2(1 − out_o2) · out_h1。",
        "en": "w7 connects h1 to o2: (out_o2 − target_o2) · out_o2(1 − out_o2) · out_h1.",
    },
    "ex.hint.updated_output_weights": {
        "zh": "新w1 = 0.15 − η · ∂E/∂w1，其中∂E/∂w1用更新后的w5…w8算。",
        "en": "new w1 = 0.15 − η · ∂E/∂w1, with ∂E/∂w1 computed from the updated w5…w8.",
    },
    "ex.hint.grad_bias": {
        "zh": "∂net_o1/∂b2 = 1：去掉w5那条链的最后一个因子out_h1。",
        "en": "∂net_o1/∂b2 = 1: drop the last factor, out_h1, of w5's chain.",
    },
    "ex.hint.count_params": {
        "zh": "dq个v、ql个w、q个γ、l个θ。",
        "en": "dq v's, ql w's, q γ's, l θ's.",
    },
    "ex.hint.delta_theta": {"zh": "Δθ_j = −η g_j（式5.12）。", "en": "Δθ_j = −η g_j (eq. 5.12)."},
    "ex.hint.delta_bias": {
        "zh": "∂E/∂b = −∂E/∂θ，所以Δb = −Δθ。",
        "en": "∂E/∂b = −∂E/∂θ, so Δb = −Δθ.",
    },
    "ex.hint.mean_of_products": {
        "zh": "对每个样本算(y − t)·y(1 − y)·h2，再对三个样本求平均。",
        "en": "For each sample compute (y − t)·y(1 − y)·h2, then average over the three samples.",
    },
    "ex.hint.product_of_means": {
        "zh": "mean(y − t) · mean(y(1 − y)) · mean(h2)。",
        "en": "mean(y − t) · mean(y(1 − y)) · mean(h2).",
    },
    "ex.hint.hidden_weight_update": {
        "zh": "∂E/∂v32 = mean((y − t)·y(1 − y)·w2·x3)，新值 = 0.5 − η·∂E/∂v32。",
        "en": "∂E/∂v32 = mean((y − t)·y(1 − y)·w2·x3); new value = 0.5 − η·∂E/∂v32.",
    },
    "ex.hint.round_up": {"zh": "向上取整：⌈N/B⌉。", "en": "Round up: ⌈N/B⌉."},
    "ex.hint.last_batch": {"zh": "N − (⌈N/B⌉ − 1)·B。", "en": "N − (⌈N/B⌉ − 1)·B."},
    "ex.hint.standard_updates": {
        "zh": "标准BP每个样本更新一次。",
        "en": "Standard BP updates once per sample.",
    },
    "ex.hint.xor_identity_net": {
        "zh": "每个隐藏层单元得到 1 + 1 + 1。",
        "en": "Each hidden unit gets 1 + 1 + 1.",
    },
    "ex.hint.affine_combination": {
        "zh": "网络是仿射函数。",
        "en": "The network is an affine function.",
    },
    "ex.hint.best_affine": {
        "zh": "最小二乘的仿射拟合处处相同。",
        "en": "The least-squares affine fit is the same everywhere.",
    },
    "ex.hint.playground_step": {
        "zh": "单步（三个阶段）就是教程里的一次更新。",
        "en": "One step (three phases) is the tutorial's one update.",
    },
    "ex.hint.symmetric_units": {
        "zh": "三个隐藏层单元从相同的权重出发，永远相同（第09课）。",
        "en": "The three hidden units start equal and stay equal (lesson 09).",
    },
    "ex.hint.relative_error": {
        "zh": "分母取两者绝对值中较大的一个。",
        "en": "Divide by the larger of the two magnitudes.",
    },
    "ex.hint.count_verdicts": {
        "zh": "看第4节表格的“判断”一列。",
        "en": "Count the verdicts in section 4's table.",
    },
    # lesson 12: the backward step and loop of an L-layer net (bpcore.exercises.layers)
    "ex.matmul": {
        "zh": "矩阵乘法的形状对不上（{error}，位置：{where}）。写出每个因子的形状，"
        "看哪里少了或多了一个转置。",
        "en": "The shapes of a matrix product do not fit ({error}, in {where}). Write down "
        "each factor's shape and see where a transpose is missing or extra.",
    },
    "ex.transposed_value": {
        "zh": "差一点：{what}转置了。{what}应与{like}同形。",
        "en": "Almost: {what} is transposed. {what} must have the shape of {like}.",
    },
    "ex.layers_list": {
        "zh": "应返回一个列表，每层一个dW（共{L}个），得到的是{got}。",
        "en": "It should return a list with one dW per layer ({L} of them); got {got}.",
    },
    "ex.right_backward": {
        "zh": "正确！在{n}个随机形状上与bpcore的引擎和中心差分一致（最大相对误差{err:.1e}）。",
        "en": "Right! On {n} random shapes it agrees with bpcore's engine and with central "
        "differences (largest relative error {err:.1e}).",
    },
    "ex.right_loop": {
        "zh": "正确！在{n}个随机的多层网络上与bpcore和中心差分一致（最大相对误差{err:.1e}）。",
        "en": "Right! On {n} random deep nets it agrees with bpcore and with central "
        "differences (largest relative error {err:.1e}).",
    },
    "ex.hint.no_m": {
        "zh": "差一点：dW大了m倍。损失是对样本的平均，dW = a_prevᵀ·delta / m。",
        "en": "Almost: dW is m times too large. The loss is a mean over the samples: "
        "dW = a_prevᵀ·delta / m.",
    },
    "ex.hint.f_of_z": {
        "zh": "差一点：f′用错了。a已经是f(z)，f′(z) = a(1 − a)；不要再对a求一次Sigmoid。",
        "en": "Almost: the wrong f′. a is already f(z), so f′(z) = a(1 − a); do not apply the "
        "sigmoid to a again.",
    },
    "ex.hint.no_f_prime": {
        "zh": "差一点：delta少乘了f′(z) = a(1 − a)。",
        "en": "Almost: delta lacks the factor f′(z) = a(1 − a).",
    },
    "ex.hint.delta_sign": {
        "zh": "差一点：符号反了。delta = ∂E/∂z，是教材g、e的相反数。",
        "en": "Almost: the sign is flipped. delta = ∂E/∂z, the negative of the book's g, e.",
    },
    "ex.hint.wrong_delta": {
        "zh": "delta还不对。delta = (delta_next @ W_nextᵀ) ⊙ a(1 − a)。",
        "en": "delta is not right yet: delta = (delta_next @ W_nextᵀ) ⊙ a(1 − a).",
    },
    "ex.hint.wrong_dw": {
        "zh": "delta对了，dW还不对：dW = a_prevᵀ @ delta / m。",
        "en": "delta is right but dW is not yet: dW = a_prevᵀ @ delta / m.",
    },
    "ex.hint.wrong_layer": {
        "zh": "第{l}层的dW还不对（更高的层都对了）：检查从第{l1}层传到第{l}层的delta。",
        "en": "dW of layer {l} is not right yet (the layers above are): check the delta passed "
        "from layer {l1} down to layer {l}.",
    },
    "ex.hint.wrong_top": {
        "zh": "输出层的dW还不对：delta_L = (a_L − Y) ⊙ a_L(1 − a_L)，"
        "dW_L = a_(L−1)ᵀ @ delta_L / m。",
        "en": "The output layer's dW is not right yet: delta_L = (a_L − Y) ⊙ a_L(1 − a_L), "
        "dW_L = a_(L−1)ᵀ @ delta_L / m.",
    },
    "ex.hint.passes": {
        "zh": "每个参数要算两次损失，每次一次前向传播；2-3-1网络有(2+1)·3+(3+1)·1个参数。",
        "en": "Two losses per parameter, one forward pass each; a 2-3-1 net has "
        "(2+1)·3 + (3+1)·1 parameters.",
    },
    "ex.hint.memory": {
        "zh": "每层保存m·n_l个float64（8字节），输入层也算。",
        "en": "Each layer keeps m·n_l float64 numbers (8 bytes each), the input layer included.",
    },
    "ex.hint.ratio": {
        "zh": "前向每层一次矩阵乘法，反向每层两次（第1层只要一次）。",
        "en": "The forward pass does one product per layer, the backward pass two "
        "(one at layer 1).",
    },
    # lessons 13–18: formulas written as functions (bpcore.exercises.formulas)
    "ex.hint.bce_delta": {
        "zh": "把∂E/∂ŷ和σ′(β) = ŷ(1 − ŷ)乘起来，再化简。",
        "en": "Multiply ∂E/∂ŷ by σ′(β) = ŷ(1 − ŷ) and simplify.",
    },
    "ex.hint.sse_delta": {
        "zh": "平方误差的δ是(ŷ − y)乘以Sigmoid的导数，用ŷ写出来。",
        "en": "The squared error's δ is (ŷ − y) times the sigmoid's derivative, in ŷ.",
    },
    "ex.hint.softmax_delta": {
        "zh": "先用Softmax把得分z变成概率ŷ，再把∂E/∂ŷ和Softmax的雅可比矩阵乘起来化简。",
        "en": "First turn the scores z into probabilities ŷ with the softmax, then multiply "
        "∂E/∂ŷ by the softmax's Jacobian and simplify.",
    },
    "ex.hint.accuracy": {
        "zh": "每行取最大输出所在的列（np.argmax(..., axis=1)），再和标签比较求平均。",
        "en": "Take the column of the largest output in each row (np.argmax(..., axis=1)), "
        "compare with the labels and average.",
    },
    "ex.hint.confusion": {
        "zh": "C[i, j]是真实类别为i、预测为j的样本数；从全0的整数矩阵开始，每个样本加1。",
        "en": "C[i, j] counts the samples of true class i predicted as j; start from a "
        "matrix of integer zeros and add 1 per sample.",
    },
    "ex.hint.params": {
        "zh": "每层有n_in·n_out个权重和n_out个偏置。",
        "en": "A layer has n_in·n_out weights and n_out biases.",
    },
    "ex.hint.he": {
        "zh": "ReLU把一半的输入变成0，E[relu(z)²] = Var(z)/2；要让n_in·Var(w)·E[out²]不变。",
        "en": "ReLU zeroes half its inputs, E[relu(z)²] = Var(z)/2; keep "
        "n_in·Var(w)·E[out²] unchanged.",
    },
    "ex.hint.shrink": {
        "zh": "每经过一个Sigmoid层，δ最多乘以σ′的最大值；L层就是它的L次方。",
        "en": "Each sigmoid layer multiplies δ by at most the largest σ′; L layers give "
        "its L-th power.",
    },
    "ex.hint.edge": {
        "zh": "先求E″（对w求两次导），再用第2节的2/E″。",
        "en": "First find E″ (differentiate twice in w), then use section 2's 2/E″.",
    },
    "ex.hint.descent": {
        "zh": "先令w = np.full(len(etas), -1.0)，再对整个数组重复steps次w ← w − η·(w − 3)。",
        "en": "w = np.full(len(etas), -1.0), then repeat w ← w − η·(w − 3) on the whole "
        "array `steps` times.",
    },
    "ex.hint.decay": {
        "zh": "对式5.17求导：λ乘误差的梯度，加上(1 − λ)·w²的导数2(1 − λ)w。",
        "en": "Differentiate eq. 5.17: λ times the error's gradient, plus the "
        "derivative 2(1 − λ)w of (1 − λ)·w².",
    },
    "ex.hint.accept": {
        "zh": "ΔE ≤ 0时一定接受（概率1）；否则概率为exp(−ΔE/T)。可用np.where。",
        "en": "ΔE ≤ 0 is always accepted (probability 1); otherwise exp(−ΔE/T). np.where helps.",
    },
    "ex.hint.updates": {
        "zh": "标准BP每个样本更新一次，累积BP每轮只更新一次。",
        "en": "Standard BP updates once per sample, accumulated BP once per epoch.",
    },
}
