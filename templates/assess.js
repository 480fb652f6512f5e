/* assess.js: the self-assessment sheet of a specialty.
 *
 * The page lists, for each skill, radio buttons for a current and a
 * target level (only the levels the skill defines); without this script
 * it is a checklist to print.  This script keeps the choices in the link
 * (#s=skill.current.target,...: a link that shows the same profile to
 * whoever opens it, with no server) and in localStorage, draws the
 * profile as SVG (drawn at the width of its box, so that its text
 * keeps its size on a phone) and lists each gap with a link to the
 * target level's description.  Value 0 is the choice below the lowest
 * level (「レベル３未満／該当なし」); links made before it existed read
 * as before.  Each row has a clear button; reset can be undone.  Every
 * word it writes is the page's (the hidden list #assess-words: levels
 * and gaps from labels.xml, the status sentences from the template), so
 * the template alone words the sheet.  No dependency; works from
 * file://.
 */
(function () {
	'use strict';

	var SVG = 'http://www.w3.org/2000/svg';
	var table = document.getElementById('assess-table');
	var rows = table ? Array.from(table.querySelectorAll('tr[data-skill]')) :
	    [];
	var levels = table ? table.dataset.levels.split(',').map(Number) : [];
	var scale = [0].concat(levels);	/* the chart's columns, none first */
	var undoState = null;		/* the state before a reset */
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
		var li = kind !== 'gap' && Number(n) === 0 ?
		    $(kind === 'axis' ? 'assess-axis-none' : 'assess-word-none') :
		    document.querySelector('#assess-words [data-' + kind +
		    '="' + n + '"]');

		return li ? li.textContent : String(n);
	}

	/* Returns the page's sentence or word called name (the item
	 * assess-word-NAME of #assess-words), or ''. */
	function said(name) {
		var li = $('assess-word-' + name);

		return li ? li.textContent : '';
	}

	/* Returns the index of level string v in the chart's columns, or
	 * -1 for no choice. */
	function column(v) {
		return v === '' ? -1 : scale.indexOf(Number(v));
	}

	/* Returns an SVG element of tag with attributes attrs. */
	function svg(tag, attrs) {
		var e = document.createElementNS(SVG, tag);

		Object.keys(attrs || {}).forEach(function (k) {
			e.setAttribute(k, attrs[k]);
		});
		return e;
	}

	/* Returns the chart's geometry for a box w pixels wide: on a narrow
	 * box each skill's name goes above its marks, else to their left. */
	function layout(w) {
		var narrow = w < 520, left = narrow ? 16 : 260;

		return { width: w, narrow: narrow, left: left,
		    step: (w - left - 44) / Math.max(1, scale.length - 1),
		    rowH: narrow ? 44 : 26, top: 40 };
	}

	/* Draws the axis of g on c: a column per level, none first. */
	function drawAxis(c, g, height) {
		scale.forEach(function (n, i) {
			var x = g.left + g.step * i;
			var t = svg('text', { x: x, y: 16, class: 'axis' });

			t.textContent = word(n === 0 ? 'axis' : 'level', n);
			if (n === 0)
				t.setAttribute('class', 'axis none');
			c.appendChild(t);
			c.appendChild(svg('line', { x1: x, x2: x, y1: 24,
			    y2: height - 6, class: n === 0 ? 'grid none' : 'grid' }));
		});
	}

	/* Draws the row of skill row, the i-th, on c by g: its current level
	 * as a dot, its target as a ring, joined by a line. */
	function drawRow(c, g, row, i) {
		var y = g.top + i * g.rowH + (g.narrow ? 22 : 0);
		var cur = column(picked(row, 'current'));
		var tgt = column(picked(row, 'target'));
		var x = function (k) { return g.left + g.step * k; };
		var name = svg('text', g.narrow ? { x: 4, y: y - 12,
		    class: 'name above' } : { x: g.left - 36, y: y + 4,
		    class: 'name' });

		name.textContent = row.querySelector('th a').textContent;
		c.appendChild(name);
		if (cur >= 0 && tgt >= 0)
			c.appendChild(svg('line', { x1: x(cur), x2: x(tgt),
			    y1: y, y2: y, class: 'span' }));
		if (tgt >= 0)
			c.appendChild(svg('circle', { cx: x(tgt), cy: y, r: 7,
			    class: 'target' }));
		if (cur >= 0)
			c.appendChild(svg('circle', { cx: x(cur), cy: y, r: 5,
			    class: 'current' }));
	}

	/* Draws the profile at the width of its box, in pixels. */
	function drawChart() {
		var fig = $('assess-chart');
		var g, c, title, height;

		fig.hidden = false;
		g = layout(Math.max(280, Math.min(fig.clientWidth || 560, 560)));
		height = g.top + g.rowH * rows.length - (g.narrow ? 0 : 12);
		c = svg('svg', { viewBox: '0 0 ' + g.width + ' ' + height,
		    width: g.width, height: height, role: 'img',
		    'aria-labelledby': 'assess-chart-title', class: 'profile' });
		title = svg('title', { id: 'assess-chart-title' });
		title.textContent = said('chart');
		c.appendChild(title);
		drawAxis(c, g, height);
		rows.forEach(function (row, i) { drawRow(c, g, row, i); });
		Array.from(fig.querySelectorAll('svg')).forEach(function (old) {
			old.remove();
		});
		fig.insertBefore(c, fig.firstChild);
	}

	/* Appends text to li as a span the line never breaks inside. */
	function term(li, text) {
		var span = document.createElement('span');

		span.className = 'term';
		span.textContent = text;
		li.appendChild(span);
	}

	/* Lists each skill whose target is above its current level (or has
	 * a target and no current level), linked to the target's
	 * description. */
	function listGaps() {
		var list = $('assess-gap-list'), n = 0;

		list.textContent = '';
		rows.forEach(function (row) {
			var cur = column(picked(row, 'current'));
			var tgt = column(picked(row, 'target'));
			var li, a, to;

			if (tgt <= 0 || cur >= tgt)
				return;
			to = row.querySelector('input[name^="target-"]:checked');
			li = document.createElement('li');
			a = document.createElement('a');
			a.href = to.dataset.href;
			a.textContent = row.querySelector('th a').textContent;
			a.className = 'term';
			li.appendChild(a);
			li.appendChild(document.createTextNode(said('sep')));
			term(li, (cur >= 0 ? pickedLabel(row, 'current') : said('unset')) +
			    ' → ');
			term(li, pickedLabel(row, 'target') + (cur >= 0 ?
			    word('gap', tgt - cur) : ''));
			list.appendChild(li);
			n++;
		});
		$('assess-gap-none').hidden = n > 0;
		list.hidden = n === 0;
		$('assess-gaps').hidden = false;
	}

	/* Shows the state everywhere: link, chart, gaps, each row's clear
	 * button (shown when the row has a choice). */
	function show(state) {
		$('assess-link').value = linkWith(state);
		rows.forEach(function (row) {
			row.querySelector('.assess-clear').hidden =
			    !row.querySelector('input:checked');
		});
		drawChart();
		listGaps();
	}

	/* After a choice: the state goes to the link and to storage. */
	function changed() {
		var state = stateOf();

		history.replaceState(null, '', linkWith(state));
		save(state);
		$('assess-status').textContent = '';
		$('assess-undo').hidden = true;
		undoState = null;
		show(state);
	}

	/* Clears the choices of the row of button, and moves the focus to
	 * its first choice (the button is hidden then). */
	function clearRow(button) {
		var row = button.closest('tr');

		row.querySelectorAll('input:checked').forEach(function (r) {
			r.checked = false;
		});
		changed();
		row.querySelector('input').focus();
	}

	/* Reset: clears every choice, keeping the state for undo(). */
	function reset() {
		var before = stateOf();

		apply('');
		changed();
		if (before) {
			undoState = before;
			$('assess-undo').hidden = false;
		}
		$('assess-status').textContent = said('cleared') +
		    (before ? said('can-undo') : '');
	}

	/* Undo: the state before the last reset, back in the page, the
	 * link and storage. */
	function undo() {
		var before = undoState;

		if (before === null)
			return;
		apply(before);
		changed();
		$('assess-status').textContent = said('undone');
		$('assess-reset').focus();
	}

	function start() {
		var state = linkState(), pressed = null;
		var fig = $('assess-chart'), drawnWidth = 0;

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

			if (input.closest('.assess-clear')) {
				clearRow(input.closest('.assess-clear'));
				return;
			}
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
					    said('copied');
				}, function () {
					$('assess-status').textContent =
					    said('copy-failed');
				});
		});
		$('assess-reset').addEventListener('click', reset);
		$('assess-undo').addEventListener('click', undo);
		window.addEventListener('resize', function () {
			if (fig.clientWidth !== drawnWidth) {
				drawnWidth = fig.clientWidth;
				drawChart();
			}
		});
		window.addEventListener('beforeprint', drawChart);
		window.addEventListener('afterprint', drawChart);
		$('assess-nojs').hidden = true;
		$('assess-tools').hidden = false;
		show(stateOf());
	}

	start();
})();
