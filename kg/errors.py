"""One exception family for the whole package; the exit code belongs to the class.

Library code raises these with a message that says what went wrong, where, and what to
do next; the CLI prints the message on one line and exits with ``exit_code``.
"""

from __future__ import annotations


class KgError(Exception):
    """Base of every error the package raises on purpose."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(KgError):
    """An input (file, directory, stdin, export) cannot be read as wikitext or RDF."""


class ConfigError(KgError):
    """An option, a shapes directory or another setting is wrong."""


class QueryError(KgError):
    """A SPARQL query is malformed, unknown, or exceeded a limit."""


class QueryTimeout(QueryError):
    """A query ran past its time limit and was stopped."""


class LinkError(KgError):
    """Reconciliation with Wikidata failed (endpoint down, bad answer, bad review file)."""


class PublishError(KgError):
    """A store refused the graph or could not be reached (``kg publish``)."""


class ValidationFailed(KgError):
    """The graph does not conform to the shapes; nothing was published."""

    exit_code = 1
