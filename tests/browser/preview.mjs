// preview.mjs: "skillsite serve" in headless Chromium (Debian's), as an
// editor uses it.  A skill page is open; an edit saved to its content
// file reloads it showing the edit; a broken save shows the overlay with
// FILE:LINE:COL over the last good page (axe-core finds no WCAG 2.1 A or
// AA violation in it), and a page opened meanwhile shows it too; the fix
// reloads the page without it.  The same with --poll.  No console error
// but the page's own 404s of nothing; screenshots of the overlay at 1280
// and 375 px go to SHOTS.  Then: a page whose event stream connects after
// a site was published still reloads (Server-Timing, ?since); eight tabs
// all load and connect in turn, and a tab in the back reloads when shown;
// "refresh" reloads a page that fetched search/ only; a first build that
// fails serves a 503 page that says what to do, shows the overlay and
// reloads into the site once fixed.
// Usage: node preview.mjs BINARY CONTENT TEMPLATES SHOTS
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync,
  writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [bin, content, templates, shots] = process.argv.slice(2);
const axe = readFileSync(new URL('./node_modules/axe-core/axe.min.js',
    import.meta.url), 'utf8');
const WAIT = 60000;
let passed = 0, failed = 0, taken = 0;

function check(ok, what) {
  if (ok) passed++;
  else { failed++; console.log('FAIL: ' + what); }
}

// Starts serve on a copy of the content (prepare(content folder): changed
// first); resolves to { url, proc, dir, count, until } once its output
// shows ready: count(text), how many times the output says text;
// until(text, n), a promise that it has said it n times.
function serve(extra, { ready = /site ready/, prepare } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'skillsite-preview-browser.'));
  cpSync(content, join(dir, 'content'), { recursive: true });
  if (prepare) prepare(join(dir, 'content'));
  mkdirSync(join(dir, 'tmp'));
  const proc = spawn(bin, ['serve', '-p', '0', '-t', templates, ...extra,
    join(dir, 'content')], { env: { ...process.env, TMPDIR: join(dir, 'tmp') } });
  let out = '';
  const count = text => out.split(text).length - 1;
  const until = (text, n) => waitUntil(() => count(text) >= n);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('serve did not start: ' + out)), WAIT);
    proc.stdout.on('data', d => {
      out += d;
      const m = /serving (http:\/\/[^ ]+\/)/.exec(out);
      if (m && ready.test(out)) {
        clearTimeout(timer);
        const srv = { url: m[1], proc, dir, count, until };
        started.push(srv);
        resolve(srv);
      }
    });
    proc.stderr.on('data', () => {});
  });
}

// Resolves once test() holds (looked at every 50 ms), or throws after
// WAIT.
async function waitUntil(test) {
  const end = Date.now() + WAIT;
  while (!test()) {
    if (Date.now() > end) throw new Error('waited in vain');
    await new Promise(r => setTimeout(r, 50));
  }
}

// Stops serve and removes its folder (once; a test that failed leaves its
// server to the end of the run).
const started = [];
async function stop(srv) {
  if (srv.stopped) return;
  srv.stopped = true;
  if (srv.proc.exitCode === null) {
    const exited = new Promise(r => srv.proc.on('exit', r));
    srv.proc.kill('SIGTERM');
    await exited;
  }
  rmSync(srv.dir, { recursive: true, force: true });
}

// text with the first old after the fault-repair entry (whose level 3
// the page shows) made new.
function replaced(text, old, now) {
  const k = text.indexOf(old, text.indexOf('<entry skill="fault-repair">'));
  return text.slice(0, k) + now + text.slice(k + old.length);
}

// Saves text as path, by rename, as editors do.
function save(path, text) {
  writeFileSync(path + '.tmp', text);
  renameSync(path + '.tmp', path);
}

async function run(label, extra, browser) {
  const srv = await serve(extra);
  const { url, dir } = srv;
  const file = join(dir, 'content', 'customer-service.xml');
  const original = readFileSync(file, 'utf8');
  const pageUrl = url + 'customer-service/hardware/skills/fault-repair.html';
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const problems = [];
  page.on('console', m => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', e => problems.push(e.message));
  await page.goto(pageUrl, { waitUntil: 'load' });
  await page.waitForTimeout(300);   // the event stream connects

  // an edit: the page reloads by itself and shows it
  const marker = `改訂${label}。`;
  let reloaded = page.waitForEvent('load', { timeout: WAIT });
  save(file, replaced(original, '<level value="3">', '<level value="3">' + marker));
  await reloaded;
  check((await page.textContent('main')).includes(marker),
    `${label}: the page reloaded with the edit`);

  // a broken save: the overlay, with the position, over the last good page
  save(file, replaced(original, '<level value="3">', '<level value="3"><broken '));
  const overlay = await page.waitForSelector('#skillsite-serve-errors',
    { timeout: WAIT }).catch(() => null);
  check(overlay !== null, `${label}: the overlay after a broken save`);
  if (overlay) {
    const text = await overlay.textContent();
    check(/customer-service\.xml:\d+:\d+/.test(text),
      `${label}: the overlay names FILE:LINE:COL: ${text.slice(0, 200)}`);
    check(/ビルドに失敗しました/.test(text), `${label}: the overlay says the build failed`);
    check((await page.textContent('main')).includes(marker),
      `${label}: the last good page under the overlay`);
    const role = await overlay.getAttribute('role');
    check(role === 'alertdialog', `${label}: the overlay is an alert dialog`);
    await page.evaluate(axe);
    const found = await page.evaluate(async () => {
      if (!window.axe) return null;
      const r = await window.axe.run('#skillsite-serve-errors',
        { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
      return r.violations.map(v => v.id);
    });
    if (found !== null)
      check(found.length === 0, `${label}: axe on the overlay: ${found}`);
    if (label === 'inotify') {
      await page.screenshot({ path: `${shots}/serve-errors-1280.png` });
      await page.setViewportSize({ width: 375, height: 800 });
      await page.screenshot({ path: `${shots}/serve-errors-375.png` });
      const wide = await page.evaluate(() =>
        document.documentElement.scrollWidth - document.documentElement.clientWidth);
      check(wide <= 0, `${label}: the overlay scrolls ${wide}px sideways at 375 px`);
      await page.setViewportSize({ width: 1280, height: 900 });
      taken += 2;
    }
    // a page opened now shows the errors too
    const other = await ctx.newPage();
    await other.goto(url + 'index.html', { waitUntil: 'load' });
    const late = await other.waitForSelector('#skillsite-serve-errors',
      { timeout: WAIT }).catch(() => null);
    check(late !== null, `${label}: a page opened after the failure shows it`);
    await other.close();
  }

  // the fix: the page reloads without the overlay
  reloaded = page.waitForEvent('load', { timeout: WAIT });
  save(file, original);
  await reloaded.catch(() => {});
  check(await page.$('#skillsite-serve-errors') === null,
    `${label}: the fix clears the overlay`);
  check(!(await page.textContent('main')).includes(marker),
    `${label}: the page shows the fixed content`);
  check(problems.length === 0, `${label}: ${problems.join('; ')}`);
  await ctx.close();
  await stop(srv);
}

const SKILL = 'customer-service/hardware/skills/fault-repair.html';

// The race: the page is served from generation 1, a new site is published
// and "reload" sent before its event stream connects (the test holds the
// stream's request until then).  The page reads its generation from
// Server-Timing, opens the stream with ?since=1, and the server sends
// "reload" at once: the page shows the edit.
async function runRace(browser) {
  const srv = await serve([]);
  const file = join(srv.dir, 'content', 'customer-service.xml');
  const original = readFileSync(file, 'utf8');
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const problems = [];
  page.on('console', m => { if (m.type() === 'error') problems.push(m.text()); });
  let asked = false, since = null, release;
  const released = new Promise(r => { release = r; });
  await ctx.route('**/__skillsite/events*', async route => {
    if (!asked) {
      asked = true;
      since = new URL(route.request().url()).searchParams.get('since');
      await released;
    }
    await route.continue();
  });
  await page.goto(srv.url + SKILL, { waitUntil: 'load' });
  const timing = await page.evaluate(() => performance
    .getEntriesByType('navigation')[0].serverTiming
    .map(t => `${t.name}=${t.description}`).join(','));
  check(timing === 'skillsite=1', `race: Server-Timing read by the page: ${timing}`);
  await waitUntil(() => asked);
  check(since === '1', `race: the stream asks since=1: ${since}`);
  const ready = srv.count('site ready');
  const reloaded = page.waitForEvent('load', { timeout: WAIT });
  save(file, replaced(original, '<level value="3">', '<level value="3">競争。'));
  await srv.until('site ready', ready + 1);
  release();
  check(await reloaded.then(() => true, () => false),
    'race: a page whose stream connects after the reload still reloads');
  check((await page.textContent('main')).includes('競争。'),
    'race: and shows the edit');
  check(problems.length === 0, `race: ${problems.join('; ')}`);
  await ctx.close();
  await stop(srv);
}

// Playwright keeps every page visible: tabs are shown and hidden here by
// window.name (which lasts across reloads), through visibilityState and
// the visibilitychange event that the reload script listens to.
function emulateTabs() {
  const hidden = () => window.name === 'skillsite-hidden';
  Object.defineProperty(Document.prototype, 'visibilityState',
    { configurable: true, get: () => (hidden() ? 'hidden' : 'visible') });
  Object.defineProperty(Document.prototype, 'hidden',
    { configurable: true, get: hidden });
}

async function setVisible(page, visible) {
  await page.evaluate(v => {
    window.name = v ? '' : 'skillsite-hidden';
    document.dispatchEvent(new Event('visibilitychange'));
  }, visible);
}

// Brings tab k of pages to the front (from the back), the others to the
// back; resolves to whether its event stream connected (200).
async function front(pages, k) {
  for (const p of pages) await setVisible(p, false);
  const stream = pages[k].waitForRequest(r => r.url().includes('/__skillsite/events'),
    { timeout: WAIT });
  await pages[k].bringToFront();
  await setVisible(pages[k], true);
  const req = await stream.catch(() => null);
  const res = req && await req.response().catch(() => null);
  return res !== null && res.status() === 200;
}

// Eight tabs of one browser (six connections a host): each holds its
// event stream only while in front, so every tab loads; a tab in the back
// misses an edit's reload and reloads when shown.
async function runTabs(browser) {
  const srv = await serve([]);
  const file = join(srv.dir, 'content', 'customer-service.xml');
  const original = readFileSync(file, 'utf8');
  const ctx = await browser.newContext();
  await ctx.addInitScript(emulateTabs);
  const urls = [SKILL, 'index.html', 'about.html', 'customer-service/hardware.html',
    'customer-service/software.html', 'handbooks/hardware.html',
    'customer-service/hardware/assessment.html', SKILL];
  const pages = [];
  for (const u of urls) {
    for (const p of pages) await setVisible(p, false);
    const p = await ctx.newPage();
    const ok = await p.goto(srv.url + u, { waitUntil: 'load', timeout: 20000 })
      .then(() => true, () => false);
    check(ok, `tabs: tab ${pages.length + 1} of 8 loads (${u})`);
    if (!ok) break;
    pages.push(p);
  }
  if (pages.length === urls.length) {
    for (let k = 0; k < pages.length; k++)
      check(await front(pages, k), `tabs: tab ${k + 1}, brought to the front, connects`);
    const last = pages[7], back = pages[0];
    let reloaded = last.waitForEvent('load', { timeout: WAIT });
    save(file, replaced(original, '<level value="3">', '<level value="3">裏。'));
    check(await reloaded.then(() => true, () => false), 'tabs: the front tab reloads');
    check((await last.textContent('main')).includes('裏。'), 'tabs: showing the edit');
    check(!(await back.textContent('main')).includes('裏。'),
      'tabs: a tab in the back, without its stream, does not reload');
    reloaded = back.waitForEvent('load', { timeout: WAIT });
    await front(pages, 0);
    check(await reloaded.then(() => true, () => false),
      'tabs: the tab in the back reloads when shown');
    check((await back.textContent('main')).includes('裏。'), 'tabs: showing the edit');
  }
  await ctx.close();
  await stop(srv);
}

// "refresh" (the search index and downloads changed, no page did): a page
// that fetched a file of search/ reloads, one that did not stays.  No
// build sends it yet, so the test's stream does (routed), after the
// search; the server's side is tests/unit/test_serve.c.
// Waits until fn (run in page) holds, asking from here every 50 ms:
// page.evaluate() is not subject to the page's CSP, where
// waitForFunction()'s polling compiles fn in the page and is refused
// (no 'unsafe-eval') once it has to poll; a page between loads counts
// as not yet.
async function pollPage(page, fn, timeout) {
  for (const end = Date.now() + timeout; ;) {
    if (await page.evaluate(fn).catch(() => false)) return;
    if (Date.now() > end) throw new Error("pollPage: timed out");
    await new Promise(r => setTimeout(r, 50));
  }
}

async function runRefresh(browser) {
  const srv = await serve([]);
  const ctx = await browser.newContext();
  await ctx.addInitScript(() => {
    const Real = window.EventSource;
    window.EventSource = class extends Real {
      constructor(...args) {
        super(...args);
        this.addEventListener('refresh', () => {
          sessionStorage.refreshes = String(+(sessionStorage.refreshes || 0) + 1);
        });
      }
    };
  });
  let go, served = 0;
  const going = new Promise(r => { go = r; });
  await ctx.route('**/__skillsite/events*', async route => {
    const first = served++ < 2;
    if (first) await going;
    await route.fulfill({ status: 200, contentType: 'text/event-stream',
      body: 'retry: 600000\nid: 1\n' + (first ? 'event: refresh\ndata: 1\n\n' : '\n') });
  });
  const plain = await ctx.newPage(), searched = await ctx.newPage();
  const loads = new Map([[plain, 0], [searched, 0]]);
  for (const p of [plain, searched]) p.on('load', () => loads.set(p, loads.get(p) + 1));
  await plain.goto(srv.url + SKILL, { waitUntil: 'load' });
  await searched.goto(srv.url + 'index.html', { waitUntil: 'load' });
  await searched.fill('#search-input', '修理');
  await pollPage(searched, () => performance.getEntriesByType('resource')
    .some(e => /\/search\/.+\.js$/.test(e.name)), WAIT);
  const reloaded = searched.waitForEvent('load', { timeout: WAIT });
  go();
  check(await reloaded.then(() => true, () => false),
    'refresh: a page that fetched search/ reloads');
  await pollPage(plain, () => +(sessionStorage.refreshes || 0) >= 1, WAIT);
  await plain.waitForTimeout(500);
  check(loads.get(plain) === 1, `refresh: a page that did not stays (${loads.get(plain)} loads)`);
  await ctx.close();
  await stop(srv);
}

// The first build fails: a 503 page that says what happened and what to
// do, with the overlay of the errors (no WCAG A or AA violation); the fix
// reloads it into the site.
async function runFirstFailed(browser) {
  let file, original;
  const srv = await serve([], { ready: /build failed/, prepare: dir => {
    file = join(dir, 'customer-service.xml');
    original = readFileSync(file, 'utf8');
    save(file, replaced(original, '<level value="3">', '<level value="3"><broken '));
  } });
  const ctx = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await ctx.newPage();
  const res = await page.goto(srv.url, { waitUntil: 'load' });
  check(res.status() === 503, `first build failed: ${res.status()}`);
  check((await page.textContent('body')).includes('The first build failed: fix the ' +
    'errors shown in the terminal (or on this page once it reloads) and save; ' +
    'this page reloads when a build succeeds.'), 'first build failed: the page says what to do');
  const overlay = await page.waitForSelector('#skillsite-serve-errors',
    { timeout: WAIT }).catch(() => null);
  check(overlay !== null && /customer-service\.xml:\d+:\d+/.test(await overlay.textContent()),
    'first build failed: the overlay of the errors over the 503 page');
  check(overlay !== null && (await overlay.textContent()).includes('まだ表示できるサイトがありません'),
    'first build failed: the overlay says there is no site yet');
  await page.evaluate(axe);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document,
      { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return r.violations.map(v => v.id);
  });
  check(found.length === 0, `first build failed: axe on the 503 page: ${found}`);
  await page.screenshot({ path: `${shots}/serve-first-failed-375.png` });
  taken++;
  const reloaded = page.waitForEvent('load', { timeout: WAIT });
  save(file, original);
  check(await reloaded.then(() => true, () => false), 'first build failed: the fix reloads the page');
  check(await page.$('#skillsite-serve-errors') === null && await page.$('main') !== null &&
    (await page.evaluate(() => document.documentElement.lang)) === 'ja',
    'first build failed: the site, without the overlay');
  await ctx.close();
  await stop(srv);
}

mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update',
    '--disable-sync'],
});
for (const [name, test] of [
  ['inotify', b => run('inotify', [], b)], ['poll', b => run('poll', ['--poll'], b)],
  ['race', runRace], ['tabs', runTabs], ['refresh', runRefresh],
  ['first build failed', runFirstFailed]]) {
  try {
    await test(browser);
  } catch (e) {
    failed++;
    console.log(`FAIL: ${name}: ${e.message}`);
  }
}
await browser.close();
for (const srv of started) await stop(srv);
console.log(`preview (browser): ${passed} passed, ${failed} failed`);
console.log(`browser: ${taken} screenshots of the preview in ${shots}`);
process.exit(failed ? 1 : 0);
