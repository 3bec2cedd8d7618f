"""citekit's own Chicago formatter (CMOS 18): one engine (``engine``), its variants as data
(``variants``), and ``api.style(name)``, the style interface for each variant, which
``citekit.formatters.styles`` registers by name.

Pure, like every formatter: records in, text out; no I/O, no environment, no global configuration.
Importing it is cheap (standard library and citekit only).
"""
