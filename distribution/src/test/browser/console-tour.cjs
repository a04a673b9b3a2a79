// A walk through the web console in headless Chromium, driven by Playwright (playwright-core with Debian's
// Chromium; BrowserConsoleTest starts the host and runs this). Each step prints "ok: ..."; the first failure prints
// "FAILED: ..." and exits 1. Settings come from the environment.
'use strict';
const fs = require('fs');
const path = require('path');
const { env, ok, check, launch } = require('./browser.cjs');
const BASE = env('BASE_URL');
const OUT = env('OUT_DIR');
const results = {};

(async () => {
  const context = await launch(OUT, 'chromium-profile-');
  const page = await context.newPage();
  const consoleErrors = [];
  // A 401 answer (before sign-in, a wrong password) is logged by Chromium as a failed load; that is expected.
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('dialog', (d) => d.accept());
  try {
    // Sign in.
    await page.goto(BASE);
    await page.getByLabel('Brukernavn').fill('admin');
    await page.getByLabel('Passord').fill('wrong-password');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.locator('#status.error').waitFor();
    ok('a wrong password is refused', await page.locator('#status').textContent());
    await page.getByLabel('Passord').fill(env('ADMIN_PASSWORD'));
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.locator('#who', { hasText: 'admin' }).waitFor();
    ok('signed in', await page.locator('#who').textContent());

    // As administrator: deploy the example scheme (dry run first) and see it appear.
    await page.getByRole('link', { name: 'Utvidelser' }).click();
    await page.locator('#bundle-table').waitFor();
    check((await page.locator('#scheme option').count()) === 0, 'no scheme should be installed before the deploy');
    await page.getByLabel('Ny eller oppdatert utvidelse (.jar)').setInputFiles(env('JAR_FILE'));
    await page.getByRole('button', { name: 'Prøvekjør mot lagrede data' }).click();
    await page.locator('#dryrun-result h2').waitFor();
    const invalid = await page.locator('#become-invalid').textContent();
    check(invalid === '0', 'a new scheme makes no stored report invalid, got ' + invalid);
    ok('dry run', 'become invalid: ' + invalid);
    await page.getByRole('button', { name: 'Aktiver' }).click();
    await page.locator('#status', { hasText: 'aktivert' }).waitFor({ timeout: 30000 });
    await page.locator('#bundle-table tr', { hasText: 'no.tilskudd.example.scheme' }).locator('td', { hasText: 'ACTIVE' }).waitFor();
    await page.locator('#scheme option[value="example"]').waitFor({ state: 'attached' });
    ok('deployed and listed', await page.locator('#status').textContent());

    // As analyst would: import the demo file, then check a broken one and read a violation.
    await page.getByRole('link', { name: 'Innsendinger' }).click();
    await page.getByLabel('Filer').setInputFiles(env('DEMO_FILE'));
    await page.getByLabel('Erstatt rapporter som allerede er lagret').check();
    await page.getByRole('button', { name: 'Importer' }).click();
    await page.locator('#status', { hasText: 'Importert: 28' }).waitFor();
    ok('imported the demo file', await page.locator('#status').textContent());
    await page.getByLabel('Filer').setInputFiles(env('BROKEN_FILE'));
    await page.getByRole('button', { name: 'Kontroller' }).click();
    const row = page.locator('table.findings tbody tr', { hasText: 'EXAMPLE_FIRST_FUNDED_AFTER_REPORT' });
    await row.waitFor();
    results.violation = (await row.locator('td').allTextContents()).join(' | ');
    check(results.violation.includes('measures[0].firstFundedYear'), 'the violation names the field: ' + results.violation);
    check((await page.locator('#status').getAttribute('class')).includes('error'), 'the check reports errors');
    ok('read a violation', results.violation);

    // The grant register and the response rate: 2 of the 3 units with a grant for 2016 reported.
    await page.getByRole('link', { name: 'Svarprosent' }).click();
    await page.getByLabel('Tilskuddsregister (.csv, .xlsx)').setInputFiles(env('GRANTS_FILE'));
    await page.locator('#responses-year').fill('2016');
    await page.getByRole('button', { name: 'Importer' }).click();
    await page.locator('#status', { hasText: '3 tildelinger er lagret' }).waitFor();
    await page.locator('#responses-missing').waitFor();
    results.responses = (await page.locator('#responses-result .summary').textContent()).replace(/\s+/g, ' ');
    results.missing = (await page.locator('#responses-missing tbody').textContent()).replace(/\s+/g, ' ');
    check(results.responses.includes('67 %'), 'the rate is shown: ' + results.responses);
    ok('grants and response rate', results.responses + ' / ' + results.missing);

    // Indicators with a chart; the screenshot for the documentation.
    await page.getByRole('link', { name: 'Indikatorer' }).click();
    await page.getByRole('button', { name: 'Vis' }).click();
    await page.locator('#indicators-result table').first().waitFor();
    await page.locator('#indicators-result svg rect').first().waitFor();
    results.indicatorTables = await page.locator('#indicators-result table').count();
    ok('indicators and chart', results.indicatorTables + ' table(s)');
    await page.screenshot({ path: path.join(OUT, 'console.png') });
    ok('screenshot', path.join(OUT, 'console.png'));

    // Reports: download one if a format is installed, else the page says none are.
    await page.getByRole('link', { name: 'Rapporter', exact: true }).click();
    results.reportFormats = await page.locator('#report-format option').allTextContents();
    if (results.reportFormats.length) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#report-link').click()]);
      results.reportFile = download.suggestedFilename();
      const target = path.join(OUT, results.reportFile);
      await download.saveAs(target);
      results.reportBytes = fs.statSync(target).size;
      check(results.reportBytes > 100, 'the report is not empty');
      ok('downloaded a report', results.reportFile + ', ' + results.reportBytes + ' bytes');
    } else {
      check(await page.locator('#report-none').isVisible(), 'with no format the page says so');
      ok('no report format installed; the page says so');
    }

    // English, and back.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Submissions' }).waitFor();
    check((await page.locator('html').getAttribute('lang')) === 'en', 'the page language follows');
    ok('switched to English');
    await page.getByRole('button', { name: 'Bokmål' }).click();
    await page.getByRole('link', { name: 'Innsendinger' }).waitFor();

    // Remove the plugin again.
    await page.getByRole('link', { name: 'Utvidelser' }).click();
    await page.getByRole('button', { name: 'Fjern no.tilskudd.example.scheme' }).click();
    await page.locator('#status', { hasText: 'fjernet' }).waitFor({ timeout: 30000 });
    await page.locator('#scheme option[value="example"]').waitFor({ state: 'detached' });
    ok('removed the plugin');

    // The audit trail: the tour's own import and deploy are there, newest last.
    await page.getByRole('link', { name: 'Revisjonslogg' }).click();
    await page.locator('#audit-table tbody tr').first().waitFor();
    results.auditActions = await page.locator('#audit-table tbody tr td:nth-child(3)').allTextContents();
    check(results.auditActions.includes('submissions.import'), 'the import is in the trail: ' + results.auditActions);
    check(results.auditActions.includes('plugin.deploy'), 'the deploy is in the trail: ' + results.auditActions);
    check(results.auditActions.lastIndexOf('plugin.undeploy') > results.auditActions.indexOf('submissions.import'),
      'newest last: ' + results.auditActions);
    ok('audit trail', results.auditActions.length + ' event(s)');

    check(consoleErrors.length === 0, 'the page logged errors: ' + consoleErrors.join('; '));
    console.log('RESULT ' + JSON.stringify(results));
    await context.close();
  } catch (e) {
    try {
      await page.screenshot({ path: path.join(OUT, 'failure.png') });
    } catch (ignored) { /* the page may be gone */ }
    console.log('FAILED: ' + (e && e.stack || e));
    try {
      console.log('page text at the failure: ' + (await page.locator('main').innerText()).replace(/\s+/g, ' '));
    } catch (ignored) { /* the page may be gone */ }
    if (consoleErrors.length) console.log('page errors: ' + consoleErrors.join('; '));
    await context.close();
    process.exit(1);
  }
})();
