// check.mjs: every kind of page in headless Chromium (Debian's), as users
// see it: no console error or failed request, from file:// and from a web
// server under a sub-path; no horizontal scrolling at 360 px; links work
// with the keyboard alone; axe-core finds no WCAG 2.1 A or AA violation.
// Screenshots at 1280 and 360 px go to SHOTS for a person to look at.
// Usage: node check.mjs SITE_DIR HTTP_BASE SHOTS
import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [siteDir, httpBase, shots] = process.argv.slice(2);
const axe = readFileSync(new URL('./node_modules/axe-core/axe.min.js',
    import.meta.url), 'utf8');
const kinds = {
  home: 'index.html',
  specialty: 'customer-service/hardware.html',
  skill: 'customer-service/hardware/skills/fault-repair.html',
  level: 'customer-service/software/levels/4.html',
  knowledge: 'customer-service/knowledge.html',
  compare: 'customer-service/compare/communication.html',
  handbook: 'handbooks/facility-management.html',
};
const bases = { file: pathToFileURL(siteDir + '/').href, http: httpBase };
let passed = 0, failed = 0, rules = 0, taken = 0;

function check(ok, what) {
  if (ok) passed++;
  else { failed++; console.log('FAIL: ' + what); }
}

mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update',
    '--disable-sync'],
});

for (const [via, base] of Object.entries(bases)) {
  for (const [kind, path] of Object.entries(kinds)) {
    const url = base + path, where = `${kind} via ${via}`;
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const problems = [];
    page.on('console', m => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('pageerror', e => problems.push(e.message));
    page.on('requestfailed', r => problems.push('failed: ' + r.url()));
    page.on('response', r => { if (r.status() >= 400) problems.push(r.status() + ' ' + r.url()); });
    await page.goto(url, { waitUntil: 'load' });
    check(problems.length === 0, `${where}: ${problems.join('; ')}`);
    const styled = await page.evaluate(() =>
      getComputedStyle(document.body).fontFamily.includes('Hiragino') ||
      getComputedStyle(document.body).fontFamily.includes('system-ui'));
    check(styled, `${where}: the stylesheet did not apply`);
    if (via === 'file') {
      await page.screenshot({ path: `${shots}/${kind}-1280.png`, fullPage: true });
      taken++;
    }
    await page.setViewportSize({ width: 360, height: 800 });
    const wide = await page.evaluate(() =>
      document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check(wide <= 0, `${where}: scrolls ${wide}px sideways at 360 px`);
    if (via === 'file') {
      await page.screenshot({ path: `${shots}/${kind}-360.png`, fullPage: true });
      taken++;
    }
    // keyboard: Tab reaches a link, Enter follows it
    await page.setViewportSize({ width: 1280, height: 900 });
    let href = null;
    for (let i = 0; i < 6 && !href; i++) {
      await page.keyboard.press('Tab');
      href = await page.evaluate(() => {
        const a = document.activeElement;
        return a && a.tagName === 'A' && !a.getAttribute('href').startsWith('#') ?
          a.href : null;
      });
    }
    check(href !== null, `${where}: Tab reaches no link`);
    if (href) {
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      check(page.url() === href, `${where}: Enter did not follow ${href}`);
    }
    await ctx.close();
    if (via !== 'file')
      continue;
    // axe-core, in a context that lets its script in despite the page's CSP
    const actx = await browser.newContext({ bypassCSP: true });
    const apage = await actx.newPage();
    await apage.goto(url, { waitUntil: 'load' });
    await apage.evaluate(axe);
    const result = await apage.evaluate(() => window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }));
    rules += result.passes.length + result.violations.length +
      result.incomplete.length + result.inapplicable.length;
    check(result.violations.length === 0, `${where}: axe: ` +
      result.violations.map(v => `${v.id} (${v.nodes.length}): ${v.help}`).join('; '));
    await actx.close();
  }
}
await browser.close();
console.log(`browser: ${Object.keys(kinds).length * 2} page loads, ${rules} axe rule checks, ${taken} screenshots in ${shots}`);
console.log(`browser (checks): ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
