/* serve_reload.js: the live preview's script, served by "skillsite serve"
 * only (at /__skillsite/reload.js; no built site holds it).  It listens to
 * the preview's event stream: "reload" after a build is published,
 * "refresh" after the search index and downloads were updated (it reloads
 * only a page that fetched a file of search/ or downloads/), and "errors"
 * with a failed build's diagnostics, which it shows over the page until
 * the next build is published.  It opens the stream with the generation
 * the page was served from (Server-Timing), so that the server sends
 * "reload" at once when a newer site was published meanwhile; and it
 * holds the stream only while the page is visible (a browser gives a
 * host six connections, and each stream holds one), reopening it when
 * the page is shown again.  The overlay is made of text nodes only (no
 * markup from the stream) and styled through the CSSOM, which the site's
 * Content-Security-Policy allows. */
(function () {
	'use strict';

	var overlay = null;

	// The parts of a diagnostic line: its position and its message.
	function parse(line) {
		var m = /^skillsite: (.*?:\d+:\d+): (error|warning|notice): (.*)$/.exec(line);

		if (m)
			return { where: m[1], kind: m[2], text: m[3] };
		m = /^skillsite: (?:(.*?): )?(error|warning|notice): (.*)$/.exec(line);
		if (m)
			return { where: m[1] || '', kind: m[2], text: m[3] };
		return { where: '', kind: '', text: line };
	}

	function style(el, props) {
		Object.keys(props).forEach(function (k) { el.style[k] = props[k]; });
		return el;
	}

	function element(tag, text, props) {
		var el = document.createElement(tag);

		if (text)
			el.textContent = text;
		return style(el, props || {});
	}

	// Whether this is the preview's own page for "no site yet" (503).
	function noSite() {
		return document.documentElement.getAttribute(
		    'data-skillsite-status') === '503';
	}

	function clear() {
		if (overlay && overlay.parentNode)
			overlay.parentNode.removeChild(overlay);
		overlay = null;
	}

	function show(lines) {
		var box, list, close;

		clear();
		overlay = element('div', '', {
			position: 'fixed', inset: '0', zIndex: '2147483647',
			background: 'rgba(20, 20, 20, 0.55)', overflow: 'auto',
			padding: '2rem 1rem'
		});
		overlay.id = 'skillsite-serve-errors';
		overlay.setAttribute('role', 'alertdialog');
		overlay.setAttribute('aria-modal', 'true');
		overlay.setAttribute('aria-labelledby', 'skillsite-serve-title');
		box = element('div', '', {
			maxWidth: '60rem', margin: '0 auto', background: '#fff',
			color: '#1a1a1a', border: '4px solid #b00020',
			borderRadius: '6px', padding: '1.25rem 1.5rem',
			fontFamily: 'sans-serif', lineHeight: '1.6'
		});
		box.appendChild(element('h2', 'ビルドに失敗しました', {
			margin: '0 0 0.5rem', color: '#b00020', fontSize: '1.4rem'
		})).id = 'skillsite-serve-title';
		box.appendChild(element('p', (noSite() ?
		    'まだ表示できるサイトがありません（最初のビルドが失敗しました）。' :
		    '直前に成功したサイトを表示しています。') +
		    '次の箇所を直して保存すると、このページは自動で再読み込みされます。',
		    { margin: '0 0 1rem' }));
		list = element('ol', '', { margin: '0', paddingLeft: '1.5rem' });
		lines.forEach(function (line) {
			var d = parse(line), li = element('li', '', { margin: '0 0 0.75rem' });

			if (d.where)
				li.appendChild(element('code', d.where, {
					display: 'block', fontWeight: 'bold',
					fontFamily: 'monospace', wordBreak: 'break-all'
				}));
			li.appendChild(element('span', (d.kind === 'error' ?
			    'エラー: ' : d.kind ? d.kind + ': ' : '') + d.text, {
				whiteSpace: 'pre-wrap', wordBreak: 'break-word'
			}));
			list.appendChild(li);
		});
		box.appendChild(list);
		close = element('button', '閉じる（エラーは残ります）', {
			marginTop: '1rem', font: 'inherit', padding: '0.3rem 1rem'
		});
		close.type = 'button';
		close.addEventListener('click', clear);
		box.appendChild(close);
		overlay.appendChild(box);
		document.body.appendChild(overlay);
		close.focus();
	}

	// The generation the page was served from (the "skillsite" entry of
	// Server-Timing, digits), or null when the browser does not tell.
	function served() {
		var nav, found = null;

		try {
			nav = performance.getEntriesByType('navigation')[0];
			(nav && nav.serverTiming || []).forEach(function (t) {
				if (t.name === 'skillsite' && /^\d+$/.test(t.description))
					found = t.description;
			});
		} catch (err) {
			return null;
		}
		return found;
	}

	// Whether the page fetched a file of the search index or the downloads.
	function usesData() {
		var root = window.location.origin + '/';

		return performance.getEntriesByType('resource').some(function (e) {
			return e.name.indexOf(root + 'search/') === 0 ||
			    e.name.indexOf(root + 'downloads/') === 0;
		});
	}

	function errors(e) {
		var data;

		try {
			data = JSON.parse(e.data);
		} catch (err) {
			return;
		}
		if (document.body)
			show(data.errors || []);
		else
			document.addEventListener('DOMContentLoaded', function () {
				show(data.errors || []);
			});
	}

	if (!window.EventSource)
		return;
	var generation = served(), events = null, again = null;

	function close() {
		if (events)
			events.close();
		events = null;
	}

	// Opens the event stream, unless it is open or the page is hidden.
	function open() {
		if (events || document.visibilityState === 'hidden')
			return;
		clearTimeout(again);
		var source = new EventSource('/__skillsite/events' +
		    (generation !== null ? '?since=' + generation : ''));

		events = source;
		source.addEventListener('hello', function (e) {
			if (generation === null && /^\d+$/.test(e.data))
				generation = e.data;
		});
		source.addEventListener('reload', function () {
			window.location.reload();
		});
		source.addEventListener('refresh', function () {
			if (usesData())
				window.location.reload();
		});
		source.addEventListener('errors', errors);
		source.addEventListener('error', function () {
			// refused (not a network error): the browser gives up
			if (events === source &&
			    source.readyState === EventSource.CLOSED) {
				close();
				again = setTimeout(open, 5000);
			}
		});
	}

	document.addEventListener('visibilitychange', function () {
		if (document.visibilityState === 'hidden')
			close();
		else
			open();
	});
	window.addEventListener('pagehide', close);
	window.addEventListener('pageshow', open);
	open();
}());
