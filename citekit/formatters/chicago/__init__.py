"""citekit's own Chicago formatter (CMOS 18): one engine (``engine``), its variants as data
(``variants``), and one small style module per variant (``notes``, ``notes_place_first``, ``author_date``,
``author_date_place_first``) registered in ``citekit.formatters.styles``.

Pure, like every formatter: records in, text out; no I/O, no environment, no global configuration.
Importing it is cheap (standard library and citekit only).
"""
