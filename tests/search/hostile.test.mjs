// hostile.test.mjs: the index of tests/site/hostile (markup, quotes and
// script in every field; built into $SKILLSITE_HOSTILE) loads as data:
// each file only calls skillsiteSearch.put, and the texts come back
// verbatim.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import vm from 'node:vm';
import { engineFor } from './load.mjs';

const site = process.env.SKILLSITE_HOSTILE;

test('each file is one call of skillsiteSearch.put and nothing else', () => {
	const files = readdirSync(`${site}/search`);

	assert.ok(files.includes('index.js'));
	for (const f of files) {
		const calls = [];

		vm.runInNewContext(readFileSync(`${site}/search/${f}`, 'utf8'), {
			skillsiteSearch: { put: (name) => calls.push(name) },
		});
		assert.deepEqual(calls, [f.replace(/\.js$/, '')]);
	}
});

test('markup in the content is found as text', async () => {
	const res = await engineFor(site).search('alert');

	assert.ok(res.results.length > 0);
	assert.ok(res.results.some((r) => r.doc.text.includes('<') ||
	    r.doc.skill.includes('<')));
});
