"""Find where each key and array element of a TOML document starts, as (line, column), 1-based.

tomli tells where a *syntax* error is but not where a parsed value came from; validation needs that to
report ``records/x.toml:7:1: error: …`` for a wrong type or an unknown key. ``locate`` scans the text of
a document that has already parsed (so it can be lenient) and returns a map from key paths such as
``("archive", "levels", "fond")`` or ``("provenance", 1, "event")`` to positions.

Pure: text in, dict out. No I/O; imports nothing from citekit.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

Path = tuple  # a tuple of str keys and int indices


class _Scanner:
    def __init__(self, text: str):
        self.s = text
        self.i = 0
        self.line = 1
        self.col = 1
        self.pos: dict[tuple, tuple[int, int]] = {}
        self.array_counts: dict[tuple, int] = {}

    # -- low level
    def peek(self, n: int = 0) -> str:
        j = self.i + n
        return self.s[j] if j < len(self.s) else ""

    def startswith(self, t: str) -> bool:
        return self.s.startswith(t, self.i)

    def advance(self, n: int = 1) -> None:
        for _ in range(n):
            if self.i >= len(self.s):
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
        while self.i < len(self.s):
            c = self.s[self.i]
            if c in " \t\r" or (newlines and c == "\n"):
                self.advance()
            elif c == "#":
                while self.i < len(self.s) and self.s[self.i] != "\n":
                    self.advance()
            else:
                return

    def skip_line(self) -> None:
        while self.i < len(self.s) and self.s[self.i] != "\n":
            self.advance()
        self.advance()

    # -- grammar
    def string(self) -> str:
        for q in ('"""', "'''"):
            if self.startswith(q):
                self.advance(3)
                start = self.i
                while self.i < len(self.s) and not self.startswith(q):
                    self.advance(2 if q[0] == '"' and self.peek() == "\\" else 1)
                text = self.s[start:self.i]
                self.advance(3)
                while self.peek() == q[0]:  # up to two quotes may close a multi-line string
                    self.advance()
                return text
        q = self.peek()
        self.advance()
        start = self.i
        while self.i < len(self.s) and self.peek() not in (q, "\n"):
            self.advance(2 if q == '"' and self.peek() == "\\" else 1)
        text = self.s[start:self.i]
        self.advance()
        return text

    def key(self) -> list[tuple[str, tuple[int, int]]]:
        parts = []
        while True:
            self.skip_ws()
            at = self.here()
            if self.peek() in ('"', "'"):
                parts.append((self.string(), at))
            else:
                start = self.i
                while self.i < len(self.s) and (self.peek().isalnum() or self.peek() in "-_"):
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
                self.pos.setdefault(path + (index,), self.here())
                self.value(path + (index,))
                index += 1
                self.skip_ws(newlines=True)
                if self.peek() == ",":
                    self.advance()
        elif c == "{":
            self.advance()
            while True:
                self.skip_ws()
                if self.peek() in ("}", "", "\n"):
                    self.advance()
                    return
                self.keyval(path)
                self.skip_ws()
                if self.peek() == ",":
                    self.advance()
        else:
            while self.i < len(self.s) and self.peek() not in ",]}\n#":
                self.advance()

    def keyval(self, prefix: Path) -> None:
        parts = self.key()
        path = prefix
        for name, at in parts:
            path = path + (name,)
            self.pos.setdefault(path, at)
        if self.peek() == "=":
            self.advance()
            self.value(path)

    def header(self) -> Path:
        array = self.startswith("[[")
        at = self.here()
        self.advance(2 if array else 1)
        parts = self.key()
        path: Path = tuple(name for name, _ in parts)
        self.pos.setdefault(path, at)
        for i, (_, kat) in enumerate(parts[:-1]):
            self.pos.setdefault(path[: i + 1], kat)
        self.advance(2 if array else 1)
        if array:
            n = self.array_counts.get(path, 0)
            self.array_counts[path] = n + 1
            path = path + (n,)
            self.pos.setdefault(path, at)
        return path

    def document(self) -> dict[tuple, tuple[int, int]]:
        prefix: Path = ()
        while self.i < len(self.s):
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
