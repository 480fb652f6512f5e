// load.mjs: templates/search.js and a built site's index, under node.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const require = createRequire(import.meta.url);
export const search = require('../../templates/search.js');

// Returns an Engine that reads the index files of the site in folder
// site as the browser would, by running them.
export function engineFor(site) {
	return new search.Engine(async (name) => {
		let data;
		const code = readFileSync(`${site}/search/${name}.js`, 'utf8');
		vm.runInNewContext(code, {
			skillsiteSearch: { put: (n, d) => { if (n === name) data = d; } },
		});
		if (data === undefined)
			throw new Error(`${name}.js did not put ${name}`);
		return data;
	});
}
