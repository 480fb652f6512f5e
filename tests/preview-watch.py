#!/usr/bin/env python3
"""preview-watch.py: when "skillsite serve" builds after a save.

  (a) a file saved in place in three writes, 100 ms apart (the file
      truncated, then half written between them), makes one build, after
      it is closed, and never a failed one;
  (b) a save by rename is built at once: the time from the rename to the
      "site ready" line is printed (`# ... ms`), never asserted;
  (c) a file written to and kept open (no close ever says the save is
      over) is still built, once the writes have settled;
  (d) --poll: a file written in place in three writes 80 ms apart (all
      within a poll interval; the file is malformed XML until the last)
      ends in a good build, never a failed one;
  (e) 20 saves by rename in a row: the page served at the end shows the
      last one;
  (f) files the site is not made of (a content folder's other files, a
      hidden file among the templates) make no build.
A build is counted by the lines "site ready" and "build failed" that serve
prints; "the writes have settled" is one second without a line.  No
assertion is about time: waits have generous limits only so that a hang
fails instead of blocking the suite.
Usage: tests/preview-watch.py BINARY   (from the top of the repository)
"""
import http.client
import os
import re
import shutil
import sys
import tempfile
import time

from serve_process import ServeProcess

BIN = sys.argv[1]
WAIT = 60           # seconds before a wait counts as a hang
QUIET = 1.0         # seconds without a line: serve is done building
ENTRY = '<entry skill="fault-repair">'
LEVEL = '<level value="3">'
PAGE = '/customer-service/hardware/skills/fault-repair.html'
BUILT = ('site ready', 'build failed')

count = {'ok': 0, 'not ok': 0}


def check(ok, what):
    word = 'ok' if ok else 'not ok'
    count[word] += 1
    print(f'{word} {sum(count.values())} - {what}', flush=True)


class Server(ServeProcess):
    """skillsite serve on a copy of the content, its output lines read as
    they come, each with the time it came."""

    def __init__(self, root, *extra):
        self.root = root
        self.err = open(os.path.join(root, 'err.txt'), 'w+')
        super().__init__(BIN, os.path.join(root, 'tmp'),
                         ['-t', os.path.join(root, 'templates'), *extra,
                          os.path.join(root, 'content')], self.err, WAIT)
        self.wait_builds(0)

    def builds(self):
        """The builds so far: (time, line) of each."""
        with self.lock:
            return [(t, line) for t, line in self.lines
                    if any(b in line for b in BUILT)]

    def wait_builds(self, n):
        """Waits for more than n builds; returns the builds after the n
        first ([] on a hang)."""
        deadline = time.time() + WAIT
        while (len(self.builds()) <= n and self.proc.poll() is None and
               time.time() < deadline):
            time.sleep(0.002)
        return self.builds()[n:]

    def quiet(self):
        """Waits until serve has printed nothing for QUIET seconds."""
        deadline = time.time() + WAIT
        while time.time() < deadline:
            if time.monotonic() - self.last_time() >= QUIET:
                return
            time.sleep(0.05)

    def page(self):
        """The page the edits show on, as text ('' when it cannot be
        had)."""
        try:
            c = http.client.HTTPConnection('127.0.0.1', self.port,
                                           timeout=WAIT)
            c.request('GET', PAGE)
            body = c.getresponse().read()
            c.close()
            return body.decode('utf-8', 'replace')
        except (OSError, http.client.HTTPException):
            return ''

    def stop(self):
        status = self.end()
        self.err.close()
        return status


def setup(root):
    shutil.copytree('content', os.path.join(root, 'content'))
    shutil.copytree('templates', os.path.join(root, 'templates'))
    return os.path.join(root, 'content', 'customer-service.xml')


def marked(path, marker):
    """The original text of path (kept as path.orig, which is no content
    file) with marker at the start of the entry's level 3, as bytes."""
    with open(path + '.orig', encoding='utf-8') as f:
        text = f.read()
    at = text.index(LEVEL, text.index(ENTRY)) + len(LEVEL)
    return (text[:at] + marker + text[at:]).encode('utf-8')


def save_in_parts(path, parts, pause):
    """Writes parts into path in place, as an editor that truncates and
    writes does, pause seconds between writes; closes it."""
    fd = os.open(path, os.O_WRONLY)
    try:
        os.ftruncate(fd, 0)
        for i, part in enumerate(parts):
            if i > 0:
                time.sleep(pause)
            os.write(fd, part)
    finally:
        os.close(fd)


def save_by_rename(path, data):
    """Saves data at path as most editors do: a new file renamed into
    place.  Returns the time of the rename."""
    with open(path + '.tmp', 'wb') as f:
        f.write(data)
    t = time.monotonic()
    os.replace(path + '.tmp', path)
    return t


def thirds(data):
    n = len(data)
    return [data[:n // 3], data[n // 3:2 * n // 3], data[2 * n // 3:]]


def wait_page(srv, marker):
    """Waits until the page shows marker; returns whether it did."""
    deadline = time.time() + WAIT
    while time.time() < deadline:
        if marker in srv.page():
            return True
        time.sleep(0.05)
    return False


def took(what, builds, since):
    """Prints, as a comment, the milliseconds from since (time.monotonic())
    to the first of builds, and returns them (None: no build)."""
    if not builds:
        return None
    ms = (builds[0][0] - since) * 1e3
    print(f'# {what}: {ms:.1f} ms', flush=True)
    return ms


def failed_builds(builds):
    return [line for _, line in builds if 'build failed' in line]


def case_in_place(srv, path):
    """(a) an in-place save in three writes, 100 ms apart."""
    srv.quiet()
    n = len(srv.builds())
    save_in_parts(path, thirds(marked(path, '版a。')), 0.1)
    closed = time.monotonic()
    srv.wait_builds(n)
    srv.quiet()
    builds = srv.builds()[n:]
    check(len(builds) == 1, f'(a) in place in 3 writes: one build: {builds}')
    check(not failed_builds(builds), '(a) in place in 3 writes: none failed')
    check('版a。' in srv.page(), '(a) in place in 3 writes: the page shows it')
    took('(a) close to site ready', builds, closed)


def case_aside(srv, path):
    """(g) a save that first moves the old file aside (vim's backup by
    rename), then writes the new one in place in two writes: the file is
    missing for a moment, and no build may see it so."""
    srv.quiet()
    n = len(srv.builds())
    data = marked(path, '版g。')
    os.replace(path, path + '~')
    time.sleep(0.005)
    with open(path, 'wb') as f:
        f.write(data[:len(data) // 2])
        f.flush()
        time.sleep(0.005)
        f.write(data[len(data) // 2:])
    srv.wait_builds(n)
    srv.quiet()
    os.unlink(path + '~')
    builds = srv.builds()[n:]
    every = re.search(r'(\d+) pages', srv.builds()[0][1]).group(1)
    pages = {m.group(1) for m in (re.search(r'(\d+) pages', line)
                                  for _, line in builds) if m}
    check(len(builds) >= 1 and not failed_builds(builds) and
          pages == {every},
          f'(g) old file moved aside, then saved: every build has all '
          f'{every} pages, none failed: {builds}')
    check('版g。' in srv.page(), '(g) old file moved aside: the page shows it')


def case_rename(srv, path):
    """(b) saves by rename, each built at once; the times printed."""
    times = []
    for i in range(5):
        srv.quiet()
        n = len(srv.builds())
        t = save_by_rename(path, marked(path, f'版b{i}。'))
        builds = srv.wait_builds(n)
        check(len(builds) > 0 and 'site ready' in builds[0][1],
              f'(b) a save by rename ({i + 1}/5) is built: {builds[:1]}')
        if builds:
            times.append(took(f'(b) rename to "{builds[0][1]}"', builds, t))
    check(wait_page(srv, '版b4。'), '(b) the page shows the last save')
    if times:
        print(f'# (b) rename to site ready: median '
              f'{sorted(times)[len(times) // 2]:.1f} ms, '
              f'least {min(times):.1f} ms, most {max(times):.1f} ms',
              flush=True)


def case_kept_open(srv, path):
    """(c) written to and kept open: built once the writes settle."""
    srv.quiet()
    n = len(srv.builds())
    fd = os.open(path, os.O_WRONLY)
    try:
        os.ftruncate(fd, 0)
        os.write(fd, marked(path, '版c。'))
        written = time.monotonic()
        builds = srv.wait_builds(n)
        check(len(builds) > 0 and 'site ready' in builds[0][1],
              f'(c) kept open: built without a close: {builds[:1]}')
        check('版c。' in srv.page(), '(c) kept open: the page shows it')
        took('(c) last write to site ready', builds, written)
    finally:
        os.close(fd)
    srv.quiet()


def case_poll(srv, path):
    """(d) --poll: a file written in three parts, 80 ms apart: all within
    one poll interval (250 ms), so no two looks in a row see the same half
    file, whenever they fall."""
    srv.quiet()
    n = len(srv.builds())
    save_in_parts(path, thirds(marked(path, '版d。')), 0.08)
    srv.wait_builds(n)
    srv.quiet()
    builds = srv.builds()[n:]
    check(len(builds) > 0, f'(d) --poll, written in 3 parts: built: {builds}')
    check(not failed_builds(builds),
          f'(d) --poll, written in 3 parts: no failed build: {builds}')
    check('版d。' in srv.page(), '(d) --poll, written in 3 parts: the page')


def case_many(srv, path):
    """(e) 20 saves by rename in a row."""
    srv.quiet()
    n = len(srv.builds())
    for i in range(20):
        save_by_rename(path, marked(path, f'版e{i}。'))
    check(wait_page(srv, '版e19。'), '(e) 20 saves by rename: the last served')
    srv.quiet()
    builds = srv.builds()[n:]
    check(len(builds) > 0 and 'site ready' in builds[-1][1],
          f'(e) 20 saves by rename: the last build is good: {builds[-1:]}')
    check('版e19。' in srv.page(), '(e) 20 saves by rename: still served')
    print(f'# (e) 20 saves by rename: {len(builds)} builds', flush=True)


def case_ignored(srv, root):
    """(f) files the site is not made of."""
    srv.quiet()
    n = len(srv.builds())
    for rel in ['content/notes.txt', 'content/.draft.xml',
                'templates/.style.css.swp', 'templates/style.css~']:
        with open(os.path.join(root, rel), 'w', encoding='utf-8') as f:
            f.write('nothing the site is made of\n')
    time.sleep(QUIET)   # past SERVE_SETTLE_MS and a build, had they counted
    srv.quiet()
    builds = srv.builds()[n:]
    check(not builds, f'(f) other and hidden files: no build: {builds}')


def run(root, *extra):
    path = setup(root)
    shutil.copy(path, path + '.orig')   # not *.xml: not content
    label = 'serve ' + ' '.join(extra) if extra else 'serve (inotify)'
    srv = Server(root, *extra)
    builds = srv.builds()
    check(srv.port is not None and builds and 'site ready' in builds[0][1],
          f'{label} starts and builds: {builds[:1]}')
    if srv.port is None:
        print('# ' + srv.text().replace('\n', '\n# '), flush=True)
        srv.stop()
        return
    if extra:
        case_poll(srv, path)
    else:
        case_in_place(srv, path)
        case_aside(srv, path)
        case_rename(srv, path)
        case_kept_open(srv, path)
        case_many(srv, path)
        case_ignored(srv, root)
    check(srv.proc.poll() is None, f'{label} lives')
    status = srv.stop()
    check(status == 0, f'{label}: exit status {status}')


def main():
    work = tempfile.mkdtemp(prefix='skillsite-preview-watch.')
    try:
        run(os.path.join(work, 'inotify'))
        run(os.path.join(work, 'poll'), '--poll')
    finally:
        shutil.rmtree(work, ignore_errors=True)
        print(f'preview-watch ({BIN}): {count["ok"]} passed, '
              f'{count["not ok"]} failed')
    sys.exit(1 if count['not ok'] else 0)


main()
