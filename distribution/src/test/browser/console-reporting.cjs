// A municipality reports in the browser (issue 19), in headless Chromium (BrowserReportingTest starts the host with
// the AVdir scheme, its demo data, a grant register for 2011 and two reporters, and runs this): the reporter fills
// in the AVdir 2011 form by keyboard only (Tab, Space, Enter and typing; no mouse), with two measures, sees a
// cross-field error at its field, fixes it, saves a draft, reloads, submits and downloads the receipt; a second
// reporter cannot open the first one's unit; the analyst's status page shows the unit as submitted. Each step prints
// "ok: ..."; the first failure prints "FAILED: ..." and exits 1.
'use strict';
const fs = require('fs');
const path = require('path');
const { env, ok, check, launch } = require('./browser.cjs');
const BASE = env('BASE_URL');
const OUT = env('OUT_DIR');
const UNIT = env('REPORTER_UNIT');
const results = { audited: [] };

/** axe-core on the page as it is (WCAG 2.1 A and AA and best practice): states console-a11y.cjs cannot reach. */
async function axe(page, state) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ path: env('AXE_FILE') });
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'],
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.map((v) => v.impact + ' ' + v.id + ': ' + v.help + ' at '
      + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', '));
  });
  check(found.length === 0, 'axe-core found in "' + state + '": ' + found.join(' | '));
  results.audited.push(state);
  ok('axe-core: no violation', state);
}

async function signIn(page, name, password) {
  await page.goto(BASE);
  await page.getByLabel('Brukernavn').fill(name);
  await page.getByLabel('Passord').fill(password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.locator('#who', { hasText: name }).waitFor();
}

async function signOut(page) {
  await page.locator('#logout').click();
  await page.getByLabel('Brukernavn').waitFor();
}

/** Presses Tab (Shift+Tab when back) until the focus is on the element with this id; fails after max presses. */
async function tabTo(page, id, back, max) {
  for (let i = 0; i < (max || 80); i++) {
    if (await page.evaluate((x) => document.activeElement && document.activeElement.id === x, id)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error('Tab did not reach #' + id + '; the focus is on '
    + (await page.evaluate(() => document.activeElement.outerHTML.slice(0, 120))));
}

async function typeInto(page, id, text) {
  await tabTo(page, id);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** Tab into a radio group (the focus lands on its first radio, or the checked one) and pick an option by arrows. */
async function pickRadio(page, groupId, index) {
  await tabTo(page, groupId + '-0');
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  check(await page.locator('#' + groupId + '-' + index).isChecked(), groupId + ': option ' + index + ' is not chosen');
}

/** Waits until the server's latest check is on the page: no request to /validate in flight for a moment. */
async function settled(page) {
  await page.waitForTimeout(900);
  await page.waitForLoadState('networkidle');
}

async function fillMeasure(page, row, name, budget) {
  const p = 'f-measures-' + row + '-';
  await tabTo(page, 'f-measures-add');
  await page.keyboard.press('Enter');
  await page.locator('#' + p + 'name').waitFor();
  check(await page.evaluate((x) => document.activeElement.id === x, p + 'name'), 'after adding a row the focus is on its first field');
  await page.keyboard.type(name);
  await pickRadio(page, p + 'category', 1);
  await pickRadio(page, p + 'openToAll', 1);
  await typeInto(page, p + 'participantsChildren', '12');
  await typeInto(page, p + 'participantsFamilies', '4');
  await typeInto(page, p + 'budget', budget);
  await pickRadio(page, p + 'newOrContinued', 0);
}

(async () => {
  // the console's CSP allows only its own scripts; axe-core is injected by the test, not by the page
  const context = await launch(OUT, 'chromium-reporting-', { viewport: { width: 1100, height: 800 }, bypassCSP: true });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  try {
    await signIn(page, 'rita', env('RITA_PASSWORD'));
    await page.getByRole('heading', { name: 'Mine rapporter' }).waitFor();
    check(!(await page.locator('#nav').isVisible()), 'a reporter sees no menu of the analysts\' pages');
    const link = page.locator('#assignments a[href*="year=2011"][href*="orgUnit=' + UNIT + '"]');
    await link.waitFor();
    ok('Mine rapporter lists the unit\'s 2011 form', (await link.textContent()) + ', ' + (await page.locator('#assignments table').count()) + ' unit(s)');

    // Keyboard only from here: the link, then every field.
    await link.focus();
    await page.keyboard.press('Enter');
    await page.locator('#f-grantAmount').waitFor();
    await settled(page);
    results.fields = await page.locator('#report-form .q').count();
    ok('the form is generated', results.fields + ' questions, title: ' + (await page.locator('#report-title').textContent()));
    check(!(await page.locator('[data-path="goalsNotReachedReason"]').isVisible()), 'a conditional field is hidden until it applies');
    await typeInto(page, 'f-grantAmount', '100 000');
    await typeInto(page, 'f-actionPlanGrant', '250000');
    await pickRadio(page, 'f-goalsReached', 1);
    await page.locator('[data-path="goalsNotReachedReason"]').waitFor();
    ok('a conditional field appears when the server says it applies', 'goalsNotReachedReason');
    await tabTo(page, 'f-goalsNotReachedReason-3');
    await page.keyboard.press('Space');
    await fillMeasure(page, 0, 'Leksehjelp', '60000');
    await fillMeasure(page, 1, 'Ferietur', '40000');
    await settled(page);
    check((await page.locator('#report-form .row-box').count()) === 2, 'two measures');
    ok('filled in by keyboard', 'two measures');

    // The cross-field rule of 2010-2011: the action plan's share cannot exceed the grant.
    const field = page.locator('#f-actionPlanGrant');
    await page.locator('#f-actionPlanGrant[aria-invalid="true"]').waitFor();
    const msg = page.locator('#f-actionPlanGrant-msg');
    results.crossField = (await msg.textContent()).trim();
    check(results.crossField.includes('AVDIR_ACTION_PLAN_EXCEEDS_GRANT'), 'the message at the field: ' + results.crossField);
    check((await field.getAttribute('aria-describedby')).split(' ').includes('f-actionPlanGrant-msg'), 'the field is described by its message');
    const summaryLink = page.locator('#report-summary a', { hasText: 'AVDIR_ACTION_PLAN_EXCEEDS_GRANT' });
    check((await summaryLink.count()) === 1, 'the error summary links to the field');
    ok('the cross-field error is at the field and in the summary', results.crossField);
    await axe(page, 'AVdir 2011 form with two measures and a cross-field error');
    // the README's picture: the top of the form with the finding at its field and in the summary
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(OUT, 'reporting.png') });
    // from the summary to the field by keyboard, then fix it
    await tabTo(page, await summaryLink.getAttribute('id'), true, 200);
    await page.keyboard.press('Enter');
    check(await page.evaluate(() => document.activeElement.id === 'f-actionPlanGrant'), 'the summary link moves the focus to the field');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('50000');
    await page.locator('#f-actionPlanGrant:not([aria-invalid])').waitFor();
    await settled(page);
    const errors = await page.locator('#report-form [aria-invalid="true"]').count();
    check(errors === 0, 'no error is left: ' + (await page.locator('#report-summary').textContent()));
    ok('fixed', 'no error left');

    await tabTo(page, 'draft-btn');
    await page.keyboard.press('Enter');
    await page.locator('#report-saved', { hasText: 'Utkastet er lagret' }).waitFor();
    ok('draft saved', await page.locator('#report-saved').textContent());
    await page.reload();
    await page.locator('#f-grantAmount').waitFor();
    check((await page.locator('#f-grantAmount').inputValue()) === '100000', 'after reload the grant is ' + (await page.locator('#f-grantAmount').inputValue()));
    check((await page.locator('#f-measures-1-name').inputValue()) === 'Ferietur', 'after reload the second measure is there');
    check((await page.locator('#report-meta').textContent()).includes('Utkast'), 'the status is draft: ' + (await page.locator('#report-meta').textContent()));
    ok('the draft is still there after a reload', await page.locator('#report-meta').textContent());

    // Nynorsk: the form's own nynorsk labels, nothing falls back; then back to bokmål.
    await page.getByRole('button', { name: 'Nynorsk' }).click();
    await page.locator('label[for="f-grantAmount"]', { hasText: 'Tildelt tilskot (kr)' }).waitFor();
    check((await page.locator('html').getAttribute('lang')) === 'nn', 'the page is in nynorsk');
    check(!(await page.locator('#report-fallback').isVisible()), 'no bokmål fallback note for a form with nynorsk');
    check((await page.locator('#draft-btn').textContent()) === 'Lagre utkast', 'the buttons are in nynorsk too');
    results.nynorsk = await page.locator('label[for="f-measures-0-name"]').textContent();
    check((await page.locator('#f-measures-1-name').inputValue()) === 'Ferietur', 'the values stay when the language changes');
    ok('nynorsk', results.nynorsk);
    await page.getByRole('button', { name: 'Bokmål' }).click();
    await page.locator('label[for="f-grantAmount"]', { hasText: 'Tildelt tilskudd (kr)' }).waitFor();

    await page.locator('#report-title').focus();
    await tabTo(page, 'submit-btn');
    await page.keyboard.press('Enter');
    await page.locator('#report-readonly').waitFor();
    await page.locator('#receipt-link').waitFor();
    results.submitted = await page.locator('#report-saved').textContent();
    ok('submitted; the page is read-only now', results.submitted);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const receipt = path.join(OUT, 'receipt.pdf');
    await download.saveAs(receipt);
    const head = fs.readFileSync(receipt).subarray(0, 5).toString('latin1');
    check(head === '%PDF-', 'the receipt is a PDF, starts with ' + JSON.stringify(head));
    results.receiptBytes = fs.statSync(receipt).size;
    ok('receipt downloaded', download.suggestedFilename() + ', ' + results.receiptBytes + ' bytes');
    results.history = await page.locator('#report-history tbody tr').count();
    check(results.history >= 2, 'the history has the draft and the submission');
    await axe(page, 'submitted report, read-only, with receipt and history');
    await signOut(page);

    // Another municipality's reporter.
    await signIn(page, 'rolf', env('ROLF_PASSWORD'));
    await page.getByRole('heading', { name: 'Mine rapporter' }).waitFor();
    await page.goto(new URL('#report?scheme=avdir&year=2011&orgUnit=' + UNIT, BASE).href);
    await page.locator('#report-denied').waitFor();
    results.denied = await page.locator('#report-denied').textContent();
    check(results.denied.includes('ikke tilgang') && results.denied.includes(UNIT), 'a clear refusal: ' + results.denied);
    check(!(await page.locator('#report-form').isVisible()), 'no form for another unit');
    ok('a second reporter cannot open the unit', results.denied);
    await axe(page, 'another unit refused');
    await signOut(page);

    // The analyst's status page.
    await signIn(page, 'admin', env('ADMIN_PASSWORD'));
    await page.getByRole('link', { name: 'Rapporteringsstatus' }).click();
    await page.getByLabel('Ordning', { exact: true }).selectOption('avdir');
    await page.locator('#rs-year').fill('2011');
    await page.getByRole('button', { name: 'Vis' }).click();
    const row = page.locator('#rs-table tr[data-unit="' + UNIT + '"]');
    await row.waitFor();
    results.statusRow = (await row.locator('td').allTextContents()).join(' | ');
    check(results.statusRow.includes('Sendt inn'), 'the unit is submitted: ' + results.statusRow);
    results.summary = await page.locator('#rs-result .summary').textContent();
    const csv = await page.locator('#reminder-link').getAttribute('href');
    check(csv.includes('/api/reporting/status.csv') && csv.includes('only=missing'), 'the reminder list link: ' + csv);
    const csvText = await (await page.request.get(new URL(csv, BASE).href)).text();
    check(!csvText.includes(UNIT + ','), 'the submitted unit is not on the reminder list');
    results.csvFirstLine = csvText.split('\n')[0];
    check(await row.getByRole('button', { name: /Åpne/ }).isVisible(), 'a reopen button for the submitted unit');
    ok('the status page shows the unit as submitted', results.statusRow + '; ' + results.summary);
    await axe(page, 'reporting status with a submitted unit');

    check(consoleErrors.length === 0, 'errors in the browser console: ' + consoleErrors.join(' | '));
    console.log('RESULT ' + JSON.stringify(results));
    await context.close();
  } catch (e) {
    try {
      await page.screenshot({ path: path.join(OUT, 'reporting-failure.png'), fullPage: true });
    } catch (ignored) { /* the page may be gone */ }
    console.log('FAILED: ' + (e && e.stack || e));
    await context.close();
    process.exit(1);
  }
})();
