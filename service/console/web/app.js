// The web console: sign-in, candidates and offers (search, pages), suggestions with
// every score component, Explain, runs with progress, proposals to accept or reject,
// placements, a run's report (report.js). Plain ES modules, no library; every data call
// goes through the API (api.js) with the caller's key, and the server decides what the
// role may see.
import { ApiError, apiKey, get, post, setApiKey, startRun } from './api.js';
import { dateText, enumText, field, guarded, h, focusHeading, reasonText, setMain, showError, table } from './dom.js';
import { dateTime, language, num, setLanguage, t } from './i18n.js';
import { renderReport, reportForm } from './report.js';

const state = { role: '', member: '', view: 'candidates', params: {} };
const PAGE_SIZE = 20;

// ---- sign-in and role ----

async function ok(path, query) {
  try { return await get(path, query); } catch (e) {
    if (e instanceof ApiError && (e.httpStatus === 403)) return null;
    throw e;
  }
}

// No RPC names the caller; the role is what the key may call: Admin (admin), candidate
// records (officer or portal), runs only (analyst). The member is the owner of the
// records the key sees.
async function detectRole() {
  if (await ok('/v1/members', { pageSize: 1 })) return { role: 'admin', member: '' };
  const cands = await ok('/v1/candidates', { pageSize: 1 });
  if (cands) {
    let member = cands.candidates?.[0]?.memberId || '';
    if (!member) member = (await ok('/v1/runs', { pageSize: 1 }))?.runs?.[0]?.memberId || '';
    return { role: 'officer', member };
  }
  const runs = await get('/v1/runs', { pageSize: 1 });
  return { role: 'analyst', member: runs.runs?.[0]?.memberId || '' };
}

function renderWho() {
  const who = document.getElementById('who');
  if (!state.role) { who.replaceChildren(); return; }
  who.replaceChildren(
    h('span', {}, `${t('role')}: `, h('strong', { id: 'role' }, t(`role.${state.role}`))),
    ' · ',
    h('span', {}, `${t('member')}: `, h('strong', { id: 'member' }, state.member || t('unknownMember'))),
    h('span', { class: 'derived', title: t('roleDerived') }, ' *', h('span', { class: 'sr-only' }, ` (${t('roleDerived')})`)),
  );
}

function renderSignIn() {
  state.role = '';
  renderWho();
  document.getElementById('nav').hidden = true;
  document.getElementById('signout').hidden = true;
  const input = h('input', { type: 'password', name: 'key', autocomplete: 'off', required: true, 'aria-describedby': 'keyhelp' });
  const status = h('p', { role: 'status', class: 'hint' });
  const form = h('form', { class: 'card narrow', id: 'signin' },
    h('h2', {}, t('signInTitle')),
    field(t('apiKey'), input),
    h('p', { id: 'keyhelp', class: 'hint' }, t('signInHelp')),
    h('button', { type: 'submit' }, t('signIn')), status);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    setApiKey(input.value.trim());
    status.textContent = t('checking');
    const who = await guarded(detectRole);
    status.textContent = '';
    if (!who) { setApiKey(''); return; }
    Object.assign(state, who);
    state.view = state.role === 'analyst' ? 'runs' : 'candidates';
    start();
  });
  setMain(form);
  input.focus();
}

// ---- navigation ----

function views() {
  if (state.role === 'analyst') return ['runs', 'offers'];
  return ['candidates', 'offers', 'runs', 'placements'];
}

function renderNav() {
  const nav = document.getElementById('nav');
  nav.setAttribute('aria-label', t('navLabel'));
  nav.replaceChildren(h('ul', {}, views().map((v) => h('li', {},
    h('button', { type: 'button', id: `nav-${v}`, class: 'tab', 'aria-current': state.view === v ? 'page' : false,
      onclick: () => go(v) }, t(v))))));
  nav.hidden = false;
  document.getElementById('signout').hidden = false;
}

function go(view, params = {}) {
  state.view = view;
  state.params = params;
  renderNav();
  showError(null);
  const render = { candidates: renderCandidates, offers: renderOffers, runs: renderRuns,
    placements: renderPlacements, candidate: renderCandidate, run: renderRun,
    report: ({ id }) => renderReport(id, { back: () => go('run', { id }) }) }[view];
  render(params);
}

function start() {
  renderWho();
  go(state.view);
}

// ---- lists with pages ----

// A paged list: filters form, table, previous/next by page token.
function pagedList({ title, path, listKey, filters, columns, rowActions, id }) {
  const tokens = [''];
  let pageIndex = 0;
  const tableBox = h('div', { class: 'tablebox', 'aria-live': 'polite' });
  const prev = h('button', { type: 'button', class: 'secondary', disabled: true }, t('prev'));
  const next = h('button', { type: 'button', class: 'secondary', disabled: true }, t('next'));
  const pageLabel = h('span', { class: 'hint' });
  const controls = filters.map((f) => {
    const input = f.options
      ? h('select', { name: f.name }, f.options.map(([v, l]) => h('option', { value: v }, l)))
      : h('input', { type: 'search', name: f.name, placeholder: f.placeholder || '' });
    return { f, input };
  });
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': title },
    controls.map(({ f, input }) => field(f.label, input)),
    h('button', { type: 'submit' }, t('search')));
  async function load() {
    const query = { pageSize: PAGE_SIZE, pageToken: tokens[pageIndex] };
    for (const { f, input } of controls) query[f.name] = input.value.trim();
    tableBox.replaceChildren(h('p', { class: 'hint' }, t('loading')));
    const res = await guarded(() => get(path, query));
    if (!res) { tableBox.replaceChildren(); return; }
    const rows = res[listKey] || [];
    tokens[pageIndex + 1] = res.nextPageToken || '';
    prev.disabled = pageIndex === 0;
    next.disabled = !res.nextPageToken;
    pageLabel.textContent = `${t('page')} ${pageIndex + 1}`;
    tableBox.replaceChildren(rows.length ? table(columns, rows, rowActions, id) : h('p', {}, t('none')));
  }
  form.addEventListener('submit', (ev) => { ev.preventDefault(); pageIndex = 0; tokens.length = 1; load(); });
  prev.addEventListener('click', () => { if (pageIndex > 0) { pageIndex--; load(); } });
  next.addEventListener('click', () => { if (tokens[pageIndex + 1]) { pageIndex++; load(); } });
  setMain(h('section', { id, 'aria-labelledby': `${id}-h` }, h('h2', { id: `${id}-h` }, title), form, tableBox,
    h('div', { class: 'pager' }, prev, pageLabel, next)));
  focusHeading();
  load();
}

function renderCandidates() {
  pagedList({
    id: 'candidates', title: t('candidates'), path: '/v1/candidates', listKey: 'candidates',
    filters: [{ name: 'municipality', label: t('municipality') }, { name: 'kldbCode', label: t('kldb') },
      { name: 'externalId', label: t('externalId') }],
    columns: [
      [t('id'), (c) => h('code', {}, c.id)], [t('name'), (c) => c.displayName],
      [t('municipality'), (c) => c.home?.municipality || ''],
      [t('occupation'), (c) => (c.desiredOccupations || []).map((o) => o.title || o.kldbCode).join(', ')],
      [t('status'), (c) => enumText(c.status, 'CANDIDATE_STATUS_')],
    ],
    rowActions: (c) => h('button', { type: 'button', class: 'suggest', 'data-id': c.id,
      'aria-label': `${t('suggest')}: ${c.displayName}`, onclick: () => go('candidate', { candidate: c }) }, t('suggest')),
  });
}

function renderOffers() {
  pagedList({
    id: 'offers', title: t('offers'), path: '/v1/offers', listKey: 'offers',
    filters: [{ name: 'municipality', label: t('municipality') }, { name: 'kldbCode', label: t('kldb') }],
    columns: [
      [t('id'), (o) => h('code', {}, o.id)],
      [t('occupation'), (o) => o.title || o.occupation?.title || o.occupation?.kldbCode || ''],
      [t('municipality'), (o) => o.location?.municipality || ''],
      [t('seats'), (o) => `${o.seatsTaken || 0} / ${o.seats || 0}`],
      [t('start'), (o) => dateText(o.startDate)],
      [t('status'), (o) => enumText(o.status, 'OFFER_STATUS_')],
    ],
  });
}

// ---- a candidate: suggestions and Explain ----

function componentList(components) {
  return h('ul', { class: 'components' }, (components || []).map((c) => h('li', {},
    h('span', { class: 'cname' }, c.name), ' ',
    h('span', { class: 'cval' }, `${num(c.value, 2)} × ${num(c.weight, 2)} = ${num(c.contribution, 3)}`),
    c.text ? h('span', { class: 'ctext' }, ` – ${c.text}`) : null)));
}

function renderCandidate({ candidate }) {
  const explainBox = h('div', { id: 'explanation', 'aria-live': 'polite' });
  const list = h('div', { id: 'suggestions', 'aria-live': 'polite' }, h('p', { class: 'hint' }, t('loading')));
  const offerInput = h('input', { type: 'text', name: 'offerId', required: true, pattern: '[0-9a-z]{16}', autocomplete: 'off' });
  const explainForm = h('form', { class: 'filters', id: 'explain-form' }, field(t('explainOffer'), offerInput),
    h('button', { type: 'submit' }, t('explain')));
  explainForm.addEventListener('submit', (ev) => { ev.preventDefault(); explain(candidate.id, offerInput.value.trim(), explainBox); });
  setMain(h('section', { 'aria-labelledby': 'cand-h' },
    h('button', { type: 'button', class: 'secondary', onclick: () => go('candidates') }, `← ${t('back')}`),
    h('h2', { id: 'cand-h' }, `${t('suggestionsFor')} ${candidate.displayName} (${candidate.home?.municipality || ''})`),
    list, explainForm, explainBox));
  focusHeading();
  const started = performance.now();
  guarded(async () => {
    const res = await post(`/v1/candidates/${encodeURIComponent(candidate.id)}:suggestOffers`, { k: 10 });
    const rows = res.suggestions || [];
    list.replaceChildren(
      h('p', { class: 'hint' }, `${num(res.considered)} ${t('considered')}, ${num(res.eligible)} ${t('eligiblePairs')}`),
      rows.length ? table([
        ['#', (s) => String(rows.indexOf(s) + 1)],
        [t('offer'), (s) => h('code', {}, s.offerId)],
        [t('score'), (s) => h('strong', {}, num(s.score, 3))],
        [t('travel'), (s) => `${num(s.travelMinutes)} ${t('minutes')}`],
        [t('components'), (s) => componentList(s.components)],
      ], rows, (s) => h('button', { type: 'button', class: 'secondary', 'aria-label': `${t('explain')}: ${s.offerId}`,
        onclick: () => { offerInput.value = s.offerId; explain(candidate.id, s.offerId, explainBox); } }, t('explain')),
      'suggestions') : h('p', {}, t('none')));
    // Read by the browser test: click to suggestions shown.
    window.azmSuggestionsMs = performance.now() - (state.clickedAt ?? started);
    list.dataset.ready = 'true';
  }).then(() => { if (!list.dataset.ready) list.replaceChildren(); });
}

async function explain(candidateId, offerId, box) {
  box.replaceChildren(h('p', { class: 'hint' }, t('loading')));
  const res = await guarded(() => post(`/v1/candidates/${encodeURIComponent(candidateId)}/offers/${encodeURIComponent(offerId)}:explain`, {}));
  if (!res) { box.replaceChildren(); return; }
  box.replaceChildren(h('article', { class: `card ${res.eligible ? 'eligible' : 'excluded'}` },
    h('h3', {}, `${t('explainTitle')}: ${t('offer')} `, h('code', {}, res.offerId)),
    h('p', {}, h('strong', {}, res.eligible ? t('eligible') : t('notEligible')),
      ` · ${t('score')} ${num(res.score, 3)} · ${t('travel')} ${num(res.travelMinutes)} ${t('minutes')}`),
    (res.reasons || []).length ? h('div', {}, h('h4', {}, t('reasons')),
      h('ul', { class: 'reasons' }, res.reasons.map((r) => h('li', {}, r.text || enumText(r.code, 'EXCLUSION_CODE_'))))) : null,
    h('h4', {}, t('components')), componentList(res.components)));
}

// ---- runs ----

function metricsTable(m, run) {
  const keys = ['candidates', 'seats', 'placed', 'fillRate', 'totalScore', 'meanScore', 'firstChoiceShare',
    'top3Share', 'commuteMedianMin', 'commuteP90Min', 'blockingPairs'];
  const pct = new Set(['fillRate', 'firstChoiceShare', 'top3Share']);
  const rows = keys.map((k) => [t(`m.${k}`), pct.has(k) ? `${num((m?.[k] || 0) * 100, 1)} %`
    : num(m?.[k] || 0, ['totalScore', 'meanScore', 'commuteMedianMin', 'commuteP90Min'].includes(k) ? 2 : 0)]);
  const reasons = Object.entries(m?.unmatchedReasons || {});
  if (reasons.length) rows.push([t('m.unmatchedReasons'), reasons.map(([k, v]) => `${reasonText(k)}: ${num(v)}`).join(', ')]);
  if (run) {
    rows.push([t('solveSeconds'), num(run.solveSeconds, 3)]);
    rows.push([t('eligiblePairsRun'), num(run.eligiblePairs)]);
  }
  return h('table', { class: 'metrics', id: 'metrics' }, h('tbody', {}, rows.map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, v)))));
}

function renderRuns() {
  const modes = ['ASSIGN_MODE_OPTIMAL', 'ASSIGN_MODE_STABLE', 'ASSIGN_MODE_GREEDY'];
  const mode = h('select', { name: 'mode' }, modes.map((m) => h('option', { value: m }, t(`mode.${m}`))));
  const label = h('input', { type: 'text', name: 'label', maxlength: 200 });
  const bar = h('progress', { id: 'run-progress', max: 1, value: 0 });
  const barLabel = h('span', { id: 'run-phase', role: 'status' });
  const form = h('form', { class: 'filters', id: 'run-form' }, field(t('mode'), mode), field(t('label'), label),
    h('button', { type: 'submit', id: 'start-run' }, t('startRun')),
    h('div', { class: 'progress' }, h('label', { for: 'run-progress' }, t('progress')), bar, barLabel));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    barLabel.textContent = t('loading');
    const run = await guarded(() => startRun({ mode: mode.value, label: label.value.trim() }, (p) => {
      bar.max = Math.max(1, Number(p.total || 1));
      bar.value = Number(p.done || 0);
      barLabel.textContent = `${t(`phase.${p.phase}`)} ${num(p.done)} / ${num(p.total)}`;
    }));
    button.disabled = false;
    if (!run) { barLabel.textContent = ''; return; }
    bar.max = 1; bar.value = 1;
    barLabel.replaceChildren(`${t('runDone')} `, h('a', { href: '#', id: 'run-done', onclick: (e) => { e.preventDefault(); go('run', { id: run.id }); } }, run.id),
      ` – ${t('placed')} ${num(run.metrics?.placed)} / ${num(run.metrics?.candidates)}`);
    loadList();
  });
  const listBox = h('div', { class: 'tablebox', 'aria-live': 'polite' });
  async function loadList() {
    const res = await guarded(() => get('/v1/runs', { pageSize: 50 }));
    const rows = res?.runs || [];
    listBox.replaceChildren(rows.length ? table([
      [t('id'), (r) => h('code', {}, r.id)], [t('mode'), (r) => enumText(r.mode, 'ASSIGN_MODE_')],
      [t('labelCol'), (r) => r.request?.label || ''], [t('created'), (r) => dateTime(r.createdAt)],
      [t('placed'), (r) => `${num(r.metrics?.placed)} / ${num(r.metrics?.candidates)}`],
      [t('fillRate'), (r) => `${num((r.metrics?.fillRate || 0) * 100, 1)} %`],
      [t('meanScore'), (r) => num(r.metrics?.meanScore, 3)],
    ], rows, (r) => [
      h('button', { type: 'button', class: 'secondary', 'aria-label': `${t('open')}: ${r.id}`, onclick: () => go('run', { id: r.id }) }, t('open')), ' ',
      reportButton(r.id)], 'runs')
      : h('p', {}, t('none')));
  }
  setMain(h('section', { 'aria-labelledby': 'runs-h' }, h('h2', { id: 'runs-h' }, t('runs')), form, listBox,
    h('h3', {}, t('report')), reportForm((id) => go('report', { id }))));
  focusHeading();
  loadList();
}

function renderRun({ id }) {
  const box = h('div', {}, h('p', { class: 'hint' }, t('loading')));
  setMain(h('section', { 'aria-labelledby': 'run-h' },
    h('button', { type: 'button', class: 'secondary', onclick: () => go('runs') }, `← ${t('back')}`),
    h('h2', { id: 'run-h' }, `${t('runTitle')} `, h('code', {}, id)), reportButton(id), box));
  focusHeading();
  guarded(async () => {
    const run = await get(`/v1/runs/${encodeURIComponent(id)}`);
    const pairs = run.placements || [];
    box.replaceChildren(
      h('p', {}, `${enumText(run.mode, 'ASSIGN_MODE_')} · ${dateTime(run.createdAt)}${run.request?.label ? ` · ${run.request.label}` : ''}`),
      h('h3', {}, t('metrics')), metricsTable(run.metrics, run),
      state.role === 'analyst' ? null : h('h3', {}, t('proposals')),
      state.role === 'analyst' ? null : pairs.length ? table([
        [t('candidate'), (p) => h('code', {}, p.candidateId)], [t('offer'), (p) => h('code', {}, p.offerId)],
        [t('score'), (p) => num(p.score, 3)], [t('travel'), (p) => `${num(p.travelMinutes)} ${t('minutes')}`],
        [t('rank'), (p) => String(p.choiceRank ?? 0)],
      ], pairs, (p) => decisionControls(run.id, p), 'proposals') : h('p', {}, t('noPlacements')));
  });
}

// Opens the run's report (Reports.GetRunReport) for every role.
function reportButton(id) {
  return h('button', { type: 'button', class: 'secondary report', 'data-id': id, 'aria-label': `${t('report')}: ${id}`,
    onclick: () => go('report', { id }) }, t('report'));
}

// Accept, or reject with a reason and an optional note.
function decisionControls(runId, pair) {
  const reasons = ['REJECT_REASON_CANDIDATE_DECLINED', 'REJECT_REASON_COMPANY_DECLINED', 'REJECT_REASON_NOT_REACHABLE',
    'REJECT_REASON_NOT_SUITABLE', 'REJECT_REASON_OTHER'];
  const reason = h('select', { name: 'reason' }, reasons.map((r) => h('option', { value: r }, t(`reject.${r}`))));
  const note = h('input', { type: 'text', name: 'note', maxlength: 1000, placeholder: t('notePlaceholder') });
  const out = h('span', { role: 'status', class: 'decision' });
  const body = { candidateId: pair.candidateId, offerId: pair.offerId, runId };
  const accept = h('button', { type: 'button', class: 'accept', 'aria-label': `${t('accept')}: ${pair.candidateId} – ${pair.offerId}` }, t('accept'));
  const reject = h('button', { type: 'button', class: 'secondary reject', 'aria-label': `${t('reject')}: ${pair.candidateId} – ${pair.offerId}` }, t('reject'));
  accept.addEventListener('click', async () => {
    const res = await guarded(() => post('/v1/placements:accept', { ...body, note: note.value.trim() }));
    if (res) { out.textContent = t('accepted'); accept.disabled = true; reject.disabled = true; }
  });
  reject.addEventListener('click', async () => {
    const res = await guarded(() => post('/v1/placements:reject', { ...body, reason: reason.value, note: note.value.trim() }));
    if (res) { out.textContent = t('rejected'); accept.disabled = true; reject.disabled = true; }
  });
  return h('div', { class: 'decide' }, field(t('note'), note), accept, field(t('reason'), reason), reject, out);
}

function renderPlacements() {
  const statuses = ['', 'PLACEMENT_STATUS_ACCEPTED', 'PLACEMENT_STATUS_REJECTED', 'PLACEMENT_STATUS_WITHDRAWN',
    'PLACEMENT_STATUS_CONTRACT_SIGNED', 'PLACEMENT_STATUS_STARTED', 'PLACEMENT_STATUS_PROBATION_PASSED',
    'PLACEMENT_STATUS_COMPLETED', 'PLACEMENT_STATUS_ENDED_EARLY'];
  pagedList({
    id: 'placements', title: t('placements'), path: '/v1/placements', listKey: 'placements',
    filters: [{ name: 'status', label: t('status'),
      options: statuses.map((s) => [s, s ? enumText(s, 'PLACEMENT_STATUS_') : t('anyStatus')]) }],
    columns: [
      [t('candidate'), (p) => h('code', {}, p.candidateId)], [t('offer'), (p) => h('code', {}, p.offerId)],
      [t('status'), (p) => enumText(p.status, 'PLACEMENT_STATUS_')], [t('score'), (p) => num(p.score, 3)],
      [t('reason'), (p) => (p.rejectReason && !p.rejectReason.endsWith('_UNSPECIFIED') ? t(`reject.${p.rejectReason}`) : '')], [t('note'), (p) => p.note || ''],
      [t('created'), (p) => dateTime(p.updatedAt || p.createdAt)],
    ],
  });
}

// ---- start ----

function applyLanguage() {
  document.documentElement.lang = language();
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  const button = document.getElementById('lang');
  button.textContent = t('switchTo');
  button.setAttribute('aria-label', t('switchLabel'));
  button.lang = language() === 'de' ? 'en' : 'de';
  document.title = `azubimatch – ${t('title')}`;
}

document.addEventListener('DOMContentLoaded', () => {
  applyLanguage();
  document.getElementById('lang').addEventListener('click', () => {
    setLanguage(language() === 'de' ? 'en' : 'de');
    applyLanguage();
    if (state.role) { renderWho(); go(state.view, state.params); } else renderSignIn();
  });
  document.getElementById('signout').addEventListener('click', () => { setApiKey(''); renderSignIn(); });
  // Remember when a suggestions button was pressed (the browser test reports the time).
  document.addEventListener('click', (ev) => {
    if (ev.target instanceof Element && ev.target.closest('button.suggest')) state.clickedAt = performance.now();
  }, true);
  if (apiKey()) {
    guarded(detectRole).then((who) => {
      if (!who) { setApiKey(''); renderSignIn(); return; }
      Object.assign(state, who);
      state.view = state.role === 'analyst' ? 'runs' : 'candidates';
      start();
    });
  } else {
    renderSignIn();
  }
});
