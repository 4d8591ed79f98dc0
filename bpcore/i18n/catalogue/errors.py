"""Error messages: the catalogue's own, then every :class:`bpcore.InputError`, by module.

An error names the argument, what it received and what was expected; its fields are
filled in when it is raised (``InputError("err.module.function", name=..., ...)``).
"""

MESSAGES: dict[str, dict[str, str]] = {
    # --- the catalogue, the playground, training -------------------------------------------------
    "err.diverged": {
        "zh": "训练发散：第 {epoch} 轮的损失不再是有限数（请尝试更小的学习率 η）",
        "en": "training diverged at epoch {epoch}: the loss is no longer finite (try a smaller "
        "learning rate eta)",
    },
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
    # --- bpcore._validate ------------------------------------------------------------------------
    "err.validate.as_array.rectangular": {
        "zh": "{name} 应为规整的数值数组，每一行长度相同；实际各行长度为 {rows}",
        "en": "{name} must be a rectangular array of numbers, every row of the same length; got "
        "rows of lengths {rows}",
    },
    "err.validate.as_array.number": {
        "zh": "{name} 应为数或数值数组；实际为 {got}",
        "en": "{name} must be a number or an array of numbers; got {got}",
    },
    "err.validate.choice": {
        "zh": "{name} 应为 {listed} 之一；实际为 {got}",
        "en": "{name} must be one of {listed}; got {got}",
    },
    "err.validate.positive_number": {
        "zh": "{name} 应为大于 0 的有限实数；实际为 {got}",
        "en": "{name} must be a finite number greater than 0; got {got}",
    },
    "err.validate.count": {
        "zh": "{name} 应为不小于 {minimum} 的整数{upper}；实际为 {got}",
        "en": "{name} must be an integer of at least {minimum}{upper}; got {got}",
    },
    "err.validate.real_array.array": {
        "zh": "{name} 应为{kind}数组{hint}；实际为 {got}",
        "en": "{name} must be an array of {kind}{hint}; got {got}",
    },
    "err.validate.real_array.other": {
        "zh": "{name} 应为 {want} 数组；实际为 {got}",
        "en": "{name} must be {want}; got {got}",
    },
    "err.validate.real_array.have": {
        "zh": "{name} 的形状应为 {want}；实际为 {arr_shape}",
        "en": "{name} must have shape {want}; got shape {arr_shape}",
    },
    "err.validate.real_array.empty": {
        "zh": "{name} 不能为空；实际为 {got}",
        "en": "{name} must not be empty; got {got}",
    },
    "err.validate.real_array.contain": {
        "zh": "{name} 只能包含有限数；其中有 {bad} 个 NaN 或无穷大",
        "en": "{name} must contain only finite numbers; got {bad} NaN or infinite value(s)",
    },
    "err.validate.same_length": {
        "zh": "{name_x} 与 {name_y} 的样本数（行数）应相同；实际为 {X_shape_0} 和 {Y_shape_0}",
        "en": "{name_x} and {name_y} must have the same number of samples (rows); got "
        "{X_shape_0} and {Y_shape_0}",
    },
    # --- bpcore.decay ----------------------------------------------------------------------------
    "err.decay.check_lam": {
        "zh": "lam（式5.17的λ，误差项的权重）应为满足 0 < lam ≤ 1 的数；实际为 {lam!r}",
        "en": "lam (λ of eq. 5.17, the weight on the error) must be a number with 0 < lam ≤ 1; "
        "got {lam!r}",
    },
    # --- bpcore.deepnets -------------------------------------------------------------------------
    "err.deepnets.deep_network": {
        "zh": "sizes 至少要有 2 项（输入层和输出层）；实际为 {sizes}",
        "en": "sizes needs at least 2 entries (inputs and outputs); got {sizes}",
    },
    "err.deepnets.swap_inputs": {
        "zh": "X 至少要有 2 列才能交换x₁和x₂；实际形状为 {X_shape}",
        "en": "X needs at least 2 columns to swap x₁ and x₂; got shape {X_shape}",
    },
    # --- bpcore.digits ---------------------------------------------------------------------------
    "err.digits.one_hot": {
        "zh": "labels 应为 0 到 {largest} 的整数；实际取值从 {labels_min:g} 到 {labels_max:g}",
        "en": "labels must be integers from 0 to {largest}; got values from {labels_min:g} to "
        "{labels_max:g}",
    },
    "err.digits.train_test_split": {
        "zh": "test_fraction 应在 0 和 1 之间；实际为 {test_fraction}",
        "en": "test_fraction must be between 0 and 1; got {test_fraction}",
    },
    # --- bpcore.early_stopping -------------------------------------------------------------------
    "err.early_stopping.holdout_split.validation": {
        "zh": "validation 应为严格介于 0 和 1 之间的比例；实际为 {share!r}",
        "en": "validation must be a share of the rows strictly between 0 and 1; got {share!r}",
    },
    "err.early_stopping.holdout_split.validation_leaves": {
        "zh": "validation={share} 使 {len_X} 行数据的训练集或验证集为空",
        "en": "validation={share} leaves an empty training or validation set for {len_X} rows",
    },
    "err.early_stopping.train_early_stopping.split": {
        "zh": "split 应为 holdout_split(X, Y, ...) 的返回值；实际为 {got_type}",
        "en": "split must be the result of holdout_split(X, Y, ...); got {got_type}",
    },
    "err.early_stopping.train_early_stopping.train": {
        "zh": "train_early_stopping 自己设置 {key}，请不要传入",
        "en": "train_early_stopping sets {key} itself; do not pass it",
    },
    # --- bpcore.fastpath.codegen -----------------------------------------------------------------
    "err.fastpath.codegen.check_args.positive": {
        "zh": "{what} 应为正整数；实际为 {batch_size!r}",
        "en": "{what} must be a positive integer; got {batch_size!r}",
    },
    "err.fastpath.codegen.check_args.reduction": {
        "zh": "reduction 应为 'mean' 或 'sum'；实际为 {reduction!r}",
        "en": "reduction must be 'mean' or 'sum'; got {reduction!r}",
    },
    "err.fastpath.codegen.bad_call": {
        "zh": "p、x、y 应分别为 {n_p}、{n_x}、{n_y} 个浮点数的序列（参数按 Network.flat() 顺序，"
        "输入与目标按行展平）；实际长度为 {size_p}、{size_x}、{size_y}",
        "en": "expected p, x, y as sequences of {n_p}, {n_x}, {n_y} floats (parameters in "
        "Network.flat() order, inputs and targets flattened row-major); got lengths "
        "{size_p}, {size_x}, {size_y}",
    },
    "err.fastpath.codegen.make_epochs_runner": {
        "zh": "batch_size 不能超过 n_samples（{n_samples}）；实际为 {batch_size}",
        "en": "batch_size must be at most n_samples ({n_samples}); got {batch_size}",
    },
    # --- bpcore.gradcheck ------------------------------------------------------------------------
    "err.gradcheck.numeric_gradient": {
        "zh": "order 应为 2 或 4；实际为 {order!r}",
        "en": "order must be 2 or 4; got {order!r}",
    },
    "err.gradcheck.step_valley.eps": {
        "zh": "eps 与 errors 应为长度相同（≥ 2）的一维数组；实际形状为 {eps_shape} 和 "
        "{errors_shape}",
        "en": "eps and errors must be 1-D of the same length ≥ 2; got shapes {eps_shape} and "
        "{errors_shape}",
    },
    "err.gradcheck.step_valley.factor": {
        "zh": "factor 应大于 1；实际为 {factor}",
        "en": "factor must be > 1; got {factor}",
    },
    # --- bpcore.local_minima ---------------------------------------------------------------------
    "err.local_minima.multistart": {
        "zh": "make_net 应为以种子为参数、返回网络的函数；实际为 {make_net!r}",
        "en": "make_net must be a function of a seed that returns a network; got {make_net!r}",
    },
    "err.local_minima.acceptance_probability": {
        "zh": "T 应为不小于 0 的温度；实际为 {T!r}",
        "en": "T must be a temperature of at least 0; got {T!r}",
    },
    "err.local_minima.fraction": {
        "zh": "{name} 应为满足 0 < {name} {upper} 的数；实际为 {value!r}",
        "en": "{name} must be a number with 0 < {name} {upper}; got {value!r}",
    },
    "err.local_minima.anneal": {
        "zh": "T0 应为不小于 0 的温度；实际为 {T0!r}",
        "en": "T0 must be a temperature of at least 0; got {T0!r}",
    },
    "err.local_minima.multistart.seeds": {"zh": "seeds 不能为空", "en": "seeds must not be empty"},
    # --- bpcore.matrix_form ----------------------------------------------------------------------
    "err.matrix_form.network": {
        "zh": "net 应为 bpcore.Network 或 TextbookNet；实际为 {got_type}",
        "en": "net must be a bpcore.Network or TextbookNet; got {got_type}",
    },
    # --- bpcore.network --------------------------------------------------------------------------
    "err.network.init": {
        "zh": "第 {next_k} 层有 {n_in} 个输入，而第 {k} 层有 {n_out} 个输出；两者应相等",
        "en": "layer {next_k} has {n_in} inputs but layer {k} has {n_out} outputs; they must match",
    },
    "err.network.from_sizes": {
        "zh": "sizes 至少要有 2 项（输入层和输出层）；实际为 {sizes}",
        "en": "sizes needs at least 2 entries (inputs and outputs); got {sizes}",
    },
    "err.network.inputs": {
        "zh": "{name} 的每个样本应有 {self_n_inputs} 个特征（形状 (m, {self_n_inputs}) 或 ("
        "{self_n_inputs},)）；实际形状为 {X_shape}",
        "en": "{name} must have {self_n_inputs} feature(s) per sample (shape (m, "
        "{self_n_inputs}) or ({self_n_inputs},)); got shape {X_shape}",
    },
    "err.network.targets": {
        "zh": "{name} 的形状应为 ({m}, {l})，对应 {m} 个样本和 {l} 个输出；实际为 {Y_shape}",
        "en": "{name} must have shape ({m}, {l}) to match {m} sample(s) and {l} output(s); got "
        "shape {Y_shape}",
    },
    "err.network.from_network": {
        "zh": "TextbookNet 需要两层带阈值的 sigmoid 网络；实际为 {network!r}",
        "en": "TextbookNet needs 2 sigmoid layers with thresholds; got {network!r}",
    },
    "err.network.init.layers": {
        "zh": "layers 应为非空的 bpcore.Layer 列表",
        "en": "layers must be a non-empty list of bpcore.Layer",
    },
    # --- bpcore.perceptron -----------------------------------------------------------------------
    "err.perceptron.train_perceptron": {
        "zh": "y 只能包含标签 0 和 1；实际为 {labels}",
        "en": "y must contain only the labels 0 and 1; got {labels}",
    },
    # --- bpcore.sweep ----------------------------------------------------------------------------
    "err.sweep.sweep": {
        "zh": "etas 必须是非空的一维数组，元素为大于 0 的有限数，收到 {etas!r}",
        "en": "etas must be a non-empty 1-D array of finite numbers > 0, got {etas!r}",
    },
    "err.sweep.edge": {
        "zh": "etas 与 ok 应为等长的一维数组，收到形状 {etas_shape} 和 {ok_shape}",
        "en": "etas and ok must be 1-D of one length, got shapes {etas_shape} and {ok_shape}",
    },
    "err.sweep.find_edge": {
        "zh": "lo 必须小于 hi，收到 lo={lo!r}，hi={hi!r}",
        "en": "lo must be below hi, got lo={lo!r}, hi={hi!r}",
    },
    "err.sweep.find_edge.every": {
        "zh": "在 lo={lo!r} 与 hi={hi!r} 之间没有边界：每个学习率都可以（{criterion!r}，"
        "{epochs} 轮）；请扩大范围",
        "en": "no edge between lo={lo!r} and hi={hi!r}: every learning rate works "
        "({criterion!r}, {epochs} epochs); widen the range",
    },
    "err.sweep.find_edge.none": {
        "zh": "在 lo={lo!r} 与 hi={hi!r} 之间没有边界：没有一个学习率可以（{criterion!r}，"
        "{epochs} 轮）；请扩大范围",
        "en": "no edge between lo={lo!r} and hi={hi!r}: no learning rate works ({criterion!r}, "
        "{epochs} epochs); widen the range",
    },
    "err.sweep.edge.etas": {"zh": "etas 必须严格递增", "en": "etas must be strictly increasing"},
    # --- bpcore.symbolic.accumulated -------------------------------------------------------------
    "err.symbolic.accumulated.check_m": {
        "zh": "m 应为正整数（样本数）；实际为 {m!r}",
        "en": "m must be a positive integer (number of samples); got {m!r}",
    },
    # --- bpcore.symbolic.crossentropy ------------------------------------------------------------
    "err.symbolic.crossentropy.softmax_proof": {
        "zh": "softmax_proof 需要整数 l >= 2 且 0 <= j < l；实际为 l={l!r}，j={j!r}",
        "en": "softmax_proof needs an integer l >= 2 and 0 <= j < l; got l={l!r}, j={j!r}",
    },
    # --- bpcore.symbolic.derivation --------------------------------------------------------------
    "err.symbolic.derivation.pick": {
        "zh": "未知语言 {lang!r}；应为 'en' 或 'zh'",
        "en": "unknown language {lang!r}; expected 'en' or 'zh'",
    },
    # --- bpcore.symbolic.functions ---------------------------------------------------------------
    "err.symbolic.functions.activation_derivative": {
        "zh": "未知激活函数 {name!r}；应为 {known} 之一",
        "en": "unknown activation {name!r}; expected one of {known}",
    },
    # --- bpcore.symbolic.netexpr -----------------------------------------------------------------
    "err.symbolic.netexpr.spec_key.spec": {
        "zh": "spec 应为 bpcore.NetSpec（sizes、activations、offsets）；实际为 {spec!r}",
        "en": "spec must be a bpcore.NetSpec (sizes, activations, offsets); got {spec!r}",
    },
    "err.symbolic.netexpr.spec_key.spec_sizes": {
        "zh": "spec.sizes 应至少包含 2 个正的层宽；实际为 {sizes}",
        "en": "spec.sizes must hold at least 2 positive layer widths; got {sizes}",
    },
    "err.symbolic.netexpr.spec_key.spec_needs": {
        "zh": "spec 的每个权重层（共 {n} 层）需要一个激活函数和一种偏移；"
        "实际为 {len_acts} 和 {len_offs}",
        "en": "spec needs one activation and one offset kind per weight layer ({n}); got "
        "{len_acts} and {len_offs}",
    },
    "err.symbolic.netexpr.spec_key.activation": {
        "zh": "不支持激活函数 {a!r}；应为 {ACTIVATION_NAMES} 之一",
        "en": "activation {a!r} is not supported; expected one of {ACTIVATION_NAMES}",
    },
    "err.symbolic.netexpr.spec_key.offset": {
        "zh": "不支持偏移类型 {o!r}；应为 'bias' 或 'threshold'",
        "en": "offset kind {o!r} is not supported; expected 'bias' or 'threshold'",
    },
    # --- bpcore.symbolic.textbook ----------------------------------------------------------------
    "err.symbolic.textbook.check_sizes": {
        "zh": "sizes 应为三个正整数 (d, q, l)；实际为 {sizes!r}",
        "en": "sizes must be three positive integers (d, q, l); got {sizes!r}",
    },
    # --- bpcore.train ----------------------------------------------------------------------------
    "err.train.snapshot": {
        "zh": "第 {epoch} 轮没有快照；已保存的轮次为 {self_snapshot_epochs}",
        "en": "no snapshot at epoch {epoch}; snapshots exist at {self_snapshot_epochs}",
    },
    "err.train.choose_fast": {
        "zh": "fast 必须是 True、False 或 'auto'，收到 {fast!r}",
        "en": "fast must be True, False or 'auto', got {fast!r}",
    },
    "err.train.loss_for_path": {
        "zh": "fast=True（编译的 SymPy 步骤）只支持 loss='half_sse' 和逐元素激活函数；"
        "实际为 loss={loss!r}，激活函数 {activations}。请用 fast=False",
        "en": "fast=True (the compiled SymPy step) supports loss='half_sse' with elementwise "
        "activations only; got loss={loss!r}, activations {activations}. Use fast=False",
    },
    "err.train.batch_size": {
        "zh": "mode='minibatch' 需要 batch_size（1 到样本数之间的整数）",
        "en": "mode='minibatch' needs batch_size (an integer from 1 to the number of samples)",
    },
    "err.train.train": {
        "zh": "fast=True（编译的 SymPy 步骤）不支持权重衰减；使用 lam 时请设 fast=False",
        "en": "fast=True (the compiled SymPy step) has no weight decay; use lam with fast=False",
    },
    # --- bpcore.tutorials.ledger -----------------------------------------------------------------
    "err.tutorials.ledger.ledger_table": {
        "zh": "核对表没有这些列：{unknown}；可选 {columns}",
        "en": "unknown ledger columns {unknown}; choose from {columns}",
    },
    # --- bpcore.tutorials.model ------------------------------------------------------------------
    "err.tutorials.model.set": {
        "zh": "{self} 只能设为有限的数；收到 {value!r}",
        "en": "{self} must be set to a finite number; got {value!r}",
    },
    "err.tutorials.model.grad": {
        "zh": "gradients 应来自 Network.gradients 或 TextbookNet.gradients；收到 {got_type}",
        "en": "gradients must come from Network.gradients or TextbookNet.gradients; got {got_type}",
    },
    "err.tutorials.model.param": {
        "zh": "{self_name} 没有参数 {name!r}；它的参数为 {parameters}",
        "en": "{self_name} has no parameter {name!r}; its parameters are {parameters}",
    },
    "err.tutorials.model.train": {
        "zh": "{self_name} 不是网络例子，不能用 bpcore.train 训练",
        "en": "{self_name} is not a network example and cannot be trained with bpcore.train",
    },
    "err.tutorials.model.published_value": {
        "zh": "{self_name} 没有公布名为 {quantity!r} 的量",
        "en": "{self_name} publishes no quantity {quantity!r}",
    },
    "err.tutorials.model.get": {
        "zh": "没有名为 {name!r} 的例子；可用的例子：{listed}",
        "en": "there is no example named {name!r}; available examples: {listed}",
    },
    # --- bpcore.tutorials.trace ------------------------------------------------------------------
    "err.tutorials.trace.section": {
        "zh": "{self_example} 的计算表没有 {key!r} 部分；已有 {sections}",
        "en": "trace {self_example} has no section {key!r}; it has {sections}",
    },
    # --- bpcore.activations ----------------------------------------------------------------------
    "err.activations.softmax": {
        "zh": "softmax 需要一组得分 z（形状 (l,) 或 (m, l)）；实际为标量",
        "en": "softmax needs a vector of scores z (shape (l,) or (m, l)); got a scalar",
    },
    # --- bpcore.plots.practice ---------------------------------------------------------------
    "err.plots.practice.runs.non": {
        "zh": "{name} 应为非空的 bpcore.History 序列（每个种子一个）；实际为 {runs!r}",
        "en": "{name} must be a non-empty sequence of bpcore.History (one per seed); got {runs!r}",
    },
    "err.plots.practice.runs.runs": {
        "zh": "{name} 中的各次训练应跑相同的轮数；实际为 {lengths}",
        "en": "the runs of {name} must have run the same number of epochs; got {lengths}",
    },
    "err.plots.practice.early_stopping_figure": {
        "zh": "result 应为 early_stopping.train_early_stopping 的返回值；实际为 {got_type}",
        "en": "result must come from early_stopping.train_early_stopping; got {got_type}",
    },
    "err.plots.practice.weight_decay_figure.results": {
        "zh": "results 应为非空的映射 λ → EarlyStopping；实际为 {results!r}",
        "en": "results must be a non-empty mapping λ → EarlyStopping; got {results!r}",
    },
    "err.plots.practice.weight_decay_figure.run": {
        "zh": "λ = {lam} 的训练没有保存快照；请用 snapshot_every=k 训练",
        "en": "the run for λ = {lam} kept no snapshots; train it with snapshot_every=k",
    },
    "err.plots.practice.multistart_figure": {
        "zh": "runs 应为 local_minima.multistart 的返回值；实际为 {got_type}",
        "en": "runs must come from local_minima.multistart; got {got_type}",
    },
    "err.plots.practice.bp_comparison_figure.runs": {
        "zh": "runs 应为非空的映射：训练方式 → History 列表；实际为 {runs!r}",
        "en": "runs must be a non-empty mapping mode → list of History; got {runs!r}",
    },
    "err.plots.practice.bp_comparison_figure.seconds": {
        "zh": "seconds 应给出每种训练方式每轮的秒数；缺少 {missing}",
        "en": "seconds must give the seconds per epoch of every mode; missing {missing}",
    },
}
