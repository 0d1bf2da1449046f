// Texts of the console, German first; t(key) gives the current language's text.
const TEXTS = {
  de: {
    skip: 'Zum Inhalt springen', title: 'Konsole', signOut: 'Abmelden',
    switchTo: 'English', switchLabel: 'Switch to English',
    signInTitle: 'Anmelden', apiKey: 'API-Schlüssel', signIn: 'Anmelden',
    signInHelp: 'Der Schlüssel bleibt nur in diesem Browser-Tab (sessionStorage) und wird bei jedem Aufruf an die API gesendet.',
    checking: 'Schlüssel wird geprüft …',
    role: 'Rolle', member: 'Mitglied', unknownMember: 'unbekannt (noch keine Datensätze)',
    roleDerived: 'Rolle und Mitglied sind aus den Aufrufen abgeleitet, die der Schlüssel machen darf (Vermittlung: officer oder portal)',
    'role.admin': 'Administration', 'role.officer': 'Vermittlung', 'role.analyst': 'Analyse',
    navLabel: 'Bereiche', candidates: 'Kandidat:innen', offers: 'Ausbildungsangebote', runs: 'Zuordnungsläufe',
    placements: 'Vermittlungen',
    municipality: 'Gemeinde', externalId: 'Externe ID', kldb: 'Beruf (KldB-Code)', search: 'Suchen', status: 'Status',
    next: 'Nächste Seite', prev: 'Vorherige Seite', page: 'Seite', none: 'Keine Einträge.',
    id: 'ID', name: 'Name', occupation: 'Beruf', seats: 'Plätze', start: 'Beginn', actions: 'Aktionen',
    suggest: 'Vorschläge', suggestionsFor: 'Vorschläge für', back: 'Zurück zur Liste',
    offer: 'Angebot', score: 'Punktzahl', travel: 'Fahrzeit', minutes: 'Min.', components: 'Bestandteile',
    explain: 'Erklären', explainTitle: 'Erklärung', explainOffer: 'Angebot erklären (ID)',
    eligible: 'Zulässig', notEligible: 'Ausgeschlossen', reasons: 'Gründe',
    considered: 'geprüfte Paare', eligiblePairs: 'zulässige Paare', loading: 'Lädt …',
    startRun: 'Lauf starten', mode: 'Verfahren', label: 'Bezeichnung (optional)', labelCol: 'Bezeichnung',
    'mode.ASSIGN_MODE_OPTIMAL': 'Optimal (meiste Vermittlungen, dann höchste Punktzahl)',
    'mode.ASSIGN_MODE_STABLE': 'Stabil (verzögerte Annahme)', 'mode.ASSIGN_MODE_GREEDY': 'Gierig (bestes Paar zuerst)',
    progress: 'Fortschritt', 'phase.loading': 'Laden', 'phase.scoring': 'Bewerten', 'phase.solving': 'Lösen',
    'phase.metrics': 'Kennzahlen', 'phase.storing': 'Speichern', runDone: 'Lauf fertig:',
    created: 'Erstellt', placed: 'Vermittelt', fillRate: 'Besetzungsquote', meanScore: 'Mittlere Punktzahl',
    open: 'Öffnen', runTitle: 'Lauf', metrics: 'Kennzahlen', proposals: 'Vorgeschlagene Paare',
    candidate: 'Kandidat:in', rank: 'Wunschrang', accept: 'Annehmen', reject: 'Ablehnen', reason: 'Grund',
    note: 'Notiz', notePlaceholder: 'ohne Personendaten', accepted: 'Angenommen.', rejected: 'Abgelehnt.',
    noPlacements: 'Dieser Lauf enthält keine Paare (oder Ihre Rolle sieht nur Kennzahlen).',
    'm.candidates': 'Kandidat:innen', 'm.seats': 'Plätze', 'm.placed': 'Vermittelt', 'm.fillRate': 'Besetzungsquote',
    'm.totalScore': 'Summe Punktzahl', 'm.meanScore': 'Mittlere Punktzahl', 'm.firstChoiceShare': 'Anteil Erstwunsch',
    'm.top3Share': 'Anteil unter den ersten drei Wünschen', 'm.commuteMedianMin': 'Fahrzeit Median (Min.)',
    'm.commuteP90Min': 'Fahrzeit 90. Perzentil (Min.)', 'm.blockingPairs': 'Blockierende Paare',
    'm.unmatchedReasons': 'Gründe ohne Vermittlung', solveSeconds: 'Rechenzeit (s)', eligiblePairsRun: 'Zulässige Paare',
    'reject.REJECT_REASON_CANDIDATE_DECLINED': 'Kandidat:in hat abgesagt', 'reject.REJECT_REASON_COMPANY_DECLINED': 'Betrieb hat abgesagt',
    'reject.REJECT_REASON_NOT_REACHABLE': 'Nicht erreichbar', 'reject.REJECT_REASON_NOT_SUITABLE': 'Nicht geeignet',
    'reject.REJECT_REASON_OTHER': 'Anderer Grund', anyStatus: 'alle',
    'err.400': 'Die Eingabe ist ungültig', 'err.401': 'Der API-Schlüssel ist ungültig oder widerrufen',
    'err.403': 'Ihre Rolle darf das nicht', 'err.404': 'Nicht gefunden', 'err.409': 'Existiert bereits',
    'err.412': 'Der Zustand passt nicht (z. B. veraltete Version)', 'err.429': 'Zu viele Anfragen – bitte kurz warten',
    'err.503': 'Der Dienst ist gerade überlastet oder nicht erreichbar', 'err.other': 'Fehler',
    'err.network': 'Der Server ist nicht erreichbar', field: 'Feld', dismiss: 'Schließen',
    PLACEMENT_STATUS_ACCEPTED: 'angenommen', PLACEMENT_STATUS_REJECTED: 'abgelehnt', PLACEMENT_STATUS_WITHDRAWN: 'zurückgezogen',
    PLACEMENT_STATUS_CONTRACT_SIGNED: 'Vertrag unterschrieben', PLACEMENT_STATUS_STARTED: 'begonnen',
    PLACEMENT_STATUS_PROBATION_PASSED: 'Probezeit bestanden', PLACEMENT_STATUS_COMPLETED: 'abgeschlossen',
    PLACEMENT_STATUS_ENDED_EARLY: 'vorzeitig beendet',
    CANDIDATE_STATUS_ACTIVE: 'sucht', CANDIDATE_STATUS_PLACED: 'vermittelt', CANDIDATE_STATUS_INACTIVE: 'inaktiv',
    OFFER_STATUS_OPEN: 'offen', OFFER_STATUS_CLOSED: 'geschlossen', OFFER_STATUS_FILLED: 'besetzt',
    ASSIGN_MODE_OPTIMAL: 'optimal', ASSIGN_MODE_STABLE: 'stabil', ASSIGN_MODE_GREEDY: 'gierig',
  },
  en: {
    skip: 'Skip to content', title: 'Console', signOut: 'Sign out',
    switchTo: 'Deutsch', switchLabel: 'Auf Deutsch umschalten',
    signInTitle: 'Sign in', apiKey: 'API key', signIn: 'Sign in',
    signInHelp: 'The key stays in this browser tab only (sessionStorage) and is sent to the API with every call.',
    checking: 'Checking the key …',
    role: 'Role', member: 'Member', unknownMember: 'unknown (no records yet)',
    roleDerived: 'role and member are derived from the calls the key may make (placement officer: officer or portal)',
    'role.admin': 'Administration', 'role.officer': 'Placement officer', 'role.analyst': 'Analyst',
    navLabel: 'Sections', candidates: 'Candidates', offers: 'Training offers', runs: 'Assignment runs',
    placements: 'Placements',
    municipality: 'Municipality', externalId: 'External id', kldb: 'Occupation (KldB code)', search: 'Search', status: 'Status',
    next: 'Next page', prev: 'Previous page', page: 'Page', none: 'No entries.',
    id: 'ID', name: 'Name', occupation: 'Occupation', seats: 'Seats', start: 'Start', actions: 'Actions',
    suggest: 'Suggestions', suggestionsFor: 'Suggestions for', back: 'Back to the list',
    offer: 'Offer', score: 'Score', travel: 'Travel time', minutes: 'min', components: 'Components',
    explain: 'Explain', explainTitle: 'Explanation', explainOffer: 'Explain an offer (ID)',
    eligible: 'Eligible', notEligible: 'Excluded', reasons: 'Reasons',
    considered: 'pairs checked', eligiblePairs: 'eligible pairs', loading: 'Loading …',
    startRun: 'Start run', mode: 'Mode', label: 'Label (optional)', labelCol: 'Label',
    'mode.ASSIGN_MODE_OPTIMAL': 'Optimal (most placements, then highest score)',
    'mode.ASSIGN_MODE_STABLE': 'Stable (deferred acceptance)', 'mode.ASSIGN_MODE_GREEDY': 'Greedy (best pair first)',
    progress: 'Progress', 'phase.loading': 'Loading', 'phase.scoring': 'Scoring', 'phase.solving': 'Solving',
    'phase.metrics': 'Metrics', 'phase.storing': 'Storing', runDone: 'Run finished:',
    created: 'Created', placed: 'Placed', fillRate: 'Fill rate', meanScore: 'Mean score',
    open: 'Open', runTitle: 'Run', metrics: 'Metrics', proposals: 'Proposed pairs',
    candidate: 'Candidate', rank: 'Wish rank', accept: 'Accept', reject: 'Reject', reason: 'Reason',
    note: 'Note', notePlaceholder: 'no personal data', accepted: 'Accepted.', rejected: 'Rejected.',
    noPlacements: 'This run holds no pairs (or your role sees metrics only).',
    'm.candidates': 'Candidates', 'm.seats': 'Seats', 'm.placed': 'Placed', 'm.fillRate': 'Fill rate',
    'm.totalScore': 'Total score', 'm.meanScore': 'Mean score', 'm.firstChoiceShare': 'First-choice share',
    'm.top3Share': 'Top-three share', 'm.commuteMedianMin': 'Commute median (min)',
    'm.commuteP90Min': 'Commute 90th percentile (min)', 'm.blockingPairs': 'Blocking pairs',
    'm.unmatchedReasons': 'Unmatched reasons', solveSeconds: 'Solve time (s)', eligiblePairsRun: 'Eligible pairs',
    'reject.REJECT_REASON_CANDIDATE_DECLINED': 'Candidate declined', 'reject.REJECT_REASON_COMPANY_DECLINED': 'Company declined',
    'reject.REJECT_REASON_NOT_REACHABLE': 'Not reachable', 'reject.REJECT_REASON_NOT_SUITABLE': 'Not suitable',
    'reject.REJECT_REASON_OTHER': 'Other reason', anyStatus: 'any',
    'err.400': 'The input is invalid', 'err.401': 'The API key is invalid or revoked',
    'err.403': 'Your role may not do this', 'err.404': 'Not found', 'err.409': 'Already exists',
    'err.412': 'Wrong state (e.g. an outdated version)', 'err.429': 'Too many requests – please wait a moment',
    'err.503': 'The service is overloaded or unreachable', 'err.other': 'Error',
    'err.network': 'The server cannot be reached', field: 'Field', dismiss: 'Close',
    PLACEMENT_STATUS_ACCEPTED: 'accepted', PLACEMENT_STATUS_REJECTED: 'rejected', PLACEMENT_STATUS_WITHDRAWN: 'withdrawn',
    PLACEMENT_STATUS_CONTRACT_SIGNED: 'contract signed', PLACEMENT_STATUS_STARTED: 'started',
    PLACEMENT_STATUS_PROBATION_PASSED: 'probation passed', PLACEMENT_STATUS_COMPLETED: 'completed',
    PLACEMENT_STATUS_ENDED_EARLY: 'ended early',
    CANDIDATE_STATUS_ACTIVE: 'looking', CANDIDATE_STATUS_PLACED: 'placed', CANDIDATE_STATUS_INACTIVE: 'inactive',
    OFFER_STATUS_OPEN: 'open', OFFER_STATUS_CLOSED: 'closed', OFFER_STATUS_FILLED: 'filled',
    ASSIGN_MODE_OPTIMAL: 'optimal', ASSIGN_MODE_STABLE: 'stable', ASSIGN_MODE_GREEDY: 'greedy',
  },
};

let lang = sessionStorage.getItem('azm.lang') === 'en' ? 'en' : 'de';

export function language() { return lang; }

export function setLanguage(next) {
  lang = next === 'en' ? 'en' : 'de';
  sessionStorage.setItem('azm.lang', lang);
  document.documentElement.lang = lang;
}

export function t(key) {
  return TEXTS[lang][key] ?? TEXTS.de[key] ?? key;
}

// Numbers and dates in the current language's format.
export function num(value, digits = 0) {
  return new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
    minimumFractionDigits: digits, maximumFractionDigits: digits,
  }).format(Number(value ?? 0));
}

export function dateTime(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'short', timeStyle: 'short',
  }).format(new Date(iso));
}
