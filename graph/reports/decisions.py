"""Analysts' decisions gathered from the files of a load, and what they mean for the matcher and the loader.

`same_as: [a, b]` (or a record b with `same_as: a`): b is a report of a; a keeps its id. Chains are followed
(c same_as b, b same_as a: c is a report of a). `not_same_as: [a, b]`: the matcher never proposes the pair,
in either direction. A pair declared both same and different is a conflict the loader reports.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from graph.model.decisions import Decision, Verdict


@dataclass
class Decisions:
    same: dict[str, str] = field(default_factory=dict)
    """Each id declared a report of another fact -> that fact's id (one step; see `fact_of`)."""
    different: set[frozenset[str]] = field(default_factory=set)

    @classmethod
    def gather(cls, records: Iterable[object], decisions: Iterable[Decision] = ()) -> Decisions:
        """From the records of a load (their `same_as` / `not_same_as`) and the files' `decisions:` lists."""
        found = cls()
        for record in records:
            same_as = getattr(record, "same_as", None)
            record_id = getattr(record, "id", None)
            if not isinstance(record_id, str):
                continue
            if isinstance(same_as, str):
                found.add("same", same_as, record_id)
            for other in getattr(record, "not_same_as", None) or ():
                found.add("different", record_id, other)
        for decision in decisions:
            left, right = decision.ids
            found.add(decision.verdict, left, right)
        return found

    def add(self, verdict: Verdict, left: str, right: str) -> None:
        """Record a decision; for `same`, `right` becomes a report of `left`."""
        if verdict == "same":
            self.same[right] = left
        else:
            self.different.add(frozenset((left, right)))

    def merge(self, other: Decisions) -> None:
        """Add another file's decisions (a load applies every file's decisions to every file)."""
        self.same.update(other.same)
        self.different.update(other.different)

    def fact_of(self, record_id: str) -> str:
        """The id of the fact `record_id` reports: itself unless a same_as chain leads elsewhere."""
        seen = {record_id}
        current = record_id
        while current in self.same:
            current = self.same[current]
            if current in seen:  # a cycle: a same_as b, b same_as a; the smallest id stands for them all
                return min(seen)
            seen.add(current)
        return current

    def never(self, left: str, right: str) -> bool:
        """True when an analyst said `left` and `right` are different facts."""
        return frozenset((left, right)) in self.different

    def conflicts(self) -> list[tuple[str, str]]:
        """Pairs declared both the same and different."""
        return sorted(
            tuple(sorted(pair))  # type: ignore[misc]
            for pair in self.different
            if len({self.fact_of(member) for member in pair}) == 1
        )


def apply_decisions(decisions: Decisions, proposals: list[Proposal]) -> list[Proposal]:
    """The matcher's proposals with the analysts' decisions applied: a `same_as` wins over any score (attach
    to the declared fact), and a `not_same_as` pair is dropped."""
    applied: list[Proposal] = []
    for proposal in proposals:
        declared = decisions.fact_of(proposal.incoming)
        if declared != proposal.incoming:
            applied.append(Proposal(proposal.incoming, "attach", declared, 1.0, ["declared same_as"]))
            continue
        if proposal.fact is not None and decisions.never(proposal.incoming, proposal.fact):
            continue
        applied.append(proposal)
    return applied


@dataclass(frozen=True)
class Proposal:
    """One decision of the matcher about an incoming record and one known fact."""

    incoming: str
    action: str
    """'attach' (a report of `fact`), 'review' (a candidate pair, created separately) or 'create'."""
    fact: str | None
    score: float
    evidence: list[str]
