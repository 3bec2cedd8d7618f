"""What every importer returns: proposed record data for each entry it found, located in its source.

Importers produce the same dict a hand-written TOML record parses to, so the records they make go through
the same validation (``citekit.validate``) and get the same messages. Pure data; no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Diagnostic


@dataclass
class Imported:
    key: str  # the key proposed by the source (may be unsafe; the library makes it safe)
    data: dict  # record data, as a TOML record would parse to
    line: int = 1  # where the entry starts in the source
    diagnostics: list[Diagnostic] = field(default_factory=list)  # problems found while reading the entry
