"""``kg version``."""

from __future__ import annotations

import argparse
from typing import Any

import kg


def register(sub: Any) -> None:
    p = sub.add_parser("version", help="print the version of kg and of the bundled knowledge base")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kg.kb import bundled_kb_version

    print(f"kg {kg.__version__} (knowledge base {bundled_kb_version()})")
    return 0
