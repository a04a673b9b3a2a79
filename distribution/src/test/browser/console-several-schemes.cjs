// Two schemes chosen together in the web console, by keyboard, in headless Chromium (BrowserSeveralSchemesTest
// starts a host with AVdir and Bufdir and their demo data, and runs this). Tabell 8.2's N row (61/67/64) appears only
// for both schemes together; the report link asks for both. Each step prints "ok: ..."; a failure prints "FAILED: ..."
// and exits 1.
'use strict';
const path = require('path');
const { env, ok, check, launch } = require('./browser.cjs');
const BASE = env('BASE_URL');
const OUT = env('OUT_DIR');
const results = {};

// The cells of the N row under the goal-achievement table (Tabell 8.2).
async function goalN(page) {
  const table = page.locator('#indicators-result table', { hasText: 'Måloppnåelse' }).first();
  await table.waitFor();
  const row = table.locator('tbody tr').filter({ has: page.locator('td:first-child', { hasText: /^N$/ }) });
  return (await row.locator('td').allTextContents()).slice(1).filter((c) => c !== '–');
}

(async () => {
  const context = await launch(OUT, 'chromium-profile-');
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  try {
    await page.goto(BASE);
    await page.getByLabel('Brukernavn').fill('admin');
    await page.getByLabel('Passord').fill(env('ADMIN_PASSWORD'));
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.locator('#who', { hasText: 'admin' }).waitFor();
    await page.getByRole('link', { name: 'Indikatorer' }).click();

    // The picker is a labelled list box that takes several choices.
    const picker = page.getByRole('listbox', { name: 'Ordninger' });
    await picker.locator('option[value="bufdir"]').waitFor({ state: 'attached' });
    check((await picker.getAttribute('multiple')) !== null, 'the scheme picker takes several schemes');
    results.options = await picker.locator('option').evaluateAll((os) => os.map((o) => o.value));
    check(results.options[0] === 'avdir' && results.options[1] === 'bufdir', 'avdir, then bufdir: ' + results.options);
    check((await picker.evaluate((s) => Array.from(s.selectedOptions).map((o) => o.value))).join() === 'avdir',
      'the first scheme is chosen at the start');
    await page.getByLabel('Fra år').fill('2006');
    await page.getByLabel('Til år').fill('2008');
    await page.getByRole('button', { name: 'Vis' }).click();
    results.alone = await goalN(page);
    ok('AVdir alone', 'N ' + results.alone.join('/'));

    // By keyboard only: focus the list, go to the first scheme, extend the choice to the next one.
    await picker.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+ArrowDown');
    results.chosen = await picker.evaluate((s) => Array.from(s.selectedOptions).map((o) => o.value));
    check(results.chosen.join() === 'avdir,bufdir', 'both schemes chosen by keyboard: ' + results.chosen);
    await page.getByLabel('Fra år').fill('2006');
    await page.getByLabel('Til år').fill('2008');
    await page.getByRole('button', { name: 'Vis' }).click();
    await page.locator('#status', { hasText: 'rapporter' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('#status').textContent.startsWith('Arbeider'));
    results.both = await goalN(page);
    ok('AVdir and Bufdir together', 'N ' + results.both.join('/'));

    await page.getByRole('link', { name: 'Rapporter', exact: true }).click();
    results.reportHref = await page.locator('#report-link').getAttribute('href');
    results.templateScheme = await page.locator('#template-scheme').textContent();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#report-link').click()]);
    results.reportFile = download.suggestedFilename();
    ok('report of both', results.reportFile);

    check(consoleErrors.length === 0, 'the page logged errors: ' + consoleErrors.join('; '));
    console.log('RESULT ' + JSON.stringify(results));
    await context.close();
  } catch (e) {
    try {
      await page.screenshot({ path: path.join(OUT, 'several-schemes-failure.png') });
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
