// Drives the field app in Debian's Chromium through shaped networks and prints a Markdown table of how soon the
// liaison's task list shows: a first visit, the next start (service worker and the phone's copy), and no network.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const [gateway, tokenFile, issuer] = process.argv.slice(2);
const tokens = JSON.parse(readFileSync(tokenFile, 'utf8'));
const claims = JSON.parse(Buffer.from(tokens.access_token.split('.')[1], 'base64url').toString());
const session = { access: tokens.access_token, refresh: tokens.refresh_token, expiresAt: Date.now() + tokens.expires_in * 1000,
  subject: claims.sub, username: claims.preferred_username, name: claims.name, roles: claims.realm_access.roles, unitCode: claims.unit_code };
const NETWORKS = {
  'weak 3G (300 ms, 400/150 kbit/s)': { latency: 300, downloadThroughput: 400 * 1024 / 8, uploadThroughput: 150 * 1024 / 8 },
  '4G (60 ms, 4/1 Mbit/s)': { latency: 60, downloadThroughput: 4 * 1024 * 1024 / 8, uploadThroughput: 1024 * 1024 / 8 }
};
const RUNS = 5;
const SHOWN = '#synced';
const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'] });

async function start(page, cdp, network, offline = false) {
  let bytes = 0;
  const count = event => { bytes += event.encodedDataLength; };
  cdp.on('Network.loadingFinished', count);
  await page.goto('about:blank'); // a real start, not a jump within the page already open
  await cdp.send('Network.emulateNetworkConditions', { offline, ...network });
  const began = Date.now();
  await page.goto(`${gateway}/app/#/tasks`, { waitUntil: 'commit' });
  await page.waitForSelector(SHOWN, { timeout: 60000 });
  const ms = Date.now() - began;
  cdp.off('Network.loadingFinished', count);
  return { ms, bytes };
}

const rows = [];
for (const [name, network] of Object.entries(NETWORKS)) {
  const first = [], next = [], none = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    await context.addInitScript(([s, c]) => {
      if (!localStorage.getItem('tuanjie.session')) {
        localStorage.setItem('tuanjie.session', s);
        localStorage.setItem('tuanjie.config', c);
      }
    }, [JSON.stringify(session), JSON.stringify({ issuer, clientId: 'mobile-app' })]);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    first.push(await start(page, cdp, network));
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise(resolve => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      }
    });
    next.push(await start(page, cdp, network));
    none.push(await start(page, cdp, network, true));
    await context.close();
  }
  const summary = runs => ({ ms: median(runs.map(r => r.ms)), bytes: median(runs.map(r => r.bytes)) });
  rows.push([name, summary(first), summary(next), summary(none)]);
}
await browser.close();

const kb = b => `${(b / 1024).toFixed(1)} KB`;
console.log('| network | first visit | next start | next start without network | next / first |');
console.log('|---|---|---|---|---|');
for (const [name, first, next, none] of rows) {
  console.log(`| ${name} | ${first.ms} ms, ${kb(first.bytes)} | ${next.ms} ms, ${kb(next.bytes)} | ${none.ms} ms, ${kb(none.bytes)} | ${(next.ms / first.ms).toFixed(2)} |`);
}
const [, weakFirst, weakNext] = rows[0];
console.log();
console.log(`Budgets on weak 3G: first visit ≤ 5000 ms (${weakFirst.ms <= 5000 ? 'met' : 'MISSED'}: ${weakFirst.ms} ms), `
  + `next start ≤ 1000 ms (${weakNext.ms <= 1000 ? 'met' : 'MISSED'}: ${weakNext.ms} ms).`);
