"""Progress of long work on stderr: click's bar on a terminal, plain periodic lines elsewhere.

A log file or a CI job gets one line every few seconds and one at the end (none at all
for work done within the first interval), never the control characters of a bar::

    >>> import io
    >>> out = io.StringIO()
    >>> with Progress("pages built", stream=out, every=0) as progress:
    ...     for _ in range(3):
    ...         progress.advance()
    >>> out.getvalue().splitlines()[-1]
    'kg: pages built: 3 done'
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

import click

T = TypeVar("T")


class Progress:
    """Counts units of work done and shows it; use as a context manager."""

    def __init__(self, label: str, *, length: int | None = None, stream: TextIO | None = None, every: float = 5.0) -> None:
        self.label = label
        self.length = length
        self.stream = stream if stream is not None else sys.stderr
        self.every = every
        self.done = 0
        self._bar = None
        self._last = 0.0
        self._lines = 0

    def __enter__(self) -> Progress:
        if _is_terminal(self.stream):
            self._bar = click.progressbar(length=self.length, label=self.label, file=self.stream, show_pos=True)
            self._bar.__enter__()
        self._last = time.monotonic()
        return self

    def advance(self, steps: int = 1) -> None:
        """Say that ``steps`` more units are done."""
        self.done += steps
        if self._bar is not None:
            self._bar.update(steps)
            return
        now = time.monotonic()
        if now - self._last >= self.every:
            self._last = now
            self._line()

    def __exit__(self, *exc_info) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc_info)
        elif self._lines:
            self._line()

    def _line(self) -> None:
        self._lines += 1
        total = f"/{self.length}" if self.length else ""
        print(f"kg: {self.label}: {self.done}{total} done", file=self.stream, flush=True)

    def over(self, items: Iterable[T]) -> Iterator[T]:
        """``items`` unchanged, counting each as it goes by."""
        for item in items:
            yield item
            self.advance()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
