// bpcore's live playground panels, drawn in the browser from numbers the kernel sends.
// One ES module for anywidget (no bundler, no network): the model's "kind" says which panel
// (loss curves, the network, the decision boundary) this element draws on its <canvas>.
// Every redraw is coalesced into one animation frame; after drawing, the element carries
// data-frames (a counter), data-run and data-epoch (what the loss panel shows), and the canvas
// carries bpLabels (the boxes of the texts it drew) for the tests.

const FONT = 'system-ui, "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
const INK = "#222", GRID = "#e4e4e4", FADED = ["#8fb3d9", "#e0a37a", "#9cc69b", "#c9a0dc", "#d9c27a", "#a0a0a0"];

function fmtTick(v, lang) {
  const a = Math.abs(v);
  if (lang === "zh") {
    if (a >= 1e8) return +(v / 1e8).toPrecision(3) + "亿";
    if (a >= 1e4) return +(v / 1e4).toPrecision(3) + "万";
    return String(+v.toPrecision(4));
  }
  if (a >= 1e6) return +(v / 1e6).toPrecision(3) + "M";
  if (a >= 1e3) return +(v / 1e3).toPrecision(3) + "k";
  return String(+v.toPrecision(4));
}

function fmtNum(v, digits = 3) {
  if (!isFinite(v)) return String(v);
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e4 || a < 1e-3) return v.toExponential(digits - 1);
  return String(+v.toPrecision(digits));
}

function niceStep(span, count) {
  const raw = span / Math.max(count, 1);
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

function setup(canvas, w, h) {
  const dpr = window.devicePixelRatio || 1;
  // both sides: a new canvas is 300 × 150, so a 300-wide panel must still set its height
  if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
    canvas.style.width = w + "px";
    canvas.style.height = h + "px";
  }
  const ctx = canvas.getContext("2d");
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, w, h);
  canvas.bpLabels = [];
  return ctx;
}

// Text that records its box; `avoid` true: skip it when it would overlap a recorded box.
function label(ctx, canvas, text, x, y, opts = {}) {
  const size = opts.size || 12;
  ctx.font = `${opts.bold ? "600 " : ""}${size}px ${FONT}`;
  const w = ctx.measureText(text).width, h = size * 1.2;
  const align = opts.align || "left";
  const left = align === "center" ? x - w / 2 : align === "right" ? x - w : x;
  const box = { text, x: left - 1, y: y - h / 2 - 1, w: w + 2, h: h + 2, kind: opts.kind || "" };
  if (opts.avoid && canvas.bpLabels.some((b) => overlap(b, box))) return null;
  if (opts.bg) {
    ctx.fillStyle = opts.bg;
    ctx.fillRect(box.x, box.y, box.w, box.h);
  }
  ctx.fillStyle = opts.color || INK;
  ctx.textAlign = "left";
  ctx.textBaseline = "middle";
  ctx.fillText(text, left, y);
  canvas.bpLabels.push(box);
  return box;
}

// The distance between two stacked lines of text of `size` px: more than a label's box.
function lineStep(size) {
  return Math.ceil(size * 1.2) + 4;
}

function overlap(a, b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

// ---- loss curves -------------------------------------------------------------------------
function curvePoints(c) {
  const pts = [];
  (c.values || []).forEach((v, i) => pts.push([i * c.stride, v]));
  if (c.last && (!pts.length || pts[pts.length - 1][0] < c.last[0])) pts.push(c.last);
  return pts;
}

function drawLoss(el, model, canvas) {
  const W = 560, H = 280, T = model.get("texts") || {}, lang = model.get("lang");
  const ctx = setup(canvas, W, H);
  const cur = model.get("curve") || {};
  const runs = model.get("runs") || [];
  const curves = runs.map((r, k) => ({ pts: curvePoints(r), label: r.label, color: FADED[k % FADED.length], width: 1.5 }));
  const mine = curvePoints(cur);
  curves.push({ pts: mine, label: cur.label || T.current || "", color: "#111", width: 2.2 });
  // plot area on the left, legend in its own column on the right: never over the data
  const L = 58, R = 350, TOP = 30, B = H - 42;
  label(ctx, canvas, T.title || "", L, 14, { bold: true, size: 13 });
  let xmax = Math.max(cur.target || 1, 1);
  let lo = Infinity, hi = -Infinity;
  for (const c of curves) for (const [e, v] of c.pts) {
    if (v > 0 && isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    xmax = Math.max(xmax, e);
  }
  if (!isFinite(lo)) { lo = 0.01; hi = 1; }
  let ylo = Math.floor(Math.log10(lo)), yhi = Math.ceil(Math.log10(hi));
  if (yhi - ylo < 1) { ylo -= 1; yhi += 0; if (yhi === ylo) yhi += 1; }
  const X = (e) => L + (R - L) * (e / xmax);
  const Y = (v) => B - (B - TOP) * ((Math.log10(v) - ylo) / (yhi - ylo));
  ctx.strokeStyle = GRID; ctx.lineWidth = 1;
  const step = niceStep(xmax, 4);
  for (let e = 0; e <= xmax + 1e-9; e += step) {
    ctx.beginPath(); ctx.moveTo(X(e), TOP); ctx.lineTo(X(e), B); ctx.stroke();
    label(ctx, canvas, fmtTick(e, lang), X(e), B + 16, { align: "center", size: 11, kind: "tick" });
  }
  const every = Math.max(1, Math.ceil((yhi - ylo) / 5));
  for (let d = ylo; d <= yhi; d += every) {
    ctx.beginPath(); ctx.moveTo(L, Y(10 ** d)); ctx.lineTo(R, Y(10 ** d)); ctx.stroke();
    label(ctx, canvas, d === 0 ? "1" : `1e${d}`, L - 6, Y(10 ** d), { align: "right", size: 11, kind: "tick" });
  }
  ctx.strokeStyle = "#888"; ctx.strokeRect(L, TOP, R - L, B - TOP);
  label(ctx, canvas, T.xlabel || "", (L + R) / 2, H - 10, { align: "center", size: 12 });
  ctx.save(); ctx.translate(12, (TOP + B) / 2); ctx.rotate(-Math.PI / 2);
  ctx.font = `12px ${FONT}`; ctx.fillStyle = INK; ctx.textAlign = "center"; ctx.textBaseline = "middle";
  ctx.fillText(T.ylabel || "", 0, 0); ctx.restore();
  ctx.save(); ctx.beginPath(); ctx.rect(L, TOP, R - L, B - TOP); ctx.clip();
  for (const c of curves) {
    ctx.strokeStyle = c.color; ctx.lineWidth = c.width; ctx.beginPath();
    let started = false;
    for (const [e, v] of c.pts) {
      if (!(v > 0) || !isFinite(v)) continue;
      if (!started) { ctx.moveTo(X(e), Y(v)); started = true; } else ctx.lineTo(X(e), Y(v));
    }
    ctx.stroke();
    if (c.pts.length === 1) { ctx.fillStyle = c.color; ctx.beginPath(); ctx.arc(X(c.pts[0][0]), Y(c.pts[0][1]), 3, 0, 7); ctx.fill(); }
  }
  if (cur.diverged_at) {
    ctx.strokeStyle = "#c0392b"; ctx.setLineDash([4, 3]); ctx.beginPath();
    ctx.moveTo(X(cur.diverged_at), TOP); ctx.lineTo(X(cur.diverged_at), B); ctx.stroke(); ctx.setLineDash([]);
  }
  ctx.restore();
  // legend column
  let y = TOP + 8;
  for (const c of curves.slice().reverse()) {
    if (!c.label) continue;
    ctx.strokeStyle = c.color; ctx.lineWidth = c.width;
    ctx.beginPath(); ctx.moveTo(R + 12, y); ctx.lineTo(R + 30, y); ctx.stroke();
    const words = wrap(ctx, c.label, W - R - 40, 11);
    for (const line of words) { label(ctx, canvas, line, R + 34, y, { size: 11, kind: "legend" }); y += lineStep(11); }
    y += 4;
    if (y > H - 20) break;
  }
  if (cur.note) {  // inside the plot's width, one line under the other
    wrap(ctx, cur.note, R - L - 12, 11).forEach((line, k) => label(ctx, canvas, line, L + 6, TOP + 10 + lineStep(11) * k,
      { size: 11, color: "#c0392b", bg: "rgba(255,255,255,0.85)" }));
  }
  el.dataset.run = String(cur.id ?? "");
  el.dataset.epoch = String(mine.length ? mine[mine.length - 1][0] : 0);
  el.dataset.kernel = cur.timing ? JSON.stringify(cur.timing) : "";  // for the benchmark
}

function wrap(ctx, text, width, size) {
  ctx.font = `${size}px ${FONT}`;
  const parts = text.split(/(?<=[,，、 ])/);
  const lines = [];
  let line = "";
  for (const p of parts) {
    if (line && ctx.measureText(line + p).width > width) { lines.push(line.trim()); line = p; }
    else line += p;
  }
  if (line) lines.push(line.trim());
  return lines;
}

// ---- the network -------------------------------------------------------------------------
function colorOf(v, scale) {
  const a = Math.min(1, Math.abs(v) / (scale || 1));
  return v >= 0 ? `rgba(200,50,40,${0.25 + 0.75 * a})` : `rgba(40,90,200,${0.25 + 0.75 * a})`;
}

function drawNetwork(el, model, canvas) {
  const d = { ...(model.get("fixed") || {}), ...(model.get("data") || {}) };
  const sizes = d.sizes || [1, 1];
  const W = 520, H = 300;
  const ctx = setup(canvas, W, H);
  label(ctx, canvas, d.title || "", 10, 14, { bold: true, size: 13 });
  const layers = sizes.length, left = 60, right = W - 70, top = 44, bottom = H - 34;
  const pos = sizes.map((n, k) => Array.from({ length: n }, (_, i) => [
    left + (right - left) * (k / (layers - 1)),
    n === 1 ? (top + bottom) / 2 : top + (bottom - top) * (i / (n - 1)),
  ]));
  const values = d.edge_values || d.W || [];
  let scale = 0;
  for (const m of values) for (const row of m) for (const v of row) scale = Math.max(scale, Math.abs(v));
  // edges
  for (let k = 0; k < layers - 1; k++) {
    const M = values[k] || [];
    for (let i = 0; i < sizes[k]; i++) for (let j = 0; j < sizes[k + 1]; j++) {
      const v = (M[i] || [])[j] ?? 0;
      ctx.strokeStyle = colorOf(v, scale); ctx.lineWidth = 0.8 + 3.2 * Math.min(1, Math.abs(v) / (scale || 1));
      const [x0, y0] = pos[k][i], [x1, y1] = pos[k + 1][j];
      ctx.beginPath(); ctx.moveTo(x0, y0); ctx.lineTo(x1, y1); ctx.stroke();
    }
  }
  // units and the texts next to them first: they have priority over edge labels
  const R = 13;
  for (let k = 0; k < layers; k++) for (let i = 0; i < sizes[k]; i++) {
    const [x, y] = pos[k][i];
    ctx.fillStyle = k === 0 ? "#f3f3f3" : "#fff"; ctx.strokeStyle = "#444"; ctx.lineWidth = 1.2;
    ctx.beginPath(); ctx.arc(x, y, R, 0, 7); ctx.fill(); ctx.stroke();
    canvas.bpLabels.push({ text: "unit", x: x - R, y: y - R, w: 2 * R, h: 2 * R, kind: "unit" });
    const name = ((d.unit_names || [])[k] || [])[i];
    if (name) label(ctx, canvas, name, x, y, { align: "center", size: 11, kind: "unit-name", avoid: false });
  }
  canvas.bpLabels = canvas.bpLabels.filter((b) => b.kind !== "unit-name");  // names sit inside their circle
  for (let k = 0; k < layers; k++) for (let i = 0; i < sizes[k]; i++) {
    const [x, y] = pos[k][i];
    const uv = ((d.unit_values || [])[k] || [])[i];
    if (uv !== undefined && uv !== null) {
      const text = (((d.unit_value_names || [])[k] || [])[i] || "") + fmtNum(uv);
      const below = label(ctx, canvas, text, x, y + R + 9, { align: "center", size: 11, kind: "value", bg: "#fffbe6", avoid: true });
      if (!below) label(ctx, canvas, text, x, y - R - 9, { align: "center", size: 11, kind: "value", bg: "#fffbe6", avoid: true });
    }
    if (k > 0) {
      const off = ((d.offset_values || d.offsets || [])[k - 1] || [])[i];
      const oname = ((d.offset_names || [])[k - 1] || [])[i];
      if (off !== undefined && d.show_values) {
        label(ctx, canvas, `${oname} ${fmtNum(off)}`, x + R + 4, y - R - 4, { size: 10.5, kind: "offset", color: "#555", bg: "rgba(255,255,255,0.9)", avoid: true })
          || label(ctx, canvas, `${oname} ${fmtNum(off)}`, x + R + 4, y + R + 4, { size: 10.5, kind: "offset", color: "#555", bg: "rgba(255,255,255,0.9)", avoid: true });
      }
    }
  }
  // weight labels along their edges, at the first free position
  if (d.show_values) {
    for (let k = 0; k < layers - 1; k++) {
      const M = values[k] || [];
      for (let i = 0; i < sizes[k]; i++) for (let j = 0; j < sizes[k + 1]; j++) {
        const v = (M[i] || [])[j];
        if (v === undefined) continue;
        const name = (((d.weight_names || [])[k] || [])[i] || [])[j] || "";
        const [x0, y0] = pos[k][i], [x1, y1] = pos[k + 1][j];
        for (const f of [0.3, 0.7, 0.22, 0.78, 0.4, 0.6, 0.5, 0.15, 0.85]) {
          const x = x0 + (x1 - x0) * f, y = y0 + (y1 - y0) * f;
          if (label(ctx, canvas, `${name} ${fmtNum(v)}`, x, y, { align: "center", size: 10.5, kind: "weight", bg: "rgba(255,255,255,0.9)", avoid: true })) break;
        }
      }
    }
  }
  if (d.note) label(ctx, canvas, d.note, 10, H - 10, { size: 11, color: "#555" });
  if (d.legend) label(ctx, canvas, d.legend, W - 10, 14, { size: 10.5, color: "#666", align: "right", avoid: true });
}

// ---- the decision boundary -----------------------------------------------------------------
function drawBoundary(el, model, canvas) {
  const d = { ...(model.get("fixed") || {}), ...(model.get("data") || {}) };
  const W = 300, H = 300, L = 44, R = W - 14, TOP = 28, B = H - 40;
  const ctx = setup(canvas, W, H);
  label(ctx, canvas, d.title || "", 8, 14, { bold: true, size: 13 });
  const n = d.n || 0, [x0, x1, y0, y1] = d.extent || [0, 1, 0, 1];
  const z = d.z ? Uint8Array.from(atob(d.z), (c) => c.charCodeAt(0)) : new Uint8Array(0);
  const cw = (R - L) / Math.max(n, 1), ch = (B - TOP) / Math.max(n, 1);
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) {
    const v = z[r * n + c] / 255;
    ctx.fillStyle = `rgb(${Math.round(60 + 190 * v)},${Math.round(120 + 60 * (1 - Math.abs(2 * v - 1)))},${Math.round(250 - 190 * v)})`;
    ctx.fillRect(L + c * cw, B - (r + 1) * ch, cw + 0.6, ch + 0.6);
  }
  const X = (x) => L + (R - L) * (x - x0) / (x1 - x0), Y = (y) => B - (B - TOP) * (y - y0) / (y1 - y0);
  if (!d.flat && n > 1) {  // the ŷ = 0.5 line: marching squares on the grid
    ctx.strokeStyle = "#111"; ctx.lineWidth = 2; ctx.beginPath();
    const t = 127.5, at = (r, c) => z[r * n + c];
    const px = (c) => L + (c + 0.5) * cw, py = (r) => B - (r + 0.5) * ch;
    for (let r = 0; r < n - 1; r++) for (let c = 0; c < n - 1; c++) {
      const a = at(r, c), b = at(r, c + 1), e = at(r + 1, c + 1), f = at(r + 1, c);
      const pts = [];
      if ((a > t) !== (b > t)) pts.push([px(c) + cw * (t - a) / (b - a), py(r)]);
      if ((b > t) !== (e > t)) pts.push([px(c + 1), py(r) - ch * (t - b) / (e - b)]);
      if ((f > t) !== (e > t)) pts.push([px(c) + cw * (t - f) / (e - f), py(r + 1)]);
      if ((a > t) !== (f > t)) pts.push([px(c), py(r) - ch * (t - a) / (f - a)]);
      for (let p = 0; p + 1 < pts.length; p += 2) { ctx.moveTo(...pts[p]); ctx.lineTo(...pts[p + 1]); }
    }
    ctx.stroke();
  }
  (d.X || []).forEach(([x, y], k) => {
    const cls = (d.Y || [])[k] >= 0.5;
    ctx.fillStyle = cls ? "#fff" : "#111"; ctx.strokeStyle = cls ? "#111" : "#fff"; ctx.lineWidth = 1.5;
    ctx.beginPath(); ctx.arc(X(x), Y(y), 6, 0, 7); ctx.fill(); ctx.stroke();
  });
  ctx.strokeStyle = "#888"; ctx.lineWidth = 1; ctx.strokeRect(L, TOP, R - L, B - TOP);
  for (const [v, s] of [[x0, "x"], [x1, "x"], [y0, "y"], [y1, "y"]]) {
    // x ticks a little below the frame, the lowest and highest y ticks pulled inside it: the
    // two labels at the lower left corner never meet
    if (s === "x") label(ctx, canvas, fmtNum(v, 2), X(v), B + 13, { align: "center", size: 10.5, kind: "tick" });
    else label(ctx, canvas, fmtNum(v, 2), L - 4, Y(v) + (v === y0 ? -6 : 6), { align: "right", size: 10.5, kind: "tick" });
  }
  label(ctx, canvas, d.xlabel || "", (L + R) / 2, H - 10, { align: "center", size: 11.5 });
  ctx.save(); ctx.translate(11, (TOP + B) / 2); ctx.rotate(-Math.PI / 2);
  ctx.font = `11.5px ${FONT}`; ctx.fillStyle = INK; ctx.textAlign = "center"; ctx.textBaseline = "middle";
  ctx.fillText(d.ylabel || "", 0, 0); ctx.restore();
  if (d.note) {
    const lines = wrap(ctx, d.note, R - L - 12, 11);
    lines.forEach((line, k) => label(ctx, canvas, line, L + 6, TOP + 12 + lineStep(11) * k, { size: 11, bg: "rgba(255,255,255,0.9)" }));
  }
}

const DRAW = { loss: drawLoss, network: drawNetwork, boundary: drawBoundary };

function render({ model, el }) {
  const kind = model.get("kind");
  el.classList.add("bpcore-live", `bpcore-live-${kind}`);
  const canvas = document.createElement("canvas");
  canvas.setAttribute("role", "img");
  el.appendChild(canvas);
  let frames = 0, queued = false;
  const draw = () => {
    queued = false;
    DRAW[kind](el, model, canvas);
    canvas.setAttribute("aria-label", model.get("alt") || "");
    el.dataset.frames = String(++frames);
  };
  const later = () => { if (!queued) { queued = true; requestAnimationFrame(draw); } };
  // The loss panel's tail: new points appended to the current curve (a few bytes a frame).
  model.on("change:tail", () => {
    const tail = model.get("tail") || {};
    const cur = model.get("curve") || {};
    if (tail.id !== cur.id) return;
    cur.values = (cur.values || []).slice(0, tail.i0).concat(tail.values || []);
    cur.last = tail.last;
    if (tail.note !== undefined) cur.note = tail.note;
    model.set("curve", { ...cur });  // local only: the kernel keeps its own copy
    later();
  });
  for (const name of ["curve", "runs", "texts", "fixed", "data", "lang", "alt"]) model.on(`change:${name}`, later);
  draw();
  return () => {};
}

export default { render };
