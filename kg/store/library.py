"""The query library: ``queries/*.rq`` with a header comment each.

Header lines (at the top, before the query)::

    # title: Office holders
    # description: Who holds which position, with the sentence that says so.
    # param: entity = wd:Q212   the entity to describe

A parameter appears in the query as ``$entity``; ``kg query --param entity=wd:Q183`` replaces it with a
validated term (see :func:`kg.store.sparql_text.term_for`), otherwise the default after ``=`` is used.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kg.errors import ConfigError, QueryError
from kg.store._store import PREFIXES
from kg.store.sparql_text import parameters_used, substitute


@dataclass(frozen=True)
class Parameter:
    name: str
    default: str
    description: str


@dataclass(frozen=True)
class LibraryQuery:
    name: str  # file stem, e.g. "office-holders"
    path: Path
    title: str
    description: str
    parameters: tuple[Parameter, ...]
    text: str  # the whole file, header included

    def render(self, values: Mapping[str, str] | None = None) -> str:
        """The query with parameters substituted (given values, else the defaults)."""
        values = dict(values or {})
        known = {p.name for p in self.parameters}
        unknown = sorted(set(values) - known)
        if unknown:
            have = ", ".join(sorted(known)) or "none"
            raise QueryError(
                f"{self.path.name}: unknown parameter(s) {', '.join(unknown)} (parameters: {have})"
            )
        merged = {p.name: values.get(p.name, p.default) for p in self.parameters}
        return substitute(self.text, merged, PREFIXES)

    def as_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "parameters": [
                {"name": p.name, "default": p.default, "description": p.description} for p in self.parameters
            ],
            "query": self.render(),
        }


_HEADER = re.compile(r"^#\s*(title|description|param)\s*:\s*(.*)$", re.IGNORECASE)
_PARAM = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(\S+)\s*(.*)$")


def parse_query_file(path: Path) -> LibraryQuery:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise QueryError(f"{path}: cannot read query: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise QueryError(f"{path}: cannot read query: not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    title = ""
    description: list[str] = []
    params: list[Parameter] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break
            continue
        match = _HEADER.match(stripped)
        if match is None:
            if description and stripped.lstrip("#").strip():  # continuation of the description
                description.append(stripped.lstrip("#").strip())
            continue
        key, value = match.group(1).lower(), match.group(2).strip()
        if key == "title":
            title = value
        elif key == "description":
            description.append(value)
        else:
            pm = _PARAM.match(value)
            if pm is None:
                raise QueryError(
                    f"{path}: bad parameter line {stripped!r} (want: # param: name = default  text)"
                )
            params.append(Parameter(pm.group(1), pm.group(2), pm.group(3).strip()))
    declared = {p.name for p in params}
    undeclared = parameters_used(text) - declared
    if undeclared:
        raise QueryError(f"{path}: ${', $'.join(sorted(undeclared))} used but not declared as # param:")
    return LibraryQuery(path.stem, path, title or path.stem, " ".join(description), tuple(params), text)


def queries_dir() -> Path:
    from kg.resources import project_dir

    return project_dir("queries")


def library(directory: Path | None = None) -> list[LibraryQuery]:
    """All queries of the library, by file name."""
    folder = directory or queries_dir()
    return [parse_query_file(p) for p in sorted(folder.glob("*.rq"))]


def find_query(name_or_path: str, directory: Path | None = None) -> LibraryQuery:
    """A library query by name (``office-holders``) or any ``.rq`` file by path."""
    candidate = Path(name_or_path)
    if candidate.suffix == ".rq" and candidate.is_file():
        return parse_query_file(candidate)
    if candidate.suffix == ".rq" and candidate.is_dir():
        raise QueryError(f"{name_or_path}: is a directory, not a query file")
    try:
        folder = directory or queries_dir()
    except ConfigError:
        folder = None
    if folder is not None:
        path = folder / f"{candidate.stem if candidate.suffix == '.rq' else name_or_path}.rq"
        if path.is_file():
            return parse_query_file(path)
    names = ", ".join(q.name for q in library(folder)) if folder is not None else "none found"
    raise QueryError(f"{name_or_path}: no such query file or library query (library: {names})")
