"""The one table of record fields and record types, from which validation, documentation and the
CSL-JSON/BibLaTeX mappings all follow.

Each :class:`Field` names a key as written in a record (dotted for keys inside ``[archive]``,
``[surrogate]`` and ``[[provenance]]``), its kind of value, what it means, and its CSL-JSON variable and
BibLaTeX field where one exists. Adding a field means adding one row here (and reading it where it is used).

This module must not do I/O or import formatters, importers, typer or the CLI. It may import the model.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property

from .model import CREATOR_ROLES

# kinds of value
TEXT = "text"
BOOL = "bool"
DATE = "date"
NAMES = "names"
TEXT_LIST = "text list"
CHOICE = "choice"
LEVEL_TABLE = "levels"
TABLE = "table"
TABLE_LIST = "array of tables"


@dataclass(frozen=True)
class Field:
    key: str
    kind: str
    doc: str
    csl: str = ""  # CSL-JSON variable ("custom.*" for what CSL has no variable for)
    biblatex: str = ""  # BibLaTeX field
    choices: tuple[str, ...] = ()
    example: str = ""

    @cached_property  # read for every field of every record loaded: computed once
    def parent(self) -> str:
        return self.key.rpartition(".")[0]

    @cached_property
    def name(self) -> str:
        return self.key.rpartition(".")[2]


@dataclass(frozen=True)
class RecordType:
    key: str
    doc: str
    csl: str
    biblatex: str
    requires_title: bool = True
    archival: bool = False


TYPES: dict[str, RecordType] = {
    t.key: t
    for t in (
        RecordType("archival-document", "an unpublished document held by an archive (decision, memorandum, "
                   "telegram, report, minutes, record of conversation…); give its kind in `genre`",
                   "manuscript", "unpublished", archival=True),
        RecordType("letter", "a letter or other personal correspondence, published or archival; title "
                   "optional (notes print \"Author to Recipient\")", "personal_communication", "letter",
                   requires_title=False, archival=True),
        RecordType("interview", "an interview (published, broadcast or unpublished); title optional",
                   "interview", "misc", requires_title=False),
        RecordType("book", "a book by one or more authors (a translated book: add `translator`)", "book", "book"),
        RecordType("edited-volume", "a book edited rather than written (editors, no author)", "book",
                   "collection"),
        RecordType("chapter", "a chapter or contribution in an edited volume (`container_title` = the book)",
                   "chapter", "incollection"),
        RecordType("article-journal", "a journal article (`container_title` = the journal)",
                   "article-journal", "article"),
        RecordType("article-newspaper", "a newspaper article (`container_title` = the newspaper)",
                   "article-newspaper", "article"),
        RecordType("article-magazine", "a magazine article (`container_title` = the magazine)",
                   "article-magazine", "article"),
        RecordType("thesis", "a thesis or dissertation (`genre` = \"PhD diss.\", `publisher` = the university)",
                   "thesis", "thesis"),
        RecordType("report", "a report, working paper or government document (`number` = report number)",
                   "report", "report"),
        RecordType("webpage", "a web page or post (`container_title` = the site)", "webpage", "online"),
        RecordType("document-collection", "a published collection of documents (edited or compiled)",
                   "book", "collection"),
    )
}

PROVENANCE_EVENTS: dict[str, str] = {
    "obtained": "obtained from the archive by (a researcher who found or copied it)",
    "contributed": "contributed to the digital archive by",
    "translated": "translated by (counts as a translator of the record)",
    "transcribed": "transcribed by",
    "edited": "edited by (counts as an editor of the record)",
    "declassified": "declassified (by an agency, on a date)",
    "digitized": "digitised by",
    "published": "published by",
}

_NAME_ROLE_DOCS = {
    "author": "who wrote or issued it: persons or organisations",
    "recipient": "to whom a letter, telegram or memorandum was addressed",
    "editor": "editors of the work (or of the volume a chapter is in)",
    "translator": "translators of the text cited",
    "compiler": "compilers of a collection",
    "interviewer": "who conducted an interview (the interviewee is the author)",
    "contributor": "other contributors",
}
_CSL_ROLE = {"contributor": "contributor", "compiler": "compiler"}
_BIBLATEX_ROLE = {"author": "author", "editor": "editor", "translator": "translator", "recipient": "namea",
                  "compiler": "editora (editoratype = compiler)", "interviewer": "editorb (editorbtype = interviewer)",
                  "contributor": "editorc (editorctype = collaborator)"}

FIELDS: tuple[Field, ...] = (
    Field("type", CHOICE, "record type (see the table of types)", csl="type", biblatex="(entry type) + entrysubtype",
          choices=tuple(TYPES), example='"archival-document"'),
    Field("citation_key", TEXT, "the key other tools cite this source by (a BibTeX key such as "
          "`aristotle:poetics`) when it cannot be the file name; exports use it as the entry key and id, "
          "and `citekit cite` accepts it; set by `citekit import` when it has to rename a key", csl="id",
          biblatex="(entry key)"),
    Field("title", TEXT, "the document's own title, or a description of it", csl="title", biblatex="title",
          example='"Concerning a Peace Settlement in Kashgar"'),
    Field("title_is_descriptive", BOOL, "true when `title` describes the document (memorandum, minutes) "
          "rather than being its own title: Chicago then prints it without quotation marks",
          csl="custom.title_is_descriptive", biblatex="titleaddon (instead of title)"),
    Field("short_title", TEXT, "short form of the title for short notes", csl="title-short",
          biblatex="shorttitle"),
    Field("genre", TEXT, "kind of document (decision, memorandum, telegram; \"PhD diss.\" for a thesis)",
          csl="genre", biblatex="type"),
    *(Field(role, NAMES, _NAME_ROLE_DOCS[role], csl=_CSL_ROLE.get(role, role), biblatex=_BIBLATEX_ROLE[role],
            example='["Gary Goldberg"]') for role in CREATOR_ROLES),
    Field("date", DATE, "date of the document or publication", csl="issued", biblatex="date",
          example="1937-04-04"),
    Field("date_as_printed", TEXT, "the date exactly as printed, when it cannot be normalised",
          csl="issued (literal)", biblatex="userd"),
    Field("original_date", DATE, "date of the original (first edition, original of a translation)",
          csl="original-date", biblatex="origdate"),
    Field("accessed", DATE, "when a web source was consulted", csl="accessed", biblatex="urldate"),
    Field("language", TEXT, "language of the text cited (BCP 47 code or name)", csl="language",
          biblatex="language"),
    Field("original_language", TEXT, "language the document was written in, when it is cited in translation",
          csl="custom.original_language", biblatex="origlanguage"),
    Field("container_title", TEXT, "journal, newspaper, book (for a chapter) or web site", csl="container-title",
          biblatex="journaltitle / booktitle"),
    Field("series", TEXT, "series the work belongs to", csl="collection-title", biblatex="series"),
    Field("series_number", TEXT, "number within the series", csl="collection-number",
          biblatex="number (books, chapters, theses) / seriesnumber"),
    Field("volume", TEXT, "volume number (of a journal or a multi-volume work)", csl="volume", biblatex="volume"),
    Field("number_of_volumes", TEXT, "number of volumes of a multi-volume work", csl="number-of-volumes",
          biblatex="volumes"),
    Field("issue", TEXT, "issue of a journal", csl="issue", biblatex="number (articles) / issue"),
    Field("pages", TEXT, "page range of an article or chapter", csl="page", biblatex="pages"),
    Field("edition", TEXT, "edition (2, \"rev. ed.\")", csl="edition", biblatex="edition"),
    Field("number", TEXT, "report or document number", csl="number",
          biblatex="number (other types) / eid"),
    Field("publisher", TEXT, "publisher (a thesis: the university)", csl="publisher",
          biblatex="publisher / institution"),
    Field("publisher_place", TEXT, "place of publication", csl="publisher-place", biblatex="location"),
    Field("doi", TEXT, "DOI, without https://doi.org/", csl="DOI", biblatex="doi"),
    Field("isbn", TEXT, "ISBN of a book", csl="ISBN", biblatex="isbn"),
    Field("url", TEXT, "URL of the work itself (for a document read in a digital archive use surrogate.url)",
          csl="URL", biblatex="url"),
    Field("medium", TEXT, "medium or format (\"audio recording\", \"microfilm\")", csl="medium",
          biblatex="howpublished"),
    Field("place", TEXT, "where an interview took place or a letter was written", csl="event-place",
          biblatex="venue"),
    Field("archive", TABLE, "the repository holding the original, and where in it the document sits"),
    Field("archive.name", TEXT, "repository's full name", csl="archive", biblatex="archive (+ library)"),
    Field("archive.abbreviation", TEXT, "repository's abbreviation (RGASPI)", csl="custom.archive_abbreviation",
          biblatex="archiveabbreviation"),
    Field("archive.place", TEXT, "city of the repository", csl="archive-place", biblatex="archiveplace"),
    Field("archive.reference", TEXT, "the archival reference exactly as printed in the source",
          csl="custom.archive_reference", biblatex="archivereference", example='"RGASPI F.17 op. 162, d. 20 l. 99"'),
    Field("archive.levels", LEVEL_TABLE, "the hierarchy as an inline table of level = value, general to "
          "specific; parsed from `reference` when absent",
          csl="archive_location, archive_collection (+ custom.archive_levels)", biblatex="archivelevels (+ library)",
          example='{ fond = "17", opis = "162", delo = "20", list = "99" }'),
    Field("surrogate", TABLE, "the digital archive (or other copy) the document was read in"),
    Field("surrogate.name", TEXT, "name of the digital archive or online collection", csl="source",
          biblatex="eprinttype"),
    Field("surrogate.publisher", TEXT, "who publishes it", csl="custom.surrogate_publisher",
          biblatex="organization"),
    Field("surrogate.record_id", TEXT, "the document's ID in the digital archive", csl="custom.record_id",
          biblatex="eprint"),
    Field("surrogate.url", TEXT, "the document's URL in the digital archive", csl="URL / custom.surrogate_url",
          biblatex="url / surrogateurl"),
    Field("surrogate.uploaded", DATE, "when the digital archive published it", csl="available-date",
          biblatex="surrogateuploaded"),
    Field("surrogate.accessed", DATE, "when you consulted it", csl="accessed / custom.surrogate_accessed",
          biblatex="urldate / surrogateaccessed"),
    Field("provenance", TABLE_LIST, "the chain of custody, one [[provenance]] table per event, in order"),
    Field("provenance.event", CHOICE, "what happened (see the table of events)", csl="custom.provenance",
          biblatex="provenance (+ addendum)", choices=tuple(PROVENANCE_EVENTS)),
    Field("provenance.by", NAMES, "who did it", csl="custom.provenance", biblatex="provenance"),
    Field("provenance.for", TEXT, "for whom or which project (\"NKIDP\")", csl="custom.provenance",
          biblatex="provenance"),
    Field("provenance.date", DATE, "when it happened", csl="custom.provenance", biblatex="provenance"),
    Field("provenance.note", TEXT, "anything else about the event", csl="custom.provenance", biblatex="provenance"),
    Field("funders", TEXT_LIST, "who funded the digitisation or translation", csl="custom.funders",
          biblatex="funders (+ addendum)"),
    Field("rights", TEXT, "rights statement, as printed", csl="custom.rights", biblatex="usera"),
    Field("license", TEXT, "licence (name, SPDX identifier or URL)", csl="custom.license", biblatex="userb"),
    Field("classification", TEXT, "the document's original security classification (\"Top Secret\")",
          csl="custom.classification", biblatex="userc"),
    Field("summary", TEXT, "summary or abstract", csl="abstract", biblatex="abstract"),
    Field("notes", TEXT, "free notes", csl="note", biblatex="annotation"),
)

FIELD_BY_KEY: dict[str, Field] = {f.key: f for f in FIELDS}


@cache
def fields_in(parent: str) -> tuple[Field, ...]:
    """The fields directly inside ``parent`` ("" = top level, "archive", "provenance", …), in table order."""
    return tuple(f for f in FIELDS if f.parent == parent)


def keys_in(parent: str) -> list[str]:
    """The keys allowed directly inside ``parent`` ("" = top level, "archive", "provenance", …)."""
    return [f.name for f in fields_in(parent)]
