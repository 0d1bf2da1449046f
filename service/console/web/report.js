// A run's report page: Reports.GetRunReport (GET /v1/runs/{run_id}/report), the same
// aggregates an analyst hands to a funder (service/reports/REPORT.md): headline metrics,
// the score, commute and wish-rank distributions as bar charts, and the group breakdowns
// as tables with a short chart each. Suppressed groups (fewer than min_group_size
// candidates) carry no figure in the answer and are shown as suppressed, never as 0.
// Officers see their member's runs, analysts and admins every member's; the server decides.
import { get } from './api.js';
import { columnChart, shareChart } from './chart.js';
import { dateTime, num, t } from './i18n.js';
import { enumText, field, focusHeading, guarded, h, reasonText, setMain } from './dom.js';

const pct = (v) => `${num((v || 0) * 100, 1)} %`;
// proto3 JSON leaves out zeros and empty values: a missing number is 0 here, except in
// a suppressed group, which has no figure at all.
const n = (v) => Number(v || 0);

// Headline metrics as tiles; data-metric names the RunMetrics field (the browser test
// reads them).
function headline(r) {
  const m = r.metrics || {};
  const tiles = [
    ['placed', 'm.placed', `${num(n(m.placed))} / ${num(n(m.candidates))}`, t('rep.ofCandidates')],
    ['fillRate', 'm.fillRate', pct(m.fillRate), `${t('m.seats')}: ${num(n(m.seats))}`],
    ['meanScore', 'm.meanScore', num(n(m.meanScore), 3), `${t('m.totalScore')}: ${num(n(m.totalScore), 2)}`],
    ['firstChoiceShare', 'm.firstChoiceShare', pct(m.firstChoiceShare), `${t('m.top3Share')}: ${pct(m.top3Share)}`],
    ['commuteMedianMin', 'rep.commute', `${num(n(m.commuteMedianMin), 1)} ${t('minutes')}`,
      `${t('rep.p90')}: ${num(n(m.commuteP90Min), 1)} ${t('minutes')}`],
    ['eligiblePairs', 'eligiblePairsRun', num(n(r.eligiblePairs)), `${t('m.blockingPairs')}: ${num(n(m.blockingPairs))}`],
  ];
  const reasons = Object.entries(m.unmatchedReasons || {});
  return h('section', { 'aria-labelledby': 'rep-metrics-h' },
    h('h3', { id: 'rep-metrics-h' }, t('metrics')),
    h('dl', { class: 'kpis', id: 'report-metrics' }, tiles.map(([key, label, value, sub]) => h('div', { class: 'kpi', 'data-metric': key },
      h('dt', {}, t(label)),
      h('dd', { class: 'value' }, value), h('dd', { class: 'sub' }, sub)))),
    reasons.length ? h('p', { class: 'hint' }, `${t('m.unmatchedReasons')}: `,
      reasons.map(([k, v]) => `${reasonText(k)}: ${num(v)}`).join(', ')) : null);
}

// The three histograms: [name in the answer, title key, bin label].
const HISTOGRAMS = [
  ['score', 'rep.h.score', (b) => `${num(n(b.lower), 1)}–${num(n(b.upper), 1)}`],
  ['commuteMinutes', 'rep.h.commute', (b) => b.label],
  ['wishRank', 'rep.h.wishRank', (b) => (b.label === 'sector' ? t('rep.bySector') : b.label)],
];

function distributions(r) {
  const placed = n(r.metrics?.placed);
  return h('section', { 'aria-labelledby': 'rep-dist-h' },
    h('h3', { id: 'rep-dist-h' }, t('rep.distributions')),
    h('p', { class: 'hint' }, t('rep.distHint')),
    h('div', { class: 'charts', id: 'report-distributions' }, HISTOGRAMS.map(([key, titleKey, label]) => {
      const bins = (r[key]?.bins || []).map((b) => ({ label: label(b), value: n(b.count), text: num(n(b.count)) }));
      const headId = `rep-${key}-h`;
      return h('figure', { class: 'card chartcard', id: `dist-${key}`, 'aria-labelledby': headId },
        h('figcaption', { id: headId }, t(titleKey)),
        columnChart({ title: t(titleKey), bins, valueText: (v) => num(v) }),
        h('details', {}, h('summary', {}, t('rep.asTable')),
          h('table', { class: 'compact' },
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('rep.bin')), h('th', { scope: 'col' }, t('rep.count')),
              h('th', { scope: 'col' }, t('rep.share')))),
            h('tbody', {}, bins.map((b) => h('tr', {}, h('th', { scope: 'row' }, b.label), h('td', { class: 'num' }, b.text),
              h('td', { class: 'num' }, placed ? pct(b.value / placed) : '–')))))));
    })));
}

// A group's name in words: enum values and the report's "none" / "unknown" translated.
function groupText(dimension, group) {
  if (group === 'none' || group === 'unknown') return t(`rep.g.${group}`);
  if (dimension === 'sector') return enumText(group, 'SECTOR_');
  if (dimension === 'school_certificate') return enumText(group, 'SCHOOL_CERTIFICATE_');
  return group;
}

const CHART_ROWS = 8;
// Breakdowns that count only candidates holding the "statistics" consent.
const CONSENTED = new Set(['origin', 'heritage_language']);

function breakdownCard(b, minSize) {
  const rows = b.rows || [];
  const suppressed = rows.filter((r) => r.suppressed).length;
  const shown = rows.filter((r) => !r.suppressed).sort((x, y) => n(y.candidates) - n(x.candidates)).slice(0, CHART_ROWS);
  const limited = rows.length - suppressed > CHART_ROWS;
  const title = t(`rep.d.${b.dimension}`) !== `rep.d.${b.dimension}` ? t(`rep.d.${b.dimension}`) : b.dimension;
  const headId = `bd-${b.dimension}-h`;
  const cols = ['m.candidates', 'm.placed', 'rep.rate', 'rep.meanScore', 'rep.commute'];
  return h('article', { class: 'card breakdown', id: `bd-${b.dimension}`, 'aria-labelledby': headId },
    h('h4', { id: headId }, title),
    h('p', { class: 'hint span' }, `${num(n(b.candidatesCovered))} ${t('rep.covered')}`,
      suppressed ? ` · ${num(suppressed)} ${t('rep.suppressedGroups')} (< ${num(minSize)})` : ''),
    rows.length ? h('div', { class: 'tablebox scroll', tabindex: 0, role: 'region', 'aria-labelledby': headId },
      h('table', { class: 'compact' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('rep.group')),
          cols.map((c) => h('th', { scope: 'col', class: 'num' }, t(c))))),
        h('tbody', {}, rows.map((r) => h('tr', { 'data-group': r.group, class: r.suppressed ? 'suppressed' : null },
          h('th', { scope: 'row' }, groupText(b.dimension, r.group)),
          r.suppressed
            ? h('td', { colspan: cols.length, class: 'suppressed-note' }, `${t('rep.suppressed')} (${t('rep.fewer').replace('{n}', num(minSize))})`)
            : [num(n(r.candidates)), num(n(r.placed)), pct(r.placementRate),
              // Without placements a group has no mean or median (the answer's 0 is no figure).
              n(r.placed) ? num(n(r.meanScore), 3) : '–',
              n(r.placed) ? `${num(n(r.commuteMedianMin), 1)} ${t('minutes')}` : '–'].map((v) => h('td', { class: 'num' }, v))))))) : h('p', {}, CONSENTED.has(b.dimension) ? t('rep.noConsent') : t('none')),
    h('div', { class: 'bdchart' }, shown.length ? [shareChart({
      title: `${title}: ${t('rep.rate')}${limited ? ` (${t('rep.largest')})` : ''}`,
      rows: shown.map((r) => ({ label: groupText(b.dimension, r.group), value: n(r.placementRate), text: pct(r.placementRate) })),
    }), h('p', { class: 'hint' }, `${t('rep.rate')}${limited ? ` (${t('rep.largest')})` : ''}`)]
      : rows.length ? h('p', { class: 'hint' }, t('rep.noChart')) : null));
}

function breakdowns(r) {
  const minSize = n(r.minGroupSize) || 5;
  return h('section', { 'aria-labelledby': 'rep-bd-h' },
    h('h3', { id: 'rep-bd-h' }, t('rep.breakdowns')),
    h('p', { class: 'hint' }, t('rep.bdHint').replace('{n}', num(minSize))),
    h('div', { class: 'breakdowns', id: 'report-breakdowns' }, (r.breakdowns || []).map((b) => breakdownCard(b, minSize))));
}

// Renders the report of run `id` into the main area; `back` returns to the run.
export function renderReport(id, { back }) {
  const box = h('div', { id: 'report', 'aria-live': 'polite' }, h('p', { class: 'hint' }, t('loading')));
  setMain(h('section', { 'aria-labelledby': 'report-h' },
    h('button', { type: 'button', class: 'secondary', onclick: back }, `← ${t('backToRun')}`),
    h('h2', { id: 'report-h' }, `${t('report')}: ${t('runTitle')} `, h('code', {}, id)), box));
  focusHeading();
  guarded(async () => {
    const r = await get(`/v1/runs/${encodeURIComponent(id)}/report`);
    box.replaceChildren(
      h('p', {}, [enumText(r.mode, 'ASSIGN_MODE_'), dateTime(r.createdAt), r.label].filter(Boolean).join(' · ')),
      headline(r), distributions(r), breakdowns(r));
    box.dataset.ready = 'true';
  }).then(() => { if (!box.dataset.ready) box.replaceChildren(); });
}

// A form that opens the report of any run by its id: analysts may see the reports of
// every member's runs, while the runs list (ListRuns) shows their own member's only.
export function reportForm(open) {
  const input = h('input', { type: 'text', name: 'runId', required: true, pattern: '[0-9a-z]{16}', autocomplete: 'off',
    'aria-describedby': 'report-form-help' });
  const form = h('form', { class: 'filters', id: 'report-form' }, field(t('rep.runId'), input),
    h('button', { type: 'submit' }, t('rep.open')),
    h('p', { class: 'hint', id: 'report-form-help' }, t('rep.formHelp')));
  form.addEventListener('submit', (ev) => { ev.preventDefault(); open(input.value.trim()); });
  return form;
}
