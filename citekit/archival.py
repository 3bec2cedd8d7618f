"""Archival hierarchies: the level vocabulary of each tradition, and a parser for references as printed.

``LEVELS`` is the one table of level kinds (fond, opis, delo, list, box, folder, record group, …) with the
label Chicago prints for each and the words by which printed references name them (Latin and Cyrillic).
``parse_reference`` turns "RGASPI F.17 op. 162, d. 20 l. 99" into a repository abbreviation and levels;
what it cannot read it returns in ``unparsed`` so the caller can warn and keep the printed text.
``format_levels`` writes levels back in the normal form "f. 17, op. 162, d. 20, l. 99".

Pure functions only: no I/O, nothing above ``citekit.model`` imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Level


@dataclass(frozen=True)
class LevelKind:
    key: str
    label: str  # printed before the value ("f. 17") or after it when ``label_after`` ("4. doboz")
    plural: str = ""  # label for a range of values ("ll. 71–74")
    label_after: bool = False
    tradition: str = ""
    doc: str = ""
    words: tuple[str, ...] = ()  # lower-case spellings found in printed references (without the dot)


LEVELS: dict[str, LevelKind] = {
    k.key: k
    for k in (
        LevelKind("fond", "f.", "ff.", tradition="Russian/Soviet", doc="fond (collection of a creating body)",
                  words=("f", "fond", "fonds", "ф", "фонд")),
        LevelKind("opis", "op.", "opp.", tradition="Russian/Soviet", doc="opis (inventory within a fond)",
                  words=("op", "opis", "opis'", "оп", "опись", "опис")),
        LevelKind("delo", "d.", "dd.", tradition="Russian/Soviet", doc="delo (file)",
                  words=("d", "delo", "dela", "д", "дело")),
        LevelKind("sprava", "spr.", "sprs.", tradition="Ukrainian", doc="sprava (file; Ukrainian for delo)",
                  words=("spr", "sprava", "спр", "справа")),
        LevelKind("list", "l.", "ll.", tradition="Russian/Soviet", doc="list (leaf; verso written 99ob.)",
                  words=("l", "ll", "list", "listy", "л", "лл", "лист", "листы", "листи")),
        LevelKind("arkush", "ark.", "ark.", tradition="Ukrainian", doc="arkush (leaf; Ukrainian for list)",
                  words=("ark", "arkush", "арк", "аркуш", "аркуші")),
        LevelKind("record_group", "RG", "RGs", tradition="US", doc="record group (US National Archives)",
                  words=("rg", "record group")),
        LevelKind("entry", "entry", "entries", tradition="US", doc="entry (series within a record group)",
                  words=("entry", "e")),
        LevelKind("series", "series", "series", doc="series", words=("series", "ser")),
        LevelKind("subseries", "subseries", "subseries", doc="subseries", words=("subseries",)),
        LevelKind("box", "box", "boxes", doc="box", words=("box", "bx", "boxes")),
        LevelKind("doboz", "doboz", "doboz", label_after=True, tradition="Hungarian", doc="doboz (box)",
                  words=("doboz",)),
        LevelKind("folder", "folder", "folders", doc="folder", words=("folder", "fldr", "folders")),
        LevelKind("file", "file", "files", doc="file", words=("file",)),
        LevelKind("reel", "reel", "reels", doc="microfilm reel", words=("reel", "reels")),
        LevelKind("item", "item", "items", doc="item", words=("item",)),
        LevelKind("jelzet", "", tradition="Hungarian", doc="jelzet: the reference code of a Hungarian fonds "
                  "(XIX-J-1-j), printed as it is"),
        LevelKind("group", "", doc="a named group of files within a fonds (the Korea files of a Hungarian fonds), "
                  "printed as it is"),
        LevelKind("tetel", "", tradition="Hungarian", doc="tétel (file of the registry plan, 5/a; printed "
                  "without a label, after the doboz)", words=("tétel", "tetel")),
        LevelKind("registry_number", "", doc="registry number of one document (Hungarian iktatószám "
                  "004076/1955), printed as it is"),
        LevelKind("collection", "", doc="named collection or papers (printed without a label)"),
        LevelKind("class", "", tradition="UK", doc='UK class, e.g. "FO 371" (printed as FO 371/12345)'),
        LevelKind("piece", "", tradition="UK", doc="UK piece within a class"),
        LevelKind("call_number", "", doc="call number or file number, printed as it is (106-01403-02)"),
        LevelKind("volume", "vol.", "vols.", doc="volume", words=("vol", "volume", "t", "том")),
        LevelKind("folio", "fol.", "fols.", doc="folio", words=("fol", "folio", "fols")),
        LevelKind("page", "p.", "pp.", doc="page", words=("p", "pp", "page", "pages")),
        LevelKind("number", "no.", "nos.", doc="number", words=("no", "nos", "number", "№", "nº")),
    )
}

WORDS: dict[str, str] = {w: k.key for k in LEVELS.values() for w in k.words}
# the order of Russian levels: an opis belongs to a fond, a delo to an opis, a list to a delo
RUSSIAN_ORDER = ("fond", "opis", "delo", "list")


@dataclass(frozen=True)
class ParsedReference:
    repository: str = ""  # leading abbreviation ("RGASPI"), or "" when none was printed
    levels: tuple[Level, ...] = ()
    unparsed: tuple[str, ...] = ()  # segments of the printed text that name no known level

    @property
    def complete(self) -> bool:
        return not self.unparsed


_NUM = r"(?:[A-ZР]-?)?\d[\w\-–/.]*?(?:\s*(?:ob|об)\.?)?"
_WORD = r"[^\W\d_]+(?:\s(?:group))?"
_PAIR = re.compile(rf"(?P<word>{_WORD}|№|Nº)\.?\s*(?P<value>{_NUM})(?=$|[\s,;:])", re.I)
_AFTER = re.compile(r"(?P<value>\d+)\.\s*(?P<word>doboz)\b", re.I)
_HU_FOND = re.compile(r"^(?P<fond>[IVXL]+-[A-Z](?:-\d+)*(?:-[a-z])?)(?:\s+(?P<series>.+))?$")
_UK = re.compile(r"^(?P<cls>[A-Z]{1,4}\s?\d+)/(?P<piece>\d+\w*)$")
_ENTRY = re.compile(r"(?i:entry)\s+(?P<value>[A-Z]{1,3}[\w-]*\s+\d+\w*)")
_LEAF_LEVELS = ("list", "arkush", "folio", "page")
_REPO = re.compile(r"^(?P<repo>(?:[A-ZА-ЯЁ][A-ZА-ЯЁ&]{1,}\s?)+?)(?:[:,.]\s*|\s+(?=\S))")  # "RGASPI", "РГАСПИ."


def _clean_value(value: str) -> str:
    value = value.strip().rstrip(".,;")
    value = re.sub(r"\s*(?:ob|об)\.?$", "ob.", value)  # "99 ob." -> "99ob."
    value = re.sub(r"\s*/\s*", "/", value)
    return re.sub(r"^(\d+)\s*-\s*(\d+)", r"\1–\2", value)


def parse_reference(text: str) -> ParsedReference:
    """Read a printed archival reference into levels. Never raises; unreadable parts go to ``unparsed``."""
    text = " ".join(text.replace("\u00a0", " ").split()).strip().strip("[]").rstrip(".")
    if not text:
        return ParsedReference()
    repo = ""
    m = _REPO.match(text)
    if m and m["repo"].strip().lower() not in WORDS and not _UK.match(text):
        repo, text = m["repo"].strip(), text[m.end():]
        *head, last = repo.split()
        if head and _UK.match(last + " " + re.split(r"[,;]", text)[0].strip()):
            repo, text = " ".join(head), last + " " + text  # "TNA FO 371/12345": FO is the class
    levels: list[Level] = []
    unparsed: list[str] = []
    for segment in (s.strip() for s in re.split(r"[,;]", text)):
        if not segment:
            continue
        if uk := _UK.match(segment):
            levels += [Level("class", uk["cls"]), Level("piece", uk["piece"])]
            continue
        if not levels and not unparsed and not repo and not re.search(r"\d", segment):
            repo = segment  # a repository named in full before the levels
            continue
        if (hu := _HU_FOND.match(segment)) and not levels:
            levels.append(Level("jelzet", hu["fond"]))
            if hu["series"]:  # the subject files within the fonds ("Korea"), named without a label
                levels.append(Level("group", hu["series"]))
            continue
        if after := _AFTER.fullmatch(segment):
            levels.append(Level("doboz", after["value"]))
            continue
        kinds = [lv.kind for lv in levels]
        if "doboz" in kinds and kinds[-1] in ("doboz", "tetel"):  # Hungarian: "4. doboz, 5/a, 004076/ 1955"
            if re.fullmatch(r"\d+(?:/[a-z])?", segment) and kinds[-1] == "doboz":
                levels.append(Level("tetel", segment))
                continue
            if re.fullmatch(r"\d+\s*/\s*\d{4}", segment):
                levels.append(Level("registry_number", _clean_value(segment)))
                continue
        if entry := _ENTRY.fullmatch(segment):  # NARA "Entry A1 5", "Entry UD-07D 2"
            levels.append(Level("entry", entry["value"]))
            continue
        if re.fullmatch(_NUM, segment) and kinds and kinds[-1] in _LEAF_LEVELS:
            levels[-1] = Level(kinds[-1], f"{levels[-1].value}, {_clean_value(segment)}")  # "ll. 5, 7"
            continue
        pos, found = 0, []
        for pair in _PAIR.finditer(segment):
            kind = WORDS.get(pair["word"].lower())
            if kind is None or segment[pos:pair.start()].strip():
                break
            found.append(Level(kind, _clean_value(pair["value"])))
            pos = pair.end()
        if found and not segment[pos:].strip():
            levels += found
        elif re.fullmatch(r"\d{2,4}(?:-\d{2,6}){1,3}", segment):  # Chinese archive file number
            levels.append(Level("call_number", segment))
        elif re.fullmatch(r"\d+(?:[-–]\d+)?", segment) and levels and levels[-1].kind == "call_number":
            levels.append(Level("page", _clean_value(segment)))
        else:
            unparsed.append(segment)
    return ParsedReference(repository=repo, levels=tuple(levels), unparsed=tuple(unparsed))


_RANGE = re.compile(r"^(\d+\w*)\s*-\s*(\d+\w*)$")


def is_plural(value: str) -> bool:
    return bool(re.search(r"\d(?:ob\.|об\.)?\s*[-–,]\s*\d", value))


def format_level(level: Level) -> str:
    """One level with its tradition's label: "f. 17", "ll. 71–74", "4. doboz"."""
    kind = LEVELS.get(level.kind)
    if kind is None or not kind.label:
        return level.value
    value = level.value
    plural = kind.plural and is_plural(value)
    if plural:  # a range of numbered units takes an en dash (CMOS 6.83): "ll. 71–74"
        value = _RANGE.sub("\\1–\\2", value)
    label = kind.plural if plural else kind.label
    return f"{value}. {label}" if kind.label_after else f"{label} {value}"


def format_levels(levels: tuple[Level, ...] | list[Level]) -> str:
    """"f. 17, op. 162, d. 20, l. 99"; a UK class and piece as "FO 371/12345"."""
    out: list[str] = []
    for lv in levels:
        if lv.kind == "piece" and out:
            out[-1] += "/" + lv.value
        else:
            out.append(format_level(lv))
    return ", ".join(out)
