"""The loader's matching step: which fact each fact record of a file reports (called by graph/load/writer.py).

It runs inside the file's write transaction, before the file's writes, through the transaction's `run`:

1. A record whose id the graph holds reports that fact (no search), unless an analyst decided that id is the
   same as another fact (a `same` decision the graph holds): then it reports that one.
2. A record that declares `same_as`, that this file's `decisions:` name, that an earlier file of the load
   or an earlier load attached to a known fact (a live :Report keeps the record's own id as `alias`), or
   that an analyst decided is the same as another fact, reports that fact.
3. Every other event is searched for, a block of the file (the whole of most files) in one query
   (graph/reports/candidates.py `match_events`): 'attach' makes it a report of the fact found; 'review'
   creates it separately and records the pair as a :Candidate for `kg review`; 'create' makes a new fact.
   Before the search, the months the new events' windows touch are locked (queries/match_lock.cypher), so
   two loads at once cannot both create one event: the second waits for the first to commit, then finds
   its events.

A record that reports a fact under another id is rebuilt with the fact's id (graph/load/reports.py
`rebuilt_row`), keeps its own id on its report (`alias`, so a later load of the same file finds the same
fact), and every link of the file's records to its own id (`part_of`, `produced`) goes to the fact.
Two records of one file never report one fact: a declared one is an error naming the record, a matched one
becomes a candidate for review instead.

Actors are not merged, but a new actor (one the graph does not hold yet) whose name or alias is close to
an actor only the graph holds is a candidate for review too (`close_stored_actors`; the actors of the files
being loaded are compared in the first pass, graph/load/validation.py `close_new_actors`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from graph.errors import InvalidInput, Location, Problem
from graph.load.reports import FACT_SECTIONS, rebuilt_row
from graph.load.rows import Row
from graph.names.index import MIN_FUZZY_LENGTH, NameIndex, latin_key, normalise
from graph.names.review import close_actors
from graph.reports.candidates import Run, candidate_rows, match_events
from graph.reports.decisions import Decisions, Proposal
from graph.reports.matching import NEAR_DAYS, EventFacts

MAX_NEW_ACTORS = 200
"""More new actors than this in one file (a bulk import) are not compared with the graph's: the check is
for digests an analyst writes, and costs a full-text search per name."""
LINKS_TO_FACTS = ("part_of", "produced")
"""Row keys whose items are ids of facts (an event's trip, a signing's agreements); an event's `links` are
{target, type} items whose targets are facts too (`fact_targets`)."""


@dataclass
class Settled:
    """What the matching step decided for one file."""

    remap: dict[str, str] = field(default_factory=dict)
    """Record id -> the id of the fact it reports, for every record reported under another id."""
    proposals: list[Proposal] = field(default_factory=list)
    """The matcher's 'attach' and 'review' proposals, for `kg load` to print."""
    candidates: list[dict[str, Any]] = field(default_factory=list)
    """queries/record_candidates.cypher rows: the pairs to review."""


async def settle(
    run: Run,
    file: str,
    chunks: list[tuple[str, list[Row]]],
    stored: Mapping[str, object],
    decisions: Decisions,
    earlier: Mapping[str, str],
    *,
    attach: float,
    review: float,
    lock: bool = True,
    reported: Mapping[str, str] | None = None,
) -> Settled:
    """Decide which fact each fact record of `chunks` reports and rebuild the rows reported under another id
    (in place: `chunks` are this attempt's copies). `stored`: the ids the graph holds; `earlier`: what earlier
    files of this load settled; `lock`: take the match locks (not in a dry run, which writes nothing);
    `reported`: fact -> the record reporting it, for the file's earlier blocks (a large file is settled block
    by block; those facts are in the graph already, inside its transaction): never proposed, never reported
    twice."""
    settled = Settled()
    defined = {
        row["id"]: (section, row) for section, rows in chunks if section in FACT_SECTIONS for row in rows
    }
    referred = {target for _, row in defined.values() for target in fact_targets(row)}
    remap = settled.remap
    for record_id in defined:
        declared = decisions.fact_of(record_id)
        if declared != record_id:
            remap[record_id] = declared
    for record_id in referred - defined.keys():
        if record_id in earlier:
            remap[record_id] = earlier[record_id]
    asked = sorted((defined.keys() | referred) - remap.keys())
    if asked:
        for found in await run("report_aliases", ids=asked):
            usable = found["id"] not in stored or not found["alias"]  # a fact's own id: decisions only
            if found["fact"] and found["fact"] != found["id"] and usable:
                remap[found["id"]] = found["fact"]
    _follow_chains(remap)
    new_events = [
        _facts(row)
        for record_id, (section, row) in defined.items()
        if section == "events" and record_id not in remap and record_id not in stored
    ]
    if new_events:
        if lock:
            await run("match_lock", months=lock_months(new_events))
        proposals = await match_events(run, new_events, decisions, attach=attach, review=review)
        claimed = {remap.get(record_id, record_id) for record_id in defined}
        attached: set[str] = set()
        for proposal in proposals:
            fact = proposal.fact
            if (
                reported and fact in reported
            ):  # written by this file's earlier block: the matcher never compares a file
                continue  # with itself (as when the whole file is settled at once)
            if proposal.action == "attach" and fact is not None:
                if fact in claimed:  # another record of this file reports it: the analyst decides
                    why = [*proposal.evidence, "another record of this file reports it already"]
                    proposal = Proposal(proposal.incoming, "review", fact, proposal.score, why)
                else:
                    remap[proposal.incoming] = fact
                    claimed.add(fact)
                    attached.add(proposal.incoming)
            if proposal.action != "create":
                settled.proposals.append(proposal)
        settled.proposals = [
            p for p in settled.proposals if p.action == "attach" or p.incoming not in attached
        ]
        settled.candidates = candidate_rows(settled.proposals)
    _check_one_report_each(file, defined, remap, reported or {})
    if remap:
        for position, (section, rows) in enumerate(chunks):
            if section in FACT_SECTIONS:
                chunks[position] = (section, [_rebuilt(section, row, remap) for row in rows])
    return settled


def lock_months(events: Sequence[EventFacts]) -> list[str]:
    """The months ('2023-04') each event's search window touches, sorted (locks are taken in this order)."""
    months: set[str] = set()
    for event in events:
        first = event.start - timedelta(days=NEAR_DAYS)
        last = event.end + timedelta(days=NEAR_DAYS)
        year, month = first.year, first.month
        while (year, month) <= (last.year, last.month):
            months.add(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return sorted(months)


def _follow_chains(remap: dict[str, str]) -> None:
    """a -> b and b -> c: a -> c (a cycle stops where it started)."""
    for record_id in list(remap):
        seen = {record_id}
        target = remap[record_id]
        while target in remap and target not in seen:
            seen.add(target)
            target = remap[target]
        remap[record_id] = target


def _facts(row: Row) -> EventFacts:
    """What the matcher compares of an event row (graph/load/rows.py), references already ids."""
    props = row["props"]
    start: date = props["start_date"]
    end: date = props["end_date"]
    return EventFacts(
        id=row["id"],
        kind=props["kind"],
        start=start,
        end=end,
        precision=props.get("date_precision") or "day",
        participants=frozenset(link["target"] for link in row["participants"]),
        places=frozenset(row["places"]),
        title=props.get("title") or "",
        part_of=row["part_of"][0] if row["part_of"] else None,
    )


def _check_one_report_each(
    file: str, defined: Mapping[str, tuple[str, Row]], remap: Mapping[str, str], reported: Mapping[str, str]
) -> None:
    """Two records of one file that declare themselves (or are decided) one fact: an error naming both (the
    other may be in an earlier block of the file: `reported`)."""
    reporter = dict(reported)
    problems: list[Problem] = []
    for record_id in defined:
        fact = remap.get(record_id, record_id)
        if fact in reporter:
            other = reporter[fact]
            where = Location(file=file, record=record_id, field="same_as" if record_id in remap else "id")
            message = (
                f"'{record_id}' and '{other}' would both be reports of '{fact}' from one source; "
                "a file reports a fact once (merge the two records, or remove the same_as / decision)"
            )
            problems.append(Problem(where, message))
        else:
            reporter[fact] = record_id
    if problems:
        raise InvalidInput(problems)


def fact_targets(row: Row) -> Iterator[str]:
    """The ids of the facts a row links to: its trip, the agreements it produced, the events it follows."""
    for key in LINKS_TO_FACTS:
        yield from row.get(key, ())
    for link in row.get("links", ()):
        yield link["target"]


def _rebuilt(section: str, row: Row, remap: Mapping[str, str]) -> Row:
    if row["id"] in remap or any(target in remap for target in fact_targets(row)):
        return rebuilt_row(section, row, remap)
    return row


async def close_stored_actors(
    run: Run, rows: Sequence[Row], stored: Mapping[str, object], loaded: Iterable[str]
) -> list[Proposal]:
    """Actors of `rows` the graph does not hold yet whose names are close to an actor only the graph holds
    (not one of `loaded`, the actors this load's files define: the first pass compared those): 'review'
    proposals, the known actor as `fact`. One full-text query for the file, scored by graph/names."""
    new = [row for row in rows if row["id"] not in stored][: MAX_NEW_ACTORS + 1]
    if not new or len(new) > MAX_NEW_ACTORS:
        return []
    names = []
    for row in new:
        props = row["props"]
        for name in (props["name"], *(props.get("aliases") or ())):
            if query := _fuzzy_query(name):
                names.append({"query": query, "kind": props["kind"]})
    if not names:
        return []
    exclude = sorted({row["id"] for row in new} | set(loaded))
    found = await run("actor_name_candidates", names=names, exclude=exclude)
    if not found:
        return []
    index = NameIndex()
    for each in found:
        index.add(each["id"], each["name"], each["aliases"], each["kind"])
    known = {each["id"] for each in found}
    for row in new:
        props = row["props"]
        index.add(row["id"], props["name"], props.get("aliases") or (), props["kind"])
    wanted = [
        (row["id"], row["props"]["name"], list(row["props"].get("aliases") or ()), row["props"]["kind"])
        for row in new
    ]
    pairs = close_actors(index, wanted, known_first=lambda left, _right: left in known)
    return [pair for pair in pairs if pair.fact in known]


def _fuzzy_query(name: str) -> str:
    """A Lucene query for a name on the actors' `name` and `aliases`: each word as written and in Latin
    letters, fuzzy from MIN_FUZZY_LENGTH letters (words are letters and digits only: nothing to escape)."""
    words = {*normalise(name).split(), *latin_key(name).split()}
    terms = sorted(f"{word}~" if len(word) >= MIN_FUZZY_LENGTH else word for word in words if word)
    if not terms:
        return ""
    joined = " ".join(terms)
    return f"name:({joined}) OR aliases:({joined})"
