"""Pictures drawn on the server as SVG: a timeline of the summits and a who-met-whom network.

Plain values in, an ``<svg>`` string out: no script, nothing loaded, every text escaped,
every link local (the server builds them). Layouts are deterministic: the same graph gives
the same picture.

    >>> svg = timeline_svg([TimelineItem("峰会", "/id/summit/a", "2001-05-03", ("甲",))])
    >>> svg.startswith("<svg") and "2000" in svg
    True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class TimelineItem:
    """A summit on the timeline."""

    label: str
    href: str
    date: str  # yyyy-mm-dd (or yyyy)
    participants: tuple[str, ...]


@dataclass(frozen=True)
class Leader:
    """A person in the network."""

    key: str  # a stable id for the SVG element
    label: str
    href: str
    summits: int
    group: str  # the side they stood for, for the colour


@dataclass(frozen=True)
class Meeting:
    """Two leaders who met, and how often."""

    a: str  # Leader.key
    b: str
    times: int


_FONT = 'font-family="system-ui, \'Noto Sans CJK SC\', \'Noto Sans CJK TC\', sans-serif"'
_PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22")


def _year_fraction(date: str) -> float:
    parts = [int(p) for p in date.split("-") if p.isdigit()]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else 7
    day = parts[2] if len(parts) > 2 else 1
    return year + (month - 1) / 12 + (day - 1) / 365


def timeline_svg(items: Sequence[TimelineItem], *, width: int = 860) -> str:
    """The summits down a vertical time axis, one labelled point each, linked to its page."""
    if not items:
        return f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="40" role="img"></svg>'
    dated = sorted(items, key=lambda item: (item.date, item.label))
    first = math.floor(_year_fraction(dated[0].date))
    last = math.floor(_year_fraction(dated[-1].date)) + 1
    per_year = max(24, min(60, 900 // max(1, last - first)))
    top, axis = 30, 90
    step = 1 if last - first <= 20 else 5 if last - first <= 100 else 10
    parts = []
    for year in range(first, last + 1):
        y = top + (year - first) * per_year
        parts.append(f'<line x1="{axis - 6}" y1="{y}" x2="{axis}" y2="{y}" stroke="#999"/>')
        if (year - first) % step == 0 or year == last:
            parts.append(f'<text x="{axis - 10}" y="{y + 4}" text-anchor="end" font-size="12" fill="#555">{year}</text>')
    height = top + (last - first) * per_year + 30
    parts.insert(0, f'<line x1="{axis}" y1="{top}" x2="{axis}" y2="{height - 30}" stroke="#999" stroke-width="2"/>')
    next_free = 0.0
    for item in dated:
        y = top + (_year_fraction(item.date) - first) * per_year
        label_y = max(y, next_free)
        next_free = label_y + 36
        height = max(height, int(label_y) + 40)
        who = "、".join(item.participants)
        parts.append(
            f'<a href="{escape(item.href)}"><circle cx="{axis}" cy="{y:.1f}" r="6" fill="#1f77b4" stroke="#fff" stroke-width="2"/>'
            f'<line x1="{axis + 6}" y1="{y:.1f}" x2="{axis + 24}" y2="{label_y:.1f}" stroke="#bbb"/>'
            f'<text x="{axis + 30}" y="{label_y + 5:.1f}" font-size="15" fill="#123">'
            f'<tspan font-weight="bold">{escape(item.date)}</tspan> {escape(item.label)}</text>'
            f'<text x="{axis + 30}" y="{label_y + 22:.1f}" font-size="12" fill="#555">{escape(who)}</text></a>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" {_FONT}>{"".join(parts)}</svg>'
    )


def network_svg(leaders: Sequence[Leader], meetings: Sequence[Meeting], *, focus: str | None = None, size: int = 760) -> str:
    """Leaders on a circle (grouped by side), a line between each two who met, thicker the more often.

    ``focus`` (a leader's key) draws that leader and their meetings stronger, the rest faded.
    """
    if not leaders:
        return f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="40" role="img"></svg>'
    ordered = sorted(leaders, key=lambda leader: (leader.group, leader.label, leader.key))
    groups = sorted({leader.group for leader in ordered})
    colour = {group: _PALETTE[i % len(_PALETTE)] for i, group in enumerate(groups)}
    centre, radius = size / 2, size / 2 - 140
    position = {}
    for i, leader in enumerate(ordered):
        angle = -math.pi / 2 + 2 * math.pi * i / len(ordered)
        position[leader.key] = (centre + radius * math.cos(angle), centre + radius * math.sin(angle), angle)
    near = {focus} | {m.a for m in meetings if m.b == focus} | {m.b for m in meetings if m.a == focus} if focus else set()
    parts = []
    for meeting in sorted(meetings, key=lambda m: (m.a, m.b)):
        if meeting.a not in position or meeting.b not in position:
            continue
        (x1, y1, _), (x2, y2, _) = position[meeting.a][:3], position[meeting.b][:3]
        strong = not focus or focus in (meeting.a, meeting.b)
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#555" '
            f'stroke-opacity="{0.75 if strong else 0.12}" stroke-width="{1.5 + 2 * meeting.times:.1f}">'
            f"<title>{meeting.times}</title></line>"
        )
        parts.append(
            f'<text x="{(x1 + x2) / 2:.1f}" y="{(y1 + y2) / 2 + 4:.1f}" font-size="13" text-anchor="middle" font-weight="bold" '
            f'stroke="#fff" stroke-width="4" paint-order="stroke" fill="#333" fill-opacity="{1 if strong else 0.2}">×{meeting.times}</text>'
        )
    for leader in ordered:
        x, y, angle = position[leader.key]
        r = 7 + 3 * min(leader.summits, 8)
        faded = focus and leader.key not in near
        anchor = "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 else "middle"
        lx = x + (r + 8) * math.cos(angle)
        ly = y + (r + 8) * math.sin(angle) + (12 if math.sin(angle) > 0.5 else 4)
        parts.append(
            f'<a href="{escape(leader.href)}"><g id="{escape(leader.key)}" opacity="{0.3 if faded else 1}">'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{colour[leader.group]}" stroke="{"#000" if leader.key == focus else "#fff"}" stroke-width="{3 if leader.key == focus else 2}"/>'
            f'<text x="{lx:.1f}" y="{ly:.1f}" font-size="15" text-anchor="{anchor}" fill="#123">{escape(leader.label)}'
            f"</text><title>{escape(leader.label)}: {leader.summits}</title></g></a>"
        )
    legend = "".join(
        f'<circle cx="20" cy="{20 + 20 * i}" r="6" fill="{colour[group]}"/>'
        f'<text x="32" y="{25 + 20 * i}" font-size="13" fill="#333">{escape(group)}</text>'
        for i, group in enumerate(groups)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 {size} {size}" '
        f'role="img" {_FONT}>{legend}{"".join(parts)}</svg>'
    )
