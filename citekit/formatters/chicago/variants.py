"""The Chicago style variants citekit offers, as data: one engine (``engine.py``) reads them.

A variant says which forms it produces, whether it is the author-date system (CMOS 18, 13.102-13.114) or
notes-bibliography (CMOS 18, chap. 14), how a bibliography is ordered, and whether the archival reference is
written place first, general to specific (the option CMOS 14.205 allows for repositories outside North
America: "Moscow, RGASPI, f. 17, op. 162, d. 20, l. 99") instead of most specific first (CMOS 14.127).

Adding a variant is adding one row to ``VARIANTS`` and one line to ``citekit.formatters.styles``.
Data only: no I/O, no imports beyond the standard library.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Variant:
    name: str
    forms: tuple[str, ...]  # the first is the default of `citekit cite`
    author_date: bool = False
    place_first: bool = False
    # secondary sort keys after the first element: notes sort one author's works by title (CMOS 14.67),
    # author-date by year (CMOS 13.112)
    sort_by_year: bool = False
    doc: str = ""


VARIANTS: dict[str, Variant] = {
    v.name: v
    for v in (
        Variant("chicago-notes", ("note", "short", "bib"),
                doc="CMOS 18 notes and bibliography: full note, short note, bibliography entry"),
        Variant("chicago-notes-place-first", ("note", "short", "bib"), place_first=True,
                doc="chicago-notes with archival references place first, general to specific (CMOS 14.205)"),
        Variant("chicago-author-date", ("bib", "in-text"), author_date=True, sort_by_year=True,
                doc="CMOS 18 author-date: reference-list entry, in-text citation"),
        Variant("chicago-author-date-place-first", ("bib", "in-text"), author_date=True, sort_by_year=True,
                place_first=True, doc="chicago-author-date with archival references place first (CMOS 14.205)"),
    )
}
