"""LaTeX text in BibTeX fields: escaping plain text so that it is printed as text and never run as a
command, protecting capitals in titles, and decoding LaTeX (accents, escapes, common commands) to Unicode.

``escape`` and ``decode`` are inverses for any text: ``decode(escape(t)) == t`` (the BibTeX round trip
relies on it). Pure functions; no I/O. This module must not import anything above ``citekit.errors``;
pylatexenc is imported only inside the functions that use it.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Every character LaTeX treats specially, and how to write it as text.
SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",  # not \{: BibTeX counts every brace, escaped or not
    "}": r"\textbraceright{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
# Ligatures LaTeX makes from plain characters ("--" is an en dash, ``quotes``): broken with an empty group.
_LIGATURES = re.compile(r"(?<=-)(?=-)|(?<=`)(?=`)|(?<=')(?=')|(?<=[?!])(?=`)")
_SPECIAL_RE = re.compile("[" + re.escape("".join(SPECIALS)) + "]")


def escape(text: str, *, ascii_only: bool = False) -> str:
    """Plain text as LaTeX that prints exactly that text. With ``ascii_only``, letters outside ASCII
    become 7-bit LaTeX accent commands ({\\"o}) for classic BibTeX; characters LaTeX has no command for
    are kept as they are."""
    out = _SPECIAL_RE.sub(lambda m: SPECIALS[m.group()], text)
    out = _LIGATURES.sub("{}", out)
    out = out.replace("\u00a0", "~")
    return to_ascii(out) if ascii_only else out


def to_ascii(text: str) -> str:
    """LaTeX with every letter outside ASCII written as a 7-bit accent command ({\\"o}); characters LaTeX has
    no command for are kept."""
    return text if text.isascii() else _encoder().unicode_to_latex(text)


@lru_cache(maxsize=1)
def _encoder():
    from pylatexenc.latexencode import UnicodeToLatexEncoder

    return UnicodeToLatexEncoder(non_ascii_only=True, replacement_latex_protection="braces-all",
                                 unknown_char_policy="keep", unknown_char_warning=False)


_WORD = re.compile(r"\S+")


def protect(text: str, *, ascii_only: bool = False) -> str:
    """A title escaped, with every word that holds a capital letter (other than the title's first letter)
    wrapped in braces, so that BibTeX styles which lower-case titles keep proper nouns and acronyms."""
    out, pos = [], 0
    for i, m in enumerate(_WORD.finditer(text)):
        word = m.group()
        out.append(escape(text[pos:m.start()], ascii_only=ascii_only))
        rest = word[1:] if i == 0 else word
        piece = escape(word, ascii_only=ascii_only)
        out.append("{" + piece + "}" if any(c.isupper() for c in rest) else piece)
        pos = m.end()
    out.append(escape(text[pos:], ascii_only=ascii_only))
    return "".join(out)


@lru_cache(maxsize=1)
def _converter():
    from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

    db = get_default_latex_context_db()
    db.add_context_category("citekit", prepend=True, macros=[
        MacroTextSpec("textasciitilde", "~"),
        MacroTextSpec("textasciicircum", "^"),
        MacroTextSpec("textbackslash", "\\"),
        MacroTextSpec("textbraceleft", "{"),
        MacroTextSpec("textbraceright", "}"),
        *(MacroTextSpec(name, "%s") for name in ("texttt", "textsf", "textup", "textmd", "mbox", "hbox")),
        *(MacroTextSpec(name, name) for name in ("TeX", "LaTeX", "BibTeX", "XeTeX", "LuaTeX", "ConTeXt")),
        MacroTextSpec("LaTeXe", "LaTeX2e"),
        MacroTextSpec("adddot", "."),
        MacroTextSpec("addcomma", ","),
        MacroTextSpec("addspace", " "),
        MacroTextSpec("nopunct", ""),
        MacroTextSpec("relax", ""),
    ])
    return LatexNodes2Text(latex_context=db, math_mode="verbatim", strict_latex_spaces=True, keep_comments=True)


def decode(text: str) -> str:
    """LaTeX to Unicode text: accents and escapes resolved, protecting braces removed, formatting commands
    (\\emph, \\textit) reduced to their text. A ``%`` that is not escaped is kept as a percent sign (real
    files put them in URLs and notes), and a ``~`` becomes a no-break space."""
    if not re.search(r"[\\{}~%$`'-]", text):
        return text
    # commands whose argument is the text itself
    text = re.sub(r"\\(?:mkbibquote|enquote|url|mkbibemph|mkbibitalic|mkbibbold)\s*(?=\{)", "", text)
    # an unescaped % would start a comment: make it an escaped one first
    text = re.sub(r"(?<!\\)((?:\\\\)*)%", r"\1\\%", text)
    try:
        out = _converter().latex_to_text(text)
    except Exception:  # pylatexenc is lenient; anything it cannot read is kept as written
        return text
    return out
