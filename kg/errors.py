"""One error tree for the whole package. The CLI maps each branch to an exit code.

    KgError
    ├── InputError        a document or file cannot be read (exit 2)
    ├── ConfigError       bad options, unknown model, bad base IRI (exit 2)
    ├── KnowledgeBaseError  KB file unreadable, endpoint unreachable (exit 3)
    ├── LinkingError      linking failed for a document (exit 1)
    ├── StoreError        store cannot be opened or written (exit 3)
    ├── ValidationError   a graph does not conform to the shapes (exit 1)
    └── QueryError        a SPARQL query is bad, timed out or was refused (exit 1)

An ``OSError`` that reaches the CLI unwrapped (say, stdout on a full disk) is still one line, exit 1;
code should not rely on that but raise one of these with the file named.
"""

from __future__ import annotations


class KgError(Exception):
    """Base of every error kg raises on purpose; its message is one line for a user."""

    exit_code = 1


class InputError(KgError):
    exit_code = 2


class ConfigError(KgError):
    exit_code = 2


class KnowledgeBaseError(KgError):
    exit_code = 3


class LinkingError(KgError):
    exit_code = 1


class StoreError(KgError):
    exit_code = 3


class ValidationError(KgError):
    exit_code = 1


class QueryError(KgError):
    exit_code = 1
