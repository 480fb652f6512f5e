/* knowledge.js: the filter box of the knowledge-item index.
 *
 * As one types in #kx-input, the items (li[data-key]) whose text holds
 * every part of the query stay; the others, and the groups (.kx-group)
 * and jump links (li[data-group]) left empty, are hidden; a jump
 * link's count (.kx-n) says how many of its group's items are shown.  Text and query
 * are normalised by search.js's own normalize() (NFKC, ASCII lowered, as
 * generator/search.c does; search.js, loaded first, offers it as
 * skillsiteText); the query is cut into parts where they cut tokens (anything
 * but letters, numbers and marks).  #kx-status says how many distinct
 * items are shown, with the page's own words: #kx-shown, #kx-of (shown
 * when filtered), #kx-none (when nothing matches); #kx-nojs is hidden.
 * Without JavaScript the page is the whole list and the box stays
 * disabled.  Under node, the functions are exported for the tests.
 */
(function (global) {
	'use strict';

	var SEP = /[^\p{L}\p{N}\p{M}]+/u;

	/* search.js's normalisation: the page loads search.js first (every
	 * page does), which offers it as skillsiteText. */
	var text = typeof module === 'object' && module.exports ?
	    require('./search.js') : global.skillsiteText;

	/* Returns s normalised as search.js normalises text. */
	function normalize(s) {
		return text.normalize(s);
	}

	/* Returns the parts of query q, normalised, empty ones dropped. */
	function parts(q) {
		return normalize(q).split(SEP).filter(function (p) {
			return p !== '';
		});
	}

	/* Returns whether normalised text holds every part of ps. */
	function matches(text, ps) {
		return ps.every(function (p) {
			return text.indexOf(p) >= 0;
		});
	}

	/* Shows the items of the page that match the query of input, hides
	 * the rest and the groups left empty, updates the jump links' counts
	 * and the status. */
	function apply(input, items, groups, jumps) {
		var ps = parts(input.value), keys = new Set();
		var g = document.getElementById('kx-shown');

		items.forEach(function (it) {
			it.el.hidden = !matches(it.text, ps);
			if (!it.el.hidden)
				keys.add(it.el.getAttribute('data-key'));
		});
		groups.forEach(function (sec) {
			var shown = sec.querySelectorAll('li[data-key]:not([hidden])');
			var jump = jumps[sec.id], n = jump ?
			    jump.querySelector('.kx-n') : null;

			sec.hidden = shown.length === 0;
			if (jump)
				jump.hidden = sec.hidden;
			if (n)
				n.textContent = String(shown.length);
		});
		g.textContent = String(keys.size);
		document.getElementById('kx-of').hidden = ps.length === 0;
		document.getElementById('kx-none').hidden = keys.size !== 0;
	}

	/* Wires the filter box, if the page has one. */
	function start() {
		var input = document.getElementById('kx-input'), jumps = {};
		var items, groups;

		if (!input || !text)
			return;
		items = Array.prototype.map.call(
		    document.querySelectorAll('li[data-key]'), function (el) {
			var t = el.querySelector('.kx-text');

			return { el: el, text: normalize(t ? t.textContent : '') };
		});
		groups = Array.prototype.slice.call(
		    document.querySelectorAll('.kx-group'));
		Array.prototype.forEach.call(
		    document.querySelectorAll('li[data-group]'), function (li) {
			jumps[li.getAttribute('data-group')] = li;
		});
		input.addEventListener('input', function () {
			apply(input, items, groups, jumps);
		});
		input.addEventListener('keydown', function (e) {
			if (e.key === 'Escape' && input.value !== '') {
				e.preventDefault();
				input.value = '';
				apply(input, items, groups, jumps);
			}
		});
		document.getElementById('kx-nojs').hidden = true;
		input.disabled = false;
		if (input.value !== '')
			apply(input, items, groups, jumps);
	}

	if (typeof module === 'object' && module.exports)
		module.exports = { normalize: normalize, parts: parts,
		    matches: matches };
	else if (document.readyState === 'loading')
		document.addEventListener('DOMContentLoaded', start);
	else
		start();
})(this);
