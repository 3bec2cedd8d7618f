"""Generate N varied, valid citekit records (``<key>.toml``) for the benchmark.

Every record type of the field table (``citekit.schema.TYPES``) appears, archival documents most often
(they are what citekit users cite most), with the features that make citations expensive or tricky:
several authors, editors and translators, particles, family-name-first and CJK names, organisations,
exact and partial dates, Russian, US, UK, Hungarian and Chinese archival references (as levels or only as
printed), digital-archive surrogates, provenance chains, funders, rights and classification.

Deterministic: the same N and seed give the same files. Usage:

    python bench/generate.py FOLDER N [--seed S]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from citekit import schema

GIVEN = ["Anna", "Boris", "Charles", "Dmitri", "Elena", "Frank", "Gary", "Helen", "Ivan", "James", "Katalin",
         "László", "Maria", "Nikolai", "Odd Arne", "Pál", "Sergey", "Tatiana", "Vladislav", "Wang", "Yuri"]
FAMILY = ["Goldberg", "Hasanli", "Person", "Radchenko", "Westad", "Szalontai", "Kraus", "Khlevniuk",
          "Zubok", "Gaddis", "Leffler", "Mastny", "Weathersby", "Shen", "Chen", "Lüthi", "Ostermann",
          "Békés", "Kramer", "Fursenko", "Naftali", "Taubman", "Pechatnov", "Schecter"]
PARTICLES = [("Ludwig", "van", "Beethoven"), ("Bartolomé", "de las", "Casas"), ("Charles", "de", "Gaulle"),
             ("Alexander", "von", "Humboldt")]
FAMILY_FIRST = [("Mao", "Zedong"), ("Ma", "Zhongying"), ("Kim", "Il Sung"), ("Zhou", "Enlai"),
                ("Deng", "Xiaoping"), ("Pak", "Hon-yong")]
CJK = ["毛泽东", "周恩来", "金日成", "朴憲永"]
ORGS = ["Chinese Embassy in North Korea", "Soviet Embassy in Pyongyang", "CPSU Central Committee",
        "Hungarian Foreign Ministry", "US Department of State", "Politburo of the CC VKP(b)"]
WORDS = ["Peace", "Settlement", "Alliance", "Treaty", "Negotiations", "Crisis", "Border", "Embassy", "Frontier",
         "Revolution", "Cooperation", "Friendship", "Conflict", "Delegation", "Economic", "Military", "Aid",
         "Reconstruction", "Question", "Relations", "Policy", "Memory", "Empire", "Archives", "Socialism"]
PLACES = ["Kashgar", "Pyongyang", "Beijing", "Moscow", "Budapest", "Warsaw", "Hanoi", "Berlin", "Urumqi"]
GENRES = ["decision", "memorandum", "telegram", "report", "minutes", "record of conversation", "cable", "letter"]
PUBLISHERS = [("Yale University Press", "New Haven"), ("Stanford University Press", "Stanford, CA"),
              ("Woodrow Wilson Center Press", "Washington, DC"), ("Cambridge University Press", "Cambridge"),
              ("Harvard University Press", "Cambridge, MA"), ("Routledge", "London")]
JOURNALS = ["Diplomatic History", "Cold War History", "Journal of Cold War Studies", "Kritika",
            "The China Quarterly", "Europe-Asia Studies"]
NEWSPAPERS = ["New York Times", "Pravda", "Renmin Ribao", "The Times"]
MAGAZINES = ["Time", "Ogonyok", "The Atlantic"]
DIGITAL_ARCHIVE = ("History and Public Policy Program Digital Archive", "Wilson Center")
FUNDERS = ["MacArthur Foundation", "Leon Levy Foundation", "Kyungnam University", "Henry Luce Foundation"]
RIGHTS = ("The History and Public Policy Program welcomes reuse of Digital Archive materials for research and "
          "educational purposes.")


def _s(text: str) -> str:
    """A TOML basic string (JSON's escapes are all valid TOML escapes)."""
    return json.dumps(text, ensure_ascii=False)


def _list(values: list[str]) -> str:
    return "[" + ", ".join(values) + "]"


class _Gen:
    def __init__(self, seed: int):
        self.r = random.Random(seed)

    def pick(self, seq):
        return self.r.choice(seq)

    def person(self) -> str:
        """A name as a record writes it: a string, or an inline table for what text cannot say."""
        k = self.r.random()
        if k < 0.70:
            return _s(f"{self.pick(GIVEN)} {self.pick(FAMILY)}")
        if k < 0.78:
            given, particle, family = self.pick(PARTICLES)
            return _s(f"{given} {particle} {family}")
        if k < 0.88:
            family, given = self.pick(FAMILY_FIRST)
            return f"{{ family = {_s(family)}, given = {_s(given)}, family_first = true }}"
        if k < 0.93:
            return _s(self.pick(CJK))
        return _s(f"{self.pick(FAMILY)}, {self.pick(GIVEN)}")

    def people(self, most: int = 3) -> str:
        return _list([self.person() for _ in range(self.r.randint(1, most))])

    def org(self) -> str:
        return f"{{ literal = {_s(self.pick(ORGS))} }}"

    def title(self, words: int = 5) -> str:
        ws = self.r.sample(WORDS, self.r.randint(2, words))
        head = " ".join(ws)
        if self.r.random() < 0.3:
            head += f": The {self.pick(WORDS)} of {self.pick(PLACES)}, {self.r.randint(1917, 1990)}"
        return head

    def date(self, lo: int = 1917, hi: int = 1991) -> str:
        y = self.r.randint(lo, hi)
        k = self.r.random()
        if k < 0.6:
            return f"{y}-{self.r.randint(1, 12):02d}-{self.r.randint(1, 28):02d}"
        if k < 0.75:
            return _s(f"{y}-{self.r.randint(1, 12):02d}")
        if k < 0.9:
            return str(y)
        return _s(f"ca. {y}")

    def isbn(self) -> str:
        """A well-formed ISBN-13 (its check digit right)."""
        digits = f"9780{self.r.randint(100, 999)}{self.r.randint(10000, 99999)}"
        check = (10 - sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits)) % 10) % 10
        return f"{digits[:3]}-{digits[3]}-{digits[4:7]}-{digits[7:]}-{check}"

    def day(self, lo: int, hi: int) -> str:
        """An exact date, as a TOML date."""
        return f"{self.r.randint(lo, hi)}-{self.r.randint(1, 12):02d}-{self.r.randint(1, 28):02d}"

    def archive(self) -> list[str]:
        """An [archive] table in one of the traditions citekit knows."""
        k = self.r.randrange(6)
        f, op, d, leaf = (self.r.randint(1, 600), self.r.randint(1, 200), self.r.randint(1, 900),
                          self.r.randint(1, 300))
        if k == 0:  # Russian, levels given
            return ["[archive]", 'abbreviation = "RGASPI"', f'reference = "RGASPI F.{f} op. {op}, d. {d} l. {leaf}"',
                    f'levels = {{ fond = "{f}", opis = "{op}", delo = "{d}", list = "{leaf}" }}']
        if k == 1:  # Russian, only as printed: parsed on loading
            return ["[archive]", 'abbreviation = "RGANI"',
                    f'reference = "RGANI, Fond {f}, Opis {op}, Delo {d}, Listy {leaf}-{leaf + 3}."']
        if k == 2:  # US presidential library: collection, series, box, folder
            return ["[archive]", 'name = "Franklin D. Roosevelt Presidential Library"', 'place = "Hyde Park, NY"',
                    f'levels = {{ collection = "President\'s Secretary\'s File", series = "Safe Files", '
                    f'box = "{self.r.randint(1, 40)}", folder = {_s(self.pick(FAMILY))} }}']
        if k == 3:  # US National Archives
            return ["[archive]", 'name = "National Archives and Records Administration"', 'abbreviation = "NARA"',
                    'place = "College Park, MD"',
                    f'levels = {{ record_group = "{self.r.randint(1, 500)}", entry = "{self.r.randint(1, 9000)}", '
                    f'box = "{self.r.randint(1, 99)}" }}']
        if k == 4:  # Hungarian
            return ["[archive]", 'abbreviation = "MOL"',
                    f'reference = "MOL, XIX-J-1-j Korea, {self.r.randint(1, 20)}. doboz, 5/a, 00{d}/1955."',
                    f'levels = {{ jelzet = "XIX-J-1-j", group = "Korea", doboz = "{self.r.randint(1, 20)}", '
                    f'tetel = "5/a", registry_number = "00{d}/1955" }}']
        return ["[archive]", 'abbreviation = "PRC FMA"',  # Chinese file number, printed as it is
                f'reference = "PRC FMA 106-{self.r.randint(10000, 99999):05d}-{self.r.randint(1, 20):02d}, {leaf}."',
                f'levels = {{ call_number = "106-{self.r.randint(10000, 99999):05d}-02", page = "{leaf}" }}']

    def surrogate(self, i: int) -> list[str]:
        name, publisher = DIGITAL_ARCHIVE
        out = ["[surrogate]", f"name = {_s(name)}", f"publisher = {_s(publisher)}"]
        if self.r.random() < 0.7:
            out.append(f'record_id = "{100000 + i}"')
        out.append(f'url = "https://digitalarchive.wilsoncenter.org/document/{100000 + i}"')
        if self.r.random() < 0.5:
            out.append(f"uploaded = {self.day(2005, 2024)}")
        return out

    def provenance(self) -> list[str]:
        out = []
        if self.r.random() < 0.5:
            out += ["[[provenance]]", 'event = "obtained"', f"by = {self.people(1)}"]
        out += ["[[provenance]]", 'event = "translated"', f"by = {self.people(2)}"]
        if self.r.random() < 0.3:
            out[-1:] = [out[-1], 'for = "NKIDP"']
        if self.r.random() < 0.2:
            out += ["[[provenance]]", 'event = "declassified"', f"date = {self.r.randint(1991, 2015)}-01-01"]
        return out


def _publisher(g: _Gen) -> list[str]:
    publisher, place = g.pick(PUBLISHERS)
    return [f"publisher = {_s(publisher)}", f"publisher_place = {_s(place)}"]


def record_text(rtype: str, i: int, g: _Gen) -> str:
    """The TOML text of record number ``i``, of type ``rtype``."""
    head = [f"# Benchmark record {i} ({rtype}).", f"type = {_s(rtype)}"]
    body: list[str] = []
    tables: list[str] = []
    title = g.title()
    if rtype == "archival-document":
        genre = g.pick(GENRES)
        descriptive = g.r.random() < 0.4
        if descriptive:
            title = f"{genre.capitalize()} from the {g.pick(ORGS)} to the {g.pick(ORGS)}"
        body += [f"genre = {_s(genre)}", f"title = {_s(title)}"]
        if descriptive:
            body += ["title_is_descriptive = true", f"short_title = {_s(title.split(' to the ')[0])}"]
        k = g.r.random()
        if k < 0.45:
            body.append(f"author = {g.people(2)}")
        elif k < 0.75:
            body.append(f"author = [{g.org()}]")
        if g.r.random() < 0.4:
            body.append(f"recipient = [{g.person()}]")
        body += [f"date = {g.date()}", 'language = "en"', f"original_language = {_s(g.pick(['ru', 'zh', 'hu', 'ko']))}"]
        if g.r.random() < 0.5:
            body.append(f"funders = [{_s(g.pick(FUNDERS))}]")
        if g.r.random() < 0.4:
            body.append(f"rights = {_s(RIGHTS)}")
        if g.r.random() < 0.3:
            body.append(f"classification = {_s(g.pick(['Top Secret', 'Secret', 'Confidential']))}")
        if g.r.random() < 0.5:
            body.append(f"summary = {_s(' '.join(g.r.sample(WORDS, 12)) + '.')}")
        tables += g.archive()
        if g.r.random() < 0.8:
            tables += g.surrogate(i) + g.provenance()
    elif rtype == "letter":
        body += [f"author = [{g.person()}]", f"recipient = [{g.person()}]", f"date = {g.date()}"]
        if g.r.random() < 0.5:
            body.append(f"place = {_s(g.pick(PLACES))}")
        tables += g.archive()
    elif rtype == "interview":
        body += [f"title = {_s('Interview on the ' + title)}", f"author = [{g.person()}]",
                 f"interviewer = [{g.person()}]", f"date = {g.date(1960, 2020)}", f"place = {_s(g.pick(PLACES))}",
                 'medium = "audio recording"']
    elif rtype in ("book", "document-collection", "edited-volume"):
        body += [f"title = {_s(title)}", f"short_title = {_s(title.split(':')[0])}"]
        if rtype == "book":
            body.append(f"author = {g.people(3)}")
            if g.r.random() < 0.3:
                body += [f"translator = [{g.person()}]", 'original_language = "ru"']
        elif rtype == "edited-volume":
            body.append(f"editor = {g.people(3)}")
        else:
            body += [f"compiler = {g.people(2)}", f"editor = [{g.person()}]"]
        body += [f"date = {g.r.randint(1950, 2024)}"] + _publisher(g)
        if g.r.random() < 0.3:
            body += ['series = "Cold War International History Project Series"',
                     f'number_of_volumes = "{g.r.randint(2, 5)}"' if g.r.random() < 0.3 else 'edition = "2"']
        if g.r.random() < 0.5:
            body.append(f'isbn = "{g.isbn()}"')
    elif rtype == "chapter":
        body += [f"title = {_s(title)}", f"author = {g.people(2)}", f"editor = {g.people(2)}",
                 f"container_title = {_s(g.title(4))}", f'pages = "{(p := g.r.randint(1, 400))}–{p + 25}"',
                 f"date = {g.r.randint(1950, 2024)}"] + _publisher(g)
    elif rtype.startswith("article-"):
        container = {"article-journal": JOURNALS, "article-newspaper": NEWSPAPERS}.get(rtype, MAGAZINES)
        body += [f"title = {_s(title)}", f"container_title = {_s(g.pick(container))}"]
        body.append(f"author = {g.people(3)}" if g.r.random() < 0.85 else "")
        if rtype == "article-journal":
            body += [f'volume = "{g.r.randint(1, 60)}"', f'issue = "{g.r.randint(1, 4)}"',
                     f'pages = "{(p := g.r.randint(1, 700))}–{p + 30}"', f"date = {g.r.randint(1950, 2024)}"]
            if g.r.random() < 0.6:
                body.append(f'doi = "10.{g.r.randint(1000, 9999)}/{g.r.randint(100000, 999999)}"')
        else:
            body.append(f"date = {g.date(1945, 2024)}")
            if g.r.random() < 0.5:
                body.append(f'url = "https://example.org/{rtype}/{i}"')
    elif rtype == "thesis":
        body += [f"title = {_s(title)}", f"author = [{g.person()}]", 'genre = "PhD diss."',
                 f"publisher = {_s(g.pick(['Yale University', 'University of Chicago', 'Leiden University']))}",
                 f"date = {g.r.randint(1960, 2024)}"]
    elif rtype == "report":
        body += [f"title = {_s(title)}", f"author = [{g.org()}]", f'number = "{g.r.randint(1, 99)}"',
                 f"date = {g.r.randint(1950, 2024)}", 'series = "CWIHP Working Paper"'] + _publisher(g)[:1]
    elif rtype == "webpage":
        body += [f"title = {_s(title)}", f"container_title = {_s('Wilson Center Digital Archive')}",
                 f'url = "https://example.org/page/{i}"', f"accessed = {g.day(2015, 2025)}"]
        if g.r.random() < 0.5:
            body.append(f"author = [{g.person()}]")
    else:  # a type added to the field table after this generator was written: the fields every type has
        body += [f"title = {_s(title)}", f"author = [{g.person()}]", f"date = {g.date()}"]
    lines = head + [b for b in body if b]
    if tables:
        lines += [""] + tables
    return "\n".join(lines) + "\n"


def _weights() -> list[tuple[str, float]]:
    """Record types and their shares: archival documents most, every type of the field table present."""
    types = list(schema.TYPES)
    return [(t, 6.0 if t == "archival-document" else 2.0 if t in ("letter", "book") else 1.0) for t in types]


def generate(folder: Path, n: int, seed: int = 1) -> list[str]:
    """Write ``n`` records into ``folder`` (created if needed); return their keys in order."""
    folder.mkdir(parents=True, exist_ok=True)
    g = _Gen(seed)
    weights = _weights()
    types = [t for t, _ in weights]
    # the first records take each type once, so that every type is present for any n >= number of types
    order = types + g.r.choices(types, weights=[w for _, w in weights], k=max(0, n - len(types)))
    keys = []
    for i, rtype in enumerate(order[:n]):
        key = f"{rtype.split('-')[0]}-{i:05d}"
        (folder / f"{key}.toml").write_text(record_text(rtype, i, g), encoding="utf-8")
        keys.append(key)
    return keys


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    keys = generate(args.folder, args.n, args.seed)
    print(f"{len(keys)} records in {args.folder}")


if __name__ == "__main__":
    main()
