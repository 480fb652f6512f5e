#!/usr/bin/env python3
"""lint.py: the house rules of generator/*.c and *.h that a compiler does
not see.

  python3 tests/lint.py [FILE.c|FILE.h...]   (from the top of the
                                              repository; default
                                              generator/*.c and *.h)

Each file is read as the compiler reads it (trigraphs, line splices)
and cut into tokens, digraphs read as what they stand for ("<%" as "{");
comments are skipped.  One case per file and rule:
  length    no function longer than 50 lines, from the line of its
            opening "{" to the line of its closing "}", wherever the
            braces stand (a "{" at file scope that is neither an
            initialiser nor a struct, union or enum body opens a
            function), static inline ones of headers too; and no
            #define longer than 50 lines (continuation lines counted)
  body      every function definition writes its own "{": at file
            scope, the parameter list of a declarator is followed
            (past __attribute__((...)) and macro calls such as
            ATTR(...)) by ";", ",", "=", "{", "(" or "[", so neither
            "int f(void) BODY" with the body in a macro, nor a macro
            call that defines a whole function without ";", nor an
            old-style parameter list passes
  braces    each branch of #if/#ifdef ... #elif/#else ... #endif
            closes the "{" it opens, so a "}" in a branch the compiler
            drops (#if 0) cannot end a function early for the lint;
            nor may a #define hold a "{" or "}" without its pair
  japanese  no string or character literal holding Japanese text (kana
            also half-width, kanji and their extensions, CJK symbols
            and punctuation, full-width forms), written as characters
            or as escapes (\\x, octal, \\u, \\U), adjacent literals
            joined first; nor a brace list of bytes (numbers or
            character literals) that reads as Japanese in UTF-8: the
            words of the pages belong in the templates folder
  ascii     no character outside ASCII, nor a universal character name
            (\\u, \\U), outside comments and literals: C11 allows
            them in identifiers, and "#define J(x) #x" turns J(ホーム)
            into a literal that the japanese rule never sees
  sprintf   no sprintf or vsprintf token outside comments and literals
            (a call, "(sprintf)(...)", a macro or its GCC builtins),
            nor a literal that is its name (__asm__("sprintf"),
            __attribute__((weakref("sprintf"))), dlsym(h, "sprintf")):
            arena_printf, xasprintf, xpath_join or snprintf into a
            buffer of known size
  paste     no token pasting, "##" or "%:%:", outside comments and
            literals: P(spr, intf) makes a sprintf that no token spells
  include   #include names a header, "NAME.h" beside the file or
            <PATH.h>: no body, no words, no data pasted in from a file
            that is not linted (nor a computed #include, #embed,
            #include_next, #import)
Every breach is printed as FILE:LINE: what, e.g.

  generator/site_pages.c:412: function S_home is 57 lines (over 50)

Before that, the self-test: each tests/lint/bad-*.[ch] must draw
exactly the findings its lines mark with a comment "expect: RULE", and
each tests/lint/good-*.[ch] none; one case per fixture.
"""
import glob
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from suite import Suite  # noqa: E402

FUNCTION_MAX = 50
# Japanese, as code point ranges: CJK radicals, ideographic description,
# CJK symbols and punctuation, hiragana, katakana, kanbun, strokes,
# katakana extensions, enclosed CJK and CJK compatibility, ideographs
# (extension A, unified, compatibility), vertical and CJK compatibility
# forms, half- and full-width forms, kana supplements, enclosed
# ideographic supplement, the ideographs of planes 2 and 3.
JAPANESE = ((0x2E80, 0x2FDF), (0x2FF0, 0x303F), (0x3040, 0x30FF),
            (0x3190, 0x319F), (0x31C0, 0x33FF), (0x3400, 0x4DBF),
            (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFE10, 0xFE1F),
            (0xFE30, 0xFE4F), (0xFF00, 0xFFEF), (0x1AFF0, 0x1B16F),
            (0x1F200, 0x1F2FF), (0x20000, 0x3FFFD))
SPRINTF = {"sprintf", "vsprintf", "__builtin_sprintf", "__builtin_vsprintf",
           "__sprintf_chk", "__vsprintf_chk", "__builtin___sprintf_chk",
           "__builtin___vsprintf_chk"}
# A literal that names one (an asm label, weakref("sprintf"), dlsym).
SPRINTF_NAME = re.compile(r"\s*_*(%s)(@[\w.@]*)?\s*"
                          % "|".join(n.lstrip("_") for n in SPRINTF))
TRIGRAPHS = {"=": "#", "/": "\\", "'": "^", "(": "[", ")": "]", "!": "|",
             "<": "{", ">": "}", "-": "~"}
TOKEN = re.compile(r"""
    (?P<lit>(?:u8|[uUL])?(?P<q>["']))
  | (?P<id>[A-Za-z_$\x80-\U0010ffff][\w$\x80-\U0010ffff]*)
  | (?P<num>\.?\d(?:[eEpP][+-]|[\w.])*)
  | (?P<punct>\.\.\.|<<=|>>=|->|\+\+|--|<<|>>|[<>=!&|^*/%+-]=|&&|\|\||\#\#
              |%:%:|%:|<%|%>|<:|:>|\S)""", re.X)
# Digraphs, read as the tokens they stand for.
DIGRAPHS = {"<%": "{", "%>": "}", "<:": "[", ":>": "]", "%:": "#",
            "%:%:": "##"}
ATTRIBUTES = {"__attribute__", "__attribute", "_Alignas", "__declspec",
              "__asm__", "asm"}
SIMPLE_ESCAPES = {"n": 10, "t": 9, "r": 13, "a": 7, "b": 8, "f": 12,
                  "v": 11, "e": 27}


class Token:
    """One token: kind ("lit", "id", "num", "punct"), text, line, and
    directive: 0 outside preprocessor directives, else the number of
    the directive it stands in (from 1)."""

    def __init__(self, kind, text, line, directive):
        self.kind, self.text, self.line = kind, text, line
        self.directive = directive


def translate(text):
    """Returns (chars, lines): text with trigraphs replaced and line
    splices removed (translation phases 1 and 2), and the source line of
    each of its characters."""
    out, lines, line, i, n = [], [], 1, 0, len(text)
    while i < n:
        c = text[i]
        if c == "?" and text.startswith("??", i) and i + 2 < n \
                and text[i + 2] in TRIGRAPHS:
            c, i = TRIGRAPHS[text[i + 2]], i + 2
        if c == "\\" and text.startswith("\n", i + 1):
            line, i = line + 1, i + 2
            continue
        out.append(c)
        lines.append(line)
        line += c == "\n"
        i += 1
    return "".join(out), lines


def literal_end(chars, i):
    """Returns the index after the literal whose opening quote is at
    i (or the end of its line, when it is not closed)."""
    quote, n = chars[i], len(chars)
    i += 1
    while i < n and chars[i] not in (quote, "\n"):
        i += 2 if chars[i] == "\\" else 1
    return min(i + 1, n) if i < n and chars[i] == quote else min(i, n)


def tokenize(text):
    """Returns the tokens of C source text, comments skipped."""
    chars, lines = translate(text)
    tokens, i, n, directive, line_start = [], 0, len(chars), 0, True
    directives = 0
    while i < n:
        c = chars[i]
        if c == "\n":
            directive, line_start, i = 0, True, i + 1
            continue
        if c.isspace():
            i += 1
            continue
        if chars.startswith("/*", i):
            end = chars.find("*/", i + 2)
            i = n if end < 0 else end + 2
            continue
        if chars.startswith("//", i):
            end = chars.find("\n", i)
            i = n if end < 0 else end
            continue
        if line_start and (c == "#" or chars.startswith("%:", i)):
            directives += 1
            directive = directives
        line_start = False
        m = TOKEN.match(chars, i)
        if m is None:
            i += 1
            continue
        kind = m.lastgroup if m.lastgroup != "q" else "lit"
        end = literal_end(chars, m.start("q")) if m.group("lit") else m.end()
        text = chars[i:end]
        tokens.append(Token(kind, DIGRAPHS.get(text, text), lines[i],
                            directive))
        i = end
    return tokens


def escape_value(body, i):
    """Returns (value, is_code_point, next index) of the escape at
    body[i] == "\\": a code point for \\u and \\U, else a code unit."""
    c = body[i + 1] if i + 1 < len(body) else ""
    if c in "uU":
        digits = 4 if c == "u" else 8
        m = re.match(r"[0-9A-Fa-f]{1,%d}" % digits, body[i + 2:])
        return (int(m.group(), 16) if m else 0, True,
                i + 2 + (len(m.group()) if m else 0))
    if c == "x":
        m = re.match(r"[0-9A-Fa-f]*", body[i + 2:])
        return int(m.group() or "0", 16), False, i + 2 + len(m.group())
    m = re.match(r"[0-7]{1,3}", body[i + 1:])
    if m:
        return int(m.group(), 8), False, i + 1 + len(m.group())
    return SIMPLE_ESCAPES.get(c, ord(c) if c else 0), False, i + 2


def code_units(body, width):
    """Returns the code units of a literal's body in an encoding of
    width 8, 16 or 32 bits."""
    units, i = [], 0
    while i < len(body):
        if body[i] == "\\":
            value, is_cp, i = escape_value(body, i)
            if not is_cp:
                units.append(value & ((1 << width) - 1))
                continue
            c = chr(value) if value < 0x110000 else "\ufffd"
        else:
            c, i = body[i], i + 1
        if width == 8:      # a byte the file held that is not UTF-8
            units.extend(c.encode("utf-8", "surrogateescape"
                                  if 0xDC80 <= ord(c) <= 0xDCFF
                                  else "surrogatepass"))
        elif width == 16:
            b = c.encode("utf-16-le", "surrogatepass")
            units.extend(int.from_bytes(b[k:k + 2], "little")
                         for k in range(0, len(b), 2))
        else:
            units.append(ord(c))
    return units


def decode(pieces):
    """Returns the text of adjacent literal tokens pieces, joined as
    the compiler joins them."""
    prefixes = [re.match("[^\"']*", p.text).group() for p in pieces]
    width = 8
    for prefix in prefixes:
        width = {"L": 32, "U": 32, "u": 16}.get(prefix, width)
    units = []
    for p, prefix in zip(pieces, prefixes):
        body = p.text[len(prefix) + 1:]
        if body[-1:] == p.text[len(prefix)]:
            body = body[:-1]
        units.extend(code_units(body, width))
    if width == 8:
        return bytes(units).decode("utf-8", "replace")
    if width == 16:
        raw = b"".join(u.to_bytes(2, "little") for u in units)
        return raw.decode("utf-16-le", "replace")
    return "".join(chr(u) if u < 0x110000 and not 0xD800 <= u < 0xE000
                   else "\ufffd" for u in units)


def is_japanese(c):
    """Returns whether character c is Japanese text."""
    cp = ord(c)
    return any(lo <= cp <= hi for lo, hi in JAPANESE)


def literals(tokens):
    """Returns the literals of tokens, a list of tokens each: a
    character literal alone, adjacent string literals together."""
    groups, k = [], 0
    while k < len(tokens):
        group = [tokens[k]]
        if tokens[k].kind == "lit" and tokens[k].text.endswith('"'):
            while k + len(group) < len(tokens) \
                    and tokens[k + len(group)].kind == "lit" \
                    and tokens[k + len(group)].text.endswith('"') \
                    and tokens[k + len(group)].directive \
                    == tokens[k].directive:
                group.append(tokens[k + len(group)])
        k += len(group)
        if group[0].kind == "lit":
            groups.append(group)
    return groups


def check_japanese(tokens):
    """Returns a finding per literal (adjacent string literals joined),
    and per list of bytes, holding Japanese text."""
    found = []
    for group in literals(tokens):
        words = "".join(c for c in decode(group) if is_japanese(c))
        if words:
            found.append((group[0].line, "japanese",
                          "Japanese text in a literal: %s (%s)"
                          % (" ".join(t.text for t in group), words)))
    return found + check_byte_lists(tokens)


def byte_value(tokens, k):
    """Returns (value, next index) of the element of a brace list at
    tokens[k]: an integer constant or a character literal, maybe
    negated, taken as a byte; value None when it is something else."""
    negate = tokens[k].text == "-"
    t = tokens[k + negate] if k + negate < len(tokens) else tokens[k]
    value = None
    if t.kind == "lit" and t.text[:1] == "'":
        units = code_units(t.text[1:-1], 8)
        value = units[0] if len(units) == 1 else None
    elif t.kind == "num":
        digits = t.text.rstrip("uUlL")
        base = 16 if digits[:2] in ("0x", "0X") else 2 \
            if digits[:2] in ("0b", "0B") else 8 if digits[:1] == "0" \
            else 10
        try:
            value = int(digits[2:] if base in (16, 2) else digits, base)
        except ValueError:
            value = None
    if value is not None and -256 < (-value if negate else value) < 256:
        return (-value if negate else value) & 0xFF, k + negate + 1
    return None, k + 1


def check_byte_lists(tokens):
    """Returns a finding per run of byte values in a brace list (0xe3,
    '\\x83', -101, ...) that, read as UTF-8, holds Japanese text."""
    found, k = [], 0
    while k < len(tokens):
        run, first = [], tokens[k].line
        while 0 < k < len(tokens) and tokens[k - 1].text in ("{", ","):
            value, j = byte_value(tokens, k)
            if value is None or j >= len(tokens) \
                    or tokens[j].text not in (",", "}"):
                break
            run.append(value)
            k = j + 1
        words = "".join(c for c in bytes(run).decode("utf-8", "replace")
                        if is_japanese(c))
        if words:
            found.append((first, "japanese", "Japanese text in a list "
                          "of bytes (%s)" % words))
        k += not run
    return found


def check_sprintf(tokens):
    """Returns a finding per sprintf or vsprintf token, also one that
    a directive spells with "##", and per literal that is the name of
    one."""
    found, k = [], 0
    while k < len(tokens):
        name, line, k = tokens[k].text, tokens[k].line, k + 1
        if tokens[k - 1].kind != "id":
            continue
        while k + 1 < len(tokens) and tokens[k].text == "##" \
                and tokens[k + 1].kind == "id":
            name, k = name + tokens[k + 1].text, k + 2
        if name in SPRINTF:
            found.append((line, "sprintf", "bare %s" % name))
    return found + [(g[0].line, "sprintf", "%s names sprintf"
                     % " ".join(t.text for t in g))
                    for g in literals(tokens)
                    if SPRINTF_NAME.fullmatch(decode(g))]


def skip_attributes(decl, end):
    """Returns the index after the last token of decl[:end] that is not
    part of a trailing __attribute__((...)) or the like."""
    while end > 0 and decl[end - 1].text == ")":
        j = opening_paren(decl, end - 1)
        if j > 0 and decl[j - 1].text in ATTRIBUTES:
            end = j - 1
        else:
            break
    return end


def brace_opens_function(decl):
    """Returns whether a "{" at file scope after the tokens decl of its
    declaration opens a function body: not after "=" (an initialiser),
    not a struct, union or enum body."""
    depth = 0
    for t in decl:
        depth += {"(": 1, ")": -1}.get(t.text, 0)
        if depth == 0 and t.text == "=":
            return False
    tags = ("struct", "union", "enum")
    end = skip_attributes(decl, len(decl))
    if end > 0 and decl[end - 1].kind == "id" \
            and decl[end - 1].text not in tags:
        end = skip_attributes(decl, end - 1)
    return not (end > 0 and decl[end - 1].text in tags)


def opening_paren(decl, close):
    """Returns the index of the "(" that the ")" at decl[close] closes."""
    depth = 0
    for j in range(close, -1, -1):
        depth += {")": 1, "(": -1}.get(decl[j].text, 0)
        if depth == 0:
            return j
    return 0


def function_name(decl):
    """Returns the name of the function declared by decl: the
    identifier before its parameter list (inside the parentheses of a
    declarator such as "(*f(void))(int)")."""
    end = skip_attributes(decl, len(decl))
    while end > 0 and decl[end - 1].text == ")":
        j = opening_paren(decl, end - 1)
        if j > 0 and decl[j - 1].kind == "id":
            return decl[j - 1].text
        if j == 0 or decl[j - 1].text != ")":
            break
        decl = decl[opening_paren(decl, j - 1) + 1:j - 1]
        end = len(decl)
    return "?"


def old_style_name(before):
    """Returns the name of an old-style definition ("f(a) int a; {")
    from the tokens before its body: the last identifier before "("."""
    for a, b in reversed(list(zip(before, before[1:]))):
        if a.kind == "id" and b.text == "(" and a.text not in ATTRIBUTES:
            return a.text
    return "?"


def function_bodies(tokens):
    """Returns (name, first line, last line) of each function body."""
    bodies, decl, before, depth, opened = [], [], [], 0, None
    for t in tokens:
        if t.directive:
            continue
        if depth == 0 and t.text == "{":
            if brace_opens_function(decl):
                name = function_name(decl)
                if name == "?":
                    name = old_style_name(before)
                opened = (name, t.line)
            depth = 1
        elif depth == 0:
            keep = t.text != ";" or any(d.text == "(" for d in decl)
            before = before + [t] if keep else []
            decl = [] if t.text == ";" else decl + [t]
        elif t.text == "{":
            depth += 1
        elif t.text == "}":
            depth -= 1
            if depth == 0 and opened is not None:
                bodies.append(opened + (t.line,))
                decl, before, opened = [], [], None
            elif depth == 0:
                decl = decl + [t]
    return bodies


def directives(tokens):
    """Returns the tokens of each preprocessor directive, a list each."""
    groups = {}
    for t in tokens:
        if t.directive:
            groups.setdefault(t.directive, []).append(t)
    return [groups[d] for d in sorted(groups)]


def macro_spans(tokens):
    """Returns (name, first line, last line) of each #define."""
    return [(d[2].text, d[0].line, d[-1].line) for d in directives(tokens)
            if len(d) > 2 and d[1].text == "define"]


def check_includes(tokens):
    """Returns a finding per directive that pastes in a file other than
    a header named by its own name: #include of a name that does not
    end in ".h" (or, quoted, leads out of the folder), a computed
    #include, #include_next, #import, #embed."""
    found = []
    for d in directives(tokens):
        if len(d) < 2 or d[1].text not in ("include", "include_next",
                                           "import", "embed"):
            continue
        name = "".join(t.text for t in d[2:])
        quoted = re.fullmatch(r'"[^"/]+\.h"', name)
        system = re.fullmatch(r"<[\w./+-]+\.h>", name)
        if d[1].text != "include" or not (quoted or system):
            found.append((d[0].line, "include", "#%s %s: only a header "
                          "(NAME.h) may be included" % (d[1].text, name)))
    return found


def check_lengths(tokens):
    """Returns a finding per function, and per #define, over
    FUNCTION_MAX lines."""
    found = []
    for kind, spans in (("function", function_bodies(tokens)),
                        ("macro", macro_spans(tokens))):
        for name, first, last in spans:
            n = last - first + 1
            if n > FUNCTION_MAX:
                found.append((first, "length", "%s %s is %d lines "
                              "(over %d)" % (kind, name, n, FUNCTION_MAX)))
    return found


def check_branches(tokens):
    """Returns a finding per branch of #if ... #endif, and per #define,
    whose "{" and "}" do not pair up inside it: whichever branch the
    compiler keeps, wherever a macro expands, the braces the lint
    matches are then the compiler's."""
    found, frames, seen = [], [], 0
    for k, t in enumerate(tokens):
        if not t.directive:
            if frames and t.text in ("{", "}"):
                frames[-1][1] += 1 if t.text == "{" else -1
            continue
        if t.directive == seen or k + 1 >= len(tokens) \
                or tokens[k + 1].directive != t.directive:
            continue
        seen, word = t.directive, tokens[k + 1].text
        if word in ("elif", "else", "endif") and frames:
            line, count = frames.pop()
            if count:
                found.append((line, "braces", "the braces of a branch "
                              "of #if do not pair up (%+d)" % count))
        if word in ("if", "ifdef", "ifndef", "elif", "else"):
            frames.append([t.line, 0])
    found += [(line, "braces", "#if without #endif") for line, _ in frames]
    for d in directives(tokens):
        count = sum({"{": 1, "}": -1}.get(t.text, 0) for t in d)
        if len(d) > 2 and d[1].text == "define" and count:
            found.append((d[0].line, "braces", "the braces of macro %s "
                          "do not pair up (%+d)" % (d[2].text, count)))
    return found


def closing_paren(code, k):
    """Returns the index of the ")" that closes the "(" at code[k] (or
    the end of code)."""
    depth = 0
    for j in range(k, len(code)):
        depth += {"(": 1, ")": -1}.get(code[j].text, 0)
        if depth == 0:
            return j
    return len(code)


def skip_calls(code, k):
    """Returns the index of the first token from code[k] on that is not
    part of a call-like group: __attribute__((...)), asm(...), a macro
    such as ATTR(...)."""
    while k + 1 < len(code) and code[k].kind == "id" \
            and code[k + 1].text == "(":
        k = closing_paren(code, k + 1) + 1
    return k


FOLLOWS_PARAMETERS = {";", ",", "=", "{", "(", "["}


def check_bodies(tokens):
    """Returns a finding per parameter list at file scope that is not
    followed (past call-like groups) by what FOLLOWS_PARAMETERS holds:
    a function whose body a macro supplies, a macro that defines a whole
    function, or an old-style definition."""
    code = [t for t in tokens if not t.directive]
    found, start, braces, depth, init, k = [], 0, 0, 0, False, 0
    while k < len(code):
        t, k = code[k], k + 1
        if braces or t.text == "{":
            braces += {"{": 1, "}": -1}.get(t.text, 0)
            start = k if braces == 0 else start
            continue
        if depth == 0 and t.text in ATTRIBUTES and k < len(code) \
                and code[k].text == "(":
            k = closing_paren(code, k) + 1
            continue
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(t.text, 0)
        if depth == 0 and t.text in (";", ","):
            init, start = False, k if t.text == ";" else start
        elif depth == 0 and t.text == "=":
            init = True
        elif depth == 0 and t.text == ")" and not init:
            j = skip_calls(code, k)
            if j >= len(code) or code[j].text not in FOLLOWS_PARAMETERS:
                found.append((t.line, "body", "function %s has no \"{\" "
                              "body of its own: %s follows its parameters"
                              % (function_name(code[start:k]),
                                 code[k].text if k < len(code)
                                 else "the end of the file")))
                start = k = j
    return found


def check_ascii(tokens):
    """Returns a finding per token outside comments and literals that
    holds a character outside ASCII or starts a universal character
    name."""
    return [(t.line, "ascii", "non-ASCII outside comments and literals: "
             "%s" % t.text) for t in tokens
            if t.kind != "lit" and (t.text == "\\" or max(map(ord, t.text))
                                    > 127)]


def check_paste(tokens):
    """Returns a finding per token pasting operator."""
    return [(t.line, "paste", "token pasting: %s" % t.text)
            for t in tokens if t.kind == "punct" and t.text == "##"]


RULES = (("length", check_lengths), ("body", check_bodies),
         ("braces", check_branches),
         ("japanese", check_japanese),
         ("ascii", check_ascii),
         ("sprintf", check_sprintf), ("paste", check_paste),
         ("include", check_includes))


def lint(path):
    """Returns {rule: [(line, rule, message)]} for the file at path."""
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        tokens = tokenize(f.read())
    return {rule: check(tokens) for rule, check in RULES}


def sources(folder):
    """Returns the paths of the C sources and headers of folder."""
    return sorted(glob.glob(os.path.join(folder, "*.[ch]")))


def expected(path):
    """Returns the (line, rule) pairs that fixture path marks with a
    comment "expect: RULE"."""
    marks = set()
    with open(path, encoding="utf-8") as f:
        for k, text in enumerate(f, 1):
            for m in re.finditer(r"expect: (\w+)", text):
                marks.add((k, m.group(1)))
    return marks


def self_test(suite):
    """Runs lint on each fixture of tests/lint: a case per fixture,
    passed when it draws exactly the findings it marks (a bad-*.c at
    least one, a good-*.c none)."""
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lint")
    fixtures = sources(here)
    suite.ok("self-test/fixtures", {".c", ".h"}
             <= {os.path.splitext(f)[1] for f in fixtures})
    for path in fixtures:
        name = os.path.basename(path)
        got = {(line, rule) for found in lint(path).values()
               for line, rule, _ in found}
        want = expected(path)
        good = name.startswith("good-") and not want
        bad = name.startswith("bad-") and want
        if got != want:
            print("self-test %s: expected %s, found %s"
                  % (name, sorted(want), sorted(got)))
        suite.ok("self-test/" + name, (good or bad) and got == want)


USAGE = "usage: python3 tests/lint.py [FILE.c|FILE.h...]"


def main():
    """Lints the files named on the command line or generator/*.c and
    generator/*.h."""
    if any(a.startswith("-") for a in sys.argv[1:]):
        help_asked = sys.argv[1:] in (["-h"], ["--help"])
        print(USAGE, file=sys.stdout if help_asked else sys.stderr)
        sys.exit(0 if help_asked else 2)
    files = sys.argv[1:] or sources("generator")
    suite = Suite("lint", "generator/")
    self_test(suite)
    for path in files:
        for rule, found in lint(path).items():
            for line, _, message in found:
                print("%s:%d: %s" % (path, line, message))
            suite.ok(rule + "/" + path, not found)
    suite.finish()


if __name__ == "__main__":
    main()
