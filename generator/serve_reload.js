/* serve_reload.js: the live preview's script, served by "skillsite serve"
 * only (at /__skillsite/reload.js; no built site holds it).  It listens to
 * the preview's event stream: "reload" after a build is published, and
 * "errors" with a failed build's diagnostics, which it shows over the
 * page until the next build is published.  The overlay is made of text
 * nodes only (no markup from the stream) and styled through the CSSOM,
 * which the site's Content-Security-Policy allows. */
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
		box.appendChild(element('p', '直前に成功したサイトを表示しています。' +
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

	if (!window.EventSource)
		return;
	var events = new EventSource('/__skillsite/events');

	events.addEventListener('reload', function () {
		window.location.reload();
	});
	events.addEventListener('errors', function (e) {
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
	});
	window.addEventListener('pagehide', function () { events.close(); });
}());
