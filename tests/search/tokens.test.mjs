// tokens.test.mjs: search.js cuts text into the tokens of the shared
// cases (cases.json), which tests/unit/test_search.c checks the
// generator against.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { search } from './load.mjs';

const { cases } = JSON.parse(readFileSync(new URL('cases.json',
    import.meta.url), 'utf8'));

test('the shared cases are there', () => {
	assert.ok(cases.length >= 20);
});

for (const c of cases) {
	test(`tokens of ${JSON.stringify(c.text)}`, () => {
		const norm = search.normalize(c.text);

		assert.equal(norm, c.normalized);
		assert.deepEqual(search.tokens(norm, false), c.index);
		assert.deepEqual(search.tokens(norm, true), c.query);
		assert.deepEqual(c.index.map((t) => search.shardOf(t, 97)),
		    c.shards);
	});
}

test('a word and its prefixes share a shard', () => {
	assert.equal(search.shardOf('architecture', 7), search.shardOf('a', 7));
	assert.equal(search.shardOf('architecture', 7), 'a'.charCodeAt(0) % 7);
});

test('postings decode from differences in base 36', () => {
	assert.deepEqual(search.decode('0'), [0]);
	assert.deepEqual(search.decode('3,1,z,10'), [3, 4, 39, 75]);
});

test('matches are found through normalisation and merged', () => {
	// full-width ＩＴ is two characters, as is "it"
	assert.deepEqual(search.matchRanges('最新ＩＴ市場', ['it']), [[2, 4]]);
	// ㈱ is one character that normalises to three
	assert.deepEqual(search.matchRanges('㈱ABC', ['株']), [[0, 1]]);
	assert.deepEqual(search.matchRanges('障害原因', ['障害', '害原', '原因']),
	    [[0, 4]]);
	assert.deepEqual(search.matchRanges('abc', ['x']), []);
});

test('a partial match marks where tokens meet, not stray bigrams', () => {
	const toks = ['リモ', 'モー', 'ート', 'トメ', 'メン', 'ンテ', 'テナ', 'ナン', 'ンス'];
	const text = 'チームメンバがメンテナンス計画';

	assert.deepEqual(search.partialRanges(text, toks).map(
	    ([a, b]) => text.slice(a, b)), ['メンテナンス']);
	assert.deepEqual(search.partialRanges('メンバ', toks), [[0, 2]]);
});

test('marks NFKC joins to their character are matched with it', () => {
	// half-width ｶﾞ is one character after NFKC, as is か and a mark
	assert.deepEqual(search.matchRanges('ｶﾞｲﾄﾞを作成', ['ガイド']), [[0, 5]]);
	assert.deepEqual(search.matchRanges('か\u3099い', ['がい']), [[0, 3]]);
});
