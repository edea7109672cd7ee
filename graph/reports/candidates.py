"""The matcher at work: find, for a batch of incoming events (or agreements), the known facts they may be,
and decide.

`match_events(run, incoming, decisions, attach=..., review=...)` runs queries/match_event_candidates.cypher
once per SEARCH_SLICE of the batch (through `run`: the loader's transaction or a store, called as
`run(query, **params)`),
scores every candidate with graph/reports/matching.py and returns one or more `Proposal`s per incoming event:
'attach' (the best score is at least `attach`; the record becomes a report of that fact), 'review' (the
REVIEWS_PER_RECORD best pairs scored from `review` up to `attach`: the record is created separately and the
pairs recorded for `kg review`), or 'create' (nothing came close). Analysts' decisions win over scores
(`apply_decisions`).

Memory: candidates are scored as the search's rows arrive (when `run` streams: the loader's transaction), and
only each incoming fact's best few are kept, so a file whose events are all near one another (thousands of
same-day meetings among a few hundred people: each a candidate for hundreds of others) holds a slice's best
candidates, not every pair.

The incoming events must be the loader's resolved view (`EventFacts.of(record, resolve)`): ids, not names;
pass only records whose id the graph does not hold yet (a known id is a report of that fact, no matching).
An event is never matched with the events it is part of, its own parts, or the other parts of its trip
(the legs of one trip are different events by construction).
Records of the same load in other files are found once their file's transaction has committed (the loader
writes one file per transaction, in order).

`match_agreements` does the same for agreements (queries/match_agreement_candidates.cypher: known agreements
produced by a signing that produced the incoming one, or dated in its window with a party in common), scored
by the same `score`; their candidate pairs are of kind 'event' too (facts, not actors).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping, Sequence
from datetime import timedelta
from itertools import pairwise
from typing import Any

from graph.model.families import family_kinds
from graph.reports.decisions import Decisions, Proposal, apply_decisions
from graph.reports.matching import NEAR_DAYS, AgreementFacts, EventFacts, Facts, score
from graph.store_types import StreamingReader

Run = Callable[..., Awaitable[list[dict[str, Any]]]]

LOOKBACK_DAYS = 62
"""How long before an incoming event's window a candidate may start: it bounds the seek of each shared
actor's events by start_date (queries/match_event_candidates.cypher), so a known event spanning more than
two months before the incoming one is not found (its date part would be tiny anyway: a day is under 2% of
such a span)."""

SEARCH_SLICE = 500
"""Incoming facts asked about in one candidate search (one query's parameter). Each fact is scored on its
own, so slicing changes no proposal."""
SEARCHES_AT_ONCE = 2
"""Slices searched at the same time when the searches run outside the loader's transaction (each an
auto-commit read of its own): the server works on one while the other's rows come back and are scored, and
memory holds this many slices' best candidates."""

REVIEWS_PER_RECORD = 5
"""The most 'review' pairs listed for one incoming record, the best scored: an analyst reviews a record
against its few likeliest twins, not against every same-day meeting of a busy minister. It also bounds what
a search keeps: the best REVIEWS_PER_RECORD + 1 candidates of each incoming fact (an attach and the reviews),
plus the pairs an analyst decided are one."""

CONTAINER_LEVELS = 4
"""How far up the IN links a place's containers are followed (a city, its district, region, country)."""


def pair_id(kind: str, one: str, other: str) -> str:
    """The :Candidate id of a pair, the same in either order."""
    first, second = sorted((one, other))
    return f"{kind}|{first}|{second}"


def search_rows(incoming: Sequence[EventFacts], decisions: Decisions) -> list[dict[str, Any]]:
    """The `$incoming` parameter of queries/match_event_candidates.cypher."""
    rows = []
    for key, event in enumerate(incoming):
        start = event.start - timedelta(days=NEAR_DAYS)
        exclude = {event.id} | {other for pair in decisions.different if event.id in pair for other in pair}
        rows.append(
            {
                "key": key,
                "id": event.id,
                "part_of": event.part_of,
                "kinds": family_kinds(event.kind),
                "earliest": start - timedelta(days=LOOKBACK_DAYS),
                "from": start,
                "to": event.end + timedelta(days=NEAR_DAYS),
                "participants": sorted(event.participants),
                "places": sorted(event.places),
                "exclude": sorted(exclude),
            }
        )
    return rows


def agreement_search_rows(incoming: Sequence[AgreementFacts], decisions: Decisions) -> list[dict[str, Any]]:
    """The `$incoming` parameter of queries/match_agreement_candidates.cypher."""
    rows = []
    for key, agreement in enumerate(incoming):
        exclude = {agreement.id} | {
            other for pair in decisions.different if agreement.id in pair for other in pair
        }
        start = agreement.start - timedelta(days=NEAR_DAYS) if agreement.start else None
        rows.append(
            {
                "key": key,
                "id": agreement.id,
                "produced_by": sorted(agreement.produced_by),
                "parties": sorted(agreement.parties),
                "earliest": start - timedelta(days=LOOKBACK_DAYS) if start else None,
                "from": start,
                "to": agreement.end + timedelta(days=NEAR_DAYS) if agreement.end else None,
                "exclude": sorted(exclude),
            }
        )
    return rows


def decide(
    incoming: Facts,
    candidates: Iterable[Facts],
    within: Mapping[str, Iterable[str]],
    *,
    attach: float,
    review: float,
    decided_same: Iterable[str] = (),
) -> list[Proposal]:
    """What to do with one incoming event given its candidates (pure: no database, no settings)."""
    scored = sorted(
        ((candidate, score(incoming, candidate, within)) for candidate in candidates),
        key=lambda pair: (-pair[1].score, pair[0].id),
    )
    same = set(decided_same)
    proposals: list[Proposal] = []
    reviews = 0
    for candidate, match in scored:
        if candidate.id in same:
            proposals.insert(
                0, Proposal(incoming.id, "attach", candidate.id, 1.0, ["decided same (kg review)"])
            )
        elif match.score >= attach and not any(p.action == "attach" for p in proposals):
            proposals.append(Proposal(incoming.id, "attach", candidate.id, match.score, match.evidence))
        elif match.score >= review and reviews < REVIEWS_PER_RECORD:
            proposals.append(Proposal(incoming.id, "review", candidate.id, match.score, match.evidence))
            reviews += 1
    attached = [p for p in proposals if p.action == "attach"]
    if len(attached) > 1:  # a decision beats a score
        proposals = [p for p in proposals if p.action != "attach" or p is attached[0]]
    return proposals or [Proposal(incoming.id, "create", None, 0.0, [])]


async def match_events(
    run: Run,
    incoming: Sequence[EventFacts],
    decisions: Decisions | None = None,
    *,
    attach: float,
    review: float,
    search: Run | None = None,
    parents: Mapping[str, Sequence[str]] | None = None,
    within: Awaitable[dict[str, set[str]]] | None = None,
) -> list[Proposal]:
    """Proposals for a batch of incoming events, in their order (a query for where their places lie, then
    one per SEARCH_SLICE of the batch). `search`: what runs the reads, when not `run` (the loader runs them
    outside its write transaction: `GraphStore.load_reader`). `parents`: place id -> the places it lies in
    directly, for the places the caller is about to write (the loader's file: places it defines or moves
    elsewhere), which win over the graph's (`place_containers`). `within`: those places' containers when the
    caller has asked already (`place_containers` of at least the incoming events' places: the loader asks
    while its transaction reads), instead of asking here."""
    decisions = decisions or Decisions()
    # Where the incoming events' places lie, asked before the search (its rows are scored as they come);
    # the candidates' come with their rows.
    if within is None:
        places = {place for event in incoming for place in event.places}
        within = place_containers(search or run, places, parents)
    known = {place: set(containers) for place, containers in (await within).items()}
    proposals: list[Proposal] = []
    parts = [incoming[start : start + SEARCH_SLICE] for start in range(0, len(incoming), SEARCH_SLICE)]
    # A transaction runs one query at a time; the searches outside it (`search`) run SEARCHES_AT_ONCE at a
    # time. Each slice is scored on its own (the containers its rows bring are the graph's, whichever slice
    # adds them first), so the proposals are those of the slices searched one after another.
    at_once = SEARCHES_AT_ONCE if search is not None else 1
    for first in range(0, len(parts), at_once):
        found = await asyncio.gather(
            *(
                _match_event_slice(search or run, part, decisions, known, attach=attach, review=review)
                for part in parts[first : first + at_once]
            )
        )
        proposals += [proposal for each in found for proposal in each]
    return proposals


async def place_containers(
    read: Run, places: Iterable[str], parents: Mapping[str, Sequence[str]] | None = None
) -> dict[str, set[str]]:
    """Place id -> every place it lies in, up to CONTAINER_LEVELS up (a city's region and country), for
    `places`. The graph's IN links are read (one query, queries/place_containers.cypher); `parents` (place ->
    the places it lies in directly) replaces the graph's links of the places it names, so a place being
    written in the same transaction (a city a digest defines, or moves to another region) lies where its
    record says, not where the graph, which does not hold it yet, or no longer should, says."""
    given = parents or {}
    wanted = set(places)
    if not wanted:
        return {}
    # The graph's links up from every place asked and from every place a given link leads to: a walk that
    # meets a given place (anywhere above a place asked) goes on from its given containers in the graph.
    starts = sorted(wanted | {outer for inner in given for outer in given[inner]})
    links: dict[str, set[str]] = {}
    for row in await read("place_containers", ids=starts):
        for chain in row["chains"]:
            for inner, outer in pairwise(chain):
                links.setdefault(inner, set()).add(outer)
    within: dict[str, set[str]] = {}
    for place in sorted(wanted):
        found: set[str] = set()
        level = {place}
        for _ in range(CONTAINER_LEVELS):
            level = {outer for inner in level for outer in given.get(inner, links.get(inner, ()))}
            level -= found | {place}
            if not level:
                break
            found |= level
        if found:
            within[place] = found
    return within


async def _match_event_slice(
    search: Run,
    incoming: Sequence[EventFacts],
    decisions: Decisions,
    within: dict[str, set[str]],
    *,
    attach: float,
    review: float,
) -> list[Proposal]:
    best = _BestCandidates(incoming, within)
    rows = _rows(search, "match_event_candidates", incoming=search_rows(incoming, decisions))
    async for row in rows:
        for inner, outer in row["within"]:
            within.setdefault(inner, set()).add(outer)
        best.add(row, EventFacts.from_row(row))
    return best.proposals(decisions, attach=attach, review=review)


async def match_agreements(
    run: Run,
    incoming: Sequence[AgreementFacts],
    decisions: Decisions | None = None,
    *,
    attach: float,
    review: float,
    search: Run | None = None,
) -> list[Proposal]:
    """Proposals for a batch of incoming agreements, in their order (a query per SEARCH_SLICE of them, run by
    `search` when given, as for events)."""
    decisions = decisions or Decisions()
    proposals: list[Proposal] = []
    for start in range(0, len(incoming), SEARCH_SLICE):
        part = incoming[start : start + SEARCH_SLICE]
        best = _BestCandidates(part, {})
        async for row in _rows(
            search or run, "match_agreement_candidates", incoming=agreement_search_rows(part, decisions)
        ):
            best.add(row, AgreementFacts.from_row(row))
        proposals += best.proposals(decisions, attach=attach, review=review)
    return proposals


async def _rows(run: Run, query: str, **params: Any) -> AsyncIterator[dict[str, Any]]:
    """A search's rows as they arrive when `run` streams them (the loader's transaction), else its list."""
    if isinstance(run, StreamingReader):
        async for row in run.each(query, **params):
            yield row
    else:
        for row in await run(query, **params):
            yield row


class _BestCandidates:
    """Each incoming fact's best candidates as a search's rows come in (the rows carry the fact's position
    as `key`, and `decided` when an analyst said the pair is one fact): the REVIEWS_PER_RECORD + 1 best
    scored, which are all `decide` can propose, and every decided one."""

    def __init__(self, incoming: Sequence[Facts], within: Mapping[str, Iterable[str]]) -> None:
        self.incoming = incoming
        self.within = within
        """Shared with the caller, who adds the candidates' places as their rows come."""
        self.scored: dict[int, list[tuple[float, str, Facts]]] = {}
        self.decided: dict[int, list[Facts]] = {}

    def add(self, row: Mapping[str, Any], candidate: Facts) -> None:
        key = row["key"]
        if row["decided"] == "same":
            self.decided.setdefault(key, []).append(candidate)
            return
        kept = self.scored.setdefault(key, [])
        kept.append((-score(self.incoming[key], candidate, self.within).score, candidate.id, candidate))
        if len(kept) > 4 * (REVIEWS_PER_RECORD + 1):  # trimmed now and then, not at every row
            kept.sort(key=lambda each: each[:2])
            del kept[REVIEWS_PER_RECORD + 1 :]

    def proposals(self, decisions: Decisions, *, attach: float, review: float) -> list[Proposal]:
        """Each incoming fact's proposals, in their order."""
        proposals: list[Proposal] = []
        for key, fact in enumerate(self.incoming):
            best = sorted(self.scored.get(key, []), key=lambda each: each[:2])[: REVIEWS_PER_RECORD + 1]
            decided = self.decided.get(key, [])
            candidates = [candidate for _, _, candidate in best] + decided
            proposals += decide(
                fact,
                candidates,
                self.within,
                attach=attach,
                review=review,
                decided_same=[candidate.id for candidate in decided],
            )
        return apply_decisions(decisions, proposals)


def candidate_rows(proposals: Iterable[Proposal], kind: str = "event") -> list[dict[str, Any]]:
    """queries/record_candidates.cypher rows for the 'review' proposals (left: the known fact, right: the
    incoming record)."""
    return [
        {
            "id": pair_id(kind, p.fact, p.incoming),
            "kind": kind,
            "left": p.fact,
            "right": p.incoming,
            "score": p.score,
            "evidence": p.evidence,
        }
        for p in proposals
        if p.action == "review" and p.fact is not None
    ]


def decision_rows(decisions: Decisions, kind: str | None = None) -> list[dict[str, Any]]:
    """queries/decide_candidates.cypher rows for the analysts' decisions (`same`: left is the fact, right the
    record that reports it). `kind`: the pairs' kind, by default 'event' for facts and 'actor' for actors."""
    pairs = [(left, right, "same") for right, left in sorted(decisions.same.items())]
    for pair in sorted(decisions.different, key=sorted):
        left, right = sorted(pair)
        pairs.append((left, right, "different"))
    rows = []
    for left, right, decision in pairs:
        of = kind or pair_kind(left)
        rows.append(
            {"id": pair_id(of, left, right), "kind": of, "left": left, "right": right, "decision": decision}
        )
    return rows


def pair_kind(record_id: str) -> str:
    """A candidate pair's kind by one of its ids: 'event' for events and agreements, else 'actor'."""
    return "event" if record_id.partition(":")[0] in {"event", "agreement"} else "actor"


async def drop_decided(run: Run, proposals: Sequence[Proposal], kind: str) -> list[Proposal]:
    """The proposals whose pair no analyst has decided yet (one query): a decided pair is not listed again."""
    ids = [pair_id(kind, p.fact, p.incoming) for p in proposals if p.fact is not None]
    if not ids:
        return list(proposals)
    decided = {row["id"] for row in await run("decided_candidates", ids=ids)}
    return [p for p in proposals if p.fact is None or pair_id(kind, p.fact, p.incoming) not in decided]


async def record_candidates(run: Run, proposals: Iterable[Proposal], kind: str = "event") -> int:
    """Write the 'review' proposals as :Candidate nodes (left: the known fact, right: the incoming record)."""
    rows = candidate_rows(proposals, kind)
    if rows:
        await run("record_candidates", candidates=rows)
    return len(rows)


async def record_decisions(run: Run, decisions: Decisions, kind: str | None = None) -> int:
    """Write the analysts' decisions on their :Candidate pairs (the loader writes each file's with it)."""
    rows = decision_rows(decisions, kind)
    if rows:
        await run("decide_candidates", decisions=rows)
    return len(rows)
