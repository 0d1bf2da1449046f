// End-to-end test of the web console in a real headless Chromium (Debian's chromium,
// driven by puppeteer-core): starts a real matchd on a temporary data folder, makes a
// member, an officer key, an analyst key and a small cohort through the HTTP/JSON API,
// then in the browser signs in, searches a candidate, opens its suggestions, explains
// an excluded offer, starts a run and watches it finish, accepts a proposed pair and
// finds it among the placements, and opens the run's report as officer and as analyst,
// checking its figures against GET /v1/runs/{id}/report. Screenshots go to SCREENSHOT_DIR; the time from the
// click to the suggestions shown is printed, not asserted.
//
// Usage: node console_e2e_test.mjs MATCHD_BINARY SCREENSHOT_DIR [MATCHCTL_BINARY]
// With AZM_CONSOLE_COHORT=N (and MATCHCTL_BINARY), a last step loads a demo cohort of
// N candidates x N offers (`matchctl demo`), reports click -> suggestions on it, and
// shows the report of a run over it (10-report-large-cohort.png).
// Exit code 77 (ctest: skipped) when chromium is not installed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

const [matchdPath, shotDir, matchctlPath] = process.argv.slice(2);
const largeCohort = Number(process.env.AZM_CONSOLE_COHORT || 0);
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (!CHROMIUM) {
  console.log('SKIP: chromium is not installed (apt-get install chromium); the console browser test needs it');
  process.exit(77);
}
if (!matchdPath || !shotDir) {
  console.error('usage: node console_e2e_test.mjs MATCHD_BINARY SCREENSHOT_DIR');
  process.exit(2);
}
let puppeteer;
try {
  ({ default: puppeteer } = await import('puppeteer-core'));
} catch (e) {
  console.error(`puppeteer-core is missing (${e.message}); deploy/install-deps.sh installs it (npm ci in tests/e2e/console)`);
  process.exit(1);
}
mkdirSync(shotDir, { recursive: true });

let matchd;
let dataDir;
let base = '';
let grpcAddress = '';
let officerKey = '';
let analystKey = '';
let adminKey = '';
let browser;
let page;
const ids = {};

// Starts matchd and resolves with its HTTP address from the log line
// "matchd serving HTTP/JSON on HOST:PORT" (an event, not a sleep).
function startMatchd() {
  dataDir = mkdtempSync(join(tmpdir(), 'azm-console-'));
  matchd = spawn(matchdPath, ['--data', join(dataDir, 'data'), '--listen', '127.0.0.1:0',
    '--http-listen', '127.0.0.1:0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let log = '';
    matchd.stderr.setEncoding('utf8');
    matchd.stderr.on('data', (chunk) => {
      log += chunk;
      grpcAddress ||= log.match(/matchd listening on (\S+)/)?.[1] || '';
      const m = log.match(/matchd serving HTTP\/JSON on (\S+)/);
      if (m && !base) { base = `http://${m[1]}`; resolve(); }
    });
    matchd.on('exit', (code) => { if (!base) reject(new Error(`matchd exited (${code}):\n${log}`)); });
  });
}

async function api(method, path, key, body) {
  const res = await fetch(base + path, {
    method, headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const loc = (municipality, latitude, longitude) => ({ municipality, latitude, longitude });
const STUTTGART = loc('Stuttgart', 48.7758, 9.1829);
const ESSLINGEN = loc('Esslingen am Neckar', 48.7394, 9.3047);
const LUDWIGSBURG = loc('Ludwigsburg', 48.8975, 9.1916);
const ULM = loc('Ulm', 48.4011, 9.9876);
const start = { year: 2027, month: 8, day: 1 };

// A small cohort: four companies, five offers (one needs German C1), six candidates.
function cohort() {
  const companies = [
    ['c-baeckerei', 'Bäckerei Yilmaz', 'SECTOR_CRAFTS', STUTTGART, ['de', 'tr']],
    ['c-autohaus', 'Autohaus Kovač', 'SECTOR_CRAFTS', ESSLINGEN, ['de', 'hr']],
    ['c-markt', 'Markt Papadopoulos', 'SECTOR_TRADE', LUDWIGSBURG, ['de', 'el']],
    ['c-praxis', 'Praxis Nowak', 'SECTOR_HEALTH', ULM, ['de', 'pl']],
  ].map(([externalId, name, sector, location, languages]) => ({ company: {
    externalId, name, sector, location, languages, mayTrain: true, chamber: 'CHAMBER_IHK', qualifiedTrainers: 1 } }));
  const occ = {
    baecker: { kldbCode: '29302', title: 'Bäcker/-in', sector: 'SECTOR_CRAFTS' },
    kfz: { kldbCode: '25212', title: 'Kfz-Mechatroniker/-in', sector: 'SECTOR_CRAFTS' },
    handel: { kldbCode: '62102', title: 'Kaufmann/-frau im Einzelhandel', sector: 'SECTOR_TRADE' },
    mfa: { kldbCode: '81102', title: 'Medizinische/r Fachangestellte/r', sector: 'SECTOR_HEALTH' },
  };
  const offers = [
    ['o-baecker', 'c-baeckerei', occ.baecker, 2, STUTTGART, 'CEFR_LEVEL_A2'],
    ['o-kfz', 'c-autohaus', occ.kfz, 1, ESSLINGEN, 'CEFR_LEVEL_B1'],
    ['o-handel', 'c-markt', occ.handel, 2, LUDWIGSBURG, 'CEFR_LEVEL_B1'],
    ['o-handel-c1', 'c-markt', occ.handel, 1, STUTTGART, 'CEFR_LEVEL_C1'],
    ['o-mfa', 'c-praxis', occ.mfa, 1, ULM, 'CEFR_LEVEL_B2'],
  ].map(([externalId, companyExternalId, occupation, seats, location, german]) => ({ offer: {
    externalId, companyExternalId, occupation, seats, startDate: start, location,
    requiredLanguages: [{ language: 'de', level: german }] } }));
  const candidates = [
    ['k-elif', 'Elif', ESSLINGEN, [occ.handel, occ.baecker], 'CEFR_LEVEL_B1', 'tr'],
    ['k-marko', 'Marko', STUTTGART, [occ.kfz, occ.handel], 'CEFR_LEVEL_B2', 'hr'],
    ['k-olena', 'Olena', LUDWIGSBURG, [occ.handel], 'CEFR_LEVEL_B1', 'uk'],
    ['k-yannis', 'Yannis', STUTTGART, [occ.baecker, occ.handel], 'CEFR_LEVEL_A2', 'el'],
    ['k-agnieszka', 'Agnieszka', ULM, [occ.mfa], 'CEFR_LEVEL_C1', 'pl'],
    ['k-samir', 'Samir', ESSLINGEN, [occ.kfz, occ.baecker], 'CEFR_LEVEL_B1', 'ar'],
  ].map(([externalId, displayName, home, desiredOccupations, german, other]) => ({ candidate: {
    externalId, displayName, home, travelLimitMinutes: 60, travelMode: 'TRAVEL_MODE_PUBLIC_TRANSPORT',
    desiredOccupations, languages: [{ language: 'de', level: german }, { language: other, level: 'CEFR_LEVEL_C2' }],
    schoolCertificate: 'SCHOOL_CERTIFICATE_HAUPTSCHULABSCHLUSS', availableFrom: { year: 2027, month: 7, day: 1 } } }));
  return [...companies, ...offers, ...candidates];
}

async function shot(name) {
  const file = join(shotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  console.log(`# screenshot ${file}`);
}

async function clickAndWait(selector) {
  await page.waitForSelector(selector, { visible: true });
  await page.click(selector);
}

// The report page shown for run `runId` against the RPC's answer with `key`: placed
// count, every distribution's counts, one breakdown row with figures and one suppressed
// row (no figure, shown as suppressed). Returns the answer.
async function checkReportPage(runId, key) {
  const rep = await api('GET', `/v1/runs/${runId}/report`, key);
  await page.waitForSelector('#report[data-ready=true]');
  assert.equal(await page.$eval('#report-h code', (e) => e.textContent), runId);
  // German number format for the small figures of this cohort (node may lack full ICU).
  const de = (v, digits = 0) => Number(v).toFixed(digits).replace('.', ',');
  const m = rep.metrics;
  assert.equal(await page.$eval('#report-metrics [data-metric=placed] .value', (e) => e.textContent),
    `${de(m.placed || 0)} / ${de(m.candidates)}`);
  assert.equal(await page.$eval('#report-metrics [data-metric=fillRate] .value', (e) => e.textContent),
    `${de((m.fillRate || 0) * 100, 1)} %`);
  for (const [key, id] of [['score', 'dist-score'], ['commuteMinutes', 'dist-commuteMinutes'], ['wishRank', 'dist-wishRank']]) {
    const shown = await page.$$eval(`#${id} tbody tr td:first-of-type`, (tds) => tds.map((td) => td.textContent));
    assert.deepEqual(shown, rep[key].bins.map((b) => de(b.count || 0)), `${key} counts`);
    assert.equal(await page.$$eval(`#${id} svg rect`, (r) => r.length), rep[key].bins.length, `${key} bars`);
  }
  const rows = rep.breakdowns.flatMap((b) => (b.rows || []).map((r) => ({ dimension: b.dimension, ...r })));
  const full = rows.find((r) => !r.suppressed);
  const hidden = rows.find((r) => r.suppressed);
  assert.ok(full && hidden, 'the cohort gives a group with figures and a suppressed one');
  const cells = async (r) => page.$$eval(`#bd-${r.dimension} tbody tr[data-group="${r.group}"] td`, (tds) => tds.map((td) => td.textContent));
  const fullCells = await cells(full);
  assert.deepEqual(fullCells.slice(0, 3), [de(full.candidates), de(full.placed || 0), `${de((full.placementRate || 0) * 100, 1)} %`]);
  const hiddenCells = await cells(hidden);
  assert.equal(hiddenCells.length, 1, 'a suppressed group has no figure cells');
  assert.match(hiddenCells[0], /unterdrückt/);
  assert.equal(hidden.candidates, undefined, 'the RPC gives no figure for a suppressed group');
  return rep;
}

before(async () => {
  await startMatchd();
  adminKey = readFileSync(join(dataDir, 'data', 'admin.key'), 'utf8').trim();
  const member = await api('POST', '/v1/members', adminKey, { name: 'Netzwerk Stuttgart' });
  ids.member = member.id;
  officerKey = (await api('POST', '/v1/apiKeys', adminKey, { memberId: member.id, role: 'officer', label: 'console test' })).key;
  analystKey = (await api('POST', '/v1/apiKeys', adminKey, { memberId: member.id, role: 'analyst', label: 'console test' })).key;
  const records = cohort();
  const imported = await api('POST', '/v1/records:import', officerKey, records);
  assert.equal(Number(imported.failed || 0), 0, JSON.stringify(imported.errors));
  records.forEach((r, i) => { ids[Object.values(r)[0].externalId] = imported.ids[i]; });
  browser = await puppeteer.launch({
    executablePath: CHROMIUM, headless: true, timeout: 120000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--lang=de-DE'],
  });
  page = await browser.newPage();
  // Generous: the suite may run beside a full build on a busy machine. Waits are on
  // events (selectors, functions), never sleeps.
  page.setDefaultTimeout(120000);
  await page.setViewport({ width: 1280, height: 800 });
  page.on('pageerror', (e) => console.log(`# page error: ${e.message}`));
});

after(async () => {
  await browser?.close();
  if (matchd) {
    const exited = new Promise((resolve) => matchd.on('exit', resolve));
    matchd.kill('SIGTERM');
    await exited;
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('the page is static, same-origin only, and gives no data without a key', async () => {
  const res = await fetch(`${base}/`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\/html/);
  const csp = res.headers.get('content-security-policy');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /connect-src 'self'/);
  assert.doesNotMatch(csp, /https?:/);
  const html = await res.text();
  assert.doesNotMatch(html, /https?:\/\//, 'no external URL in the page');
  const js = await fetch(`${base}/console/app.js`);
  assert.match(js.headers.get('content-type'), /^text\/javascript/);
  const etag = js.headers.get('etag');
  assert.ok(etag);
  const again = await fetch(`${base}/console/app.js`, { headers: { 'If-None-Match': etag } });
  assert.equal(again.status, 304);
  const noKey = await fetch(`${base}/v1/candidates`);
  assert.equal(noKey.status, 401);
  const missing = await fetch(`${base}/console/nothing.js`);
  assert.equal(missing.status, 404);
  let bytes = Buffer.byteLength(html);
  const files = ['app.js', 'api.js', 'dom.js', 'i18n.js', 'report.js', 'chart.js', 'console.css'];
  for (const f of files) {
    bytes += (await (await fetch(`${base}/console/${f}`)).arrayBuffer()).byteLength;
  }
  console.log(`# first page: ${bytes} bytes (index.html, ${files.join(', ')})`);
  assert.ok(bytes <= 300 * 1024);
});

test('a wrong key gets the sign-in page and a clear error', async () => {
  await page.goto(`${base}/`, { waitUntil: 'networkidle0' });
  await page.waitForSelector('#signin input[type=password]');
  await shot('01-sign-in');
  await page.type('#signin input[type=password]', 'azm_wrong_key');
  await page.click('#signin button[type=submit]');
  await page.waitForSelector('#error:not([hidden])');
  const text = await page.$eval('#error', (e) => e.textContent);
  assert.match(text, /ungültig|UNAUTHENTICATED|key/i);
  assert.equal(await page.$('#nav:not([hidden])'), null);
});

test('an officer signs in and sees role and member', async () => {
  await page.goto(`${base}/`, { waitUntil: 'networkidle0' });
  await page.waitForSelector('#signin input[type=password]');
  // Keyboard only: the key field has the focus; Enter submits.
  assert.equal(await page.evaluate(() => document.activeElement?.type), 'password');
  await page.keyboard.type(officerKey);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#role');
  assert.match(await page.$eval('#role', (e) => e.textContent), /Vermittlung/);
  await page.waitForSelector('#candidates-table');
  assert.equal(await page.$eval('#member', (e) => e.textContent), ids.member);
  const stored = await page.evaluate(() => ({ session: sessionStorage.getItem('azm.key'), local: localStorage.length }));
  assert.equal(stored.session, officerKey);
  assert.equal(stored.local, 0);
});

test('a bad filter shows the field violation from the Status details', async () => {
  await page.type('#candidates form input[name=kldbCode]', '12x');
  await page.click('#candidates form button[type=submit]');
  await page.waitForSelector('#error:not([hidden])');
  const text = await page.$eval('#error', (e) => e.textContent);
  assert.match(text, /ungültig/);
  assert.match(text, /kldb/i);
  await shot('02-field-error');
  await page.$eval('#candidates form input[name=kldbCode]', (e) => { e.value = ''; });
  await page.click('#error button');
});

test('search a candidate, open suggestions with every component', async () => {
  await page.type('#candidates form input[name=municipality]', 'Esslingen am Neckar');
  await page.click('#candidates form button[type=submit]');
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('#candidates-table tbody tr')];
    return rows.length === 2 && rows.every((r) => r.textContent.includes('Esslingen'));
  });
  await shot('02-candidates');
  assert.equal(await page.$eval('#error', (e) => e.hidden), true);
  const button = `button.suggest[data-id="${ids['k-elif']}"]`;
  await page.waitForSelector(button);
  const t0 = Date.now();
  await page.click(button);
  await page.waitForSelector('#suggestions[data-ready=true]');
  const wall = Date.now() - t0;
  const inPage = await page.evaluate(() => window.azmSuggestionsMs);
  console.log(`# click -> suggestions shown: ${inPage.toFixed(1)} ms in the page (${wall} ms as the test saw it; 6 candidates x 5 offers)`);
  const rows = await page.$$eval('#suggestions-table tbody tr', (trs) => trs.map((tr) => tr.textContent));
  assert.ok(rows.length >= 1, 'at least one suggestion');
  const components = await page.$$eval('#suggestions-table tbody tr:first-child .components li', (lis) => lis.map((li) => li.textContent));
  assert.ok(components.length >= 5, `every score component: ${components}`);
  assert.ok(components.some((c) => c.includes('occupation')));
  assert.ok(components.every((c) => c.includes(' – ')), 'each component with its text');
  await shot('03-suggestions');
});

test('Explain says why an offer is excluded', async () => {
  await page.type('#explain-form input[name=offerId]', ids['o-handel-c1']);
  await page.click('#explain-form button[type=submit]');
  await page.waitForSelector('#explanation .card.excluded');
  const reasons = await page.$$eval('#explanation .reasons li', (lis) => lis.map((li) => li.textContent));
  assert.ok(reasons.length >= 1);
  assert.ok(reasons.some((r) => /C1/.test(r)), `the language reason: ${reasons}`);
  await page.$eval('#explanation', (e) => e.scrollIntoView());
  await shot('04-explain');
});

test('start a run, watch it finish, accept a proposed pair', async () => {
  await clickAndWait('#nav-runs');
  await page.waitForSelector('#run-form');
  await page.select('#run-form select[name=mode]', 'ASSIGN_MODE_OPTIMAL');
  await page.type('#run-form input[name=label]', 'Konsolentest');
  await page.click('#start-run');
  await page.waitForSelector('#run-done', { timeout: 60000 });
  assert.equal(await page.$eval('#run-progress', (e) => e.value), 1);
  await page.waitForSelector('#runs-table');
  await shot('05-run-finished');
  await page.click('#run-done');
  await page.waitForSelector('#proposals-table');
  const placed = await page.$$eval('#proposals-table tbody tr', (trs) => trs.length);
  assert.ok(placed >= 3, `proposals: ${placed}`);
  await page.click('#proposals-table tbody tr:first-child button.accept');
  await page.waitForFunction(() => document.querySelector('#proposals-table tbody tr:first-child .decision')?.textContent.length > 0);
  assert.match(await page.$eval('#proposals-table tbody tr:first-child .decision', (e) => e.textContent), /Angenommen/);
  await page.select('#proposals-table tbody tr:nth-child(2) select[name=reason]', 'REJECT_REASON_COMPANY_DECLINED');
  await page.click('#proposals-table tbody tr:nth-child(2) button.reject');
  await page.waitForFunction(() => document.querySelector('#proposals-table tbody tr:nth-child(2) .decision')?.textContent.length > 0);
  await shot('06-run-proposals');
  await clickAndWait('#nav-placements');
  await page.waitForSelector('#placements-table');
  const statuses = await page.$$eval('#placements-table tbody tr', (trs) => trs.map((tr) => tr.children[2].textContent));
  assert.deepEqual([...statuses].sort(), ['abgelehnt', 'angenommen']);
  await shot('07-placements');
});

test('an officer opens the run report from the runs list; its figures are the RPC\'s', async () => {
  await clickAndWait('#nav-runs');
  await page.waitForSelector('#runs-table button.report');
  ids.run = await page.$eval('#runs-table tbody tr:first-child button.report', (b) => b.dataset.id);
  await page.click('#runs-table tbody tr:first-child button.report');
  const rep = await checkReportPage(ids.run, officerKey);
  assert.ok(Number(rep.metrics.placed) >= 3);
  assert.equal(await page.$eval('#error', (e) => e.hidden), true);
  await shot('11-report-officer');
  await page.screenshot({ path: join(shotDir, '11-report-officer-full.png'), fullPage: true });
  await page.$eval('#rep-dist-h', (e) => e.scrollIntoView());
  await shot('11-report-officer-breakdowns');
  await clickAndWait('#nav-placements');
  await page.waitForSelector('#placements-table');
});

test('English switch and a tablet-sized screen', async () => {
  await page.click('#lang');
  await page.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('h2')?.textContent === 'Placements');
  await clickAndWait('#nav-runs');
  await page.waitForSelector('#runs-table');
  await page.setViewport({ width: 820, height: 1180 });
  await shot('08-runs-tablet-en');
  await page.click('#lang');
  await page.setViewport({ width: 1280, height: 800 });
});

test('an analyst sees runs and metrics but no personal data', async () => {
  await page.click('#signout');
  await page.waitForSelector('#signin input[type=password]');
  await page.type('#signin input[type=password]', analystKey);
  await page.click('#signin button[type=submit]');
  await page.waitForSelector('#runs-table');
  assert.match(await page.$eval('#role', (e) => e.textContent), /Analyse/);
  assert.equal(await page.$('#nav-candidates'), null);
  await page.click('#runs-table tbody tr:first-child button');
  await page.waitForSelector('#metrics');
  assert.equal(await page.$('#proposals-table'), null, 'no pairs for analysts');
  await shot('09-analyst-run');
});

test('an analyst opens the same report from the run view, by keyboard', async () => {
  await page.focus('button.report');
  await page.keyboard.press('Enter');
  const rep = await checkReportPage(ids.run, analystKey);
  const officers = await api('GET', `/v1/runs/${ids.run}/report`, officerKey);
  assert.deepEqual(rep.breakdowns, officers.breakdowns, 'the same aggregates for both roles');
  assert.equal(await page.$('#proposals-table'), null);
  await shot('12-report-analyst');
  await page.screenshot({ path: join(shotDir, '12-report-analyst-full.png'), fullPage: true });
  await page.click('#lang');
  await page.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('#report[data-ready=true]'));
  assert.match(await page.$eval('#report-breakdowns', (e) => e.textContent), /suppressed/);
  await page.click('#lang');
  await page.waitForSelector('#report[data-ready=true]');
});

test('a refused report call shows the Status from the answer', async () => {
  // The server's answer replaced by a google.rpc.Status of RESOURCE_EXHAUSTED (429).
  await page.setRequestInterception(true);
  const refuse = (req) => {
    if (!req.url().endsWith('/report')) { req.continue(); return; }
    req.respond({ status: 429, contentType: 'application/json', body: JSON.stringify({ code: 8,
      message: 'rate limit of the key reached', details: [] }) });
  };
  page.on('request', refuse);
  try {
    await page.click('#main button.secondary');  // back to the run
    await page.waitForSelector('button.report');
    await page.click('button.report');
    await page.waitForSelector('#error:not([hidden])');
    const text = await page.$eval('#error', (e) => e.textContent);
    assert.match(text, /Zu viele Anfragen/);
    assert.match(text, /rate limit of the key reached/);
    assert.equal(await page.$eval('#report', (e) => e.children.length), 0, 'no figures after a refusal');
  } finally {
    page.off('request', refuse);
    await page.setRequestInterception(false);
  }
});

test('an analyst opens the report of another member\'s run by its id; an unknown id shows NOT_FOUND', async () => {
  const other = await api('POST', '/v1/members', adminKey, { name: 'Netzwerk Ulm' });
  const otherKey = (await api('POST', '/v1/apiKeys', adminKey, { memberId: other.id, role: 'officer', label: 'console test' })).key;
  const imported = await api('POST', '/v1/records:import', otherKey, cohort());
  assert.equal(Number(imported.failed || 0), 0, JSON.stringify(imported.errors));
  const run = await api('POST', '/v1/runs', otherKey, { mode: 'ASSIGN_MODE_STABLE', label: 'Netzwerk Ulm' });
  // ListRuns shows an analyst their own member's runs; the report opens by run id.
  await clickAndWait('#nav-runs');
  await page.waitForSelector('#runs-table');
  assert.equal(await page.$(`#runs-table button.report[data-id="${run.id}"]`), null);
  await page.type('#report-form input[name=runId]', run.id);
  await page.keyboard.press('Enter');
  const rep = await checkReportPage(run.id, otherKey);
  const member = rep.breakdowns.find((b) => b.dimension === 'member');
  assert.deepEqual(member.rows.map((r) => r.group), [other.id]);
  // The first member's officer does not see it: NOT_FOUND, as an unknown id, shown from the Status.
  await assert.rejects(api('GET', `/v1/runs/${run.id}/report`, officerKey), /404/);
  await clickAndWait('#nav-runs');
  await page.waitForSelector('#report-form');
  await page.type('#report-form input[name=runId]', 'zzzzzzzzzzzzzzzz');
  await page.click('#report-form button[type=submit]');
  await page.waitForSelector('#error:not([hidden])');
  assert.match(await page.$eval('#error', (e) => e.textContent), /Nicht gefunden/);
  await page.click('#error button');
});

test('click -> suggestions on a larger demo cohort (AZM_CONSOLE_COHORT)', { skip: !(largeCohort > 0 && matchctlPath) }, async () => {
  await new Promise((resolve, reject) => {
    const demo = spawn(matchctlPath, ['--server', grpcAddress, '--api-key', officerKey, '--timeout', '600', 'demo',
      '--candidates', String(largeCohort), '--offers', String(largeCohort), '--seed', '7'], { stdio: ['ignore', 'ignore', 'inherit'] });
    demo.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`matchctl demo exited ${code}`))));
  });
  await page.click('#signout');
  await page.waitForSelector('#signin input[type=password]');
  await page.type('#signin input[type=password]', officerKey);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#candidates-table button.suggest');
  const times = [];
  for (let i = 1; i <= 5; i++) {
    await clickAndWait('#nav-candidates');
    const button = `#candidates-table tbody tr:nth-child(${i}) button.suggest`;
    await page.waitForSelector(button);
    await page.click(button);
    await page.waitForSelector('#suggestions[data-ready=true]');
    times.push(await page.evaluate(() => window.azmSuggestionsMs));
  }
  await shot('10-suggestions-large-cohort');
  times.sort((a, b) => a - b);
  console.log(`# click -> suggestions shown on ${largeCohort} x ${largeCohort}: median ${times[2].toFixed(1)} ms, ` +
    `max ${times[4].toFixed(1)} ms over 5 candidates`);  // The report of a run over the whole cohort: groups large enough to be shown.
  const run = await api('POST', '/v1/runs', officerKey, { mode: 'ASSIGN_MODE_OPTIMAL', label: `Demo ${largeCohort}` });
  await clickAndWait('#nav-runs');
  await clickAndWait(`#runs-table button.report[data-id="${run.id}"]`);
  await checkReportPage(run.id, officerKey);
  await shot('10-report-large-cohort');
});
