"""Checks of option values shared by several sub-commands (each raises ConfigError with one line)."""

from __future__ import annotations

import urllib.parse

from kg.errors import ConfigError


def http_url(value: str, option: str, what: str) -> str:
    """``value`` if it is an http(s) URL with a host, else a ConfigError naming ``option``."""
    url = urllib.parse.urlsplit(value)
    if url.scheme not in ("http", "https") or not url.netloc:
        raise ConfigError(f"{option} {value}: want the http(s) URL of {what}")
    return value
