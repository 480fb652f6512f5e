/* assess.js: the self-assessment sheet of a specialty.
 *
 * The page lists, for each skill, radio buttons for a current and a
 * target level (only the levels the skill defines); without this script
 * it is a checklist to print.  This script keeps the choices in the link
 * (#s=skill.current.target,...: a link that shows the same profile to
 * whoever opens it, with no server) and in localStorage, draws the
 * profile as SVG and lists each gap with a link to the target level's
 * description.  Its words for levels and gaps are the page's (the
 * hidden list #assess-words, from labels.xml).  No dependency; works
 * from file://.
 */
(function () {
	'use strict';

	var SVG = 'http://www.w3.org/2000/svg';
	var table = document.getElementById('assess-table');
	var rows = table ? Array.from(table.querySelectorAll('tr[data-skill]')) :
	    [];
	var levels = table ? table.dataset.levels.split(',').map(Number) : [];
	var key = table ? table.dataset.key : '';
	var $ = function (id) { return document.getElementById(id); };

	/* Returns the value of the checked radio of group name in row, or
	 * ''. */
	function picked(row, name) {
		var r = row.querySelector('input[name="' + name + '-' +
		    row.dataset.skill + '"]:checked');

		return r ? r.value : '';
	}

	/* Returns the state of the sheet: "id.current.target" per skill with
	 * a choice, joined by commas; '-' is no choice. */
	function stateOf() {
		return rows.map(function (row) {
			var c = picked(row, 'current'), t = picked(row, 'target');

			return c || t ? row.dataset.skill + '.' + (c || '-') + '.' +
			    (t || '-') : '';
		}).filter(Boolean).join(',');
	}

	/* Sets the radios from state (as stateOf() writes it); skills or
	 * levels the page does not have are ignored. */
	function apply(state) {
		var want = {};

		(state || '').split(',').forEach(function (part) {
			var f = part.split('.');

			if (f.length === 3)
				want[f[0]] = { current: f[1], target: f[2] };
		});
		rows.forEach(function (row) {
			var w = want[row.dataset.skill] || {};

			row.querySelectorAll('input[type="radio"]').forEach(function (r) {
				var group = r.name.startsWith('current-') ? 'current' :
				    'target';

				r.checked = w[group] === r.value;
			});
		});
	}

	/* Returns the state in the link, or null when it has none. */
	function linkState() {
		var hash, m;

		try {	/* some mail programs escape the commas */
			hash = decodeURIComponent(location.hash);
		} catch (e) {
			hash = location.hash;
		}
		m = /(?:^#|&)s=([a-z0-9.,-]*)/.exec(hash);

		return m ? m[1] : null;
	}

	/* Returns the link to this page with state. */
	function linkWith(state) {
		return location.href.replace(/#.*$/, '') + (state ? '#s=' + state : '');
	}

	/* Reads and writes localStorage, which may be missing or refuse. */
	function load() {
		try { return localStorage.getItem(key); } catch (e) { return null; }
	}
	function save(state) {
		try {
			if (state)
				localStorage.setItem(key, state);
			else
				localStorage.removeItem(key);
		} catch (e) { /* private mode: the link still holds it */ }
	}

	/* Returns the name of the level checked in group name of row, as
	 * the pages write it ("レベル３"), or ''. */
	function pickedLabel(row, name) {
		var v = picked(row, name);

		return v ? word('level', v) : '';
	}

	/* Returns the page's word for level n (kind 'level') or for a gap
	 * of n levels (kind 'gap'), as #assess-words lists them. */
	function word(kind, n) {
		var li = document.querySelector('#assess-words [data-' + kind +
		    '="' + n + '"]');

		return li ? li.textContent : String(n);
	}

	/* Returns an SVG element of tag with attributes attrs. */
	function svg(tag, attrs) {
		var e = document.createElementNS(SVG, tag);

		Object.keys(attrs || {}).forEach(function (k) {
			e.setAttribute(k, attrs[k]);
		});
		return e;
	}

	/* Draws the profile: a row per skill, its current level as a dot and
	 * its target as a ring, joined by a line. */
	function drawChart() {
		var fig = $('assess-chart'), left = 190, step = 56, rowH = 24;
		var width = left + step * (levels.length - 1) + 30;
		var height = rowH * rows.length + 34;
		var c = svg('svg', { viewBox: '0 0 ' + width + ' ' + height,
		    role: 'img', 'aria-labelledby': 'assess-chart-title',
		    class: 'profile' });
		var title = svg('title', { id: 'assess-chart-title' });
		var x = function (n) { return left + step * levels.indexOf(n); };

		title.textContent = '現在と目標のレベル（下の表とギャップの一覧と同じ内容）';
		c.appendChild(title);
		levels.forEach(function (n) {
			var t = svg('text', { x: x(n), y: 14, class: 'axis' });

			t.textContent = word('level', n);
			c.appendChild(t);
			c.appendChild(svg('line', { x1: x(n), x2: x(n), y1: 20,
			    y2: height - 6, class: 'grid' }));
		});
		rows.forEach(function (row, i) {
			var y = 34 + i * rowH, name = svg('text', { x: left - 12,
			    y: y + 4, class: 'name' });
			var cur = Number(picked(row, 'current'));
			var tgt = Number(picked(row, 'target'));

			name.textContent = row.querySelector('th a').textContent;
			c.appendChild(name);
			if (cur && tgt)
				c.appendChild(svg('line', { x1: x(cur), x2: x(tgt),
				    y1: y, y2: y, class: 'span' }));
			if (tgt)
				c.appendChild(svg('circle', { cx: x(tgt), cy: y, r: 7,
				    class: 'target' }));
			if (cur)
				c.appendChild(svg('circle', { cx: x(cur), cy: y, r: 5,
				    class: 'current' }));
		});
		Array.from(fig.querySelectorAll('svg')).forEach(function (old) {
			old.remove();
		});
		fig.insertBefore(c, fig.firstChild);
		fig.hidden = false;
	}

	/* Lists each skill whose target is above its current level (or has
	 * a target and no current level), linked to the target's
	 * description. */
	function listGaps() {
		var list = $('assess-gap-list'), n = 0;

		list.textContent = '';
		rows.forEach(function (row) {
			var cur = Number(picked(row, 'current'));
			var tgt = Number(picked(row, 'target'));
			var li, a, to;

			if (!tgt || cur >= tgt)
				return;
			to = row.querySelector('input[name^="target-"]:checked');
			li = document.createElement('li');
			a = document.createElement('a');
			a.href = to.dataset.href;
			a.textContent = row.querySelector('th a').textContent;
			li.appendChild(a);
			li.appendChild(document.createTextNode('：' + (cur ?
			    pickedLabel(row, 'current') : '未選択') + ' → ' +
			    pickedLabel(row, 'target') + (cur ? word('gap',
			    levels.indexOf(tgt) - levels.indexOf(cur)) :
			    '')));
			list.appendChild(li);
			n++;
		});
		$('assess-gap-none').hidden = n > 0;
		list.hidden = n === 0;
		$('assess-gaps').hidden = false;
	}

	/* Shows the state everywhere: link, chart, gaps. */
	function show(state) {
		$('assess-link').value = linkWith(state);
		drawChart();
		listGaps();
	}

	/* After a choice: the state goes to the link and to storage. */
	function changed() {
		var state = stateOf();

		history.replaceState(null, '', linkWith(state));
		save(state);
		$('assess-status').textContent = '';
		show(state);
	}

	function start() {
		var state = linkState(), pressed = null;

		if (!table)
			return;
		if (state === null) {		/* no link state: this browser's */
			state = load() || '';
			if (state)
				history.replaceState(null, '', linkWith(state));
		}
		apply(state);
		table.addEventListener('change', changed);
		/* a click on the chosen level clears the skill's choice: the
		 * radio pressed was checked when the press began */
		table.addEventListener('mousedown', function (e) {
			var r = e.target.closest('.choice');
			var input = r && r.querySelector('input');

			pressed = input && input.checked ? input : null;
		});
		table.addEventListener('click', function (e) {
			var input = e.target;

			if (input.tagName === 'INPUT' && input === pressed) {
				input.checked = false;
				changed();
			}
			if (input.tagName === 'INPUT')
				pressed = null;
		});
		window.addEventListener('hashchange', function () {
			apply(linkState() || '');
			show(stateOf());
		});
		$('assess-copy').addEventListener('click', function () {
			var link = $('assess-link');

			link.select();
			if (navigator.clipboard)
				navigator.clipboard.writeText(link.value).then(function () {
					$('assess-status').textContent =
					    'リンクをコピーしました。';
				}, function () {
					$('assess-status').textContent =
					    'コピーできませんでした。選択されたリンクをコピーしてください。';
				});
		});
		$('assess-reset').addEventListener('click', function () {
			apply('');
			changed();
			$('assess-status').textContent = '選択を消去しました。';
		});
		$('assess-nojs').hidden = true;
		$('assess-tools').hidden = false;
		show(stateOf());
	}

	start();
})();
