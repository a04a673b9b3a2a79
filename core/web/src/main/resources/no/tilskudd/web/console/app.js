// The Tilskudd web console: plain JavaScript on the JSON API (docs/http-api.md), no build step, nothing fetched
// from elsewhere. Text from the server is only ever set as text, never as HTML.
'use strict';

const TEXT = {
  skip: ['Hopp til innholdet', 'Skip to content'],
  mainMenu: ['Hovedmeny', 'Main menu'],
  navImport: ['Innsendinger', 'Submissions'],
  navIndicators: ['Indikatorer', 'Indicators'],
  navReports: ['Rapporter', 'Reports'],
  navAdmin: ['Utvidelser', 'Plugins'],
  navAudit: ['Revisjonslogg', 'Audit trail'],
  auditTitle: ['Revisjonslogg', 'Audit trail'],
  table: ['Tabell', 'Table'],
  actions: ['Handlinger', 'Actions'],
  chartText: ['Tallene i diagrammet står i tabellen.', 'The chart\'s numbers are in the table.'],
  navResponses: ['Svarprosent', 'Response rates'],
  navPublications: ['Publikasjoner', 'Publications'],
  publicationsTitle: ['Publikasjoner', 'Publications'],
  publicationsHelp: ['En publikasjon er en rapport definert som data: avsnitt, tekst med tall fra tabellene, tabeller og figurer. Frosne utgaver viser tallene slik de var da utgaven ble frosset.',
    'A publication is a report defined as data: sections, text with numbers from its tables, tables and charts. A frozen edition shows the figures as they were when it was frozen.'],
  publication: ['Publikasjon', 'Publication'],
  edition: ['Utgave', 'Edition'],
  liveFigures: ['Løpende tall', 'Live figures'],
  editionOf: ['Utgave {0} (data til {1})', 'Edition {0} (data to {1})'],
  preview: ['Forhåndsvis', 'Preview'],
  publicationAddHeading: ['Last opp en publikasjon', 'Upload a publication'],
  publicationFile: ['Definisjon (.json)', 'Definition (.json)'],
  upload: ['Last opp', 'Upload'],
  noPublications: ['Ingen publikasjoner er installert eller lastet opp.', 'No publications are installed or uploaded.'],
  publicationProblems: ['Publikasjonen kan ikke lages nå:', 'The publication cannot be made now:'],
  publicationAdded: ['Lastet opp {0}, revisjon {1}.', 'Uploaded {0}, revision {1}.'],
  publicationRefused: ['Definisjonen ble avvist:', 'The definition was refused:'],
  keyFigures: ['Nøkkeltall', 'Key figures'],
  responsesTitle: ['Tildelinger og svarprosent', 'Grants and response rates'],
  responsesHelp: ['Enheter med tildeling fra ordningen et år skal rapportere for det året. Tilskuddsregisteret er en CSV- eller Excel-fil med kolonnene scheme, schemeName, year, orgUnit, amount og eventuelt decisionDate, caseNumber, reportingDeadline.',
    'Units with a grant from the scheme in a year are to report for that year. The grant register is a CSV or Excel file with the columns scheme, schemeName, year, orgUnit, amount and optionally decisionDate, caseNumber, reportingDeadline.'],
  grantFiles: ['Tilskuddsregister (.csv, .xlsx)', 'Grant register (.csv, .xlsx)'],
  grantsImportHeading: ['Importer tilskuddsregister', 'Import a grant register'],
  grantsReplace: ['Erstatt tildelinger som allerede er lagret', 'Replace grants that are already stored'],
  expected: ['Forventet', 'Expected'],
  reported: ['Rapportert', 'Reported'],
  missingUnits: ['Mangler', 'Missing'],
  responseRate: ['Svarprosent', 'Response rate'],
  noGrants: ['Ingen tildelinger er registrert for {0} i {1}.', 'No grants are registered for {0} in {1}.'],
  missingHeading: ['Mangler rapport', 'No report'],
  withoutGrantHeading: ['Rapport uten tildeling (ikke talt med)', 'Report without a grant (not counted)'],
  orgUnitCode: ['Kode', 'Code'],
  orgUnitName: ['Navn', 'Name'],
  grantsImported: ['{0} tildelinger er lagret.', '{0} grants were stored.'],
  grantRows: ['Tildelinger', 'Grants'],
  auditIntro: ['Hver import, endring av utvidelser og brukere og mislykket innlogging, nyeste sist. Ingen kan endre loggen.',
    'Every import, change of plugins and users, and failed sign-in, newest last. Nobody can change the trail.'],
  auditEmpty: ['Ingen hendelser ennå.', 'No events yet.'],
  auditAt: ['Tid', 'Time'],
  auditActor: ['Hvem', 'Who'],
  auditAction: ['Hva', 'What'],
  auditSubject: ['Gjelder', 'Subject'],
  auditDetails: ['Detaljer', 'Details'],
  langHint: ['Bytt språk', 'Switch language'],
  logout: ['Logg ut', 'Sign out'],
  loginTitle: ['Logg inn', 'Sign in'],
  userName: ['Brukernavn', 'User name'],
  password: ['Passord', 'Password'],
  login: ['Logg inn', 'Sign in'],
  scheme: ['Ordning', 'Scheme'],
  schemes: ['Ordninger', 'Schemes'],
  schemeHint: ['Velg flere med Ctrl (Cmd på Mac) og klikk, eller Shift og piltastene', 'Choose several with Ctrl (Cmd on a Mac) and click, or Shift and the arrow keys'],
  chooseScheme: ['Velg minst én ordning.', 'Choose at least one scheme.'],
  templateFor: ['Skjemaet er for {0}, den første valgte ordningen.', 'The form is for {0}, the first scheme chosen.'],
  fromYear: ['Fra år', 'From year'],
  toYear: ['Til år', 'To year'],
  importTitle: ['Kontroller og importer innsendinger', 'Check and import submissions'],
  importHelp: ['JSON, JSON Lines eller et utfylt Excel-skjema (.xlsx). En fil lagres helt eller ikke i det hele tatt.',
    'JSON, JSON Lines or a filled-in Excel form (.xlsx). A file is stored whole or not at all.'],
  files: ['Filer', 'Files'],
  replace: ['Erstatt rapporter som allerede er lagret', 'Replace reports that are already stored'],
  validate: ['Kontroller', 'Check'],
  import: ['Importer', 'Import'],
  indicatorsTitle: ['Indikatorer', 'Indicators'],
  show: ['Vis', 'Show'],
  reportsTitle: ['Rapporter og skjemaer', 'Reports and forms'],
  reportHeading: ['Rapport', 'Report'],
  templateHeading: ['Tomt skjema', 'Empty form'],
  format: ['Format', 'Format'],
  withData: ['Ta med grunnlagsdata', 'Include the underlying data'],
  download: ['Last ned', 'Download'],
  year: ['År', 'Year'],
  noFormats: ['Ingen rapportformater er installert.', 'No report formats are installed.'],
  noTemplateFormats: ['Ingen skjemaformater er installert.', 'No form formats are installed.'],
  adminTitle: ['Utvidelser (bundles)', 'Plugins (bundles)'],
  jar: ['Ny eller oppdatert utvidelse (.jar)', 'New or updated plugin (.jar)'],
  dryRun: ['Prøvekjør mot lagrede data', 'Dry run against the stored data'],
  bundlesHeading: ['Installert', 'Installed'],
  signedInAs: ['Logget inn som', 'Signed in as'],
  wrongLogin: ['Feil brukernavn eller passord.', 'Wrong user name or password.'],
  working: ['Arbeider …', 'Working …'],
  file: ['Fil', 'File'],
  submissions: ['Rapporter', 'Reports'],
  rejected: ['Med feil', 'With errors'],
  stored: ['Lagret', 'Stored'],
  errors: ['Feil', 'Errors'],
  warnings: ['Advarsler', 'Warnings'],
  yes: ['ja', 'yes'],
  no: ['nei', 'no'],
  where: ['Sted', 'Where'],
  field: ['Felt', 'Field'],
  severity: ['Alvorlighet', 'Severity'],
  code: ['Kode', 'Code'],
  message: ['Melding', 'Message'],
  error: ['feil', 'error'],
  warning: ['advarsel', 'warning'],
  noFindings: ['Ingen feil eller advarsler.', 'No errors or warnings.'],
  checkedOk: ['Filene er i orden.', 'The files are fine.'],
  checkedBad: ['Filene har feil og blir ikke lagret slik de er.', 'The files have errors and would not be stored as they are.'],
  importedOk: ['Importert: {0} rapporter.', 'Imported: {0} reports.'],
  importedBad: ['Ikke alt ble importert: {0} fil(er) ble avvist.', 'Not everything was imported: {0} file(s) were rejected.'],
  reportsSelected: ['{0} rapporter valgt.', '{0} reports selected.'],
  noIndicators: ['Ingen indikatorer for denne ordningen.', 'No indicators for this scheme.'],
  noIndicatorsSeveral: ['Ingen indikatorer for disse ordningene.', 'No indicators for these schemes.'],
  chartOf: ['Diagram: {0}', 'Chart: {0}'],
  id: ['Id', 'Id'],
  name: ['Navn', 'Name'],
  version: ['Versjon', 'Version'],
  state: ['Tilstand', 'State'],
  location: ['Fil', 'File'],
  failure: ['Feil', 'Failure'],
  remove: ['Fjern', 'Remove'],
  confirmRemove: ['Fjerne {0}? Ordninger og formater fra den forsvinner med en gang.', 'Remove {0}? Its schemes and formats go away at once.'],
  removed: ['{0} er fjernet.', '{0} was removed.'],
  healthy: ['Ingen feil.', 'No failures.'],
  failures: ['Feil i verten', 'Failures in the host'],
  dryRunTitle: ['Prøvekjøring av {0}', 'Dry run of {0}'],
  checked: ['Kontrollert', 'Checked'],
  becomeInvalid: ['Blir ugyldige', 'Would become invalid'],
  alreadyInvalid: ['Ugyldige fra før', 'Invalid already'],
  examples: ['Eksempler (år, kommune)', 'Examples (year, municipality)'],
  problems: ['Problemer', 'Problems'],
  safe: ['Trygt å aktivere: ingen lagrede rapporter blir ugyldige.', 'Safe to activate: no stored report becomes invalid.'],
  unsafe: ['Ikke trygt: se over før du aktiverer.', 'Not safe: review before you activate.'],
  understand: ['Jeg forstår konsekvensene og vil aktivere likevel', 'I understand and want to activate anyway'],
  activate: ['Aktiver', 'Activate'],
  activated: ['{0} er aktivert ({1}).', '{0} was activated ({1}).'],
  newBundle: ['ny', 'new'],
  installedVersion: ['installert: {0}', 'installed: {0}'],
  schemesIn: ['Ordninger i filen', 'Schemes in the file'],
  forms: ['skjemaversjoner {0}', 'form versions {0}'],
  noSchemeInJar: ['Utvidelsen bidrar ikke med noen ordning, så ingen lagrede rapporter berøres.', 'The plugin contributes no scheme, so no stored report is affected.'],
  formsFrom: ['Skjemaer {0}, fra {1} {2}', 'Forms {0}, from {1} {2}'],
  noSchemes: ['Ingen ordninger er installert.', 'No schemes are installed.'],
  sessionExpired: ['Økten er utløpt. Logg inn igjen.', 'The session has expired. Sign in again.'],
  forbidden: ['Du har ikke tilgang til dette.', 'You do not have access to this.'],
  reporterTitle: ['Rapportør', 'Reporter'],
  reporterFor: ['Du rapporterer for: {0}', 'You report for: {0}'],
  reporterLater: ['Sidene for å rapportere kommer i en senere versjon.', 'The pages for reporting come in a later version.'],
};

const state = { lang: localStorage.getItem('tilskudd.lang') === 'en' ? 'en' : 'nb', user: null, csrf: null, tables: 0,
  schemes: [], formats: { reports: [], templates: [] }, dryRunFile: null };

const $ = (id) => document.getElementById(id);

function t(key, ...args) {
  const pair = TEXT[key];
  let s = pair ? pair[state.lang === 'en' ? 1 : 0] : key;
  args.forEach((a, i) => { s = s.replace('{' + i + '}', String(a)); });
  return s;
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

/**
 * A table in a box that scrolls sideways on its own when the screen is too narrow, so that the page itself never
 * does (WCAG reflow); the box is a named region that takes focus, so a keyboard can scroll it too.
 */
function scroll(table, label) {
  const caption = table.querySelector('caption');
  return el('div', { class: 'scroll', tabindex: 0, role: 'region',
    'aria-label': label || (caption ? caption.textContent : t('table')) }, table);
}

function status(message, isError) {
  const s = $('status');
  s.textContent = message || '';
  s.className = 'status' + (isError ? ' error' : '');
}

async function api(method, path, body, isForm) {
  const headers = {};
  if (method !== 'GET' && state.csrf) headers['X-CSRF-Token'] = state.csrf;
  if (body && !isForm) headers['Content-Type'] = 'application/json';
  const sep = path.includes('?') ? '&' : '?';
  const resp = await fetch('/api' + path + sep + 'lang=' + state.lang, {
    method, headers, credentials: 'same-origin', body: isForm ? body : (body ? JSON.stringify(body) : undefined),
  });
  let data = null;
  if ((resp.headers.get('Content-Type') || '').startsWith('application/json')) data = await resp.json();
  if (resp.status === 401 && path !== '/session') {
    showLogin(t('sessionExpired'));
  }
  return { status: resp.status, ok: resp.ok, data };
}

function errorText(r) {
  if (r.status === 403 && r.data && r.data.error === 'forbidden') return t('forbidden');
  return (r.data && r.data.detail) || ('HTTP ' + r.status);
}

// ------------------------------------------------------------------------------------------ language, session

function applyLanguage() {
  document.documentElement.lang = state.lang === 'en' ? 'en' : 'nb';
  document.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t(e.dataset.i18n); });
  document.querySelectorAll('[data-i18n-aria]').forEach((e) => { e.setAttribute('aria-label', t(e.dataset.i18nAria)); });
  $('lang').textContent = state.lang === 'en' ? 'Norsk' : 'English';
  $('lang').setAttribute('lang', state.lang === 'en' ? 'nb' : 'en');
  if (state.user) $('who').textContent = t('signedInAs') + ' ' + state.user.user + ' (' + state.user.role + ')';
  if (state.user && state.user.role === 'reporter') {
    $('reporter-units').textContent = t('reporterFor', (state.user.orgUnits || []).join(', '));
  }
}

function showLogin(message) {
  state.user = null;
  state.csrf = null;
  document.querySelectorAll('main > section').forEach((s) => { s.hidden = s.id !== 'view-login'; });
  $('nav').hidden = true;
  $('logout').hidden = true;
  $('who').textContent = '';
  status(message || '', !!message);
  $('login-name').focus();
}

async function signedIn(session) {
  state.user = session;
  state.csrf = session.csrfToken;
  $('logout').hidden = false;
  if (session.role === 'reporter') {
    // A reporter may do nothing the other pages offer (the API answers 403): only who they are, until their own pages.
    $('nav').hidden = true;
    document.querySelectorAll('main > section').forEach((s) => { s.hidden = s.id !== 'view-reporter'; });
    applyLanguage();
    return;
  }
  $('nav').hidden = false;
  $('logout').hidden = false;
  document.querySelectorAll('[data-role="admin"]').forEach((e) => { e.hidden = session.role !== 'admin'; });
  applyLanguage();
  await loadSchemes();
  await loadFormats();
  route();
}

async function login(ev) {
  ev.preventDefault();
  status(t('working'));
  const r = await api('POST', '/session', { name: $('login-name').value, password: $('login-password').value });
  $('login-password').value = '';
  if (!r.ok) {
    status(r.status === 401 ? t('wrongLogin') : errorText(r), true);
    $('login-password').focus();
    return;
  }
  status('');
  await signedIn(r.data);
}

async function logout() {
  await api('DELETE', '/session');
  showLogin();
}

// ------------------------------------------------------------------------------------------ schemes and years

async function loadSchemes() {
  const r = await api('GET', '/schemes');
  if (!r.ok) return;
  state.schemes = r.data.schemes;
  const select = $('scheme');
  const previous = selectedIds();
  select.replaceChildren(...state.schemes.map((s) => el('option', { value: s.id, text: s.id + ' – ' + s.name })));
  // Keep what was chosen while it is still installed; otherwise the first scheme, as with a single choice.
  const kept = previous.filter((id) => state.schemes.some((s) => s.id === id));
  for (const o of select.options) o.selected = kept.includes(o.value);
  if (!kept.length && select.options.length) select.options[0].selected = true;
  schemeChanged(kept.join() !== previous.join() || !kept.length);
}

// The schemes chosen, in the order of the list: the first is the one a single-scheme form (a template) is for.
function selectedIds() {
  return Array.from($('scheme').selectedOptions).map((o) => o.value);
}

function selectedSchemes() {
  const ids = selectedIds();
  return state.schemes.filter((s) => ids.includes(s.id));
}

function schemeParam(list) {
  return 'scheme=' + encodeURIComponent(list.map((s) => s.id).join(','));
}

function schemeChanged(resetYears) {
  const chosen = selectedSchemes();
  const info = $('scheme-info');
  if (!chosen.length) {
    info.textContent = state.schemes.length ? t('chooseScheme') : t('noSchemes');
    updateLinks();
    return;
  }
  // The years every chosen scheme has forms for together, as the command line and the API default to.
  // A revision of a form for a reported year is listed after later forms, so the years come from every form.
  const firstOf = (s) => (s.forms.length ? Math.min(...s.forms.map((f) => f.firstYear)) : s.firstYear);
  const lastOf = (s) => (s.forms.length ? Math.max(...s.forms.map((f) => f.lastYear)) : s.firstYear);
  const first = Math.min(...chosen.map(firstOf));
  const last = Math.max(...chosen.map(lastOf));
  if (resetYears || !$('from-year').value) {
    $('from-year').value = first;
    $('to-year').value = last;
    $('template-year').value = lastOf(chosen[0]);
  }
  info.textContent = chosen.map((s) => (chosen.length > 1 ? s.id + ': ' : '')
    + t('formsFrom', s.formVersions.join(', '), s.bundle, s.bundleVersion)).join(' · ');
  updateLinks();
}

function years() {
  const from = $('from-year').value;
  const to = $('to-year').value || from;
  return from === to ? from : from + '-' + to;
}

// ------------------------------------------------------------------------------------------ views

const VIEWS = ['import', 'indicators', 'reports', 'responses', 'publications', 'admin', 'audit'];
const ADMIN_VIEWS = ['admin', 'audit'];
// Views that do not use the scheme and years chosen above them: a publication selects its own.
const OWN_SELECTION_VIEWS = ['admin', 'audit', 'publications'];

function route(ev) {
  if (!state.user || state.user.role === 'reporter') return;
  let view = location.hash.replace('#', '');
  if (!VIEWS.includes(view) || (ADMIN_VIEWS.includes(view) && state.user.role !== 'admin')) view = 'import';
  document.querySelectorAll('main > section').forEach((s) => {
    s.hidden = !(s.id === 'view-' + view || (s.id === 'context' && !OWN_SELECTION_VIEWS.includes(view)));
  });
  document.querySelectorAll('#nav a').forEach((a) => {
    if (a.dataset.view === view) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  status('');
  if (view === 'admin') loadBundles();
  if (view === 'audit') loadAudit();
  if (view === 'reports') updateLinks();
  if (view === 'publications') loadPublications();
  if (view === 'responses' && !$('responses-year').value) $('responses-year').value = $('to-year').value;
  // After a menu choice the keyboard and a screen reader start at the new page's heading, not back at the menu.
  if (ev && ev.type === 'hashchange') {
    const heading = document.querySelector('#view-' + view + ' h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
  }
}

// ------------------------------------------------------------------------------------------ import

async function submitFiles(ev) {
  ev.preventDefault();
  const action = (ev.submitter && ev.submitter.dataset.action) || 'validate';
  const files = $('files').files;
  if (!files.length) return;
  const form = new FormData();
  for (const f of files) form.append('file', f, f.name);
  status(t('working'));
  const path = action === 'import' ? '/submissions?replace=' + $('replace').checked : '/submissions/validate';
  const r = await api('POST', path, form, true);
  if (!r.data || !r.data.files) {
    status(errorText(r), true);
    $('import-result').replaceChildren();
    return;
  }
  if (action === 'import') {
    status(r.data.rejectedFiles ? t('importedBad', r.data.rejectedFiles) : t('importedOk', r.data.imported),
      r.data.rejectedFiles > 0);
  } else {
    status(r.data.valid ? t('checkedOk') : t('checkedBad'), !r.data.valid);
  }
  $('import-result').replaceChildren(...r.data.files.map(fileResult));
}

function fileResult(f) {
  return fileReport(f, 'submissions');
}

/** One uploaded file's result; countKey names what it holds (reports, grants). */
function fileReport(f, countKey) {
  const summary = el('div', { class: 'summary' },
    el('div', {}, t(countKey), el('b', { text: f.submissions })),
    el('div', {}, t('rejected'), el('b', { text: f.rejected })),
    el('div', {}, t('errors'), el('b', { text: f.errors })),
    el('div', {}, t('warnings'), el('b', { text: f.warnings })),
    el('div', {}, t('stored'), el('b', { text: f.stored ? t('yes') : t('no') })));
  const parts = [el('h2', { text: f.file }), summary];
  if (!f.findings.length) {
    parts.push(el('p', { class: 'ok-text', text: t('noFindings') }));
  } else {
    parts.push(scroll(el('table', { class: 'findings' },
      el('caption', { text: f.file }),
      el('thead', {}, el('tr', {}, ['where', 'field', 'severity', 'code', 'message'].map((k) => el('th', { scope: 'col', text: t(k) })))),
      el('tbody', {}, f.findings.map((x) => el('tr', {},
        el('td', { text: x.location }),
        el('td', { class: 'code', text: x.path }),
        el('td', {}, el('span', { class: 'sev ' + x.severity, text: t(x.severity) })),
        el('td', { class: 'code', text: x.code }),
        el('td', { text: x.message })))))));
  }
  return el('div', { class: 'file-result' }, parts);
}

// ------------------------------------------------------------------------------------------ indicators

async function showIndicators() {
  const chosen = selectedSchemes();
  if (!chosen.length) {
    status(t('chooseScheme'), true);
    return;
  }
  status(t('working'));
  const r = await api('GET', '/indicators?' + schemeParam(chosen) + '&years=' + encodeURIComponent(years()));
  if (!r.ok) {
    status(errorText(r), true);
    return;
  }
  status(t('reportsSelected', r.data.submissions));
  const out = [];
  if (!r.data.indicators.length) out.push(el('p', { class: 'muted', text: t(chosen.length > 1 ? 'noIndicatorsSeveral' : 'noIndicators') }));
  for (const ind of r.data.indicators) out.push(indicatorTable(ind));
  for (const f of r.data.failures) out.push(el('p', { class: 'error-text', text: f }));
  $('indicators-result').replaceChildren(...out);
}

function indicatorTable(ind) {
  const numeric = (k) => k !== 'text';
  const captionId = 'caption-' + ind.id + '-' + (++state.tables);
  const table = el('table', {},
    el('caption', { id: captionId, text: ind.title + ' (N=' + ind.n + (ind.nCounted ? ' ' + ind.nCounted : '') + ')' }),
    el('thead', {}, el('tr', {}, ind.columns.map((c, i) => el('th', { scope: 'col', class: numeric(ind.columnKinds[i]) && i > 0 ? 'num' : null, text: c })))),
    el('tbody', {}, ind.rows.map((row, ri) => el('tr', { class: ind.totalRows.includes(ri) ? 'total' : null },
      row.map((v, i) => el('td', { class: numeric(ind.columnKinds[i]) && i > 0 ? 'num' : null, text: format(v, i > 0 && rowKind(ind, ri) ? rowKind(ind, ri) : ind.columnKinds[i]) }))))));
  const notes = el('div', { class: 'notes' }, ind.notes.map((n) => el('p', { text: n })));
  return el('div', { class: 'indicator' }, el('div', {}, scroll(table), notes), chart(ind, captionId));
}

/** A row whose numbers are of another kind than its columns, e.g. the N row (counts) under a percent table. */
function rowKind(ind, ri) {
  return (ind.rowKinds || {})[String(ri)];
}

function format(v, kind) {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'number') {
    const s = v.toLocaleString(state.lang === 'en' ? 'en-GB' : 'nb-NO', { maximumFractionDigits: 1 });
    return kind === 'percent' ? s + ' %' : s;
  }
  return String(v);
}

/**
 * A horizontal bar chart (SVG) of the table's numeric columns against its first column, bars from 0. One unit per
 * chart: the percent columns when there are any, else the columns of the first numeric kind, so that percent, counts
 * and kroner never share an axis; every such column (every year) is drawn. Totals and the N row are left out. The
 * legend is one line per series and long labels wrap, so nothing overlaps or is cut; the chart's text alternative
 * is its table, which it names.
 */
function chart(ind, tableCaptionId) {
  const numeric = ind.columnKinds.map((k, i) => i).filter((i) => i > 0 && ind.columnKinds[i] !== 'text');
  if (!numeric.length) return el('div');
  const unit = numeric.some((i) => ind.columnKinds[i] === 'percent') ? 'percent' : ind.columnKinds[numeric[0]];
  const cols = numeric.filter((i) => ind.columnKinds[i] === unit);
  const rows = ind.rows.filter((r, i) => !ind.totalRows.includes(i) && !rowKind(ind, i)
    && cols.some((c) => typeof r[c] === 'number'));
  if (!rows.length) return el('div');
  const ns = 'http://www.w3.org/2000/svg';
  const svg = (tag, attrs, text) => {
    const e = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const shades = ['#1d5fa8', '#5b9bd5', '#0b3d6e', '#7fb0dd', '#34699e', '#a9c8e8', '#154a80', '#4f86c0'];
  const width = 440;
  const bar = 14;
  const labelW = 170;
  const lineH = 12;
  const wrap = (text, max) => {
    const lines = [];
    let line = '';
    for (const word of text.split(/\s+/)) {
      if (line && (line + ' ' + word).length > max) {
        lines.push(line);
        line = word;
      } else {
        line = line ? line + ' ' + word : word;
      }
    }
    if (line) lines.push(line);
    return lines.length ? lines : [''];
  };
  const labels = rows.map((r) => wrap(String(r[0] ?? ''), 26));
  const groupHs = labels.map((l) => Math.max(cols.length * (bar + 2), l.length * lineH) + 10);
  const legendH = cols.length * 16 + 8;
  const height = legendH + groupHs.reduce((a, b) => a + b, 0) + 4;
  const values = rows.flatMap((r) => cols.map((c) => (typeof r[c] === 'number' ? r[c] : 0)));
  const max = unit === 'percent' ? Math.max(100, ...values) : Math.max(1, ...values);
  const title = t('chartOf', ind.title);
  const root = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': title,
    'aria-describedby': tableCaptionId });
  root.append(svg('title', {}, title));
  cols.forEach((c, k) => {
    root.append(svg('rect', { x: 4, y: 4 + k * 16, width: 12, height: 12, fill: shades[k % shades.length] }));
    root.append(svg('text', { x: 22, y: 14 + k * 16, 'font-size': 11, fill: '#1c2430' }, ind.columns[c]));
  });
  let y0 = legendH;
  rows.forEach((r, i) => {
    const groupH = groupHs[i];
    const label = svg('text', { x: labelW - 6, 'text-anchor': 'end', 'font-size': 11, fill: '#1c2430' });
    const first = y0 + groupH / 2 - (labels[i].length - 1) * lineH / 2 + 4;
    labels[i].forEach((line, n) => label.append(svg('tspan', { x: labelW - 6, y: first + n * lineH }, line)));
    root.append(label);
    cols.forEach((c, k) => {
      const v = typeof r[c] === 'number' ? r[c] : 0;
      const y = y0 + 5 + k * (bar + 2);
      const w = Math.max(1, (width - labelW - 50) * v / max);
      root.append(svg('rect', { x: labelW, y, width: w, height: bar, rx: 2, fill: shades[k % shades.length] }));
      root.append(svg('text', { x: labelW + w + 4, y: y + bar - 3, 'font-size': 10, fill: '#1c2430' },
        format(r[c], ind.columnKinds[c])));
    });
    y0 += groupH;
  });
  return el('figure', {}, root, el('figcaption', { class: 'notes', text: t('chartText') }));
}

// ------------------------------------------------------------------------------------------ reports

async function loadFormats() {
  const r = await api('GET', '/formats');
  if (!r.ok) return;
  state.formats = r.data;
  const fill = (select, list) => select.replaceChildren(...list.map((f) => el('option', { value: f, text: f })));
  fill($('report-format'), r.data.reports);
  fill($('template-format'), r.data.templates);
  $('report-none').hidden = r.data.reports.length > 0;
  $('template-none').hidden = r.data.templates.length > 0;
  updateLinks();
}

function updateLinks() {
  const chosen = selectedSchemes();
  const s = chosen[0];
  const link = (a, enabled, href) => {
    if (enabled) {
      a.href = href;
      a.removeAttribute('aria-disabled');
    } else {
      a.removeAttribute('href');
      a.setAttribute('aria-disabled', 'true');
    }
  };
  const rf = $('report-format').value;
  link($('report-link'), s && rf, s && '/api/reports?' + schemeParam(chosen) + '&years=' + encodeURIComponent(years())
    + '&format=' + encodeURIComponent(rf) + '&withData=' + $('with-data').checked + '&lang=' + state.lang);
  const tf = $('template-format').value;
  $('template-scheme').textContent = chosen.length > 1 ? t('templateFor', s.id) : '';
  link($('template-link'), s && tf, s && '/api/templates?scheme=' + encodeURIComponent(s.id) + '&year='
    + encodeURIComponent($('template-year').value) + '&format=' + encodeURIComponent(tf) + '&lang=' + state.lang);
}

// ------------------------------------------------------------------------------------------ grants, response rates

async function showResponses() {
  // A response rate is of one scheme: the first chosen, as for an empty form.
  const s = selectedSchemes()[0];
  const year = $('responses-year').value;
  if (!s || !year) return;
  status(t('working'));
  const r = await api('GET', '/responses?scheme=' + encodeURIComponent(s.id) + '&year=' + encodeURIComponent(year));
  if (!r.ok) {
    status(errorText(r), true);
    $('responses-result').replaceChildren();
    return;
  }
  status('');
  const d = r.data;
  if (!d.expected && !d.withoutGrant.length) {
    $('responses-result').replaceChildren(el('p', { class: 'muted', text: t('noGrants', s.id, year) }));
    return;
  }
  const parts = [el('div', { class: 'summary' },
    el('div', {}, t('expected'), el('b', { text: d.expected })),
    el('div', {}, t('reported'), el('b', { text: d.reported })),
    el('div', {}, t('missingUnits'), el('b', { text: d.missingCount })),
    el('div', {}, t('responseRate'), el('b', { text: d.rate === null ? '–' : d.rate + ' %' })))];
  const units = (heading, list, id) => scroll(el('table', { id, class: 'findings' },
    el('caption', { text: heading }),
    el('thead', {}, el('tr', {}, ['orgUnitCode', 'orgUnitName'].map((k) => el('th', { scope: 'col', text: t(k) })))),
    el('tbody', {}, list.map((u) => el('tr', {}, el('td', { class: 'code', text: u.code }), el('td', { text: u.name }))))));
  if (d.missing.length) parts.push(units(t('missingHeading'), d.missing, 'responses-missing'));
  if (d.withoutGrant.length) parts.push(units(t('withoutGrantHeading'), d.withoutGrant, 'responses-without-grant'));
  $('responses-result').replaceChildren(...parts);
}

async function importGrants(ev) {
  ev.preventDefault();
  const files = $('grant-files').files;
  if (!files.length) return;
  const form = new FormData();
  for (const f of files) form.append('file', f, f.name);
  status(t('working'));
  const r = await api('POST', '/grants?replace=' + $('grants-replace').checked, form, true);
  if (!r.data || !r.data.files) {
    status(errorText(r), true);
    $('grants-result').replaceChildren();
    return;
  }
  $('grants-result').replaceChildren(...r.data.files.map((f) => fileReport(f, 'grantRows')));
  if (!r.data.rejectedFiles) await showResponses();
  status(r.data.rejectedFiles ? t('importedBad', r.data.rejectedFiles) : t('grantsImported', r.data.imported),
    r.data.rejectedFiles > 0);
}

// ------------------------------------------------------------------------------------------ publications

async function loadPublications() {
  const r = await api('GET', '/publications?lang=' + state.lang);
  if (!r.ok) {
    status(errorText(r), true);
    return;
  }
  state.publications = r.data.publications;
  const select = $('publication');
  const before = select.value;
  select.replaceChildren(...state.publications.map((p) => el('option', { value: p.id, text: p.title + ' (' + p.id + ')' })));
  if (state.publications.some((p) => p.id === before)) select.value = before;
  if (!state.publications.length) $('publication-result').replaceChildren(el('p', { class: 'muted', text: t('noPublications') }));
  const formats = (state.formats && state.formats.reports) || [];
  $('publication-format').replaceChildren(...formats.map((f) => el('option', { value: f, text: f })));
  publicationChanged();
}

function chosenPublication() {
  return (state.publications || []).find((p) => p.id === $('publication').value);
}

function publicationChanged() {
  const p = chosenPublication();
  const editions = $('publication-edition');
  const before = editions.value;
  editions.replaceChildren(el('option', { value: '', text: t('liveFigures') }),
    ...(p ? p.editions : []).map((e) => el('option', { value: e.edition, text: t('editionOf', e.edition, e.cutOff.slice(0, 16).replace('T', ' ')) })));
  if (p && p.editions.some((e) => e.edition === before)) editions.value = before;
  $('publication-source').textContent = p ? p.source + (p.addedBy ? ' · ' + p.addedBy + ' · ' + p.added.slice(0, 16).replace('T', ' ') : '') : '';
  $('publication-problems').replaceChildren(...(p && p.problems.length ? [el('p', { class: 'error-text', text: t('publicationProblems') }),
    el('ul', {}, p.problems.map((x) => el('li', { class: 'code', text: x })))] : []));
  publicationLink();
}

function publicationQuery() {
  const e = $('publication-edition').value;
  return 'lang=' + state.lang + (e ? '&edition=' + encodeURIComponent(e) : '');
}

function publicationLink() {
  const p = chosenPublication();
  const f = $('publication-format').value;
  const a = $('publication-link');
  if (p && f && !p.problems.length) {
    a.href = '/api/publications/' + encodeURIComponent(p.id) + '/report?format=' + encodeURIComponent(f) + '&' + publicationQuery();
    a.removeAttribute('aria-disabled');
  } else {
    a.removeAttribute('href');
    a.setAttribute('aria-disabled', 'true');
  }
}

async function previewPublication() {
  const p = chosenPublication();
  if (!p) return;
  status(t('working'));
  const r = await api('GET', '/publications/' + encodeURIComponent(p.id) + '?' + publicationQuery());
  if (!r.ok) {
    status(errorText(r), true);
    const problems = (r.data && r.data.problems) || [];
    $('publication-result').replaceChildren(el('ul', {}, problems.map((x) => el('li', { class: 'code', text: x }))));
    return;
  }
  status('');
  const d = r.data;
  const out = [el('h2', { text: d.title })];
  for (const s of d.sections) {
    const part = [el('h3', { text: s.heading })];
    for (const b of s.blocks) {
      if (b.type === 'paragraph') part.push(el('p', { text: b.text }));
      else if (b.type === 'table') part.push(indicatorTable(b));
      else if (b.type === 'keyFigures') {
        part.push(el('dl', { class: 'summary', 'aria-label': t('keyFigures') }, b.figures.map((f) => el('div', {},
          el('dt', { text: f.label }), el('dd', {}, el('b', { text: format(f.value, f.kind) }))))));
      }
    }
    out.push(el('section', { class: 'publication-section' }, ...part));
  }
  $('publication-result').replaceChildren(...out);
}

async function addPublication(ev) {
  ev.preventDefault();
  const files = $('publication-file').files;
  if (!files.length) return;
  const form = new FormData();
  form.append('file', files[0], files[0].name);
  status(t('working'));
  const r = await api('POST', '/publications?lang=' + state.lang, form, true);
  if (!r.ok) {
    status(errorText(r), true);
    const problems = (r.data && r.data.problems) || [];
    $('publication-add-result').replaceChildren(el('p', { class: 'error-text', text: t('publicationRefused') }),
      el('ul', {}, problems.map((x) => el('li', { class: 'code', text: x }))));
    return;
  }
  $('publication-add-result').replaceChildren(el('p', { text: t('publicationAdded', r.data.id, r.data.revision) }));
  status(t('publicationAdded', r.data.id, r.data.revision));
  $('publication-form').reset();
  await loadPublications();
  $('publication').value = r.data.id;
  publicationChanged();
}

// ------------------------------------------------------------------------------------------ audit trail

async function loadAudit() {
  const r = await api('GET', '/audit?limit=500');
  if (!r.ok) {
    status(errorText(r), true);
    return;
  }
  if (!r.data.events.length) {
    $('audit').replaceChildren(el('p', { class: 'muted', text: t('auditEmpty') }));
    return;
  }
  const rows = r.data.events.map((e) => el('tr', {},
    el('td', { text: new Date(e.at).toLocaleString(state.lang === 'en' ? 'en-GB' : 'nb-NO') }),
    el('td', { class: 'code', text: e.actor }),
    el('td', { class: 'code', text: e.action }),
    el('td', { text: e.subject }),
    el('td', { text: Object.entries(e.details).map(([k, v]) => k + ': ' + v).join('; ') })));
  $('audit').replaceChildren(scroll(el('table', { id: 'audit-table' },
    el('caption', { class: 'sr-only', text: t('auditTitle') }),
    el('thead', {}, el('tr', {}, ['auditAt', 'auditActor', 'auditAction', 'auditSubject', 'auditDetails']
      .map((k) => el('th', { scope: 'col', text: t(k) })))),
    el('tbody', {}, rows)), t('auditTitle')));
}

// ------------------------------------------------------------------------------------------ plugins

async function loadBundles() {
  const r = await api('GET', '/bundles');
  if (!r.ok) {
    status(errorText(r), true);
    return null;
  }
  const rows = r.data.bundles.filter((b) => b.id !== 0).map((b) => el('tr', {},
    el('td', { class: 'num', text: b.id }),
    el('td', { class: 'code', text: b.symbolicName }),
    el('td', { text: b.version }),
    el('td', { text: b.state }),
    el('td', { text: b.deployed ? 'deploy/' + b.location : b.location }),
    el('td', { class: b.failure ? 'error-text' : null, text: b.failure || '' }),
    el('td', {}, b.deployed ? el('button', { type: 'button', class: 'danger', 'aria-label': t('remove') + ' ' + b.symbolicName,
      onclick: () => removeBundle(b.symbolicName), text: t('remove') }) : null)));
  const failures = r.data.failures.concat(r.data.schemeProblems || []);
  $('bundles').replaceChildren(
    failures.length
      ? el('div', {}, el('h3', { text: t('failures') }), el('ul', {}, failures.map((f) => el('li', { class: 'error-text', text: f }))))
      : el('p', { class: 'ok-text', text: t('healthy') }),
    scroll(el('table', { id: 'bundle-table' },
      el('thead', {}, el('tr', {}, ['id', 'name', 'version', 'state', 'location', 'failure', ''].map((k) => (k
        ? el('th', { scope: 'col', text: t(k) })
        : el('th', { scope: 'col' }, el('span', { class: 'sr-only', text: t('actions') })))))),
      el('tbody', {}, rows)), t('bundlesHeading')));
  return r.data;
}

/** After a change, FileInstall may still be starting a bundle: look again for a few seconds until all settle. */
async function loadBundlesUntilSettled() {
  for (let i = 0; i < 20; i++) {
    const data = await loadBundles();
    if (!data || data.bundles.every((b) => ['ACTIVE', 'INSTALLED'].includes(b.state) || b.symbolicName === null)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function removeBundle(bsn) {
  if (!window.confirm(t('confirmRemove', bsn))) return;
  status(t('working'));
  const r = await api('DELETE', '/bundles/' + encodeURIComponent(bsn));
  if (!r.ok) {
    status(errorText(r), true);
    return;
  }
  status(t('removed', bsn));
  await loadBundlesUntilSettled();
  await loadSchemes();
  await loadFormats();
}

async function dryRun(ev) {
  ev.preventDefault();
  const file = $('jar').files[0];
  if (!file) return;
  const form = new FormData();
  form.append('file', file, file.name);
  status(t('working'));
  const r = await api('POST', '/bundles?dryRun=true', form, true);
  if (!r.ok) {
    status(errorText(r), true);
    $('dryrun-result').replaceChildren();
    return;
  }
  status('');
  state.dryRunFile = file;
  const d = r.data;
  const b = d.bundle;
  const parts = [el('h2', { text: t('dryRunTitle', d.file) }),
    el('p', {}, el('span', { class: 'code', text: b.symbolicName + ' ' + b.version }), ' (',
      b.installedVersion ? t('installedVersion', b.installedVersion) : t('newBundle'), ')'),
    el('div', { class: 'summary' },
      el('div', {}, t('checked'), el('b', { text: d.checked })),
      el('div', {}, t('becomeInvalid'), el('b', { id: 'become-invalid', text: d.becomeInvalid })),
      el('div', {}, t('alreadyInvalid'), el('b', { text: d.alreadyInvalid })))];
  if (!d.schemes.length) parts.push(el('p', { class: 'muted', text: t('noSchemeInJar') }));
  else parts.push(el('p', {}, t('schemesIn') + ': ' + d.schemes.map((s) => s.id + ' (' + t('forms', s.formVersions.join(', ')) + ')').join('; ')));
  if (d.byCode.length) {
    parts.push(scroll(el('table', { id: 'dryrun-codes' },
      el('thead', {}, el('tr', {}, ['code', 'submissions', 'field', 'message', 'examples'].map((k) => el('th', { scope: 'col', text: t(k) })))),
      el('tbody', {}, d.byCode.map((c) => el('tr', {},
        el('td', { class: 'code', text: c.code }),
        el('td', { class: 'num', text: c.submissions }),
        el('td', { class: 'code', text: c.paths.join(', ') }),
        el('td', { text: c.message }),
        el('td', { text: c.examples.join('; ') }))))), t('dryRun')));
  }
  if (d.problems.length) {
    parts.push(el('h3', { text: t('problems') }), el('ul', {}, d.problems.map((p) => el('li', { class: 'error-text', text: p }))));
  }
  parts.push(el('p', { class: d.safe ? 'ok-text' : 'error-text', text: d.safe ? t('safe') : t('unsafe') }));
  const activate = el('button', { type: 'button', id: 'activate-btn', class: 'primary', disabled: !d.safe, onclick: activateBundle, text: t('activate') });
  if (!d.safe) {
    const box = el('input', { type: 'checkbox', id: 'understand' });
    box.addEventListener('change', () => { activate.disabled = !box.checked; });
    parts.push(el('div', { class: 'check' }, box, el('label', { for: 'understand', text: t('understand') })));
  }
  parts.push(el('div', { class: 'buttons' }, activate));
  $('dryrun-result').replaceChildren(...parts);
  activate.focus();
}

async function activateBundle() {
  const file = state.dryRunFile;
  if (!file) return;
  const form = new FormData();
  form.append('file', file, file.name);
  status(t('working'));
  const r = await api('POST', '/bundles', form, true);
  if (!r.ok) {
    status(errorText(r), true);
    return;
  }
  status(t('activated', r.data.bundle.symbolicName + ' ' + r.data.bundle.version, r.data.state + (r.data.failure ? ': ' + r.data.failure : '')),
    r.data.state !== 'ACTIVE');
  state.dryRunFile = null;
  $('dryrun-result').replaceChildren();
  $('deploy-form').reset();
  await loadBundlesUntilSettled();
  await loadSchemes();
  await loadFormats();
}

// ------------------------------------------------------------------------------------------ start

document.addEventListener('DOMContentLoaded', async () => {
  applyLanguage();
  $('login-form').addEventListener('submit', login);
  $('logout').addEventListener('click', logout);
  $('lang').addEventListener('click', async () => {
    state.lang = state.lang === 'en' ? 'nb' : 'en';
    localStorage.setItem('tilskudd.lang', state.lang);
    applyLanguage();
    if (state.user && state.user.role !== 'reporter') {
      await loadSchemes();
      route();
    }
  });
  $('import-form').addEventListener('submit', submitFiles);
  $('indicators-btn').addEventListener('click', showIndicators);
  $('responses-btn').addEventListener('click', showResponses);
  $('grants-form').addEventListener('submit', importGrants);
  $('publication').addEventListener('change', publicationChanged);
  ['publication-edition', 'publication-format'].forEach((id) => $(id).addEventListener('change', publicationLink));
  $('publication-btn').addEventListener('click', previewPublication);
  $('publication-form').addEventListener('submit', addPublication);
  $('deploy-form').addEventListener('submit', dryRun);
  $('scheme').addEventListener('change', () => schemeChanged(true));
  ['from-year', 'to-year', 'template-year', 'report-format', 'template-format', 'with-data']
    .forEach((id) => $(id).addEventListener('change', updateLinks));
  window.addEventListener('hashchange', route);
  const r = await api('GET', '/session');
  if (r.ok) await signedIn(r.data); else showLogin();
});
