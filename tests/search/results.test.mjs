// results.test.mjs: how search.js lists the seed's results (built into
// $SKILLSITE_SITE): grouped by skill, no skill twice, each hit titled by
// what matched, the filter by specialty, every hit reachable page by
// page, and a status in the words of labels.xml (search/index.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { engineFor, search } from './load.mjs';

const site = process.env.SKILLSITE_SITE;
const engine = engineFor(site);
const index = await engine.file('index');
search.setWords(index.words);
const labels = index.words.labels;

test('保守: grouped by skill, each skill once, groups where their best hit ranks', async () => {
	const res = await engine.search('保守');
	const groups = search.groupResults(res.results, null);
	const skills = groups.map((g) => g.skill);

	assert.equal(res.total, res.results.length);
	assert.ok(res.results.length > 50);	// more than the old cap
	assert.equal(new Set(skills).size, skills.length);
	assert.equal(groups.reduce((n, g) => n + g.hits.length, 0),
	    res.results.length);
	// a group's rank is its best hit's
	const firstAt = (g) => res.results.findIndex((r) => r.doc.group === g.group);
	for (let i = 1; i < groups.length; i++)
		assert.ok(firstAt(groups[i - 1]) < firstAt(groups[i]));
	for (const g of groups) {
		assert.ok(g.hits.every((h) => h.doc.skill === g.skill));
		assert.ok(g.refs.length > 0);
		assert.ok(g.refs.every((r) => !r.href.includes('#')), 'the skill page');
	}
	assert.equal(groups[0].skill, 'システム保守管理');
});

test('each hit is titled by what matched: the name, the item, the level', async () => {
	const res = await engine.search('保守');
	const titles = res.results.map((r) => [r.doc.kind, search.hitTitle(r.doc), r.doc]);

	for (const [kind, title, d] of titles) {
		if (kind === 0)
			assert.equal(title, labels['search-name']);
		else if (kind === 1)
			assert.equal(title, d.text);
		else
			assert.equal(title, labels['search-level'].replace('{level}',
			    index.words.levels[d.level]));
	}
	assert.ok(titles.some(([, t]) => t === 'レベル４の説明'));
	assert.ok(titles.some(([, t]) => t === '保守品質管理'));
	assert.ok(titles.some(([, t]) => t === 'スキル項目名'));
});

test('within a skill, hits that match alike go by level', async () => {
	const res = await engine.search('保守');

	for (const g of search.groupResults(res.results, 'ハードウェア')) {
		const levels = g.hits.filter((h) => h.doc.kind === 2)
		    .map((h) => h.doc.level);

		assert.deepEqual(levels, [...levels].sort((a, b) => a - b), g.skill);
	}
});

test('the filter keeps one specialty\'s hits, linked to its pages, with counts', async () => {
	const res = await engine.search('保守');
	const counts = search.specialtyCounts(res.results);
	const all = search.groupResults(res.results, null);

	assert.deepEqual(counts.map((c) => c.specialty).sort(),
	    ['ソフトウェア', 'ハードウェア', 'ファシリティマネジメント'].sort());
	for (const c of counts) {
		const groups = search.groupResults(res.results, c.specialty);
		const hits = groups.flatMap((g) => g.hits);

		assert.equal(hits.length, c.n, c.specialty);
		assert.ok(hits.length < res.results.length);
		assert.ok(groups.length < all.length || hits.length < res.results.length);
		for (const h of hits) {
			assert.deepEqual(h.doc.refs.map((r) => r.specialty), [c.specialty]);
			assert.equal(h.doc.more, null);
		}
		assert.ok(groups.every((g) => g.refs.length === 1 &&
		    g.refs[0].specialty === c.specialty));
	}
	assert.deepEqual(search.groupResults(res.results, 'どこにもない'), []);
});

test('show more: pages of about PAGE hits reach the last, no group cut', async () => {
	const res = await engine.search('保守');
	const groups = search.groupResults(res.results, null);
	let limit = search.PAGE, shown = 0, pages = 0, n = 0;

	while (shown < res.results.length) {
		n = search.groupsShown(groups, limit);
		const now = search.hitsIn(groups, n);

		assert.ok(now > shown, 'each page shows more');
		assert.ok(now >= Math.min(limit, res.results.length));
		shown = now;
		limit += search.PAGE;
		pages++;
	}
	assert.equal(n, groups.length);
	assert.ok(pages >= 3);
});

test('more() checks the candidates past the first batch', async () => {
	const res = await engine.search('保守');
	const held = res.results.slice(60);

	// as if only 60 had been checked
	res.pending = held.map((r) => r.doc.id);
	res.results = res.results.slice(0, 60);
	await engine.more(res);
	assert.equal(res.results.length, 60 + held.length);
	assert.deepEqual(res.pending, []);
	assert.equal(res.exact, res.results.filter((r) => r.exact).length);
});

test('status: plain words from labels.xml, the site\'s digits, no jargon', async () => {
	const res = await engine.search('保守');
	const skills = new Set(res.results.map((r) => r.doc.group)).size;
	const all = search.statusText('保守', res, null, 22, res.total);
	const hw = search.specialtyCounts(res.results)
	    .find((c) => c.specialty === 'ハードウェア');
	const filtered = search.statusText('保守', res, 'ハードウェア', 22, hw.n);
	const every = search.statusText('保守', res, null, res.total, res.total);
	const none = search.statusText('存在しない語句',
	    await engine.search('存在しない語句'), null, 0, 0);
	const digits = (n) => String(n).replace(/[0-9]/g,
	    (c) => index.words.digits[Number(c)]);

	assert.equal(every, `「保守」を含む項目 ${digits(res.total)} 件（スキル項目 ${digits(skills)}）。`);
	assert.equal(all, every + `${digits(res.total)} 件のうち ２２ 件を表示しています。`);
	assert.equal(filtered, every + `ハードウェアの項目 ${digits(hw.n)} 件に絞り込んでいます。` +
	    `${digits(hw.n)} 件のうち ２２ 件を表示しています。`);
	assert.equal(none, '「存在しない語句」は見つかりませんでした。ことばを短くするか、別の言い方で探してください。');
	for (const s of [all, filtered, every, none])
		assert.ok(!/完全一致|[0-9]/.test(s), s);
});

test('status: hits on some of the words are told apart', async () => {
	const res = await engine.search('障害 ネットワーク管理');
	const exact = res.results.filter((r) => r.exact).length;
	const s = search.statusText('障害 ネットワーク管理', res, null, res.total, res.total);

	assert.ok(res.total > exact);
	assert.match(s, /ことばの一部を含む項目/);
});

test('status: candidates not checked yet are counted apart, never as hits on some words', async () => {
	const res = await engine.search('保守');
	const exact = res.results.filter((r) => r.exact);
	const digits = (n) => String(n).replace(/[0-9]/g,
	    (c) => index.words.digits[Number(c)]);

	// as if only 30 had been checked (a framework of thousands of pages)
	assert.equal(exact.length, res.results.length, '保守 is one bigram');
	res.pending = res.results.slice(30).map((r) => r.doc.id);
	res.results = res.results.slice(0, 30);
	const s = search.statusText('保守', res, null, 22, res.total);
	const skills = new Set(res.results.map((r) => r.doc.group)).size;

	assert.equal(s, `「保守」を含む項目 ３０ 件（スキル項目 ${digits(skills)}）。` +
	    `ほかに、まだ確かめていない候補が ${digits(res.pending.length)} 件あります（「さらに表示」で確かめます）。` +
	    `${digits(res.total)} 件のうち ２２ 件を表示しています。`);
	assert.doesNotMatch(s, /ことばの一部/);
});

test('the labels fill their placeholders; an unknown label is empty', () => {
	assert.equal(search.label('search-one', { specialty: 'ハードウェア', n: 35 }),
	    'ハードウェア（３５）');
	assert.equal(search.label('search-more', { n: 7 }), 'さらに表示（残り ７ 件）');
	assert.equal(search.label('no-such-label'), '');
});

test('search.js holds no Japanese words of its own: they come from labels.xml', () => {
	const code = readFileSync(new URL('../../templates/search.js', import.meta.url), 'utf8')
	    .replace(/\/\*[\s\S]*?\*\//g, '');

	assert.ok(!/[\u3040-\u30ff\u3400-\u9fff\uff01-\uff60]/.test(code));
	for (const name of Object.keys(labels))
		assert.ok(code.includes(`'${name}'`), `search.js uses ${name}`);
});
