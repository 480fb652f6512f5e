#!/usr/bin/env python3
"""preview-latency.py: how long "skillsite serve" takes from a save to the
reloaded page, as an editor waits for it.

Starts the preview on CONTENT (a folder it may edit), waits for its first
build, then RUNS times: changes the first level description of FILE (as
tests/bench/run's describe() does: 「改訂N。」 before it, saved by rename),
and measures from the save to the moment the page that shows it has been
fetched again after the "reload" event (what the reload script does).
A first, untimed change finds the page: the skill page that shows it.
Prints one line per run: the seconds, then the median.
Usage: preview-latency.py BINARY TEMPLATES CONTENT FILE RUNS
"""
import http.client
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

binary, templates, content, path, runs = sys.argv[1:6]
runs = int(runs)
tmp = tempfile.mkdtemp(prefix='skillsite-latency.')
out = open(os.path.join(tmp, 'out.txt'), 'w+')
proc = subprocess.Popen([binary, 'serve', '-p', '0', '-t', templates, content],
                        stdout=out, stderr=subprocess.DEVNULL,
                        env=dict(os.environ, TMPDIR=tmp))


def printed():
    out.flush()
    with open(out.name) as f:
        return f.read()


deadline = time.time() + 600
while 'site ready' not in printed() and time.time() < deadline:
    if proc.poll() is not None:
        sys.exit('preview-latency: serve ended: ' + printed())
    time.sleep(0.05)
port = int(re.search(r'serving http://[^:]+:(\d+)/', printed()).group(1))

# one event stream, as an open page holds
events = socket.create_connection(('127.0.0.1', port))
events.sendall(b'GET /__skillsite/events HTTP/1.1\r\n'
              b'Host: 127.0.0.1:%d\r\n\r\n' % port)
events.settimeout(600)
buf = b''
while b'retry:' not in buf:
    buf += events.recv(4096)
buf = b''


def wait_reload():
    global buf
    while b'event: reload' not in buf:
        chunk = events.recv(65536)
        if not chunk:
            sys.exit('preview-latency: the event stream ended')
        buf += chunk
    buf = buf.split(b'event: reload', 1)[1]
    buf = buf.split(b'\n\n', 1)[1] if b'\n\n' in buf else b''


def find_page(marker):
    """The first skill page of the served site that holds marker."""
    for name in sorted(os.listdir(tmp)):
        if name.startswith('skillsite-serve.'):
            site = os.path.join(tmp, name, 'site')
            for d, _, files in sorted(os.walk(site)):
                for f in sorted(files):
                    p = os.path.join(d, f)
                    if '/skills/' in p and f.endswith('.html'):
                        with open(p, encoding='utf-8') as h:
                            if marker in h.read():
                                return '/' + os.path.relpath(p, site)
    sys.exit('preview-latency: no skill page shows the change')


with open(path, encoding='utf-8') as f:
    original = f.read()
times = []
page = None
try:
    for n in range(0, runs + 1):
        text = re.sub(r'<level value="[0-9]">',
                      lambda m: m.group(0) + f'改訂{n}。', original, count=1)
        with open(path + '.new', 'w', encoding='utf-8') as f:
            f.write(text)
        start = time.monotonic()
        os.replace(path + '.new', path)
        wait_reload()
        if page is None:
            page = find_page(f'改訂{n}。')
            time.sleep(0.5)
            continue
        c = http.client.HTTPConnection('127.0.0.1', port)
        c.request('GET', page)
        body = c.getresponse().read()
        took = time.monotonic() - start
        c.close()
        if f'改訂{n}。'.encode() not in body:
            sys.exit(f'preview-latency: {page} lacks the edit of run {n}')
        times.append(took)
        print(f'{took:.4f}', flush=True)
        time.sleep(0.5)     # the watcher settles; a save comes after a pause
finally:
    with open(path, 'w', encoding='utf-8') as f:
        f.write(original)
    proc.send_signal(signal.SIGTERM)
    proc.wait(60)
    out.close()
print(f'median {statistics.median(times):.4f}')
