"""Where the project's data folders are: the source tree (editable install) or ``<prefix>/share/kg``."""

from __future__ import annotations

import sys
from pathlib import Path

from kg.errors import ConfigError

REPO_ROOT = Path(__file__).resolve().parent.parent


def project_dir(name: str) -> Path:
    """``ontology`` or ``queries``: next to the package in a checkout, else installed as data files."""
    for candidate in (REPO_ROOT / name, Path(sys.prefix) / "share" / "kg" / name):
        if candidate.is_dir():
            return candidate
    looked = f"{REPO_ROOT} and {sys.prefix}/share/kg"
    raise ConfigError(f"cannot find the {name}/ folder of kg (looked in {looked})")
