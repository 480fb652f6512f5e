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
 * first.  Under node, the functions are exported for the tests.
 */
(function (global) {
	'use strict';

	var CHAR = /[\p{L}\p{N}\p{M}]/u;	/* letters, numbers, marks */
	var SHOWN = 50;			/* results listed at most */
	var CHECKED = 500;		/* candidates checked for the phrase */
	var SNIPPET = 60;		/* characters either side of a match */
	var KINDS = ['スキル項目', '知識項目', ''];

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
	 * text, refs: [{specialty, href}]}. */
	Engine.prototype.doc = function (id, index) {
		var s = 0;

		while (s + 1 < index.docs.length && index.docs[s + 1] <= id)
			s++;
		return this.file('d-' + s).then(function (docs) {
			var d = docs[id - index.docs[s]], refs = [], k;

			for (k = 4; k + 1 < d.length; k += 2)
				refs.push({ specialty: d[k], href: d[k + 1] });
			return { id: id, kind: d[0], level: d[1], skill: d[2],
			    text: d[3], refs: refs };
		});
	};

	/* Returns a promise of the results of query: {index, tokens, total,
	 * exact (how many hold the query as written), results: [{doc, exact,
	 * hits, ranges}]}, best first, at most SHOWN. */
	Engine.prototype.search = function (query) {
		var self = this, norm = normalize(query);
		var parts = norm.split(/\s+/).filter(function (p) {
			return tokens(p, true).length > 0;
		});
		var toks = tokens(norm, true);

		if (toks.length === 0)
			return Promise.resolve({ index: null, tokens: toks, total: 0,
			    exact: 0, results: [] });
		return this.file('index').then(function (index) {
			return Promise.all(toks.map(function (t) {
				return self.lookup(t, index);
			})).then(function (lists) {
				return self.rank(index, parts, toks, lists);
			});
		});
	};

	/* Ranks the documents of lists (one per token of toks); see
	 * search(). */
	Engine.prototype.rank = function (index, parts, toks, lists) {
		var self = this, hits = new Map(), need, ids;

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
		return Promise.all(ids.slice(0, CHECKED).map(function (id) {
			return self.doc(id, index);
		})).then(function (docs) {
			var results = docs.map(function (d) {
				var m = normMap(d.text);
				var exact = parts.every(function (p) {
					return m.norm.indexOf(p) >= 0;
				});

				return { doc: d, hits: hits.get(d.id), exact: exact,
				    ranges: exact ? matchRanges(d.text, parts, m) :
				    partialRanges(d.text, toks, m) };
			});
			results.sort(function (a, b) {
				return b.exact - a.exact || b.hits - a.hits ||
				    a.doc.kind - b.doc.kind ||
				    a.doc.text.length - b.doc.text.length ||
				    a.doc.id - b.doc.id;
			});
			return { index: index, tokens: toks, total: ids.length,
			    exact: results.filter(function (r) {
				    return r.exact;
			    }).length, results: results.slice(0, SHOWN) };
		});
	};

	/* The site's words for levels and its digits (search/index.js
	 * "words", from labels.xml), once an index is loaded. */
	var words = { levels: {}, digits: '0123456789' };

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

	/* Returns an element: tag, with class cls (if any) and text. */
	function el(tag, cls, text) {
		var e = document.createElement(tag);

		if (cls)
			e.className = cls;
		if (text !== undefined)
			e.textContent = text;
		return e;
	}

	/* Returns a paragraph of text around its first range, the ranges
	 * marked. */
	function snippet(text, ranges) {
		var p = el('p', 'search-snippet'), start = 0, end = text.length;
		var at;

		if (ranges.length > 0 && text.length > 2 * SNIPPET) {
			start = Math.max(0, ranges[0][0] - SNIPPET);
			end = Math.min(text.length, ranges[0][1] + SNIPPET);
		}
		if (start > 0)
			p.appendChild(document.createTextNode('…'));
		at = start;
		ranges.forEach(function (r) {
			var a = Math.max(r[0], at), b = Math.min(r[1], end);

			if (a >= b)
				return;
			p.appendChild(document.createTextNode(text.slice(at, a)));
			p.appendChild(el('mark', null, text.slice(a, b)));
			at = b;
		});
		p.appendChild(document.createTextNode(text.slice(at, end) +
		    (end < text.length ? '…' : '')));
		return p;
	}

	/* Returns the list item of result r, links made from root. */
	function resultItem(r, root) {
		var li = el('li', 'search-result'), d = r.doc, a, also;
		var what = d.kind === 2 ? levelLabel(d.level) : KINDS[d.kind];

		a = el('a', 'search-link', d.skill);
		a.href = root + d.refs[0].href;
		li.appendChild(a);
		li.appendChild(el('span', 'search-meta',
		    d.refs[0].specialty + ' · ' + what));
		li.appendChild(snippet(d.text, r.ranges));
		if (d.refs.length > 1) {
			also = el('p', 'search-also', 'ほかの専門分野：');
			d.refs.slice(1).forEach(function (ref, k) {
				var o = el('a', null, ref.specialty);

				o.href = root + ref.href;
				if (k > 0)
					also.appendChild(document.createTextNode('、'));
				also.appendChild(o);
			});
			li.appendChild(also);
		}
		return li;
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
		var root, waiting = {}, engine, timer, asked = 0;

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

		function links() {
			return Array.from(panel.querySelectorAll('a.search-link'));
		}

		function show(query, res) {
			var list = el('ol', 'search-list');

			panel.textContent = '';
			if (res.index && res.index.words)
				words = res.index.words;
			if (res.results.length === 0) {
				status.textContent = '「' + query + '」に一致する項目はありません。';
				panel.hidden = true;
				return;
			}
			status.textContent = '「' + query + '」の検索結果：' +
			    num(res.total) + ' 件（完全一致 ' + num(res.exact) +
			    ' 件）' + (res.total > res.results.length ? '。上位 ' +
			    num(res.results.length) + ' 件を表示' : '');
			res.results.forEach(function (r) {
				list.appendChild(resultItem(r, root));
			});
			panel.appendChild(list);
			panel.hidden = false;
		}

		function run() {
			var query = input.value.trim(), mine = ++asked;

			if (query === '') {
				panel.hidden = true;
				panel.textContent = '';
				status.textContent = '';
				return;
			}
			engine.search(query).then(function (res) {
				if (mine === asked)
					show(query, res);
			}, function () {
				if (mine === asked)
					status.textContent = '検索索引を読み込めませんでした。';
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
			var first = links()[0];

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
			var all = links(), k = all.indexOf(document.activeElement);

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
		    partialRanges: partialRanges, Engine: Engine };
	else
		start();
})(this);
