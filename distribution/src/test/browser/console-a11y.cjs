// An accessibility audit of the web console in headless Chromium (playwright-core with Debian's Chromium, axe-core
// injected into the page; BrowserAccessibilityTest starts the host with the example scheme and its demo data and
// runs this). WCAG 2.1 AA as far as a machine can check it: axe-core on every page and state with no violation of
// any impact, reflow at 320 px without horizontal scrolling, what Tab reaches before sign-in, focus after a menu
// choice, and the contrast of the focus ring. Each step prints "ok: ..."; the first failure prints "FAILED: ..." and
// exits 1.
'use strict';
const path = require('path');
const { env, ok, check, launch } = require('./browser.cjs');
const BASE = env('BASE_URL');
const OUT = env('OUT_DIR');
const AXE = env('AXE_FILE');
const results = { audited: [], reflowed: [] };

async function axe(page, state) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ path: AXE });
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

/** At 320 CSS px (a phone, or 1280 px at 400 % zoom) nothing is wider than the screen. */
async function reflows(page, state) {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.waitForTimeout(50);
  const w = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth,
    wide: [...document.querySelectorAll('body *')].filter((e) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.right > window.innerWidth + 1 && !e.closest('.scroll');
    }).slice(0, 5).map((e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '')) }));
  check(w.scroll <= w.view, 'at 320 px "' + state + '" is ' + w.scroll + ' px wide; too wide: ' + w.wide.join(', '));
  await axe(page, state + ' at 320 px');
  await page.setViewportSize({ width: 1280, height: 800 });
  results.reflowed.push(state);
  ok('reflows at 320 px', state);
}

/** WCAG 1.4.11: the focus ring has at least 3:1 against the colour behind the focused element. */
async function focusRingContrast(page, what) {
  const r = await page.evaluate(() => {
    const e = document.activeElement;
    const cs = getComputedStyle(e);
    const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => {
      const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    // the ring sits just outside the element: what is behind it is the nearest ancestor with a background
    let bg = null;
    for (let p = e.parentElement; p; p = p.parentElement) {
      const c = rgb(getComputedStyle(p).backgroundColor);
      if (c.length >= 3 && (c.length < 4 || c[3] > 0)) { bg = c.slice(0, 3); break; }
    }
    bg = bg || [255, 255, 255];
    const ring = rgb(cs.outlineColor).slice(0, 3);
    const a = lum(ring); const b = lum(bg);
    return { id: e.id || e.tagName, style: cs.outlineStyle, width: parseFloat(cs.outlineWidth),
      ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
  });
  check(r.style !== 'none' && r.width >= 2, what + ': no visible focus ring on ' + r.id + ' (' + r.style + ' ' + r.width + ')');
  check(r.ratio >= 3, what + ': focus ring contrast ' + r.ratio.toFixed(2) + ':1 on ' + r.id + ', needs 3:1');
  ok('focus ring ' + r.ratio.toFixed(1) + ':1', what + ' (' + r.id + ')');
}

(async () => {
  const context = await launch(OUT, 'chromium-a11y-', {
    // the console's CSP allows only its own scripts; axe-core is injected by the test, not by the page
    bypassCSP: true,
  });
  const page = await context.newPage();
  page.on('dialog', (d) => d.accept());
  try {
    // Before sign-in: only the skip link, the language switch and the form are there, for eyes and for Tab.
    await page.goto(BASE);
    await page.getByLabel('Brukernavn').waitFor();
    for (const sel of ['#nav', '#logout', '#context', '#scheme', '#from-year']) {
      check(!(await page.locator(sel).isVisible()), sel + ' is visible before sign-in');
    }
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    await page.locator('body').focus();
    const reached = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => {
        const e = document.activeElement;
        return (e.closest('#nav, #context, #logout') ? 'HIDDEN:' : '') + (e.id || e.tagName.toLowerCase());
      }));
    }
    check(!reached.some((r) => r.startsWith('HIDDEN:')), 'Tab reaches hidden controls before sign-in: ' + reached.join(', '));
    check(reached.includes('login-name') && reached.includes('lang-nb'), 'Tab reaches the form and the language: ' + reached.join(', '));
    ok('before sign-in Tab reaches only what is shown', reached.slice(0, 5).join(', '));
    await page.locator('#login-name').focus();
    await focusRingContrast(page, 'a field on the page');
    await page.locator('#lang-en').focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await focusRingContrast(page, 'a button in the dark header');
    await axe(page, 'sign-in');
    await reflows(page, 'sign-in');
    // The host has an OpenID Connect provider (BrowserAccessibilityTest sets one that is never asked): its link, and a
    // sign-in that came back refused, with the page's own message.
    const oidcLink = page.getByRole('link', { name: 'Logg inn med ID-porten' });
    check(await oidcLink.isVisible(), 'the OpenID Connect sign-in link is not shown');
    check((await oidcLink.getAttribute('href')) === '/api/session/oidc', 'the OpenID Connect link goes elsewhere');
    await page.goto(BASE + '?oidc_error=unknown_org_unit');
    await page.locator('#status.error', { hasText: 'enhetsregisteret' }).waitFor();
    check(!(await page.evaluate(() => window.location.search)), 'the error code stays in the address');
    await axe(page, 'sign-in refused');
    await reflows(page, 'sign-in refused');
    ok('sign-in through OpenID Connect offered and its refusal told', 'Logg inn med ID-porten');

    await page.getByLabel('Brukernavn').fill('admin');
    await page.getByLabel('Passord').fill(env('ADMIN_PASSWORD'));
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.locator('#who', { hasText: 'admin' }).waitFor();
    await page.locator('#scheme option[value="example"]').waitFor({ state: 'attached' });

    const views = [['Innsendinger', 'import'], ['Indikatorer', 'indicators'], ['Rapporter', 'reports'],
      ['Svarprosent', 'responses'], ['Utvidelser', 'admin'], ['Revisjonslogg', 'audit']];
    for (const [name, view] of views) {
      await page.getByRole('link', { name, exact: true }).focus();
      await page.keyboard.press('Enter');
      await page.locator('#view-' + view).waitFor();
      await page.waitForFunction((v) => document.activeElement && document.activeElement.closest('#view-' + v), view);
      const focused = await page.evaluate(() => document.activeElement.tagName.toLowerCase() + ':' + document.activeElement.textContent.trim());
      check(focused.startsWith('h1:'), 'after choosing ' + name + ' the focus is on ' + focused + ', not the page heading');
      ok('focus moves to the new page', focused);
      if (view === 'admin') await page.locator('#bundle-table').waitFor();
      if (view === 'audit') await page.locator('#audit-table').waitFor();
      await axe(page, view);
      await reflows(page, view);
    }
    // by keyboard, as a ring is drawn for keyboard focus: back from the page heading into the menu
    await page.getByRole('link', { name: 'Innsendinger', exact: true }).click();
    await page.waitForFunction(() => document.activeElement && document.activeElement.tagName === 'H1');
    for (let i = 0; i < 12 && !(await page.evaluate(() => !!document.activeElement.closest('#nav'))); i++) {
      await page.keyboard.press('Shift+Tab');
    }
    await focusRingContrast(page, 'a menu link in the dark header');

    // States with results: findings of a broken file, indicators with charts, the response rate.
    await page.getByLabel('Filer').setInputFiles(env('BROKEN_FILE'));
    await page.getByRole('button', { name: 'Kontroller' }).click();
    await page.locator('table.findings tbody tr').first().waitFor();
    await axe(page, 'import with findings');
    await reflows(page, 'import with findings');

    await page.getByRole('link', { name: 'Indikatorer', exact: true }).click();
    await page.getByRole('button', { name: 'Vis' }).click();
    await page.locator('#indicators-result svg').first().waitFor();
    const charts = await page.evaluate(() => [...document.querySelectorAll('#indicators-result svg')].map((s) => {
      const legend = [...s.querySelectorAll('text')].map((t) => t.getBBox());
      const box = s.viewBox.baseVal;
      const clipped = legend.filter((b) => b.x < -0.5 || b.x + b.width > box.width + 0.5);
      const d = s.getAttribute('aria-describedby');
      return { clipped: clipped.length, named: !!(d && document.getElementById(d)) };
    }));
    check(charts.every((c) => c.clipped === 0), 'chart texts are cut off: ' + JSON.stringify(charts));
    check(charts.every((c) => c.named), 'every chart names its table: ' + JSON.stringify(charts));
    ok('charts: no text cut off, each names its table', charts.length + ' chart(s)');
    await axe(page, 'indicators shown');
    await reflows(page, 'indicators shown');

    await page.getByRole('link', { name: 'Svarprosent', exact: true }).click();
    await page.locator('#responses-year').fill('2016');
    await page.getByRole('button', { name: 'Vis' }).click();
    await page.locator('#responses-result .summary').waitFor();
    await axe(page, 'response rate shown');
    await reflows(page, 'response rate shown');

    // The analysts' reporting status.
    await page.getByRole('link', { name: 'Rapporteringsstatus', exact: true }).click();
    await page.locator('#rs-year').fill('2016');
    await page.getByRole('button', { name: 'Vis' }).click();
    await page.locator('#rs-table').waitFor();
    await axe(page, 'reporting status');
    await reflows(page, 'reporting status');

    // A reporter's pages: Mine rapporter, the generated form empty, with rows and findings, in nynorsk.
    await page.locator('#logout').click();
    await page.getByLabel('Brukernavn').fill('rita');
    await page.getByLabel('Passord').fill(env('REPORTER_PASSWORD'));
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.locator('#assignments a').first().waitFor();
    await axe(page, 'my reports');
    await reflows(page, 'my reports');
    await page.locator('#assignments a').first().focus();
    await page.keyboard.press('Enter');
    await page.locator('#report-form .q').first().waitFor();
    await page.waitForLoadState('networkidle');
    await axe(page, 'report form');
    await reflows(page, 'report form');
    for (const add of await page.locator('#report-form button[id$="-add"]').all()) await add.click();
    await page.locator('#report-form .row-box').first().waitFor();
    await page.locator('#report-form input.num-input').first().fill('abc');
    await page.locator('#report-form [aria-invalid="true"]').first().waitFor();
    await page.locator('#report-summary a').first().waitFor();
    await axe(page, 'report form with rows and findings');
    await reflows(page, 'report form with rows and findings');
    await page.getByRole('button', { name: 'Nynorsk' }).click();
    await page.locator('#report-form .q').first().waitFor();
    await page.waitForLoadState('networkidle');
    check((await page.locator('html').getAttribute('lang')) === 'nn', 'the page language is nn');
    await axe(page, 'report form in nynorsk');
    await page.getByRole('button', { name: 'Bokmål' }).click();
    await page.locator('#logout').click();
    await page.getByLabel('Brukernavn').fill('admin');
    await page.getByLabel('Passord').fill(env('ADMIN_PASSWORD'));
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.locator('#who', { hasText: 'admin' }).waitFor();

    // English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Submissions' }).waitFor();
    await axe(page, 'English');

    console.log('RESULT ' + JSON.stringify(results));
    await context.close();
  } catch (e) {
    try {
      await page.screenshot({ path: path.join(OUT, 'a11y-failure.png'), fullPage: true });
    } catch (ignored) { /* the page may be gone */ }
    console.log('FAILED: ' + (e && e.stack || e));
    await context.close();
    process.exit(1);
  }
})();
