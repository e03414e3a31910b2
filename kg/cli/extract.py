"""``kg extract FILE``: what one article yields, in words, for people debugging it."""

from __future__ import annotations

import sys

import click

from kg import pipeline
from kg.extract import extract as extract_document
from kg.extract.report import render
from kg.model import SkippedPage


@click.command("extract")
@click.argument("source")
def extract(source: str) -> None:
    """Print the summits, people, places, documents and issues read from SOURCE."""
    for item in pipeline.read_documents([source], stdin=sys.stdin.buffer if source == "-" else None):
        if isinstance(item, SkippedPage):
            click.echo(f"skipped {item.origin}: {item.reason}")
        else:
            click.echo(render(extract_document(item)))
