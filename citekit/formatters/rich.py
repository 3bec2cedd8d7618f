"""Neutral rich text: a small tree of styled text, and the backends that write it as plain text,
Markdown, HTML, LaTeX or RTF.

A formatter builds a tree from strings and three kinds of node, and never writes markup itself:

- ``italic(*parts)``: titles of books, journals, newspapers (italic inside italic comes out roman);
- ``quoted(*parts)``: titles of articles, chapters, documents (double quotation marks; single ones when
  nested);
- ``seq(*parts)``: a plain run.

``join(parts, sep)`` and ``close(tree, mark)`` put punctuation between and after parts the way American
usage wants it (CMOS 6.9-6.10, 6.123): a comma or period that follows a quoted title goes inside the closing
quotation mark; a period is dropped after a part that already ends in a period, question mark or
exclamation mark. ``render(tree, markup)`` writes a tree in one of ``MARKUPS``; ``document(entries,
markup)`` joins rendered entries into one file.

Pure functions on immutable data: no I/O, no imports beyond the standard library.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import latex

MARKUPS = ("text", "markdown", "html", "latex", "rtf")


@dataclass(frozen=True, slots=True)
class Node:
    kind: str  # "seq", "italic" or "quoted"
    children: tuple[Tree, ...]


Tree = str | Node


def seq(*parts: Tree) -> Node:
    return Node("seq", tuple(p for p in parts if p))


def italic(*parts: Tree) -> Node:
    return Node("italic", tuple(p for p in parts if p))


def quoted(*parts: Tree) -> Node:
    return Node("quoted", tuple(p for p in parts if p))


def plain(tree: Tree) -> str:
    """The text of a tree without any styling or quotation marks."""
    if isinstance(tree, str):
        return tree
    return "".join(plain(c) for c in tree.children)


def _last_char(tree: Tree) -> str:
    if isinstance(tree, str):
        return tree[-1:] if tree else ""
    for child in reversed(tree.children):
        if c := _last_char(child):
            return c
    return ""


def _into_quotes(tree: Node, mark: str) -> Node:
    """Put ``mark`` just inside the last closing quotation mark at the end of ``tree``."""
    if tree.kind == "quoted":
        return Node("quoted", tree.children + (mark,))
    last = tree.children[-1]
    return Node(tree.kind, tree.children[:-1] + (_into_quotes(last, mark),))


def _ends_quoted(tree: Tree) -> bool:
    if isinstance(tree, str) or not tree.children:
        return False
    return tree.kind == "quoted" or _ends_quoted(tree.children[-1])


def _append(out: list[Tree], sep: str) -> None:
    """Append separator ``sep`` (", ", ". ", ": ", " ", ".") after the last part of ``out``."""
    if not sep:
        return
    mark, rest = (sep[0], sep[1:]) if sep[0] in ".,;:" else ("", sep)
    if mark:
        last = _last_char(out[-1]) if out else ""
        if mark == "." and last in (".", "?", "!"):
            mark = ""
        elif mark == "," and last == ",":
            mark = ""
    if mark in (".", ",") and out and _ends_quoted(out[-1]):
        out[-1] = _into_quotes(out[-1], mark)  # type: ignore[arg-type]
        mark = ""
    if mark or rest:
        out.append(mark + rest)


def join(parts: list[Tree] | tuple[Tree, ...], sep: str) -> Node:
    """The non-empty parts separated by ``sep``, punctuation placed as CMOS wants it."""
    out: list[Tree] = []
    for part in parts:
        if not part or (not isinstance(part, str) and not plain(part)):
            continue
        if out:
            _append(out, sep)
        out.append(part)
    return Node("seq", tuple(out))


def close(tree: Tree, mark: str = ".") -> Node:
    """``tree`` followed by the closing punctuation ``mark`` (dropped after ".", "?" or "!")."""
    out: list[Tree] = [tree]
    _append(out, mark)
    return Node("seq", tuple(out))


def capitalize(tree: Tree) -> Tree:
    """The tree with its first letter in upper case (a bibliography sentence that starts with "f. 17")."""
    if isinstance(tree, str):
        return tree[:1].upper() + tree[1:]
    if not tree.children:
        return tree
    return Node(tree.kind, (capitalize(tree.children[0]),) + tree.children[1:])


# ------------------------------------------------------------------------------------------ backends

_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_MARKDOWN = str.maketrans({c: "\\" + c for c in "\\*_`[]<>~^"})  # ~ and ^: pandoc's sub- and superscript


def _rtf_escape(text: str) -> str:
    out = []
    for ch in text:
        code = ord(ch)
        if ch in "\\{}":
            out.append("\\" + ch)
        elif code < 128:
            out.append(ch)
        elif code < 0x10000:
            out.append(f"\\u{code if code < 0x8000 else code - 0x10000}?")
        else:  # outside the BMP: a UTF-16 surrogate pair, each as a signed 16-bit \u
            code -= 0x10000
            for unit in (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)):
                out.append(f"\\u{unit - 0x10000}?")
    return "".join(out)


# markup: (escape, italic open, italic close, quotes (outer open, close, inner open, close))
_BACKENDS = {
    "text": (None, "", "", ("\u201c", "\u201d", "\u2018", "\u2019")),
    "markdown": (lambda t: t.translate(_MARKDOWN), "*", "*", ("\u201c", "\u201d", "\u2018", "\u2019")),
    "html": (lambda t: t.translate(_HTML), "<i>", "</i>", ("\u201c", "\u201d", "\u2018", "\u2019")),
    "latex": (latex.escape, r"\emph{", "}", ("``", "''", "`", "'")),  # also breaks -- and `` ligatures
    "rtf": (_rtf_escape, r"{\i ", "}", (r"\u8220?", r"\u8221?", r"\u8216?", r"\u8217?")),
}


def _render(tree: Tree, backend: tuple, in_italic: bool, depth: int, out: list[str]) -> None:
    escape, i_open, i_close, quotes = backend
    if isinstance(tree, str):
        out.append(escape(tree) if escape else tree)
        return
    if tree.kind == "italic":
        if in_italic:  # a title within an italic title is set in roman (CMOS 8.173)
            for c in tree.children:
                _render(c, backend, False, depth, out)
            return
        out.append(i_open)
        for c in tree.children:
            _render(c, backend, True, depth, out)
        out.append(i_close)
        return
    if tree.kind == "quoted":
        o, c_ = (quotes[0], quotes[1]) if depth % 2 == 0 else (quotes[2], quotes[3])
        out.append(o)
        for c in tree.children:
            _render(c, backend, in_italic, depth + 1, out)
        out.append(c_)
        return
    for c in tree.children:
        _render(c, backend, in_italic, depth, out)


def render(tree: Tree, markup: str = "text") -> str:
    """``tree`` written in ``markup`` (one of MARKUPS). Raises KeyError for an unknown markup."""
    out: list[str] = []
    _render(tree, _BACKENDS[markup], False, 0, out)
    return "".join(out)


def document(entries: list[str], markup: str = "text") -> str:
    """Rendered entries as one file: lines of text, Markdown or LaTeX paragraphs, an HTML list of
    entries, or an RTF document with one paragraph per entry."""
    if markup == "html":
        body = "".join(f'  <div class="csl-entry">{e}</div>\n' for e in entries)
        return f'<div class="csl-bib-body">\n{body}</div>\n'
    if markup == "rtf":
        body = "".join(f"{e}\\par\n" for e in entries)
        return "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\fi-360\\li360\n" + body + "}\n"
    if markup in ("markdown", "latex"):
        return "".join(e + "\n\n" for e in entries).rstrip("\n") + "\n" if entries else ""
    return "".join(e + "\n" for e in entries)
