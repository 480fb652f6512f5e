#!/usr/bin/env python3
"""include-graph.py: no circle between the generator's files.

  python3 tests/include-graph.py BUILD [ALLOW]   (from the top of the
                                                 repository, after make)

Reads which file defines and which uses each global symbol of
generator/*.c from nm on BUILD/obj/*.o (defined: T, D, B, R; used: U),
which makes the graph "A.c calls B.c", and the graph "A.h includes B.h"
from the #include "..." lines of generator/*.h.  A file that stands in a
circle of either graph fails, and one circle through it is printed with
the symbols or includes that close it, e.g.

  cycle: a.c -> b.c (b_fn) -> a.c (a_fn, a_other)

ALLOW (default tests/include-graph.allow, which need not exist) lists
circles the lead accepts for now, one a line: the files of the circle
separated by spaces, in any order ("#" starts a comment).  A circle whose
files are exactly those of a line is printed as allowed and fails
nothing.  One case per file: passed when it stands in no circle (or an
allowed one).

No page file calls another: a call (or use of data) from one
generator/page_*.c to another page_*.c fails, printed with the symbols
that make it (or "#include" when one includes the other's source), e.g.

  page call: page_home.c -> page_skill.c (page_skill_row)

page.c, the toolkit, may be called by every page_*.c but calls none;
site.c calls them all.  One case per page file.

What neither graph can see: a use that leaves no symbol for nm.  A call
through a function pointer (a struct of callbacks that site.c fills,
called in a page file) names no function of the callee in the caller's
object, and a static inline function of a header is compiled into each
file that includes it; so a page file that calls another by either way,
and the circles they close, pass.  Review them by eye.

Before that, the self-test: small made-up nm listings and headers, each
with what the checks must find there (a circle, a page-to-page call, an
allowed graph that passes); one case each.
"""
import glob
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from suite import Suite  # noqa: E402

DEFINED = "TDBRCGSVWiu"     # nm's letters of global definitions
USED = ("U", "w", "v")      # and of uses (plain or weak)
PAGE = re.compile(r"page_\w+\.c")


def read_allowed(path):
    """Returns the allowed circles of path, each a frozenset of names."""
    allowed = set()
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                names = line.split("#", 1)[0].split()
                if names:
                    allowed.add(frozenset(names))
    return allowed


def call_graph(listings):
    """Returns {A.c: {B.c: [symbols of B.c that A.c uses]}} from
    listings, {A.c: the output of nm on A.o}."""
    defined, used = {}, {}
    for src, out in sorted(listings.items()):
        used[src] = set()
        for line in out.splitlines():
            parts = line.split()
            if len(parts) == 2 and parts[0] in USED:
                used[src].add(parts[1])
            elif len(parts) == 3 and parts[1] in DEFINED:
                defined[parts[2]] = src
    graph = {}
    for src, syms in used.items():
        edges = graph.setdefault(src, {})
        for s in sorted(syms):
            to = defined.get(s)
            if to is not None and to != src:
                edges.setdefault(to, []).append(s)
    return graph


def nm_listings(build):
    """Returns {A.c: nm's output on BUILD/obj/A.o} for the objects made
    from generator/*.c."""
    listings = {}
    for obj in sorted(glob.glob(os.path.join(build, "obj", "*.o"))):
        src = os.path.basename(obj)[:-2] + ".c"
        if not os.path.exists(os.path.join("generator", src)):
            continue        # generated: the embedded schemas
        listings[src] = subprocess.run(["nm", obj], check=True,
                                       capture_output=True, text=True).stdout
    return listings


def include_graph(files):
    """Returns {A: {B: ["#include"]}} from files, {A: its text}: the
    #include "..." lines of each that name another of files."""
    graph = {}
    for name, text in sorted(files.items()):
        edges = graph.setdefault(name, {})
        for m in re.finditer(r'^\s*#\s*include\s+"([^"]+)"', text, re.M):
            if m.group(1) != name and m.group(1) in files:
                edges.setdefault(m.group(1), []).append("#include")
    return graph


def with_includes(calls, sources):
    """Returns calls with an edge added for each #include of one .c file
    of sources ({A.c: its text}) by another: its code is the
    includer's, its calls are the includer's."""
    for src, edges in include_graph(sources).items():
        for to, how in edges.items():
            calls.setdefault(src, {}).setdefault(to, []).extend(how)
    return calls


def read_texts(pattern):
    """Returns {A: its text} for the files of generator/ that match
    pattern."""
    texts = {}
    for path in sorted(glob.glob(os.path.join("generator", pattern))):
        with open(path, encoding="utf-8", errors="replace") as f:
            texts[os.path.basename(path)] = f.read()
    return texts


def components(graph):
    """Returns the strongly connected components of graph with more than
    one node (Tarjan's algorithm, iterative), each a sorted list."""
    index, low, on_stack, stack, out = {}, {}, set(), [], []
    counter = [0]
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.get(root, {}))))]
        index[root] = low[root] = counter[0]
        counter[0] += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, it = work[-1]
            nxt = next(it, None)
            if nxt is not None:
                if nxt not in index:
                    index[nxt] = low[nxt] = counter[0]
                    counter[0] += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph.get(nxt, {})))))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp.append(w)
                    if w == node:
                        break
                if len(comp) > 1:
                    out.append(sorted(comp))
    return out


def shortest_cycle(graph, comp):
    """Returns a shortest circle through comp's first node, as a list of
    nodes that starts and ends with it (breadth first, inside comp)."""
    start, inside = comp[0], set(comp)
    prev, queue = {start: None}, [start]
    for node in queue:
        for nxt in sorted(graph.get(node, {})):
            if nxt == start:
                path = [node]
                while prev[path[-1]] is not None:
                    path.append(prev[path[-1]])
                return list(reversed(path)) + [start]
            if nxt in inside and nxt not in prev:
                prev[nxt] = node
                queue.append(nxt)
    return comp + [start]


def show(graph, cycle):
    """Returns cycle written with the symbols of each step."""
    words = [cycle[0]]
    for a, b in zip(cycle, cycle[1:]):
        syms = graph[a][b]
        more = ", ..." if len(syms) > 4 else ""
        words.append("%s (%s%s)" % (b, ", ".join(syms[:4]), more))
    return " -> ".join(words)


def circles(graph, what, allowed):
    """Returns (lines, bad): a line per circle of graph (allowed ones
    said so), and the set of files in circles that are not allowed."""
    lines, bad = [], set()
    for comp in components(graph):
        line = show(graph, shortest_cycle(graph, comp))
        if frozenset(comp) in allowed:
            lines.append("allowed %s cycle: %s" % (what, line))
            continue
        lines.append("%s cycle: %s" % (what, line))
        lines.append("  the whole circle: %s" % " ".join(comp))
        bad.update(comp)
    return lines, bad


def page_calls(graph):
    """Returns (lines, bad): a line per call from a page file (page.c
    or page_*.c) to a page_*.c, and the set of files that call."""
    lines, bad = [], set()
    for src in sorted(graph):
        if src != "page.c" and not PAGE.fullmatch(src):
            continue
        for to in sorted(graph[src]):
            if PAGE.fullmatch(to):
                lines.append("page call: %s -> %s (%s)"
                             % (src, to, ", ".join(graph[src][to])))
                bad.add(src)
    return lines, bad


def check(suite, graph, what, allowed):
    """Prints each circle of graph and counts a case per node."""
    lines, bad = circles(graph, what, allowed)
    for line in lines:
        print(line)
    for node in sorted(graph):
        suite.ok("%s/%s" % (what, node), node not in bad)


def check_pages(suite, graph):
    """Prints each call between page files; a case per page file."""
    lines, bad = page_calls(graph)
    for line in lines:
        print(line)
    for node in sorted(graph):
        if node == "page.c" or PAGE.fullmatch(node):
            suite.ok("pages/%s" % node, node not in bad)


def nm(*defs, uses=()):
    """Returns a made-up nm listing: defs defined (T), uses used (U)."""
    return "".join(["0000000000000000 T %s\n" % d for d in defs]
                   + ["                 U %s\n" % u for u in uses])


# The self-test: (name, nm listings or headers, allowed circles, the
# files the check must fail).  The fake nm lines are as nm prints them.
SELF_TESTS = (
    ("cycle of two", "call", {
        "a.c": nm("a_fn", uses=["b_fn", "printf"]),
        "b.c": nm("b_fn", uses=["a_fn"]),
        "c.c": nm("main", uses=["a_fn"])}, (), {"a.c", "b.c"}),
    ("cycle of three through data", "call", {
        "a.c": "0000000000000000 R a_table\n" + nm("a_fn", uses=["b_fn"]),
        "b.c": nm("b_fn", uses=["c_fn"]),
        "c.c": nm("c_fn", uses=["a_table"]),
        "d.c": nm("d_fn", uses=["a_fn"])}, (), {"a.c", "b.c", "c.c"}),
    ("a static symbol defines nothing", "call", {
        "x.c": "0000000000000000 t helper\n" + nm("x_fn", uses=["y_fn"]),
        "y.c": nm("y_fn", uses=["helper"])}, (), set()),
    ("allowed cycle", "call", {
        "a.c": nm("a_fn", uses=["b_fn"]),
        "b.c": nm("b_fn", uses=["a_fn"])}, ({"a.c", "b.c"},), set()),
    ("page calls a page", "pages", {
        "page.c": nm("page_begin"),
        "page_home.c": nm("pages_home", uses=["page_begin",
                                              "page_skill_row"]),
        "page_skill.c": nm("pages_skills", "page_skill_row",
                           uses=["page_begin"]),
        "site.c": nm("site_render", uses=["pages_home", "pages_skills"])},
     (), {"page_home.c"}),
    ("page uses a page's data", "pages", {
        "page_a.c": "0000000000000000 D page_a_rows\n" + nm("pages_a"),
        "page_b.c": nm("pages_b", uses=["page_a_rows"])}, (),
     {"page_b.c"}),
    ("toolkit calls a page", "pages", {
        "page.c": nm("page_begin", uses=["pages_home"]),
        "page_home.c": nm("pages_home", uses=["page_begin"])}, (),
     {"page.c"}),
    ("allowed pages", "pages", {
        "page.c": nm("page_begin", "page_link", uses=["path_href"]),
        "paths.c": nm("path_href"),
        "page_home.c": nm("pages_home", uses=["page_begin", "path_href"]),
        "page_skill.c": nm("pages_skills", uses=["page_link"]),
        "site.c": nm("site_render", uses=["pages_home", "pages_skills",
                                          "page_begin"])}, (), set()),
    ("allowed pages have no cycle", "call", {
        "page.c": nm("page_begin", uses=["path_href"]),
        "paths.c": nm("path_href"),
        "page_home.c": nm("pages_home", uses=["page_begin"]),
        "site.c": nm("site_render", uses=["pages_home"])}, (), set()),
    ("page includes a page's source", "pages", (
        {"page.c": nm("page_begin"),
         "page_home.c": nm("pages_home", uses=["page_begin"]),
         "page_skill.c": nm("pages_skills", uses=["page_begin"])},
        {"page_home.c": '#include "page.h"\n#include "page_skill.c"\n',
         "page_skill.c": '#include "page.h"\n'}), (), {"page_home.c"}),
    ("include cycle", "include", {
        "a.h": '#include <stdio.h>\n#include "b.h"\n',
        "b.h": '#ifndef B_H\n# include "a.h"\n#endif\n',
        "c.h": '#include "a.h"\n#include "missing.h"\n'}, (),
     {"a.h", "b.h"}),
)


def self_test(suite):
    """Runs the checks on SELF_TESTS; a case each, passed when the check
    fails exactly the files it should."""
    for name, what, given, allowed, want in SELF_TESTS:
        allowed = {frozenset(a) for a in allowed}
        if what == "include":
            _, got = circles(include_graph(given), what, allowed)
        elif what == "call":
            _, got = circles(call_graph(given), what, allowed)
        else:
            listings, sources = given if isinstance(given, tuple) \
                else (given, {})
            _, got = page_calls(with_includes(call_graph(listings),
                                              sources))
        if got != want:
            print("self-test %s: expected %s to fail, found %s"
                  % (name, sorted(want), sorted(got)))
        suite.ok("self-test/" + name, got == want)


USAGE = "usage: python3 tests/include-graph.py BUILD [ALLOW]"


def main():
    """Checks the objects of the build named on the command line."""
    args = sys.argv[1:]
    if not 1 <= len(args) <= 2 or any(a.startswith("-") for a in args):
        help_asked = args in (["-h"], ["--help"])
        print(USAGE, file=sys.stdout if help_asked else sys.stderr)
        sys.exit(0 if help_asked else 2)
    build = sys.argv[1]
    allow_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "include-graph.allow")
    suite = Suite("include-graph", "generator/")
    self_test(suite)
    allowed = read_allowed(allow_path)
    calls = with_includes(call_graph(nm_listings(build)),
                          read_texts("*.c"))
    if not calls:
        print("no objects in %s/obj: run make first" % build)
        suite.ok("objects", False)
    check(suite, calls, "call", allowed)
    check_pages(suite, calls)
    check(suite, include_graph(read_texts("*.h")), "include", allowed)
    suite.finish()


if __name__ == "__main__":
    main()
