"""Read a Digital Archive document page (saved text, saved HTML, or the text of its PDF export) into record data.

The importer reads the page's *structure*, not particular pages:

- labelled fields ("Record ID", "Original Classification", "Summary:" …), whether the value follows on the
  next line, after a blank line, or on the same line after a colon; a label whose value is missing (an empty
  field on the site leaves a wider gap, or the next label follows at once) stays empty;
- the page's own suggested citation (``"Title," Date, … Digital Archive, REFERENCE. Credits. URL``),
  which carries title, date, the reference as printed, the credit line and the URL;
- the source line ("RGASPI F.17 op. 162, d. 20 l. 99. Obtained by … and translated by …"), split into the
  reference and the credit-line grammar: one clause or more, each naming one or several verbs ("Obtained and
  translated", "Contributed, transcribed, and translated"), an optional "for PROJECT", and "by NAMES";
- the funder line ("This document was made possible with support from A and B");
- on the current site, the date line and the title under it, and the summary printed after the text.

HTML is first turned into text (block elements become paragraphs; obfuscated e-mail addresses are decoded;
the canonical URL is kept). Anything the importer had to guess is reported as a warning located in the page.

Pure: text in, :class:`Imported` out. No I/O, no network, no typer, no formatter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .. import schema
from ..archival import parse_reference
from ..dates import parse_date
from ..errors import WARNING, Diagnostic
from ..names import split_name_list
from .base import Imported

SURROGATE_NAME = "History and Public Policy Program Digital Archive"
SURROGATE_PUBLISHER = "Wilson Center"

# Labels printed on the pages, lower-case without the colon -> what they hold.
LABELS: dict[str, str] = {
    "citation": "citation", "suggested citation": "citation", "get citation": "citation_box",
    "summary": "summary", "abstract": "summary",
    "credits": "credits", "funders": "funders", "funder": "funders", "funding": "funders",
    "original language": "original_language", "language": "language", "languages": "language",
    "contents": "contents",
    "source": "source", "archival source": "source", "source line": "source",
    "original archive": "archive_name", "archive": "archive_name", "repository": "archive_name",
    "rights": "rights", "usage rights": "rights", "copyright": "rights",
    "original uploaded date": "uploaded", "uploaded date": "uploaded", "date uploaded": "uploaded",
    "uploaded": "uploaded",
    "type": "type", "document type": "type",
    "record id": "record_id", "document id": "record_id",
    "original classification": "classification", "classification": "classification",
    "author(s)": "authors", "authors": "authors", "author": "authors",
    "date": "date", "title": "title",
    "url": "url", "permalink": "url", "share document": "url",
    "document information": "section",
    # labels whose values the record has no field for: read so that they end the value before them
    "keywords": "ignored", "subjects": "ignored", "subject(s)": "ignored", "geographic subject(s)": "ignored",
    "theme(s)": "ignored", "themes": "ignored", "collection(s)": "ignored", "collections": "ignored",
    "related documents": "ignored", "people": "ignored", "places": "ignored", "view document in": "ignored",
    "also available in": "ignored", "download": "ignored", "share": "ignored", "total page": "ignored",
    "file type": "ignored", "citation share download": "ignored",
}
# labels that begin the metadata printed after the document's text (the summary is what precedes them)
_METADATA = {"section", "source", "rights", "uploaded", "record_id", "classification", "authors", "type",
             "language", "original_language", "archive_name", "funders"}
# fields whose value is one paragraph (what follows it is something else)
_ONE_PARAGRAPH = {"record_id", "uploaded", "classification", "type", "language", "original_language", "date",
                  "title", "url", "archive_name", "authors"}
# credit labels: "Translated by" as a label, the names as its value
_VERB_SPELLINGS = {"digitised": "digitized", "provided": "contributed", "donated": "contributed"}
_VERBS = tuple(schema.PROVENANCE_EVENTS) + tuple(_VERB_SPELLINGS)
_VERB = "(?:" + "|".join(sorted(_VERBS, key=len, reverse=True)) + ")"
_CREDIT_HEAD = re.compile(
    rf"\b(?P<verbs>{_VERB}(?:\s*,\s*(?:and\s+)?{_VERB}|\s+and\s+{_VERB})*)"
    r"(?:\s+for\s+(?P<for>[^.;]+?))?\s+by\s+", re.I)
_SENTENCE_CREDIT = re.compile(rf"(?:^|(?<=[.;])\s+|(?<=[.;]))(?={_VERB}\b(?:[^.]|\.\S|\.\s[A-Z]\.)*?\bby\s)",
                              re.I)
_FUNDER_LINE = re.compile(
    r"(?:this\s+(?:document|item|record|translation)\s+(?:was|has\s+been)\s+)?made\s+possible\s+"
    r"(?:with|by|through|thanks\s+to)\s+(?:the\s+)?(?:generous\s+)?support\s+(?:from|of|by)\s+(?P<funders>.+)",
    re.I)
_QUOTE_OPEN = "\"“”'‘’„«"
_CITATION = re.compile(
    r"(?P<open>[\"“])(?P<title>.+?),(?P<close>[\"”])\s+(?:(?P<date>[^,]*?\d{3,4}|[^,]+,\s*\d{4}),\s+)?"
    r"(?P<collection>[^,]*?Digital Archive),\s*(?P<rest>.*)$")
_URL = re.compile(r"https?://\S+[^\s.,;)\]]")
_RECORD_ID_IN_URL = re.compile(r"/document/(\d+)(?:[/?#]|$)")
_EMAIL_HIDDEN = re.compile(r"\[email(?:\s|\u00a0)protected\]")
_CLASSIFICATION = re.compile(
    r"(?:(?:strictly|top|completely|absolutely)\s+)?(?:secret|confidential)(?:\s+\[?of special importance\]?)?"
    r"|for official use only|special file|restricted|eyes only", re.I)
_BULLET = re.compile(r"^[\s•·*–—-]+")
_NAV = {"skip to content", "search in", "add search filter cancel search filter", "menu", "search", "home"}


# ------------------------------------------------------------------------------------------------ HTML

_SKIP = {"script", "style", "noscript", "template", "svg", "nav", "button", "form", "select", "head"}
_BLOCK = {"p": 1, "div": 1, "br": 0, "li": 1, "dt": 1, "dd": 1, "h1": 1, "h2": 1, "h3": 1, "h4": 1, "h5": 1,
          "h6": 1, "tr": 1, "td": 0, "th": 0, "blockquote": 1, "pre": 1, "figcaption": 1, "span": -1,
          "section": 2, "article": 2, "aside": 2, "footer": 2, "header": 2, "main": 2, "dl": 2, "ul": 1,
          "ol": 1, "table": 2, "hr": 2, "body": 2}
_VOID = {"br", "hr", "img", "meta", "link", "input", "wbr"}


def _cf_decode(hexed: str) -> str:
    """Decode an address hidden by the e-mail obfuscation many sites use (hex, XOR with the first byte)."""
    try:
        key = int(hexed[:2], 16)
        return "".join(chr(int(hexed[i:i + 2], 16) ^ key) for i in range(2, len(hexed), 2))
    except ValueError:
        return ""


class _TextMaker(HTMLParser):
    """HTML to text: blocks become lines, sections are set apart by wider gaps, like a browser's copy."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.pending = 0  # blank lines owed before the next text (-1: a line break)
        self.skip = 0
        self.email_depth = 0
        self.stack: list[str] = []
        self.meta: dict[str, str] = {}
        self.in_title = False
        self.title = ""

    def _break(self, weight: int) -> None:
        if weight >= 0:
            self.pending = max(self.pending, weight if weight else -1) if self.pending >= 0 else max(weight, -1)
            if self.pending == 0:
                self.pending = -1

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "meta":
            name = (a.get("property") or a.get("name") or "").lower()
            if name in ("og:url", "og:title", "citation_title", "dc.title"):
                self.meta.setdefault(name, a.get("content", ""))
            return
        if tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.meta.setdefault("canonical", a.get("href", ""))
            return
        if tag == "title":
            self.in_title = True
        if tag in _SKIP:
            if tag not in _VOID:
                self.skip += 1
            return
        if self.skip:
            return
        cf = a.get("data-cfemail") or (a.get("href", "").partition("/cdn-cgi/l/email-protection#")[2]
                                       if "email-protection#" in a.get("href", "") else "")
        if cf and tag not in _VOID:
            address = _cf_decode(cf)
            if address:
                self.out.append(self._flush() + address)
                self.email_depth += 1
                self.stack.append(tag)
                return
        if self.email_depth and tag not in _VOID:
            self.email_depth += 1
        if tag in _BLOCK:
            self._break(_BLOCK[tag])
        if tag not in _VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if self.email_depth:
            self.email_depth -= 1
        if tag in _BLOCK and tag != "br":
            self._break(_BLOCK[tag])

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        if self.skip or self.email_depth:
            return
        text = re.sub(r"[ \t\r\n\f]+", " ", data)
        if not text.strip():
            if self.out and not self.pending and not self.out[-1].endswith((" ", "\n")):
                self.out.append(" ")
            return
        self.out.append(self._flush() + text)

    def _flush(self) -> str:
        if not self.out:
            self.pending = 0
            return ""
        p, self.pending = self.pending, 0
        if p == -1:
            return "\n"
        return "\n" * (p + 1) if p > 0 else ""

    def text(self) -> str:
        lines = [line.strip() for line in "".join(self.out).split("\n")]
        return "\n".join(lines).strip() + "\n"


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:2000].lower()
    return head.startswith(("<!doctype html", "<html")) or bool(re.search(r"<(?:body|div|p|h1|article)\b", head))


def html_to_text(text: str) -> tuple[str, dict[str, str]]:
    """The readable text of an HTML page, and what its head says (canonical URL, og:title, <title>)."""
    maker = _TextMaker()
    maker.feed(text)
    maker.close()
    meta = dict(maker.meta)
    if maker.title.strip():
        meta["title"] = " ".join(maker.title.split())
    return maker.text(), meta


# ------------------------------------------------------------------------------------------------ page


@dataclass
class Unit:
    """One line of the page: a label (with an inline value, maybe), or text; ``gap`` = blank lines before it."""

    line: int
    text: str
    gap: int
    label: str = ""  # the key of LABELS it is, or ""
    label_text: str = ""
    inline: str = ""  # value printed on the label's own line


@dataclass
class Page:
    """What a page says, as printed, with the line each value came from."""

    values: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    path: str = "<page>"

    def put(self, name: str, value: str, line: int, *, override: bool = False) -> None:
        value = value.strip()
        if not value:
            return
        old = self.values.get(name)
        if old is not None and not override:
            if _comparable(old) != _comparable(value) and name not in ("funders",):
                self.warn(line, f"{name.replace('_', ' ')} printed twice with different values; keeping the "
                          f"first ({_short(old)!r}, line {self.lines[name]}) over {_short(value)!r}")
            return
        self.values[name] = value
        self.lines[name] = line

    def warn(self, line: int, message: str) -> None:
        self.diagnostics.append(Diagnostic(self.path, line, 1, WARNING, message))


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _comparable(text: str) -> str:
    return " ".join(_unquote_chars(text).split()).rstrip(".").casefold()


def _unquote_chars(text: str) -> str:
    return text.translate(str.maketrans("“”„‘’", "\"\"\"''"))


def _clean(text: str) -> str:
    """Spaces as a reader sees them: no-break spaces and runs of blanks become one space, lines kept."""
    return "\n".join(" ".join(line.replace("\u00a0", " ").split()) for line in text.split("\n")).strip()


def _label_of(text: str) -> tuple[str, str, str]:
    """(label key, label as printed, inline value) when ``text`` is a label line, else ("", "", "")."""
    bare = _BULLET.sub("", text).strip()
    low = bare.lower().rstrip(":").strip()
    if low in LABELS:
        return LABELS[low], bare.rstrip(":").strip(), ""
    if m := re.match(rf"({_VERB}(?:\s+and\s+{_VERB})*\s+by)\s*:?\s*$", bare, re.I):
        return "credit", m[1], ""
    m = re.match(r"([A-Za-z()' ]{2,40}?)\s*:\s+(.+)$", bare)
    if m and m[1].lower().strip() in LABELS:
        return LABELS[m[1].lower().strip()], m[1].strip(), m[2].strip()
    if m and re.fullmatch(rf"{_VERB}(?:\s+and\s+{_VERB})*\s+by", m[1].strip(), re.I):
        return "credit", m[1].strip(), m[2].strip()
    return "", "", ""


_INLINE_LABEL = re.compile(
    r"(?<=\S)\s+(?=(?:Citation|Summary|Credits|Original Language|Contents|Record ID|Original Uploaded Date|"
    r"Original Classification|Rights|Source|Author\(s\)|Original Archive|Keywords|Subjects|Type|Language):\s)")


def _units(text: str) -> list[Unit]:
    """The page as units; a long line that strings several labels together (a PDF export) is split at them."""
    units: list[Unit] = []
    gap = 0
    for n, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        if not line:
            gap += 1
            continue
        pieces = _INLINE_LABEL.split(line) if len(line) > 200 and line.count(": ") >= 2 else [line]
        for i, piece in enumerate(pieces):
            label, label_text, inline = _label_of(piece)
            units.append(Unit(n, piece, gap if i == 0 else 0, label, label_text, inline))
        gap = 0
    return units


def _is_date_line(text: str) -> bool:
    if len(text) > 40 or not re.search(r"\d{4}", text):
        return False
    try:
        parse_date(text)
    except ValueError:
        return False
    return True


def _joined(value: list[Unit], lines: bool = False) -> str:
    """Units as text: a blank line between paragraphs; lines of one paragraph joined by a space (a wrapped
    line) or kept apart (``lines``: one name per line)."""
    out = ""
    for k, v in enumerate(value):
        out += ("" if k == 0 else "\n\n" if v.gap else "\n" if lines else " ") + v.text
    return out


def _paragraphs(units: list[Unit], lo: int, hi: int) -> list[tuple[int, list[Unit]]]:
    """The unlabelled paragraphs (runs of lines with no blank line between them) of ``units[lo:hi]``."""
    out: list[tuple[int, list[Unit]]] = []
    for k in range(max(lo, 0), min(hi, len(units))):
        w = units[k]
        if w.label:
            continue
        if out and w.gap == 0 and out[-1][0] + len(out[-1][1]) == k:
            out[-1][1].append(w)
        else:
            out.append((k, [w]))
    return out


def _find_citation(page: Page, units: list[Unit]) -> None:
    """The page's suggested citation, printed on one line or wrapped over several."""
    for u in units:
        candidate = u.inline if u.label == "citation" else u.text
        if m := _CITATION.search(candidate):
            _read_citation(page, m, u.line)
            u.label, u.inline = "citation_line", candidate
            return
    for k, u in enumerate(units):
        run = [u]
        while k + len(run) < len(units) and units[k + len(run)].gap == 0 and len(run) < 12 and \
                not units[k + len(run)].label:
            run.append(units[k + len(run)])
        if len(run) < 2:
            continue
        candidate = " ".join([u.inline if u.label == "citation" else u.text] + [w.text for w in run[1:]])
        if m := _CITATION.search(candidate):
            _read_citation(page, m, u.line)
            for w in run:
                w.label, w.inline = "citation_line", candidate
            return


def _split_labelled(units: list[Unit]) -> tuple[list[tuple[Unit, list[Unit]]], list[tuple[int, list[Unit]]]]:
    """Labels with the units of their values, and the groups of unlabelled text between them (with the index
    of their first unit). A value is the text after its label unless a wide gap (two blank lines or more)
    says the field is empty; it runs on while paragraphs are one blank line apart."""
    labelled: list[tuple[Unit, list[Unit]]] = []
    groups: list[tuple[int, list[Unit]]] = []
    i = 0
    while i < len(units):
        u = units[i]
        if u.label == "citation_line":
            i += 1
            continue
        if u.label:
            value: list[Unit] = []
            j = i + 1
            if not u.inline and u.label not in ("section", "citation_box", "ignored"):
                while j < len(units) and not units[j].label and units[j].gap <= 1 and \
                        not (value and units[j].gap and u.label in _ONE_PARAGRAPH):
                    value.append(units[j])
                    j += 1
            labelled.append((u, value))
            i = j
            continue
        start, group = i, [u]
        i += 1
        while i < len(units) and not units[i].label and units[i].gap <= 1:
            group.append(units[i])
            i += 1
        groups.append((start, group))
    return labelled, groups


def _read_labelled(page: Page, labelled: list[tuple[Unit, list[Unit]]]) -> None:
    for u, value in labelled:
        if u.label in ("section", "ignored", "citation_box", "citation"):
            continue  # the citation itself was read by _find_citation
        v = u.inline or _joined(value, lines=u.label in ("funders", "authors"))
        line = u.line if u.inline or not value else value[0].line
        if u.label == "credit":
            page.put("credits_label", f"{u.label_text} {v}".strip(), line)
        elif u.label == "credits":
            if m := _FUNDER_LINE.search(v):
                page.put("funder_line", m["funders"], line)
        elif u.label == "url":
            if m := _URL.search(v):
                page.put("url", m[0], line)
        else:
            page.put(u.label, v, line)


def _read_header(page: Page, units: list[Unit], first_label: int) -> tuple[int | None, int | None]:
    """The date line and the title printed under it (current site); returns their unit indices."""
    for k, u in enumerate(units[:first_label]):
        if u.label or u.text.lower() in _NAV or not _is_date_line(u.text):
            continue
        page.put("date_line", u.text, u.line)
        nxt = next((w for w in units[k + 1:first_label] if not w.label), None)
        if nxt is not None and not _FUNDER_LINE.search(nxt.text):
            page.put("heading", nxt.text, nxt.line)
            return k, units.index(nxt)
        return k, None
    return None, None


def _read_summary(page: Page, units: list[Unit], date_at: int | None, title_at: int | None,
                  first_label: int) -> None:
    """The summary: in the "get citation" box, else the paragraph printed last before the metadata (current
    site), else a paragraph printed above the date line."""
    box = next((k for k, u in enumerate(units) if u.label == "citation_box"), None)
    if box is not None:
        taken = []
        for w in units[box + 1:]:
            if w.label:
                break
            taken.append(w)
        if taken:
            page.put("summary", _joined(taken), taken[0].line)
            return
    if title_at is None:
        return
    if first_label < len(units):
        body = [g for _s, g in _paragraphs(units, title_at + 1, first_label)
                if not any(_FUNDER_LINE.search(w.text) for w in g)]
        if len(body) >= 2:
            page.put("summary", _joined(body[-1]), body[-1][0].line)
            page.warn(body[-1][0].line, "summary taken from the paragraph printed after the document's text; "
                      "check it")
            return
    top = date_at if date_at is not None else title_at
    lead = [g for _s, g in _paragraphs(units, 0, top) if len(" ".join(w.text for w in g).split()) >= 8
            and not _is_date_line(g[0].text) and g[0].text.lower() not in _NAV]
    if lead:
        page.put("summary", _joined(lead[-1]), lead[-1][0].line)


def _read_information(page: Page, units: list[Unit], groups: list[tuple[int, list[Unit]]]) -> None:
    """The "Document Information" section when its parts are not labelled: the source line, then rights."""
    section = next((k for k, u in enumerate(units) if u.label == "section"), None)
    if section is None:
        return
    funders = {_comparable(f) for f in _split_funders(page.values.get("funder_line", ""))}
    for start, g in groups:
        if start <= section:
            continue
        text = _joined(g)
        if _is_rights(text):
            page.put("rights", text, g[0].line)
        elif "source" not in page.values and not _FUNDER_LINE.search(text) and _comparable(text) not in funders:
            page.put("source", text, g[0].line)


def _read_head(page: Page, meta: dict[str, str]) -> None:
    """What an HTML page's head says: its canonical URL and title."""
    for key in ("canonical", "og:url"):
        if meta.get(key, "").startswith("http") and "url" not in page.values:
            page.put("url", meta[key], 1)
    title = meta.get("citation_title") or meta.get("og:title") or meta.get("dc.title") or meta.get("title", "")
    if title:
        page.put("meta_title", re.split(r"\s+[|–—]\s+", title)[0], 1)


def _read_text_head(page: Page, units: list[Unit], title_at: int, first_label: int) -> None:
    """Facts printed at the head of the document's own text, used only when no field gives them: a bracketed
    archival reference, a classification marking standing alone. Both are reported as guesses."""
    if "source" not in page.values and "citation_source" not in page.values:
        for w in units[title_at + 1: min(first_label, title_at + 7)]:
            if not w.label and w.text.startswith("[") and w.text.endswith("]"):
                ref = parse_reference(w.text)
                if len(ref.levels) >= 2 and not ref.unparsed:
                    page.put("reference_in_text", w.text, w.line)
                    page.warn(w.line, "the page prints no source line; the archival reference was taken "
                              "from the document's text; check it")
                    break
    if "classification" not in page.values:
        for _s, g in _paragraphs(units, title_at + 1, min(first_label, title_at + 14)):
            hit = next((w for w in g if _CLASSIFICATION.fullmatch(w.text.strip(" .[]"))), None)
            if hit:
                page.put("classification_in_text", hit.text.strip(" .[]"), hit.line)
                page.warn(hit.line, "original classification taken from the marking at the head of the "
                          "document's text; check it")
                break


def read_page(text: str, path: str = "<page>") -> Page:
    """Everything the page prints that a record can use, as printed."""
    page = Page(path=path)
    meta: dict[str, str] = {}
    if looks_like_html(text):
        text, meta = html_to_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
    units = _units(text)
    _find_citation(page, units)
    labelled, groups = _split_labelled(units)
    _read_labelled(page, labelled)
    # names printed one per line after the last field (the current site lists the funders there)
    last_label = max((k for k, u in enumerate(units) if u.label), default=-1)
    trailing = [w for start, g in groups if start > last_label for w in g]
    if last_label >= 0 and trailing and all(len(w.text) < 120 for w in trailing):
        page.put("funders_trailing", "\n".join(w.text for w in trailing), trailing[0].line)
    first_label = next((k for k, u in enumerate(units) if u.label in _METADATA), len(units))
    date_at, title_at = _read_header(page, units, first_label)
    for u in units:  # the funder line printed under the title
        if not u.label and (m := _FUNDER_LINE.search(u.text)):
            page.put("funder_line", m["funders"], u.line)
            break
    _read_summary(page, units, date_at, title_at, first_label)
    _read_information(page, units, groups)
    if meta:
        _read_head(page, meta)
    if title_at is not None:
        _read_text_head(page, units, title_at, first_label)
    for name in ("rights", "summary"):
        if name in page.values and _EMAIL_HIDDEN.search(page.values[name]):
            page.warn(page.lines[name], f"the page hides an e-mail address in the {name} ([email protected]); "
                      "it is kept as printed")
    return page


def _is_rights(text: str) -> bool:
    return bool(re.search(r"\b(?:copyright|rights? (?:holders?|status|reserved)|reuse|public domain|licen[cs]e"
                          r"|permission)\b", text, re.I))


def _read_citation(page: Page, m: re.Match, line: int) -> None:
    page.put("citation", m[0], line)
    page.put("citation_title", m["title"], line)
    if m["date"]:
        page.put("citation_date", m["date"], line)
    page.put("collection", m["collection"], line)
    rest = m["rest"].strip()
    if url := _URL.search(rest):
        if not rest[url.end():].strip(" ."):
            page.put("citation_url", url[0], line)
            rest = rest[: url.start()].strip()
    page.put("citation_source", rest, line)


# ------------------------------------------------------------------------------------- credit lines


@dataclass(frozen=True)
class Credit:
    events: tuple[str, ...]
    names: tuple[str, ...]
    for_: str = ""


def split_source(text: str) -> tuple[str, str]:
    """A source line into (reference as printed, credit sentences)."""
    text = _clean(text).replace("\n", " ")
    m = _SENTENCE_CREDIT.search(text)
    if not m:
        return text, ""
    return text[: m.start()].strip(), text[m.start():].strip()


def parse_credits(text: str) -> tuple[list[Credit], str]:
    """The credit-line grammar: "Obtained by A and translated by B.", "Translated for NKIDP by C.",
    "Contributed, transcribed, and translated by D and E." Returns the credits and any text left over."""
    text = _clean(text).replace("\n", " ")
    heads = list(_CREDIT_HEAD.finditer(text))
    credits: list[Credit] = []
    leftover = text[: heads[0].start()].strip(" .;") if heads else text.strip()
    for k, h in enumerate(heads):
        end = heads[k + 1].start() if k + 1 < len(heads) else len(text)
        chunk = text[h.end(): end]
        if k + 1 < len(heads):
            chunk = re.sub(r"(?:[,;]?\s+and|[,;.])\s*$", "", chunk.rstrip())
        else:
            # the names end where a new sentence starts (a full stop not closing an initial)
            stop = re.search(r"(?<!\b[A-Z])(?<!\bJr)(?<!\bSr)(?<!\bDr)(?<!\bSt)\.(?:\s+|$)", chunk)
            if stop:
                leftover_text = chunk[stop.end():].strip()
                chunk = chunk[: stop.start()]
                if leftover_text:
                    leftover = (leftover + " " + leftover_text).strip()
        for_ = (h["for"] or "").strip()
        if m := re.search(r"\s+for\s+(?P<for>(?:the\s+)?[A-Z][^,;]*)$", chunk.strip(" ,;.")):
            # "Obtained by A for CWIHP": the project after the names
            for_, chunk = for_ or m["for"].strip(), chunk.strip(" ,;.")[: m.start()]
        names = tuple(n.strip() for n in split_name_list(chunk.strip(" ,;")) if n.strip())
        verbs = re.findall(_VERB, h["verbs"], re.I)
        events = tuple(_VERB_SPELLINGS.get(v.lower(), v.lower()) for v in verbs)
        credits.append(Credit(events, names, for_))
    return credits, leftover


_ORG_WORD = re.compile(
    r"\b(?:Foundation|Fund|Trust|University|Universit[äy]|Institute|Institution|Corporation|Council|Endowment|"
    r"Ministry|Cent(?:er|re)|Society|Association|Program(?:me)?|Agency|Bank|Office|Academy|Committee|"
    r"Department|Government|Embassy|College|School|Library|Archives?|Initiative|Project|Service|Commission|"
    r"Inc|LLC|Ltd|Company|Group|Network|Family|Stiftung|Fondation|Fundación|Republic|Kingdom|State|Museum)\b")


def _funders_by_list(line: str, listed: list[str]) -> list[str]:
    """The funders of the funder line as the page also lists them one by one: each listed name found in the
    line (with a "the" printed before it), when together they account for the whole line."""
    line = " ".join(line.split()).rstrip(".")
    if not line or not listed:
        return []
    found: list[tuple[int, str]] = []
    rest = line
    for name in listed:
        m = re.search(r"(?:\bthe\s+)?" + re.escape(name), line, re.I)
        if not m:
            return []
        found.append((m.start(), m[0]))
        rest = rest.replace(m[0], " ", 1)
    if re.sub(r"\b(?:and|the)\b|[,;\s]", "", rest):
        return []
    return [name for _, name in sorted(found)]


def _split_funders(text: str) -> list[str]:
    """"A and B" / "A, B, and C" / "A, B and C": commas before the last "and" separate funders, commas after
    it belong to the last funder's name ("the Institute for Korean Studies, Ohio State University")."""
    text = " ".join(text.split()).strip().rstrip(".").strip()
    if not text:
        return []
    parts = re.split(r",?\s+and\s+", text)
    # keep "and" inside a name: "John D. and Catherine T. MacArthur Foundation", "Bill and Melinda Gates …":
    # a part that names no organisation (no word such as Foundation, no acronym) belongs to the next
    merged: list[str] = []
    for part in parts:
        if merged and not (_ORG_WORD.search(merged[-1].rpartition(",")[2]) or
                           re.search(r"\b[A-Z]{2,}\b", merged[-1].rpartition(",")[2])):
            merged[-1] += " and " + part
        else:
            merged.append(part)
    if len(merged) == 1:
        return merged
    head, last = merged[:-1], merged[-1]
    out = [p.strip() for h in head for p in h.split(",") if p.strip()]
    return out + [last.strip()]


# ------------------------------------------------------------------------------------------- record


def _date_value(text: str):
    """A TOML-ready date for a printed date, or None when it cannot be normalised."""
    import datetime as _dt

    try:
        d = parse_date(text)
    except ValueError:
        return None
    if d.start and d.start.month and d.start.day and not d.end and not d.circa and not d.uncertain:
        return _dt.date(d.start.year, d.start.month, d.start.day)
    return d.iso() or None


def _language(text: str) -> str:
    m = re.match(r"[A-Z][a-z]+(?:(?:,\s*|\s+and\s+)[A-Z][a-z]+)*", text.strip())
    return m[0] if m else text.strip()


def _names(text: str) -> list[str]:
    out = []
    for part in re.split(r"\n+|;\s*", text):
        part = re.sub(r",?\s*\(?\d{3,4}\s*[-–]\s*(?:\d{3,4})?\)?\s*$", "", part.strip())  # life dates
        if part:
            out.append(part)
    return out


def _slug(title: str, year: int | None) -> str:
    stop = {"a", "an", "the", "of", "and", "to", "in", "on", "for", "from", "by", "with", "at", "concerning",
            "between", "about", "regarding", "re"}
    words = [w for w in re.findall(r"[^\W_]+", title.lower()) if w not in stop]
    return "-".join(words[:4] + ([str(year)] if year else [])) or "document"


def page_record(page: Page) -> tuple[dict, list[Diagnostic]]:
    """Record data (as a TOML record parses to) from what the page prints."""
    v = page.values
    diags = list(page.diagnostics)
    data: dict = {"type": "archival-document"}

    title = v.get("citation_title") or v.get("title") or v.get("heading") or v.get("meta_title", "")
    if v.get("citation_title") and v.get("heading") and _comparable(v["heading"]) != _comparable(v["citation_title"]):
        page.warn(page.lines["heading"], "the heading differs from the title in the page's citation; the "
                  "citation's title is used")
    if title:
        title = _clean(title).replace("\n", " ")
        if title.isupper() and not v.get("citation_title"):
            page.warn(page.lines.get("heading", 1), "the title is printed in capitals; check its case")
        data["title"] = title
    genre = v.get("type", "")
    if genre:
        data["genre"] = genre.lower()
    if v.get("authors"):
        data["author"] = _names(v["authors"])

    date_text = v.get("citation_date") or v.get("date") or v.get("date_line", "")
    if date_text:
        value = _date_value(date_text)
        if value is None:
            data["date_as_printed"] = date_text
        else:
            data["date"] = value
    if lang := v.get("original_language") or v.get("language"):
        data["original_language"] = _language(lang)
    listed = _names(v.get("funders", "")) or _names(v.get("funders_trailing", ""))
    funders = _funders_by_list(v.get("funder_line", ""), listed) or _split_funders(v.get("funder_line", "")) \
        or _names(v.get("funders", ""))
    if funders:
        data["funders"] = funders
    if rights := v.get("rights"):
        data["rights"] = _clean(rights)
    if classification := v.get("classification") or v.get("classification_in_text"):
        data["classification"] = _clean(classification)
    if summary := v.get("summary"):
        data["summary"] = _clean(summary).replace("\n", " ")

    # the reference and the credit line: from the citation, else the source line
    source = v.get("citation_source") or v.get("source", "")
    reference, credit_text = split_source(source) if source else ("", "")
    if v.get("citation_source") and v.get("source"):
        other_ref, _ = split_source(v["source"])
        if _comparable(other_ref) != _comparable(reference):
            page.warn(page.lines["source"], f"the source line ({_short(other_ref)!r}) differs from the "
                      f"reference in the page's citation ({_short(reference)!r}); the citation's is used")
    if not reference and v.get("reference_in_text"):
        reference = v["reference_in_text"]
    if v.get("credits_label"):
        credit_text = (credit_text + " " + v["credits_label"]).strip()
    credits, leftover = parse_credits(credit_text) if credit_text else ([], "")
    if leftover:
        page.warn(page.lines.get("citation_source", page.lines.get("source", 1)),
                  f"could not read {leftover!r} in the credit line; it is kept in notes")
        data["notes"] = leftover

    archive: dict = {}
    if v.get("archive_name"):
        archive["name"] = _clean(v["archive_name"])
    if reference:
        archive["reference"] = reference
        parsed = parse_reference(reference)
        if parsed.repository and "name" not in archive:
            # "RGASPI", "PRC FMA" are abbreviations; a repository printed in words is its name
            archive["name" if re.search(r"[^\W\d_]*[a-zа-яё]", parsed.repository) else "abbreviation"] = \
                parsed.repository
        if parsed.levels and not parsed.unparsed:
            archive["levels"] = {lv.kind: lv.value for lv in parsed.levels}
    if archive:
        data["archive"] = archive

    surrogate: dict = {"name": _clean(v.get("collection", "")) or SURROGATE_NAME, "publisher": SURROGATE_PUBLISHER}
    url = v.get("citation_url") or v.get("url", "")
    record_id = v.get("record_id", "")
    if not record_id and url and (m := _RECORD_ID_IN_URL.search(url)):
        record_id = m[1]
    if record_id:
        surrogate["record_id"] = record_id
    if url:
        surrogate["url"] = url
    if uploaded := v.get("uploaded"):
        surrogate["uploaded"] = _date_value(uploaded) or uploaded
    data["surrogate"] = surrogate

    provenance = []
    for c in credits:
        for event in c.events:
            ev: dict = {"event": event}
            if c.names:
                ev["by"] = list(c.names)
            if c.for_:
                ev["for"] = c.for_
            provenance.append(ev)
    if provenance:
        data["provenance"] = provenance
    return data, diags + [d for d in page.diagnostics if d not in diags]


def detect(text: str, suffix: str) -> bool:
    """True when ``text`` looks like a Digital Archive page (whatever the file's suffix)."""
    if suffix in (".bib", ".json", ".toml", ".yaml", ".ris"):
        return False
    sample = text[:200_000]
    if re.search(r"Digital Archive|Document Information|made possible with support from", sample):
        return True
    # a copy that stops in the document's text: the site's header, a date line, then the title
    head = [line.strip() for line in sample[:3000].splitlines() if line.strip()][:6]
    return bool(head) and head[0].lower() in _NAV and any(_is_date_line(line) for line in head[1:3])


def parse(text: str, path: str) -> list[Imported]:
    """One record from one page."""
    page = read_page(text, path)
    data, diags = page_record(page)
    if "title" not in data:
        diags.append(Diagnostic(path, 1, 1, message="no title found on the page (neither a citation nor a "
                                "date line followed by a title); is this a Digital Archive document page?"))
        return [Imported(key="document", data=None, line=1, diagnostics=diags)]  # type: ignore[arg-type]
    date = data.get("date")
    year = getattr(date, "year", None) or (int(str(date)[:4]) if date and str(date)[:4].isdigit() else None)
    return [Imported(key=_slug(data["title"], year), data=data, line=page.lines.get("citation_title",
                     page.lines.get("heading", 1)), diagnostics=diags)]
