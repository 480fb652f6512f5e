/* search.js: the search box of every page.
 *
 * The generator writes the index as script files (generator/search_index.h
 * describes them); this script loads the few a query needs with
 * <script src>, so search works from file:// and under any sub-path, with
 * no server, module or dependency.  Text and queries are cut into tokens
 * exactly as generator/search.c cuts them: NFKC, ASCII lowered, ASCII
 * words, and bigrams of other letters (a lone letter as a unigram);
 * tests/search/cases.json holds the cases both must agree on.
 *
 * Results: documents that hold at least half the query's tokens (every
 * token of a query of one or two), those
 * holding every part of the query as written first, then by tokens
 * matched, then skill names, knowledge items and descriptions, shorter
 * first.  They are listed grouped by skill (a group where its best hit
 * ranks), each hit titled by what matched, PAGE hits or so at a time
 * with a button for more, and can be narrowed to one specialty.  Every
 * word shown comes from the index's "words" (labels.xml), none from
 * here.  Under node, the functions are exported for the tests.
 */
(function (global) {
	'use strict';

	var CHAR = /[\p{L}\p{N}\p{M}]/u;	/* letters, numbers, marks */
	var PAGE = 20;			/* hits listed at a time, about */
	var CHECKED = 500;		/* candidates checked at a time */
	var SNIPPET = 60;		/* characters either side of a match */
	var NAME = 0, KNOWLEDGE = 1;	/* kinds of document (search_index.h) */

	/* Returns s with A-Z lowered, other characters as they are. */
	function lowerAscii(s) {
		return s.replace(/[A-Z]/g, function (c) {
			return String.fromCharCode(c.charCodeAt(0) + 32);
		});
	}

	/* Returns s normalised as generator/search.c does. */
	function normalize(s) {
		return lowerAscii(s.normalize('NFKC'));
	}

	/* Returns the class of one code point: 0 separator, 1 ASCII word,
	 * 2 other letter, number or mark. */
	function classOf(ch) {
		if (ch.codePointAt(0) < 0x80)
			return /[a-zA-Z0-9]/.test(ch) ? 1 : 0;
		return CHAR.test(ch) ? 2 : 0;
	}

	/* Returns the distinct tokens of normalised text, in the order they
	 * first occur: a query's (query true) or a document's. */
	function tokens(norm, query) {
		var out = [], seen = new Set(), cps = Array.from(norm);
		var i = 0, start, run, k, lone;

		function emit(t) {
			if (!seen.has(t)) {
				seen.add(t);
				out.push(t);
			}
		}
		while (i < cps.length) {
			run = classOf(cps[i]);
			start = i++;
			if (run === 0)
				continue;
			while (i < cps.length && classOf(cps[i]) === run)
				i++;
			if (run === 1) {
				emit(cps.slice(start, i).join(''));
				continue;
			}
			lone = i - start === 1;
			for (k = start; k < i; k++) {
				if (!query || lone)
					emit(cps[k]);
				if (k + 1 < i)
					emit(cps[k] + cps[k + 1]);
			}
		}
		return out;
	}

	/* Returns the shard of a token among n, as generator/search.c
	 * does: an ASCII word's first letter, or the FNV-1a hash of the
	 * code points, modulo n. */
	function shardOf(token, n) {
		var h = 2166136261;

		if (token.codePointAt(0) < 0x80)
			return token.codePointAt(0) % n;
		for (var ch of token)
			h = Math.imul(h ^ ch.codePointAt(0), 16777619) >>> 0;
		return h % n;
	}

	/* Returns the document numbers of postings "0,3,a" (differences in
	 * base 36). */
	function decode(s) {
		var ids = [], last = 0;

		s.split(',').forEach(function (d) {
			last += parseInt(d, 36);
			ids.push(last);
		});
		return ids;
	}

	/* Marks and sound marks that NFKC may join to the character before
	 * them (か + ゙ is が; ｶ + ﾞ is ガ). */
	var JOINS = /^[\p{M}\u3099\u309a\uff9e\uff9f]$/u;

	/* Returns text normalised a cluster (a character and the marks
	 * after it) at a time, with, for each UTF-16 unit of the result,
	 * where its cluster starts and ends in text: {norm, from, to}. */
	function normMap(text) {
		var norm = '', from = [], to = [], cps = Array.from(text);
		var i = 0, c = 0, k, n, cluster;

		while (c < cps.length) {
			cluster = cps[c++];
			while (c < cps.length && JOINS.test(cps[c]))
				cluster += cps[c++];
			n = normalize(cluster);
			for (k = 0; k < n.length; k++) {
				from.push(i);
				to.push(i + cluster.length);
			}
			norm += n;
			i += cluster.length;
		}
		return { norm: norm, from: from, to: to };
	}

	/* Returns the ranges [start, end) of text where needles (normalised
	 * strings) occur, merged and in order; m is normMap(text), if made
	 * already. */
	function matchRanges(text, needles, m) {
		var r = [], out = [];

		m = m || normMap(text);

		needles.forEach(function (nd) {
			var at = nd ? m.norm.indexOf(nd) : -1;

			while (at >= 0) {
				r.push([m.from[at], m.to[at + nd.length - 1]]);
				at = m.norm.indexOf(nd, at + 1);
			}
		});
		r.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
		r.forEach(function (x) {
			var last = out[out.length - 1];

			if (last && x[0] <= last[1])
				last[1] = Math.max(last[1], x[1]);
			else
				out.push([x[0], x[1]]);
		});
		return out;
	}

	/* Returns the ranges of text to mark for a partial match of toks:
	 * where several tokens meet (three characters or more), or where any
	 * does when none meet; m as for matchRanges(). */
	function partialRanges(text, toks, m) {
		var all = matchRanges(text, toks, m);
		var long = all.filter(function (r) {
			return Array.from(text.slice(r[0], r[1])).length >= 3;
		});

		return long.length > 0 ? long : all;
	}

	/* The index, read through load(name), which returns a promise of a
	 * file's data ("index", "t-3", "d-0"). */
	function Engine(load) {
		this.load = load;
		this.files = {};
		this.postings = {};
	}

	/* Returns a promise of file name's data, loading it once. */
	Engine.prototype.file = function (name) {
		var files = this.files;

		if (!files[name])
			files[name] = this.load(name).catch(function (e) {
				delete files[name];	/* the next query tries again */
				throw e;
			});
		return files[name];
	};

	/* Returns a promise of the documents holding token (a word: any
	 * word it begins), as numbers. */
	Engine.prototype.lookup = function (token, index) {
		var self = this, name = 't-' + shardOf(token, index.terms);

		return this.file(name).then(function (terms) {
			var key = name + ':' + token, ids = [];

			if (self.postings[key])
				return self.postings[key];
			if (classOf(Array.from(token)[0]) === 1) {
				Object.keys(terms).forEach(function (t) {
					if (t.startsWith(token))
						ids = ids.concat(decode(terms[t]));
				});
				ids = Array.from(new Set(ids)).sort(function (a, b) {
					return a - b;
				});
			} else if (Object.prototype.hasOwnProperty.call(terms, token))
				ids = decode(terms[token]);
			self.postings[key] = ids;
			return ids;
		});
	};

	/* Returns a promise of document number id: {id, kind, level, skill,
	 * text, group (the skill's number), refs: [{specialty, href}],
	 * more: {label, href} of the rest of the specialties, or null}. */
	Engine.prototype.doc = function (id, index) {
		var s = 0;

		while (s + 1 < index.docs.length && index.docs[s + 1] <= id)
			s++;
		return this.file('d-' + s).then(function (docs) {
			var d = docs[id - index.docs[s]], refs = [], more = null;
			var k;

			for (k = 5; k < d.length; k += 2)
				if (Array.isArray(d[k]))
					more = { label: d[k][0], href: d[k][1] };
				else
					refs.push({ specialty: d[k], href: d[k + 1] });
			return { id: id, kind: d[0], level: d[1], skill: d[2],
			    text: d[3], group: d[4], refs: refs, more: more };
		});
	};

	/* Returns a promise of the results of query: {index, parts, tokens,
	 * total (documents found), exact (how many of those checked hold
	 * the query as written), results: [{doc, exact, hits, ranges}],
	 * best first, and pending: the numbers of the documents found but
	 * not checked yet (more() checks them)}. */
	Engine.prototype.search = function (query) {
		var self = this, norm = normalize(query);
		var parts = norm.split(/\s+/).filter(function (p) {
			return tokens(p, true).length > 0;
		});
		var toks = tokens(norm, true);

		if (toks.length === 0)
			return Promise.resolve({ index: null, parts: parts,
			    tokens: toks, total: 0, exact: 0, results: [],
			    pending: [] });
		return this.file('index').then(function (index) {
			return Promise.all(toks.map(function (t) {
				return self.lookup(t, index);
			})).then(function (lists) {
				return self.rank(index, parts, toks, lists);
			});
		});
	};

	/* Ranks the documents of lists (one per token of toks), checking
	 * the first CHECKED; see search(). */
	Engine.prototype.rank = function (index, parts, toks, lists) {
		var hits = new Map(), need, ids, res;

		lists.forEach(function (ids) {
			ids.forEach(function (id) {
				hits.set(id, (hits.get(id) || 0) + 1);
			});
		});
		need = toks.length <= 2 ? toks.length :
		    Math.max(2, Math.ceil(toks.length / 2));
		ids = Array.from(hits.keys()).filter(function (id) {
			return hits.get(id) >= need;
		}).sort(function (a, b) {
			return hits.get(b) - hits.get(a) || a - b;
		});
		res = { index: index, parts: parts, tokens: toks, hits: hits,
		    total: ids.length, exact: 0, results: [], pending: ids };
		return this.more(res);
	};

	/* Checks the next CHECKED documents of res.pending and adds them to
	 * res.results, ranked among themselves after those there (fewer
	 * tokens matched, as pending is in that order); returns a promise
	 * of res. */
	Engine.prototype.more = function (res) {
		var next = res.pending.slice(0, CHECKED);

		res.pending = res.pending.slice(CHECKED);
		return Promise.all(next.map(function (id) {
			return this.doc(id, res.index);
		}, this)).then(function (docs) {
			var added = docs.map(function (d) {
				return S_checked(d, res);
			});

			added.sort(S_better);
			res.results = res.results.concat(added);
			res.exact = res.results.filter(function (r) {
				return r.exact;
			}).length;
			return res;
		});
	};

	/* Returns the result of document d for res's query: {doc, hits,
	 * exact, ranges}. */
	function S_checked(d, res) {
		var m = normMap(d.text);
		var exact = res.parts.every(function (p) {
			return m.norm.indexOf(p) >= 0;
		});

		return { doc: d, hits: res.hits.get(d.id), exact: exact,
		    ranges: exact ? matchRanges(d.text, res.parts, m) :
		    partialRanges(d.text, res.tokens, m) };
	}

	/* Orders results: the query as written first, then by tokens
	 * matched, kind, length and number. */
	function S_better(a, b) {
		return b.exact - a.exact || b.hits - a.hits ||
		    a.doc.kind - b.doc.kind ||
		    a.doc.text.length - b.doc.text.length || a.doc.id - b.doc.id;
	}

	/* Orders the hits of one skill: as S_better(), but a level's text
	 * before the next level's when they match alike. */
	function S_within(a, b) {
		return b.exact - a.exact || b.hits - a.hits ||
		    a.doc.kind - b.doc.kind || a.doc.level - b.doc.level ||
		    a.doc.text.length - b.doc.text.length || a.doc.id - b.doc.id;
	}

	/* Returns results (ranked) of the specialty called only (all when
	 * null; then each's refs are only's alone), grouped by skill:
	 * [{group, skill, refs: the specialties of its hits, in order, more,
	 * hits: [result, ...]}], a group where its best hit ranks, its hits
	 * in the order of S_within(). */
	function groupResults(results, only) {
		var groups = [], byGroup = new Map();

		results.forEach(function (r) {
			var refs = r.doc.refs, k = -1, g, d;

			if (only !== null) {
				k = refs.findIndex(function (ref) {
					return ref.specialty === only;
				});
				if (k < 0)
					return;
				refs = [refs[k]];
			}
			d = Object.assign({}, r.doc, { refs: refs,
			    more: only === null ? r.doc.more : null });
			g = byGroup.get(d.group);
			if (!g) {
				g = { group: d.group, skill: d.skill, refs: [],
				    more: d.more, hits: [] };
				byGroup.set(d.group, g);
				groups.push(g);
			}
			refs.forEach(function (ref) {
				if (!g.refs.some(function (x) {
					return x.specialty === ref.specialty;
				}))
					g.refs.push({ specialty: ref.specialty,
					    href: ref.href.split('#')[0] });
			});
			g.more = g.more || d.more;
			g.hits.push(Object.assign({}, r, { doc: d }));
		});
		groups.forEach(function (g) {
			g.hits.sort(S_within);
		});
		return groups;
	}

	/* Returns the specialties of results with how many hits name each:
	 * [{specialty, n}], most first, then in the order met. */
	function specialtyCounts(results) {
		var counts = new Map();

		results.forEach(function (r) {
			r.doc.refs.forEach(function (ref) {
				counts.set(ref.specialty,
				    (counts.get(ref.specialty) || 0) + 1);
			});
		});
		return Array.from(counts, function (e, k) {
			return { specialty: e[0], n: e[1], at: k };
		}).sort(function (a, b) {
			return b.n - a.n || a.at - b.at;
		}).map(function (e) {
			return { specialty: e.specialty, n: e.n };
		});
	}

	/* Returns how many of groups to list so that at least limit hits
	 * show, a group never cut (all when they hold fewer). */
	function groupsShown(groups, limit) {
		var n = 0, hits = 0;

		while (n < groups.length && hits < limit)
			hits += groups[n++].hits.length;
		return n;
	}

	/* Returns the number of hits in groups[0..n). */
	function hitsIn(groups, n) {
		return groups.slice(0, n).reduce(function (sum, g) {
			return sum + g.hits.length;
		}, 0);
	}

	/* The site's words: levels, digits and the search's labels
	 * (search/index.js "words", from labels.xml), once an index is
	 * loaded. */
	var words = { levels: {}, digits: '0123456789', labels: {} };

	/* Returns the name of level n, as the pages write it. */
	function levelLabel(n) {
		return words.levels[n] || String(n);
	}

	/* Returns number n written with the site's digits. */
	function num(n) {
		var digits = Array.from(words.digits);

		return String(n).replace(/[0-9]/g, function (c) {
			return digits[Number(c)];
		});
	}

	/* Returns label name of the words with its placeholders filled from
	 * args: numbers in the site's digits, strings as they are. */
	function label(name, args) {
		var text = words.labels[name];

		if (text === undefined)
			return '';
		return text.replace(/\{([a-z]+)\}/g, function (all, k) {
			var v = args ? args[k] : undefined;

			return v === undefined ? all :
			    typeof v === 'number' ? num(v) : String(v);
		});
	}

	/* Returns the title of a hit on document d: the knowledge item
	 * itself, "the skill's name" or "level N's text". */
	function hitTitle(d) {
		if (d.kind === NAME)
			return label('search-name');
		if (d.kind === KNOWLEDGE)
			return d.text;
		return label('search-level', { level: levelLabel(d.level) });
	}

	/* Returns the number of distinct skills of results. */
	function skillsOf(results) {
		return new Set(results.map(function (r) {
			return r.doc.group;
		})).size;
	}

	/* Returns the status line of res for query, filtered to only (or
	 * null) with shown hits listed of total in view: the documents
	 * checked that hold it as written, those that hold only some of
	 * its words, and those not checked yet, each counted apart. */
	function statusText(query, res, only, shown, total) {
		var exact = res.results.filter(function (r) {
			return r.exact;
		}), partial = res.results.filter(function (r) {
			return !r.exact;
		}), out = '';

		if (res.total === 0)
			return label('search-none', { query: query });
		if (exact.length > 0)
			out += label('search-found', { query: query,
			    n: exact.length, skills: skillsOf(exact) });
		if (partial.length > 0)
			out += label('search-partial', { query: query,
			    n: partial.length, skills: skillsOf(partial) });
		if (res.pending.length > 0)	/* may hold it as written */
			out += label('search-unchecked',
			    { n: res.pending.length });
		if (only !== null)
			out += label('search-filtered', { specialty: only,
			    n: total });
		if (shown < total)
			out += label('search-shown', { n: shown, total: total });
		return out;
	}

	/* Returns an element: tag, with class cls (if any) and text. */
	function el(tag, cls, text) {
		var e = document.createElement(tag);

		if (cls)
			e.className = cls;
		if (text !== undefined)
			e.textContent = text;
		return e;
	}

	/* Appends to e text with ranges marked, from start to end. */
	function marked(e, text, ranges, start, end) {
		var at = start;

		ranges.forEach(function (r) {
			var a = Math.max(r[0], at), b = Math.min(r[1], end);

			if (a >= b)
				return;
			e.appendChild(document.createTextNode(text.slice(at, a)));
			e.appendChild(el('mark', null, text.slice(a, b)));
			at = b;
		});
		e.appendChild(document.createTextNode(text.slice(at, end)));
		return e;
	}

	/* Returns a paragraph of text around its first range, the ranges
	 * marked. */
	function snippet(text, ranges) {
		var p = el('p', 'search-snippet'), start = 0, end = text.length;

		if (ranges.length > 0 && text.length > 2 * SNIPPET) {
			start = Math.max(0, ranges[0][0] - SNIPPET);
			end = Math.min(text.length, ranges[0][1] + SNIPPET);
		}
		if (start > 0)
			p.appendChild(document.createTextNode('…'));
		marked(p, text, ranges, start, end);
		if (end < text.length)
			p.appendChild(document.createTextNode('…'));
		return p;
	}

	/* Returns a list of links to refs (and more, if any), made from
	 * root, of class cls. */
	function refList(refs, more, root, cls) {
		var ul = el('ul', cls);

		refs.concat(more ? [{ specialty: more.label,
		    href: more.href }] : []).forEach(function (ref) {
			var li = el('li'), a = el('a', null, ref.specialty);

			a.href = root + ref.href;
			li.appendChild(a);
			ul.appendChild(li);
		});
		return ul;
	}

	/* Returns the list item of hit r of group g, links made from root:
	 * its title (what matched) linking to it, the match in context, and
	 * its specialties when they are not all the group's. */
	function hitItem(r, g, root) {
		var li = el('li', 'search-result'), d = r.doc;
		var a = el('a', 'search-link'), head = el('p', 'search-title');

		a.href = root + d.refs[0].href;
		if (d.kind === KNOWLEDGE)
			marked(a, d.text, r.ranges, 0, d.text.length);
		else
			a.textContent = hitTitle(d);
		head.appendChild(a);
		if (d.kind === KNOWLEDGE)
			head.appendChild(el('span', 'search-meta',
			    label('search-knowledge')));
		if (g.refs.length > 1 && d.refs.length < g.refs.length)
			head.appendChild(el('span', 'search-meta',
			    d.refs[0].specialty));
		li.appendChild(head);
		if (d.kind !== KNOWLEDGE)
			li.appendChild(snippet(d.text, r.ranges));
		if (g.refs.length > 1 && d.refs.length > 1 &&
		    d.refs.length < g.refs.length) {
			li.appendChild(el('div', 'search-also'));
			li.lastChild.appendChild(el('span', null,
			    label('search-also')));
			li.lastChild.appendChild(refList(d.refs.slice(1), null,
			    root, 'search-specs'));
		}
		return li;
	}

	/* Returns the list item of group g, links made from root: the
	 * skill's name linking to its page, its specialties, its hits. */
	function groupItem(g, root) {
		var li = el('li', 'search-group'), head = el('p', 'search-skill');
		var a = el('a', 'search-group-link', g.skill), list;

		a.href = root + g.refs[0].href;
		head.appendChild(a);
		li.appendChild(head);
		li.appendChild(refList(g.refs, g.more, root, 'search-specs'));
		list = el('ol', 'search-list');
		g.hits.forEach(function (r) {
			list.appendChild(hitItem(r, g, root));
		});
		li.appendChild(list);
		return li;
	}

	/* Returns the filter by specialty of res's results, set to only,
	 * calling change(specialty or null) when another is chosen; null
	 * when the results name one specialty or none. */
	function filterBox(res, only, change) {
		var counts = specialtyCounts(res.results);
		var box, select, all, id = 'search-filter';

		if (counts.length < 2)
			return null;
		box = el('p', 'search-filter');
		box.appendChild(el('label', null, label('search-filter')));
		box.firstChild.htmlFor = id;
		select = el('select');
		select.id = id;
		all = el('option', null, label('search-all',
		    { n: res.results.length }));
		all.value = '';
		select.appendChild(all);
		counts.forEach(function (c) {
			var o = el('option', null, label('search-one',
			    { specialty: c.specialty, n: c.n }));

			o.value = c.specialty;
			o.selected = c.specialty === only;
			select.appendChild(o);
		});
		select.addEventListener('change', function () {
			change(select.value === '' ? null : select.value);
		});
		box.appendChild(select);
		return box;
	}

	/* Loads file name of the index from root with <script src>;
	 * returns a promise of its data. */
	function scriptLoader(root, waiting) {
		return function (name) {
			return new Promise(function (resolve, reject) {
				var s = document.createElement('script');

				waiting[name] = resolve;
				s.src = root + 'search/' + name + '.js';
				s.onerror = function () {
					reject(new Error(s.src));
				};
				s.onload = function () {	/* ran, but put nothing */
					if (waiting[name]) {
						delete waiting[name];
						reject(new Error(s.src));
					}
				};
				document.head.appendChild(s);
			});
		};
	}

	/* Makes the search box of the page work. */
	function start() {
		var input = document.getElementById('search-input');
		var status = document.getElementById('search-status');
		var panel = document.getElementById('search-results');
		var script = document.currentScript;
		var root, waiting = {}, engine, timer, asked = 0, view = null;

		if (!input || !status || !panel || !script)
			return;
		root = script.src.replace(/assets\/search\.js([?#].*)?$/, '');
		global.skillsiteSearch = {
			put: function (name, data) {
				if (waiting[name])
					waiting[name](data);
				delete waiting[name];
			}
		};
		engine = new Engine(scriptLoader(root, waiting));

		/* The hits' links and the show-more button, in order. */
		function stops() {
			return Array.from(panel.querySelectorAll(
			    'a.search-link, button.search-more'));
		}

		/* Lists view's results: the filter, the groups shown and the
		 * button for more; focuses the first hit after from, when
		 * given. */
		function render(from) {
			var res = view.res, groups, n, shown, total, list, more;
			var box = filterBox(res, view.only, function (only) {
				view.only = only;
				view.limit = PAGE;
				render();
				panel.querySelector('select').focus();
			});

			groups = groupResults(res.results, view.only);
			n = groupsShown(groups, view.limit);
			shown = hitsIn(groups, n);
			total = view.only === null ? res.total : hitsIn(groups,
			    groups.length);
			panel.textContent = '';
			status.textContent = statusText(view.query, res, view.only,
			    shown, total);
			if (res.results.length === 0) {
				panel.hidden = true;
				return;
			}
			if (box)
				panel.appendChild(box);
			list = el('ol', 'search-groups');
			groups.slice(0, n).forEach(function (g) {
				list.appendChild(groupItem(g, root));
			});
			panel.appendChild(list);
			if (shown < total || res.pending.length > 0) {
				more = el('button', 'search-more', label('search-more',
				    { n: shown < total ? total - shown :
				    res.pending.length }));
				more.type = 'button';
				more.addEventListener('click', showMore);
				panel.appendChild(more);
			}
			panel.hidden = false;
			if (from !== undefined) {
				list = panel.querySelectorAll('a.search-link');
				(list[from] || list[list.length - 1]).focus();
			}
		}

		/* Lists PAGE hits more, checking more documents first when
		 * those checked run out; focuses the first new hit. */
		function showMore() {
			var from = panel.querySelectorAll('a.search-link').length;
			var mine = asked, groups;

			view.limit += PAGE;
			groups = groupResults(view.res.results, view.only);
			if (hitsIn(groups, groups.length) >= view.limit ||
			    view.res.pending.length === 0) {
				render(from);
				return;
			}
			engine.more(view.res).then(function () {
				if (mine === asked)
					render(from);
			});
		}

		function show(query, res) {
			if (res.index && res.index.words)
				words = res.index.words;
			view = { query: query, res: res, only: null, limit: PAGE };
			render();
		}

		function run() {
			var query = input.value.trim(), mine = ++asked;

			if (query === '') {
				panel.hidden = true;
				panel.textContent = '';
				status.textContent = '';
				view = null;
				return;
			}
			engine.search(query).then(function (res) {
				if (mine === asked)
					show(query, res);
			}, function () {
				if (mine === asked)
					status.textContent = document.getElementById(
					    'search-error').textContent;
			});
		}

		input.addEventListener('focus', function () {
			engine.file('index').catch(function () {});
		});
		input.addEventListener('input', function () {
			clearTimeout(timer);
			timer = setTimeout(run, 120);
		});
		input.addEventListener('keydown', function (e) {
			var first = panel.querySelector('a.search-link');

			if (e.isComposing || e.keyCode === 229)
				return;		/* the IME's keys: converting kana */
			if (e.key === 'ArrowDown' && first) {
				e.preventDefault();
				first.focus();
			} else if (e.key === 'Enter' && first) {
				e.preventDefault();
				first.click();
			} else if (e.key === 'Escape') {
				input.value = '';
				run();
			}
		});
		panel.addEventListener('keydown', function (e) {
			var all = stops(), k = all.indexOf(document.activeElement);

			if (e.key === 'Escape') {
				e.preventDefault();
				input.focus();
			} else if (k >= 0 && (e.key === 'ArrowDown' ||
			    e.key === 'ArrowUp')) {
				e.preventDefault();
				k += e.key === 'ArrowDown' ? 1 : -1;
				if (k < 0)
					input.focus();
				else if (k < all.length)
					all[k].focus();
			}
		});
		input.disabled = false;
		status.textContent = '';
	}

	if (typeof module === 'object' && module.exports)
		module.exports = { normalize: normalize, tokens: tokens,
		    shardOf: shardOf, decode: decode, matchRanges: matchRanges,
		    partialRanges: partialRanges, Engine: Engine,
		    groupResults: groupResults,
		    specialtyCounts: specialtyCounts,
		    groupsShown: groupsShown, hitsIn: hitsIn, PAGE: PAGE,
		    setWords: function (w) { words = w; }, label: label,
		    hitTitle: hitTitle, statusText: statusText };
	else {
		global.skillsiteText = { normalize: normalize };	/* knowledge.js */
		start();
	}
})(this);
