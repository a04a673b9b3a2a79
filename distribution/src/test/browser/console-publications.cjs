// The console's Publications page, in headless Chromium, by keyboard where a user would type (BrowserPublicationsTest
// starts a host with AVdir, Bufdir, the cross-scheme plugin and their demo data, and runs this): the page has a main
// heading and labelled controls; the preview of evaluering-2009 has a heading per section and its text filled with
// the computed figures; the download is the PDF; a broken upload is refused with its JSON pointer. Each step prints
// "ok: ..."; a failure prints "FAILED: ..." and exits 1.
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
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  try {
    await page.goto(BASE);
    await page.getByLabel('Brukernavn').fill('admin');
    await page.getByLabel('Passord').fill(env('ADMIN_PASSWORD'));
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.locator('#who', { hasText: 'admin' }).waitFor();

    // By keyboard: focus the menu's link and follow it.
    await page.getByRole('link', { name: 'Publikasjoner' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Publikasjoner' }).waitFor();
    check(await page.locator('#context').isHidden(), 'the scheme picker is hidden: a publication selects its own');
    const select = page.getByLabel('Publikasjon', { exact: true });
    await select.locator('option[value="evaluering-2009"]').waitFor({ state: 'attached' });
    for (const label of ['Utgave', 'Format']) {
      check(await page.locator('#view-publications').getByLabel(label, { exact: true }).count() === 1, 'a labelled ' + label);
    }
    await select.selectOption('evaluering-2009');
    ok('the page', 'labelled controls');

    await page.getByRole('button', { name: 'Forhåndsvis' }).focus();
    await page.keyboard.press('Enter');
    const result = page.locator('#publication-result');
    await result.getByRole('heading', { level: 3, name: 'Hvem får støtte, og hvor' }).waitFor();
    results.headings = await result.locator('h2, h3').evaluateAll((hs) => hs.map((h) => h.tagName + ' ' + h.textContent));
    results.text = (await result.locator('p').allTextContents()).join(' ');
    results.keyFigures = await result.locator('dl dd').allTextContents();
    results.tables = await result.locator('table caption').count();
    check(results.text.includes('86 kommuner og bydeler hadde tilskudd'), 'the text is filled: ' + results.text.slice(0, 300));
    ok('preview', results.headings.length + ' headings, ' + results.tables + ' tables');

    const link = page.locator('#publication-link');
    results.href = await link.getAttribute('href');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    results.file = download.suggestedFilename();
    ok('download', results.file);

    const broken = path.join(OUT, 'broken-publication.json');
    fs.writeFileSync(broken, JSON.stringify({ formatVersion: 1, id: 'notat', version: '1', title: { nb: 'N', en: 'N' },
      selection: { schemes: ['avdir'], years: { from: 2006, to: 2008 } },
      sections: [{ heading: { nb: 'H', en: 'H' }, blocks: [{ type: 'table', id: 't', indicator: 'goal-achievment' }] }] }));
    await page.getByLabel('Definisjon (.json)').setInputFiles(broken);
    await page.getByRole('button', { name: 'Last opp' }).click();
    await page.locator('#publication-add-result li').first().waitFor();
    results.refusal = await page.locator('#publication-add-result li').first().textContent();
    ok('refused upload', results.refusal);

    check(consoleErrors.length === 0, 'the page logged errors: ' + consoleErrors.join('; '));
    console.log('RESULT ' + JSON.stringify(results));
    await context.close();
  } catch (e) {
    try {
      await page.screenshot({ path: path.join(OUT, 'publications-failure.png') });
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
