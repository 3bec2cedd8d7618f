"""The Chicago engine (CMOS 18): records in, rich-text trees out, for every variant in ``variants.py``.

Forms: ``note`` (full first note), ``short`` (short note), ``bib`` (bibliography or reference-list entry),
``in-text`` (author-date parenthetical citation). Standard types follow the reference CSL processor's
rendering of the CMOS-18 styles (judged in tests/test_chicago_oracle.py); archival documents follow CMOS 18
directly: most specific element first (14.127), labelled locators (14.123), descriptive titles without
quotation marks (14.127), the tradition's level labels (``citekit.archival.LEVELS``), then the digital
archive the document was read in, and the translator and "obtained by" credits.

Rule numbers are CMOS 18's for source citations (13.74-13.114, 14.87-14.128, 14.205); rules on short
notes, headline style and inclusive numbers are cited by their 17th-edition numbers (14.29-14.31, 8.159,
9.64).

Pure: no I/O, no environment, no global configuration. Regular expressions are compiled once, here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ...archival import format_level
from ...model import Date, Level, Name, Record, is_cjk
from .. import series
from ..rich import Tree, capitalize, close, italic, join, plain, quoted, seq
from .variants import Variant

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
LEAF_LEVELS = ("list", "arkush", "folio", "page")  # the levels a pinpoint replaces
# hierarchies written as one unit, general to specific, even in a note (f. 17, op. 162, d. 20, l. 99)
_STOPWORDS = frozenset(
    "a an the and but for or nor as to at by in of off on per up via vs. v. from into onto over with within "
    "without between among against about above across after before behind below beneath beside beyond down "
    "during except inside like near outside past since than through toward towards under until upon versus "
    "yet so along alongside amid amidst around aside astride atop despite out throughout till unto "
    "underneath beneath notwithstanding plus sans".split())
_WORD = re.compile(r"[^\s\-–—/]+")
_ARTICLE = re.compile(r"^(?:the|an|a)\s+", re.I)
_NOT_ALNUM = re.compile(r"[\W_]+")
_NUMERIC = re.compile(r"^\d+$")


# ---------------------------------------------------------------------------------------------- text

_OPEN_SINGLE = re.compile(r"(^|[\s(\[“‘—–-])'(?=\w)")


def typo(text: str) -> str:
    """Typographic single quotes: "Kremlin's" -> "Kremlin’s", "'the West'" -> "‘the West’"."""
    if "'" not in text:
        return text
    return _OPEN_SINGLE.sub("\\1\u2018", text).replace("'", "\u2019")


def _cap_word(m: re.Match) -> str:
    w = m.group(0)
    return w[0].upper() + w[1:] if w.islower() and w not in _STOPWORDS else w


@lru_cache(maxsize=8192)
def headline(title: str) -> str:
    """Headline-style capitalisation (CMOS 8.159-8.160) of an English title: lower-case words other than
    articles, prepositions and coordinating conjunctions get a capital; the first and last words, and the
    first word after a colon, always do. Words already capitalised are left as they are."""
    out = []
    for i, part in enumerate(re.split(r"(:\s+)", title)):
        if i % 2:
            out.append(part)
            continue
        part = _WORD.sub(_cap_word, part)
        part = re.sub(r"^(\W*)([a-z][a-z’']*)(?=[\s\-–—/:,;.?!]|$)",
                      lambda m: m.group(1) + m.group(2)[0].upper() + m.group(2)[1:], part)
        part = re.sub(r"(\s)([a-z][a-z’']*)(\W*)$", lambda m: m.group(1) + m.group(2)[0].upper() + m.group(2)[1:]
                      + m.group(3), part)
        out.append(part)
    return "".join(out)


def _is_english(r: Record) -> bool:
    lang = r.language.lower()
    return not lang or lang == "en" or lang.startswith(("en-", "english"))


def title_text(r: Record, short: bool = False) -> str:
    t = (r.short_title or short_title(r.title)) if short else r.title
    if not r.title_is_descriptive and _is_english(r):
        t = headline(t)
    return typo(t)


def short_title(title: str) -> str:
    """A short form of a title (CMOS 14.30): the main title, without a leading article."""
    main = title.split(":")[0].strip() or title
    stripped = _ARTICLE.sub("", main)
    return stripped[:1].upper() + stripped[1:] if stripped != main else main


_INNER_QUOTES = re.compile(r"[\"\u201c]([^\"\u201c\u201d]+)[\"\u201d]")


def _inner(text: str) -> Tree:
    """A title with its own quotation marks as quoted nodes, so a quoted title shows them as single
    quotation marks (CMOS 14.94)."""
    if '"' not in text and "\u201c" not in text:
        return text
    parts: list[Tree] = []
    pos = 0
    for m in _INNER_QUOTES.finditer(text):
        parts += [text[pos:m.start()], quoted(m.group(1))]
        pos = m.end()
    parts.append(text[pos:])
    return seq(*parts)


def title_node(r: Record, short: bool = False) -> Tree:
    """The title as printed: italic for books and reports, quoted for parts and documents, plain for a
    description (CMOS 14.127: "minutes", "memorandum" are not quoted)."""
    t = title_text(r, short)
    if not t:
        return ""
    if r.title_is_descriptive:
        return _inner(t)
    if r.type in ("book", "edited-volume", "document-collection", "report") and not r.archive:
        return ital(t) if isinstance(_inner(t), str) else italic(_inner(t))
    return quoted(_inner(t))


def ital(text: str) -> Tree:
    """Italics for a title, except one in Chinese, Japanese or Korean script: characters are never
    italicised (CMOS 18, chapter 11, on Chinese and Japanese)."""
    if not text:
        return ""
    if text.isascii() or any(c.isascii() and c.isalpha() for c in text):
        return italic(text)
    return text if any(is_cjk(c) for c in text if ord(c) >= 0x2E80) else italic(text)


def ordinal(n: str) -> str:
    if not _NUMERIC.match(n):
        return n
    i = int(n)
    suffix = "th" if 10 <= i % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(i % 10, "th")
    return f"{i}{suffix}"


def edition_text(edition: str) -> str:
    if not edition:
        return ""
    return f"{ordinal(edition)} ed." if _NUMERIC.match(edition) else edition


_RANGE = re.compile(r"^\s*([A-Za-z]*)(\d+)\s*[-\u2010-\u2014]+\s*([A-Za-z]*)(\d+)\s*$")
_DASH = re.compile(r"\s*[-\u2010\u2011\u2012\u2014]+\s*")


def _second(a: str, b: str) -> str:
    """The second number of a range as CMOS 9.64 writes it: 3–10, 100–104, 101–8, 321–28, 1496–500."""
    x = int(a)
    if len(a) != len(b) or int(b) <= x or x < 100 or x % 100 == 0:
        return b
    i = next(i for i, (c, d) in enumerate(zip(a, b, strict=True)) if c != d)
    return b[i:] if x % 100 < 10 else b[min(i, len(b) - 2):]


def page_range(text: str) -> str:
    """Page ranges with an en dash and the second number shortened (CMOS 9.64); other text unchanged
    but for its hyphens: "42-45, 50-52" -> "42–45, 50–52", "xii-xiv" -> "xii–xiv"."""
    if not text or not any(c.isdigit() or c == "-" for c in text):
        return text
    out = []
    for part in text.split(","):
        m = _RANGE.match(part)
        if m and (not m[3] or m[3] == m[1]):
            out.append(f"{m[1]}{m[2]}\u2013{_second(m[2], m[4])}")
        else:
            out.append(_DASH.sub("\u2013", part.strip()) if re.fullmatch(r"[\w.]+\s*-+\s*[\w.]+", part.strip())
                       else part.strip())
    return ", ".join(out)


def sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


# --------------------------------------------------------------------------------------------- dates

def _part_text(year: int, month: int | None, day: int | None, with_year: bool = True) -> str:
    if month and day:
        s = f"{MONTHS[month - 1]} {day}"
        return f"{s}, {year}" if with_year else s
    if month:
        return f"{MONTHS[month - 1]} {year}" if with_year else MONTHS[month - 1]
    return str(year) if with_year else ""


def date_text(d: Date | None, with_year: bool = True) -> str:
    """"March 4, 1954", "March 1992", "1992", "ca. 1950", "1950?", "1950–1953"; "" when there is none.
    Without the year (author-date, where the year follows the author): "March 4"."""
    if d is None:
        return ""
    if d.start is None:  # a date as printed stands in the year's place when the year is printed apart
        return d.literal if with_year else ""
    s = d.start
    text = _part_text(s.year, s.month, s.day, with_year)
    if d.end:
        e = d.end
        if e.year == s.year and e.month == s.month and s.day and e.day:
            text = f"{MONTHS[s.month - 1]} {s.day}–{e.day}" + (f", {s.year}" if with_year else "")
        elif with_year:
            text = f"{text}–{_part_text(e.year, e.month, e.day)}"
    if d.circa and text:
        text = "ca. " + text
    if d.uncertain and text:
        text += "?"
    return text


def year_text(d: Date | None) -> str:
    """The year of the date for author-date and publication facts; "n.d." when there is none."""
    if d is None or (d.start is None and not d.literal):
        return "n.d."
    if d.start is None:
        return d.literal
    text = str(d.start.year)
    if d.end and d.end.year != d.start.year:
        text += f"–{d.end.year}"
    if d.circa:
        text = "ca. " + text
    if d.uncertain:
        text += "?"
    return text


# --------------------------------------------------------------------------------------------- names

def name_inverted(n: Name) -> str:
    """Bibliography form of the first name: "Gaddis, John Lewis", "Mises, Ludwig von", "Ven, Hans van de",
    "King, Martin Luther, Jr."; organisations and family-first names are never inverted."""
    if n.literal or n.is_cjk or n.family_first or not n.given:
        return typo(n.display())
    given = " ".join(p for p in (n.given, n.dropping_particle, n.particle) if p)
    text = f"{n.family}, {given}"
    return typo(f"{text}, {n.suffix}" if n.suffix else text)


def name_short(n: Name) -> str:
    """Family name alone (short notes, author-date): "Gaddis", "van de Ven", "Mises", "Chen", "毛泽东"."""
    if n.literal:
        return typo(n.literal)
    if n.is_cjk:
        return n.family + n.given
    return typo(n.full_family or n.given)


def _and(items: list[str], serial: bool) -> str:
    return series(items, comma_for_two=serial)


def names_note(names: tuple[Name, ...]) -> str:
    """Notes: all names of one or two; the first and "et al." for three or more (CMOS 14.76)."""
    if len(names) >= 3:
        return typo(names[0].display()) + " et al."
    return _and([typo(n.display()) for n in names], False)


def names_bib(names: tuple[Name, ...]) -> str:
    """Bibliography: first name inverted; up to six named, seven or more: three and "et al." (CMOS 14.76)."""
    if not names:
        return ""
    shown = [name_inverted(names[0])] + [typo(n.display()) for n in names[1:]]
    if len(names) >= 7:
        return ", ".join(shown[:3]) + ", et al."
    # "Smith, John, and Jane Doe": the comma only after an inverted first name (CMOS 14.76)
    return _and(shown, shown[0] != typo(names[0].display()))


def names_short(names: tuple[Name, ...]) -> str:
    if len(names) >= 3:
        return name_short(names[0]) + " et al."
    return _and([name_short(n) for n in names], False)


# -------------------------------------------------------------------------------------- credit lines

_ROLE_NOTE = {"editor": ("ed.", "eds."), "translator": ("trans.", "trans."), "compiler": ("comp.", "comps.")}
_ROLE_VERB = {"editor": "edited", "translator": "translated", "compiler": "compiled"}
_BOOKS = ("book", "edited-volume", "document-collection", "report")


@dataclass(frozen=True)
class Lead:
    """Whoever stands first in the entry: authors, or in their absence editors or translators."""

    names: tuple[Name, ...] = ()
    role: str = ""  # "" for authors, else "editor", "translator", "compiler"

    def note(self) -> str:
        if not self.names:
            return ""
        text = names_note(self.names)
        if self.role:
            text += ", " + _ROLE_NOTE[self.role][len(self.names) > 1]
        return text

    def bib(self) -> str:
        if not self.names:
            return ""
        text = names_bib(self.names)
        if self.role:
            text += ", " + _ROLE_NOTE[self.role][len(self.names) > 1]
        return text

    def short(self) -> str:
        return names_short(self.names)


def lead(r: Record) -> Lead:
    if r.authors:
        return Lead(r.authors)
    if r.type in _BOOKS:
        for role in ("editor", "compiler", "translator"):
            if names := r.names(role):
                return Lead(names, role)
    if r.type == "chapter" or r.archive or r.type in ("archival-document", "letter"):
        return Lead()
    if names := r.names("translator"):
        return Lead(names, "translator")
    return Lead()


def credits(r: Record, skip: str, style: str) -> list[str]:
    """Editors, compilers and translators after the title: "ed. X", "trans. Y", "ed. and trans. Z" (notes,
    style "note"); "Edited by X" (bibliography, "bib"); "edited by X" (inside an "In …" sentence, "in")."""
    groups: list[tuple[list[str], tuple[Name, ...]]] = []
    for role in ("editor", "compiler", "translator"):
        names = r.names(role)
        if not names or role == skip:
            continue
        for roles, other in groups:
            if other == names:
                roles.append(role)
                break
        else:
            groups.append(([role], names))
    out = []
    for roles, names in groups:
        who = names_note(names) if style == "note" else _and([typo(n.display()) for n in names], False)
        if style == "note":
            out.append(" and ".join(_ROLE_NOTE[x][0] for x in roles) + " " + who)
        else:
            verbs = " and ".join(_ROLE_VERB[x] for x in roles) + " by " + who
            out.append(sentence(verbs) if style == "bib" else verbs)
    return out


def _translation_credit(r: Record, note: bool) -> str:
    """Translators of an archival document, with the project a translation was made for."""
    names = r.names("translator")
    if not names:
        return ""
    who = _and([typo(n.display()) for n in names], False)
    for ev in r.events("translated"):
        if ev.for_ and set(ev.by) <= set(names):
            who += f" for {ev.for_}"
            break
    return ("trans. " if note else "Translated by ") + who


# ------------------------------------------------------------------------------------------ pieces


def _doi_url(r: Record) -> str:
    if r.doi:
        return r.doi if r.doi.startswith("http") else "https://doi.org/" + r.doi
    return r.url


def _pub(r: Record, with_date: bool = True) -> str:
    """"Publisher, 2005" (CMOS 18 gives no place of publication in Chicago's examples)."""
    publisher = typo(r.publisher).rstrip(" ,;")  # imported data sometimes ends with the separator
    return ", ".join(p for p in (publisher, year_text(r.date) if with_date else "") if p)


def _volume(r: Record, bib: bool) -> str:
    return f"{'Vol.' if bib else 'vol.'} {r.volume}" if r.volume else ""


def _volumes(r: Record) -> str:
    return f"{r.number_of_volumes} vols." if r.number_of_volumes else ""


def _number(r: Record, bib: bool) -> str:
    """"Working Paper no. 8" / "Working Paper No. 8"; a number that is not a plain number is printed as
    it is ("National Intelligence Estimate NIE-2/1")."""
    if not r.number:
        return typo(r.genre)
    num = r.number
    if _NUMERIC.match(num):
        num = ("No. " if bib else "no. ") + num
    return " ".join(p for p in (typo(r.genre), num) if p)


def _journal(r: Record, ad: bool, pages: str) -> Tree:
    """"Diplomatic History 24, no. 4 (2000): 551–65"; author-date "Diplomatic History 24 (4): 551–65"."""
    parts: list[Tree] = [ital(typo(r.container_title))]
    if ad:
        if r.volume:
            parts.append(" " + r.volume)
        if r.issue:
            parts.append(f" ({r.issue})" if r.volume else f", no. {r.issue}")
    else:
        if r.volume:
            parts.append(" " + r.volume)
        if r.issue:
            parts.append((", no. " if r.volume else " no. ") + r.issue)
        parts.append(f" ({year_text(r.date)})")
    if pages:
        parts.append(": " + page_range(pages))
    return seq(*parts)


# ------------------------------------------------------------------------------------ standard types


def _is_personal(r: Record) -> bool:
    """Unpublished letters and interviews: cited in notes and text only (CMOS 14.111)."""
    return r.type in ("letter", "interview") and not r.container_title and not r.archive


def _letter_head(r: Record, short: bool = False) -> str:
    who = names_short(r.authors) if short else names_note(r.authors)
    to = r.creators.get("recipient", ())
    if to:
        who += " to " + (names_short(to) if short else names_note(to))
    return who


def full_note(r: Record, v: Variant, locator: str) -> Tree:
    if r.archive or r.type == "archival-document":
        return _archival_note(r, v, locator)
    ld = lead(r)
    t = r.type
    title = title_node(r)
    url = _doi_url(r)
    if t in ("letter", "interview") and _is_personal(r):
        head = _letter_head(r) if t == "letter" else ld.note()
        by = "interview by " + names_note(r.creators.get("interviewer", ())) if t == "interview" and \
            r.creators.get("interviewer") else ""
        return close(join([head, title, by, date_text(r.date), locator, url], ", "))
    if t == "letter":
        head = join([_letter_head(r), title], ", ")
        body = join([head, seq("in ", ital(typo(r.container_title))), *credits(r, "", "note")], ", ")
        pub = ", ".join(p for p in (typo(r.publisher), date_text(r.date)) if p)
        return close(join([seq(body, f" ({pub})") if pub else body, locator, url], ", "))
    if t == "interview":
        by = r.creators.get("interviewer", ())
        return close(join([ld.note(), title, "interview by " + names_note(by) if by else "",
                           ital(typo(r.container_title)), date_text(r.date), locator, url], ", "))
    if t == "article-journal":
        return close(join([ld.note(), title, _journal(r, False, locator or r.pages), _doi_url(r)], ", "))
    if t in ("article-newspaper", "article-magazine"):
        return close(join([ld.note(), title, ital(typo(r.container_title)), date_text(r.date), locator, url],
                          ", "))
    if t == "webpage":
        when = date_text(r.date) or (("accessed " + date_text(r.accessed)) if r.accessed else "")
        return close(join([ld.note(), title, typo(r.container_title), when, locator, url], ", "))
    if t == "thesis":
        inner = ", ".join(p for p in (typo(r.genre), typo(r.publisher), year_text(r.date)) if p)
        return close(join([join([ld.note(), seq(title, f" ({inner})")], ", "), locator, url], ", "))
    pub = _pub(r)
    if t == "chapter":
        head = join([ld.note(), title, seq("in ", ital(typo(r.container_title))) if r.container_title else "",
                     _volume(r, False), *credits(r, "", "note")], ", ")
    elif t == "report":
        head = join([ld.note(), title, *credits(r, ld.role, "note"), _number(r, False)], ", ")
    else:
        head = join([ld.note(), title, edition_text(r.edition), _volume(r, False), *credits(r, ld.role, "note"),
                     _volumes(r), typo(r.series)], ", ")
    pin = locator or (page_range(r.pages) if t != "chapter" else "")  # a chapter's range is not given (14.9)
    return close(join([seq(head, f" ({pub})") if pub else head, pin, url], ", "))


def _bib_parts(r: Record, v: Variant) -> list[Tree] | None:
    """The sentences of a bibliography or reference-list entry, or None when Chicago lists none."""
    ad = v.author_date
    if r.archive or r.type == "archival-document":
        return _archival_bib(r, v)
    if _is_personal(r):
        return None
    ld = lead(r)
    t = r.type
    title = title_node(r)
    url = _doi_url(r)
    year = year_text(r.date)
    head: Tree = ld.bib()
    if t in ("article-newspaper", "article-magazine", "webpage") and not head:
        container = ital(typo(r.container_title)) if t != "webpage" else typo(r.container_title)
        head, where = container, ""
    else:
        where = ital(typo(r.container_title)) if t != "webpage" else typo(r.container_title)
    parts: list[Tree] = [head]
    if ad:
        if not plain(head):  # an anonymous work: the title stands first, then the year (CMOS 13.102)
            parts, title = [title], ""
        parts.append(year)
    if t == "letter":
        to = r.creators.get("recipient", ())
        parts += [title, "To " + names_note(to) if to else ""]
        parts.append(join([seq("In ", ital(typo(r.container_title))), *credits(r, "", "in")], ", "))
        parts.append(", ".join(p for p in (typo(r.publisher), date_text(r.date, not ad)) if p))
    elif t == "interview":
        by = r.creators.get("interviewer", ())
        parts += [title, "Interview by " + names_note(by) if by else "",
                  join([ital(typo(r.container_title)), date_text(r.date, not ad)], ", ")]
    elif t == "article-journal":
        parts += [title, _journal(r, ad, r.pages)]
    elif t in ("article-newspaper", "article-magazine", "webpage"):
        when = date_text(r.date, not ad)
        if not r.date and r.accessed:
            parts += [title, where, "Accessed " + date_text(r.accessed)] if where else \
                [title, "Accessed " + date_text(r.accessed)]
        else:
            parts += [title, join([where, when], ", ")]
    elif t == "thesis":
        parts += [title, ", ".join(p for p in (typo(r.genre), typo(r.publisher), "" if ad else year) if p)]
    elif t == "chapter":
        inner: list[Tree] = [seq("In ", ital(typo(r.container_title))) if r.container_title else ""]
        if ad:
            inner += [*credits(r, "", "in"), _volume(r, False)]
        else:
            inner += [_volume(r, False), *credits(r, "", "in")]
        parts += [title, join(inner, ", "), _pub(r, not ad)]
    elif t == "report":
        parts += [title, *credits(r, ld.role, "bib"), _number(r, True), _pub(r, not ad)]
    else:
        parts += [title, edition_text(r.edition), _volume(r, True), *credits(r, ld.role, "bib"), _volumes(r),
                  typo(r.series), _pub(r, not ad)]
    parts.append(url)
    return parts


def bib_entry(r: Record, v: Variant, suffix: str = "") -> Tree | None:
    parts = _bib_parts(r, v)
    if parts is None:
        return None
    if suffix and v.author_date:  # the year is the first non-empty part after the lead
        for i, p in enumerate(parts):
            if i and isinstance(p, str) and p == year_text(r.date):
                parts[i] = p + suffix
                break
    return close(join(parts, ". "))


def short_note(r: Record, v: Variant, locator: str) -> Tree:
    """CMOS 14.29-14.31: author's surname, short title, pinpoint. Works without an author are led by what
    leads their bibliography entry (the newspaper, the web site); an unpublished letter keeps its date and
    "pers. comm." (14.111), an unpublished interview says "interview"."""
    if r.archive or r.type == "archival-document":
        return _archival_short(r, locator)
    if r.type == "letter" and not r.title:
        comm = "pers. comm." if _is_personal(r) else ""
        return close(join([_letter_head(r, short=True), comm, date_text(r.date), locator], ", "))
    ld = lead(r)
    who: Tree = ld.short()
    if not who and r.type in ("article-newspaper", "article-magazine"):
        who = ital(typo(r.container_title))
    elif not who and r.type == "webpage":
        who = typo(r.container_title)
    title = title_node(r, short=True)
    if r.type == "interview" and not title:
        title = "interview"
    return close(join([who, title, _volume(r, False) if r.type in _BOOKS else "", locator], ", "))


def _in_text_lead(r: Record) -> Tree:
    ld = lead(r)
    if ld.names:
        return ld.short()
    if r.type in ("article-newspaper", "article-magazine"):
        return ital(typo(r.container_title))
    if r.type == "webpage":
        return typo(r.container_title) or title_node(r, short=True)
    return title_node(r, short=r.archive is not None or r.type == "archival-document")


def in_text(r: Record, locator: str, suffix: str = "") -> Tree:
    """"(Gaddis 2005, 12)"; "(Wilson Center, n.d.)"; unpublished letters and interviews in full (CMOS 14.111)."""
    if _is_personal(r):
        if r.type == "letter":
            inner = join([_letter_head(r), "pers. comm.", date_text(r.date), locator], ", ")
        else:
            by = r.creators.get("interviewer", ())
            inner = join([names_note(r.authors), "interview by " + names_note(by) if by else "",
                          date_text(r.date), locator], ", ")
        return seq("(", inner, ")")
    who = _in_text_lead(r)
    if r.type == "letter" and r.creators.get("recipient"):
        who = _letter_head(r, short=True)
    year = year_text(r.date) + suffix
    if not plain(who):
        head: Tree = year
    elif year.startswith("n.d."):  # (Wilson Center, n.d.); the comma inside a closing quotation mark
        head = join([who, year], ", ")
    else:
        head = seq(who, " ", year)
    return seq("(", join([head, locator], ", "), ")")


# ------------------------------------------------------------------------------------- archival


_BARE_PIN = re.compile(r"\d+\w*(?:\s*[-–]\s*\d+\w*)?(?:\s*ob\.?)?")
_LEAF_PIN = re.compile(r"(?:l|ll|fol|fols|ark|p|pp)\.\s*\d.*", re.I)


def _pinpoint(r: Record, locator: str) -> tuple[list[Level], Level | None]:
    """The record's levels without the leaf a pinpoint replaces, and the pinpoint as a level. Archival
    locators are always labelled (CMOS 14.123): a bare "99" or "99-100" takes the label of the leaf it
    replaces ("l. 99", "ll. 99–100"); a labelled leaf ("ll. 99-100") replaces the leaf; any other locator
    ("box 3") is added after the levels."""
    levels = [lv for lv in r.archive.levels if lv.kind != "collection"] if r.archive else []
    leaf = levels[-1] if levels and levels[-1].kind in LEAF_LEVELS else None
    if not locator:
        return levels, None
    if leaf and _BARE_PIN.fullmatch(locator):
        return levels[:-1], Level(leaf.kind, locator)
    if _LEAF_PIN.fullmatch(locator):
        levels = levels[:-1] if leaf else levels
        locator = re.sub(r"(\d)\s*-\s*(\d)", "\\1–\\2", locator)
    return levels, Level("__locator", locator)


def _levels(r: Record, locator: str) -> list[Level]:
    levels, pin = _pinpoint(r, locator)
    return levels + [pin] if pin else levels


def _levels_text(levels: list[Level]) -> str:
    out: list[str] = []
    for lv in levels:
        if lv.kind == "__locator":
            out.append(lv.value)
        elif lv.kind == "piece" and out:
            out[-1] += "/" + lv.value
        else:
            out.append(format_level(lv))
    return ", ".join(out)


def _where(r: Record, locator: str, v: Variant) -> list[str]:
    """The archival elements: most specific first (CMOS 14.127) — locator within the collection, the
    collection, the repository, its place — or, place first (CMOS 14.205), the reverse."""
    a = r.archive
    if a is None:
        return [locator] if locator else []
    levels = _levels_text(_levels(r, locator))
    if not levels and a.reference and not a.levels:
        levels = typo(a.reference)  # printed form, when it could not be read
    collection = typo(a.level("collection"))
    repo = typo(a.label)
    parts = [levels, collection, repo, typo(a.place)]
    if v.place_first:
        parts.reverse()
    return [p for p in parts if p]


def _surrogate(r: Record, note: bool) -> list[str]:
    s = r.surrogate
    parts = []
    if s:
        parts += [typo(s.name), typo(s.publisher)]
        if s.record_id and not s.url:
            parts.append(f"record {s.record_id}")
        if not r.date and s.accessed:  # an access date only where the document has no date (CMOS 14.12)
            parts.append(("accessed " if note else "Accessed ") + date_text(s.accessed))
    return [p for p in parts if p]


def _obtained(r: Record, note: bool) -> str:
    names = tuple(n for ev in r.events("obtained") for n in ev.by)
    if not names:
        return ""
    return ("obtained by " if note else "Obtained by ") + _and([typo(n.display()) for n in names], False)


def _archival_author(r: Record) -> tuple[Name, ...]:
    """Authors, unless a descriptive title already names them ("Ciphered telegram, Filippov [Stalin] to …")."""
    authors = r.authors
    if r.title_is_descriptive and authors and all(n.display() in r.title for n in authors):
        return ()
    return authors


def _archival_title(r: Record, short: bool = False) -> Tree:
    t = title_node(r, short)
    if r.type == "letter" and r.creators.get("recipient") and not short:
        head = "to " + names_note(r.creators["recipient"])
        return join([head, t], ", ") if t else head
    return t


def _genre(r: Record) -> str:
    g = r.genre
    if not g or r.title_is_descriptive or g.lower() in r.title.lower() or r.type == "letter":
        return ""
    return typo(g)


def _archival_note(r: Record, v: Variant, locator: str) -> Tree:
    authors = _archival_author(r)
    head: Tree = names_note(authors)
    title = _archival_title(r)
    if r.type == "letter" and head and isinstance(title, str) and title.startswith("to "):
        head, title = seq(head, " ", title), ""
    url = (r.surrogate.url if r.surrogate else "") or r.url
    return close(join([head, title, _genre(r), date_text(r.date) or "n.d.", _translation_credit(r, True),
                       *_where(r, locator, v), _obtained(r, True), *_surrogate(r, True), url], ", "))


def _archival_bib(r: Record, v: Variant) -> list[Tree]:
    authors = _archival_author(r)
    title = _archival_title(r)
    if isinstance(title, str) and title.startswith("to "):
        title = "Letter " + title
    url = (r.surrogate.url if r.surrogate else "") or r.url
    ad = v.author_date
    parts: list[Tree] = []
    if authors:
        parts.append(names_bib(authors))
        if ad:
            parts.append(year_text(r.date))
        parts.append(title)
    else:
        parts.append(title)
        if ad:
            parts.append(year_text(r.date))
    if r.type == "letter" and title in parts:  # "Letter to X, August 2, 1939." (CMOS 14.128)
        parts[parts.index(title)] = join([title, date_text(r.date, not ad)], ", ")
    else:
        parts.append(join([sentence(_genre(r)), date_text(r.date, not ad) or ("" if ad else "n.d.")], ", "))
    parts += [_translation_credit(r, False),
              capitalize(", ".join(_where(r, "", v))), _obtained(r, False), ", ".join(_surrogate(r, False)), url]
    return parts


def _archival_short(r: Record, locator: str) -> Tree:
    authors = _archival_author(r)
    levels, pin_level = _pinpoint(r, locator)
    if pin_level is None and r.archive and r.archive.levels and r.archive.levels[-1].kind in LEAF_LEVELS:
        pin_level = r.archive.levels[-1]
    pin = _levels_text([pin_level]) if pin_level else ""
    if r.type == "letter" and not r.title and r.creators.get("recipient"):
        return close(join([_letter_head(r, short=True), date_text(r.date), pin], ", "))
    return close(join([names_short(authors), _archival_title(r, short=True), pin], ", "))


# ------------------------------------------------------------------------------------ sorting


def _fold(text: str) -> str:
    """Letter-by-letter sort text (CMOS 13.66): accents, case, spaces and punctuation ignored."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return _NOT_ALNUM.sub("", text.casefold())


def _name_sort(n: Name) -> str:
    if n.literal:
        return _ARTICLE.sub("", n.literal)
    if n.is_cjk or n.family_first:
        return n.family + " " + n.given
    return " ".join(p for p in (n.family, n.given, n.dropping_particle, n.particle) if p)


def sort_key(r: Record, v: Variant) -> tuple:
    """CMOS 14.66-14.67, 13.112: the first element letter by letter, a leading article ignored; an
    anonymous work by its title; then one author's works by title (notes) or by year (author-date)."""
    ld = lead(r)
    title = _fold(_ARTICLE.sub("", r.title))
    if ld.names and not (r.archive and not _archival_author(r)):
        first = " ".join(_fold(_name_sort(n)) for n in ld.names)
    elif r.type in ("article-newspaper", "article-magazine", "webpage") and r.container_title:
        first = _fold(_ARTICLE.sub("", r.container_title))
    else:
        first = title
    year = (r.date.start.year if r.date and r.date.start else 9999)
    role = _ROLE_RANK.get(ld.role, 0)  # one person's own works before those they edited (14.71, 17th ed.)
    return (first, role, year, title, r.key) if v.sort_by_year else (first, role, title, year, r.key)


_ROLE_RANK = {"": 0, "editor": 1, "translator": 2, "compiler": 3}


def year_suffixes(records: list[Record], v: Variant, presorted: bool = False) -> dict[str, str]:
    """Author-date: "a", "b", … for one author's works of the same year (CMOS 13.114), in reference-list
    order. Keys of records that need none are absent."""
    if not v.author_date:
        return {}
    groups: dict[tuple[str, str], list[Record]] = {}
    for r in records if presorted else sorted(records, key=lambda r: sort_key(r, v)):
        if _is_personal(r) or not r.date:
            continue
        groups.setdefault((plain(_in_text_lead(r)), year_text(r.date)), []).append(r)
    out = {}
    for group in groups.values():
        if len(group) > 1:
            for i, r in enumerate(group):
                out[r.key] = "abcdefghijklmnopqrstuvwxyz"[i % 26]
    return out


def entry(r: Record, v: Variant, form: str, locator: str = "", suffix: str = "") -> Tree | None:
    """One citation of ``r`` in ``form``; None for a bibliography entry Chicago does not make."""
    if locator and locator[0].isdigit():
        locator = page_range(locator)
    if form == "note":
        return full_note(r, v, locator)
    if form == "short":
        return short_note(r, v, locator)
    if form == "in-text":
        return in_text(r, locator, suffix)
    if form == "bib":
        return bib_entry(r, v, suffix)
    raise ValueError(f"unknown form {form!r}")

