// Bar charts as inline SVG built in the page (no library, no style attribute: the
// Content-Security-Policy allows style sheets from this origin only, so colours come
// from console.css classes). Each chart is an <svg role="img"> with a <title> and a
// <desc> that lists every value, and a <title> per bar for the pointer; the figures
// themselves are also in a table beside each chart, for keyboard and screen readers.
// The SVG namespace as the HTML parser gives it (the files hold no URL, not even a
// namespace name: console_serving_test checks that).
const NS = (() => {
  const probe = document.createElement('div');
  probe.innerHTML = '<svg></svg>';
  return probe.firstChild.namespaceURI;
})();
let uid = 0;

// s('rect', {x: 1}, child...): an SVG element.
function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) el.setAttribute(k, String(v));
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

// A round step for about `count` grid lines up to max (1, 2 or 5 times a power of ten).
function niceStep(max, count) {
  const raw = Math.max(max, 1e-9) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((v) => v >= raw);
  return step;
}

// The <svg> frame: accessible name (title) and every value in words (desc).
function frame(width, height, title, desc, cls) {
  const id = `chart${++uid}`;
  return s('svg', { viewBox: `0 0 ${width} ${height}`, class: `chart ${cls}`, role: 'img',
    'aria-labelledby': `${id}-t ${id}-d`, preserveAspectRatio: 'xMidYMid meet' },
  s('title', { id: `${id}-t` }, title), s('desc', { id: `${id}-d` }, desc));
}

// Vertical bars of a histogram: bins [{label, value, text}], value >= 0; `text` is the
// value as shown (formatted by the caller). Labels turn when they do not fit their slot.
export function columnChart({ title, bins, valueText }) {
  const width = 380; const height = 210;
  const left = 32; const right = 8; const top = 14;
  const slot = (width - left - right) / Math.max(bins.length, 1);
  const turn = bins.some((b) => b.label.length * 6.2 > slot - 2);
  const bottom = turn ? 54 : 26;
  const plotH = height - top - bottom;
  const max = Math.max(...bins.map((b) => b.value), 0);
  const step = niceStep(max, 5);
  const ceiling = Math.max(step, Math.ceil(max / step) * step);
  const y = (v) => top + plotH - (v / ceiling) * plotH;
  const svg = frame(width, height, title, bins.map((b) => `${b.label}: ${b.text}`).join('; '), 'columns');
  for (let v = 0; v <= ceiling + 1e-9; v += step) {
    svg.append(s('line', { class: 'grid', x1: left, x2: width - right, y1: y(v), y2: y(v) }),
      s('text', { class: 'axis', x: left - 6, y: y(v) + 4, 'text-anchor': 'end' }, valueText(v)));
  }
  bins.forEach((b, i) => {
    const x = left + i * slot;
    const barH = (b.value / ceiling) * plotH;
    svg.append(s('g', { class: 'bar' },
      s('rect', { x: x + slot * 0.12, y: y(b.value), width: slot * 0.76, height: Math.max(barH, b.value > 0 ? 1 : 0) },
        s('title', {}, `${b.label}: ${b.text}`)),
      b.value > 0 ? s('text', { class: 'value', x: x + slot / 2, y: y(b.value) - 3, 'text-anchor': 'middle' }, b.text) : null));
    const lx = x + slot / 2; const ly = height - bottom + 14;
    svg.append(turn
      ? s('text', { class: 'axis', x: lx, y: ly, 'text-anchor': 'end', transform: `rotate(-40 ${lx} ${ly})` }, b.label)
      : s('text', { class: 'axis', x: lx, y: ly, 'text-anchor': 'middle' }, b.label));
  });
  svg.append(s('line', { class: 'base', x1: left, x2: width - right, y1: y(0), y2: y(0) }));
  return svg;
}

// Horizontal bars of shares in [0, 1]: rows [{label, value, text}] (value null: no bar,
// `text` says why, e.g. a suppressed group).
export function shareChart({ title, rows }) {
  const width = 420; const rowH = 22; const top = 6; const left = 150; const right = 56;
  const height = top * 2 + rows.length * rowH;
  const plotW = width - left - right;
  const svg = frame(width, height, title, rows.map((r) => `${r.label}: ${r.text}`).join('; '), 'shares');
  for (const v of [0, 0.5, 1]) {
    svg.append(s('line', { class: 'grid', x1: left + v * plotW, x2: left + v * plotW, y1: top, y2: height - top }));
  }
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    const label = r.label.length > 20 ? `${r.label.slice(0, 19)}…` : r.label;
    const w = r.value === null ? 0 : Math.max(0, Math.min(1, r.value)) * plotW;
    svg.append(s('g', { class: r.value === null ? 'bar suppressed' : 'bar' },
      s('title', {}, `${r.label}: ${r.text}`),
      s('text', { class: 'axis', x: left - 6, y: y + rowH / 2 + 4, 'text-anchor': 'end' }, label),
      r.value === null ? null : s('rect', { x: left, y: y + 4, width: Math.max(w, r.value > 0 ? 1 : 0), height: rowH - 8 }),
      s('text', { class: 'value', x: left + w + 4, y: y + rowH / 2 + 4 }, r.text)));
  });
  return svg;
}
