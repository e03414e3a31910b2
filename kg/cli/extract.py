"""``kg extract FILE``: what one article yields, in words, for people debugging it.

A page the extractor fails on is reported in one line naming it, as ``kg build`` reports
it, and the other pages of the input are still read: exit code 0 when every page was
read, 1 when some failed, 2 when every page failed (nothing to show)."""

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
    read = failed = 0
    for item in pipeline.read_documents([source], stdin=sys.stdin.buffer if source == "-" else None):
        if isinstance(item, SkippedPage):
            click.echo(f"skipped {item.origin}: {item.reason}")
            continue
        try:
            text = render(extract_document(item))
        except RecursionError:
            failed += 1
            click.echo(f"kg: {item.page.origin}: is nested too deeply to extract; please report it with this page", err=True)
            continue
        except Exception as error:  # noqa: BLE001 - one page's failure must not end the others, nor show a traceback
            failed += 1
            detail = " ".join(str(error).split())[:160] or "no message"
            click.echo(f"kg: {item.page.origin}: failed while extracting it ({type(error).__name__}: {detail}); "
                       "please report it with this page", err=True)
            continue
        read += 1
        click.echo(text)
    if failed:
        sys.exit(1 if read else 2)
