"""citekit: citation and provenance manager for archival primary sources.

One hand-written TOML record per source (``records/<key>.toml``) becomes Chicago notes and bibliography
entries, BibTeX/BibLaTeX and CSL-JSON. The Python API is ``citekit.library``; the command line is
``citekit.cli``. Importing this package imports nothing else.
"""

__version__ = "0.1.0"

# the environment variable naming the records folder (here, so the CLI can name it without loading the library)
RECORDS_ENV = "CITEKIT_RECORDS"
