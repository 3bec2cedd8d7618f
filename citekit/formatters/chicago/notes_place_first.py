"""The ``chicago-notes-place-first`` style: see ``variants.VARIANTS["chicago-notes-place-first"]``.

Declarations only: no logic, no I/O."""

from .api import make

_style = make("chicago-notes-place-first")
FORMS = _style.FORMS
MARKUPS = _style.MARKUPS
cite = _style.cite
cite_all = _style.cite_all
bibliography = _style.bibliography
document = _style.document
