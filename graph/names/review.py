"""New actors that may be known ones under another name: candidates for review, not silent new people.

`close_actors(index, new)` compares each new actor's name and aliases with every other actor of its kind
(graph/names/index.py `actor_candidates`, any script) and returns one pair per close match: the known actor
on the left, the new one on the right, as the matcher's `Proposal`s ('review'), ready for
graph/reports/candidates.py `record_candidates(run, proposals, kind="actor")` and for printing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import islice

from rapidfuzz import fuzz

from graph.names.index import CANDIDATES, CLOSE, NameIndex
from graph.reports.decisions import Decisions, Proposal

MAX_CHECKED = 5_000
"""New actors of one load compared, at most: the first ones; the rest of a bulk import (a benchmark) is not.
The check is for digests an analyst writes; each name costs a fuzzy pass over every name of the load, so
a load pays at most MAX_CHECKED such passes (linear in the size of the load, not quadratic), and on disk
they are made in one read of the keys (`NameIndex.prefetched`)."""


def close_actors(
    index: NameIndex,
    new: Iterable[tuple[str, str, list[str], str]],
    *,
    known_first: Callable[[str, str], bool] = lambda left, right: left < right,
    decisions: Decisions | None = None,
) -> list[Proposal]:
    """Pairs (known, new) of actors whose names are close. `new`: (id, name, aliases, kind) of the actors
    to check; `known_first(a, b)` says whether a came first (so a pair of two new actors is listed once,
    the earlier on the left); a pair an analyst called different is left out."""
    decided = decisions or Decisions()
    checked = list(islice(new, MAX_CHECKED))
    names = [each for _, name, aliases, _ in checked for each in (name, *aliases)]
    with index.prefetched(names, fuzz.ratio, CANDIDATES, CLOSE):  # one pass over the keys on disk
        return _pairs(index, checked, known_first, decided)


def _pairs(
    index: NameIndex,
    checked: list[tuple[str, str, list[str], str]],
    known_first: Callable[[str, str], bool],
    decided: Decisions,
) -> list[Proposal]:
    pairs: dict[frozenset[str], Proposal] = {}
    for actor_id, name, aliases, kind in checked:
        for other, score, why in index.actor_candidates(name, kind, aliases, exclude=(actor_id,)):
            pair = frozenset((actor_id, other))
            if pair in pairs or decided.never(actor_id, other):
                continue
            left, right = (other, actor_id) if known_first(other, actor_id) else (actor_id, other)
            pairs[pair] = Proposal(right, "review", left, score, [why])
    return sorted(pairs.values(), key=lambda p: (-p.score, p.fact or "", p.incoming))
