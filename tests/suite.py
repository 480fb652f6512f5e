"""suite.py: what the Python test suites share: counting their cases and
the closing line that tests/run-all reads ("NAME (WHAT): N passed, N
failed")."""
import sys


class Suite:
    """The cases of one suite, NAME, run on WHAT."""

    def __init__(self, name, what):
        self.name, self.what = name, what
        self.passed = self.failed = 0

    def ok(self, case, cond):
        """Counts case as passed when cond holds; else says it failed."""
        if cond:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL: %s/%s" % (self.name, case))

    def finish(self):
        """Prints the closing line and ends with 1 if any case failed."""
        print("%s (%s): %d passed, %d failed"
              % (self.name, self.what, self.passed, self.failed))
        sys.exit(1 if self.failed else 0)
