"""serve_process.py: "skillsite serve" as a child process whose output
lines are read as they come, each with its time: what the live preview's
tests (tests/preview-watch.py, tests/preview-edits.py) share."""
import os
import re
import signal
import subprocess
import threading
import time


class ServeProcess:
    """skillsite serve (binary) with args, its TMPDIR tmp; stderr to the
    file object err, or joined to stdout when err is None.  Waits up to
    wait seconds for the address it serves on (port: None if none)."""

    def __init__(self, binary, tmp, args, err=None, wait=60):
        self.tmp = tmp
        self.wait = wait
        os.makedirs(tmp, exist_ok=True)
        self.lines = []             # (time.monotonic(), line)
        self.lock = threading.Lock()
        self.proc = subprocess.Popen(
            [binary, 'serve', '-p', '0', *args], stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT if err is None else err,
            encoding='utf-8', errors='replace',
            env=dict(os.environ, TMPDIR=tmp))
        self.reader = threading.Thread(target=self.read, daemon=True)
        self.reader.start()
        self.port = None
        deadline = time.time() + wait
        while (self.port is None and self.proc.poll() is None and
               time.time() < deadline):
            m = re.search(r'serving http://[^ ]*:(\d+)/', self.text())
            self.port = int(m.group(1)) if m else None
            time.sleep(0.002)

    def read(self):
        for line in self.proc.stdout:
            with self.lock:
                self.lines.append((time.monotonic(), line.rstrip('\n')))

    def text(self):
        with self.lock:
            return '\n'.join(line for _, line in self.lines)

    def last_time(self):
        """When the last line came (0: none yet)."""
        with self.lock:
            return self.lines[-1][0] if self.lines else 0

    def end(self):
        """Stops serve with SIGTERM; returns its exit status ('hung' when
        it had to be killed)."""
        self.proc.send_signal(signal.SIGTERM)
        try:
            status = self.proc.wait(self.wait)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            status = 'hung'
        self.reader.join(self.wait)
        return status
