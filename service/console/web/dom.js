// DOM building and page helpers shared by the console's views: h() for elements, labelled
// fields, tables, the main area, and errors shown from the google.rpc.Status of a failed call.
import { ApiError } from './api.js';
import { t } from './i18n.js';

// h('button', {type: 'button', onclick: f}, 'text', child...): a DOM element.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

let uid = 0;
// A labelled form field: <label for> + control.
export function field(labelText, control) {
  const id = control.id || `f${++uid}`;
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, labelText), control);
}

const main = () => document.getElementById('main');

export function setMain(...nodes) {
  main().replaceChildren(...nodes);
}

export function focusHeading() {
  const heading = main().querySelector('h2');
  if (heading) { heading.tabIndex = -1; heading.focus(); }
}

// Errors: the Status message, the code's meaning, and every field violation.
export function showError(err) {
  const box = document.getElementById('error');
  if (!err) { box.hidden = true; box.replaceChildren(); return; }
  const status = err instanceof ApiError ? err.httpStatus : 0;
  const head = status === 0 ? t('err.network') : (t(`err.${status}`) !== `err.${status}` ? t(`err.${status}`) : `${t('err.other')} ${status}`);
  const items = err instanceof ApiError ? err.fieldViolations() : [];
  box.replaceChildren(
    h('p', {}, h('strong', {}, `${head}: `), err.message || ''),
    items.length ? h('ul', {}, items.map((v) => h('li', {}, `${t('field')} „${v.field}“: ${v.description}`))) : null,
    h('button', { type: 'button', class: 'secondary', onclick: () => showError(null) }, t('dismiss')),
  );
  box.hidden = false;
}

export async function guarded(fn) {
  showError(null);
  try { return await fn(); } catch (e) { showError(e); return undefined; }
}

export function table(columns, rows, rowActions, id) {
  return h('table', { id: `${id}-table` },
    h('thead', {}, h('tr', {}, columns.map(([label]) => h('th', { scope: 'col' }, label)),
      rowActions ? h('th', { scope: 'col' }, t('actions')) : null)),
    h('tbody', {}, rows.map((r) => h('tr', {}, columns.map(([, fn]) => h('td', {}, fn(r))),
      rowActions ? h('td', { class: 'actions' }, rowActions(r)) : null))));
}

// An enum value in words: the translation when there is one, else its name in lower case.
export const enumText = (v, prefix) => {
  const name = String(v || '');
  if (!name || name.endsWith('_UNSPECIFIED')) return '';
  const text = t(name);
  return text !== name ? text : name.replace(prefix, '').toLowerCase().replaceAll('_', ' ');
};
export const dateText = (d) => (d ? `${String(d.day).padStart(2, '0')}.${String(d.month).padStart(2, '0')}.${d.year}` : '');
// An unmatched reason of the run metrics ("outcompeted", a constraint's code) in words.
export const reasonText = (k) => (t(`why.${k}`) !== `why.${k}` ? t(`why.${k}`) : k.replaceAll('_', ' '));
