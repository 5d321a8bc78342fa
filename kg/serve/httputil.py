"""Small HTTP helpers for the endpoint: chunked bodies, single parameters, charsets."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any


class HttpError(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


class ChunkedWriter:
    """A binary writer that frames what it is given as HTTP/1.1 chunks (buffered to ~16 KiB)."""

    def __init__(self, out: Any, size: int = 16384) -> None:
        self._out = out
        self._size = size
        self._buffer = bytearray()

    def write(self, data: bytes) -> int:
        self._buffer += data
        if len(self._buffer) >= self._size:
            self._flush()
        return len(data)

    def flush(self) -> None:
        self._flush()

    def _flush(self) -> None:
        if self._buffer:
            self._out.write(b"%x\r\n" % len(self._buffer) + bytes(self._buffer) + b"\r\n")
            self._buffer.clear()

    def close(self) -> None:
        self._flush()
        self._out.write(b"0\r\n\r\n")


def single_param(params: dict[str, list[str]], key: str) -> str:
    values = params.get(key, [])
    if len(values) != 1:
        raise HttpError(HTTPStatus.BAD_REQUEST, f"give exactly one {key} parameter (got {len(values)})")
    return values[0]


def with_charset(media: str) -> str:
    if media.startswith("text/") or media.endswith("json") or media.endswith("xml"):
        return media + "; charset=utf-8"
    return media
