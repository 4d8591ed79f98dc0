"""One message catalogue for everything a student reads, in Simplified Chinese and English.

Every label, button, tooltip, plot title, axis label, legend entry and message of the
playground (:mod:`bpcore.widgets`) and the plots (:mod:`bpcore.plots`) is a key of
:data:`MESSAGES`, with a ``"zh"`` and an ``"en"`` text.  Texts are :meth:`str.format`
templates; both languages of a key use the same placeholders (``tests/test_i18n.py`` checks
this, and that no key lacks a language).

The module imports nothing outside the standard library, so the font build script
(``scripts/build_font_subset.py``) can read the catalogue without importing ``bpcore``.

Examples
--------
>>> from bpcore.i18n import t
>>> t("status.diverged", "zh", epoch=12)
'训练发散：第 12 轮的损失不再是有限数。'
>>> t("status.diverged", "en", epoch=12)
'Training diverged at epoch 12: the loss is no longer a finite number.'
"""

from __future__ import annotations

import string

#: The languages of the course, in the order they are shown.
LANGS: tuple[str, ...] = ("zh", "en")

#: Language used when none is given: the course is written first in Chinese.
DEFAULT_LANG = "zh"

# Keys are grouped by where the text appears: "ui." widget labels and buttons, "tip." tooltips,
# "mode."/"act." choices, "status." messages, "plot." figure text, "table." the step table,
# "err." errors.  Textbook symbols (η, v, γ, w, θ, g, e) stay as they are in both languages.
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
    # --- plots -----------------------------------------------------------------------------
    "plot.loss.title": {"zh": "训练损失", "en": "Training loss"},
    "plot.loss.xlabel": {"zh": "轮次", "en": "epoch"},
    "plot.loss.ylabel": {"zh": "损失 E", "en": "loss E"},
    "plot.loss.current": {"zh": "本次", "en": "this run"},
    "plot.loss.now": {
        "zh": "第 {epoch} 轮  E = {loss:.4g}",
        "en": "epoch {epoch}  E = {loss:.4g}",
    },
    "plot.loss.last": {"zh": "最后 E = {loss:.4g}", "en": "last E = {loss:.4g}"},
    "plot.loss.frozen": {"zh": "阈值/偏置冻结", "en": "offsets frozen"},
    "plot.loss.diverged": {"zh": "第 {epoch} 轮发散", "en": "diverged at epoch {epoch}"},
    "plot.loss.empty": {"zh": "尚未训练", "en": "not trained yet"},
    "plot.net.title": {"zh": "网络与权重", "en": "Network and weights"},
    "plot.net.title_forward": {
        "zh": "前向：各单元的输出",
        "en": "Forward: the output of every unit",
    },
    "plot.net.title_backward": {
        "zh": "反向：连线上为梯度 ∂E/∂w，单元旁为 g、e",
        "en": "Backward: ∂E/∂w on connections; g, e at units",
    },
    "plot.net.title_update": {"zh": "更新后的权重", "en": "Weights after the update"},
    "plot.net.sample": {
        "zh": "单元旁为样本 {k} 的值（共 {m} 个样本，全部见计算表）",
        "en": "values at the units: sample {k} of {m} (all of them in the step table)",
    },
    "plot.net.input": {"zh": "输入层", "en": "input"},
    "plot.net.hidden": {"zh": "隐藏层", "en": "hidden"},
    "plot.net.output": {"zh": "输出层", "en": "output"},
    "plot.net.legend": {
        "zh": "颜色：符号（红正蓝负）；粗细：大小",
        "en": "colour: sign (red +, blue −); width: size",
    },
    "plot.boundary.title": {"zh": "决策边界（ŷ = 0.5）", "en": "Decision boundary (ŷ = 0.5)"},
    "plot.boundary.xlabel": {"zh": "输入 x₁", "en": "input x₁"},
    "plot.boundary.ylabel": {"zh": "输入 x₂", "en": "input x₂"},
    "plot.boundary.class": {"zh": "目标 y = {y:g}", "en": "target y = {y:g}"},
    "plot.boundary.colourbar": {"zh": "网络输出 ŷ", "en": "network output ŷ"},
    "plot.boundary.unavailable": {
        "zh": "决策边界只适用于两个输入、一个输出的网络。",
        "en": "A decision boundary is drawn only for nets with two inputs and one output.",
    },
    # --- lesson 12: the cost of a gradient ------------------------------------------------
    "plot.cost.title": {"zh": "一次梯度的用时", "en": "Time for one gradient"},
    "plot.cost.xlabel": {"zh": "参数个数 n", "en": "number of parameters n"},
    "plot.cost.ylabel": {"zh": "秒", "en": "seconds"},
    "plot.cost.forward": {"zh": "一次前向传播", "en": "one forward pass"},
    "plot.cost.backprop": {
        "zh": "反向传播（前向 + 反向）",
        "en": "backpropagation (forward + backward)",
    },
    "plot.cost.central": {"zh": "中心差分", "en": "central differences"},
    "plot.cost.reference": {
        "zh": "2n × 一次前向传播",
        "en": "2n × one forward pass",
    },
    "plot.count.title": {
        "zh": "一次梯度的工作量（计数，不是计时）",
        "en": "Work for one gradient (counted, not timed)",
    },
    "plot.count.ylabel": {
        "zh": "折合前向传播次数",
        "en": "in forward passes",
    },
    "plot.sweep.title": {
        "zh": "{runs} 个学习率同时训练：训练后的损失",
        "en": "{runs} learning rates trained at once: the final loss",
    },
    "plot.sweep.xlabel": {"zh": "学习率 η（对数坐标）", "en": "learning rate η (log scale)"},
    "plot.sweep.ylabel": {"zh": "训练后的损失 E", "en": "final loss E"},
    "plot.sweep.converged": {"zh": "收敛", "en": "converged"},
    "plot.sweep.oscillating": {"zh": "震荡", "en": "oscillating"},
    "plot.sweep.diverged": {"zh": "发散", "en": "diverged"},
    "plot.sweep.final": {"zh": "每个 η 的最终损失", "en": "final loss of each η"},
    "plot.sweep.clipped": {"zh": "超出纵轴范围", "en": "off the scale"},
    "plot.sweep.met": {"zh": "达到目标损失 {target:g}", "en": "reached the target {target:g}"},
    "plot.sweep.missed": {"zh": "未达到目标损失", "en": "did not reach it"},
    "plot.sweep.derived": {"zh": "推导：{name} = {eta:.4g}", "en": "derived: {name} = {eta:.4g}"},
    "plot.sweep.measured": {"zh": "实测边界 η ≈ {eta:.4g}", "en": "measured edge η ≈ {eta:.4g}"},
    # --- step table ------------------------------------------------------------------------
    "table.caption": {
        "zh": "第 {iteration} 次迭代，样本 {samples}，η = {eta:.4g}",
        "en": "Iteration {iteration}, samples {samples}, η = {eta:.4g}",
    },
    "table.forward": {"zh": "前向计算", "en": "Forward pass"},
    "table.backward": {"zh": "反向传播的梯度", "en": "Gradients from the backward pass"},
    "table.update": {"zh": "参数更新", "en": "Parameter update"},
    "table.sample": {"zh": "样本", "en": "sample"},
    "table.parameter": {"zh": "参数", "en": "parameter"},
    "table.old": {"zh": "旧值", "en": "old"},
    "table.gradient": {"zh": "梯度 ∂E/∂·", "en": "gradient ∂E/∂·"},
    "table.delta": {"zh": "改变量 Δ", "en": "change Δ"},
    "table.new": {"zh": "新值", "en": "new"},
    "table.loss": {"zh": "本批损失 E（更新前）", "en": "batch loss E (before the update)"},
    "table.empty": {
        "zh": "按“单步”查看一次迭代的全部数值。",
        "en": "Press “Step one iteration” to see every number of one iteration.",
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
    # --- errors ----------------------------------------------------------------------------
    "err.lang": {
        "zh": "不支持的语言 {lang!r}：请用 'zh'（中文）或 'en'（英文）。",
        "en": "Unsupported language {lang!r}: use 'zh' (Chinese) or 'en' (English).",
    },
    "err.key": {
        "zh": "消息目录中没有键 {key!r}。",
        "en": "The message catalogue has no key {key!r}.",
    },
    "err.example": {
        "zh": "没有名为 {name!r} 的例子；可用的例子：{names}。",
        "en": "There is no example named {name!r}; available examples: {names}.",
    },
    "err.option": {
        "zh": "{name} 的取值 {value!r} 无效：应为 {expected}。",
        "en": "Invalid value {value!r} for {name}: expected {expected}.",
    },
    # --- lessons 13 and 15: cross-entropy and the handwritten digits -----------------------
    # --- lessons 17–18: BP in practice (bpcore.plots.practice) ----------------------------
    "plot.practice.train": {"zh": "训练误差", "en": "training error"},
    "plot.practice.val": {"zh": "验证误差", "en": "validation error"},
    "plot.practice.error": {"zh": "误差 E", "en": "error E"},
    "plot.practice.best": {
        "zh": "验证误差最小：第 {epoch} 轮",
        "en": "least validation error: epoch {epoch}",
    },
    "plot.practice.es_title": {
        "zh": "过拟合与早停",
        "en": "Overfitting and early stopping",
    },
    "plot.practice.lam": {"zh": "λ = {lam}（衰减）", "en": "λ = {lam} (decay)"},
    "plot.practice.lam_none": {"zh": "λ = {lam}（不衰减）", "en": "λ = {lam} (no decay)"},
    "plot.practice.decay_error": {
        "zh": "权重衰减（式5.17）：误差",
        "en": "Weight decay (eq. 5.17): error",
    },
    "plot.practice.decay_norm": {
        "zh": "参数的平方和 Σw²",
        "en": "Sum of squares Σw² of the parameters",
    },
    "plot.practice.norm": {"zh": "Σw²（连接权与阈值）", "en": "Σw² (weights and thresholds)"},
    "plot.practice.seed": {"zh": "种子 {seed}", "en": "seed {seed}"},
    "plot.practice.seed_axis": {"zh": "随机种子", "en": "random seed"},
    "plot.practice.starts_title": {
        "zh": "多个随机起点",
        "en": "Several random starts",
    },
    "plot.practice.finals_title": {
        "zh": "各起点停在哪里",
        "en": "Where each start ended",
    },
    "plot.practice.final": {"zh": "最终训练误差", "en": "final training error"},
    "plot.practice.fixed": {"zh": "固定顺序（标准BP）", "en": "fixed order (standard BP)"},
    "plot.practice.shuffled": {
        "zh": "每轮打乱（SGD，{runs} 个种子的中位数与范围）",
        "en": "shuffled every epoch (SGD, median and range of {runs} seeds)",
    },
    "plot.practice.order_title": {
        "zh": "固定顺序与每轮打乱",
        "en": "Fixed order vs a shuffle every epoch",
    },
    "plot.practice.mode_runs": {
        "zh": "{mode}：{runs} 个种子",
        "en": "{mode}: {runs} seeds",
    },
    "plot.practice.per_update": {"zh": "按更新次数", "en": "Per update"},
    "plot.practice.per_epoch": {"zh": "按轮次", "en": "Per epoch"},
    "plot.practice.per_second": {"zh": "按时间（本机实测）", "en": "Per second (measured here)"},
    "plot.practice.x_update": {"zh": "参数更新次数", "en": "parameter updates"},
    "plot.practice.x_epoch": {"zh": "轮次", "en": "epoch"},
    "plot.practice.x_second": {"zh": "时间（秒）", "en": "time (s)"},
    "plot.ce.y_hat": {"zh": "输出 ŷ", "en": "output ŷ"},
    "plot.ce.saturated": {
        "zh": "从饱和的错误起点出发（y = 1）",
        "en": "From a saturated wrong start (y = 1)",
    },
    "plot.ce.sse": {"zh": "平方误差 ½(ŷ − y)²", "en": "squared error ½(ŷ − y)²"},
    "plot.ce.bce": {"zh": "交叉熵", "en": "cross-entropy"},
    "plot.ce.grad": {"zh": "梯度 |∂E/∂β|", "en": "gradient |∂E/∂β|"},
    "plot.ce.grad_title": {"zh": "输出层的梯度", "en": "Gradient at the output"},
    "plot.digits.loss": {"zh": "交叉熵损失", "en": "cross-entropy loss"},
    "plot.digits.accuracy": {"zh": "准确率", "en": "accuracy"},
    "plot.digits.train": {"zh": "训练集", "en": "training set"},
    "plot.digits.test": {"zh": "测试集", "en": "test set"},
    "plot.digits.curves": {"zh": "学习曲线", "en": "Learning curves"},
    "plot.digits.confusion": {"zh": "混淆矩阵（测试集）", "en": "Confusion matrix (test set)"},
    "plot.digits.true": {"zh": "真实数字", "en": "true digit"},
    "plot.digits.predicted": {"zh": "预测数字", "en": "predicted digit"},
    "plot.digits.weights": {
        "zh": "第一层权重 v[:, h]，每个隐藏层单元一幅8×8图",
        "en": "First-layer weights v[:, h], one 8×8 image per hidden unit",
    },
    "plot.digits.samples": {"zh": "数字样本", "en": "Sample digits"},
    "plot.digits.mistakes": {"zh": "认错的测试样本", "en": "Misread test digits"},
    "plot.digits.label": {"zh": "标签 {k}", "en": "label {k}"},
    "err.no_ipywidgets": {
        "zh": "训练场需要 ipywidgets：请运行 pip install ipywidgets。",
        "en": "The playground needs ipywidgets: run pip install ipywidgets.",
    },
    "err.custom_net": {
        "zh": "自定义网络需要训练数据 X 和 Y。",
        "en": "A custom network needs training data X and Y.",
    },
    # python -m bpcore.lab (README's course command) when run as root
    "lab.root": {
        "zh": "bpcore.lab：当前是root用户（例如在Docker容器里），Jupyter默认拒绝以root运行，"
        "所以已自动加上--allow-root。最好改用普通用户运行。",
        "en": "bpcore.lab: running as root (in a Docker container, say), which Jupyter refuses "
        "by default, so --allow-root was added. Better: run it as an ordinary user.",
    },
}


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is one of :data:`LANGS`, else raise a bilingual ``ValueError``.

    Parameters
    ----------
    lang : str
        ``"zh"`` or ``"en"``.

    Returns
    -------
    str
        The same language code.

    Examples
    --------
    >>> check_lang("en")
    'en'
    """
    if lang not in LANGS:
        raise ValueError(both("err.lang", lang=lang))
    return lang


def t(key: str, lang: str = DEFAULT_LANG, /, **fields: object) -> str:
    """The text of catalogue entry ``key`` in ``lang``, with ``fields`` filled in.

    Parameters
    ----------
    key : str
        A key of :data:`MESSAGES`, e.g. ``"btn.train"``.
    lang : {"zh", "en"}
        The language.
    **fields
        Values for the template's placeholders.

    Returns
    -------
    str

    Raises
    ------
    KeyError
        If ``key`` is not in the catalogue (the message says so in both languages).
    ValueError
        If ``lang`` is not supported.

    Examples
    --------
    >>> t("btn.train", "zh"), t("btn.train", "en")
    ('训练', 'Train')
    """
    check_lang(lang)
    try:
        entry = MESSAGES[key]
    except KeyError:
        raise KeyError(both("err.key", key=key)) from None
    return entry[lang].format(**fields)


def both(key: str, /, **fields: object) -> str:
    """Both languages of ``key`` on one line, Chinese first: the form used for errors.

    Examples
    --------
    >>> both("btn.reset")
    '重置 / Reset'
    """
    return " / ".join(MESSAGES[key][lang].format(**fields) for lang in LANGS)


def placeholders(template: str) -> set[str]:
    """Names of the ``{placeholders}`` of a format template (used by the sync test).

    Examples
    --------
    >>> sorted(placeholders("第 {epoch} 轮，损失 {loss:.4g}"))
    ['epoch', 'loss']
    """
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def catalogue_text() -> str:
    """Every catalogue text of every language joined: what the CJK font subset must cover."""
    return "\n".join(text for entry in MESSAGES.values() for text in entry.values())
