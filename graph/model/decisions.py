"""An analyst's decisions about matching: this record is (or is not) the same fact as that one.

On a record (events and agreements): `same_as: <id>` makes the record a report of the fact with that id
(the record's own id is then only a name for it); `not_same_as: [ids]` stops the matcher from ever
proposing those facts as this one. In a seed file's top-level `decisions:` list, without editing the
digest's own file: `- same_as: [a, b]` (b is a report of a; a keeps its id) or `- not_same_as: [a, b]`.
Both ids of a decision are of one section (two events, two agreements, or two actors: `not_same_as` only)
and must exist, in the files being loaded or in the database; the loader checks that as it checks every
other reference.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import model_validator

from graph.model.base import Record, Ref, Reference, Target
from graph.model.ids import ACTOR_PREFIXES, id_problem, split_id

DECIDABLE: dict[str, Target] = {
    "event": Target.EVENT,
    "agreement": Target.AGREEMENT,
    **{prefix: Target.ACTOR for prefix in ACTOR_PREFIXES.values()},
}
"""Id prefixes a decision may name, and what the loader checks each reference against. Actor pairs take
`not_same_as` only: an actor is one record per id, so "b is a" is said by using a's id (or adding b's name
to a's aliases), not by a decision."""

Verdict = Literal["same", "different"]


class Decision(Record):
    """One entry of a seed file's `decisions:` list."""

    same_as: list[Ref] | None = None
    not_same_as: list[Ref] | None = None

    @model_validator(mode="after")
    def _one_pair(self) -> Decision:
        given = [name for name in ("same_as", "not_same_as") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError("a decision is either `same_as: [a, b]` or `not_same_as: [a, b]`")
        ids = self.ids
        if len(ids) != 2:
            raise ValueError(f"`{given[0]}` takes exactly two ids, got {len(ids)}")
        for value in ids:
            if problem := id_problem(value, frozenset(DECIDABLE)):
                raise ValueError(problem)
        if ids[0] == ids[1]:
            raise ValueError(f"`{given[0]}` names '{ids[0]}' twice")
        if _section(ids[0]) != _section(ids[1]):
            raise ValueError(f"'{ids[0]}' and '{ids[1]}' are of different sections")
        if self.same_as is not None and _section(ids[0]) == "actors":
            known, new = ids
            raise ValueError(
                f"actors are not merged by a decision: to say '{new}' is '{known}', write '{known}' "
                f"where '{new}' is used (or add its name to the aliases of '{known}')"
            )
        return self

    @property
    def verdict(self) -> Verdict:
        return "same" if self.same_as is not None else "different"

    @property
    def ids(self) -> list[str]:
        return list(self.same_as if self.same_as is not None else self.not_same_as or [])

    def references(self) -> Iterator[Reference]:
        field = "same_as" if self.verdict == "same" else "not_same_as"
        for index, value in enumerate(self.ids):
            yield Reference(f"{field}[{index}]", value, DECIDABLE[_prefix(value)])


def check_own_decisions(record_id: str, same_as: str | None, not_same_as: list[str]) -> None:
    """A record's `same_as` / `not_same_as` name other records of its own section (ValueError if not)."""
    prefix = _prefix(record_id)
    for field, value in [("same_as", same_as), *(("not_same_as", each) for each in not_same_as)]:
        if value is None:
            continue
        if problem := id_problem(value, frozenset({prefix})):
            raise ValueError(f"{field}: {problem}")
        if value == record_id:
            raise ValueError(f"{field} names the record itself ('{value}')")
    if same_as is not None and same_as in not_same_as:
        raise ValueError(f"'{same_as}' is both same_as and not_same_as")


def own_decision_references(
    same_as: str | None, not_same_as: list[str], target: Target
) -> Iterator[Reference]:
    if same_as is not None:
        yield Reference("same_as", same_as, target)
    for index, value in enumerate(not_same_as):
        yield Reference(f"not_same_as[{index}]", value, target)


def _section(value: str) -> str:
    prefix = _prefix(value)
    return "actors" if DECIDABLE.get(prefix) is Target.ACTOR else prefix


def _prefix(value: str) -> str:
    parts = split_id(value)
    return parts[0] if parts else ""
