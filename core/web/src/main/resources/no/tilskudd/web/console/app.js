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
  reporterFor: ['Du rapporterer for: {0}', 'You report for: {0}'],
  language: ['Språk', 'Language'],
  nnNote: ['Denne siden er ikke oversatt til nynorsk ennå, så teksten står på bokmål.', 'This page is not translated into nynorsk yet, so the text is in bokmål.'],
  navReportingStatus: ['Rapporteringsstatus', 'Reporting status'],
  myReports: ['Mine rapporter', 'My reports'],
  noAssignments: ['Du har ingen enheter eller skjemaer å rapportere for.', 'You have no units or forms to report for.'],
  unit: ['Enhet', 'Unit'],
  region: ['Region', 'Region'],
  reportStatus: ['Status', 'Status'],
  updated: ['Sist endret', 'Last changed'],
  st_new: ['Ikke påbegynt', 'Not started'],
  st_draft: ['Utkast', 'Draft'],
  st_submitted: ['Sendt inn', 'Submitted'],
  st_reopened: ['Åpnet for endring', 'Reopened'],
  st_missing: ['Mangler', 'Missing'],
  backToMine: ['Tilbake til Mine rapporter', 'Back to My reports'],
  reportFormTitle: ['Rapport', 'Report'],
  reportMeta: ['{0} · {1} {2} · status: {3}', '{0} · {1} {2} · status: {3}'],
  versionN: ['versjon {0}', 'version {0}'],
  fallbackNote: ['Noen tekster i skjemaet finnes ikke på nynorsk og står på bokmål.', 'Some texts in the form are not in nynorsk and are shown in bokmål.'],
  requiredNote: ['Felt merket med * må fylles ut.', 'Fields marked * must be filled in.'],
  notYourUnit: ['Du har ikke tilgang til rapporten for enhet {0}. Du kan bare åpne rapporter for dine egne enheter.', 'You do not have access to the report for unit {0}. You can open reports for your own units only.'],
  noForm: ['Det finnes ikke noe skjema for {0} i {1}.', 'There is no form for {0} in {1}.'],
  saveDraft: ['Lagre utkast', 'Save draft'],
  submitReport: ['Send inn', 'Submit'],
  receipt: ['Last ned kvittering (PDF)', 'Download the receipt (PDF)'],
  reopen: ['Åpne for endring', 'Reopen for changes'],
  reopenUnit: ['Åpne rapporten for {0} for endring', 'Reopen the report of {0} for changes'],
  reopened: ['Rapporten for {0} er åpnet for endring (versjon {1}).', 'The report of {0} is reopened for changes (version {1}).'],
  draftSaved: ['Utkastet er lagret (versjon {0}, {1}).', 'The draft was saved (version {0}, {1}).'],
  draftSavedWithErrors: ['Utkastet er lagret (versjon {0}, {1}), men har {2} feil som må rettes før innsending.', 'The draft was saved (version {0}, {1}) but has {2} error(s) to fix before submitting.'],
  submitted: ['Rapporten er sendt inn (versjon {0}). Takk!', 'The report was submitted (version {0}). Thank you!'],
  submitRefused: ['Rapporten ble ikke sendt inn: rett feilene under.', 'The report was not submitted: fix the errors below.'],
  alreadySubmitted: ['Rapporten er allerede sendt inn. Bare en analytiker kan åpne den for endring.', 'The report is already submitted. Only an analyst can reopen it.'],
  readOnly: ['Rapporten er sendt inn og kan ikke endres. En analytiker kan åpne den for endring.', 'The report is submitted and cannot be changed. An analyst can reopen it.'],
  summaryTitle: ['Skjemaet har {0} feil', 'The form has {0} error(s)'],
  summaryWarnings: ['Advarsler (hindrer ikke innsending)', 'Warnings (do not stop submission)'],
  generalFinding: ['Hele rapporten', 'The whole report'],
  checkedCount: ['Kontrollert: {0} feil, {1} advarsler.', 'Checked: {0} error(s), {1} warning(s).'],
  addRow: ['Legg til rad i «{0}»', 'Add a row to “{0}”'],
  removeRow: ['Fjern rad {0} i «{1}»', 'Remove row {0} of “{1}”'],
  rowN: ['Rad {0}', 'Row {0}'],
  noRows: ['Ingen rader ennå.', 'No rows yet.'],
  rowRemoved: ['Rad {0} er fjernet.', 'Row {0} was removed.'],
  rowAdded: ['Rad {0} er lagt til.', 'Row {0} was added.'],
  boolYes: ['Ja', 'Yes'],
  boolNo: ['Nei', 'No'],
  chooseOne: ['Velg …', 'Choose …'],
  notAnswered: ['Ikke besvart', 'Not answered'],
  history: ['Historikk', 'History'],
  at: ['Tid', 'Time'],
  by: ['Av', 'By'],
  reportingStatusTitle: ['Rapporteringsstatus', 'Reporting status'],
  rsExpected: ['Forventet', 'Expected'],
  rsDrafts: ['Utkast', 'Drafts'],
  rsSubmitted: ['Sendt inn', 'Submitted'],
  rsMissing: ['Mangler', 'Missing'],
  rsBasis_grants: ['Forventet: enheter med tildeling i tilskuddsregisteret.', 'Expected: units with a grant in the grant register.'],
  rsBasis_previous_year: ['Forventet: enhetene som rapporterte året før (ingen tildelinger er registrert).', 'Expected: the units that reported the year before (no grants are registered).'],
  reminderCsv: ['Last ned purreliste (CSV)', 'Download the reminder list (CSV)'],
  rsUnits: ['Enheter for {0} {1}', 'Units for {0} {1}'],
  contacts: ['Kontakt', 'Contact'],
  errorLabel: ['Feil', 'Error'],
  warningLabel: ['Advarsel', 'Warning'],
};

// Nynorsk for the reporting pages and the sign-in; a key without nynorsk falls back to bokmål, and the pages the
// reporter never sees say so (#nn-note).
const NN = {
  skip: 'Hopp til innhaldet',
  mainMenu: 'Hovudmeny',
  logout: 'Logg ut',
  loginTitle: 'Logg inn',
  userName: 'Brukarnamn',
  password: 'Passord',
  login: 'Logg inn',
  signedInAs: 'Logga inn som',
  wrongLogin: 'Feil brukarnamn eller passord.',
  working: 'Arbeider …',
  sessionExpired: 'Økta er ute. Logg inn på nytt.',
  forbidden: 'Du har ikkje tilgang til dette.',
  scheme: 'Ordning',
  year: 'År',
  show: 'Vis',
  code: 'Kode',
  name: 'Namn',
  version: 'Versjon',
  field: 'Felt',
  message: 'Melding',
  error: 'feil',
  warning: 'åtvaring',
  errors: 'Feil',
  warnings: 'Åtvaringar',
  reporterFor: 'Du rapporterer for: {0}',
  language: 'Språk',
  nnNote: 'Denne sida er ikkje omsett til nynorsk enno, så teksten står på bokmål.',
  navReportingStatus: 'Rapporteringsstatus',
  myReports: 'Mine rapportar',
  noAssignments: 'Du har ingen einingar eller skjema å rapportere for.',
  unit: 'Eining',
  region: 'Region',
  reportStatus: 'Status',
  updated: 'Sist endra',
  st_new: 'Ikkje påbyrja',
  st_draft: 'Utkast',
  st_submitted: 'Sendt inn',
  st_reopened: 'Opna for endring',
  st_missing: 'Manglar',
  backToMine: 'Tilbake til Mine rapportar',
  reportFormTitle: 'Rapport',
  reportMeta: '{0} · {1} {2} · status: {3}',
  versionN: 'versjon {0}',
  fallbackNote: 'Nokre tekstar i skjemaet finst ikkje på nynorsk og står på bokmål.',
  requiredNote: 'Felt merkte med * må fyllast ut.',
  notYourUnit: 'Du har ikkje tilgang til rapporten for eining {0}. Du kan berre opne rapportar for dine eigne einingar.',
  noForm: 'Det finst ikkje noko skjema for {0} i {1}.',
  saveDraft: 'Lagre utkast',
  submitReport: 'Send inn',
  receipt: 'Last ned kvittering (PDF)',
  reopen: 'Opne for endring',
  reopenUnit: 'Opne rapporten for {0} for endring',
  reopened: 'Rapporten for {0} er opna for endring (versjon {1}).',
  draftSaved: 'Utkastet er lagra (versjon {0}, {1}).',
  draftSavedWithErrors: 'Utkastet er lagra (versjon {0}, {1}), men har {2} feil som må rettast før innsending.',
  submitted: 'Rapporten er send inn (versjon {0}). Takk!',
  submitRefused: 'Rapporten vart ikkje send inn: rett feila nedanfor.',
  alreadySubmitted: 'Rapporten er alt send inn. Berre ein analytikar kan opne han for endring.',
  readOnly: 'Rapporten er send inn og kan ikkje endrast. Ein analytikar kan opne han for endring.',
  summaryTitle: 'Skjemaet har {0} feil',
  summaryWarnings: 'Åtvaringar (hindrar ikkje innsending)',
  generalFinding: 'Heile rapporten',
  checkedCount: 'Kontrollert: {0} feil, {1} åtvaringar.',
  addRow: 'Legg til rad i «{0}»',
  removeRow: 'Fjern rad {0} i «{1}»',
  rowN: 'Rad {0}',
  noRows: 'Ingen rader enno.',
  rowRemoved: 'Rad {0} er fjerna.',
  rowAdded: 'Rad {0} er lagd til.',
  boolYes: 'Ja',
  boolNo: 'Nei',
  chooseOne: 'Vel …',
  notAnswered: 'Ikkje svart på',
  history: 'Historikk',
  at: 'Tid',
  by: 'Av',
  errorLabel: 'Feil',
  warningLabel: 'Åtvaring',
};

const LANGS = ['nb', 'nn', 'en'];
const state = { lang: LANGS.includes(localStorage.getItem('tilskudd.lang')) ? localStorage.getItem('tilskudd.lang') : 'nb',
  user: null, csrf: null, tables: 0, schemes: [], formats: { reports: [], templates: [] }, dryRunFile: null,
  // the report open on the reporting page: its key, form, values, the server's last findings and applicable paths
  rep: null };

const $ = (id) => document.getElementById(id);

function t(key, ...args) {
  const pair = TEXT[key];
  let s = state.lang === 'nn' && NN[key] ? NN[key] : (pair ? pair[state.lang === 'en' ? 1 : 0] : key);
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

// The pages a reporter uses are in nynorsk too; the analysts' pages fall back to bokmål with a note.
const NYNORSK_VIEWS = ['view-login', 'view-reporter', 'view-report'];

function applyLanguage() {
  const shown = Array.from(document.querySelectorAll('main > section')).filter((s) => !s.hidden).map((s) => s.id);
  const untranslated = state.lang === 'nn' && shown.some((id) => !NYNORSK_VIEWS.includes(id));
  document.documentElement.lang = untranslated ? 'nb' : state.lang;
  $('nn-note').hidden = !untranslated;
  document.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t(e.dataset.i18n); });
  document.querySelectorAll('[data-i18n-aria]').forEach((e) => { e.setAttribute('aria-label', t(e.dataset.i18nAria)); });
  document.querySelectorAll('.langs button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === state.lang)));
  if (state.user) $('who').textContent = t('signedInAs') + ' ' + state.user.user + ' (' + state.user.role + ')';
  oidcLabel();
  if (state.user && state.user.role === 'reporter') {
    $('reporter-units').textContent = t('reporterFor', (state.user.orgUnits || []).join(', '));
  }
}

function showLogin(message) {
  state.user = null;
  state.csrf = null;
  // what was typed into a report and not saved is kept for whoever signs in next only if that is the same user
  // (a session that expired while she was typing), see openReport
  if (state.rep) clearTimeout(state.rep.timer);
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
    // A reporter may do nothing the other pages offer (the API answers 403): only their own reports.
    $('nav').hidden = true;
    applyLanguage();
    reporterRoute();
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
  state.rep = null;
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

const VIEWS = ['import', 'indicators', 'reports', 'responses', 'publications', 'reporting-status', 'admin', 'audit'];
const ADMIN_VIEWS = ['admin', 'audit'];
// Views that do not use the scheme and years chosen above them: a publication selects its own.
const OWN_SELECTION_VIEWS = ['admin', 'audit', 'publications', 'reporting-status'];

function route(ev) {
  if (!state.user) return;
  if (state.user.role === 'reporter' || location.hash.startsWith('#report?')) {
    reporterRoute(ev);
    return;
  }
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
  if (view === 'reporting-status') reportingStatusView();
  applyLanguage();
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

// ------------------------------------------------------------------------------------------ reporting in the browser

// The form is generated from GET /reporting/form; every check is the server's (POST /reporting/validate runs the
// same engine as the command line), so this page has no copy of any rule: it only shows what the server found.

function showSections(ids) {
  document.querySelectorAll('main > section').forEach((s) => { s.hidden = !ids.includes(s.id); });
}

function reportHash(k) {
  return '#report?scheme=' + encodeURIComponent(k.scheme) + '&year=' + k.year + '&orgUnit=' + encodeURIComponent(k.orgUnit);
}

function reportQuery(k) {
  return 'scheme=' + encodeURIComponent(k.scheme) + '&year=' + k.year + '&orgUnit=' + encodeURIComponent(k.orgUnit);
}

function focusHeading(sectionId) {
  const h = document.querySelector('#' + sectionId + ' h1');
  if (h) {
    h.setAttribute('tabindex', '-1');
    h.focus();
  }
}

async function reporterRoute(ev) {
  const hash = location.hash;
  if (hash.startsWith('#report?')) {
    const q = new URLSearchParams(hash.slice('#report?'.length));
    await openReport({ scheme: q.get('scheme'), year: Number(q.get('year')), orgUnit: q.get('orgUnit') });
  } else {
    await showAssignments();
  }
  if (ev && ev.type === 'hashchange') focusHeading(hash.startsWith('#report?') ? 'view-report' : 'view-reporter');
}

function statusText(s) {
  return t('st_' + (s || 'new'));
}

function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (isNaN(d)) return String(iso);
  return d.toLocaleString(state.lang === 'en' ? 'en-GB' : 'nb-NO', { dateStyle: 'short', timeStyle: 'short' });
}

async function showAssignments() {
  showSections(['view-reporter']);
  applyLanguage();
  status('');
  const r = await api('GET', '/reporting/assignments');
  const box = $('assignments');
  if (!r.ok) {
    box.replaceChildren(el('p', { class: 'error-text', text: errorText(r) }));
    return;
  }
  const { units, forms, reports } = r.data;
  if (!units.length || !forms.length) {
    box.replaceChildren(el('p', { class: 'muted', text: t('noAssignments') }));
    return;
  }
  const byKey = new Map(reports.map((x) => [x.scheme + '/' + x.year + '/' + x.orgUnit, x]));
  const sorted = forms.slice().sort((a, b) => b.year - a.year || a.scheme.localeCompare(b.scheme));
  box.replaceChildren(...units.map((u) => {
    const caption = u.code + ' ' + u.name + (u.region ? ' (' + u.region + ')' : '');
    return scroll(el('table', { class: 'assignments' },
      el('caption', { text: caption }),
      el('thead', {}, el('tr', {}, ['scheme', 'year', 'reportStatus', 'updated'].map((k) => el('th', { scope: 'col', text: t(k) })))),
      el('tbody', {}, sorted.map((f) => {
        const rep = byKey.get(f.scheme + '/' + f.year + '/' + u.code);
        const key = { scheme: f.scheme, year: f.year, orgUnit: u.code };
        return el('tr', {},
          el('th', { scope: 'row' }, el('a', { href: reportHash(key), text: f.schemeName + ' ' + f.year,
            'aria-label': f.schemeName + ' ' + f.year + ', ' + u.name })),
          el('td', { text: f.year }),
          el('td', {}, el('span', { class: 'st st-' + (rep ? rep.status : 'new'), text: statusText(rep && rep.status) })),
          el('td', { text: rep ? when(rep.updated) + (rep.updatedBy ? ' · ' + rep.updatedBy : '') : '' }));
      }))), caption);
  }));
}

// ----- texts from the server: a string, or {text, fallback} when nynorsk was asked and the form has only bokmål

function txt(v) {
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? (v.text || v.nb || '') : String(v);
}

function fellBack(owner, key) {
  const v = owner[key];
  return !!((v && typeof v === 'object' && v.fallback) || (owner.fallback && (owner.fallback === 'nb' || owner.fallback[key])));
}

/** A text from the form: marked as bokmål when it is the fallback for nynorsk, so a screen reader reads it right. */
function formText(tag, owner, key, attrs) {
  const fb = state.lang === 'nn' && fellBack(owner, key);
  if (fb) state.rep.fellBack = true;
  return el(tag, Object.assign({ text: txt(owner[key]), lang: fb ? 'nb' : null }, attrs || {}));
}

// ----- the report page

async function openReport(key) {
  showSections(['view-report']);
  applyLanguage();
  status(t('working'));
  for (const id of ['report-form', 'report-readonly', 'report-actions', 'report-receipt', 'report-reopen', 'report-summary', 'report-denied', 'report-fallback']) $(id).hidden = true;
  $('report-saved').textContent = '';
  $('report-history').replaceChildren();
  $('report-back').hidden = state.user.role !== 'reporter';
  $('report-title').textContent = t('reportFormTitle');
  $('report-meta').textContent = key.orgUnit + ' · ' + key.scheme + ' ' + key.year;
  const [f, r] = await Promise.all([
    api('GET', '/reporting/form?scheme=' + encodeURIComponent(key.scheme) + '&year=' + key.year),
    api('GET', '/reporting/report?' + reportQuery(key))]);
  const denied = [f, r].find((x) => x.status === 403);
  if (denied) {
    state.rep = null;
    status('');
    const d = $('report-denied');
    d.replaceChildren(el('p', { text: denied.data && denied.data.error === 'not_your_unit' ? t('notYourUnit', key.orgUnit) : t('forbidden') }));
    d.hidden = false;
    return;
  }
  if (!f.ok || !r.ok) {
    status(f.status === 404 ? t('noForm', key.scheme, key.year) : errorText(f.ok ? r : f), true);
    return;
  }
  status('');
  const previousValues = state.rep && state.rep.keyText === JSON.stringify(key) && state.rep.dirty
    && state.rep.owner === state.user.user ? state.rep.values : null;
  state.rep = { key, keyText: JSON.stringify(key), owner: state.user.user, form: f.data, report: r.data,
    values: previousValues || JSON.parse(JSON.stringify(r.data.values || {})), dirty: !!previousValues,
    findings: [], applicable: [], seq: 0, timer: null, fellBack: false, touched: new Set(),
    // a stored draft shows all its findings at once; a new form only those of the fields filled in so far
    showAll: r.data.status !== 'new', announced: t('checkedCount', 0, 0) };
  $('report-live').textContent = '';
  renderReport();
  if (editable()) await validateNow();
}

function editable() {
  const st = state.rep.report.status;
  return st === 'new' || st === 'draft' || st === 'reopened';
}

function renderReport() {
  const rep = state.rep;
  const form = rep.form;
  rep.fellBack = false;
  $('report-title').replaceChildren(formText('span', form, 'title'));
  $('report-meta').textContent = t('reportMeta', rep.key.orgUnit, form.schemeName || form.scheme, form.year,
    statusText(rep.report.status)) + (rep.report.version ? ' · ' + t('versionN', rep.report.version) : '');
  if (editable()) {
    const f = $('report-form');
    f.replaceChildren(el('p', { class: 'muted', text: t('requiredNote') }),
      ...form.sections.map((s) => {
        const hid = 'sec-' + s.id;
        return el('section', { class: 'form-section', 'aria-labelledby': s.title ? hid : null },
          s.title ? formText('h2', s, 'title', { id: hid }) : null,
          ...s.fields.map((fd) => fieldBlock(fd, fd.path || fd.id, rep.values)));
      }));
    f.hidden = false;
    $('report-actions').hidden = false;
    $('report-readonly').hidden = true;
    applyApplicable();
    showFindings(false);
  } else {
    $('report-form').hidden = true;
    $('report-actions').hidden = true;
    $('report-summary').hidden = true;
    const ro = $('report-readonly');
    ro.replaceChildren(el('p', { class: 'note', text: t('readOnly') }), ...form.sections.map((s) => el('section', { class: 'form-section' },
      s.title ? formText('h2', s, 'title') : null, readOnlyFields(s.fields, rep.values))));
    ro.hidden = false;
  }
  const submitted = rep.report.status === 'submitted';
  $('report-receipt').hidden = !submitted;
  $('receipt-link').href = '/api/reporting/receipt?' + reportQuery(rep.key) + '&lang=' + state.lang;
  $('receipt-link').setAttribute('download', 'kvittering-' + rep.key.scheme + '-' + rep.key.year + '-' + rep.key.orgUnit + '.pdf');
  $('report-reopen').hidden = !(submitted && state.user.role !== 'reporter');
  $('report-fallback').hidden = !rep.fellBack;
  renderHistory();
}

function renderHistory() {
  const h = state.rep.report.history || [];
  if (!h.length) {
    $('report-history').replaceChildren();
    return;
  }
  $('report-history').replaceChildren(el('h2', { text: t('history') }), scroll(el('table', {},
    el('caption', { class: 'sr-only', text: t('history') }),
    el('thead', {}, el('tr', {}, ['version', 'reportStatus', 'at', 'by'].map((k) => el('th', { scope: 'col', text: t(k) })))),
    el('tbody', {}, h.slice().reverse().map((x) => el('tr', {},
      el('td', { class: 'num', text: x.version }), el('td', { text: statusText(x.status) }),
      el('td', { text: when(x.at) }), el('td', { text: x.by || '' })))))));
}

// ----- fields

/** The id of a field's control, from its path ("measures[1].cost" -> "f-measures-1-cost"). */
function fieldId(path) {
  return 'f-' + path.replace(/\[(\d+)\]\./g, '-$1-').replace(/[^A-Za-z0-9_-]/g, '-');
}

function getAt(values, path) {
  let v = values;
  for (const part of path.match(/[^.[\]]+/g)) {
    if (v === null || v === undefined) return undefined;
    v = v[/^\d+$/.test(part) ? Number(part) : part];
  }
  return v;
}

function setAt(values, path, value) {
  const parts = path.match(/[^.[\]]+/g).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  let v = values;
  parts.slice(0, -1).forEach((p, i) => {
    if (v[p] === undefined || v[p] === null) v[p] = typeof parts[i + 1] === 'number' ? [] : {};
    v = v[p];
  });
  const last = parts[parts.length - 1];
  if (value === undefined) delete v[last]; else v[last] = value;
}

const NUMBER_TYPES = ['integer', 'decimal', 'amount', 'percent', 'year'];

/**
 * What the user typed, as the submission format has it: numbers as numbers (spaces as thousands separators and a
 * decimal comma are allowed); text that is no number is sent as typed so that the server names the mistake.
 */
function parseInput(type, raw) {
  const s = raw.trim();
  if (s === '') return undefined;
  if (NUMBER_TYPES.includes(type)) {
    const n = s.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
    if (/^-?\d+(\.\d+)?$/.test(n)) return Number(n);
  }
  return s;
}

function describedBy(...ids) {
  const list = ids.filter(Boolean);
  return list.length ? list.join(' ') : null;
}

// A conditional field (requiredWhen) is shown only while its condition holds, and then it must be answered.
function mustAnswer(f) {
  return !!(f.required || f.conditional);
}

function labelChildren(f) {
  return [formText('span', f, 'label'), mustAnswer(f) ? el('span', { class: 'req', 'aria-hidden': 'true', text: ' *' }) : null];
}

function fieldBlock(f, path, values) {
  const id = fieldId(path);
  const helpId = f.help ? id + '-help' : null;
  const msgId = id + '-msg';
  const wrap = el('div', { class: 'q', 'data-path': path, 'data-conditional': f.conditional ? 'true' : null, id: id + '-q' });
  const help = f.help ? formText('p', f, 'help', { id: helpId, class: 'hint' }) : null;
  const msg = el('div', { id: msgId, class: 'field-msg', hidden: true });
  const value = getAt(values, path);
  const changed = (v, immediate) => {
    setAt(state.rep.values, path, v);
    state.rep.touched.add(path);
    state.rep.dirty = true;
    scheduleValidation(immediate ? 150 : 600);
  };
  const required = mustAnswer(f) ? 'true' : null;
  if (f.type === 'group') {
    wrap.classList.add('group');
    wrap.append(fieldGroup(f, path, values, helpId, msgId, help, msg));
    return wrap;
  }
  if (f.type === 'boolean' || (f.type === 'choice' && (f.choices || []).length <= 6)) {
    const options = f.type === 'boolean'
      ? [{ code: true, label: t('boolYes') }, { code: false, label: t('boolNo') }]
      : f.choices;
    const fs = el('fieldset', { role: 'radiogroup', 'aria-required': required, 'aria-describedby': describedBy(helpId), id },
      el('legend', {}, labelChildren(f)), help,
      el('div', { class: 'options' }, options.map((c, i) => {
        const oid = id + '-' + i;
        return el('div', { class: 'check' },
          el('input', { type: 'radio', id: oid, name: id, value: String(c.code), checked: value === c.code,
            onchange: () => changed(c.code, true) }),
          f.type === 'boolean' ? el('label', { for: oid, text: c.label }) : formText('label', c, 'label', { for: oid }));
      })));
    wrap.append(fs, msg);
    return wrap;
  }
  if (f.type === 'multi_choice') {
    const chosen = Array.isArray(value) ? value : [];
    const fs = el('fieldset', { 'aria-describedby': describedBy(helpId), id },
      el('legend', {}, labelChildren(f)), help,
      el('div', { class: 'options' }, f.choices.map((c, i) => {
        const oid = id + '-' + i;
        return el('div', { class: 'check' },
          el('input', { type: 'checkbox', id: oid, value: c.code, checked: chosen.includes(c.code),
            onchange: () => {
              const now = Array.from(fs.querySelectorAll('input:checked')).map((x) => x.value);
              changed(now.length ? now : undefined, true);
            } }),
          formText('label', c, 'label', { for: oid }));
      })));
    wrap.append(fs, msg);
    return wrap;
  }
  let control;
  const common = { id, 'aria-required': required, 'aria-describedby': describedBy(helpId) };
  if (f.type === 'choice') {
    control = el('select', Object.assign(common, { onchange: (e) => changed(e.target.value || undefined, true) }),
      el('option', { value: '', text: t('chooseOne') }),
      f.choices.map((c) => el('option', { value: c.code, selected: value === c.code, text: txt(c.label) })));
  } else if (f.type === 'text' && f.constraints && f.constraints.maxLength > 200) {
    control = el('textarea', Object.assign(common, { rows: 4, maxlength: f.constraints.maxLength,
      oninput: (e) => changed(parseInput('text', e.target.value)) }));
    control.value = value === undefined || value === null ? '' : String(value);
  } else {
    const numeric = ['integer', 'amount', 'year'].includes(f.type);
    control = el('input', Object.assign(common, {
      type: f.type === 'date' ? 'date' : 'text',
      inputmode: numeric ? 'numeric' : (['decimal', 'percent'].includes(f.type) ? 'decimal' : null),
      maxlength: f.constraints && f.constraints.maxLength ? f.constraints.maxLength : null,
      autocomplete: 'off',
      class: NUMBER_TYPES.includes(f.type) ? 'num-input' : null,
      oninput: (e) => changed(parseInput(f.type, e.target.value), f.type === 'date'),
    }));
    control.value = value === undefined || value === null ? '' : String(value);
  }
  const unit = f.type === 'amount' ? 'kr' : (f.type === 'percent' ? '%' : null);
  wrap.append(...[el('label', { for: id }, labelChildren(f)), help,
    unit ? el('div', { class: 'with-unit' }, control, el('span', { class: 'unit', 'aria-hidden': 'true', text: unit })) : control,
    msg].filter(Boolean));
  return wrap;
}

function fieldGroup(f, path, values, helpId, msgId, help, msg) {
  const rows = Array.isArray(getAt(values, path)) ? getAt(values, path) : [];
  const id = fieldId(path);
  const label = txt(f.label);
  const list = el('div', { class: 'rows' });
  rows.forEach((row, i) => {
    const rowPath = path + '[' + i + ']';
    const legendId = fieldId(rowPath) + '-legend';
    list.append(el('fieldset', { class: 'row-box', id: fieldId(rowPath) },
      el('legend', { id: legendId, text: t('rowN', i + 1) + (row && row.name ? ': ' + row.name : '') }),
      ...(f.fields || []).map((c) => fieldBlock(c, rowPath + '.' + c.id, values)),
      el('button', { type: 'button', class: 'danger', text: t('removeRow', i + 1, label),
        onclick: () => removeRow(f, path, i) })));
  });
  if (!rows.length) list.append(el('p', { class: 'muted', text: t('noRows') }));
  return el('fieldset', { class: 'group-box', id, 'aria-describedby': describedBy(helpId) },
    el('legend', {}, labelChildren(f)), help, msg, list,
    el('button', { type: 'button', id: id + '-add', text: t('addRow', label), onclick: () => addRow(f, path) }));
}

function regroup(f, path) {
  const old = document.getElementById(fieldId(path) + '-q');
  const fresh = fieldBlock(f, path, state.rep.values);
  old.replaceWith(fresh);
  applyApplicable();
  showFindings(false);
}

function addRow(f, path) {
  const rows = getAt(state.rep.values, path);
  if (Array.isArray(rows)) rows.push({}); else setAt(state.rep.values, path, [{}]);
  state.rep.dirty = true;
  state.rep.touched.add(path);
  regroup(f, path);
  const n = getAt(state.rep.values, path).length;
  status(t('rowAdded', n));
  const first = document.querySelector('#' + fieldId(path + '[' + (n - 1) + ']') + ' input, #' + fieldId(path + '[' + (n - 1) + ']') + ' select, #' + fieldId(path + '[' + (n - 1) + ']') + ' textarea');
  if (first) first.focus();
  scheduleValidation(150);
}

function removeRow(f, path, i) {
  getAt(state.rep.values, path).splice(i, 1);
  state.rep.dirty = true;
  regroup(f, path);
  status(t('rowRemoved', i + 1));
  $(fieldId(path) + '-add').focus();
  scheduleValidation(150);
}

function readOnlyValue(f, v) {
  if (v === undefined || v === null || (Array.isArray(v) && !v.length)) return t('notAnswered');
  if (f.type === 'boolean') return v ? t('boolYes') : t('boolNo');
  const label = (code) => {
    const c = (f.choices || []).find((x) => x.code === code);
    return c ? txt(c.label) : String(code);
  };
  if (f.type === 'choice') return label(v);
  if (f.type === 'multi_choice') return v.map(label).join(', ');
  if (f.type === 'amount') return Number(v).toLocaleString('nb-NO') + ' kr';
  return String(v);
}

function readOnlyFields(fields, values, prefix) {
  const dl = el('dl', { class: 'readonly' });
  for (const f of fields) {
    const v = values ? values[f.id] : undefined;
    if (f.type === 'group') {
      const rows = Array.isArray(v) ? v : [];
      dl.append(el('dt', { text: txt(f.label) }), el('dd', {}, rows.length ? rows.map((row, i) =>
        el('div', { class: 'row-box' }, el('h3', { text: t('rowN', i + 1) }), readOnlyFields(f.fields || [], row))) : t('notAnswered')));
    } else {
      dl.append(el('dt', { text: txt(f.label) }), el('dd', { text: readOnlyValue(f, v) }));
    }
  }
  return dl;
}

// ----- conditional fields and findings

/** A conditional field is shown (and sent) only while the server lists its path as applicable. */
function applyApplicable() {
  const applicable = new Set(state.rep.applicable);
  document.querySelectorAll('#report-form [data-conditional]').forEach((q) => { q.hidden = !applicable.has(q.dataset.path); });
}

/** The values to send: without conditional fields that are not shown, whose answers no longer apply. */
function valuesToSend() {
  const values = JSON.parse(JSON.stringify(state.rep.values));
  document.querySelectorAll('#report-form [data-conditional][hidden]').forEach((q) => setAt(values, q.dataset.path, undefined));
  return values;
}

function reportBody() {
  return { scheme: state.rep.key.scheme, year: state.rep.key.year, orgUnit: state.rep.key.orgUnit, values: valuesToSend() };
}

function scheduleValidation(ms) {
  clearTimeout(state.rep.timer);
  state.rep.timer = setTimeout(validateNow, ms);
}

async function validateNow() {
  const rep = state.rep;
  if (!rep || !editable()) return;
  clearTimeout(rep.timer);
  const seq = ++rep.seq;
  const hiddenBefore = document.querySelectorAll('#report-form [data-conditional][hidden]').length;
  const r = await api('POST', '/reporting/validate', reportBody());
  if (rep !== state.rep || seq !== rep.seq) return; // a later change has been sent since
  if (!r.ok) {
    status(errorText(r), true);
    return;
  }
  takeFindings(r.data);
  // a field that has just been hidden no longer counts: check once more without it
  if (document.querySelectorAll('#report-form [data-conditional][hidden]').length > hiddenBefore) await validateNow();
}

function takeFindings(data) {
  state.rep.findings = data.findings || [];
  if (data.applicable) state.rep.applicable = data.applicable;
  applyApplicable();
  showFindings(false);
}

/**
 * Each finding at its field (aria-invalid, and the message in the field's aria-describedby) and all of them in a
 * summary above the form with links to the fields; focusSummary after a refused submission.
 */
function showFindings(focusSummary) {
  const findings = state.rep.findings;
  document.querySelectorAll('#report-form [aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  document.querySelectorAll('#report-form .field-msg').forEach((m) => { m.hidden = true; m.replaceChildren(); });
  document.querySelectorAll('#report-form [data-msg]').forEach((e) => {
    e.setAttribute('aria-describedby', e.getAttribute('aria-describedby').split(' ').filter((x) => x !== e.dataset.msg).join(' '));
    if (!e.getAttribute('aria-describedby')) e.removeAttribute('aria-describedby');
    delete e.dataset.msg;
  });
  const items = { error: [], warning: [] };
  for (const x of findings.filter(shownFinding)) {
    const target = x.field ? fieldTarget(x.field) : null;
    const line = (x.severity === 'warning' ? t('warningLabel') : t('errorLabel')) + ': ' + x.message + ' (' + x.code + ')';
    if (target) {
      const m = target.msg;
      m.append(el('p', { class: 'sev-line ' + x.severity, text: line }));
      m.hidden = false;
      const control = target.control;
      if (x.severity === 'error') {
        if (control.matches('fieldset')) control.querySelectorAll('input').forEach((i) => i.setAttribute('aria-invalid', 'true'));
        else control.setAttribute('aria-invalid', 'true');
      }
      if (!control.dataset.msg) {
        control.dataset.msg = m.id;
        control.setAttribute('aria-describedby', describedBy(control.getAttribute('aria-describedby'), m.id));
      }
    }
    const text = (x.field ? fieldName(x.field) + ': ' : t('generalFinding') + ': ') + x.message + ' (' + x.code + ')';
    items[x.severity === 'warning' ? 'warning' : 'error'].push(target
      ? el('li', {}, el('a', { href: '#' + target.control.id, id: 'sum-' + target.control.id + '-' + x.code, text, onclick: (ev) => {
        ev.preventDefault();
        const c = target.control.matches('fieldset') ? target.control.querySelector('input') : target.control;
        c.focus();
        c.scrollIntoView({ block: 'center' });
      } }))
      : el('li', { text }));
  }
  const summary = $('report-summary');
  if (!items.error.length && !items.warning.length) {
    summary.hidden = true;
    summary.replaceChildren();
  } else {
    summary.replaceChildren(...[
      items.error.length ? el('h2', { id: 'summary-title', text: t('summaryTitle', items.error.length) }) : null,
      items.error.length ? el('ul', {}, items.error) : null,
      items.warning.length ? el('h2', { text: t('summaryWarnings') }) : null,
      items.warning.length ? el('ul', {}, items.warning) : null].filter(Boolean));
    summary.className = 'error-box' + (items.error.length ? '' : ' warn-box');
    summary.hidden = false;
  }
  // a screen reader hears when the number of findings changes, not at every keystroke
  const counted = t('checkedCount', items.error.length, items.warning.length);
  if (state.rep.announced !== counted) {
    state.rep.announced = counted;
    $('report-live').textContent = counted;
  }
  if (focusSummary && !summary.hidden) summary.focus();
}

/** Until the first save, a field's findings show once it has been filled in (no wall of errors on an empty form). */
function shownFinding(x) {
  const rep = state.rep;
  if (rep.showAll || !x.field) return rep.showAll;
  for (const p of rep.touched) {
    if (p === x.field || p.startsWith(x.field + '[') || p.startsWith(x.field + '.')) return true;
  }
  return false;
}

/** Where a finding's path is shown: the field itself, or the nearest shown field or group above it. */
function fieldTarget(path) {
  let p = path;
  while (p) {
    const q = document.getElementById(fieldId(p) + '-q');
    if (q && !q.hidden && !q.closest('[hidden]')) {
      return { control: document.getElementById(fieldId(p)), msg: document.getElementById(fieldId(p) + '-msg') };
    }
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    p = cut > 0 ? p.slice(0, cut) : '';
  }
  return null;
}

/** A finding's field as the form names it: "Tiltak, rad 2: Midler brukt på tiltaket (kr)". */
function fieldName(path) {
  const names = [];
  let fields = state.rep.form.sections.flatMap((s) => s.fields);
  for (const part of path.split('.')) {
    const m = part.match(/^([^[]+)(?:\[(\d+)\])?$/);
    if (!m) return path;
    const f = fields.find((x) => x.id === m[1]);
    if (!f) return path;
    names.push(txt(f.label) + (m[2] !== undefined ? ', ' + t('rowN', Number(m[2]) + 1).toLowerCase() : ''));
    fields = f.fields || [];
  }
  return names.join(': ');
}

// ----- saving, submitting, reopening

async function saveDraft() {
  status(t('working'));
  state.rep.showAll = true;
  const r = await api('PUT', '/reporting/draft', reportBody());
  if (!r.ok) {
    status(r.status === 409 ? t('alreadySubmitted') : errorText(r), true);
    return;
  }
  state.rep.dirty = false;
  takeFindings(r.data);
  const errors = (r.data.findings || []).filter((x) => x.severity === 'error').length;
  const now = when(new Date().toISOString());
  const text = errors ? t('draftSavedWithErrors', r.data.version, now, errors) : t('draftSaved', r.data.version, now);
  status(text);
  $('report-saved').textContent = text;
  await refreshReport();
}

async function submitReport() {
  status(t('working'));
  state.rep.showAll = true;
  const r = await api('POST', '/reporting/submit', reportBody());
  if (r.status === 422) {
    takeFindings({ findings: r.data.findings, applicable: r.data.applicable });
    status(t('submitRefused'), true);
    showFindings(true);
    return;
  }
  if (!r.ok) {
    status(r.status === 409 ? t('alreadySubmitted') : errorText(r), true);
    return;
  }
  state.rep.dirty = false;
  await refreshReport();
  status(t('submitted', r.data.version));
  $('report-saved').textContent = t('submitted', r.data.version);
  $('receipt-link').focus();
}

/** The stored state after a save: status, version and history; the values on the page stay as typed. */
async function refreshReport() {
  const r = await api('GET', '/reporting/report?' + reportQuery(state.rep.key));
  if (!r.ok) return;
  const wasEditable = editable();
  state.rep.report = r.data;
  if (wasEditable !== editable()) {
    state.rep.values = JSON.parse(JSON.stringify(r.data.values || {}));
    renderReport();
  } else {
    $('report-meta').textContent = t('reportMeta', state.rep.key.orgUnit, state.rep.form.schemeName || state.rep.form.scheme,
      state.rep.form.year, statusText(r.data.status)) + (r.data.version ? ' · ' + t('versionN', r.data.version) : '');
    renderHistory();
  }
}

async function reopen(key, onReportPage) {
  status(t('working'));
  const r = await api('POST', '/reporting/reopen?' + reportQuery(key));
  if (!r.ok) {
    status(errorText(r), true);
    return;
  }
  status(t('reopened', key.orgUnit, r.data.version));
  if (onReportPage) await openReport(key); else await showReportingStatus();
}

// ----- the analysts' reporting status

function reportingStatusView() {
  const select = $('rs-scheme');
  const chosen = select.value;
  select.replaceChildren(...state.schemes.map((s) => el('option', { value: s.id, text: s.id + ' – ' + s.name })));
  if (chosen && state.schemes.some((s) => s.id === chosen)) select.value = chosen;
  if (!$('rs-year').value) {
    const s = state.schemes.find((x) => x.id === select.value);
    $('rs-year').value = s && s.forms.length ? s.forms[s.forms.length - 1].lastYear : new Date().getFullYear();
  }
}

async function showReportingStatus() {
  const scheme = $('rs-scheme').value;
  const year = $('rs-year').value;
  if (!scheme || !year) return;
  status(t('working'));
  const q = 'scheme=' + encodeURIComponent(scheme) + '&year=' + encodeURIComponent(year);
  const r = await api('GET', '/reporting/status?' + q);
  const box = $('rs-result');
  if (!r.ok) {
    status(errorText(r), true);
    box.replaceChildren();
    return;
  }
  status('');
  const d = r.data;
  box.replaceChildren(
    el('div', { class: 'summary' },
      el('div', {}, t('rsExpected'), el('b', { text: d.expected })),
      el('div', {}, t('rsDrafts'), el('b', { text: d.drafts })),
      el('div', {}, t('rsSubmitted'), el('b', { text: d.submitted })),
      el('div', {}, t('rsMissing'), el('b', { text: d.missing }))),
    el('p', { class: 'muted', text: t('rsBasis_' + d.basis) }),
    el('p', {}, el('a', { class: 'button', id: 'reminder-link', href: '/api/reporting/status.csv?' + q + '&only=missing&lang=' + state.lang,
      download: 'purreliste-' + scheme + '-' + year + '.csv', text: t('reminderCsv') })),
    scroll(el('table', { id: 'rs-table' },
      el('caption', { text: t('rsUnits', scheme, year) }),
      el('thead', {}, el('tr', {}, ['code', 'name', 'region', 'reportStatus', 'updated', 'contacts', 'actions'].map((k) => el('th', { scope: 'col', text: t(k) })))),
      el('tbody', {}, d.units.map((u) => {
        const key = { scheme, year: Number(year), orgUnit: u.code };
        return el('tr', { 'data-unit': u.code },
          el('td', {}, u.status === 'missing' ? u.code : el('a', { href: reportHash(key), text: u.code })),
          el('td', { text: u.name || '' }), el('td', { text: u.region || '' }),
          el('td', {}, el('span', { class: 'st st-' + u.status, text: statusText(u.status) })),
          el('td', { text: when(u.updated) }),
          el('td', { text: (u.contacts || []).map((c) => (typeof c === 'object' ? Object.values(c).join(' ') : c)).join(', ') }),
          el('td', {}, u.status === 'submitted'
            ? el('button', { type: 'button', class: 'small-btn', text: t('reopen'), 'aria-label': t('reopenUnit', u.code + ' ' + (u.name || '')),
              onclick: () => reopen(key, false) })
            : ''));
      })))));
}

// ------------------------------------------------------------------------------------------ OpenID Connect sign-in
// Kept in this one block: the sign-in page's button for the host's OpenID Connect provider (GET /api/session/providers)
// and the message for a sign-in that came back refused (/?oidc_error=CODE; the page shows its own words for a code,
// never text from the address, and the details are in the host's log).

Object.assign(TEXT, {
  oidcOr: ['eller', 'or'],
  oidcLogin: ['Logg inn med {0}', 'Sign in with {0}'],
  oidc_provider_unavailable: ['Innloggingstjenesten svarer ikke nå. Prøv igjen om litt.', 'The sign-in service does not answer now. Try again in a moment.'],
  oidc_provider_error: ['Innloggingen ble avbrutt eller avvist hos innloggingstjenesten.', 'The sign-in was cancelled or refused at the sign-in service.'],
  oidc_bad_state: ['Innloggingen kunne ikke fullføres: den tok for lang tid, eller ble startet i en annen nettleser. Prøv igjen.', 'The sign-in could not be completed: it took too long, or was started in another browser. Try again.'],
  oidc_token_refused: ['Svaret fra innloggingstjenesten ble ikke godtatt. Prøv igjen, eller kontakt administrator.', 'The answer from the sign-in service was not accepted. Try again, or contact the administrator.'],
  oidc_no_org_units: ['Innloggingen sier ikke hvilken kommune eller bydel du rapporterer for. Kontakt administrator.', 'The sign-in does not say which municipality or district you report for. Contact the administrator.'],
  oidc_unknown_org_unit: ['Innloggingen oppgir en kommune eller bydel som ikke finnes i enhetsregisteret her. Kontakt administrator.', 'The sign-in names a municipality or district that is not in the org-unit register here. Contact the administrator.'],
  oidc_not_allowed: ['Du kan ikke logge inn på denne måten. Kontakt administrator.', 'You cannot sign in this way. Contact the administrator.'],
  oidc_throttled: ['For mange mislykkede innlogginger fra denne maskinen. Vent litt og prøv igjen.', 'Too many failed sign-ins from this machine. Wait a little and try again.'],
  oidc_unknown: ['Innloggingen mislyktes. Prøv igjen.', 'The sign-in failed. Try again.'],
});

// The sign-in page is the reporters' first page, so it speaks nynorsk too.
Object.assign(NN, {
  oidcOr: 'eller',
  oidcLogin: 'Logg inn med {0}',
  oidc_provider_unavailable: 'Innloggingstenesta svarar ikkje no. Prøv igjen om litt.',
  oidc_provider_error: 'Innlogginga vart avbroten eller avvist hos innloggingstenesta.',
  oidc_bad_state: 'Innlogginga kunne ikkje fullførast: ho tok for lang tid, eller vart starta i ein annan nettlesar. Prøv igjen.',
  oidc_token_refused: 'Svaret frå innloggingstenesta vart ikkje godteke. Prøv igjen, eller kontakt administrator.',
  oidc_no_org_units: 'Innlogginga seier ikkje kva kommune eller bydel du rapporterer for. Kontakt administrator.',
  oidc_unknown_org_unit: 'Innlogginga oppgjev ein kommune eller bydel som ikkje finst i einingsregisteret her. Kontakt administrator.',
  oidc_not_allowed: 'Du kan ikkje logge inn på denne måten. Kontakt administrator.',
  oidc_throttled: 'For mange mislukka innloggingar frå denne maskina. Vent litt og prøv igjen.',
  oidc_unknown: 'Innlogginga mislukkast. Prøv igjen.',
});

const oidc = { label: null };

function oidcLabel() {
  if (oidc.label) $('oidc-start').textContent = t('oidcLogin', oidc.label);
}

/** Shows the provider's button when there is one; returns the message of a refused sign-in, if the page came back with one. */
async function oidcInit() {
  const code = new URLSearchParams(window.location.search).get('oidc_error');
  if (code !== null) window.history.replaceState(null, '', window.location.pathname + window.location.hash);
  try {
    const r = await fetch('/api/session/providers', { credentials: 'same-origin' });
    const provider = r.ok ? ((await r.json()).providers || [])[0] : null;
    if (provider) {
      oidc.label = provider.label;
      $('oidc-start').href = provider.start;
      $('oidc-signin').hidden = false;
      oidcLabel();
    }
  } catch (e) {
    // No provider to offer: the password form is there.
  }
  if (code === null) return null;
  return TEXT['oidc_' + code] ? t('oidc_' + code) : t('oidc_unknown');
}

// ------------------------------------------------------------------------------------------ start

document.addEventListener('DOMContentLoaded', async () => {
  applyLanguage();
  $('login-form').addEventListener('submit', login);
  $('logout').addEventListener('click', logout);
  document.querySelectorAll('.langs button').forEach((b) => b.addEventListener('click', async () => {
    state.lang = b.dataset.lang;
    localStorage.setItem('tilskudd.lang', state.lang);
    applyLanguage();
    if (state.user && state.user.role !== 'reporter') await loadSchemes();
    if (state.user) route();
  }));
  $('draft-btn').addEventListener('click', saveDraft);
  $('submit-btn').addEventListener('click', submitReport);
  $('reopen-btn').addEventListener('click', () => state.rep && reopen(state.rep.key, true));
  $('rs-btn').addEventListener('click', showReportingStatus);
  $('report-form').addEventListener('submit', (ev) => ev.preventDefault());
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
  const oidcError = await oidcInit();
  const r = await api('GET', '/session');
  if (r.ok) await signedIn(r.data); else showLogin(oidcError);
});
