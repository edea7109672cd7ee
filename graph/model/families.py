"""Kind families: which event kinds may be two reports of one real-world event (read by the matcher).

Two digests may call one event by different kinds: one writes that Golovchenko *visited* Novosibirsk, another
that he *met* its governor there. Kinds of one family are comparable; kinds of different families never
match (a ban is not a statement about a ban). A kind missing from the table is its own family.

`ceiling` caps a family's match score: statements are frequent, and one speaker often says several things
in one day, so two statements never attach on their own (the ceiling is below `KG_MATCH_ATTACH`); they are
listed for review and the analyst decides (`same_as`).

To add a kind: add it to graph/model/events.py and to one family here (tests/model/test_families.py checks
that every kind has one).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Family:
    name: str
    kinds: frozenset[str]
    ceiling: float = 1.0
    """The highest score two events of this family can reach (see the module's docstring)."""


FAMILIES: tuple[Family, ...] = (
    Family("encounter", frozenset({"visit", "meeting"})),
    Family("signing", frozenset({"contract_signing"})),
    Family("statement", frozenset({"statement"}), ceiling=0.8),
    Family("publication", frozenset({"publication"})),
    Family("restriction", frozenset({"ban", "sanction"})),
    Family("expulsion", frozenset({"expulsion"})),
    Family("appointment", frozenset({"appointment"})),
    Family("dismissal", frozenset({"dismissal"})),
    Family("detention", frozenset({"detention"})),
    Family("penalty", frozenset({"sentence", "fine"})),
)

_BY_KIND: dict[str, Family] = {kind: family for family in FAMILIES for kind in family.kinds}


def family_of(kind: str) -> Family:
    """The family of an event kind; a kind no family lists is a family of its own."""
    return _BY_KIND.get(kind) or Family(kind, frozenset({kind}))


def family_kinds(kind: str) -> list[str]:
    """Every kind comparable with `kind` (itself included), sorted: the candidate search's `kinds`."""
    return sorted(family_of(kind).kinds)
