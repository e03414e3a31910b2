"""The states a visit lists, each with the places written right after it.

``先后访问[[甲国]][[甲都]]、[[乙国]][[乙都]]以及[[丙国]]``: a list of states joined by list marks, a state
followed by the places the visit reaches in it (its town, then a venue) with nothing between them.
Read here once for the rules that ask what a visit lists: the states visited (a tour visits no one
of them alone) and where each listed town lies (in the state written right before it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.reading import Reading
from kg.extract.text import Sentence, Spot
from kg.model import Kind


#: Between two states a visit lists (``访问[[甲国]]、[[乙国]]和[[丙国]]``, ``…、以及[[丁国]]``).
LIST_MARK = re.compile(r"、|和|及|以及|、以及")


@dataclass(frozen=True)
class Stop:
    """A state a visit lists and the places written right after it (``[[甲国]][[甲都]]``: 甲都)."""

    state: Spot
    places: tuple[Spot, ...]


def is_listed_state(reading: Reading, spot: Spot) -> bool:
    """Whether a name is a state in a visit's list: one the states' index knows, or one the
    article types as a country."""
    return reading.index.is_state(spot.surface) or reading.registry.is_a(spot.surface, Kind.COUNTRY)


def states_listed_from(reading: Reading, sentence: Sentence, first: Spot) -> tuple[Stop, ...]:
    """The state a visit phrase names first (``first``, a state) and the states it lists after it,
    each with the places written right after it: ``先后访问[[甲国]][[甲都]]、[[乙国]][[乙都]]和[[丙国]]`` is a
    tour of three states, with 甲都 in the first and 乙都 in the second. The list ends at the
    first name that neither follows a state (or its places) right away nor is a state after a
    list mark."""
    stops: list[tuple[Spot, list[Spot]]] = [(first, [])]
    last = first
    for spot in (s for s in sentence.spots if s.start >= first.end):
        between = sentence.hans[last.end:spot.start]
        if not between and not is_listed_state(reading, spot):
            stops[-1][1].append(spot)  # 甲国某都: a place in the state just named
        elif LIST_MARK.fullmatch(between) and is_listed_state(reading, spot):
            stops.append((spot, []))
        else:
            break
        last = spot
    return tuple(Stop(state, tuple(places)) for state, places in stops)
