"""Where ``ontology/`` (kg.ttl, shapes.ttl) is: see :func:`kg.resources.project_dir`;
``KG_ONTOLOGY_DIR`` overrides the other places."""

from __future__ import annotations

from pathlib import Path

from kg.resources import project_dir, project_dirs

ONTOLOGY_FILE = "kg.ttl"
SHAPES_FILE = "shapes.ttl"
ENV = "KG_ONTOLOGY_DIR"


def ontology_dirs() -> list[Path]:
    """The places looked in, in order."""
    return project_dirs("ontology", env=ENV)


def ontology_dir() -> Path:
    return project_dir("ontology", env=ENV, required=(ONTOLOGY_FILE, SHAPES_FILE))


def shapes_path() -> Path:
    return ontology_dir() / SHAPES_FILE


def ontology_path() -> Path:
    return ontology_dir() / ONTOLOGY_FILE
