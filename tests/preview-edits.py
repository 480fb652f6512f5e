#!/usr/bin/env python3
"""preview-edits.py: "skillsite serve" after random edit sequences equals
a fresh preview of the same inputs.

A synthetic framework of about 1000 pages (tests/bench/synth, as
tests/scale.sh makes it) and a copy of templates/ are served by one
preview, which runs all along; then, for SEQ in 1..PREVIEW_SEQUENCES (50
by default), tests/edits.py applies sequence SEQ to the content and the
templates (the same sequences as scale.sh's: every kind of edit, invalid
inputs among them), and once the preview has built and gone quiet (a
build since the edits began, then no line for a second, or for twice its
first build's time when longer):
  expect valid    its last build says "site ready", and its site equals
                  the site of a fresh preview of the same inputs (started
                  as the edits end, every other one with -j 1, its data
                  awaited: the download served), file for file: the same
                  files and folders (none empty in one and missing in the
                  other), each of the same type, mode and bytes;
  expect invalid  its last build says "build failed", its site is still
                  the one of the last good sequence, and for a content
                  error the error and warning lines printed for that
                  build are those of "skillsite check CONTENT" (for the
                  template error, only the failed build is required).
                  serve is stopped (SIGSTOP) while such a sequence is
                  made, so that it never builds its valid edits alone.
The next valid sequence checks the recovery.  With enough sequences,
every kind of edit must have been made.  Then an XML warning (a content
file saying version 1.5) is printed by every build as check prints it:
the build that makes it, one after another file changed, a failed one,
and the one that takes it back.  At the end the preview stops with status
0, with no sanitizer report in its output, and removes its private
folder; so does each fresh preview.
Each check prints "ok N - ..." or "not ok N - ..." (what differs follows
as "# " lines, and the two sites are kept under BUILD/preview-edits-tests
for the first failures); the last line counts them.
Usage: tests/preview-edits.py BINARY BUILD   (from the top of the
repository; BUILD holds bench/synth)
"""
import http.client
import glob
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import time

from serve_process import ServeProcess

if len(sys.argv) != 3:
    sys.exit('usage: tests/preview-edits.py BINARY BUILD')
BIN = os.path.abspath(sys.argv[1])
BUILD = sys.argv[2]
EDITS = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'edits.py')
WAIT = 120          # seconds before a wait counts as a hang
BUILT = ('site ready', 'build failed')
DIAG = re.compile(r': (error|warning): ')
CONTENT_INVALID = ('invalid-duplicate-id', 'invalid-unknown-skill',
                   'invalid-xml', 'invalid-tailoring')
KEEP_FAILURES = 3   # failures whose two sites are kept
KINDS = subprocess.run([sys.executable, EDITS, '--kinds'],
                       stdout=subprocess.PIPE,
                       encoding='utf-8').stdout.split()

count = {'ok': 0, 'not ok': 0}


def check(ok, what, details=()):
    """Prints one check's result, and its details when it failed."""
    word = 'ok' if ok else 'not ok'
    count[word] += 1
    print(f'{word} {sum(count.values())} - {what}', flush=True)
    if not ok:
        for line in details:
            print(f'# {line}', flush=True)
    return ok


class Server(ServeProcess):
    """skillsite serve of content with templates, its own TMPDIR under
    root; its output (stderr joined to stdout, so a build's diagnostics
    come before its line) read as it comes, each line with its time."""

    def __init__(self, root, content, templates, *extra):
        super().__init__(BIN, os.path.join(root, 'tmp'),
                         ['-t', templates, *extra, content], None, WAIT)

    def nlines(self):
        with self.lock:
            return len(self.lines)

    def builds(self):
        """The build lines so far: (index in the lines, line)."""
        with self.lock:
            return [(i, line) for i, (_, line) in enumerate(self.lines)
                    if any(b in line for b in BUILT)]

    def site(self):
        """The site folder ('' before it is made)."""
        found = glob.glob(os.path.join(self.tmp, 'skillsite-serve.*',
                                       'site'))
        return found[0] if len(found) == 1 else ''

    def wait_builds(self, n, wait=WAIT):
        """Waits for more than n builds (wait seconds at most); returns
        whether there were."""
        deadline = time.time() + wait
        while (len(self.builds()) <= n and self.proc.poll() is None and
               time.time() < deadline):
            time.sleep(0.005)
        return len(self.builds()) > n

    def quiet(self, since, quiet):
        """Waits until serve has printed nothing for quiet seconds since
        since (time.monotonic()) nor since its last line."""
        deadline = time.time() + WAIT
        while time.time() < deadline and self.proc.poll() is None:
            if time.monotonic() - max(self.last_time(), since) >= quiet:
                break
            time.sleep(0.02)
        self.request('HEAD', '/')   # waits for a commit under way

    def request(self, method, path):
        """The status of a request for path (0 when none came)."""
        try:
            c = http.client.HTTPConnection('127.0.0.1', self.port,
                                           timeout=WAIT)
            c.request(method, path)
            status = c.getresponse().status
            c.close()
            return status
        except (OSError, http.client.HTTPException, TypeError):
            return 0

    def wait_data(self):
        """After a good first build, waits until the download is served:
        the search index and the downloads are published with it, in one
        commit that a request waits for.  Returns whether it came."""
        deadline = time.time() + WAIT
        while time.time() < deadline and self.proc.poll() is None:
            if self.request('HEAD', '/downloads/framework.json') == 200:
                return True
            time.sleep(0.01)
        return False

    def stop(self):
        """Stops serve; returns (its status, what went wrong)."""
        status = self.end()
        wrong = [line for line in self.text().splitlines()
                 if 'Sanitizer' in line or 'runtime error:' in line]
        if os.listdir(self.tmp):
            wrong.append('its private folder is left in ' + self.tmp)
        if status != 0:
            wrong.insert(0, f'exit status {status}')
        return status, wrong


def snapshot(root):
    """Every file and folder below root: relative path -> (type, mode,
    bytes or link target)."""
    out = {}
    for top, dirs, files in os.walk(root):
        for name in dirs + files:
            path = os.path.join(top, name)
            rel = os.path.relpath(path, root)
            st = os.lstat(path)
            mode = stat.S_IMODE(st.st_mode)
            if stat.S_ISDIR(st.st_mode):
                out[rel] = ('folder', mode, None)
            elif stat.S_ISREG(st.st_mode):
                with open(path, 'rb') as f:
                    out[rel] = ('file', mode, f.read())
            elif stat.S_ISLNK(st.st_mode):
                out[rel] = ('link', mode, os.readlink(path))
            else:
                out[rel] = ('other', mode, None)
    return out


def differences(a, b, names=('preview', 'fresh')):
    """What differs between the snapshots a and b (at most 20 lines)."""
    out = []
    for rel in sorted(set(a) | set(b)):
        if rel not in b:
            out.append(f'{rel}: {a[rel][0]} only in the {names[0]} site')
        elif rel not in a:
            out.append(f'{rel}: {b[rel][0]} only in the {names[1]} site')
        elif a[rel][:2] != b[rel][:2]:
            out.append(f'{rel}: {a[rel][0]} {a[rel][1]:o} in the '
                       f'{names[0]} site, {b[rel][0]} {b[rel][1]:o} in the '
                       f'{names[1]} one')
        elif a[rel][2] != b[rel][2]:
            x, y = a[rel][2], b[rel][2]
            at = next((i for i in range(min(len(x), len(y)))
                       if x[i] != y[i]), min(len(x), len(y)))
            out.append(f'{rel}: bytes differ from offset {at} '
                       f'({len(x)} and {len(y)} bytes): '
                       f'{x[max(0, at - 40):at + 60]!r} / '
                       f'{y[max(0, at - 40):at + 60]!r}')
    return out[:20] + ([f'... {len(out) - 20} more'] if len(out) > 20
                       else [])


def keep(work, what, trees):
    """Keeps the sites of a failed check (the first ones only)."""
    if count['not ok'] >= KEEP_FAILURES:
        return
    for name, path in trees:
        if path:
            shutil.copytree(path, os.path.join(
                work, 'failed-' + re.sub(r'[^a-z0-9-]+', '-', what), name),
                symlinks=True)


def setup(work):
    """Makes the synthetic framework and the copies the edits work on;
    returns (content, templates, state)."""
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    synth = os.path.join(work, 'synth')
    try:
        r = subprocess.run([os.path.join(BUILD, 'bench', 'synth'),
                            'content/customer-service.xml', synth, '1000'],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           encoding='utf-8', errors='replace')
        status, said = r.returncode, r.stdout.splitlines()
    except OSError as e:
        status, said = 1, [str(e)]
    if not check(status == 0, 'synth makes a framework of about 1000 pages',
                 said):
        summary()
    content = os.path.join(work, 'content')
    templates = os.path.join(work, 'templates')
    shutil.copytree(os.path.join(synth, 'content'), content)
    shutil.copytree('templates', templates)
    return content, templates, os.path.join(work, 'state')


def run_edits(seq, content, templates, state):
    """Runs edit sequence seq; returns (its lines, its kinds, expected,
    the invalid kind or None)."""
    r = subprocess.run([sys.executable, EDITS, str(seq), content, templates,
                        state], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, encoding='utf-8')
    lines = r.stdout.splitlines()
    kinds = [m.group(1) for m in
             (re.match(r'edit ([a-z-]+): ', line) for line in lines)
             if m and m.group(1) != 'fix']
    expected = next((line[7:] for line in lines
                     if line.startswith('expect ')), None)
    if r.returncode != 0:
        expected = None
    invalid = next((k for k in kinds if k.startswith('invalid-')), None)
    return lines, kinds, expected, invalid


def fresh_site(work, name, content, templates):
    """Starts a fresh preview of the inputs, on one thread every other
    time."""
    fresh_site.n += 1
    extra = ['-j', '1'] if fresh_site.n % 2 == 1 else []
    srv = Server(os.path.join(work, 'fresh'), content, templates, *extra)
    srv.jobs = bool(extra)
    return srv


fresh_site.n = 0


def fresh_snapshot(fresh):
    """Waits for the fresh preview's site, whole; returns (snapshot or
    None, problems)."""
    if not fresh.wait_builds(0):
        return None, ['the fresh preview never built']
    last = fresh.builds()[-1][1]
    if 'site ready' not in last:
        return None, ['the fresh preview: ' + last] + \
            fresh.text().splitlines()[-10:]
    if not fresh.wait_data():
        return None, ['the fresh preview never served its downloads']
    return snapshot(fresh.site()), []


def build_diagnostics(srv, first):
    """The error and warning lines printed for the last build of srv
    (after line first, the sequence's start, or the build before)."""
    builds = [i for i, _ in srv.builds() if i >= first]
    if not builds:
        return []
    start = builds[-2] + 1 if len(builds) > 1 else first
    with srv.lock:
        lines = [line for _, line in srv.lines[start:builds[-1]]]
    return [line for line in lines if DIAG.search(line)]


def check_lines(content):
    """The error and warning lines "skillsite check" prints for
    content."""
    r = subprocess.run([BIN, 'check', content], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, encoding='utf-8',
                       errors='replace')
    return r.returncode, [line for line in r.stderr.splitlines()
                          if DIAG.search(line)]


def diagnostics_differ(srv, first, content):
    """What differs between the error and warning lines printed for the
    last build of srv and those of "skillsite check CONTENT"."""
    _, want = check_lines(content)
    got = build_diagnostics(srv, first)
    if got == want:
        return []
    return (['the diagnostics differ from check\'s:'] +
            ['  preview: ' + line for line in got[:5]] +
            ['  check:   ' + line for line in want[:5]])


class Run:
    """The preview under test, its inputs and the last good site."""

    def __init__(self, srv, work, paths, quiet):
        self.srv = srv
        self.work = work
        self.paths = paths
        self.content, self.templates, self.state = paths
        self.quiet = quiet
        self.good = snapshot(srv.site())
        self.kinds = set()

    def valid(self, seq, first, fresh):
        """The checks of edits that keep the input valid: what went
        wrong.  Their site becomes the last good one."""
        srv = self.srv
        builds = [line for i, line in srv.builds() if i >= first]
        site = snapshot(srv.site())
        want, problems = fresh_snapshot(fresh)
        if not builds:
            problems.insert(0, 'no build after the edits')
        elif 'site ready' not in builds[-1]:
            problems.insert(0, 'the last build: ' + builds[-1])
            problems += srv.text().splitlines()[first:][-10:]
        if want is not None:
            problems += differences(site, want)
        if problems:
            keep(self.work, seq, [('preview', srv.site()),
                                  ('fresh', fresh.site())])
        _, wrong = fresh.stop()
        problems += ['the fresh preview: ' + w for w in wrong]
        shutil.rmtree(fresh.tmp, ignore_errors=True)
        self.good = site
        return problems

    def invalid(self, first, kind):
        """The checks of edits that make the input invalid: what went
        wrong."""
        builds = [line for i, line in self.srv.builds() if i >= first]
        problems = []
        if not builds:
            problems.append('no build after the edits')
        elif 'build failed' not in builds[-1]:
            problems.append('the last build: ' + builds[-1])
        problems += differences(snapshot(self.srv.site()), self.good,
                                ('preview', 'last good'))
        if kind in CONTENT_INVALID:
            if check_lines(self.content)[0] == 0:
                problems.append('skillsite check finds no error')
            problems += diagnostics_differ(self.srv, first, self.content)
        return problems

    def step(self, seq, edit, pause, diagnostics=False):
        """Makes the edits edit() makes (it returns the lines it printed,
        the kinds of edit made, "valid" or "invalid" and the invalid
        kind), serve stopped (SIGSTOP) meanwhile when pause is set, and
        checks what the preview made of them once it has gone quiet;
        with diagnostics, also that its last build printed the error
        and warning lines of check."""
        srv = self.srv
        first = srv.nlines()
        nbuilds = len(srv.builds())
        if pause:
            srv.proc.send_signal(signal.SIGSTOP)
        lines, made, expected, kind = edit()
        if pause:
            srv.proc.send_signal(signal.SIGCONT)
        ended = time.monotonic()
        self.kinds.update(made)
        fresh = fresh_site(self.work, seq, self.content, self.templates) \
            if expected == 'valid' else None
        srv.wait_builds(nbuilds, 10 + self.quiet)
        srv.quiet(ended, self.quiet)
        what = f'{seq} ({", ".join(made)}): '
        if expected == 'valid':
            problems = self.valid(seq, first, fresh)
            what += 'the preview equals a fresh one'
            what += ', fresh -j 1' if fresh.jobs else ''
        elif expected == 'invalid':
            problems = self.invalid(first, kind)
            what += 'the build fails, the last good site stays'
            what += ', check\'s diagnostics' if kind in CONTENT_INVALID \
                else ''
        else:
            problems, what = ['the edits failed'], what + 'edits'
        if diagnostics and expected == 'valid':
            problems += diagnostics_differ(srv, first, self.content)
            what += ', check\'s diagnostics'
        check(not problems, what, lines + problems)

    def sequence(self, seq):
        """Runs and checks edit sequence seq of tests/edits.py.  The
        preview is stopped while a sequence that ends invalid is made,
        so that it sees the sequence at once: else it could build the
        valid edits before the invalid one, and publish a site that the
        test never saw."""
        self.step(f'sequence {seq}', lambda: run_edits(seq, *self.paths),
                  KINDS[(seq - 1) % len(KINDS)].startswith('invalid-'))


def replace_in(path, old, new):
    """Replaces the first old of the file path by new, saving by
    rename."""
    with open(path, encoding='utf-8') as f:
        text = f.read()
    if old not in text:
        raise SystemExit(f'preview-edits: no {old!r} in {path}')
    with open(path + '.new', 'w', encoding='utf-8') as f:
        f.write(text.replace(old, new, 1))
    os.replace(path + '.new', path)


def xml_warning(run):
    """An XML warning (a content file says version 1.5, which libxml2
    reads as 1.0 and warns of) printed by every build, as check prints
    it: the build that makes it, one after another file changed, a
    failed one (another file malformed), and the warning taken back."""
    jobtypes = sorted(os.path.join(run.content, name)
                      for name in os.listdir(run.content)
                      if name.endswith('.xml') and name != 'framework.xml'
                      and not name.startswith('zz-tailoring-'))
    warned, other = jobtypes[0], jobtypes[-1]
    v10, v15 = '<?xml version="1.0"', '<?xml version="1.5"'
    steps = [
        ('xml-warning', warned, v10, v15, 'valid'),
        ('knowledge-item', other, '<item>', '<item>警告の後', 'valid'),
        ('invalid-xml', other, '</knowledge>', '</knowledg>', 'invalid'),
        ('fix', other, '</knowledg>', '</knowledge>', 'valid'),
        ('no-warning', warned, v15, v10, 'valid'),
    ]
    for n, (kind, path, old, new, expected) in enumerate(steps, 1):
        def edit(kind=kind, path=path, old=old, new=new, expected=expected):
            replace_in(path, old, new)
            return ([f'edit {kind}: {os.path.basename(path)}',
                     f'expect {expected}'], [kind], expected,
                    kind if expected == 'invalid' else None)
        run.step(f'XML warning, step {n}', edit, expected == 'invalid',
                 diagnostics=True)


def main():
    work = os.path.join(BUILD, 'preview-edits-tests')
    paths = setup(work)
    content, templates, _ = paths
    started = time.monotonic()
    srv = Server(os.path.join(work, 'preview'), content, templates)
    ok = srv.wait_builds(0) and 'site ready' in srv.builds()[-1][1]
    check(ok, 'the preview builds the synthetic framework',
          srv.text().splitlines()[-10:])
    m = re.search(r'site ready in (\d+) ms', srv.text())
    # quiet: long enough for any build (the first, a whole one, the
    # longest) to print its line
    quiet = max(1.0, 2 * int(m.group(1)) / 1000 + 0.3) if m else 1.0
    srv.quiet(time.monotonic(), quiet)
    run = Run(srv, work, paths, quiet)
    n = int(os.environ.get('PREVIEW_SEQUENCES', '50'))
    for seq in range(1, n + 1):
        run.sequence(seq)
    if n >= len(KINDS):
        missing = [k for k in KINDS if k not in run.kinds]
        check(not missing, 'every kind of edit was made',
              ['never made: ' + k for k in missing])
    xml_warning(run)
    _, wrong = srv.stop()
    check(not wrong, 'the preview stops cleanly', wrong +
          srv.text().splitlines()[-5:])
    print(f'# {n} sequences in {time.monotonic() - started:.0f} s',
          flush=True)
    summary()


def summary():
    """Prints the count of checks and exits: 1 when one failed."""
    print(f'preview-edits ({sys.argv[1]}): {count["ok"]} passed, '
          f'{count["not ok"]} failed', flush=True)
    sys.exit(1 if count['not ok'] else 0)


if __name__ == '__main__':
    main()
