/* assess.js: the self-assessment sheet of a specialty.
 *
 * The page lists, for each skill, radio buttons for a current and a
 * target level (only the levels the skill defines); without this script
 * it is a checklist to print.  This script keeps the choices in the link
 * (#s=skill.current.target,...&r=role: a link that shows the same
 * profile to whoever opens it, with no server) and in localStorage (the
 * s part alone when no role is chosen, as before roles existed), draws
 * the profile as SVG (drawn at the width of its box, so that its text
 * keeps its size on a phone) and lists each gap with a link to the
 * target level's description.  Value 0 is the choice below the lowest
 * level (「レベル３未満／該当なし」); links made before it existed read
 * as before.  Each row has a clear button; reset can be undone.
 *
 * The state names skills, levels and the role by ID and number only.
 * Whatever a link or the storage names that the sheet does not have (a
 * skill a tailoring hid or a later edition dropped, a level the skill
 * no longer describes, a role no more) is listed in #assess-missing,
 * never dropped unsaid.
 *
 * On a tailored job type the sheet offers the roles of its specialty
 * (#assess-role): choosing one sets each skill's target to the role's
 * (the cells of #assess-role-table; undo brings the targets before it
 * back), and the gap list names the role and, under each gap, the
 * learning resources and the company's meaning of each level up to the
 * target (copied from the row's level texts, div[data-level]).
 *
 * Every word it writes is the page's (the hidden list #assess-words:
 * levels and gaps from labels.xml, the status sentences from the
 * template), so the template alone words the sheet.  No dependency;
 * works from file://.
 */
(function () {
	'use strict';

	var SVG = 'http://www.w3.org/2000/svg';
	var PAPER_PX = 16;	/* style.css: .profile text on paper */
	var SCREEN_PX = 13;	/* and on screen, .profile .name.long on paper */
	var table = document.getElementById('assess-table');
	var rows = table ? Array.from(table.querySelectorAll('tr[data-skill]')) :
	    [];
	var levels = table ? table.dataset.levels.split(',').map(Number) : [];
	var scale = [0].concat(levels);	/* the chart's columns, none first */
	var undoState = null;		/* the state before a reset or a role */
	var key = table ? table.dataset.key : '';
	var $ = function (id) { return document.getElementById(id); };
	var roleSelect = $('assess-role');	/* null: no roles */
	var roleTable = $('assess-role-table');
	var lastRole = '';		/* the role before the select changed */

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

	/* Returns the role chosen ('' when none, or when the sheet offers
	 * none). */
	function roleOf() {
		return roleSelect ? roleSelect.value : '';
	}

	/* Returns the whole state: { s: stateOf(), r: the role's ID }. */
	function current() {
		return { s: stateOf(), r: roleOf() };
	}

	/* Returns the option of role id in #assess-role, or null. */
	function roleOption(id) {
		return id && roleSelect ? Array.from(roleSelect.options).find(
		    function (o) { return o.value === id; }) || null : null;
	}

	/* Returns the target level role id sets for skill ('' when none),
	 * as #assess-role-table gives it. */
	function roleTarget(id, skill) {
		var cell = roleOption(id) && Array.from(roleTable.querySelectorAll(
		    'tr[data-for-skill] td[data-role]')).find(function (td) {
			return td.dataset.role === id &&
			    td.parentNode.dataset.forSkill === skill;
		});

		return cell ? cell.dataset.level : '';
	}

	/* Returns the item for a state's skill that the sheet lacks: its
	 * name in the standard when the page knows it (#assess-words
	 * [data-gone]), else its ID, and the levels the state gave it. */
	function missingSkill(id, f) {
		var gone = Array.from(document.querySelectorAll(
		    '#assess-words [data-gone]')).find(function (li) {
			return li.dataset.gone === id;
		});
		var parts = [];

		if (f[1] !== '-' && f[1] !== '')
			parts.push(said('current') + ' ' + levelName(f[1]));
		if (f[2] !== '-' && f[2] !== '')
			parts.push(said('target') + ' ' + levelName(f[2]));
		return { name: gone ? gone.textContent : id, code: !gone,
		    rest: parts.join(said('and')) };
	}

	/* Sets the radios of row from w ({current, target}, either '-' or
	 * missing for no choice); returns the missing items for the
	 * levels that the row does not offer. */
	function applyRow(row, w) {
		var lost = [];

		['current', 'target'].forEach(function (group) {
			var v = w[group], found = false;

			row.querySelectorAll('input[name^="' + group + '-"]').forEach(function (r) {
				r.checked = v === r.value;
				found = found || r.checked;
			});
			if (v !== undefined && v !== '-' && v !== '' && !found)
				lost.push(said(group) + ' ' + levelName(v));
		});
		return lost.length ? [{ name: row.querySelector('th a').textContent,
		    rest: lost.join(said('and')) }] : [];
	}

	/* Sets the radios and the role from st ({s, r}; s as stateOf()
	 * writes it); returns the items st names that the sheet does not
	 * have, in st's order, each {name, code (name is an ID), rest}. */
	function apply(st) {
		var want = Object.create(null), lostOf = Object.create(null);
		var order = [], lost = [];

		(st.s || '').split(',').forEach(function (part) {
			var f = part.split('.');

			if (f.length !== 3 || !f[0])
				return;
			if (!want[f[0]])
				order.push(f[0]);
			want[f[0]] = { current: f[1], target: f[2] };
		});
		rows.forEach(function (row) {
			lostOf[row.dataset.skill] = applyRow(row,
			    want[row.dataset.skill] || {});
		});
		order.forEach(function (id) {
			var w = want[id];

			lost = lost.concat(lostOf[id] ||
			    [missingSkill(id, ['', w.current, w.target])]);
		});
		if (roleSelect)
			roleSelect.value = roleOption(st.r) ? st.r : '';
		if (st.r && !roleOption(st.r))
			lost.push({ name: st.r, code: true, what: said('role') });
		return lost;
	}

	/* Returns the state in text, a link's fragment ("#s=...&r=...") or
	 * what storage holds (that, or the s part alone), as {s, r}; null
	 * when it holds none. */
	function parse(text) {
		var s, r;

		if (!text)
			return null;
		if (/^[a-z0-9.,-]+$/.test(text))
			return { s: text, r: '' };	/* storage, no role */
		s = /(?:^#?|&)s=([a-z0-9.,-]*)/.exec(text);
		r = /(?:^#?|&)r=([a-z0-9-]*)/.exec(text);
		return s || r ? { s: s ? s[1] : '', r: r ? r[1] : '' } : null;
	}

	/* Returns the state in the link, or null when it has none. */
	function linkState() {
		var hash;

		try {	/* some mail programs escape the commas */
			hash = decodeURIComponent(location.hash);
		} catch (e) {
			hash = location.hash;
		}
		return hash.length > 1 ? parse(hash) : null;
	}

	/* Returns state st as the link's fragment writes it, without "#";
	 * '' when st holds nothing. */
	function fragment(st) {
		return [st.s ? 's=' + st.s : '', st.r ? 'r=' + st.r : '']
		    .filter(Boolean).join('&');
	}

	/* Returns the link to this page with state st. */
	function linkWith(st) {
		var f = fragment(st);

		return location.href.replace(/#.*$/, '') + (f ? '#' + f : '');
	}

	/* Reads and writes localStorage, which may be missing or refuse;
	 * without a role the s part alone is stored, as before roles. */
	function load() {
		try { return localStorage.getItem(key); } catch (e) { return null; }
	}
	function save(st) {
		var f = st.r ? fragment(st) : st.s;

		try {
			if (f)
				localStorage.setItem(key, f);
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

	/* Returns the page's name of level n, of any level a job type may
	 * have (#assess-words [data-level-name]), or n itself. */
	function levelName(n) {
		var li = Array.from(document.querySelectorAll(
		    '#assess-words [data-level-name]')).find(function (l) {
			return l.dataset.levelName === String(n);
		});

		return Number(n) === 0 ? word('level', 0) : li ? li.textContent :
		    String(n);
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

	/* Keeps name t, which ends room pixels from the chart's left edge,
	 * inside it: a name too long at the paper's size is classed long
	 * (drawn at the screen's size there); one too long even so is
	 * squeezed to room. */
	function fitName(t, room) {
		var size = parseFloat(getComputedStyle(t).fontSize) || SCREEN_PX;
		var em = t.getComputedTextLength() / size;

		if (em * PAPER_PX > room)
			t.classList.add('long');
		if (em * SCREEN_PX > room) {
			t.setAttribute('textLength', room);
			t.setAttribute('lengthAdjust', 'spacingAndGlyphs');
		}
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
		if (!g.narrow)
			c.querySelectorAll('text.name').forEach(function (t) {
				fitName(t, g.left - 36);
			});
	}

	/* Appends text to li as a span the line never breaks inside. */
	function term(li, text) {
		var span = document.createElement('span');

		span.className = 'term';
		span.textContent = text;
		li.appendChild(span);
	}

	/* Returns an element of tag with class cls and text. */
	function element(tag, cls, text) {
		var e = document.createElement(tag);

		if (cls)
			e.className = cls;
		if (text !== undefined)
			e.textContent = text;
		return e;
	}

	/* Returns a copy of resource item li (of a row's level texts) for
	 * the gap list: its title a link to its address when it has one
	 * (an http or https one, as the tailoring gives it), which the
	 * printed page writes out. */
	function resourceCopy(li) {
		var copy = li.cloneNode(true), title = copy.querySelector('.resource-title');
		var a, shown = copy.querySelector('.resource-href');

		copy.removeAttribute('data-href');
		if (/^https?:\/\/\S+$/i.test(li.dataset.href || '') && title) {
			a = element('a', 'external', title.textContent);
			a.href = li.dataset.href;
			a.rel = 'external noopener noreferrer';
			title.textContent = '';
			title.appendChild(a);
			if (shown)
				shown.remove();
		}
		return copy;
	}

	/* Returns the block of what to learn for level v of row: the level's
	 * learning resources and the company's meaning (from its level
	 * texts), or null when it has neither; without resources it is
	 * classed assess-step-bare (paper leaves the meaning out). */
	function learnStep(row, v) {
		var texts = Array.from(row.querySelectorAll('.assess-texts [data-level]'))
		    .find(function (d) { return d.dataset.level === v; });
		var res = texts ? texts.querySelectorAll('.assess-resources li') : [];
		var meaning = texts && texts.querySelector('.assess-meaning .prose');
		var step, ul, details;

		if (!res.length && !meaning)
			return null;
		step = element('div', res.length ? 'assess-step' :
		    'assess-step assess-step-bare');
		step.appendChild(element('p', 'assess-step-level', word('level', v)));
		if (res.length) {
			ul = element('ul', 'assess-resources');
			res.forEach(function (li) { ul.appendChild(resourceCopy(li)); });
			step.appendChild(ul);
		}
		if (meaning) {
			details = element('details', 'assess-step-meaning');
			details.appendChild(element('summary', '', said('meaning')));
			details.appendChild(meaning.cloneNode(true));
			step.appendChild(details);
		}
		return step;
	}

	/* Returns what to learn from the current level of row to its
	 * target, in a box marked as the company's: for each level the row
	 * offers above the one, up to the other, learnStep() (the box
	 * classed assess-learn-bare when none has resources); when none has
	 * any, on a tailored sheet, the sentence that says so
	 * (#assess-word-no-resources), else null. */
	function learn(row) {
		var from = Number(picked(row, 'current') || 0);
		var to = Number(picked(row, 'target'));
		var box = element('div', 'assess-learn company'), head, any = false;
		var bare = true;

		head = element('p', 'assess-learn-head');
		head.appendChild(element('span', 'company-mark', said('company')));
		head.appendChild(document.createTextNode(' ' + said('learn')));
		box.appendChild(head);
		row.querySelectorAll('input[name^="target-"]').forEach(function (r) {
			var v = Number(r.value), step;

			if (v > from && v <= to && (step = learnStep(row, r.value))) {
				box.appendChild(step);
				any = true;
				bare = bare && /-bare/.test(step.className);
			}
		});
		if (bare)
			box.classList.add('assess-learn-bare');
		if (any)
			return box;
		return $('assess-word-no-resources') ? element('p', 'assess-learn-none',
		    said('no-resources')) : null;
	}

	/* Returns the gap item of row: its name (linked to the target's
	 * description; the standard's name and the company's mark as the
	 * row has them), the levels, where the role's target differs from
	 * the one chosen, and what to learn (learn()). */
	function gapItem(row, cur, tgt) {
		var to = row.querySelector('input[name^="target-"]:checked');
		var li = element('li'), head = element('p', 'assess-gap-head');
		var a = element('a', 'term', row.querySelector('th a').textContent);
		var role = roleOf(), aim = role ? roleTarget(role, row.dataset.skill) : '';
		var box;

		a.href = to.dataset.href;
		head.appendChild(a);
		row.querySelectorAll('th > span').forEach(function (e) {
			head.appendChild(e.cloneNode(true));	/* names, mark */
		});
		head.appendChild(document.createTextNode(said('sep')));
		term(head, (cur >= 0 ? pickedLabel(row, 'current') : said('unset')) +
		    ' →');
		head.appendChild(document.createTextNode(' '));	/* may break */
		term(head, pickedLabel(row, 'target') + (cur >= 0 ?
		    word('gap', tgt - cur) : ''));
		if (aim && aim !== to.value)
			head.appendChild(element('span', 'assess-gap-aim',
			    said('role-target') + word('level', aim)));
		li.appendChild(head);
		if ((box = learn(row)))
			li.appendChild(box);
		return li;
	}

	/* Lists each skill whose target is above its current level (or has
	 * a target and no current level), linked to the target's
	 * description, and names the role chosen. */
	function listGaps() {
		var list = $('assess-gap-list'), n = 0, role = roleOption(roleOf());

		list.textContent = '';
		rows.forEach(function (row) {
			var cur = column(picked(row, 'current'));
			var tgt = column(picked(row, 'target'));

			if (tgt <= 0 || cur >= tgt)
				return;
			list.appendChild(gapItem(row, cur, tgt));
			n++;
		});
		$('assess-gap-role').textContent = role ? said('gap-role') +
		    role.textContent : '';
		$('assess-gap-role').hidden = !role;
		$('assess-gap-none').hidden = n > 0;
		list.hidden = n === 0;
		$('assess-gaps').hidden = false;
	}

	/* Shows the role chosen: its name for the printed page, its
	 * description, its column of #assess-role-table. */
	function showRole() {
		var role = roleOf(), o = roleOption(role);

		if (!roleSelect)
			return;
		$('assess-role-chosen').hidden = !o;
		$('assess-role-name').textContent = o ? o.textContent : '';
		document.querySelectorAll('.assess-role-about').forEach(function (d) {
			d.hidden = !o || d.dataset.role !== role;
		});
		$('assess-roles').classList.toggle('assess-role-set', !!o);
		roleTable.querySelectorAll('[data-role]').forEach(function (c) {
			c.classList.toggle('assess-role-col', !!o && c.dataset.role === role);
		});
	}

	/* Lists lost, the items of a state that the sheet does not have
	 * (apply()), in #assess-missing; hides it when there are none. */
	function showMissing(lost) {
		var list = $('assess-missing-list');

		list.textContent = '';
		lost.forEach(function (m) {
			var li = element('li');

			if (m.what)
				li.appendChild(document.createTextNode(m.what + said('sep')));
			li.appendChild(element(m.code ? 'code' : 'span', '', m.name));
			if (m.rest)
				li.appendChild(document.createTextNode(said('sep') + m.rest));
			list.appendChild(li);
		});
		$('assess-missing').hidden = lost.length === 0;
	}

	/* Shows state st everywhere: link, role, chart, gaps, each row's
	 * clear button (shown when the row has a choice). */
	function show(st) {
		$('assess-link').value = linkWith(st);
		rows.forEach(function (row) {
			row.querySelector('.assess-clear').hidden =
			    !row.querySelector('input:checked');
		});
		showRole();
		drawChart();
		listGaps();
	}

	/* After a choice: the state goes to the link and to storage. */
	function changed() {
		var st = current();

		history.replaceState(null, '', linkWith(st));
		save(st);
		$('assess-status').textContent = '';
		$('assess-undo').hidden = true;
		undoState = null;
		show(st);
	}

	/* Keeps before, the state the last step changed, for undo(), and
	 * says so after sentence. */
	function undoable(before, sentence) {
		if (fragment(before)) {
			undoState = before;
			$('assess-undo').hidden = false;
		}
		$('assess-status').textContent = sentence +
		    (fragment(before) ? said('can-undo') : '');
	}

	/* A role chosen: each skill's target becomes the role's (none where
	 * the role sets none); the targets before can be brought back. */
	function chooseRole() {
		var before = { s: stateOf(), r: lastRole }, role = roleOf();

		lastRole = role;
		if (!role) {
			changed();
			return;
		}
		rows.forEach(function (row) {
			var aim = roleTarget(role, row.dataset.skill);

			row.querySelectorAll('input[name^="target-"]').forEach(function (r) {
				r.checked = r.value === aim;
			});
		});
		changed();
		undoable(before, said('role-set'));
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

	/* Reset: clears every choice and the role, keeping the state for
	 * undo(). */
	function reset() {
		var before = current();

		apply({ s: '', r: '' });
		lastRole = '';
		changed();
		undoable(before, said('cleared'));
	}

	/* Undo: the state before the last reset or role, back in the page,
	 * the link and storage. */
	function undo() {
		var before = undoState;

		if (before === null)
			return;
		apply(before);
		lastRole = roleOf();
		changed();
		$('assess-status').textContent = said('undone');
		$('assess-reset').focus();
	}

	/* Sets the sheet to st ({s, r}) as a link or the storage gives it,
	 * listing what the sheet does not have. */
	function restore(st) {
		showMissing(apply(st));
		lastRole = roleOf();
	}

	function start() {
		var st = linkState(), pressed = null;
		var fig = $('assess-chart'), drawnWidth = 0;

		if (!table)
			return;
		if (st === null) {		/* no link state: this browser's */
			st = parse(load()) || { s: '', r: '' };
			if (fragment(st))
				history.replaceState(null, '', linkWith(st));
		}
		restore(st);
		table.addEventListener('change', changed);
		if (roleSelect) {
			roleSelect.addEventListener('change', chooseRole);
			$('assess-role-pick').hidden = false;
			$('assess-role-help').hidden = false;
			$('assess-role-targets').open = false;	/* the select says it */
		}
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
			restore(linkState() || { s: '', r: '' });
			show(current());
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
		show(current());
	}

	start();
})();
