"""Score `kg ingest`'s extractor against hand-annotated events (tests/ingest/expected/*.yaml).

    .venv/bin/python benchmarks/ingest_eval.py [--seeds ../shared/seeds] [--verbose] [--check]

A prediction matches an expected event when its evidence overlaps one of the event's anchor passages
(one-to-one, same kind preferred). Precision = matched / predicted (a second prediction for an already
matched event counts against it; one for an event marked optional counts neither way); recall = matched /
expected. Field accuracy is measured on matched, non-optional events.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from graph.ingest.candidates import ActorRef, Candidate, Span
from graph.ingest.gazetteer import Gazetteer
from graph.ingest.pipeline import gazetteer_for, ingest
from graph.ingest.tokens import normalize_phrase
from graph.settings import REPO_ROOT

FIELDS = ("kind", "dates", "actors", "places", "money")
TARGETS = {"precision": 0.8, "recall": 0.7, **{f: 0.8 for f in FIELDS}}


@dataclass
class Tally:
    predicted: int = 0
    matched: int = 0
    expected: int = 0
    ignored: int = 0
    fields: dict[str, list[bool]] = field(default_factory=lambda: {f: [] for f in FIELDS})

    def add(self, other: Tally) -> None:
        self.predicted += other.predicted
        self.matched += other.matched
        self.expected += other.expected
        self.ignored += other.ignored
        for name in FIELDS:
            self.fields[name] += other.fields[name]

    def figures(self) -> dict[str, float]:
        scored = self.predicted - self.ignored
        result = {
            "precision": self.matched / scored if scored else 1.0,
            "recall": self.matched / self.expected if self.expected else 1.0,
        }
        for name in FIELDS:
            values = self.fields[name]
            result[name] = sum(values) / len(values) if values else 1.0
        return result


def score_digest(expected_file: Path, seeds: Path, seed_folder: Path, verbose: bool) -> Tally:
    spec: dict[str, Any] = yaml.safe_load(expected_file.read_text(encoding="utf-8"))
    digest_path = seeds / spec["digest"]
    ingested = ingest(digest_path, seed_folder)
    text, period = ingested.digest.text, str(ingested.digest.period)
    gazetteer = gazetteer_for(seed_folder.resolve())
    events: list[dict[str, Any]] = spec["events"]
    anchors = [[_span(text, a, expected_file) for a in e["anchors"]] for e in events]
    predictions = ingested.candidates
    pairs = sorted(
        (
            (c.kind != e["kind"], -_overlap(p, anchors[i]), pi, i)
            for pi, p in enumerate(predictions)
            for i, e in enumerate(events)
            if _overlap(p, anchors[i])
            for c in [p]
        ),
    )
    assigned: dict[int, int] = {}
    taken: set[int] = set()
    for _, _, pi, i in pairs:
        if pi not in assigned and i not in taken:
            assigned[pi] = i
            taken.add(i)
    tally = Tally(predicted=len(predictions), expected=sum(1 for e in events if not e.get("optional")))
    for pi, prediction in enumerate(predictions):
        index = assigned.get(pi)
        if index is None:
            overlapping = [
                i for i, e in enumerate(events) if _overlap(prediction, anchors[i]) and e.get("optional")
            ]
            tally.ignored += 1 if overlapping else 0
            if verbose and not overlapping:
                print(
                    f"  FALSE ALARM {prediction.kind} {prediction.date}: {prediction.evidence[0].quote[:90]}"
                )
            continue
        event = events[index]
        if event.get("optional"):
            tally.ignored += 1
            continue
        tally.matched += 1
        checks = _field_checks(prediction, event, period, gazetteer)
        for name, ok in checks.items():
            tally.fields[name].append(ok)
        if verbose and not all(checks.values()):
            wrong = [n for n, ok in checks.items() if not ok]
            print(f"  FIELDS WRONG {event['id']}: {wrong} -> {_describe(prediction)}")
    missed = [e["id"] for i, e in enumerate(events) if i not in taken and not e.get("optional")]
    if verbose and missed:
        print(f"  MISSED {missed}")
    return tally


def _field_checks(
    prediction: Candidate, event: dict[str, Any], period: str, gazetteer: Gazetteer
) -> dict[str, bool]:
    accepted = {period if str(d) == "period" else str(d) for d in event["dates"]}
    money = event.get("money")
    predicted_money = prediction.money
    money_ok = (money is None and predicted_money is None) or (
        money is not None
        and predicted_money is not None
        and Decimal(str(money["amount"])) == predicted_money.amount
        and money["currency"] == predicted_money.currency
    )
    return {
        "kind": prediction.kind == event["kind"],
        "dates": str(prediction.date) in accepted,
        "actors": _names_ok(
            prediction.actors, event.get("actors", []), event.get("may_include", []), gazetteer
        ),
        "places": _names_ok(
            prediction.places, event.get("places", []), event.get("may_include_places", []), gazetteer
        ),
        "money": money_ok,
    }


def _names_ok(
    predicted: list[ActorRef], required: list[str], allowed: list[str], gazetteer: Gazetteer
) -> bool:
    def matches(actor: ActorRef, group: str) -> bool:
        for name in group.split("|"):
            if actor.id in {a.id for a in gazetteer.lookup(name)}:
                return True
            if normalize_phrase(actor.name) == normalize_phrase(name):
                return True
        return False

    every_required = all(any(matches(a, g) for a in predicted) for g in required)
    nothing_else = all(any(matches(a, g) for g in required + allowed) for a in predicted)
    return every_required and nothing_else


def _span(text: str, anchor: str, where: Path) -> Span:
    start = text.find(anchor)
    if start < 0:
        sys.exit(f"{where}: anchor not found in the digest: {anchor!r}")
    return Span(start, start + len(anchor))


def _overlap(prediction: Candidate, spans: list[Span]) -> int:
    best = 0
    for evidence in prediction.evidence:
        for span in spans:
            best = max(best, min(evidence.span.end, span.end) - max(evidence.span.start, span.start))
    return best


def _describe(c: Candidate) -> str:
    money = f" {c.money.currency} {c.money.amount}" if c.money else ""
    return f"{c.kind} {c.date} actors={[a.id for a in c.actors]} places={[p.id for p in c.places]}{money}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seeds", type=Path, default=REPO_ROOT.parent / "shared" / "seeds")
    parser.add_argument("--expected", type=Path, default=REPO_ROOT / "tests" / "ingest" / "expected")
    parser.add_argument("--seed-folder", type=Path, default=REPO_ROOT / "seed_data")
    parser.add_argument("--verbose", action="store_true", help="list misses, false alarms and wrong fields")
    parser.add_argument("--check", action="store_true", help="exit 1 when a figure is below its target")
    args = parser.parse_args()
    total = Tally()
    header = f"{'digest':58} {'pred':>4} {'exp':>4} {'hit':>4} " + " ".join(f"{n[:6]:>6}" for n in TARGETS)
    print(header)
    for expected_file in sorted(args.expected.glob("*.yaml")):
        if args.verbose:
            print(expected_file.stem)
        tally = score_digest(expected_file, args.seeds, args.seed_folder, args.verbose)
        total.add(tally)
        print(_row(expected_file.stem, tally))
    print(_row("ALL", total))
    below = [name for name, value in total.figures().items() if value < TARGETS[name]]
    if below:
        print(f"below target: {', '.join(below)}")
    return 1 if args.check and below else 0


def _row(name: str, tally: Tally) -> str:
    figures = tally.figures()
    counts = f"{tally.predicted - tally.ignored:>4} {tally.expected:>4} {tally.matched:>4}"
    return f"{name[:58]:58} {counts} " + " ".join(f"{figures[n]:6.2f}" for n in TARGETS)


if __name__ == "__main__":
    raise SystemExit(main())
