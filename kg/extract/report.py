"""An extraction as text a person debugging an article can read (``kg extract FILE``)."""

from __future__ import annotations

from kg.model import Entity, EntityId, Extraction, Fact, Kind, Prop


def render(extraction: Extraction) -> str:
    entities = {e.id: e for e in extraction.entities}
    facts: dict[EntityId, list[Fact]] = {}
    for fact in extraction.facts:
        facts.setdefault(fact.subject, []).append(fact)
    source = extraction.source
    lines = [f"{source.title}  ({source.origin}, {source.wiki})", ""]
    summits = sorted((e for e in extraction.entities if e.id.kind is Kind.SUMMIT),
                     key=lambda e: str(_one(facts, e.id, Prop.START_DATE)))
    lines.append(f"Summits: {len(summits)}")
    for summit in summits:
        start, end = _one(facts, summit.id, Prop.START_DATE), _one(facts, summit.id, Prop.END_DATE)
        ordinal = _one(facts, summit.id, Prop.ORDINAL)
        when = f"{start}" if start == end else f"{start} – {end}"
        lines.append(f"  #{ordinal or '?'} {when}  {_name(entities, summit.id)}")
        for fact in facts.get(summit.id, []):
            if fact.prop in (Prop.PARTICIPANT, Prop.VENUE, Prop.OUTCOME, Prop.DURING_PERIOD):
                how = f"  [inferred: {fact.inference.value}]" if fact.inference else ""
                lines.append(f"      {fact.prop.value:<13} {_name(entities, fact.value)}{how}")
        for fact in facts.get(summit.id, []):
            if fact.prop is Prop.HAS_PARTICIPATION:
                who = _one(facts, fact.value, Prop.AGENT)
                roles = [_name(entities, f.value) for f in facts.get(fact.value, []) if f.prop is Prop.ROLE]
                if roles:
                    lines.append(f"      role          {_name(entities, who)}: {', '.join(roles)}")
        for evidence in summit.evidence[:1]:
            lines.append(f"      from          [{evidence.span.start}–{evidence.span.end}] {evidence.section or 'lead'}: "
                         f"{evidence.text[:60]}…")
    for kind in (Kind.PERSON, Kind.PLACE, Kind.COUNTRY, Kind.DOCUMENT, Kind.POSITION, Kind.ORGANIZATION,
                 Kind.ADMINISTRATION, Kind.PERIOD, Kind.AWARD, Kind.GIFT, Kind.CROSSING, Kind.CITATION):
        found = [e for e in extraction.entities if e.id.kind is kind]
        if found:
            lines += ["", f"{kind.value.capitalize()}: {len(found)}"]
            for entity in found:
                extra = [f"{f.prop.value} {_name(entities, f.value)}" for f in facts.get(entity.id, [])
                         if f.prop not in (Prop.TITLE, Prop.URL)]
                lines.append(f"  {_name(entities, entity.id)}" + (f"  ({'; '.join(extra)})" if extra else ""))
    lines += ["", "Read and used: " + "; ".join(f"{c.what} {c.used}/{c.read}" for c in extraction.counts)]
    lines += ["", f"Issues: {len(extraction.issues)}"]
    for issue in extraction.issues:
        where = f" at {issue.position}" if issue.position is not None else ""
        lines.append(f"  {issue.severity.value}{where}: {issue.message}")
    return "\n".join(lines) + "\n"


def _one(facts, subject, prop):
    return next((f.value for f in facts.get(subject, []) if f.prop is prop), None)


def _name(entities: dict[EntityId, Entity], value) -> str:
    if isinstance(value, EntityId):
        entity = entities.get(value)
        labels = {label.language: label.text for label in entity.labels} if entity else {}
        return labels.get("zh-Hans") or labels.get("zh-Hant") or next(iter(labels.values()), value.key)
    return str(getattr(value, "text", getattr(value, "value", value)))
