// preview.mjs: "skillsite serve" in headless Chromium (Debian's), as an
// editor uses it.  A skill page is open; an edit saved to its content
// file reloads it showing the edit; a broken save shows the overlay with
// FILE:LINE:COL over the last good page (axe-core finds no WCAG 2.1 A or
// AA violation in it), and a page opened meanwhile shows it too; the fix
// reloads the page without it.  The same with --poll.  No console error
// but the page's own 404s of nothing; screenshots of the overlay at 1280
// and 375 px go to SHOTS.
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

// Starts serve on a copy of the content; resolves to { url, proc, dir }.
function serve(extra) {
  const dir = mkdtempSync(join(tmpdir(), 'skillsite-preview-browser.'));
  cpSync(content, join(dir, 'content'), { recursive: true });
  mkdirSync(join(dir, 'tmp'));
  const proc = spawn(bin, ['serve', '-p', '0', '-t', templates, ...extra,
    join(dir, 'content')], { env: { ...process.env, TMPDIR: join(dir, 'tmp') } });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('serve did not start: ' + out)), WAIT);
    proc.stdout.on('data', d => {
      out += d;
      const m = /serving (http:\/\/[^ ]+\/)/.exec(out);
      if (m && /site ready/.test(out)) {
        clearTimeout(timer);
        resolve({ url: m[1], proc, dir });
      }
    });
    proc.stderr.on('data', () => {});
  });
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
  const { url, proc, dir } = await serve(extra);
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
  proc.kill('SIGTERM');
  await new Promise(r => proc.on('exit', r));
  rmSync(dir, { recursive: true, force: true });
}

mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update',
    '--disable-sync'],
});
try {
  await run('inotify', [], browser);
  await run('poll', ['--poll'], browser);
} catch (e) {
  failed++;
  console.log('FAIL: ' + e.message);
} finally {
  await browser.close();
}
console.log(`preview (browser): ${passed} passed, ${failed} failed`);
console.log(`browser: ${taken} screenshots of the preview in ${shots}`);
process.exit(failed ? 1 : 0);
