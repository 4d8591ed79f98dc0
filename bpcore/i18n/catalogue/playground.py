"""The playground: labels, buttons, tooltips, choices, status line, typed numbers, panels."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- the playground's labels -----------------------------------------------------------
    "ui.title": {
        "zh": "反向传播训练场：{name}",
        "en": "Backpropagation playground: {name}",
    },
    "ui.eta": {"zh": "学习率 η", "en": "learning rate η"},
    "ui.epochs": {"zh": "训练轮数", "en": "epochs"},
    "ui.mode": {"zh": "训练方式", "en": "training mode"},
    "ui.batch_size": {"zh": "批量大小", "en": "batch size"},
    "ui.train_offsets": {"zh": "训练阈值/偏置", "en": "train thresholds/biases"},
    "ui.hidden_activation": {"zh": "隐藏层激活函数", "en": "hidden activation"},
    "ui.seed": {"zh": "随机种子", "en": "random seed"},
    "ui.lang": {"zh": "语言", "en": "language"},
    "ui.weights": {"zh": "初始权重与{offset}", "en": "initial weights and {offset}"},
    "ui.layer": {
        "zh": "第 {k} 层（{n_in} → {n_out}）：{symbols}",
        "en": "layer {k} ({n_in} → {n_out}): {symbols}",
    },
    "ui.offset.threshold": {"zh": "阈值", "en": "thresholds"},
    "ui.offset.bias": {"zh": "偏置", "en": "biases"},
    "ui.show_values": {"zh": "在连线上显示数值", "en": "show values on connections"},
    "ui.auto": {"zh": "改设置后自动重新训练", "en": "retrain when a setting changes"},
    "ui.phase": {"zh": "显示阶段", "en": "show phase"},
    "ui.code": {"zh": "重建此训练场的代码：", "en": "Code that rebuilds this playground:"},
    "ui.loss_panel": {"zh": "损失曲线", "en": "Loss curve"},
    "ui.network_panel": {"zh": "网络", "en": "Network"},
    "ui.boundary_panel": {"zh": "决策边界", "en": "Decision boundary"},
    "ui.table_panel": {"zh": "单步计算表", "en": "Step table"},
    # --- buttons ---------------------------------------------------------------------------
    "btn.train": {"zh": "训练", "en": "Train"},
    "btn.pause": {"zh": "暂停", "en": "Pause"},
    "btn.resume": {"zh": "继续", "en": "Resume"},
    "btn.step_iteration": {"zh": "单步（一次迭代）", "en": "Step one iteration"},
    "btn.step_epoch": {"zh": "单步（一轮）", "en": "Step one epoch"},
    "btn.reset": {"zh": "重置", "en": "Reset"},
    "btn.reset_weights": {"zh": "恢复教程初值", "en": "Tutorial's values"},
    "btn.randomise": {"zh": "随机初始化", "en": "Randomise"},
    "btn.clear_runs": {"zh": "清除历史曲线", "en": "Clear previous runs"},
    "btn.show_code": {"zh": "显示代码", "en": "Show code"},
    # --- tooltips --------------------------------------------------------------------------
    "tip.eta": {
        "zh": "学习率 η：每次更新沿负梯度走多远（对数刻度）。太小学得慢，太大会来回震荡甚至发散。",
        "en": "Learning rate η: how far each update moves against the gradient (log scale). "
        "Too small learns slowly; too large overshoots and may diverge.",
    },
    "tip.epochs": {
        "zh": "一轮 = 把全部训练样本用一遍。",
        "en": "One epoch = one pass over every training sample.",
    },
    "tip.mode": {
        "zh": "标准 BP 每个样本更新一次；累积 BP 用全部样本的累积误差更新一次；"
        "小批量每批样本更新一次。",
        "en": "Standard BP updates after every sample; accumulated BP once per epoch from the "
        "error accumulated over all samples; mini-batch once per batch.",
    },
    "tip.batch_size": {
        "zh": "小批量训练时每批的样本数。",
        "en": "Number of samples per batch in mini-batch training.",
    },
    "tip.train_offsets": {
        "zh": "勾选时阈值/偏置和权重一起学习；不勾选时保持初值不变。",
        "en": "When ticked, thresholds/biases are learned with the weights; otherwise they "
        "keep their initial values.",
    },
    "tip.hidden_activation": {
        "zh": "恒等激活使整个网络成为线性函数，无论怎么训练都学不会异或；Sigmoid 可以。",
        "en": "With the identity activation the whole network is linear and cannot learn XOR, "
        "however long it trains; sigmoid hidden units can.",
    },
    "tip.seed": {
        "zh": "“随机初始化”使用的种子：同一种子给出同样的初值。",
        "en": "Seed used by “Randomise”: the same seed gives the same initial values.",
    },
    "tip.weight": {
        "zh": "{symbol} 的初始值",
        "en": "initial value of {symbol}",
    },
    "tip.train": {
        "zh": "从当前初值开始训练，损失曲线实时增长。",
        "en": "Train from the current initial values; the loss curve grows as it runs.",
    },
    "tip.pause": {
        "zh": "暂停正在进行的训练；再按一次继续。",
        "en": "Pause the running training; press again to resume.",
    },
    "tip.step_iteration": {
        "zh": "执行一次迭代，依次显示前向、反向、更新三个阶段。",
        "en": "Run one iteration, showing its forward, backward and update phases in turn.",
    },
    "tip.step_epoch": {
        "zh": "训练一轮（全部样本用一遍）。",
        "en": "Train for one epoch (one pass over all samples).",
    },
    "tip.reset": {
        "zh": "丢弃训练结果，回到初值（历史曲线保留）。",
        "en": "Discard the training and return to the initial values (previous runs stay).",
    },
    "tip.reset_weights": {
        "zh": "把所有初值滑块恢复为教程中的数值。",
        "en": "Set every initial-value slider back to the tutorial's numbers.",
    },
    "tip.randomise": {
        "zh": "用随机种子生成新的初值（可复现）。",
        "en": "Draw new initial values from the random seed (reproducible).",
    },
    "tip.clear_runs": {
        "zh": "删除淡色显示的历史训练曲线。",
        "en": "Remove the faded curves of earlier runs.",
    },
    "tip.show_code": {
        "zh": "显示一行代码，粘贴到单元格即可重建当前设置的训练场。",
        "en": "Show one line of code that rebuilds this playground with the current settings.",
    },
    "tip.auto": {
        "zh": "勾选时，每改一个设置就从初值重新训练，上一次的曲线淡色保留以便对比。",
        "en": "When ticked, every change of a setting retrains from the initial values; the "
        "previous curve stays, faded, for comparison.",
    },
    "tip.show_values": {
        "zh": "在连线旁标出权重或梯度的数值。",
        "en": "Write the value of each weight or gradient next to its connection.",
    },
    # --- choices ---------------------------------------------------------------------------
    "mode.standard": {"zh": "标准 BP（逐样本）", "en": "standard BP (per sample)"},
    "mode.accumulated": {"zh": "累积 BP（全批量）", "en": "accumulated BP (full batch)"},
    "mode.minibatch": {"zh": "小批量", "en": "mini-batch"},
    "mode.short.standard": {"zh": "标准", "en": "standard"},
    "mode.short.accumulated": {"zh": "累积", "en": "accumulated"},
    "mode.short.minibatch": {"zh": "小批量 {batch_size}", "en": "mini-batch {batch_size}"},
    "act.sigmoid": {"zh": "Sigmoid", "en": "sigmoid"},
    "act.identity": {"zh": "恒等（线性）", "en": "identity (linear)"},
    "act.tanh": {"zh": "tanh", "en": "tanh"},
    "act.relu": {"zh": "ReLU", "en": "ReLU"},
    "phase.weights": {"zh": "权重", "en": "weights"},
    "phase.forward": {"zh": "前向", "en": "forward"},
    "phase.backward": {"zh": "反向", "en": "backward"},
    "phase.update": {"zh": "更新", "en": "update"},
    # --- status line -----------------------------------------------------------------------
    "status.ready": {
        "zh": "就绪：初始损失 {loss:.6g}",
        "en": "Ready: initial loss {loss:.6g}",
    },
    "status.running": {
        "zh": "训练中… 第 {epoch} / {epochs} 轮，损失 {loss:.6g}",
        "en": "Training… epoch {epoch} / {epochs}, loss {loss:.6g}",
    },
    "status.done": {
        "zh": "训练完成：{epochs} 轮，损失 {loss:.6g}",
        "en": "Training finished: {epochs} epochs, loss {loss:.6g}",
    },
    "status.paused": {
        "zh": "已暂停：第 {epoch} 轮，损失 {loss:.6g}",
        "en": "Paused at epoch {epoch}, loss {loss:.6g}",
    },
    "status.diverged": {
        "zh": "训练发散：第 {epoch} 轮的损失不再是有限数。",
        "en": "Training diverged at epoch {epoch}: the loss is no longer a finite number.",
    },
    "status.diverged_hint": {
        "zh": "请减小学习率 η 后重试。",
        "en": "Try again with a smaller learning rate η.",
    },
    "status.step": {
        "zh": "第 {epoch} 轮第 {iteration} 次迭代（样本 {samples}）：{phase}",
        "en": "Epoch {epoch}, iteration {iteration} (samples {samples}): {phase}",
    },
    "status.epoch_done": {
        "zh": "第 {epoch} 轮结束，损失 {loss:.6g}",
        "en": "End of epoch {epoch}, loss {loss:.6g}",
    },
    "status.error": {
        "zh": "出错了（训练场仍可使用）：{error}",
        "en": "Something went wrong (the playground still works): {error}",
    },
    "status.cleared": {"zh": "历史曲线已清除。", "en": "Previous runs cleared."},
    "status.randomised": {
        "zh": "已用种子 {seed} 随机生成初值。",
        "en": "Initial values drawn with seed {seed}.",
    },
    "status.tutorial_values": {
        "zh": "已恢复教程中的初值。",
        "en": "Tutorial's initial values restored.",
    },
    # --- the playground's typed numbers, live panels and honest status ----------------------
    "ui.hidden_units": {"zh": "隐藏单元数", "en": "hidden units"},
    "ui.eta_text": {"zh": "η 精确值", "en": "exact η"},
    "input.empty": {"zh": "{name}：请输入一个数。", "en": "{name}: type a number."},
    "input.not_number": {
        "zh": "{name}：“{text}”不是数字，未采用。",
        "en": "{name}: “{text}” is not a number; not used.",
    },
    "input.not_integer": {
        "zh": "{name}：“{text}”不是整数，未采用（应为 {low} 到 {high} 的整数）。",
        "en": "{name}: “{text}” is not a whole number; not used (expected {low} to {high}).",
    },
    "input.range": {
        "zh": "{name}：{text} 超出范围，未采用（应在 {low} 到 {high} 之间）。",
        "en": "{name}: {text} is out of range; not used (expected {low} to {high}).",
    },
    "status.wait_train": {
        "zh": "{epochs} 轮较长：按“训练”开始。",
        "en": "{epochs} epochs is a long run: press Train to start it.",
    },
    "status.oscillating": {
        "zh": "损失在振荡：η 可能太大。",
        "en": "loss is oscillating: η may be too large.",
    },
    "status.no_progress": {
        "zh": "损失几乎没有下降（{first:.4g} → {last:.4g}）：试试更大的 η 或别的初值。",
        "en": "the loss hardly fell ({first:.4g} → {last:.4g}): try a larger η or a new start.",
    },
    "plot.loss.run_full": {
        "zh": "η = {eta:.3g}，{mode}，{act}，{epochs} 轮",
        "en": "η = {eta:.3g}, {mode}, {act}, {epochs} epochs",
    },
    "plot.boundary.flat": {
        "zh": "ŷ 处处约为 {value:.2f}：没有决策边界可画。",
        "en": "ŷ ≈ {value:.2f} everywhere: no decision boundary to draw.",
    },
    "plot.loss.alt": {
        "zh": "损失曲线：{runs} 条，本次第 {epoch} 轮 E = {loss:.4g}",
        "en": "Loss curve: {runs} run(s); this run at epoch {epoch}, E = {loss:.4g}",
    },
    "plot.net.alt": {
        "zh": "网络图：{sizes}，{phase}",
        "en": "Network diagram: {sizes}, {phase}",
    },
    "plot.boundary.alt": {
        "zh": "决策边界：两个输入上的网络输出 ŷ",
        "en": "Decision boundary: the network's output ŷ over the two inputs",
    },
    "plot.fallback": {
        "zh": "静态图：按当前设置训练 {epochs} 轮的结果（打开内核后可交互）",
        "en": "Static picture: {epochs} epochs with these settings (interactive with a kernel)",
    },
}
