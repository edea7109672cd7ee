"""The loader's matching step: which fact each fact record of a file reports (called by graph/load/writer.py).

It runs inside the file's write transaction, before the file's writes, through the transaction's `run` (the
reads of step 3 through `search`, outside it, once its locks are held; where the places the file defines lie
comes from the file's own records, `parents`, as the read outside cannot see them):

1. A record whose id the graph holds reports that fact (no search), unless an analyst decided that id is the
   same as another fact (a `same` decision the graph holds): then it reports that one.
2. A record that declares `same_as`, that this file's `decisions:` name, that an earlier file of the load
   or an earlier load attached to a known fact (a live :Report keeps the record's own id as `alias`), or
   that an analyst decided is the same as another fact, reports that fact.
3. Every other event is searched for, a block of the file (the whole of most files) in one query
   (graph/reports/candidates.py `match_events`): 'attach' makes it a report of the fact found; 'review'
   creates it separately and records the pair as a :Candidate for `kg review`; 'create' makes a new fact.
   Then every other agreement, the same way (`match_agreements`, one query), once the events are settled: a
   signing found to be a known one names the known agreements it produced, the strongest sign that two
   contracts are one. Before the search, the
   months the new events' and agreements' windows touch are locked (queries/match_lock.cypher; one key for
   undated agreements), so two loads at once cannot both create one fact: the second waits for the first to
   commit, then finds its facts. New offices and claims (which the matcher does not search) are locked by
   a hash of their ids (`fact_locks`), in the same query: two sources' loads of one new office cannot
   both write it as their own alone.

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

from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from hashlib import blake2b
from typing import Any

from graph.errors import InvalidInput, Location, Problem
from graph.load.reports import FACT_SECTIONS, rebuilt_row
from graph.load.rows import Row
from graph.load.stored import name_query
from graph.names.index import NameIndex
from graph.names.review import close_actors
from graph.reports.candidates import (
    Run,
    candidate_rows,
    drop_decided,
    match_agreements,
    match_events,
)
from graph.reports.decisions import Decisions, Proposal
from graph.reports.matching import NEAR_DAYS, AgreementFacts, EventFacts

MAX_NEW_ACTORS = 200
"""More new actors than this in one file (a bulk import) are not compared with the graph's: the check is
for digests an analyst writes, and costs a full-text search per name."""
LINKS_TO_FACTS = ("part_of", "produced")
"""Row keys whose items are ids of facts (an event's trip, a signing's agreements); an event's `links` are
{target, type} items whose targets are facts too (`fact_targets`)."""
UNDATED = "undated"
"""The match lock of incoming agreements without a date (found through their signing only)."""
UNMATCHED_SECTIONS = ("offices", "claims")
"""Fact sections the matcher does not search: only their ids make two records one fact."""
FACT_LOCK_BUCKETS = 256
"""Lock keys per section for new offices and claims (`fact_locks`): a fact's key is a hash of its id, so the
:MatchLock nodes stay this many whatever the graph holds, and two loads of one new fact always share one."""


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
    applied: Decisions | None = None,
    search: Run | None = None,
    parents: Mapping[str, Sequence[str]] | None = None,
    within: Awaitable[dict[str, set[str]]] | None = None,
) -> Settled:
    """Decide which fact each fact record of `chunks` reports and rebuild the rows reported under another id
    (in place: `chunks` are this attempt's copies). `decisions`: the file's own; `applied`: the decisions to
    apply, by default the file's (the loader gives every file's of the load); `stored`: the ids the graph
    holds; `earlier`: what earlier files of this load settled; `lock`: take the match locks (not in a dry run,
    which writes nothing); `reported`: fact -> the record reporting it, for the file's earlier blocks (a large
    file is settled block by block; those facts are in the graph already, inside its transaction): never
    proposed, never reported twice. `search`: what runs the candidate searches, when not `run`: the loader's
    runs them outside its write transaction (`GraphStore.load_reader`), after the match locks are taken, so
    they see what every other load committed; what they do not see is this file's own earlier blocks, which
    are never proposed anyway (`reported`), so the block is settled as if the file were settled at once
    before any of it was written. `parents`: place -> the places it lies in, for the places the file
    defines (its earlier blocks' and this one's): the search's read does not see them, and this block's
    are not written yet, so the file's own records say where they lie. `within`: where the block's events'
    places lie, when the caller has asked already (graph/reports/candidates.py `place_containers`)."""
    settled = Settled()
    decisions = applied if applied is not None else decisions
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
    new_agreements = [
        row
        for record_id, (section, row) in defined.items()
        if section == "agreements" and record_id not in remap and record_id not in stored
    ]
    if lock:
        keys = lock_months(new_events)
        keys += [month for row in new_agreements for month in _agreement_months(row)]
        facts = {remap.get(record_id, record_id) for record_id, (section, _) in defined.items()
                 if section in UNMATCHED_SECTIONS}  # fmt: skip
        keys += fact_locks(facts - stored.keys())
        if keys:
            await run("match_lock", months=sorted(set(keys)))
    if new_events or new_agreements:
        claimed = {remap.get(record_id, record_id) for record_id in defined}
        attached: set[str] = set()
        written_before = reported or {}
        if new_events:
            proposals = await match_events(
                run,
                new_events,
                decisions,
                attach=attach,
                review=review,
                search=search,
                parents=parents,
                within=within,
            )
            _take(proposals, settled, remap, claimed, attached, written_before)
        if new_agreements:
            # After the events: a signing attached to a known one names the known agreements it produced.
            producers: dict[str, set[str]] = {}
            for record_id, (section, row) in defined.items():
                if section == "events":
                    for agreement in row.get("produced", ()):
                        producers.setdefault(agreement, set()).add(remap.get(record_id, record_id))
            agreements = [_agreement_facts(row, producers.get(row["id"], set())) for row in new_agreements]
            proposals = await match_agreements(
                run, agreements, decisions, attach=attach, review=review, search=search
            )
            _take(proposals, settled, remap, claimed, attached, written_before)
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


def _take(
    proposals: Sequence[Proposal],
    settled: Settled,
    remap: dict[str, str],
    claimed: set[str],
    attached: set[str],
    reported: Mapping[str, str],
) -> None:
    """Apply the matcher's proposals: an 'attach' remaps the record to the fact (unless another record of the
    file reports that fact already: then the analyst decides); 'attach' and 'review' are kept to print. A fact
    in `reported` was written by this file's earlier block: the matcher never compares a file with itself (as
    when the whole file is settled at once)."""
    for proposal in proposals:
        fact = proposal.fact
        if fact in reported:
            continue
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


def fact_locks(facts: Iterable[str]) -> list[str]:
    """The lock keys of offices and claims ('office#3f'): one per bucket of their ids. Two loads of one new
    office or claim take the same key, so the second waits for the first to commit, then reads its report
    (as the events' months do). The caller leaves out the facts the graph holds already: a load that found
    one in the graph reads its reports after that fact's first load committed."""
    keys = set()
    for fact in facts:
        prefix = fact.partition(":")[0]
        bucket = int.from_bytes(blake2b(fact.encode("utf-8"), digest_size=2).digest()) % FACT_LOCK_BUCKETS
        keys.add(f"{prefix}#{bucket:02x}")
    return sorted(keys)


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


def _agreement_facts(row: Row, produced_by: Iterable[str]) -> AgreementFacts:
    """What the matcher compares of an agreement row (graph/load/rows.py), references already ids."""
    props = row["props"]
    amount = props.get("value_amount")
    return AgreementFacts(
        id=row["id"],
        kind=props["kind"],
        start=props.get("start_date"),
        end=props.get("end_date"),
        precision=props.get("date_precision") or "day",
        parties=frozenset(link["target"] for link in row["parties"]),
        produced_by=frozenset(produced_by),
        amount=Decimal(amount) if amount is not None else None,
        currency=props.get("value_currency"),
        usd=props.get("value_usd"),
        title=props.get("title") or "",
    )


def _agreement_months(row: Row) -> list[str]:
    """The lock keys of an incoming agreement: its window's months, or one key for the undated ones."""
    props = row["props"]
    if props.get("start_date") is None:
        return [UNDATED]
    window = EventFacts(row["id"], "", props["start_date"], props["end_date"])
    return lock_months([window])


def _check_one_report_each(
    file: str, defined: Mapping[str, tuple[str, Row]], remap: Mapping[str, str], reported: Mapping[str, str]
) -> None:
    """Two records of one file that declare themselves (or are decided) one fact: an error naming both (the
    other may be in an earlier block of the file: `reported`)."""
    reporter: dict[str, str] = {}
    """This block's facts (the earlier blocks' are in `reported`, not copied: it holds the whole file's)."""
    problems: list[Problem] = []
    for record_id in defined:
        fact = remap.get(record_id, record_id)
        other = reporter.get(fact) or reported.get(fact)
        if other is not None:
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
    run: Run,
    rows: Sequence[Row],
    stored: Mapping[str, object],
    loaded: Callable[[str], bool],
    decisions: Decisions | None = None,
) -> list[Proposal]:
    """Actors of `rows` the graph does not hold yet whose names are close to an actor only the graph holds
    (not one that `loaded` says this load's files define: the first pass compared those): 'review'
    proposals, the known actor as `fact`, but no pair an analyst decided (`decisions` of the load, or in the
    graph). One full-text query for the file, scored by graph/names."""
    new = [row for row in rows if row["id"] not in stored][: MAX_NEW_ACTORS + 1]
    if not new or len(new) > MAX_NEW_ACTORS:
        return []
    names = []
    for row in new:
        props = row["props"]
        for name in (props["name"], *(props.get("aliases") or ())):
            if query := name_query(name):
                names.append({"query": query, "kind": props["kind"]})
    if not names:
        return []
    exclude = sorted({row["id"] for row in new})
    found = await run("actor_name_candidates", names=names, exclude=exclude)
    found = [each for each in found if not loaded(each["id"])]  # not sent: a load may define millions
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
    pairs = close_actors(index, wanted, known_first=lambda left, _right: left in known, decisions=decisions)
    return await drop_decided(run, [pair for pair in pairs if pair.fact in known], "actor")
