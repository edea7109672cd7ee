"""New actors that may be known ones under another name: candidates for review, not silent new people.

`close_actors(index, new)` compares each new actor's name and aliases with every other actor of its kind
(graph/names/index.py `actor_candidates`, any script) and returns one pair per close match: the known actor
on the left, the new one on the right, as the matcher's `Proposal`s ('review'), ready for
graph/reports/candidates.py `record_candidates(run, proposals, kind="actor")` and for printing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from graph.names.index import NameIndex
from graph.reports.decisions import Decisions, Proposal

MAX_CHECKED = 5_000
"""More new actors than this in one load (a bulk import, a benchmark) are not compared: the check is for
digests an analyst writes, and costs a fuzzy search per actor."""


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
    pairs: dict[frozenset[str], Proposal] = {}
    for actor_id, name, aliases, kind in list(new)[:MAX_CHECKED]:
        for other, score, why in index.actor_candidates(name, kind, aliases, exclude=(actor_id,)):
            pair = frozenset((actor_id, other))
            if pair in pairs or decided.never(actor_id, other):
                continue
            left, right = (other, actor_id) if known_first(other, actor_id) else (actor_id, other)
            pairs[pair] = Proposal(right, "review", left, score, [why])
    return sorted(pairs.values(), key=lambda p: (-p.score, p.fact or "", p.incoming))
