"""Where ``ontology/`` (kg.ttl, shapes.ttl) is: next to the package in a source checkout or editable
install, else under ``sys.prefix/share/kg/ontology``; ``KG_ONTOLOGY_DIR`` overrides both."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from kg.errors import ConfigError

ONTOLOGY_FILE = "kg.ttl"
SHAPES_FILE = "shapes.ttl"


def ontology_dirs() -> list[Path]:
    """The places looked in, in order."""
    candidates = []
    if os.environ.get("KG_ONTOLOGY_DIR"):
        candidates.append(Path(os.environ["KG_ONTOLOGY_DIR"]))
    package = Path(__file__).resolve().parent.parent  # .../kg
    candidates += [
        package.parent / "ontology",  # repository root (source checkout, editable install)
        package / "ontology",  # bundled as package data
        Path(sys.prefix) / "share" / "kg" / "ontology",  # installed as data files
    ]
    return candidates


def ontology_dir() -> Path:
    for directory in ontology_dirs():
        if (directory / SHAPES_FILE).is_file() and (directory / ONTOLOGY_FILE).is_file():
            return directory
    looked = ", ".join(str(d) for d in ontology_dirs())
    raise ConfigError(f"cannot find the ontology ({ONTOLOGY_FILE}, {SHAPES_FILE}); looked in {looked}")


def shapes_path() -> Path:
    return ontology_dir() / SHAPES_FILE


def ontology_path() -> Path:
    return ontology_dir() / ONTOLOGY_FILE
