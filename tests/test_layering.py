"""The layering of DESIGN.md §4: imports only point downward, and every module imports on its own."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "citekit"

# rank: a module may import only modules of lower or equal rank (equal: within the same layer)
RANKS = {
    "errors": 0, "locate": 0,
    "model": 1,
    "names": 2, "dates": 2, "archival": 2, "latex": 2,
    "schema": 3,
    "validate": 4,
    "toml_io": 5, "docs": 5, "bibfields": 5, "formatdocs": 5, "templates": 5, "toml_edit": 5,
    "formatters": 6, "importers": 6,
    "library": 7,
    "cli": 8, "dispatch": 8,
}
NO_IO_OR_UI = {"errors", "locate", "model", "names", "dates", "archival", "schema", "validate", "formatters",
               "templates", "toml_edit"}
FORBIDDEN_IN_PURE = {"typer", "click", "rich", "os", "subprocess", "socket", "urllib", "requests", "pathlib", "io"}


def modules():
    for path in sorted(PKG.rglob("*.py")):
        rel = path.relative_to(PKG.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts.pop()
        yield ".".join(parts), path


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def imports(path: Path, module: str) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
                if node.module is None:
                    found |= {f"{name}.{a.name}" for a in node.names}
                else:
                    found.add(name)
            else:
                found.add(node.module)
    return found


ALL = list(modules())


@pytest.mark.parametrize("module,path", ALL, ids=[m for m, _ in ALL])
def test_imports_point_downward(module, path):
    mine = layer(module)
    if not mine:
        return
    assert mine in RANKS, f"{module}: add its layer to RANKS"
    for name in imports(path, module):
        if not name.startswith("citekit.") or name == "citekit":
            if layer(module) in NO_IO_OR_UI:
                assert name.split(".")[0] not in FORBIDDEN_IN_PURE, f"{module} imports {name}: it must do no I/O"
            continue
        other = layer(name)
        assert other != "cli", f"{module} imports the CLI"
        assert RANKS[other] <= RANKS[mine], f"{module} (layer {mine}) imports {name} (layer {other}): upward"


@pytest.mark.parametrize("module", [m for m, _ in ALL])
def test_every_module_imports_alone(module):
    result = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True,
                            cwd=PKG.parent)
    assert result.returncode == 0, result.stderr


def test_model_imports_only_the_standard_library():
    mod = importlib.import_module("citekit.model")
    names = imports(Path(mod.__file__), "citekit.model")
    assert names <= {"__future__", "unicodedata", "dataclasses"}, names


def test_every_module_has_a_docstring():
    for module, path in ALL:
        assert ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))), f"{module} has no docstring"
