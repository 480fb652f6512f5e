// check.mjs: every kind of page in headless Chromium (Debian's), as users
// see it: no console error or failed request, from file:// and from a web
// server under a sub-path; no horizontal scrolling at 360 px; links work
// with the keyboard alone; axe-core finds no WCAG 2.1 A or AA violation.
// Self-assessment: levels set, the copied link opened in a fresh browser
// shows the same profile, storage brings it back, reset clears it, and it
// prints on one A4 page; without JavaScript it is a checklist; a link or
// storage naming a skill, level or role the sheet lacks lists them.  On a
// tailored build (TAILORED_DIR, content + tests/tailoring/minato): the
// roles of the specialty as targets (a role sets every target, undo
// brings the old ones back, link and storage keep it), the gaps name the
// role and list each level's learning resources, marked as the
// company's, on screen and on paper (the role named, at most two A4
// pages); without JavaScript the roles' targets are a table; axe finds
// nothing with a role chosen and the level texts open; nothing wider
// than 375 px.
// Chrome: a skip link first, a compact header on phones, names never
// wrapped inside a word at 375 px.
// Search: typing a query on the home page lists the right skills, the
// keyboard follows a result to its anchor, and without JavaScript the box
// says it needs it; 保守's results are grouped by skill, titled by what
// matched, narrowed by the specialty filter and all reached by show more,
// by keyboard, and fit 375 px.  Knowledge index: a jump link moves focus to its
// group, the filter narrows the list and says how many, clearing
// restores it, without JavaScript the list is whole.  Start page: Tab
// alone reaches, among its tasks, every specialty, sheet and handbook,
// the downloads and the page about the text, and its search link puts
// focus in the search box.  Comparison: a table at 1280 px, stacked by
// level at 375 px, marks on whole words.  Level changes: side by side
// at 1280 px, nothing struck through, no mark wrapped that a line holds;
// stacked at 375 px, each side named by its level.  Matrix: at 1280 px a
// table whose cells show different words, the whole text on hover and
// focus, each linking to its level; at 375 px a block per skill, each
// level named, nothing wider than the screen; a level page opens with
// the opening its texts share.  Skill map: at 1280 px a table of every
// skill by level, the matrix's words, within the window; at 375 px a
// block per skill, each level named, nothing wider.  Printed, every
// comparison table (its page's, the job type's handbook's) lies within
// the page, each row head beside its cells.  Screenshots at 1280
// and 360 px (the filtered index at 375 px) go to SHOTS for a person to
// look at.
// Usage: node check.mjs SITE_DIR HTTP_BASE SHOTS [TAILORED_DIR]
import { chromium } from 'playwright-core';
import { readFileSync, readdirSync, existsSync, mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [siteDir, httpBase, shots, tailoredDir] = process.argv.slice(2);
const axe = readFileSync(new URL('./node_modules/axe-core/axe.min.js',
    import.meta.url), 'utf8');
const kinds = {
  home: 'index.html',
  specialty: 'customer-service/hardware.html',
  skill: 'customer-service/hardware/skills/fault-repair.html',
  level: 'customer-service/software/levels/4.html',
  knowledge: 'customer-service/knowledge.html',
  compare: 'customer-service/compare/communication.html',
  handbook: 'handbooks/hardware.html',
  jobtypeHandbook: 'handbooks/customer-service.html',
  map: 'handbooks/facility-management-map.html',
  assessment: 'customer-service/hardware/assessment.html',
  about: 'about.html',
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

// Opens url in a new context (options as browser.newContext takes);
// returns { ctx, page, problems }, problems collecting console errors,
// page errors and failed requests.
async function open(url, options) {
  const ctx = await browser.newContext(options);
  const page = await ctx.newPage();
  const problems = [];
  page.on('console', m => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', e => problems.push(e.message));
  page.on('requestfailed', r => problems.push('failed: ' + r.url()));
  page.on('response', r => { if (r.status() >= 400) problems.push(r.status() + ' ' + r.url()); });
  // what the Content-Security-Policy refuses, for checkStructuredData()
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', e =>
      window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url, { waitUntil: 'load' });
  return { ctx, page, problems };
}

// The structured data of page (opened by open()): one data block, which
// parses as a schema.org JSON-LD graph, and no Content-Security-Policy
// violation as the page loaded (the data block is not a script the
// policy refuses).
async function checkStructuredData(page, where) {
  const r = await page.evaluate(() => {
    const blocks = [...document.querySelectorAll('script[type="application/ld+json"]')];
    const parsed = blocks.filter(b => {
      try {
        const d = JSON.parse(b.textContent);
        return d['@context'] === 'https://schema.org' &&
          Array.isArray(d['@graph']) && d['@graph'].length > 0;
      } catch (e) {
        return false;
      }
    });
    return { blocks: blocks.length, parsed: parsed.length,
      inHead: blocks.every(b => b.parentElement === document.head),
      violations: window.cspViolations };
  });
  check(r.blocks === 1 && r.parsed === 1 && r.inHead,
    `${where}: structured data ${JSON.stringify(r)}`);
  check(r.violations.length === 0,
    `${where}: CSP violations: ${r.violations.join('; ')}`);
}

// The structured data of the tailored site's role pages and tailoring
// report, from file:// (the other kinds: in the loop over kinds).
async function checkTailoredData(base, dir) {
  const roles = readdirSync(`${dir}/customer-service/roles`).sort();
  for (const path of ['customer-service/tailoring.html',
    `customer-service/roles/${roles[0]}`]) {
    const { ctx, page, problems } = await open(base + path);
    check(problems.length === 0, `tailored ${path}: ${problems.join('; ')}`);
    await checkStructuredData(page, `tailored ${path}`);
    await ctx.close();
  }
}

// Returns fn's result in url loaded without JavaScript.
async function withoutScript(url, fn) {
  const { ctx, page } = await open(url, { javaScriptEnabled: false });
  const result = await page.evaluate(fn);
  await ctx.close();
  return result;
}

// Types query into the search box of page (loaded); returns the skill
// names of the results' groups, once listed.
async function typeQuery(page, query) {
  await page.focus('#search-input');
  await page.keyboard.type(query);
  await page.waitForSelector('#search-results .search-result', { timeout: 5000 });
  return page.$$eval('#search-results .search-group-link', as => as.map(a => a.textContent));
}

// The search box of the home page via base: the right skills first, the
// match marked, ArrowDown and Enter follow the first result to its anchor.
async function checkSearch(base, via) {
  const { ctx, page, problems } = await open(base + 'index.html',
    { viewport: { width: 1280, height: 900 } });
  const where = `search via ${via}`;
  const names = await typeQuery(page, '障害原因特定');
  check(JSON.stringify(names.slice(0, 2).sort()) ===
    JSON.stringify(['一次対応／二次対応', '障害修理'].sort()),
    `${where}: first results ${names.slice(0, 2).join(', ')}`);
  const marked = await page.$eval('#search-results .search-result .search-link mark', m => m.textContent);
  check(marked === '障害原因特定', `${where}: marked ${marked}`);
  const status = await page.textContent('#search-status');
  check(/障害原因特定/.test(status) && /件/.test(status), `${where}: status ${status}`);
  if (via === 'file') {
    await page.screenshot({ path: `${shots}/search-1280.png` });
    await page.setViewportSize({ width: 360, height: 800 });
    await page.screenshot({ path: `${shots}/search-360.png` });
    const wide = await page.evaluate(() =>
      document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check(wide <= 0, `${where}: scrolls ${wide}px sideways at 360 px`);
    await page.setViewportSize({ width: 1280, height: 900 });
    taken += 2;
  }
  await page.keyboard.press('ArrowDown');
  const focused = await page.evaluate(() => document.activeElement.href);
  check(/skills\/.*\.html#k-[0-9a-f]{16}$/.test(focused || ''),
    `${where}: ArrowDown focused ${focused}`);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  check(page.url() === focused, `${where}: Enter went to ${page.url()}`);
  const target = await page.evaluate(() => {
    const t = document.querySelector(':target');
    return t ? t.textContent.trim() : null;
  });
  check(target === '障害原因特定', `${where}: the anchor shows ${target}`);
  check(problems.length === 0, `${where}: ${problems.join('; ')}`);
  await ctx.close();
}

// Without JavaScript, the search box is disabled and says why.
async function checkNoScript(base) {
  const state = await withoutScript(base + 'index.html', () => ({
    disabled: document.getElementById('search-input').disabled,
    notice: document.getElementById('search-status').innerText,
  }));
  check(state.disabled && /JavaScript/.test(state.notice),
    `search without JavaScript: ${JSON.stringify(state)}`);
}

// Long katakana names that must never wrap inside in headings, cells,
// lists, links and labels; the elements that keep names whole.
const names = ['プロジェクトマネジメント', 'カスタマサービスマネジメント',
  'ファシリティマネジメント', 'ハードウェアサービス', 'ソフトウェアサービス',
  'コミュニケーション', 'リモートメンテナンス'];
const nameHolders = 'h1, h2, h3, th, td, li, a, dt, label, legend, caption, .kicker';
// Link texts that do not say where a link goes.
const vagueLinks = ['スキル', 'レベル', 'こちら', 'ここ', '詳細', 'リンク', 'PDF', '印刷用ページ', '記述'];
// The header's largest share of a 375 x 667 phone screen.
const headerShare = 0.12;

// Returns, for the page loaded, each occurrence of a name of names inside
// an element matching holders that the browser lays out on more than one
// line, as "TAG: name".
function splitNames([names, holders]) {
  const split = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n; (n = walk.nextNode());) {
    if (!n.parentElement.closest(holders))
      continue;
    for (const name of names) {
      for (let i = n.data.indexOf(name); i >= 0; i = n.data.indexOf(name, i + 1)) {
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + name.length);
        const tops = new Set([...range.getClientRects()]
          .filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (tops.size > 1)
          split.push(`${n.parentElement.tagName}: ${name}`);
      }
    }
  }
  return split;
}

// Returns the site paths the start page must offer, read from the built
// site: each specialty's page (J/S.html but J/knowledge.html), its sheet
// (J/S/assessment.html), each handbook (handbooks/S.html), the downloads
// and the page about the text.
function startTasks() {
  const tasks = ['downloads/framework.json', 'downloads/framework.schema.json',
    'downloads/framework.csv', 'about.html'];
  for (const d of readdirSync(siteDir, { withFileTypes: true })) {
    if (!d.isDirectory() || !existsSync(`${siteDir}/${d.name}/knowledge.html`))
      continue;
    for (const f of readdirSync(`${siteDir}/${d.name}`))
      if (f.endsWith('.html') && f !== 'knowledge.html')
        tasks.push(`${d.name}/${f}`,
          `${d.name}/${f.replace(/\.html$/, '')}/assessment.html`);
  }
  for (const f of readdirSync(`${siteDir}/handbooks`))
    if (f.endsWith('.html'))
      tasks.push(`handbooks/${f}`);
  return tasks;
}

// The start page via base, by keyboard: Tab from the top reaches a link
// inside the tasks to every path of startTasks(); the search task's link,
// followed with Enter, puts focus in the search box.
async function checkStart(base, via) {
  const where = `start page via ${via}`;
  const { ctx, page, problems } = await open(base + kinds.home,
    { viewport: { width: 1280, height: 900 } });
  await page.waitForFunction(() => !document.getElementById('search-input').disabled);
  const reached = new Set();
  let searchStop = -1;
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    const a = await page.evaluate(() => {
      const e = document.activeElement;
      return e && e.tagName === 'A' && e.closest('.tasks') ?
        { href: e.href, raw: e.getAttribute('href') } : null;
    });
    if (!a)
      continue;
    reached.add(a.href.split('#')[0]);
    if (a.raw === '#search-input' && searchStop < 0)
      searchStop = i;
  }
  const tasks = startTasks();
  check(tasks.length >= 13, `${where}: only ${tasks.length} tasks found`);
  for (const t of tasks)
    check(reached.has(new URL(t, base).href), `${where}: Tab reaches no link to ${t}`);
  check(searchStop >= 0, `${where}: Tab reaches no link to the search box`);
  await page.goto(base + kinds.home, { waitUntil: 'load' });
  await page.waitForFunction(() => !document.getElementById('search-input').disabled);
  for (let i = 0; i <= searchStop; i++)
    await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const focused = await page.evaluate(() => document.activeElement.id);
  check(focused === 'search-input',
    `${where}: the search link left focus on "${focused}"`);
  check(problems.length === 0, `${where}: ${problems.join('; ')}`);
  await ctx.close();
}

// The chrome of url on a phone (375 x 667): the skip link is the first
// Tab stop, shows when focused and moves focus to the main content; the
// header takes at most headerShare of the screen; no name of names wraps
// inside a word; no link text is one of vagueLinks.
async function checkChrome(url, where) {
  const { ctx, page } = await open(url, { viewport: { width: 375, height: 667 } });
  const header = await page.$eval('.site-header', h => h.getBoundingClientRect().height);
  check(header <= 667 * headerShare, `${where}: the header is ${header}px high at 375 px`);
  const split = await page.evaluate(splitNames, [names, nameHolders]);
  check(split.length === 0, `${where}: names wrap inside at 375 px: ${split.join(', ')}`);
  const vague = await page.$$eval('a', (as, vagueLinks) => as.map(a => a.textContent.trim())
    .filter(t => vagueLinks.includes(t)), vagueLinks);
  check(vague.length === 0, `${where}: links that do not say where they go: ${vague.join(', ')}`);
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(() => {
    const a = document.activeElement, r = a.getBoundingClientRect();
    return { cls: a.className, text: a.textContent, href: a.getAttribute('href'),
      shown: r.width > 20 && r.height > 10 && r.top >= 0 };
  });
  check(skip.cls === 'skip-link' && skip.href === '#main' && skip.shown &&
    skip.text === '本文へ移動', `${where}: first Tab stop ${JSON.stringify(skip)}`);
  if (skip.href === '#main') {
    await page.keyboard.press('Enter');
    const focused = await page.evaluate(() => document.activeElement.id);
    check(focused === 'main', `${where}: the skip link moved focus to #${focused}`);
  }
  await ctx.close();
}

// Returns the checked radios of page as "name=value", sorted.
async function checked(page) {
  return page.$$eval('#assess-table input:checked',
    (is) => is.map((i) => `${i.name}=${i.value}`).sort().join(' '));
}

// The self-assessment sheet of hardware via base.
async function checkAssessment(base, via) {
  const where = `assessment via ${via}`;
  const url = base + 'customer-service/hardware/assessment.html';
  const { ctx, page, problems } = await open(url,
    { viewport: { width: 1280, height: 900 } });
  // by keyboard: Tab to a group, arrows choose within it
  await page.focus('input[name="current-fault-repair"][value="3"]');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');	// next group: the target's, on its
  await page.keyboard.press('ArrowRight');	// first choice (below the lowest level)
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.check('input[name="current-leadership"][value="4"]');
  await page.check('input[name="target-leadership"][value="6"]');
  await page.check('input[name="target-technology"][value="4"]');
  const want = await checked(page);
  check(want === 'current-fault-repair=3 current-leadership=4 ' +
    'target-fault-repair=5 target-leadership=6 target-technology=4',
    `${where}: chose ${want}`);
  const link = await page.inputValue('#assess-link');
  check(link === page.url() && /#s=/.test(link), `${where}: link ${link}`);
  const gaps = await page.$$eval('#assess-gap-list a', as => as.map(a => a.getAttribute('href')));
  check(JSON.stringify(gaps) === JSON.stringify(['skills/technology.html#level-4',
    'skills/leadership.html#level-6', 'skills/fault-repair.html#level-5']),
    `${where}: gaps ${gaps}`);
  const gapText = await page.$$eval('#assess-gap-list li', ls => ls.map(l => l.textContent));
  check(gapText[0] === 'テクノロジ：未選択 → レベル４' &&
    gapText[2] === '障害修理：レベル３ → レベル５（２段階）',
    `${where}: gaps read ${gapText.join(' / ')}`);
  const dots = await page.$$eval('#assess-chart svg circle', cs => cs.length);
  check(dots === 5, `${where}: ${dots} marks in the chart`);
  // the plain standard: no roles to choose, nothing of a company's
  const plain = await page.evaluate(() => ({
    roles: document.querySelectorAll('#assess-roles, #assess-role, #assess-role-table').length,
    company: document.querySelectorAll('main .company, main .company-mark, .assess-learn, .assess-learn-none').length,
    missing: !document.getElementById('assess-missing').hidden,
  }));
  check(plain.roles === 0 && plain.company === 0 && !plain.missing && !/[#&]r=/.test(link),
    `${where}: the plain sheet has ${JSON.stringify(plain)}`);
  // only the levels the job type defines: the seed's 3 to 6, not its 7
  const axis = await page.$$eval('#assess-chart svg text.axis', ts => ts.map(t => t.textContent));
  const grid = await page.$$eval('#assess-chart svg line.grid', ls => ls.length);
  check(axis.join(' ') === '未満 レベル３ レベル４ レベル５ レベル６' && grid === 5,
    `${where}: chart levels ${axis.join(' ')}, ${grid} lines`);
  // the manager: a fresh browser, the link
  const { ctx: other, page: theirs } = await open(link);
  check(await checked(theirs) === want, `${where}: the link shows ${await checked(theirs)}`);
  check(await theirs.$$eval('#assess-chart svg circle', cs => cs.length) === 5,
    `${where}: the link's chart differs`);
  await other.close();
  // this browser remembers: the page without the link's state
  await page.goto(url, { waitUntil: 'load' });
  check(await checked(page) === want, `${where}: storage gave ${await checked(page)}`);
  if (via === 'file') {
    await page.screenshot({ path: `${shots}/assessment-chosen-1280.png`, fullPage: true });
    taken++;
    await page.emulateMedia({ media: 'print' });
    const pages = pdfPages(await page.pdf({ format: 'A4' }));
    check(pages === 1, `${where}: prints on ${pages} pages`);
    // on paper: the fields to fill in, no expanders or clear buttons
    const paper = await page.evaluate(() => ({
      fields: ['sheet-name', 'sheet-date', 'sheet-boss', 'sheet-comment']
        .filter(id => document.getElementById(id).offsetHeight > 0).length,
      texts: [...document.querySelectorAll('.assess-texts, .assess-clear')]
        .filter(e => e.offsetHeight > 0).length,
    }));
    check(paper.fields === 4 && paper.texts === 0,
      `${where}: on paper ${JSON.stringify(paper)}`);
    await page.emulateMedia({ media: 'screen' });
  }
  await checkAssessmentNew(page, where);
  // a press on the chosen level dragged away clears nothing later
  const four = 'input[name="current-fault-repair"][value="4"]';
  await page.check(four);
  const box = await page.locator(four).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 300, box.y + 200);
  await page.mouse.up();
  await page.click('input[name="current-fault-repair"][value="5"]');
  await page.keyboard.press('ArrowLeft');
  check(/current-fault-repair=4/.test(await checked(page)),
    `${where}: after a drag, ArrowLeft left ${await checked(page)}`);
  // a click on the chosen level clears it; reset clears all
  await page.click('input[name="target-technology"][value="4"]');
  check(!/target-technology/.test(await checked(page)), `${where}: a click did not clear`);
  const before = await checked(page);
  await page.click('#assess-reset');
  const cleared = await page.textContent('#assess-status');
  check(await checked(page) === '' && !/#s=./.test(page.url()) &&
    cleared === '選択を消去しました。「元に戻す」で戻せます。',
    `${where}: reset left ${await checked(page)} ${page.url()}, said ${cleared}`);
  // undo, by keyboard: the state, the link and storage are back
  await page.focus('#assess-undo');
  await page.keyboard.press('Enter');
  const stored = await page.evaluate(() =>
    localStorage.getItem(document.getElementById('assess-table').dataset.key));
  check(before !== '' && await checked(page) === before && /#s=./.test(page.url()) &&
    stored && page.url().endsWith('#s=' + stored) &&
    await page.isHidden('#assess-undo') &&
    await page.textContent('#assess-status') === '元に戻しました。',
    `${where}: undo gave ${await checked(page)} ${page.url()} ${stored}`);
  await page.click('#assess-reset');
  check(problems.length === 0, `${where}: ${problems.join('; ')}`);
  await ctx.close();
}

// The sheet's newer parts on page (a filled sheet): the choice below
// the lowest level, a row cleared by keyboard and by mouse, a link made
// before that choice existed, the level texts opened by keyboard, and
// the chart's text at least 12 px at 375 px.
async function checkAssessmentNew(page, where) {
  await page.check('input[name="current-technology"][value="0"]');
  const gapText = await page.$$eval('#assess-gap-list li', ls => ls.map(l => l.textContent));
  check(gapText[0] === 'テクノロジ：レベル３未満／該当なし → レベル４（２段階）' &&
    /technology\.0\.4/.test(page.url()),
    `${where}: below the lowest level: ${gapText[0]} ${page.url()}`);
  check(await page.$$eval('#assess-chart svg circle', cs => cs.length) === 6,
    `${where}: the choice below the lowest level is not in the chart`);
  // a row cleared by keyboard, its button then hidden, focus in the row
  await page.focus('tr[data-skill="technology"] .assess-clear');
  await page.keyboard.press('Enter');
  const focus = await page.evaluate(() => document.activeElement.name);
  check(!/technology/.test(await checked(page)) && !/technology/.test(page.url()) &&
    focus === 'current-technology' &&
    await page.isHidden('tr[data-skill="technology"] .assess-clear'),
    `${where}: row clear left ${await checked(page)}, focus on ${focus}`);
  // and by mouse
  await page.check('input[name="target-technology"][value="5"]');
  await page.click('tr[data-skill="technology"] .assess-clear');
  check(!/technology/.test(await checked(page)), `${where}: a click did not clear the row`);
  // the level texts: a summary opened by keyboard shows each defined level
  await page.focus('tr[data-skill="fault-repair"] summary');
  await page.keyboard.press('Enter');
  const texts = await page.$$eval('tr[data-skill="fault-repair"] details[open] dd',
    ds => ds.filter(d => d.offsetHeight > 0).length);
  const radios = await page.$$eval('input[name="current-fault-repair"]:not([value="0"])', is => is.length);
  check(texts === radios && texts > 0, `${where}: ${texts} level texts open, ${radios} levels`);
  await page.keyboard.press('Enter');
  // a link made before the choice below the lowest level existed
  const old = page.url().replace(/#.*$/, '') + '#s=fault-repair.3.5,leadership.-.6';
  const { ctx: other, page: theirs } = await open(old, { viewport: { width: 375, height: 800 } });
  check(await checked(theirs) === 'current-fault-repair=3 target-fault-repair=5 target-leadership=6',
    `${where}: an older link shows ${await checked(theirs)}`);
  // at 375 px, the chart's text renders at 12 px or more
  const sizes = await theirs.$$eval('#assess-chart svg text', ts => ts.map(t =>
    parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a));
  const wide = await theirs.evaluate(() => document.documentElement.scrollWidth);
  check(sizes.length > 0 && Math.min(...sizes) >= 12 && wide <= 375,
    `${where}: chart text at 375 px ${Math.min(...sizes)} px, page ${wide} px wide`);
  await other.close();
  await page.check('input[name="target-technology"][value="4"]');	// as before
}

// A link naming what the sheet lacks (a skill, a level the skill does
// not describe, a role: the plain sheet has none) via base: listed in the
// notice, in the link's order, the rest of the link applied; the same from
// storage; a sheet without such a link shows no notice.
async function checkAssessmentMissing(base, via) {
  const where = `assessment missing via ${via}`;
  const url = base + kinds.assessment;
  const { ctx, page, problems } = await open(url +
    '#s=fault-repair.3.7,no-such-skill.3.4,leadership.4.6&r=field-engineer-3y');
  const items = await page.$$eval('#assess-missing li', ls => ls.map(l => l.textContent));
  check(await page.isVisible('#assess-missing') &&
    /次の項目は現在のスキル標準にありません/.test(await page.textContent('#assess-missing')) &&
    JSON.stringify(items) === JSON.stringify(['障害修理：目標 レベル７',
      'no-such-skill：現在 レベル３、目標 レベル４', '役割：field-engineer-3y']),
    `${where}: notice ${JSON.stringify(items)}`);
  check(await checked(page) === 'current-fault-repair=3 current-leadership=4 target-leadership=6',
    `${where}: the rest of the link gave ${await checked(page)}`);
  // storage that names them: the notice again, from storage
  await page.evaluate(() => localStorage.setItem(
    document.getElementById('assess-table').dataset.key, 'technology.9.4,gone-skill.-.3'));
  await page.goto(url, { waitUntil: 'load' });
  const stored = await page.$$eval('#assess-missing li', ls => ls.map(l => l.textContent));
  check(JSON.stringify(stored) === JSON.stringify(['テクノロジ：現在 9', 'gone-skill：目標 レベル３']) &&
    await checked(page) === 'target-technology=4',
    `${where}: from storage ${JSON.stringify(stored)}, ${await checked(page)}`);
  await page.click('#assess-reset');
  await page.goto(url + '#s=technology.3.4', { waitUntil: 'load' });
  check(await page.isHidden('#assess-missing'), `${where}: a whole link shows the notice`);
  check(problems.length === 0, `${where}: ${problems.join('; ')}`);
  await ctx.close();
}

// Returns the number of pages of PDF data.
function pdfPages(pdf) {
  const m = /\/Type\s*\/Pages[^>]*\/Count (\d+)/.exec(pdf.toString('latin1'));
  return m ? Number(m[1]) : 0;
}

// The fullest sheet (the specialty with the most skills, every skill
// with a gap) still prints on one A4 page.
async function checkFullestSheet(base) {
  const { ctx, page } = await open(base + 'customer-service/facility-management/assessment.html');
  const ids = await page.$$eval('tr[data-skill]', rs => rs.map(r => r.dataset.skill));
  for (const id of ids) {
    const vals = await page.$$eval(`input[name="current-${id}"]`, is => is.map(i => i.value));
    await page.check(`input[name="current-${id}"][value="${vals[0]}"]`);
    await page.check(`input[name="target-${id}"][value="${vals[vals.length - 1]}"]`);
  }
  const gaps = await page.$$eval('#assess-gap-list li', ls => ls.length);
  await page.emulateMedia({ media: 'print' });
  const pages = pdfPages(await page.pdf({ format: 'A4' }));
  check(ids.length >= 12 && gaps === ids.length && pages === 1,
    `fullest sheet: ${ids.length} skills, ${gaps} gaps, ${pages} pages`);
  await ctx.close();
}

// Without JavaScript the sheet is a checklist: every choice, the notice,
// no tools.
async function checkAssessmentNoScript(base) {
  const state = await withoutScript(base + 'customer-service/hardware/assessment.html', () => ({
    radios: document.querySelectorAll('#assess-table input[type="radio"]').length,
    notice: document.getElementById('assess-nojs').offsetHeight > 0,
    tools: document.getElementById('assess-tools').offsetHeight > 0,
  }));
  check(state.radios > 40 && state.notice && !state.tools,
    `assessment without JavaScript: ${JSON.stringify(state)}`);
}

// Returns the knowledge index's state: the texts of the items shown, the
// groups and jump links shown, the status line, what has focus.
async function knowledgeState(page) {
  return page.evaluate(() => {
    const shown = el => !el.closest('[hidden]');
    return {
      items: [...document.querySelectorAll('li[data-key]')].filter(shown)
        .map(li => li.querySelector('.kx-text').textContent),
      keys: new Set([...document.querySelectorAll('li[data-key]')].filter(shown)
        .map(li => li.dataset.key)).size,
      groups: [...document.querySelectorAll('.kx-group')].filter(shown).length,
      jumps: [...document.querySelectorAll('li[data-group]')].filter(shown).length,
      counted: [...document.querySelectorAll('li[data-group]')].filter(shown)
        .reduce((sum, li) => sum + Number(li.querySelector('.kx-n').textContent), 0),
      status: document.getElementById('kx-status').innerText,
      focus: document.activeElement ? document.activeElement.id : null,
    };
  });
}

// The knowledge index via base: a jump link followed by the keyboard moves
// focus to its group; typing narrows the list (NFKC, ASCII case folded,
// as the search) and the status says how many; Escape and clearing
// restore it; without JavaScript the list is whole and the box says why.
async function checkKnowledge(base, via) {
  const where = `knowledge via ${via}`;
  const { ctx, page, problems } = await open(base + kinds.knowledge,
    { viewport: { width: 1280, height: 900 } });
  const all = await knowledgeState(page);
  check(all.items.length > 100 && all.groups === all.jumps && all.groups > 10 &&
    all.status === `${all.keys} 件の知識項目。`,
    `${where}: whole list ${all.items.length} items, ${all.groups} groups, ${all.jumps} jumps, status ${all.status}`);
  const jump = page.locator('.kx-jump a').nth(2);
  const target = (await jump.getAttribute('href')).slice(1);
  await jump.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(t => location.hash === '#' + t, target);
  const after = await knowledgeState(page);
  check(after.focus === target, `${where}: the jump to ${target} left focus on ${after.focus}`);
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => document.activeElement.closest('.kx-group')?.id);
  check(next === target, `${where}: Tab after the jump went outside ${target} (${next})`);
  // typing narrows: "it" finds ＩＴ and IT alike; "2way" finds ２Ｗａｙ
  await page.focus('#kx-input');
  await page.keyboard.type('it');
  let st = await knowledgeState(page);
  check(st.items.length >= 3 && st.items.length < all.items.length &&
    st.items.every(t => /it/.test(t.normalize('NFKC').toLowerCase())) &&
    st.items.includes('最新ＩＴ市場動向') &&
    st.status === `${st.keys} 件の知識項目（全 ${all.keys} 件中）。`,
    `${where}: "it" shows ${st.items.join(', ')}; status ${st.status}`);
  check(st.groups === st.jumps && st.groups < all.groups &&
    st.counted === st.items.length,
    `${where}: "it" leaves ${st.groups} groups, ${st.jumps} jump links counting ${st.counted}`);
  if (via === 'file') {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${shots}/knowledge-filtered-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: `${shots}/knowledge-filtered-375.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    taken += 2;
  }
  await page.fill('#kx-input', '');
  await page.keyboard.type('2way　コミュ');
  st = await knowledgeState(page);
  check(st.items.join() === '２Ｗａｙコミュニケーション',
    `${where}: "2way コミュ" shows ${st.items.join(', ')}`);
  await page.keyboard.type('xyz');
  st = await knowledgeState(page);
  check(st.items.length === 0 && st.groups === 0 && st.jumps === 0 &&
    /^0 件の知識項目（全 \d+ 件中）。一致する知識項目はありません。$/.test(st.status),
    `${where}: no match: ${st.items.length} items, status ${st.status}`);
  await page.keyboard.press('Escape');
  st = await knowledgeState(page);
  check(st.items.length === all.items.length && st.status === all.status &&
    await page.inputValue('#kx-input') === '',
    `${where}: Escape left ${st.items.length} items, status ${st.status}`);
  await page.keyboard.type('データベース');
  await page.fill('#kx-input', '');
  st = await knowledgeState(page);
  check(st.items.length === all.items.length && st.groups === all.groups &&
    st.counted === all.counted && st.status === all.status,
    `${where}: clearing left ${st.items.length} items, ${st.counted} counted`);
  check(problems.length === 0, `${where}: ${problems.join('; ')}`);
  await ctx.close();
}

// Without JavaScript the index is the whole list; the box is disabled
// and says it needs JavaScript.
async function checkKnowledgeNoScript(base) {
  const state = await withoutScript(base + kinds.knowledge, () => ({
    disabled: document.getElementById('kx-input').disabled,
    status: document.getElementById('kx-status').innerText,
    items: [...document.querySelectorAll('li[data-key]')].filter(li =>
      li.offsetHeight > 0).length,
  }));
  check(state.disabled && /JavaScript/.test(state.status) && state.items > 100,
    `knowledge without JavaScript: ${JSON.stringify(state)}`);
}

// A comparison page: side by side at 1280 px, every column in view; at 375 px each level a
// block with each specialty's text and name below it, no element wider
// than the screen; no mark is punctuation alone or cuts a katakana,
// kanji or ASCII word.
async function checkCompare(base, via) {
  const where = `compare via ${via}`;
  const { ctx, page, problems } = await open(base + kinds.compare,
    { viewport: { width: 1280, height: 900 } });
  const wide = await page.$eval('table.compare', t => ({
    display: getComputedStyle(t).display,
    head: getComputedStyle(t.tHead).display,
    fits: t.scrollWidth <= t.parentElement.clientWidth,
  }));
  check(wide.display === 'table' && wide.head !== 'none' && wide.fits,
    `${where}: at 1280 px the table is ${JSON.stringify(wide)}`);
  await page.setViewportSize({ width: 375, height: 800 });
  const narrow = await page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const over = [...document.querySelectorAll('main *')].filter(e =>
      e.getBoundingClientRect().right > vw + 0.5).map(e => e.tagName + '.' + e.className);
    const names = [...document.querySelectorAll('.compare .cell-specialty')]
      .filter(p => p.offsetHeight > 0).length;
    return { over, names, cells: document.querySelectorAll('.compare td').length,
      scroll: document.documentElement.scrollWidth - vw };
  });
  check(narrow.over.length === 0 && narrow.scroll <= 0,
    `${where}: wider than 375 px: ${narrow.over.slice(0, 5).join(', ')}; scrolls ${narrow.scroll}px`);
  check(narrow.cells > 0 && narrow.names === narrow.cells,
    `${where}: at 375 px ${narrow.names} of ${narrow.cells} cells name their specialty`);
  const cuts = await page.evaluate(() => {
    const kind = c => /[\u30A1-\u30FA\u30FC-\u30FF]/.test(c) ? 'k' :
      /[\u4E00-\u9FFF\u3400-\u4DBF\u3005]/.test(c) ? 'h' : /[0-9A-Za-z]/.test(c) ? 'a' : '';
    const bad = [];
    for (const m of document.querySelectorAll('.compare mark')) {
      const t = m.textContent;	// the words beside it: text, a mark, a <br>
      const before = m.previousSibling?.textContent.slice(-1) ?? '';
      const after = m.nextSibling?.textContent.slice(0, 1) ?? '';
      if (/^[\p{P}\s]+$/u.test(t) ||
          (kind(before) && kind(before) === kind(t[0])) ||
          (kind(after) && kind(after) === kind(t.slice(-1))))
        bad.push(before + '[' + t + ']' + after);
    }
    return { bad, marks: document.querySelectorAll('.compare mark').length };
  });
  check(cuts.marks > 0 && cuts.bad.length === 0,
    `${where}: ${cuts.marks} marks, cutting words or punctuation alone: ${cuts.bad.slice(0, 5).join(' ')}`);
  if (via === 'file') {
    await page.screenshot({ path: `${shots}/compare-375.png`, fullPage: true });
    taken++;
  }
  check(problems.length === 0, `${where}: ${problems.join('; ')}`);
  await ctx.close();
}

// Returns the number written in s with the site's full-width digits.
function fullNumber(s) {
  return Number(s.replace(/[０-９]/g, c => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

// Search that helps choose, via base: 保守's results grouped by skill (no
// skill heading twice), each hit titled by what matched; the specialty
// filter, reached by Tab and set with an arrow, narrows and says so;
// show more, by Enter, reaches the last hit; arrows and Esc as before;
// at 375 px no sideways scroll and no name split inside a word.
async function checkSearchChoose(base, via) {
  const { ctx, page, problems } = await open(base + 'index.html',
    { viewport: { width: 1280, height: 900 } });
  const where = `search 保守 via ${via}`;
  const skills = await typeQuery(page, '保守');
  check(skills.length >= 3 && new Set(skills).size === skills.length,
    `${where}: skill headings ${skills.join(', ')}`);
  const titles = await page.$$eval('#search-results .search-link', as => as.map(a => a.textContent));
  for (const t of ['スキル項目名', 'レベル４の説明', '保守品質管理'])
    check(titles.includes(t), `${where}: no hit titled ${t}`);
  check(!titles.some(t => skills.includes(t)), `${where}: a hit titled by its skill`);
  let status = await page.textContent('#search-status');
  check(/^「保守」を含む項目 [０-９]+ 件（スキル項目 [０-９]+）。/.test(status) &&
    /のうち [０-９]+ 件を表示しています/.test(status) && !/完全一致|[0-9]/.test(status),
    `${where}: status ${status}`);
  const total = fullNumber(status.match(/項目 ([０-９]+) 件/)[1]);
  check(total > 50, `${where}: ${total} found`);
  if (via === 'file') {
    await page.screenshot({ path: `${shots}/search-choose-1280.png` });
    taken++;
  }
  // arrows: ↓ to the first hit, ↓ to the next, ↑ back, Esc to the box
  await page.focus('#search-input');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  const first = await page.evaluate(() => document.activeElement ===
    document.querySelector('#search-results a.search-link'));
  check(first, `${where}: ↓ ↓ ↑ is not on the first hit`);
  await page.keyboard.press('Escape');
  check(await page.evaluate(() => document.activeElement.id) === 'search-input',
    `${where}: Esc did not go back to the box`);
  // the filter: Tab from the box, ↓ chooses the first specialty
  await page.keyboard.press('Tab');
  const onFilter = await page.evaluate(() => document.activeElement.id);
  check(onFilter === 'search-filter', `${where}: Tab from the box reached #${onFilter}`);
  const label = await page.$eval('#search-filter', s => s.labels[0] && s.labels[0].textContent);
  check(label === '専門分野で絞り込む', `${where}: the filter is labelled ${label}`);
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => /絞り込んでいます/.test(
    document.getElementById('search-status').textContent), null, { timeout: 5000 }).catch(() => {});
  const chosen = await page.$eval('#search-filter', s => s.value);
  status = await page.textContent('#search-status');
  check(chosen !== '' && status.includes(`${chosen}の項目`), `${where}: filtered to ${chosen}: ${status}`);
  const specs = await page.$$eval('#search-results .search-group > .search-specs',
    uls => uls.map(u => u.textContent));
  check(specs.length > 0 && specs.every(t => t === chosen),
    `${where}: filtered groups name ${[...new Set(specs)].join(', ')}`);
  const kept = fullNumber(status.match(/の項目 ([０-９]+) 件/)[1]);
  check(kept < total, `${where}: the filter kept ${kept} of ${total}`);
  if (via === 'file') {
    await page.screenshot({ path: `${shots}/search-filter-1280.png` });
    taken++;
  }
  // back to all by keyboard, then show more by Enter until the last hit
  const kept_focus = await page.evaluate(() => document.activeElement.id);
  check(kept_focus === 'search-filter', `${where}: after filtering, focus is on #${kept_focus}`);
  await page.keyboard.press('ArrowUp');
  await page.waitForFunction(() => !/絞り込んでいます/.test(
    document.getElementById('search-status').textContent), null, { timeout: 5000 }).catch(() => {});
  let presses = 0;
  while (await page.$('#search-results .search-more') && presses < 20) {
    const before = await page.$$eval('#search-results .search-link', as => as.length);
    await page.focus('#search-results .search-more');
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll(
      '#search-results .search-link').length > n, before, { timeout: 5000 }).catch(() => {});
    const focus = await page.evaluate((n) => [...document.querySelectorAll(
      '#search-results .search-link')].indexOf(document.activeElement) === n, before);
    check(focus, `${where}: after show more, focus is not on the first new hit`);
    presses++;
  }
  const hits = await page.$$eval('#search-results .search-result', ls => ls.length);
  status = await page.textContent('#search-status');
  check(presses > 0 && hits === total && !/表示しています/.test(status),
    `${where}: show more ×${presses} lists ${hits} of ${total}: ${status}`);
  const heads = await page.$$eval('#search-results .search-group-link', as => as.map(a => a.textContent));
  check(new Set(heads).size === heads.length, `${where}: a skill heading repeated after show more`);
  if (via === 'file') {
    await page.screenshot({ path: `${shots}/search-more-1280.png` });
    taken++;
  }
  // 375 px: no sideways scroll, names whole in the results
  await page.setViewportSize({ width: 375, height: 667 });
  const wide = await page.evaluate(() =>
    document.documentElement.scrollWidth - document.documentElement.clientWidth);
  check(wide <= 0, `${where}: scrolls ${wide}px sideways at 375 px`);
  const holders = '#search-results *, #search-status';
  const split = await page.evaluate(splitNames, [names, holders]);
  check(split.length === 0, `${where}: names wrap inside at 375 px: ${split.join(', ')}`);
  await page.selectOption('#search-filter', { index: 1 });	// named in the status
  const specialties = [...names, 'ハードウェア', 'ソフトウェア', 'ファシリティマネジメント'];
  const splitFiltered = await page.evaluate(splitNames, [specialties, holders]);
  check(splitFiltered.length === 0,
    `${where}: names wrap inside at 375 px, filtered: ${splitFiltered.join(', ')}`);
  const tight = await page.$$eval('#search-results .search-specs li, #search-results .search-meta',
    es => es.filter(e => e.getClientRects().length > 1 ||
      e.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(e).lineHeight)).map(e => e.textContent));
  check(tight.length === 0, `${where}: specialty names broken at 375 px: ${tight.join(', ')}`);
  if (via === 'file') {
    await page.evaluate(() => document.getElementById('search-results').scrollTo(0, 0));
    await page.screenshot({ path: `${shots}/search-more-375.png` });
    await page.screenshot({ path: `${shots}/search-filter-375.png` });
    taken += 2;
  }
  check(problems.length === 0, `${where}: ${problems.join('; ')}`);
  await ctx.close();
}

// Level changes of skill pages: at 1280 px each change has its before
// and after side by side, nothing on the page is struck through, and a
// mark spans two lines only when one line cannot hold it; at 375 px
// nothing is wider than the screen and each change's before and after
// show the names of their levels.
const changePages = [kinds.skill,
  'customer-service/hardware/skills/system-maintenance.html',
  'customer-service/facility-management/skills/facility-design.html'];
async function checkChanges(base, via) {
  for (const path of changePages) {
    const where = `changes of ${path} via ${via}`;
    const { ctx, page, problems } = await open(base + path,
      { viewport: { width: 1280, height: 900 } });
    const wide = await page.evaluate(() => {
      const rows = [...document.querySelectorAll('.rows tr.changed')];
      const beside = rows.filter(r => {
        const b = r.cells[0].getBoundingClientRect(), a = r.cells[1].getBoundingClientRect();
        return Math.abs(a.top - b.top) < 1 && a.left >= b.right - 1 && b.width > 200;
      }).length;
      const struck = [];
      for (const e of document.querySelectorAll('body *'))
        for (const pseudo of [null, '::before', '::after'])
          if (getComputedStyle(e, pseudo).textDecorationLine.includes('line-through'))
            struck.push(e.tagName + (pseudo ?? '') + ' ' + e.textContent.slice(0, 12));
      const needless = [];
      for (const m of document.querySelectorAll('.changes :is(del, ins)')) {
        const range = document.createRange();
        range.selectNodeContents(m);
        const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (tops.size < 2)
          continue;
        const cell = m.closest('td, p'), cs = getComputedStyle(cell);
        const room = cell.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
        const probe = m.cloneNode(true);
        probe.style.whiteSpace = 'nowrap';
        probe.style.display = 'inline-block';
        probe.style.maxWidth = 'none';
        cell.append(probe);
        const natural = probe.getBoundingClientRect().width;
        probe.remove();
        if (natural <= room)
          needless.push(m.textContent);
      }
      return { rows: rows.length, beside, struck, needless };
    });
    check(wide.rows > 0 && wide.beside === wide.rows,
      `${where}: at 1280 px ${wide.beside} of ${wide.rows} changes side by side`);
    check(wide.struck.length === 0,
      `${where}: struck through: ${wide.struck.slice(0, 5).join(', ')}`);
    check(wide.needless.length === 0,
      `${where}: marks wrapped though a line holds them: ${wide.needless.slice(0, 5).join(' / ')}`);
    await page.setViewportSize({ width: 375, height: 800 });
    const narrow = await page.evaluate(() => {
      const vw = document.documentElement.clientWidth;
      const over = [...document.querySelectorAll('body *')].filter(e =>
        e.getBoundingClientRect().right > vw + 0.5).map(e => e.tagName + '.' + e.className);
      const unnamed = [];
      for (const step of document.querySelectorAll('.change')) {
        const [low, high] = [...step.querySelectorAll('h3 a')].map(a => a.textContent);
        for (const r of step.querySelectorAll('tr.changed')) {
          const names = [...r.cells].map(td => td.querySelector('.side'));
          const seen = names.map(n => n && n.offsetHeight > 0 &&
            n.getBoundingClientRect().bottom <= n.parentElement.getBoundingClientRect().bottom ?
            n.textContent : null);
          const [b, a] = [...r.cells].map(td => td.getBoundingClientRect());
          if (seen[0] !== low || seen[1] !== high || !(a.top >= b.bottom - 1))
            unnamed.push(`${low}→${high}: ${seen.join('/')}`);
        }
      }
      return { over, unnamed, scroll: document.documentElement.scrollWidth - vw };
    });
    check(narrow.over.length === 0 && narrow.scroll <= 0,
      `${where}: wider than 375 px: ${narrow.over.slice(0, 5).join(', ')}; scrolls ${narrow.scroll}px`);
    check(narrow.unnamed.length === 0,
      `${where}: at 375 px a change's before above its after, named by their levels: ${narrow.unnamed.slice(0, 3).join('; ')}`);
    if (via === 'file' && path === changePages[1]) {
      await page.screenshot({ path: `${shots}/changes-375.png`, fullPage: true });
      taken++;
    }
    check(problems.length === 0, `${where}: ${problems.join('; ')}`);
    await ctx.close();
  }
}

// The skill x level matrix of the specialty page via base: at 1280 px a
// table whose defined cells show words that differ (no text in every
// cell), each cell's whole text shown on hover and on keyboard focus, its
// link to the level's anchor on the skill page (which holds those words);
// at 375 px nothing wider than the screen and each cell's level shown.
async function checkMatrix(base, via) {
  const where = `matrix via ${via}`;
  const { ctx, page, problems } = await open(base + kinds.specialty,
    { viewport: { width: 1280, height: 900 } });
  const wide = await page.$eval('table.matrix', t => {
    const words = [...t.querySelectorAll('td a.defined .words')].map(w => w.textContent);
    return { display: getComputedStyle(t).display, cells: words.length,
      distinct: new Set(words).size, empty: words.filter(w => w === '').length,
      fits: t.getBoundingClientRect().right <= document.documentElement.clientWidth };
  });
  check(wide.display === 'table' && wide.fits && wide.cells >= 20 &&
    wide.distinct >= wide.cells / 3 && wide.empty === 0,
    `${where}: at 1280 px ${JSON.stringify(wide)}`);
  const cell = 'table.matrix tbody tr:nth-child(9) td:nth-child(3)';	// fault repair, level 4
  const shown = async () => page.$eval(cell, td => {
    const f = td.querySelector('.full'), r = f?.getBoundingClientRect();
    return f && r.height > 20 && getComputedStyle(f).display !== 'none' ? f.textContent : '';
  });
  check(await shown() === '', `${where}: the whole text shows before any hover`);
  await page.hover(cell);
  const hovered = await shown();
  check(hovered.startsWith('広域地域、特定業界') && hovered.length > 60,
    `${where}: hovering shows "${hovered}"`);
  await page.mouse.move(0, 0);
  await page.focus(`${cell} a`);
  const focused = await shown();
  check(focused === hovered, `${where}: focusing shows "${focused}"`);
  const link = await page.$eval(`${cell} a`, a => ({ href: a.getAttribute('href'),
    words: [...a.querySelectorAll('.word')].map(w => w.textContent.replace(/^／/, '')) }));
  check(link.href === 'hardware/skills/fault-repair.html#level-4',
    `${where}: the cell links to ${link.href}`);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  const target = await page.evaluate(() => {
    const t = document.getElementById(location.hash.slice(1));
    return t ? t.textContent : '';
  });
  check(link.words.length > 0 && link.words.every(w => w.split('…').every(p => target.includes(p))),
    `${where}: the level's section holds none of ${link.words.join(' / ')}`);
  await page.goto(base + kinds.specialty, { waitUntil: 'load' });
  await page.setViewportSize({ width: 375, height: 800 });
  const narrow = await page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const over = [...document.querySelectorAll('main *')].filter(e =>
      e.getBoundingClientRect().right > vw + 0.5).map(e => e.tagName + '.' + e.className);
    const levels = [...document.querySelectorAll('.matrix td .cell-level')];
    return { over, cells: document.querySelectorAll('.matrix td').length,
      named: levels.filter(l => l.getBoundingClientRect().width > 20 &&
        l.getBoundingClientRect().height > 10).length,
      scroll: document.documentElement.scrollWidth - vw };
  });
  check(narrow.over.length === 0 && narrow.scroll <= 0,
    `${where}: wider than 375 px: ${narrow.over.slice(0, 5).join(', ')}; scrolls ${narrow.scroll}px`);
  check(narrow.cells > 0 && narrow.named === narrow.cells,
    `${where}: at 375 px ${narrow.named} of ${narrow.cells} cells show their level`);
  if (via === 'file') {
    await page.screenshot({ path: `${shots}/matrix-375.png`, fullPage: true });
    taken++;
  }
  check(problems.length === 0, `${where}: ${problems.join('; ')}`);
  await ctx.close();
}

// Level pages via base (software 4; facility management 5, whose texts
// run to two paragraphs): each opens with the opening most of its texts
// share, and no entry repeats it: those that start with it show the rest
// after a marker (their paragraphs kept), each still linking to its level.
async function checkLevelOpening(base, via) {
  const pages = [[kinds.level, 'ソフトウェアサービスチームリーダ'],
    ['customer-service/facility-management/levels/5.html', 'ファシリティマネジメント責任者']];
  for (const [path, end] of pages) {
    const where = `level opening of ${path} via ${via}`;
    const { ctx, page, problems } = await open(base + path,
      { viewport: { width: 1280, height: 900 } });
    const got = await page.evaluate(() => {
      const opening = document.querySelector('.level-opening .opening-text')?.textContent ?? '';
      const entries = [...document.querySelectorAll('.entry')];
      return { opening, entries: entries.length,
        shared: entries.filter(e => e.querySelector('.shared-mark')).length,
        paragraphs: Math.max(0, ...entries.filter(e => e.querySelector('.shared-mark'))
          .map(e => e.querySelectorAll('.prose p').length)),
        whole: entries.filter(e => e.querySelector('.prose').textContent.startsWith(opening || '\0')).length,
        linked: entries.filter(e => /#level-\d+$/.test(e.querySelector('h2 a').getAttribute('href'))).length };
    });
    check(got.opening.endsWith(end) && got.shared >= got.entries / 2 && got.whole === 0 &&
      got.linked === got.entries && (path === kinds.level || got.paragraphs === 2),
      `${where}: ${JSON.stringify(got)}`);
    check(problems.length === 0, `${where}: ${problems.join('; ')}`);
    await ctx.close();
  }
}

async function checkMap(base, via) {
  const where = `map via ${via}`;
  const { ctx, page, problems } = await open(base + kinds.map,
    { viewport: { width: 1280, height: 900 } });
  const wide = await page.$eval('table.skill-map', t => ({
    display: getComputedStyle(t).display,
    rows: t.querySelectorAll('tbody tr:not(.map-group)').length,
    groups: t.querySelectorAll('tr.map-group').length,
    heads: t.querySelectorAll('thead th').length,
    words: t.querySelectorAll('td .word').length,
    fits: t.getBoundingClientRect().right <= document.documentElement.clientWidth }));
  check(wide.display === 'table' && wide.rows === 12 && wide.groups === 2 &&
    wide.heads === 5 && wide.words >= 48 && wide.fits,
    `${where}: at 1280 px ${JSON.stringify(wide)}`);
  await page.setViewportSize({ width: 375, height: 800 });
  const narrow = await page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const over = [...document.querySelectorAll('main *')].filter(e =>
      e.getBoundingClientRect().right > vw + 0.5).map(e => e.tagName + '.' + e.className);
    const levels = [...document.querySelectorAll('.skill-map td .map-level')];
    return { over, display: getComputedStyle(document.querySelector('.skill-map')).display,
      named: levels.length > 0 && levels.every(l => l.getBoundingClientRect().width > 0) };
  });
  check(narrow.over.length === 0 && narrow.display === 'block' && narrow.named,
    `${where}: at 375 px ${JSON.stringify(narrow)}`);
  check(problems.length === 0, `${where}: ${problems.join('; ')}`);
  await ctx.close();
}

// Printed (print media, A4's width), every comparison table, on the
// comparison page and in the job type's handbook, lies within the page,
// each row head beside its row's cells, none drawn over another.
async function checkComparePrint(base) {
  for (const path of [kinds.compare, kinds.jobtypeHandbook]) {
    const where = `${path} printed`;
    const { ctx, page, problems } = await open(base + path,
      { viewport: { width: 794, height: 1123 } });
    await page.emulateMedia({ media: 'print' });
    const bad = await page.evaluate(() => {
      const out = [], vw = document.documentElement.clientWidth;
      const tables = document.querySelectorAll('table.compare');
      for (const t of tables) {
        const tr = t.getBoundingClientRect();
        if (tr.left < -0.5 || tr.right > vw + 0.5)
          out.push(`table at ${Math.round(tr.left)}..${Math.round(tr.right)} of ${vw}`);
        for (const row of t.tBodies[0].rows) {
          const head = row.cells[0].getBoundingClientRect();
          const next = row.cells[1]?.getBoundingClientRect();
          if (next && head.right > next.left + 0.5)
            out.push(`${row.cells[0].textContent} over its first cell`);
        }
      }
      return { n: tables.length, out };
    });
    check(bad.n > 0 && bad.out.length === 0,
      `${where}: ${bad.n} tables; ${bad.out.slice(0, 4).join('; ')}`);
    check(problems.length === 0, `${where}: ${problems.join('; ')}`);
    await ctx.close();
  }
}

// The targets each role of the tailored sheet on page sets, from its
// table: { skill: level or '' }.
async function roleTargets(page, role) {
  return page.$$eval(`#assess-role-table td[data-role="${role}"]`, tds =>
    Object.fromEntries(tds.map(td => [td.parentNode.dataset.forSkill, td.dataset.level])));
}

// The targets checked on page: { skill: level or '' }.
async function targets(page) {
  return page.$$eval('#assess-table tr[data-skill]', rs => Object.fromEntries(rs.map(r => {
    const c = r.querySelector('input[name^="target-"]:checked');
    return [r.dataset.skill, c ? c.value : ''];
  })));
}

// The tailored hardware sheet at base: choosing a role sets the
// targets (every skill, none where the role sets none) and can be
// undone; single targets still change; the link and storage keep the
// role; the gaps name it and list, per level up to the target, the
// learning resources (linked when they have an address) in a box with
// the company's mark; renamed and company skills show as elsewhere.
async function checkRoles(base) {
  const where = 'tailored assessment';
  const url = base + kinds.assessment;
  const { ctx, page, problems } = await open(url, { viewport: { width: 1280, height: 900 } });
  const options = await page.$$eval('#assess-role option', os => os.map(o => o.value));
  check(JSON.stringify(options) === JSON.stringify(['', 'field-engineer-3y',
    'field-service-leader', 'remote-monitoring-engineer']) && await page.isVisible('#assess-role'),
    `${where}: roles offered ${options}`);
  const names = await page.evaluate(() => ({
    renamed: document.querySelector('tr[data-skill="fault-repair"] th').textContent,
    company: document.querySelector('tr[data-skill="minato-remote-monitoring"] th .company-mark')?.textContent,
  }));
  check(/^オンサイト障害対応（標準：障害修理）/.test(names.renamed) && names.company === '社内',
    `${where}: skill names ${JSON.stringify(names)}`);
  await page.check('input[name="current-fault-repair"][value="3"]');
  await page.check('input[name="target-technology"][value="6"]');
  const before = await checked(page);
  await page.selectOption('#assess-role', 'field-service-leader');
  const want = await roleTargets(page, 'field-service-leader');
  const got = await targets(page);
  check(Object.keys(want).length === 13 && JSON.stringify(got) === JSON.stringify(want) &&
    want['fault-repair'] === '5' && /[#&]r=field-service-leader/.test(page.url()) &&
    /current-fault-repair=3/.test(await checked(page)),
    `${where}: the role set ${JSON.stringify(got)}, want ${JSON.stringify(want)}, ${page.url()}`);
  check(/役割の目標のレベルを設定しました/.test(await page.textContent('#assess-status')) &&
    await page.isVisible('#assess-undo'), `${where}: status ${await page.textContent('#assess-status')}`);
  // undo brings back the targets before the role, and no role
  await page.click('#assess-undo');
  check(await checked(page) === before && await page.inputValue('#assess-role') === '' &&
    !/[#&]r=/.test(page.url()), `${where}: undo gave ${await checked(page)} ${page.url()}`);
  // a role without a target for a skill clears it
  await page.selectOption('#assess-role', 'remote-monitoring-engineer');
  const rm = await targets(page);
  check(rm['leadership'] === '' && rm['project-management'] === '' && rm['minato-remote-monitoring'] === '4',
    `${where}: remote monitoring set ${JSON.stringify(rm)}`);
  await page.selectOption('#assess-role', 'field-service-leader');
  // a single target changed: the gap says the role's
  await page.check('input[name="target-technology"][value="5"]');
  await page.check('input[name="current-hardware-installation"][value="3"]');
  const gaps = await page.evaluate(() => ({
    role: document.getElementById('assess-gap-role').textContent,
    items: [...document.querySelectorAll('#assess-gap-list > li')].map(li => ({
      head: li.querySelector('.assess-gap-head').textContent,
      steps: [...li.querySelectorAll('.assess-step')].map(s => ({
        level: s.querySelector('.assess-step-level').textContent,
        res: [...s.querySelectorAll('.assess-resources li')].map(r => r.textContent),
        links: [...s.querySelectorAll('.assess-resources a')].map(a => a.className + ' ' + a.getAttribute('href')),
        meaning: !!s.querySelector('details .prose'),
      })),
      mark: li.querySelector('.assess-learn .company-mark')?.textContent ?? null,
      none: li.querySelector('.assess-learn-none')?.textContent ?? null,
    })),
  }));
  const item = start => gaps.items.find(i => i.head.startsWith(start)) || { steps: [] };
  const fr = item('オンサイト障害対応'), hi = item('ハードウェア導入'), tech = item('テクノロジ');
  check(gaps.role === '選んだ役割：フィールドサービス チームリーダ', `${where}: gaps name ${gaps.role}`);
  check(/（標準：障害修理）：レベル３ → レベル５（２段階）$/.test(fr.head) && fr.mark === '社内' &&
    JSON.stringify(fr.steps.map(s => s.level)) === JSON.stringify(['レベル４', 'レベル５']) &&
    /社内認定 みなとサービスエンジニア（MSE）2級/.test(fr.steps[0]?.res[0]) &&
    /資格試験/.test(fr.steps[0]?.res[0]) && fr.steps[0]?.meaning && fr.steps[1]?.res.length === 0 &&
    fr.steps[1]?.meaning, `${where}: the fault-repair gap ${JSON.stringify(fr)}`);
  check(hi.steps.length === 1 && hi.steps[0].level === 'レベル４' &&
    /サーバ・ストレージ導入実習（メーカー認定トレーニング）（14時間）/.test(hi.steps[0].res[0]) &&
    hi.steps[0].links[0] === 'external https://training.example.com/server-storage-install',
    `${where}: the hardware-installation gap ${JSON.stringify(hi)}`);
  check(/役割の目標：レベル４$/.test(tech.head) && tech.none === null,
    `${where}: a target off the role's ${JSON.stringify(tech)}`);
  const sm = item('システム保守管理');
  check(sm.steps.length === 0 && sm.none === 'この範囲のレベルに、社内の学習リソースはありません。',
    `${where}: a gap with no resources ${JSON.stringify(sm)}`);
  // storage keeps the role: the page without the link
  const link = page.url();
  await page.goto(url, { waitUntil: 'load' });
  check(page.url() === link && await page.inputValue('#assess-role') === 'field-service-leader' &&
    (await targets(page))['technology'] === '5',
    `${where}: storage gave ${page.url()} ${await page.inputValue('#assess-role')}`);
  // on paper: the role named, its targets table and the select gone, the
  // resources there, with their addresses; two A4 pages at most
  await page.screenshot({ path: `${shots}/assessment-tailored-1280.png`, fullPage: true });
  taken++;
  await page.emulateMedia({ media: 'print' });
  const paper = await page.evaluate(() => ({
    role: document.getElementById('assess-role-chosen').offsetHeight > 0 &&
      document.getElementById('assess-role-chosen').textContent,
    table: document.getElementById('assess-role-targets').offsetHeight,
    pick: document.getElementById('assess-role-pick').offsetHeight,
    resources: [...document.querySelectorAll('#assess-gap-list .assess-resources li')]
      .filter(l => l.offsetHeight > 0).length,
    address: getComputedStyle(document.querySelector('#assess-gap-list a.external'), '::after').content,
    fields: ['sheet-name', 'sheet-date', 'sheet-boss', 'sheet-comment']
      .filter(id => document.getElementById(id).offsetHeight > 0).length,
    cut: [...document.querySelectorAll('#assess-chart text.name')]
      .filter(t => t.getBBox().x < -0.5).map(t => t.textContent),
  }));
  const pages = pdfPages(await page.pdf({ format: 'A4' }));
  check(paper.role === '役割：フィールドサービス チームリーダ' && paper.table === 0 &&
    paper.pick === 0 && paper.resources >= 5 && /attr\(href\)|https:/.test(paper.address) &&
    paper.fields === 4 && paper.cut.length === 0 && pages >= 1 && pages <= 2,
    `${where}: on paper ${JSON.stringify(paper)}, ${pages} pages`);
  await page.emulateMedia({ media: 'screen' });
  check(problems.length === 0, `${where}: ${problems.join('; ')}`);
  await ctx.close();
}

// The tailored sheets at base: a link naming a skill the tailoring hid
// (named as the standard names it), a level it hid, an unknown role;
// without JavaScript the roles' targets are a table; at 375 px, with a
// role, gaps and level texts open, nothing wider than the screen; axe.
async function checkRolesMore(base) {
  const where = 'tailored assessment';
  const fm = base + 'customer-service/facility-management/assessment.html';
  const { ctx, page, problems } = await open(fm +
    '#s=facility-marketing.3.4,negotiation.3.6,communication.3.4&r=no-such-role');
  const items = await page.$$eval('#assess-missing li', ls => ls.map(l => l.textContent));
  check(JSON.stringify(items) === JSON.stringify(['ファシリティ・マーケティング：現在 レベル３、目標 レベル４',
    'ネゴシエーション：目標 レベル６', '役割：no-such-role']) &&
    await page.inputValue('#assess-role') === '' &&
    await checked(page) === 'current-communication=3 current-negotiation=3 target-communication=4',
    `${where}: notice ${JSON.stringify(items)}, ${await checked(page)}`);
  check(problems.length === 0, `${where}: ${problems.join('; ')}`);
  await ctx.close();
  const nojs = await withoutScript(base + kinds.assessment, () => ({
    heads: [...document.querySelectorAll('#assess-role-table thead th[data-role]')].map(t => t.textContent),
    fault: [...document.querySelectorAll('#assess-role-table tr[data-for-skill="fault-repair"] td')].map(t => t.textContent),
    shown: document.getElementById('assess-role-table').offsetHeight > 0,
    pick: document.getElementById('assess-role-pick').offsetHeight,
  }));
  check(nojs.shown && nojs.pick === 0 && nojs.heads.length === 3 &&
    JSON.stringify(nojs.fault) === JSON.stringify(['レベル３', 'レベル５', 'レベル３']),
    `${where} without JavaScript: ${JSON.stringify(nojs)}`);
  // a phone: a role, gaps, a skill's level texts open
  const narrow = await open(base + kinds.assessment + '#s=fault-repair.3.-,hardware-installation.0.-',
    { viewport: { width: 375, height: 800 } });
  await narrow.page.selectOption('#assess-role', 'field-service-leader');
  await narrow.page.click('tr[data-skill="fault-repair"] summary');
  await narrow.page.click('#assess-gap-list li:has(.assess-step-meaning) summary');
  const wide = await narrow.page.evaluate(() => document.documentElement.scrollWidth);
  check(wide <= 375, `${where}: ${wide} px wide at 375 px`);
  await narrow.page.screenshot({ path: `${shots}/assessment-tailored-375.png`, fullPage: true });
  taken++;
  await narrow.ctx.close();
  // axe, a role chosen, gaps listed, texts open
  const actx = await browser.newContext({ bypassCSP: true });
  const apage = await actx.newPage();
  await apage.goto(base + kinds.assessment + '#s=fault-repair.3.-,leadership.3.-', { waitUntil: 'load' });
  await apage.selectOption('#assess-role', 'field-engineer-3y');
  await apage.selectOption('#assess-role', 'field-service-leader');
  await apage.click('tr[data-skill="fault-repair"] summary');
  await apage.click('#assess-role-targets summary');
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

for (const [via, base] of Object.entries(bases)) {
  await checkSearch(base, via);
  await checkSearchChoose(base, via);
  await checkAssessment(base, via);
  await checkAssessmentMissing(base, via);
  await checkKnowledge(base, via);
  await checkStart(base, via);
  await checkCompare(base, via);
  await checkChanges(base, via);
  await checkMatrix(base, via);
  await checkLevelOpening(base, via);
  await checkMap(base, via);
}
await checkNoScript(bases.file);
await checkAssessmentNoScript(bases.file);
await checkKnowledgeNoScript(bases.file);
await checkFullestSheet(bases.file);
await checkComparePrint(bases.file);
if (tailoredDir) {
  const tailored = pathToFileURL(tailoredDir + '/').href;
  await checkRoles(tailored);
  await checkRolesMore(tailored);
  await checkTailoredData(tailored, tailoredDir);
}

for (const [via, base] of Object.entries(bases)) {
  for (const [kind, path] of Object.entries(kinds)) {
    const url = base + path, where = `${kind} via ${via}`;
    const { ctx, page, problems } = await open(url,
      { viewport: { width: 1280, height: 900 } });
    check(problems.length === 0, `${where}: ${problems.join('; ')}`);
    await checkStructuredData(page, where);
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
    await checkChrome(url, where);
    if (via !== 'file')
      continue;
    // axe-core, in a context that lets its script in despite the page's CSP
    const actx = await browser.newContext({ bypassCSP: true });
    const apage = await actx.newPage();
    await apage.goto(url, { waitUntil: 'load' });
    if (kind === 'home')	// with the search's results listed
      await typeQuery(apage, 'リモートメンテナンス');
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
