#!/usr/bin/env python3
"""preview.py: "skillsite serve" from outside, over HTTP and raw sockets.

  - every file of the site answers 200 with the security headers, its type,
    its generation (Server-Timing) and its bytes (HEAD: the headers
    alone); every page loads the reload script and states the preview's
    policy;
  - events carry the generation as their id; a stream opened for an older
    generation (?since=N or Last-Event-ID) gets "reload" at once, so a
    site published between a page and its stream is not missed;
  - a saved edit sends "reload" on the event stream, after which the page
    shows it; a broken save sends "errors" with FILE:LINE:COL, the last
    good site stays served, a page connecting then gets the errors at
    once; the fix sends "reload"; the same for a template; with --poll
    too;
  - a first build that fails: 503 with a page that says what to do and
    loads the reload script; its stream has the errors; the fix reloads;
  - 100 saves in a burst: the server lives and the final site is what a
    fresh build of the final content makes;
  - hostile requests (traversal in every encoding, NUL, overlong UTF-8,
    backslashes, links out of the site, folders, other methods, huge or
    broken headers, slow and idle connections, more connections than the
    limit, a request flood) never reach a file outside the site, never
    list a folder, and leave the server answering; event streams opened
    during the flood are not refused;
  - DNS rebinding: on loopback, a request for another host (Host header
    of another name or port, none, or two) gets 403; -b 127.0.0.2 and
    -b ::1 answer to their own address, -b 0.0.0.0 to any;
  - a load of 200 connections for 10 s: every response is the file's
    bytes (or 429 with Retry-After, past the rate limit), and the server
    answers afterwards;
  - SIGTERM and SIGINT stop it with status 0 and remove its folder; a bad
    -b or -p is a usage error; -b off loopback warns.
No assertion is about time: waits have generous limits only so that a
hang fails instead of blocking the suite.
Usage: tests/preview.py BINARY   (from the top of the repository;
PREVIEW_QUICK=1 leaves out the connections, the flood and the load)
"""
import http.client
import os
import queue
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

BIN = sys.argv[1]
# PREVIEW_QUICK=1 (the sanitized binary's run) leaves out the connection
# limit, the flood and the load
QUICK = os.environ.get('PREVIEW_QUICK') == '1'
CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; "
       "font-src 'self'; script-src 'self'; base-uri 'none'; "
       "form-action 'none'; connect-src 'self'")
TYPES = {
    'html': 'text/html; charset=utf-8', 'css': 'text/css; charset=utf-8',
    'js': 'application/javascript; charset=utf-8',
    'svg': 'image/svg+xml', 'pdf': 'application/pdf',
    'json': 'application/json', 'csv': 'text/csv; charset=utf-8',
    'xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}
SCRIPT_TAG = '<script src="/__skillsite/reload.js" defer="defer"></script>'
FIRST_FAILED = ('The first build failed: fix the errors shown in the terminal '
                '(or on this page once it reloads) and save; this page reloads '
                'when a build succeeds.')
WAIT = 60           # seconds before a wait counts as a hang

passed = 0
failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print('FAIL: ' + what, flush=True)


class Server:
    """skillsite serve on a copy of the content, in a folder of its own."""

    def __init__(self, root, *extra, paths=None, ready='site ready'):
        self.root = root
        self.tmp = os.path.join(root, 'tmp')
        os.makedirs(self.tmp, exist_ok=True)
        env = dict(os.environ, TMPDIR=self.tmp)
        self.out = open(os.path.join(root, 'out.txt'), 'w+')
        self.err = open(os.path.join(root, 'err.txt'), 'w+')
        self.proc = subprocess.Popen(
            [BIN, 'serve', '-p', '0', '-t', os.path.join(root, 'templates'),
             *extra, *(paths or [os.path.join(root, 'content')])],
            stdout=self.out, stderr=self.err, env=env)
        self.port = None
        deadline = time.time() + WAIT
        while self.port is None and time.time() < deadline:
            m = re.search(r'serving http://(?:\[[^]]+\]|[^:/]+):(\d+)/',
                          self.stdout())
            if m:
                self.port = int(m.group(1))
            elif self.proc.poll() is not None:
                break
            else:
                time.sleep(0.05)
        self.wait_output(ready)

    def stdout(self):
        self.out.flush()
        with open(self.out.name) as f:
            return f.read()

    def stderr(self):
        self.err.flush()
        with open(self.err.name) as f:
            return f.read()

    def wait_output(self, text, count=1):
        deadline = time.time() + WAIT
        while self.stdout().count(text) < count and time.time() < deadline:
            time.sleep(0.05)
        return self.stdout().count(text) >= count

    def site(self):
        """The folder being served."""
        for name in os.listdir(self.tmp):
            if name.startswith('skillsite-serve.'):
                return os.path.join(self.tmp, name, 'site')
        return None

    def stop(self, sig=signal.SIGTERM):
        self.proc.send_signal(sig)
        try:
            status = self.proc.wait(WAIT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            status = 'hung'
        self.out.close()
        self.err.close()
        return status


def request(port, path, method='GET', headers=None, timeout=WAIT):
    c = http.client.HTTPConnection('127.0.0.1', port, timeout=timeout)
    c.request(method, path, headers=headers or {})
    r = c.getresponse()
    body = r.read()
    c.close()
    return r.status, {k.lower(): v for k, v in r.getheaders()}, body


def host_line(port):
    """The Host header of a raw request to the preview on port."""
    return b'Host: 127.0.0.1:%d\r\n' % port


def raw(port, data, timeout=10, addr='127.0.0.1'):
    """Sends data as it is; returns what the server answered (b'' when it
    closed without a word)."""
    s = socket.create_connection((addr, port), timeout=timeout)
    got = b''
    try:
        s.sendall(data)
        s.shutdown(socket.SHUT_WR)
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            got += chunk
    except (ConnectionResetError, BrokenPipeError, socket.timeout):
        pass
    finally:
        s.close()
    return got


class Events:
    """A reader of the event stream: (event, data, id) on a queue.  since
    and last_id: the generation the page shows, as the reload script sends
    it (?since=N) and as a reconnecting browser does (Last-Event-ID)."""

    def __init__(self, port, since=None, last_id=None, host=None):
        self.q = queue.Queue()
        self.sock = socket.create_connection(('127.0.0.1', port), timeout=WAIT)
        url = '/__skillsite/events' + ('' if since is None else f'?since={since}')
        head = (f'GET {url} HTTP/1.1\r\nHost: {host or f"127.0.0.1:{port}"}\r\n'
                'Accept: text/event-stream\r\n')
        if last_id is not None:
            head += f'Last-Event-ID: {last_id}\r\n'
        self.sock.sendall((head + '\r\n').encode('latin-1'))
        self.status = None
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        buf = b''
        try:
            while True:
                chunk = self.sock.recv(65536)
                if not chunk:
                    break
                buf += chunk
                if self.status is None and b'\r\n' in buf:
                    self.status = buf.split(b'\r\n', 1)[0].decode('latin-1')
                while b'\n\n' in buf:
                    block, buf = buf.split(b'\n\n', 1)
                    event, data, ident = 'message', [], None
                    for line in block.decode('utf-8', 'replace').split('\n'):
                        line = line.rstrip('\r')
                        if line.startswith('event: '):
                            event = line[7:]
                        elif line.startswith('data: '):
                            data.append(line[6:])
                        elif line.startswith('id: '):
                            ident = line[4:]
                    if data or event != 'message':
                        self.q.put((event, '\n'.join(data), ident))
        except OSError:
            pass
        self.q.put(('closed', '', None))

    def first(self):
        """The first event, as (event, data, id); ('hang', '', None) on a
        hang."""
        try:
            return self.q.get(timeout=WAIT)
        except queue.Empty:
            return ('hang', '', None)

    def next(self, wanted):
        """The next event named wanted, skipping others; None on a hang."""
        deadline = time.time() + WAIT
        while time.time() < deadline:
            try:
                event, data, _ = self.q.get(timeout=1)
            except queue.Empty:
                continue
            if event == wanted:
                return data
            if event == 'closed':
                return None
        return None

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


def content_file(root):
    return os.path.join(root, 'content', 'customer-service.xml')


# The fault-repair entry of the hardware specialty: its level 3 shows on
# the page the edits are read on.
ENTRY = '<entry skill="fault-repair">'
PAGE = '/customer-service/hardware/skills/fault-repair.html'


def replaced(text, old, new):
    """text with the first old after ENTRY made new."""
    at = text.index(ENTRY)
    k = text.index(old, at)
    return text[:k] + new + text[k + len(old):]


def edit(path, old, new):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    with open(path + '.tmp', 'w', encoding='utf-8') as f:
        f.write(replaced(text, old, new))
    os.replace(path + '.tmp', path)     # as editors save: by rename


def files_of(site):
    """The files a site publishes (hidden ones, the publisher's, aside)."""
    for d, _, names in os.walk(site):
        for n in names:
            if not n.startswith('.'):
                yield os.path.relpath(os.path.join(d, n), site)


def check_files(srv):
    site = srv.site()
    n = 0
    for rel in sorted(files_of(site)):
        url = '/' + rel
        status, h, body = request(srv.port, url)
        with open(os.path.join(site, rel), 'rb') as f:
            want = f.read()
        ext = rel.rsplit('.', 1)[-1]
        ok = (status == 200 and body == want and
              h.get('content-security-policy') == CSP and
              h.get('x-content-type-options') == 'nosniff' and
              h.get('referrer-policy') == 'no-referrer' and
              generation_of(h) is not None and
              h.get('content-type') == TYPES.get(ext, 'application/octet-stream'))
        check(ok, f'GET {url}: {status} {h}')
        if rel.endswith('.html'):
            text = want.decode('utf-8')
            check(SCRIPT_TAG in text and CSP in text,
                  f'{url}: the reload script and the preview policy')
        n += 1
    status, h, body = request(srv.port, '/index.html', 'HEAD')
    check(status == 200 and body == b'' and
          h.get('content-security-policy') == CSP, 'HEAD /index.html')
    status, h, body = request(srv.port, '/')
    with open(os.path.join(site, 'index.html'), 'rb') as f:
        check(status == 200 and body == f.read(), 'GET / is index.html')
    status, h, body = request(srv.port, '/__skillsite/reload.js')
    check(status == 200 and b'EventSource' in body and
          h.get('content-type') == TYPES['js'], 'the reload script')
    check(n > 50, f'{n} files served')


def generation_of(headers):
    """The generation a response says it was served from (Server-Timing:
    skillsite;desc="N"), or None."""
    m = re.fullmatch(r'skillsite;desc="(\d+)"', headers.get('server-timing', ''))
    return int(m.group(1)) if m else None


def check_generations(srv, root):
    """Every response of the site says its generation; events carry it as
    their id; a stream opened for an older generation (?since=N, or
    Last-Event-ID, which wins) gets "reload" at once: a page whose site
    was replaced before its stream connected does not miss it."""
    status, h, _ = request(srv.port, PAGE)
    gen = generation_of(h)
    check(status == 200 and gen is not None,
          f'Server-Timing on a page: {h.get("server-timing")}')
    if gen is None:
        return
    for url, want in [('/no-such.html', 404), ('/customer-service', 301),
                      ('/assets/style.css', 200)]:
        status, h, _ = request(srv.port, url)
        check(status == want and generation_of(h) == gen,
              f'{url}: {status}, Server-Timing {h.get("server-timing")}')
    ev = Events(srv.port, since=gen)
    first = ev.first()
    check(first == ('hello', str(gen), str(gen)),
          f'a stream of the current generation says hello: {first}')
    # the race: the page was served from gen; a site is published and its
    # reload sent before the page's stream connects
    edit(content_file(root), '<level value="3">', '<level value="3">競争。')
    got = ev.first()
    check(got == ('reload', str(gen + 1), str(gen + 1)),
          f'reload with the new generation as id: {got}')
    ev.close()
    for since, last, want in [(gen, None, 'reload'), (gen + 1, None, 'hello'),
                              (gen + 1, gen, 'reload'), (gen, gen + 1, 'hello'),
                              (None, None, 'hello'), ('x', None, 'hello'),
                              (None, gen, 'reload')]:
        late = Events(srv.port, since=since, last_id=last)
        got = late.first()
        check(got == (want, str(gen + 1), str(gen + 1)),
              f'since={since}, Last-Event-ID: {last}: {want} at once: {got}')
        late.close()
    status, h, body = request(srv.port, PAGE)
    check(generation_of(h) == gen + 1 and '競争。' in body.decode('utf-8'),
          f'the page of the new generation: {h.get("server-timing")}')
    ev = Events(srv.port, since=gen + 1)
    edit(content_file(root), '競争。', '')
    check(ev.next('reload') == str(gen + 2), 'the edit undone')
    ev.close()


def check_forbidden(port, data, what, addr='127.0.0.1'):
    """data, a request for another host, gets 403 and a short text."""
    got = raw(port, data, addr=addr)
    head, _, body = got.partition(b'\r\n\r\n')
    check(re.match(rb'HTTP/1\.[01] 403 ', head) is not None and
          b'text/plain; charset=utf-8' in head and
          b'Content-Security-Policy: ' in head and
          body.startswith(b'403 Forbidden\n') and b'localhost' in body and
          b'<' not in body, f'{what}: {got[:300]!r}')


def get_with_host(port, host, url='/index.html'):
    """A raw GET of url for host."""
    return (b'GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n' %
            (url.encode(), host.encode()))


def check_host(srv):
    """DNS rebinding: bound to loopback, the preview answers only requests
    for localhost, its own address or [::1], with its port or none."""
    port = srv.port
    for host in [f'127.0.0.1:{port}', '127.0.0.1', 'localhost',
                 f'LocalHost:{port}', f'[::1]:{port}', '[::1]',
                 f'[0:0:0:0:0:0:0:1]:{port}']:
        got = raw(port, get_with_host(port, host))
        check(got.startswith(b'HTTP/1.1 200 '), f'Host: {host}: {got[:30]!r}')
    hostile = ['evil.example', f'evil.example:{port}', f'127.0.0.1:{port + 1}',
               'localhost:1', f'127.0.0.2:{port}', '127.1', '2130706433',
               'localhost.', f'localhost.evil.example:{port}',
               f'127.0.0.1.nip.io:{port}', f'[::2]:{port}', '',
               f'localhost:{port}x', '[::1]x', '[::1', f'localhost:{port}:{port}',
               f'evil.example@127.0.0.1:{port}', f'127.0.0.1:{port}@evil.example',
               f'127.0.0.1 :{port}', f'[::ffff:127.0.0.1]:{port}']
    for host in hostile:
        for url in ['/index.html', '/__skillsite/events', '/__skillsite/reload.js',
                    '/no-such.html']:
            check_forbidden(port, get_with_host(port, host, url),
                            f'Host: {host!r}, {url}')
    check_forbidden(port, b'GET /index.html HTTP/1.0\r\n\r\n', 'no Host, HTTP/1.0')
    got = raw(port, b'GET /index.html HTTP/1.1\r\nConnection: close\r\n\r\n')
    check(re.match(rb'HTTP/1\.1 40[03] ', got) is not None and b'<main' not in got,
          f'no Host, HTTP/1.1: {got[:30]!r}')
    good, evil = f'127.0.0.1:{port}'.encode(), b'evil.example'
    for a, b in [(good, evil), (evil, good), (good, good)]:
        check_forbidden(port, b'GET /index.html HTTP/1.1\r\nHost: %s\r\n'
                        b'Host: %s\r\nConnection: close\r\n\r\n' % (a, b),
                        f'two Host headers: {a!r}, {b!r}')
    check(request(srv.port, '/index.html')[0] == 200,
          'the server answers after the requests for other hosts')


def check_host_bound(root):
    """Bound to another loopback address, that address is the name; bound
    off loopback (-b 0.0.0.0), any Host is answered."""
    srv = Server(root, '-b', '127.0.0.2')
    got = raw(srv.port, get_with_host(srv.port, f'127.0.0.2:{srv.port}'),
              addr='127.0.0.2')
    check(got.startswith(b'HTTP/1.1 200 '), f'-b 127.0.0.2: its address: {got[:30]!r}')
    got = raw(srv.port, get_with_host(srv.port, 'localhost'), addr='127.0.0.2')
    check(got.startswith(b'HTTP/1.1 200 '), f'-b 127.0.0.2: localhost: {got[:30]!r}')
    check_forbidden(srv.port, get_with_host(srv.port, f'127.0.0.1:{srv.port}'),
                    '-b 127.0.0.2: another address', addr='127.0.0.2')
    check_stop(srv, signal.SIGTERM, '-b 127.0.0.2')
    if socket.has_ipv6:
        srv = Server(root, '-b', '::1')
        if srv.port is not None:
            got = raw(srv.port, get_with_host(srv.port, f'[::1]:{srv.port}'),
                      addr='::1')
            check(got.startswith(b'HTTP/1.1 200 '), f'-b ::1: [::1]: {got[:30]!r}')
            check_forbidden(srv.port, get_with_host(srv.port, 'evil.example'),
                            '-b ::1: evil.example', addr='::1')
        check_stop(srv, signal.SIGTERM, '-b ::1')


def check_first_failed(work):
    """The first build fails: 503, a page that says what happened and what
    to do and loads the reload script; its stream sends the errors; the
    fix reloads it into the site."""
    root = os.path.join(work, 'first-failed')
    setup(root)
    path = content_file(root)
    edit(path, '<level value="3">', '<level value="3"><broken ')
    srv = Server(root, ready='build failed')
    check(srv.port is not None, 'serve starts when its first build fails')
    for url in ['/', PAGE]:
        status, h, body = request(srv.port, url)
        text = body.decode('utf-8')
        check(status == 503 and FIRST_FAILED in text and SCRIPT_TAG in text and
              h.get('content-security-policy') == CSP and
              h.get('content-type') == TYPES['html'] and
              generation_of(h) == 0 and
              '<html lang="en" data-skillsite-status="503">' in text,
              f'{url} while the first build failed: {status} {text[:400]}')
    ev = Events(srv.port, since=0)
    check(ev.first()[0] == 'hello', 'its stream says hello')
    data = ev.next('errors')
    check(data is not None and
          re.search(r'customer-service\.xml:\d+:\d+: error: ', data or ''),
          f'and the errors: {data}')
    edit(path, '<broken ', '')
    check(ev.next('reload') == '1', 'the fix: reload')
    ev.close()
    status, h, body = request(srv.port, '/')
    check(status == 200 and generation_of(h) == 1, f'the site once fixed: {status}')
    check_stop(srv, signal.SIGTERM, 'the first build failed')


def check_edits(srv, root, label):
    ev = Events(srv.port)
    path = content_file(root)
    page = PAGE
    marker = f'改訂{label}。'
    edit(path, '<level value="3">', '<level value="3">' + marker)
    check(ev.next('reload') is not None, f'{label}: reload after an edit')
    status, _, body = request(srv.port, page)
    check(status == 200 and marker in body.decode('utf-8'),
          f'{label}: the page shows the edit')

    edit(path, marker, '<broken ')
    data = ev.next('errors')
    check(data is not None and
          re.search(r'customer-service\.xml:\d+:\d+: error: ', data or ''),
          f'{label}: errors with FILE:LINE:COL after a broken save: {data}')
    status, _, body = request(srv.port, page)
    check(status == 200 and marker in body.decode('utf-8'),
          f'{label}: the last good site is still served')
    late = Events(srv.port)
    data = late.next('errors')
    check(data is not None and 'customer-service.xml' in data,
          f'{label}: a page opened now gets the errors at once')
    late.close()
    check(re.search(r'customer-service\.xml:\d+:\d+: error: ', srv.stderr()),
          f'{label}: the terminal shows the errors')

    edit(path, '<broken ', '')
    check(ev.next('reload') is not None, f'{label}: reload after the fix')
    status, _, body = request(srv.port, page)
    check(status == 200 and marker not in body.decode('utf-8'),
          f'{label}: the fixed page')
    ev.close()


def check_folder_back(srv, root, label):
    """The content folder moved away and back: errors, then the site, and
    edits in the folder are seen again."""
    ev = Events(srv.port)
    content = os.path.join(root, 'content')
    os.rename(content, content + '.away')
    data = ev.next('errors')
    check(data is not None, f'{label}: errors once the content folder is gone')
    os.rename(content + '.away', content)
    check(ev.next('reload') is not None, f'{label}: reload once it is back')
    edit(content_file(root), '<level value="3">', '<level value="3">戻り。')
    check(ev.next('reload') is not None,
          f'{label}: an edit in the folder put back is seen')
    edit(content_file(root), '戻り。', '')
    check(ev.next('reload') is not None, f'{label}: and undone')
    ev.close()


def check_templates_back(srv, root, label):
    """The templates folder moved away and back: still watched, by the
    same means, and a saved stylesheet is seen."""
    ev = Events(srv.port)
    templates = os.path.join(root, 'templates')
    os.rename(templates, templates + '.away')
    check(ev.next('errors') is not None,
          f'{label}: errors once the templates are gone')
    os.rename(templates + '.away', templates)
    check(ev.next('reload') is not None, f'{label}: reload once they are back')
    css = os.path.join(templates, 'style.css')
    with open(css, 'a', encoding='utf-8') as f:
        f.write('\n/* a saved change */\n')
    check(ev.next('reload') is not None,
          f'{label}: a stylesheet saved in the folder put back is seen')
    check('cannot watch' not in srv.stderr(),
          f'{label}: still watched with inotify: {srv.stderr()[-300:]}')
    ev.close()


def check_files_in_one_folder(work):
    """Two content files named in one folder: a save to either is seen
    (their folder's one watch serves both)."""
    root = os.path.join(work, 'files')
    setup(root)
    content = os.path.join(root, 'content')
    srv = Server(root, paths=[os.path.join(content, 'framework.xml'),
                              os.path.join(content, 'customer-service.xml')])
    ev = Events(srv.port)
    edit(content_file(root), '<level value="3">', '<level value="3">二つ目。')
    check(ev.next('reload') is not None,
          'two files of one folder: a save to the second is seen')
    status, _, body = request(srv.port, PAGE)
    check('二つ目。' in body.decode('utf-8'),
          'two files of one folder: the page shows it')
    ev.close()
    check_stop(srv, signal.SIGTERM, 'two files of one folder')


def check_templates(srv, root):
    ev = Events(srv.port)
    layout = os.path.join(root, 'templates', 'skill.xhtml')
    with open(layout, encoding='utf-8') as f:
        text = f.read()
    with open(layout, 'w', encoding='utf-8') as f:     # saved in place
        f.write(text.replace('<main data-page', '<main data-nonsense="x" data-page', 1))
    data = ev.next('errors')
    check(data is not None and re.search(r'skill\.xhtml:\d+:\d+: ', data or ''),
          f'a broken template: errors with its position: {data}')
    with open(layout, 'w', encoding='utf-8') as f:
        f.write(text)
    check(ev.next('reload') is not None, 'reload after the template is fixed')
    ev.close()


def compare_with_build(srv, root):
    """The served site against a fresh build of the same content, but for
    what the preview adds to pages."""
    fresh = os.path.join(root, 'fresh')
    subprocess.run([BIN, 'build', '-t', os.path.join(root, 'templates'),
                    '-o', fresh, os.path.join(root, 'content')],
                   check=True, stdout=subprocess.DEVNULL)
    site = srv.site()
    a, b = sorted(files_of(site)), sorted(files_of(fresh))
    check(a == b, 'the burst: the same files as a fresh build')
    bad = 0
    for rel in a:
        if rel not in b:
            continue
        with open(os.path.join(site, rel), 'rb') as f:
            x = f.read()
        with open(os.path.join(fresh, rel), 'rb') as f:
            y = f.read()
        if rel.endswith('.html'):
            x = x.replace(SCRIPT_TAG.encode() + b'\n', b'').replace(
                SCRIPT_TAG.encode(), b'').replace(b"; connect-src 'self'", b'')
        if x != y:
            bad += 1
            print('  differs: ' + rel)
    check(bad == 0, f'the burst: every file as a fresh build makes it ({bad} differ)')


def check_burst(srv, root):
    path = content_file(root)
    with open(path, encoding='utf-8') as f:
        base = f.read()
    for i in range(100):
        text = replaced(base, '<level value="3">', f'<level value="3">版{i}。')
        if i % 10 == 5:
            text = text.replace('</jobtype>', '<oops', 1)   # broken saves too
        with open(path + '.tmp', 'w', encoding='utf-8') as f:
            f.write(text)
        os.replace(path + '.tmp', path)
        time.sleep(0.01)
    # the last save is good: wait until it is served
    deadline = time.time() + WAIT
    page = PAGE
    body = b''
    while time.time() < deadline:
        try:
            _, _, body = request(srv.port, page)
        except OSError:
            pass
        if '版99。' in body.decode('utf-8', 'replace'):
            break
        time.sleep(0.2)
    check('版99。' in body.decode('utf-8', 'replace'),
          'the burst: the last save is served')
    time.sleep(1)       # any build started by the last events ends
    compare_with_build(srv, root)
    check(srv.proc.poll() is None, 'the burst: the server lives')


HOSTILE = [
    '/../../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd',
    '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd', '/..%2f..%2fetc/passwd',
    '/%252e%252e/etc/passwd', '/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd',
    '/%c0%af..%c0%afetc/passwd', '/%e0%80%ae%e0%80%ae/etc/passwd',
    '/..\\..\\etc\\passwd', '/%5c..%5c..%5cetc/passwd',
    '/index.html%00.css', '/assets/../../etc/passwd', '/./index.html',
    '//etc/passwd', '/.%2e/.%2e/etc/passwd', '/%2e%2e%5cetc%5cpasswd',
    '/assets/%2e%2e/index.html', '/out', '/..', '/%ff%fe',
    '/.skillsite-manifest', '/../.site.skillsite-manifest',
]


def check_hostile(srv):
    site = srv.site()
    os.symlink('/etc/passwd', os.path.join(site, 'passwd.html'))
    os.symlink('/etc', os.path.join(site, 'etcdir'))
    os.symlink(os.path.join(site, 'index.html'), os.path.join(site, 'inner.html'))
    for url in HOSTILE + ['/passwd.html', '/etcdir/passwd', '/etcdir/',
                          '/inner.html']:
        got = raw(srv.port, f'GET {url} HTTP/1.1\r\nHost: 127.0.0.1:{srv.port}\r\n'
                  'Connection: close\r\n\r\n'.encode('latin-1'))
        head = got.split(b'\r\n', 1)[0]
        check(b'root:x:0' not in got and not head.endswith(b' 200 OK'),
              f'GET {url}: {head!r}')
    # the same through curl, which sends the path as it is given
    if shutil.which('curl'):
        for url in HOSTILE + ['/passwd.html', '/etcdir/passwd']:
            r = subprocess.run(
                ['curl', '-s', '--path-as-is', '-o', '-', '-w',
                 '\n%{http_code}', f'http://127.0.0.1:{srv.port}{url}'],
                capture_output=True)
            code = r.stdout.rsplit(b'\n', 1)[-1]
            check(b'root:x:0' not in r.stdout and code != b'200',
                  f'curl --path-as-is {url}: {code!r}')
    # no listing: a folder without index.html, with and without its slash
    status, _, body = request(srv.port, '/assets/')
    check(status == 404 and b'style.css' not in body, '/assets/: no listing')
    status, h, _ = request(srv.port, '/customer-service')
    check(status == 301 and h.get('location') == '/customer-service/',
          f'/customer-service: {status} to {h.get("location")}')
    for method in ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE']:
        status, h, _ = request(srv.port, '/index.html', method)
        check(status == 405 and h.get('allow') == 'GET, HEAD' and
              h.get('content-security-policy') == CSP, f'{method}: {status}')
    hl = host_line(srv.port)
    got = raw(srv.port, b'CONNECT 127.0.0.1:22 HTTP/1.1\r\n' + hl + b'\r\n')
    check(not got.split(b'\r\n', 1)[0].endswith(b' 200 OK'), 'CONNECT')
    # headers too large, too many, broken; NUL; nonsense
    cases = [
        b'GET / HTTP/1.1\r\n' + hl + b'X-Big: ' + b'a' * 40000 + b'\r\n\r\n',
        b'GET / HTTP/1.1\r\n' + hl +
        b''.join(b'X-%d: y\r\n' % i for i in range(5000)) + b'\r\n',
        b'GET /' + b'a' * 40000 + b' HTTP/1.1\r\n' + hl + b'\r\n',
        b'\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03' + os.urandom(64),
        b'GET / HTTP/9.9\r\n' + hl + b'\r\n',
        b'GET / HTTP/1.1\r\n' + hl + b'Content-Length: -1\r\n\r\n',
        b'GET / HTTP/1.1\r\n' + hl + b'Transfer-Encoding: chunked\r\n\r\nzz\r\n',
        b'GET http://example.com/../../etc/passwd HTTP/1.1\r\n' + hl + b'\r\n',
        b'GET /index.html HTTP/1.1\r\n' + hl + b'Content-Length: 5\r\n\r\nhello',
        b'POST /index.html HTTP/1.1\r\n' + hl + b'Expect: 100-continue\r\n'
        b'Content-Length: 1000000000\r\n\r\n',
        b'\r\n\r\n\r\n',
        os.urandom(4096),
    ]
    for i, data in enumerate(cases):
        got = raw(srv.port, data)
        head = got.split(b'\r\n', 1)[0]
        check(b'root:x:0' not in got and (got == b'' or re.match(
              rb'HTTP/1\.[01] (4\d\d|505|301)', head)), f'hostile case {i}: {head!r}')
    # NUL in the request line: libmicrohttpd reads the target up to it, and
    # what precedes is checked as any path: never more than that file
    with open(os.path.join(site, 'index.html'), 'rb') as f:
        index = f.read()
    for data in [b'GET /index.html\x00.css HTTP/1.1\r\n' + hl + b'\r\n',
                 b'GET /\x00/../../etc/passwd HTTP/1.1\r\n' + hl + b'\r\n',
                 b'GET /\x00..%2f..%2fetc/passwd HTTP/1.1\r\n' + hl + b'\r\n']:
        got = raw(srv.port, data)
        head, _, body = got.partition(b'\r\n\r\n')
        ok = b'root:x:0' not in got and (
            not head.startswith(b'HTTP/1.1 200') or
            (body == index and b'text/html' in head))
        check(ok, f'NUL in {data[:30]!r}: {head[:40]!r}')
    check(request(srv.port, '/index.html')[0] == 200,
          'the server answers after the hostile requests')


def check_connections(srv):
    """Slow and idle connections, past the limit: others are still served."""
    socks = []
    for i in range(320):
        try:
            s = socket.create_connection(('127.0.0.1', srv.port), timeout=5)
            if i % 2 == 0:
                s.sendall(b'GET /index.html HTTP/1.1\r\n' + host_line(srv.port) +
                          b'X-Slow: ')
            socks.append(s)
        except OSError:
            break
    check(len(socks) >= 200, f'{len(socks)} idle or slow connections opened')
    for s in socks:
        s.close()
    ok = False
    deadline = time.time() + WAIT
    while not ok and time.time() < deadline:
        try:
            ok = request(srv.port, '/index.html', timeout=5)[0] == 200
        except OSError:
            time.sleep(0.2)
    check(ok, 'the server answers once the idle connections are gone')


def check_flood(srv):
    """More requests than the rate allows: some 429, then served again;
    event streams opened meanwhile are not refused (a 429 would end a
    page's EventSource for good)."""
    limited = []
    streams = []
    stop = time.time() + 20

    def flood():
        c = http.client.HTTPConnection('127.0.0.1', srv.port, timeout=WAIT)
        while (not limited or len(streams) < 20) and time.time() < stop:
            c.request('HEAD', '/index.html')
            r = c.getresponse()
            r.read()
            if r.status == 429:
                limited.append((r.getheader('Retry-After'),
                                r.getheader('Content-Security-Policy')))
            if r.getheader('Connection', '').lower() == 'close':
                c.close()
                c = http.client.HTTPConnection('127.0.0.1', srv.port,
                                               timeout=WAIT)
        c.close()

    def open_streams():
        while not limited and time.time() < stop:
            time.sleep(0.01)
        for _ in range(20):
            ev = Events(srv.port)
            event = ev.first()[0]
            streams.append(f'{event} {ev.status}')
            ev.close()

    threads = [threading.Thread(target=flood) for _ in range(16)]
    threads.append(threading.Thread(target=open_streams))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    check(len(limited) > 0, 'a flood from one address meets the rate limit')
    check(all(a == '1' and b == CSP for a, b in limited),
          f'429 with Retry-After and the headers: {limited[:1]}')
    check(len(streams) == 20 and all(s == 'hello HTTP/1.1 200 OK' for s in streams),
          f'event streams opened during the flood: {streams}')
    time.sleep(2.5)
    check(request(srv.port, '/index.html')[0] == 200,
          'served again once the rate allows')


def check_load(srv):
    """200 connections for 10 s, each response checked."""
    site = srv.site()
    names = [r for r in files_of(site) if not os.path.islink(os.path.join(site, r))]
    want = {}
    for r in names:
        with open(os.path.join(site, r), 'rb') as f:
            want['/' + r] = f.read()
    urls = sorted(want)
    counts = {'ok': 0, 'limited': 0, 'bad': 0, 'errors': 0}
    lock = threading.Lock()
    stop = time.time() + 10

    def worker(seed):
        rnd = random.Random(seed)
        c = None
        while time.time() < stop:
            url = rnd.choice(urls)
            try:
                if c is None:
                    c = http.client.HTTPConnection('127.0.0.1', srv.port,
                                                   timeout=WAIT)
                c.request('GET', url)
                r = c.getresponse()
                body = r.read()
                if r.status == 200 and body == want[url]:
                    kind = 'ok'
                elif r.status == 429 and r.getheader('Retry-After'):
                    kind = 'limited'
                    time.sleep(0.2)
                else:
                    kind = 'bad'
                if r.getheader('Connection', '').lower() == 'close':
                    c.close()
                    c = None
            except (OSError, http.client.HTTPException):
                kind = 'errors'
                c = None
            with lock:
                counts[kind] += 1
        if c is not None:
            c.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(200)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f'preview: load: {counts}', flush=True)
    check(counts['ok'] > 1000 and counts['bad'] == 0 and counts['errors'] == 0,
          f'load: every response correct: {counts}')
    check(request(srv.port, '/index.html')[0] == 200,
          'the server answers after the load')


def check_refresh(srv, root):
    """An edit: "reload" once the pages are in place, then "refresh" (the
    same generation) once the search index and the downloads are; the
    CSV then holds the edit."""
    status, h, _ = request(srv.port, PAGE)
    gen = generation_of(h)
    ev = Events(srv.port, since=gen)
    ev.first()
    edit(content_file(root), '<level value="3">', '<level value="3">索引。')
    check(ev.next('reload') == str(gen + 1), 'an edit: reload')
    check(ev.next('refresh') == str(gen + 1),
          'then refresh, once the search index and downloads are made')
    status, _, body = request(srv.port, '/downloads/framework.csv')
    check(status == 200 and '索引。' in body.decode('utf-8'),
          'the CSV served after refresh holds the edit')
    edit(content_file(root), '索引。', '')
    ev.next('refresh')
    ev.close()


def many_job_types(root, n):
    """Makes the content of root n copies of the seed's job type, under
    other IDs and numbers: a first build long enough to be interrupted."""
    with open(content_file(root), encoding='utf-8') as f:
        text = f.read()
    for i in range(n):
        copy = text.replace('<jobtype id="customer-service" number="9"',
                            f'<jobtype id="cs-copy-{i}" number="{100 + i}"')
        copy = re.sub(r'<specialty id="([a-z-]+)"',
                      lambda m: f'<specialty id="{m.group(1)}-{i}"', copy)
        with open(os.path.join(root, 'content', f'copy-{i:03}.xml'), 'w',
                  encoding='utf-8') as f:
            f.write(copy)


def check_second_signal(work):
    """SIGINT during the first build: stops after it, status 0; a second
    SIGINT: stops at once, status 130, the private folder removed."""
    root = os.path.join(work, 'signals')
    setup(root)
    many_job_types(root, 150)
    for twice in (False, True):
        tmp = tempfile.mkdtemp(dir=root)
        out = open(os.path.join(tmp, 'out.txt'), 'w+')
        proc = subprocess.Popen(
            [BIN, 'serve', '-p', '0', '-t', os.path.join(root, 'templates'),
             os.path.join(root, 'content')], stdout=out,
            stderr=subprocess.DEVNULL, env=dict(os.environ, TMPDIR=tmp))
        deadline = time.time() + WAIT
        while time.time() < deadline and 'serving' not in open(out.name).read():
            time.sleep(0.01)
        time.sleep(0.1)
        proc.send_signal(signal.SIGINT)
        if twice:
            time.sleep(0.1)
            proc.send_signal(signal.SIGINT)
        status = proc.wait(WAIT)
        text = open(out.name).read()
        left = [n for n in os.listdir(tmp) if n.startswith('skillsite-serve.')]
        if 'site ready' in text.split('stopping after this build')[0]:
            print(f'# the first build ended before the signal: {text!r}')
        label = 'a second SIGINT' if twice else 'SIGINT during the first build'
        want = 130 if twice else 0
        check(status == want and not left and
              'stopping after this build (Ctrl-C again stops at once)' in text
              and (twice == ('site ready' not in text)),
              f'{label}: status {status}, left {left}: {text!r}')


def check_stop(srv, sig, label):
    status = srv.stop(sig)
    check(status == 0, f'{label}: exit status {status}')
    check(not any(n.startswith('skillsite-serve.') for n in os.listdir(srv.tmp)),
          f'{label}: the private folder is removed')
    with open(srv.out.name) as f:
        check('stopped' in f.read(), f'{label}: says it stopped')


def check_usage(root):
    for args, what in [(['-b', 'nonsense'], 'bad -b'), (['-p', '70000'], 'bad -p'),
                       (['-p', 'x'], 'bad -p'), (['--pol'], 'unknown flag')]:
        r = subprocess.run([BIN, 'serve', *args], capture_output=True, text=True)
        check(r.returncode == 2 and 'skillsite: error: ' in r.stderr,
              f'{what}: status {r.returncode}')
    srv = Server(root, '-b', '0.0.0.0')
    check('skillsite: warning: ' in srv.stderr(), '-b 0.0.0.0 warns')
    check(srv.port is not None, '-b 0.0.0.0 serves')
    got = raw(srv.port, get_with_host(srv.port, 'evil.example'))
    check(got.startswith(b'HTTP/1.1 200 '), f'-b 0.0.0.0: any Host: {got[:30]!r}')
    check_stop(srv, signal.SIGINT, '-b 0.0.0.0, SIGINT')
    check_host_bound(root)


def setup(root):
    shutil.copytree('content', os.path.join(root, 'content'))
    shutil.copytree('templates', os.path.join(root, 'templates'))


def main():
    work = tempfile.mkdtemp(prefix='skillsite-preview.')
    try:
        root = os.path.join(work, 'inotify')
        setup(root)
        srv = Server(root)
        check(srv.port is not None, f'serve starts: {srv.stderr()}')
        if srv.port is None:
            return
        check_files(srv)
        check_generations(srv, root)
        check_refresh(srv, root)
        check_host(srv)
        check_edits(srv, root, 'inotify')
        check_folder_back(srv, root, 'inotify')
        check_templates_back(srv, root, 'inotify')
        check_templates(srv, root)
        check_burst(srv, root)
        check_hostile(srv)
        if not QUICK:
            check_connections(srv)
            check_flood(srv)
            check_load(srv)
        check_stop(srv, signal.SIGTERM, 'SIGTERM')

        root = os.path.join(work, 'poll')
        setup(root)
        srv = Server(root, '--poll')
        check('every 250 ms' in srv.stdout(), '--poll says so')
        check_edits(srv, root, 'poll')
        check_folder_back(srv, root, 'poll')
        check_templates(srv, root)
        check_stop(srv, signal.SIGINT, 'SIGINT')

        check_files_in_one_folder(work)
        check_first_failed(work)
        check_second_signal(work)

        root = os.path.join(work, 'usage')
        setup(root)
        check_usage(root)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        print(f'preview (http, {BIN}): {passed} passed, {failed} failed')
    sys.exit(1 if failed else 0)


main()
