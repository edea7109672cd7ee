"""Readable, unique ids for the events and agreements of one draft."""

from __future__ import annotations

from graph.ingest.candidates import Candidate
from graph.ingest.translit import slug


class IdMaker:
    def __init__(self) -> None:
        self._used: set[str] = set()

    def event(self, candidate: Candidate) -> str:
        who = [a.name.split()[-1] for a in candidate.actors[:2]] + [p.name for p in candidate.places[:1]]
        words = [candidate.date.start.isoformat(), *who, candidate.kind.replace("_", "-")]
        return self._unique("event", slug(" ".join(words))[:90].rstrip("-"))

    def agreement(self, candidate: Candidate) -> str:
        parties = [a.name.split()[-1] for a in candidate.actors[:2]] + [p.name for p in candidate.places[:1]]
        return self._unique(
            "agreement", slug(" ".join([str(candidate.date), *parties, "agreement"]))[:90].rstrip("-")
        )

    def _unique(self, prefix: str, body: str) -> str:
        candidate, number = f"{prefix}:{body}", 2
        while candidate in self._used:
            candidate, number = f"{prefix}:{body}-{number}", number + 1
        self._used.add(candidate)
        return candidate
