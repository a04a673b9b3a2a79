// What every console script in this folder shares: its settings from the environment, its "ok:" lines and checks,
// and a headless Chromium with a fresh profile (playwright-core with Debian's Chromium).
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require(process.env.PLAYWRIGHT_CORE);

function env(name) {
  const v = process.env[name];
  if (!v) throw new Error('environment variable ' + name + ' is not set');
  return v;
}

function ok(step, detail) {
  console.log('ok: ' + step + (detail ? ' (' + detail + ')' : ''));
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** A browser context in a new profile under outDir (Playwright passes it as --user-data-dir); extra options win. */
async function launch(outDir, prefix, extra) {
  const userData = fs.mkdtempSync(path.join(outDir, prefix));
  return chromium.launchPersistentContext(userData, Object.assign({
    executablePath: env('CHROMIUM'),
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    locale: 'nb-NO',
  }, extra || {}));
}

module.exports = { env, ok, check, launch };
