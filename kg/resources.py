"""Where the project's data folders are: the source tree (editable install) or ``<prefix>/share/kg``."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from kg.errors import ConfigError

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent


def project_dirs(name: str, *, env: str | None = None) -> list[Path]:
    """The places looked in for the folder ``name``, in order: ``$env`` if set, the repository root
    (source checkout, editable install), inside the package, ``sys.prefix/share/kg`` (data files)."""
    candidates = [Path(os.environ[env])] if env and os.environ.get(env) else []
    candidates += [REPO_ROOT / name, PACKAGE_DIR / name, Path(sys.prefix) / "share" / "kg" / name]
    return candidates


def project_dir(name: str, *, env: str | None = None, required: Sequence[str] = ()) -> Path:
    """``ontology`` or ``queries``: the first of :func:`project_dirs` that holds the ``required`` files."""
    candidates = project_dirs(name, env=env)
    for candidate in candidates:
        if candidate.is_dir() and all((candidate / f).is_file() for f in required):
            return candidate
    wanted = f" ({', '.join(required)})" if required else ""
    looked = ", ".join(str(c) for c in candidates)
    raise ConfigError(f"cannot find the {name}/ folder of kg{wanted}; looked in {looked}")
