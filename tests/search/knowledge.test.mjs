// knowledge.test.mjs: the knowledge index's filter (templates/knowledge.js)
// normalises text as the search does (the shared cases of cases.json),
// cuts a query where the search cuts tokens, and keeps an item only when
// it holds every part.  The browser test types in the box in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const kx = require('../../templates/knowledge.js');
const { cases } = JSON.parse(readFileSync(new URL('cases.json',
    import.meta.url), 'utf8'));

for (const c of cases) {
	test(`filter normalises ${JSON.stringify(c.text)}`, () => {
		assert.equal(kx.normalize(c.text), c.normalized);
	});
}

test('a query is cut where the search cuts tokens', () => {
	assert.deepEqual(kx.parts('２Ｗａｙ　コミュ、IT・基礎 '),
	    ['2way', 'コミュ', 'it', '基礎']);
	assert.deepEqual(kx.parts(' 　・ '), []);
});

test('an item stays when it holds every part', () => {
	const item = kx.normalize('最新ＩＴ市場動向');

	assert.ok(kx.matches(item, kx.parts('it 市場')));
	assert.ok(!kx.matches(item, kx.parts('it 技術')));
	assert.ok(kx.matches(item, kx.parts('')));
});

test('the filter uses search.js\'s normalisation, not a copy of it', () => {
	const code = readFileSync(new URL('../../templates/knowledge.js',
	    import.meta.url), 'utf8');

	assert.ok(!code.includes("normalize('NFKC')"));
	assert.match(code, /skillsiteText/);
});
