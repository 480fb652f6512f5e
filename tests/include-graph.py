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
"""
import glob
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from suite import Suite  # noqa: E402

build = sys.argv[1]
allow_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "include-graph.allow")
suite = Suite("include-graph", "generator/")


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


def symbol_graph():
    """Returns {A.c: {B.c: [symbols of B.c that A.c uses]}}, from nm."""
    defined, used = {}, {}
    for obj in sorted(glob.glob(os.path.join(build, "obj", "*.o"))):
        src = os.path.basename(obj)[:-2] + ".c"
        if not os.path.exists(os.path.join("generator", src)):
            continue        # generated: the embedded schemas
        out = subprocess.run(["nm", obj], check=True, capture_output=True,
                             text=True).stdout
        used[src] = set()
        for line in out.splitlines():
            parts = line.split()
            if len(parts) == 2 and parts[0] == "U":
                used[src].add(parts[1])
            elif len(parts) == 3 and parts[1] in "TDBR":
                defined[parts[2]] = src
    graph = {}
    for src, syms in used.items():
        edges = graph.setdefault(src, {})
        for s in sorted(syms):
            to = defined.get(s)
            if to is not None and to != src:
                edges.setdefault(to, []).append(s)
    return graph


def include_graph():
    """Returns {A.h: {B.h: ["#include"]}} over generator/*.h."""
    graph = {}
    for path in sorted(glob.glob("generator/*.h")):
        name = os.path.basename(path)
        edges = graph.setdefault(name, {})
        with open(path, encoding="utf-8") as f:
            for m in re.finditer(r'^#\s*include\s+"([^"]+)"', f.read(),
                                 re.M):
                if m.group(1) != name and os.path.exists(
                        os.path.join("generator", m.group(1))):
                    edges.setdefault(m.group(1), []).append("#include")
    return graph


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


def check(graph, what, allowed):
    """Counts a case per node of graph; prints each circle."""
    bad = set()
    for comp in components(graph):
        line = show(graph, shortest_cycle(graph, comp))
        if frozenset(comp) in allowed:
            print("allowed %s cycle: %s" % (what, line))
            continue
        print("%s cycle: %s" % (what, line))
        print("  the whole circle: %s" % " ".join(comp))
        bad.update(comp)
    for node in sorted(graph):
        suite.ok("%s/%s" % (what, node), node not in bad)


allowed = read_allowed(allow_path)
calls = symbol_graph()
if not calls:
    print("no objects in %s/obj: run make first" % build)
    suite.ok("objects", False)
check(calls, "call", allowed)
check(include_graph(), "include", allowed)
suite.finish()
