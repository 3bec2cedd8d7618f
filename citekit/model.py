"""The record model: what one archival or published source *is*, as frozen dataclasses.

A :class:`Record` is built by ``citekit.toml_io`` (or an importer) after validation, and read by formatters.
This module must not do I/O, import the schema, a formatter, typer or any third-party package. It knows
nothing about TOML, CSL or BibTeX; it only holds data and derives simple facts from it (display forms of
names, the provenance chain in reading order).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

# ---------------------------------------------------------------------------------------------- names


def is_cjk(text: str) -> bool:
    """True when every letter of ``text`` is a CJK ideograph, kana or hangul (names written without spaces)."""
    found = False
    for c in text:  # stops at the first letter that is not CJK: most names are decided by their first
        if c.isspace():
            continue
        if not unicodedata.name(c, "").startswith(("CJK ", "HIRAGANA", "KATAKANA", "HANGUL")):
            return False
        found = True
    return found


@dataclass(frozen=True)
class Name:
    """A person or an organisation.

    ``literal`` is set for organisations and for names that must never be split (a pseudonym, "Filippov
    [Stalin]" as printed). ``particle`` is a non-dropping particle that belongs to the family name in
    display ("van der" Vliet); ``dropping_particle`` is dropped from the sort key ("de" in Beauvoir).
    ``family_first`` marks names written family name first (Ma Zhongying, Mao Zedong); CJK-script names
    are family-first and written without a space.
    """

    family: str = ""
    given: str = ""
    particle: str = ""
    dropping_particle: str = ""
    suffix: str = ""
    literal: str = ""
    family_first: bool = False

    @property
    def is_cjk(self) -> bool:
        return is_cjk(self.family + self.given)

    @property
    def full_family(self) -> str:
        """Family name with its non-dropping particle: "van der Vliet"."""
        return " ".join(p for p in (self.particle, self.family) if p)

    def display(self) -> str:
        """The name in reading order: "Gary Goldberg", "Ma Zhongying", "毛泽东", "Martin Luther King Jr."."""
        if self.literal:
            return self.literal
        if self.is_cjk:
            return self.family + self.given
        if self.family_first:
            return " ".join(p for p in (self.full_family, self.given) if p)
        head = " ".join(p for p in (self.given, self.dropping_particle, self.full_family) if p)
        return f"{head} {self.suffix}" if self.suffix else head

    def sort_key(self) -> str:
        """Family name first, particles demoted, for alphabetising."""
        if self.literal:
            return self.literal
        return " ".join(p for p in (self.family, self.given, self.dropping_particle, self.particle) if p)

    def __str__(self) -> str:
        return self.display()


# ---------------------------------------------------------------------------------------------- dates


@dataclass(frozen=True, order=True)
class DatePart:
    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        s = f"{self.year:04d}" if self.year >= 0 else f"{self.year:05d}"
        if self.month:
            s += f"-{self.month:02d}"
            if self.day:
                s += f"-{self.day:02d}"
        return s


@dataclass(frozen=True)
class Date:
    """A date or a range. ``circa``: approximate ("ca. 1950"); ``uncertain``: doubtful ("1950?").

    ``literal`` keeps a date exactly as printed when it cannot be normalised ("Spring 1950"); then
    ``start`` may be None.
    """

    start: DatePart | None = None
    end: DatePart | None = None
    circa: bool = False
    uncertain: bool = False
    literal: str = ""

    @property
    def year(self) -> int | None:
        return self.start.year if self.start else None

    def iso(self) -> str:
        """EDTF-like text: 1937-04-04, 1937~, 1937?, 1950/1953. Empty for a literal-only date."""
        if not self.start:
            return ""
        s = self.start.iso()
        if self.end:
            s += "/" + self.end.iso()
        if self.circa:
            s += "~"
        if self.uncertain:
            s += "?"
        return s


# ---------------------------------------------------------------------------------------------- archive


@dataclass(frozen=True)
class Level:
    """One level of an archival hierarchy: kind is a key of ``citekit.archival.LEVELS`` ("fond", "box")."""

    kind: str
    value: str


@dataclass(frozen=True)
class Archive:
    """The repository holding the original and where in it the document sits."""

    name: str = ""
    abbreviation: str = ""
    place: str = ""
    reference: str = ""  # the reference exactly as printed in the source
    levels: tuple[Level, ...] = ()
    levels_parsed: bool = False  # True when levels were derived from ``reference`` by the parser

    def level(self, kind: str) -> str:
        for lv in self.levels:
            if lv.kind == kind:
                return lv.value
        return ""

    @property
    def label(self) -> str:
        """The name to print: the full name, else the abbreviation."""
        return self.name or self.abbreviation


@dataclass(frozen=True)
class Surrogate:
    """The digital (or microfilm, printed) copy the document was read in."""

    name: str = ""
    publisher: str = ""
    record_id: str = ""
    url: str = ""
    uploaded: Date | None = None
    accessed: Date | None = None


@dataclass(frozen=True)
class ProvenanceEvent:
    """One step in the chain of custody: ``event`` is a key of ``citekit.schema.PROVENANCE_EVENTS``."""

    event: str
    by: tuple[Name, ...] = ()
    for_: str = ""  # "Translated for NKIDP by …"
    date: Date | None = None
    note: str = ""


# ---------------------------------------------------------------------------------------------- record

CREATOR_ROLES = ("author", "recipient", "editor", "translator", "compiler", "interviewer", "contributor")


@dataclass(frozen=True)
class Record:
    """One source. ``key`` is the file name without ``.toml``; ``path`` where it was read from (may be "")."""

    key: str
    type: str
    citation_key: str = ""  # the key other tools cite it by, when that cannot be the file name
    title: str = ""
    title_is_descriptive: bool = False
    short_title: str = ""
    genre: str = ""
    creators: dict[str, tuple[Name, ...]] = field(default_factory=dict)
    date: Date | None = None
    original_date: Date | None = None
    accessed: Date | None = None
    language: str = ""
    original_language: str = ""
    container_title: str = ""
    series: str = ""
    series_number: str = ""
    volume: str = ""
    number_of_volumes: str = ""
    issue: str = ""
    pages: str = ""
    edition: str = ""
    number: str = ""
    publisher: str = ""
    publisher_place: str = ""
    doi: str = ""
    isbn: str = ""
    url: str = ""
    medium: str = ""
    place: str = ""
    archive: Archive | None = None
    surrogate: Surrogate | None = None
    provenance: tuple[ProvenanceEvent, ...] = ()
    funders: tuple[str, ...] = ()
    rights: str = ""
    license: str = ""
    classification: str = ""
    summary: str = ""
    notes: str = ""
    path: str = field(default="", compare=False)

    def names(self, role: str) -> tuple[Name, ...]:
        """Creators in ``role``. Translators and editors also include the agents of "translated" and
        "edited" provenance events, so a translation credited on an archive page counts as one."""
        direct = self.creators.get(role, ())
        event = {"translator": "translated", "editor": "edited"}.get(role)
        if not event:
            return direct
        extra = tuple(n for ev in self.provenance if ev.event == event for n in ev.by if n not in direct)
        return direct + extra

    @property
    def authors(self) -> tuple[Name, ...]:
        return self.names("author")

    def events(self, event: str) -> tuple[ProvenanceEvent, ...]:
        return tuple(ev for ev in self.provenance if ev.event == event)
