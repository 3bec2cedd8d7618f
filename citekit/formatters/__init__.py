"""Formatters: pure functions from Records to text (citations, exports, record views).

A formatter takes model objects and options and returns strings or a neutral rich-text tree. It must not
read files, environment variables, global configuration or the network, and must not import typer.
"""


def series(items: list[str], comma_for_two: bool = False) -> str:
    """"A", "A and B", "A, B, and C": a list in running text, with the serial comma (CMOS 6.19).
    ``comma_for_two`` gives "A, and B" (inverted first names in a bibliography: "Smith, John, and Jane Doe")."""
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]}{',' if comma_for_two else ''} and {items[1]}"
    return ", ".join(items[:-1]) + ", and " + items[-1]
