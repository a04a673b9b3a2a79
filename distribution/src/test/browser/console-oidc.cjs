// Sign-in through OpenID Connect in headless Chromium (BrowserOidcSignInTest starts the host at 127.0.0.1 and a
// provider at localhost, another site, and runs this): the button, the provider's redirect back, and a signed-in
// reporter, which proves that the session cookie (SameSite=Strict) set at the end of a cross-site redirect is sent by
// the page's own requests, and that the flow cookie (SameSite=Lax) came back with the provider's redirect.
// Each step prints "ok: ..."; a failure prints "FAILED: ..." and exits 1.
'use strict';
const path = require('path');
const { env, ok, check, launch } = require('./browser.cjs');
const BASE = env('BASE_URL');
const OUT = env('OUT_DIR');
const results = {};

(async () => {
  const context = await launch(OUT, 'chromium-oidc-');
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  try {
    await page.goto(BASE);
    const link = page.getByRole('link', { name: 'Logg inn med Testporten' });
    await link.waitFor();
    ok('the sign-in page offers the provider');
    await link.click();
    // The provider's own page, on another site: the person signs in there, and its link sends the browser back.
    await page.getByRole('link', { name: 'Logg inn hos Testporten' }).click();
    await page.locator('#reporter-units', { hasText: '0301, 1804' }).waitFor();
    results.who = await page.locator('#who').innerText();
    results.url = page.url();
    check(results.who.includes('oidc-kari-1'), 'signed in as ' + results.who);
    ok('signed in through the provider as a reporter', results.who);
    const me = await page.evaluate(async () => (await fetch('/api/session')).json());
    results.role = me.role;
    results.orgUnits = me.orgUnits;
    check(consoleErrors.length === 0, 'the page logged errors: ' + consoleErrors.join('; '));
    console.log('RESULT ' + JSON.stringify(results));
    await context.close();
  } catch (e) {
    try {
      await page.screenshot({ path: path.join(OUT, 'oidc-failure.png') });
    } catch (ignored) { /* the page may be gone */ }
    console.log('FAILED: ' + (e && e.stack || e));
    try {
      console.log('page at the failure: ' + page.url() + ' ' + (await page.locator('main').innerText()).replace(/\s+/g, ' '));
    } catch (ignored) { /* the page may be gone */ }
    if (consoleErrors.length) console.log('page errors: ' + consoleErrors.join('; '));
    await context.close();
    process.exit(1);
  }
})();
