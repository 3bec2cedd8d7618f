"""Call a command of the typer app directly, for the plain command lines editors and Makefiles run.

Typer builds a pydantic validator for every parameter of the command it runs, which costs about 0.1 s
at each call: more than everything else ``citekit cite KEY`` does. :func:`run_plainly` reads the command's
own declarations (the ``typer.Option``/``typer.Argument`` annotations in ``citekit.cli``), parses a command
line that only uses strings, paths, flags and lists of them, and calls the command function itself.
Anything else (help, an unknown or malformed option, a missing argument, a path of the wrong kind, a
callback, a type it does not know) is left to typer, which gives its usual messages: this module never
reports a usage error itself and never changes what a command does.

It must not hold command logic, import citekit's library, or print.
"""

from __future__ import annotations

import os
import types
import typing
from pathlib import Path
from typing import Any

import typer
from typer.models import ArgumentInfo, OptionInfo
from typer.utils import get_params_from_function

_PLAIN = (str, Path, bool)


class _NotPlain(Exception):
    """The command line needs typer's own parsing."""


def _command(app: typer.Typer, argv: list[str]) -> Any:
    if app.registered_callback is not None or app.registered_groups:
        raise _NotPlain
    for info in app.registered_commands:
        if info.callback and (info.name or typer.main.get_command_name(info.callback.__name__)) == argv[0]:
            if info.context_settings or (info.no_args_is_help and len(argv) == 1) or info.deprecated:
                raise _NotPlain
            return info.callback
    raise _NotPlain


def _base(annotation: Any) -> tuple[type, bool]:
    """(type of one value, whether the parameter takes a list) for the annotations handled here."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) != 1:
            raise _NotPlain
        annotation = args[0]
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation)
        if item not in (str, Path):
            raise _NotPlain
        return item, True
    if annotation not in _PLAIN:
        raise _NotPlain
    return annotation, False


def _check_path(info: Any, value: str) -> None:
    """Paths typer would refuse go back to typer, so that it reports them in its words."""
    if info.resolve_path or info.writable or info.allow_dash or not info.readable:
        raise _NotPlain
    p = Path(value)
    if (info.exists and not p.exists()) or (not info.file_okay and p.is_file()) or (not info.dir_okay and p.is_dir()):
        raise _NotPlain


def _parameters(callback: Any) -> list[tuple[str, type, bool, Any, Any]]:
    """(name, value type, is a list, typer info, default) for each parameter of the command, read as
    typer reads them."""
    out = []
    for name, meta in get_params_from_function(callback).items():
        info = meta.default
        if not isinstance(info, OptionInfo | ArgumentInfo):
            raise _NotPlain
        if (info.callback or info.is_eager or info.parser or info.default_factory or not info.expose_value
                or (isinstance(info, OptionInfo) and (info.prompt or info.count or not info.param_decls))):
            raise _NotPlain
        kind, many = _base(meta.annotation)
        out.append((name, kind, many, info, info.default))
    return out


def _parse(params: list, argv: list[str]) -> dict[str, Any]:
    options: dict[str, tuple] = {}
    for p in params:
        if isinstance(p[3], OptionInfo):
            for decl in p[3].param_decls:
                if "/" in decl or not decl.startswith("-"):
                    raise _NotPlain
                options[decl] = p
    arguments = [p for p in params if isinstance(p[3], ArgumentInfo)]
    if any(many for _, _, many, _, _ in arguments[:-1]):
        raise _NotPlain
    given: dict[str, Any] = {}
    positional: list[str] = []
    i = 0
    while i < len(argv):
        token = argv[i]
        i += 1
        if token == "--":
            positional += argv[i:]
            break
        if token.startswith("-") and token != "-":
            flag, eq, inline = token.partition("=")
            if flag not in options:
                raise _NotPlain
            name, kind, many, info, _ = options[flag]
            if kind is bool:
                if eq:
                    raise _NotPlain
                given[name] = True
                continue
            if not eq:
                if i >= len(argv):
                    raise _NotPlain
                inline = argv[i]
                i += 1
            if many:
                given.setdefault(name, []).append(inline)
            else:
                given[name] = inline
        else:
            positional.append(token)
    for name, _, many, _, _ in arguments:
        if many:
            given[name], positional = positional, []
        elif positional:
            given[name] = positional.pop(0)
    if positional:
        raise _NotPlain
    return given


def _values(params: list, given: dict[str, Any]) -> dict[str, Any]:
    kwargs = {}
    for name, kind, many, info, default in params:
        value = given.get(name)
        if value is None and isinstance(info, OptionInfo) and info.envvar:
            if not isinstance(info.envvar, str) or kind is bool:
                raise _NotPlain
            value = os.environ.get(info.envvar) or None
            if value is not None and many:
                value = value.split()
        if value is None or value == []:
            if default is ...:
                raise _NotPlain  # a required parameter is missing: typer says so
            kwargs[name] = default
            continue
        if kind is Path:
            for v in value if many else [value]:
                _check_path(info, v)
            value = [Path(v) for v in value] if many else Path(value)
        kwargs[name] = value
    return kwargs


def run_plainly(app: typer.Typer, argv: list[str]) -> int | None:
    """Run ``argv`` (without the program name) by calling the command function, and return its exit
    status; or return None, having done nothing, when the command line needs typer."""
    if not argv or any(a in ("-h", "--help") for a in argv[: argv.index("--") if "--" in argv else None]):
        return None
    try:
        callback = _command(app, argv)
        params = _parameters(callback)
        kwargs = _values(params, _parse(params, argv[1:]))
    except (_NotPlain, TypeError, ValueError, NameError):
        return None
    try:
        callback(**kwargs)
    except typer.Exit as e:
        return e.exit_code
    return 0
