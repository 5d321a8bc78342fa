"""Where pictures go: one file, standard output, or a folder with one file per document. Each file is
written under a temporary name and renamed into place, so a failure never leaves half a picture."""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections import Counter
from pathlib import Path

from kg.draw.records import DocumentFacts
from kg.draw.render import render_svg
from kg.errors import ConfigError
from kg.rdf.export import write_bytes_atomically

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def is_folder(output: str) -> bool:
    """``-o DIR/`` (the slash says so) or an existing folder."""
    return output.endswith(("/", os.sep)) or Path(output).is_dir()


def write_pictures(documents: list[DocumentFacts], output: str, *, source: str) -> list[Path]:
    """Draw ``documents`` into ``output``: a folder gets one ``{doc_id}.svg`` each; a file or ``-``
    (standard output) takes exactly one document. Returns the files written."""
    if is_folder(output):
        folder = Path(output)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(f"cannot write {folder}: {exc.strerror or exc}") from None
        names = file_names(documents)
        written = []
        for document in documents:
            path = folder / names[document.doc_id, document.graph]
            write_atomically(path, render_svg(document))
            written.append(path)
        return written
    if len(documents) != 1:
        ids = ", ".join(d.doc_id for d in documents[:3]) + (", …" if len(documents) > 3 else "")
        raise ConfigError(
            f"{source} holds {len(documents)} documents ({ids}); choose one with --document ID, "
            f"or give a folder (-o DIR/) for one picture each"
        )
    text = render_svg(documents[0])
    if output == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))  # what the XML declaration says, whatever the locale
        sys.stdout.buffer.flush()
        return []
    write_atomically(Path(output), text)
    return [Path(output)]


def file_names(documents: list[DocumentFacts]) -> dict[tuple[str, str | None], str]:
    """A file name per document: its id with anything but letters, digits, ``.``, ``_`` and ``-``
    replaced; ids that would share a name (also on a case-insensitive disk) get a hash of the id."""
    safe = {
        (d.doc_id, d.graph): (_UNSAFE.sub("_", d.doc_id).strip("._") or "document")[:120] for d in documents
    }
    taken = Counter(name.lower() for name in safe.values())
    names = {}
    for (doc_id, graph), name in safe.items():
        if taken[name.lower()] > 1:
            name += "-" + hashlib.sha256(f"{doc_id}\n{graph or ''}".encode()).hexdigest()[:10]
        names[doc_id, graph] = name + ".svg"
    return names


def write_atomically(path: Path, text: str) -> None:
    # the text as written (UTF-8, "\n" line ends), renamed into place as every kg output is
    write_bytes_atomically(path, text.encode("utf-8"))
