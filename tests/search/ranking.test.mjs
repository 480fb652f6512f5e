// ranking.test.mjs: queries on the seed's index (built into the folder
// $SKILLSITE_SITE) return the right skills first, and every result links
// to an anchor that exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { engineFor } from './load.mjs';

const site = process.env.SKILLSITE_SITE;
const engine = engineFor(site);

// Returns the skill names of the first n results of query, and the
// results.
async function first(query, n) {
	const res = await engine.search(query);

	return [res.results.slice(0, n).map(
	    (r) => r.doc.skill), res];
}

test('障害原因特定: the two skills that list the knowledge item', async () => {
	const [names, res] = await first('障害原因特定', 2);

	assert.deepEqual(names.sort(), ['一次対応／二次対応', '障害修理'].sort());
	for (const r of res.results.slice(0, 2)) {
		assert.equal(r.doc.text, '障害原因特定');
		assert.ok(r.exact);
		assert.match(r.doc.refs[0].href, /skills\/.*\.html#k-[0-9a-f]{16}$/);
	}
});

test('保守品質管理: システム保守管理, in every specialty', async () => {
	const [names, res] = await first('保守品質管理', 1);

	assert.deepEqual(names, ['システム保守管理']);
	assert.equal(res.results[0].doc.refs.length, 3);
	assert.ok(!res.results.slice(1).some((r) => r.exact));
});

test('リモートメンテナンス: システム保守管理 before partial matches', async () => {
	const [, res] = await first('リモートメンテナンス', 0);
	const exact = res.results.filter((r) => r.exact);

	assert.equal(res.results[0].doc.skill, 'システム保守管理');
	assert.equal(res.results[0].doc.kind, 1);	// the knowledge item
	assert.ok(exact.length >= 2);
	assert.ok(exact.every((r) => r.doc.skill === 'システム保守管理'));
	assert.ok(res.results.slice(0, exact.length).every((r) => r.exact));
});

test('ＩＴアーキテクチャ: both technology skills, whatever the width', async () => {
	for (const q of ['ＩＴアーキテクチャ', 'ITアーキテクチャ', 'itｱｰｷﾃｸﾁｬ']) {
		const [names] = await first(q, 2);

		assert.deepEqual(names.sort(), ['ソフトウェア技術', 'ハードウェア技術'].sort(), q);
	}
});

test('プロジェクト: プロジェクトマネジメント, its name first', async () => {
	const [names, res] = await first('プロジェクト', 10);

	assert.ok(names.every((n) => n === 'プロジェクトマネジメント'));
	assert.equal(res.results[0].doc.kind, 0);
});

test('one character finds its unigram; an unknown word nothing', async () => {
	// 耐 stands once in the seed, in ファシリティ設計's 耐震安全確保
	const [names, one] = await first('耐', 5);
	const [none, res] = await first('存在しない語句', 5);

	assert.deepEqual(names, ['ファシリティ設計']);
	assert.equal(one.results[0].doc.text, '耐震安全確保');
	assert.ok(one.results[0].exact);
	assert.deepEqual(none, []);
	assert.equal(res.total, 0);
});

test('ranked: whole phrases first, then by tokens matched', async () => {
	for (const q of ['障害対応', '保守 管理', 'ネットワーク障害', 'it 技術']) {
		const { results } = await engine.search(q);

		for (let i = 1; i < results.length; i++) {
			const a = results[i - 1], b = results[i];

			assert.ok(a.exact >= b.exact, q);
			if (a.exact === b.exact)
				assert.ok(a.hits >= b.hits, q);
		}
	}
});

test('every result links to a page and an anchor of the site', async () => {
	for (const q of ['障害原因特定', 'リモートメンテナンス', 'プロジェクト', '保守']) {
		const { results } = await engine.search(q);

		assert.ok(results.length > 0, q);
		for (const r of results)
			for (const ref of r.doc.refs) {
				const [file, anchor] = ref.href.split('#');
				const path = `${site}/${file}`;

				assert.ok(existsSync(path), path);
				if (anchor)
					assert.ok(readFileSync(path, 'utf8').includes(
					    `id="${anchor}"`), ref.href);
			}
	}
});

test('snippets mark the match in the original text', async () => {
	const { results } = await engine.search('ＩＴアーキテクチャ');
	const r = results[0];

	assert.equal(r.doc.text.slice(r.ranges[0][0], r.ranges[0][1]),
	    'ITアーキテクチャ');
});

test('every document of the index links to an anchor of the site', async () => {
	const index = await engine.file('index');
	let docs = 0;

	for (let id = 0; id < index.count; id++) {
		const doc = await engine.doc(id, index);

		assert.ok(doc.refs.length > 0);
		for (const ref of doc.refs) {
			const [file, anchor] = ref.href.split('#');
			const html = readFileSync(`${site}/${file}`, 'utf8');

			assert.ok(!anchor || html.includes(`id="${anchor}"`), ref.href);
		}
		docs++;
	}
	assert.equal(docs, index.count);
	assert.ok(docs > 200);
});
