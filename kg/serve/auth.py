"""Who may write: updates and graph writes need the server's token, as a bearer token or as the password
of HTTP Basic auth (any user name) — SPARQLWrapper's ``setCredentials`` and rdflib's
``SPARQLUpdateStore(auth=…)`` send Basic."""

from __future__ import annotations

import base64
import binascii
import hmac
from http import HTTPStatus

from kg.serve.httputil import HttpError

CHALLENGE = {"WWW-Authenticate": 'Bearer realm="kg", Basic realm="kg", charset="UTF-8"'}


def presented_token(authorization: str) -> str | None:
    """The token an ``Authorization`` header carries (bearer, or Basic's password), else ``None``."""
    scheme, _, value = authorization.strip().partition(" ")
    scheme = scheme.lower()
    if scheme == "bearer":
        return value.strip()
    if scheme == "basic":
        try:
            decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return None
        _user, colon, password = decoded.partition(":")
        return password if colon else None
    return None


def authorise_write(*, allow_update: bool, token: str | None, authorization: str) -> None:
    if not allow_update:
        raise HttpError(
            HTTPStatus.FORBIDDEN,
            "this endpoint is read-only; start kg serve with --allow-update to accept updates",
        )
    given = presented_token(authorization)
    if not token or given is None or not hmac.compare_digest(given.encode(), token.encode()):
        raise HttpError(
            HTTPStatus.UNAUTHORIZED,
            "updates need the server's token (Authorization: Bearer <token>, "
            "or HTTP Basic auth with the token as the password)",
            CHALLENGE,
        )
