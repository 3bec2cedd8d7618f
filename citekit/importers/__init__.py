"""Importers: turn other formats (BibTeX, CSL-JSON, Digital Archive pages) into record data.

An importer reads text it is given and returns record data plus located diagnostics; writing record files
is ``citekit.toml_io``'s job. Importers must not import typer or a formatter.
"""
