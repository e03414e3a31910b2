"""The review file: candidates a person can judge, and their judgement fed back.

``review.csv`` has one row per candidate of every entity left unlinked, and one row with
an empty ``qid`` for an entity with no candidate at all. A reviewer writes ``yes`` in the
``accept`` column of the right row (or types a Q-id into an empty one) and runs
``kg link --accept review.csv``; accepted rows become links with method ``review``, and
stay in the rewritten file marked ``yes``, so the same file can be accepted on every run.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from kg.errors import LinkError
from kg.wikidata.link import Link, Links
from kg.wikidata.score import Method

COLUMNS = ("entity", "label", "qid", "item_label", "description", "score", "method", "reason", "evidence", "item_url", "accept")
_YES = {"yes", "y", "x", "1", "true", "accept"}
_QID = re.compile(r"Q[1-9]\d*")


@dataclass(frozen=True)
class Acceptance:
    """A reviewer's decision: ``entity`` is ``qid``; ``row`` is its line in the file."""

    entity: str
    label: str
    qid: str
    row: int


def review_csv(links: Links) -> str:
    """The review file for ``links`` as CSV text (UTF-8, ``\\n`` line ends)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for c in links.candidates:
        method = c.method.value if c.method else ""
        url = f"https://www.wikidata.org/wiki/{c.qid}"
        writer.writerow((c.entity, c.label, c.qid, c.item_label, c.description, str(c.score), method, c.reason, c.evidence, url, ""))
    with_candidates = {c.entity for c in links.candidates}
    for u in links.unlinked:
        if u.entity not in with_candidates:
            writer.writerow((u.entity, u.label, "", "", "", "", "", u.reason, "", "", ""))
    for x in links.links:  # decisions already taken stay in the file, so --accept can be given again
        if x.method is Method.REVIEW:
            url = f"https://www.wikidata.org/wiki/{x.qid}"
            writer.writerow((x.entity, x.label, x.qid, "", "", str(x.score), x.method.value, "accepted", x.evidence, url, "yes"))
    return out.getvalue()


def read_review(path: Path) -> tuple[Acceptance, ...]:
    """The accepted rows of a review file.

    Raises LinkError when the file cannot be read, lacks the review columns, or an
    accepted row has no valid Q-id, or two accepted rows give one entity different items.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise LinkError(f"{path}: cannot read the review file ({error.strerror}); pass the review.csv written by `kg link`") from error
    except UnicodeDecodeError as error:
        raise LinkError(f"{path}: not UTF-8 text (byte {error.start}); pass the review.csv written by `kg link`") from None
    try:
        return _accepted_rows(path, text)
    except csv.Error as error:
        raise LinkError(f"{path}: not a CSV file a review can be read from ({error}); pass the review.csv written by `kg link`") from None


def _accepted_rows(path: Path, text: str) -> tuple[Acceptance, ...]:
    reader = csv.DictReader(io.StringIO(text))
    missing = {"entity", "qid", "accept"} - set(reader.fieldnames or ())
    if missing:
        raise LinkError(f"{path}: not a review file, columns {', '.join(sorted(missing))} missing; pass the review.csv written by `kg link`")
    accepted: dict[str, Acceptance] = {}
    for number, row in enumerate(reader, start=2):
        if (row.get("accept") or "").strip().lower() not in _YES:
            continue
        entity, qid = (row.get("entity") or "").strip(), (row.get("qid") or "").strip().upper()
        if not entity or not _QID.fullmatch(qid):
            raise LinkError(f"{path}:{number}: accepted row needs an entity and a Q-id like Q42, got {qid or 'none'!r}; fix the row")
        earlier = accepted.get(entity)
        if earlier and earlier.qid != qid:
            raise LinkError(f"{path}:{number}: {entity} accepted as both {earlier.qid} (line {earlier.row}) and {qid}; keep one")
        accepted[entity] = Acceptance(entity, (row.get("label") or "").strip(), qid, number)
    return tuple(sorted(accepted.values(), key=lambda a: a.entity))


def accept(links: Links, decisions: tuple[Acceptance, ...], *, origin: str) -> Links:
    """``links`` with the reviewer's ``decisions`` applied: each replaces any link of its entity.

    Raises LinkError for a decision about an entity that is not in the graph that was linked.
    """
    known = {x.entity for x in links.links} | {x.entity for x in links.candidates} | {x.entity for x in links.unlinked}
    sources = {x.entity: x.source for x in links.links} | {x.entity: x.source for x in links.unlinked}
    for decision in decisions:
        if decision.entity not in known:
            raise LinkError(f"{origin}:{decision.row}: {decision.entity} is not an entity of this build; regenerate the review file")
    chosen = {d.entity: d for d in decisions}
    kept = [x for x in links.links if x.entity not in chosen]
    for d in decisions:
        was = next((c for c in links.candidates if c.entity == d.entity and c.qid == d.qid), None)
        before = f" (was {was.score}: {was.evidence})" if was else ""
        evidence = f"accepted by a reviewer in {origin}{before}"
        kept.append(Link(d.entity, d.label or d.entity, d.qid, Decimal("1.000"), Method.REVIEW, evidence, sources.get(d.entity)))
    return replace(
        links,
        links=tuple(sorted(kept, key=lambda x: x.entity)),
        candidates=tuple(c for c in links.candidates if c.entity not in chosen),
        unlinked=tuple(u for u in links.unlinked if u.entity not in chosen),
    )
