"""Find where each key and array element of a TOML document starts, as (line, column), 1-based.

tomli tells where a *syntax* error is but not where a parsed value came from; validation needs that to
report ``records/x.toml:7:1: error: …`` for a wrong type or an unknown key. ``locate`` scans the text of
a document that has already parsed (so it can be lenient) and returns a map from key paths such as
``("archive", "levels", "fond")`` or ``("provenance", 1, "event")`` to positions.

Pure: text in, dict out. No I/O; imports nothing from citekit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

Path = tuple  # a tuple of str keys and int indices


_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", "e": "\x1b", '"': '"', "\\": "\\"}
_ESCAPE_RE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|x[0-9A-Fa-f]{2}|.)")


def _unescape(text: str) -> str:
    """The value of a basic string's body ("a\\"b" -> a"b), as a quoted key's name."""
    def one(m: re.Match) -> str:
        e = m[1]
        if len(e) > 1:
            return chr(int(e[1:], 16))
        return _ESCAPES.get(e, e)

    return _ESCAPE_RE.sub(one, text)


class _Scanner:
    """A lenient scanner over TOML text. It records where keys, table headers and array elements start,
    and every definition in order (for finding duplicates). It always makes progress and never raises on
    malformed text, so it can also read a document tomli rejected."""

    def __init__(self, text: str):
        self.s = text
        self.n = len(text)
        self.i = 0
        self.line = 1
        self.col = 1
        self.pos: dict[tuple, tuple[int, int]] = {}
        self.defs: list[tuple[tuple, tuple[int, int], str]] = []  # (path, where, "key"|"dotted"|"table"|"array")
        self.array_counts: dict[tuple, int] = {}

    # -- low level
    def peek(self, n: int = 0) -> str:
        j = self.i + n
        return self.s[j] if j < self.n else ""

    def startswith(self, t: str) -> bool:
        return self.s.startswith(t, self.i)

    def advance(self, n: int = 1) -> None:
        for _ in range(n):
            if self.i >= self.n:
                return
            if self.s[self.i] == "\n":
                self.line += 1
                self.col = 1
            else:
                self.col += 1
            self.i += 1

    def here(self) -> tuple[int, int]:
        return (self.line, self.col)

    def skip_ws(self, newlines: bool = False) -> None:
        while self.i < self.n:
            c = self.s[self.i]
            if c in " \t\r" or (newlines and c == "\n"):
                self.advance()
            elif c == "#":
                while self.i < self.n and self.s[self.i] != "\n":
                    self.advance()
            else:
                return

    def skip_line(self) -> None:
        while self.i < self.n and self.s[self.i] != "\n":
            self.advance()
        self.advance()

    # -- grammar
    def string(self) -> str:
        """Skip a string of any of the four kinds; return its value (exact for one-line strings)."""
        for q in ('"""', "'''"):
            if self.startswith(q):
                self.advance(3)
                start = self.i
                while self.i < self.n and not self.startswith(q):
                    self.advance(2 if q[0] == '"' and self.peek() == "\\" else 1)
                end = self.i
                self.advance(3)
                for _ in range(2):  # up to two more quotes belong to the string: """a""""
                    if self.peek() == q[0]:
                        self.advance()
                return self.s[start:end]
        q = self.peek()
        self.advance()
        start = self.i
        while self.i < self.n and self.peek() not in (q, "\n"):
            self.advance(2 if q == '"' and self.peek() == "\\" else 1)
        text = self.s[start:self.i]
        if self.peek() == q:
            self.advance()
        return _unescape(text) if q == '"' else text

    def key(self) -> list[tuple[str, tuple[int, int]]]:
        parts = []
        while True:
            self.skip_ws()
            at = self.here()
            if self.peek() in ('"', "'"):
                parts.append((self.string(), at))
            else:
                start = self.i
                while self.i < self.n and (self.peek().isalnum() or self.peek() in "-_"):
                    self.advance()
                parts.append((self.s[start:self.i], at))
            self.skip_ws()
            if self.peek() == ".":
                self.advance()
                continue
            return parts

    def value(self, path: Path) -> None:
        self.skip_ws()
        c = self.peek()
        if c in ('"', "'"):
            self.string()
        elif c == "[":
            self.advance()
            index = 0
            while True:
                self.skip_ws(newlines=True)
                if self.peek() in ("]", ""):
                    self.advance()
                    return
                before = self.i
                self.pos.setdefault(path + (index,), self.here())
                self.value(path + (index,))
                index += 1
                self.skip_ws(newlines=True)
                if self.peek() == ",":
                    self.advance()
                elif self.i == before:  # not TOML: make progress
                    self.advance()
        elif c == "{":
            self.advance()
            while True:
                self.skip_ws(newlines=True)  # TOML 1.1 allows newlines and a trailing comma
                if self.peek() in ("}", ""):
                    self.advance()
                    return
                before = self.i
                self.keyval(path)
                self.skip_ws(newlines=True)
                if self.peek() == ",":
                    self.advance()
                elif self.i == before:
                    self.advance()
        else:
            while self.i < self.n and self.peek() not in ",]}\n#":
                self.advance()

    def keyval(self, prefix: Path) -> None:
        parts = self.key()
        path = prefix
        for k, (name, at) in enumerate(parts):
            path = path + (name,)
            self.pos.setdefault(path, at)
            self.defs.append((path, parts[0][1], "key" if k == len(parts) - 1 else "dotted"))
        if self.peek() == "=":
            self.advance()
            self.value(path)

    def header(self) -> Path:
        array = self.startswith("[[")
        at = self.here()
        self.advance(2 if array else 1)
        parts = self.key()
        path: Path = ()
        for k, (name, kat) in enumerate(parts):
            last = k == len(parts) - 1
            path = path + (name,)
            self.pos.setdefault(path, at if last else kat)
            if path in self.array_counts and not (last and array):
                path = path + (self.array_counts[path] - 1,)  # [provenance.x] is in the latest [[provenance]]
        self.defs.append((path, at, "array" if array else "table"))
        if array:
            n = self.array_counts.get(path, 0)
            self.array_counts[path] = n + 1
            path = path + (n,)
            self.pos.setdefault(path, at)
        self.advance(2 if array else 1)
        return path

    def document(self) -> dict[tuple, tuple[int, int]]:
        prefix: Path = ()
        while self.i < self.n:
            self.skip_ws(newlines=True)
            if not self.peek():
                break
            if self.peek() == "[":
                prefix = self.header()
            else:
                self.keyval(prefix)
            self.skip_ws()
            if self.peek() == "\n":
                self.advance()
            elif self.peek():
                self.skip_line()
        return self.pos


def locate(text: str) -> dict[tuple, tuple[int, int]]:
    """Map each key path (and array element path) in a valid TOML document to its (line, column)."""
    try:
        return _Scanner(text).document()
    except (IndexError, RecursionError):  # the text is valid TOML; be safe on what the scanner missed
        return {}


_ALLOWED_AGAIN = {("dotted", "dotted"), ("array", "array"), ("table", "dotted")}


def duplicates(text: str) -> list[tuple[Path, tuple[int, int], tuple[int, int], str]]:
    """Keys and tables defined twice: (path, first position, second position, kind of the second: "key",
    "dotted", "table" or "array"), in document order. Works on text that tomli rejected for that reason."""
    scanner = _Scanner(text)
    try:
        scanner.document()
    except RecursionError:
        return []
    seen: dict[Path, tuple[tuple[int, int], str]] = {}
    out = []
    for path, at, kind in scanner.defs:
        if path not in seen:
            seen[path] = (at, kind)
        elif (seen[path][1], kind) not in _ALLOWED_AGAIN:
            out.append((path, seen[path][0], at, kind))
    return out


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of a character offset."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def offset_of(text: str, line: int, column: int) -> int:
    """The character offset of a 1-based (line, column)."""
    start = 0
    for _ in range(line - 1):
        nl = text.find("\n", start)
        if nl < 0:
            return len(text)
        start = nl + 1
    return min(start + column - 1, len(text))


def open_at(text: str, offset: int) -> tuple[str, list[tuple[str, tuple[int, int]]]]:
    """What is still open at ``offset``: ("string", [(quote, where it opened)]) when the offset is inside
    a string (or one that never closes), else ("brackets", [(bracket, where), …]) innermost last."""
    stack: list[tuple[str, int]] = []
    i = 0
    while i < min(offset, len(text)):
        c = text[i]
        if c == "#":
            nl = text.find("\n", i)
            i = len(text) if nl < 0 else nl
            continue
        if c in "\"'":
            q = c * 3 if text.startswith(c * 3, i) else c
            j = i + len(q)
            while j < len(text) and not text.startswith(q, j) and (len(q) == 3 or text[j] != "\n"):
                j += 2 if text[j] == "\\" and q[0] == '"' else 1
            if offset <= j or not text.startswith(q, j):
                return "string", [(q, line_col(text, i))]
            i = j + len(q)
            continue
        if c == "[" and not stack and not text[text.rfind("\n", 0, i) + 1:i].strip():
            end = text.find("\n", i)  # a table header: skip it
            i = len(text) if end < 0 else end
            continue
        if c in "[{":
            stack.append((c, i))
        elif c in "]}" and stack and stack[-1][0] == "[{"["]}".index(c)]:
            stack.pop()
        i += 1
    return "brackets", [(b, line_col(text, k)) for b, k in stack]


class LazyPositions(Mapping):
    """The positions of a document, located on the first lookup only.

    Scanning is the slowest step of loading a record, and a valid record without warnings never asks
    where its keys are: loading a folder of 10,000 such records then skips 10,000 scans.
    """

    def __init__(self, text: str):
        self._text = text
        self._positions: dict[tuple, tuple[int, int]] | None = None

    def _located(self) -> dict[tuple, tuple[int, int]]:
        if self._positions is None:
            self._positions = locate(self._text)
        return self._positions

    def __getitem__(self, path: Path) -> tuple[int, int]:
        return self._located()[path]

    def __iter__(self) -> Iterator[tuple]:
        return iter(self._located())

    def __len__(self) -> int:
        return len(self._located())

    def __bool__(self) -> bool:  # `positions or {}` must not trigger the scan
        return True


def position(positions: Mapping[tuple, tuple[int, int]], path: Path) -> tuple[int, int]:
    """The position of ``path``, or of its nearest located ancestor, or (1, 1)."""
    while path:
        if path in positions:
            return positions[path]
        path = path[:-1]
    return (1, 1)
