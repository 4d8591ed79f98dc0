"""The tutorials' ledger: why a published number differs (the reasons, templates whose
fields are the recomputed numbers, ``ledger.<tutorial>.<quantity>``), and the words of the
ledger's table (``ledger.table.``)."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- the ledger's table (bpcore.tutorials.ledger.ledger_table) -------------------------
    "ledger.table.title": {
        "zh": "核对表：教程公布的每个数值，由 bpcore 重新计算",
        "en": "Ledger: every published number of the tutorials, recomputed by bpcore",
    },
    "ledger.table.title_some": {
        "zh": "核对表：公布的数值，由 bpcore 重新计算",
        "en": "Ledger: published numbers, recomputed by bpcore",
    },
    "ledger.table.summary": {
        "zh": "共 {n} 个数值：在公布精度下 {agree} 个一致，{differ} 个不符。",
        "en": "{n} numbers: {agree} agree, {differ} differ at the published precision.",
    },
    "ledger.table.summary_one": {
        "zh": "共 1 个数值：在公布精度下{verdict}。",
        "en": "1 number: it {verdict} at the published precision.",
    },
    "ledger.table.reasons": {"zh": "不符的原因", "en": "Why they differ"},
    "ledger.table.alternative": {"zh": "另一种算法", "en": "alternative"},
    "ledger.table.agrees": {"zh": "一致", "en": "agrees"},
    "ledger.table.differs": {"zh": "不符", "en": "differs"},
    "ledger.table.stated": {"zh": "所述方法", "en": "the stated method"},
    "ledger.table.nothing": {"zh": "都不能（见下文原因）", "en": "nothing (see the reason below)"},
    # --- the reasons ----------------------------------------------------------------------
    # --- tutorial 000 --------------------------------------------------------------------
    "ledger.000.E": {
        "en": "The tutorial's own formula, Σ(t − y)²/(2m) with m = 3, gives "
        "({d0:.3f}² + {d1:.3f}² + {d2:.3f}²)/6 = {sumsq:.4f}/6 = {E:.4f}, not {published}. "
        "No usual convention gives {published} either: Σ(t − y)² = {sumsq:.4f}, its mean "
        "{mean:.4f}, ½Σ(t − y)² = {half:.4f}, the RMS error {rms:.4f}. The published E is "
        "{ratio:.2f} times the stated formula, and the published E after the update is, "
        "within its printed precision, the same multiple of its recomputed value ({lo:.2f} "
        "to {hi:.2f}): the loss was mis-evaluated the same way twice. The updates do not use "
        "E, so they are not affected.",
        "zh": "教程自己给出的公式 Σ(t − y)²/(2m)（m = 3）算出 "
        "({d0:.3f}² + {d1:.3f}² + {d2:.3f}²)/6 = {sumsq:.4f}/6 = {E:.4f}，而不是 {published}。"
        "常见的其他写法也得不到 {published}：Σ(t − y)² = {sumsq:.4f}，其平均 {mean:.4f}，"
        "½Σ(t − y)² = {half:.4f}，均方根误差 {rms:.4f}。"
        "公布的 E 是该公式结果的 {ratio:.2f} 倍；在其公布精度内，公布的更新后 E 也是重算值的"
        "同一倍数（{lo:.2f} 到 {hi:.2f}）：损失值两次按同样的方式算错了。"
        "更新量不依赖 E，因此不受影响。",
    },
    "ledger.000.dE_dw1": {
        "en": "The tutorial averages each factor over the three samples separately and "
        "multiplies the averages: {dE_dy:.4f} × {dy_ds:.4f} × {ds_dw1:.4f} = {averaged:.4f} "
        "→ 0.067. The chain rule on the mean loss E = (1/m) Σ_k E_k averages the product "
        "instead: (1/m) Σ_k (y_k − t_k) y_k (1 − y_k) h1_k = {grad:.4f}. A mean of products "
        "is not the product of means (the factors vary together from sample to sample), so "
        "0.067 is not ∂E/∂w1.",
        "zh": "教程把三个因子分别对三个样本求平均，再把平均值相乘：{dE_dy:.4f} × "
        "{dy_ds:.4f} × {ds_dw1:.4f} = {averaged:.4f} → 0.067。"
        "对均值损失 E = (1/m) Σ_k E_k 用链式法则，应先逐样本相乘再求平均："
        "(1/m) Σ_k (y_k − t_k) y_k (1 − y_k) h1_k = {grad:.4f}。"
        "乘积的平均不等于平均的乘积（各因子随样本一起变化），所以 0.067 并不是 ∂E/∂w1。",
    },
    "ledger.000.dE_dv11": {
        "en": "Same separately averaged factors: {dE_dy:.4f} × {dy_ds:.4f} × 0.8 × 2 = "
        "{averaged:.4f} → 0.072. The chain rule on the mean loss gives "
        "(1/m) Σ_k (y_k − t_k) y_k (1 − y_k) · w1 · x1_k = {grad:.4f}.",
        "zh": "同样是分别平均后的因子相乘：{dE_dy:.4f} × {dy_ds:.4f} × 0.8 × 2 = "
        "{averaged:.4f} → 0.072。对均值损失用链式法则得 "
        "(1/m) Σ_k (y_k − t_k) y_k (1 − y_k) · w1 · x1_k = {grad:.4f}。",
    },
    "ledger.000.v3j_new": {
        "en": "The printed {printed} follows neither from the chain rule "
        "({old} − 0.5 × {g:.4f} = {rec:.4f}) nor from the tutorial's own separately averaged "
        "factors, which give {old} − 0.5 × {alt_g:.4f} = {alt:.4f} with ∂h/∂v3j = mean(x3) = "
        "(1 + 2 + 1)/3 = 4/3. It is reproduced ({alt_slip:.4f}) only if ∂h/∂v3j is taken as "
        "1: a slip in the mean of the third input, on top of the separately averaged "
        "factors.",
        "zh": "印出的 {printed} 既不符合链式法则（{old} − 0.5 × {g:.4f} = {rec:.4f}），"
        "也不符合教程自己"
        "“分别求平均再相乘”的算法（取 ∂h/∂v3j = mean(x3) = (1 + 2 + 1)/3 = 4/3 时为 "
        "{old} − 0.5 × {alt_g:.4f} = {alt:.4f}）。只有把 ∂h/∂v3j 取成 1 才能得到"
        "公布值（{alt_slip:.4f}）：在“分别平均”之外，第三个输入的平均值也算错了。",
    },
    "ledger.000.w_new": {
        "en": "The printed {printed} follows from the tutorial's separately averaged "
        "gradient: {old} − 0.5 × {alt_g:.4f} = {alt:.4f}. With the gradient of the mean loss, "
        "{g:.4f}, the update gives {old} − 0.5 × {g:.4f} = {rec:.4f}.",
        "zh": "印出的 {printed} 由教程“分别平均再相乘”的梯度得到："
        "{old} − 0.5 × {alt_g:.4f} = {alt:.4f}。"
        "用均值损失的真实梯度 {g:.4f}，更新结果为 {old} − 0.5 × {g:.4f} = {rec:.4f}。",
    },
    "ledger.000.E_after": {
        "en": "After the correct update the loss is {E_after:.4f}; at the tutorial's own "
        "(published) new weights it is {E_pub_after:.4f}. Neither is 0.192: the published "
        "value is {ratio_after:.2f} times the recomputed one ({lo:.2f} to {hi:.2f} within its "
        "printed precision), the factor of the first E ({ratio:.2f}): the same slip in "
        "evaluating the loss. The relative decrease agrees: {drop_published:.0%} published, "
        "{drop:.0%} recomputed.",
        "zh": "正确更新后的损失为 {E_after:.4f}；在教程自己（公布）的新权重处为 "
        "{E_pub_after:.4f}。两者都不是 0.192：公布值是重算值的 {ratio_after:.2f} 倍"
        "（在公布精度内为 {lo:.2f} 到 {hi:.2f}），与第一个 E 的倍数（{ratio:.2f}）相同，"
        "是同一个计算损失时的错误。"
        "相对下降幅度是一致的：公布值下降 {drop_published:.0%}，重算值下降 {drop:.0%}。",
    },
    # --- tutorial 001 --------------------------------------------------------------------
    "ledger.001.cost_00": {
        "en": "The post names the logistic-regression cost −[y ln ŷ + (1 − y) ln(1 − ŷ)]. "
        "With identity activations the output ŷ = {y_hat:g} is not a probability and "
        "ln(1 − ŷ) = ln({one_minus}) does not exist, so that cost is undefined here. "
        "No standard cost is negative: the squared error is ½(ŷ − y)² = {half:g}, and "
        "cross-entropies are ≥ 0. The post does not show how it got −4; one computation "
        "that gives it, our reconstruction rather than anything the post says, is the "
        "residual y − ŷ = {y:g} − {y_hat:g}, the error of the prediction, not a cost. (The "
        "post also says the model gave 4 'instead of 1', although XOR(0, 0) = 0.)",
        "zh": "原文使用逻辑回归的代价 −[y ln ŷ + (1 − y) ln(1 − ŷ)]。激活函数为恒等时输出 "
        "ŷ = {y_hat:g} 不是概率，ln(1 − ŷ) = ln({one_minus}) 没有定义，所以这里该代价"
        "不存在。标准的代价函数都不会是负数：平方误差 ½(ŷ − y)² = {half:g}，交叉熵也 ≥ 0。"
        "原文没有写出−4是怎样算出来的；能得到它的一种算法是残差 y − ŷ = {y:g} − {y_hat:g}，"
        "即预测的误差，而不是代价——这是我们的推测，原文并没有这样说。"
        "（原文还说模型给出 4“而不是 1”，但 XOR(0, 0) = 0。）",
    },
    # --- tutorials 003/004: Mazur's after-update figures ---------------------------------
    "ledger.mazur.fix": {
        "en": "the post's code ({code}) first updated w5..w8 and then took e_h with the new "
        "values; its commit {commit}, two days before the post, switched to the original "
        "weights",
        "zh": "原帖的代码（{code}）最初先更新 w5..w8，再用新值求 e_h；"
        "它在发帖前两天的提交 {commit} 才改为使用原来的权重",
    },
    "ledger.mazur.E_after_1": {
        "en": "The post ({post}) states the right order: all gradients first, then the "
        "updates, so e_h uses the original w5..w8; it also prints w1..w4 that follow from it "
        "(they agree in the ledger). That order gives {stated} after the first round, not "
        "0.291027924. Taking e_h with the already updated w5..w8 gives {slip}, the printed "
        "figure to its last digit: {fix}.",
        "zh": "原帖（{post}）写的顺序是对的：先求出全部梯度再更新，e_h 用原来的 w5..w8；"
        "它给出的 w1..w4 也按此算出（核对表中一致）。按这个顺序，第一轮后 E_total = {stated}，"
        "而不是 0.291027924。若用已经更新过的 w5..w8 求 e_h，得到 {slip}，"
        "与公布值每一位都相同：{fix}。",
    },
    "ledger.mazur.E_after_10000": {
        "en": "After 10,000 rounds the stated method gives {stated}, not 0.0000351085; that "
        "figure is the same method after 9,999 rounds ({one_short}), one round short. The "
        "post does not show how it was obtained (the post's code prints errors rounded to 9 "
        "decimals, which would read 0.000035109). It does not come from the computation "
        "behind the two outputs printed with it: that one gives {slip} after 10,000 rounds, "
        "and the printed outputs themselves give ½ Σ (out − target)² = {from_outputs}.",
        "zh": "所述方法训练 10,000 轮后 E_total = {stated}，而不是 0.0000351085；"
        "公布值是同一方法训练 9,999 轮的结果（{one_short}），少了一轮。原帖没有说明这个数怎样得来"
        "（原帖的代码把误差四舍五入到 9 位小数输出，那会是 0.000035109）。"
        "它也不来自同时公布的两个输出所用的算法："
        "那种算法 10,000 轮后为 {slip}，而用公布的两个输出算 ½ Σ (out − target)² "
        "得 {from_outputs}。",
    },
    "ledger.mazur.out_o1_10000": {
        "en": "After 10,000 rounds of the stated method out_o1 = {stated}, not 0.015912196. "
        "With e_h taken from the already updated w5..w8 it is {slip}, the printed figure: "
        "the same slip as in the first round's error ({fix}).",
        "zh": "所述方法训练 10,000 轮后 out_o1 = {stated}，而不是 0.015912196。"
        "若用已更新的 w5..w8 求 e_h，得到 {slip}，即公布值：与第一轮误差是同一个失误"
        "（{fix}）。",
    },
    "ledger.mazur.out_o2_10000": {
        "en": "After 10,000 rounds of the stated method out_o2 = {stated}, not 0.984065734. "
        "With e_h taken from the already updated w5..w8 it is {slip}, the printed figure: "
        "the same slip as in the first round's error.",
        "zh": "所述方法训练 10,000 轮后 out_o2 = {stated}，而不是 0.984065734。"
        "若用已更新的 w5..w8 求 e_h，得到 {slip}，即公布值：与第一轮误差是同一个失误。",
    },
}
