"""Score `kg ingest`'s extractor against hand-annotated events.

    .venv/bin/python benchmarks/ingest_eval.py --corpus tests/ingest/corpus --split dev [--verbose]
    .venv/bin/python benchmarks/ingest_eval.py --corpus tests/ingest/corpus --split blind
    .venv/bin/python benchmarks/ingest_eval.py --expected tests/ingest/heldout --seeds tests/ingest/heldout
    .venv/bin/python benchmarks/ingest_eval.py [--expected tests/ingest/expected] [--seeds ../shared/seeds]

The corpus (tests/ingest/corpus/<split>/*.yaml) keeps each text beside its annotation (`digest:` names it)
with its `language`, `published` date, `period` and publisher; the older folders name the text relative to
`--seeds`. The blind split prints aggregate figures only and refuses `--verbose`: it is scored once per
change set, and nobody reads it.

A prediction matches an expected event when its evidence overlaps one of the event's anchor passages
(one-to-one, same kind preferred). Precision = matched / predicted (a second prediction for an already
matched event counts against it; one for an event marked optional counts neither way); recall = matched /
expected; core-kind recall counts only visits, signings, bans, statements, meetings and publications. On
matched, non-optional events: kind, start date (the first day of any accepted date; "period" is the
annotated period, else the digest's own), actors and places (every required one predicted, nothing
else but the allowed extras), money (on events where the annotation or the prediction has a sum).

The extractor is run as an analyst runs it: with `--period` when the annotation states the period, else
with `--date` (the publication day) when it is known; a text dated nowhere is read as of today.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from graph.errors import ValidationFailed
from graph.ingest.candidates import ActorRef, Candidate, Span
from graph.ingest.gazetteer import Gazetteer
from graph.ingest.pipeline import Ingested, gazetteer_for, ingest, parse_period
from graph.ingest.tokens import normalize_phrase
from graph.settings import REPO_ROOT

CORE_KINDS = frozenset({"visit", "contract_signing", "ban", "statement", "meeting", "publication"})
FIELDS = ("kind", "start", "actors", "places", "money")
TARGETS = {"precision": 0.8, "core_recall": 0.7, "kind": 0.9, "start": 0.9, "actors": 0.7, "places": 0.7,
           "money": 0.8}  # fmt: skip
COLUMNS = ("precision", "recall", "core_recall", *FIELDS)


@dataclass
class Outcome:
    """What one text's scoring found, kept per item so figures can be cut by language and kind."""

    language: str
    predictions: list[tuple[str, str]] = field(default_factory=list)
    """(predicted kind, 'hit' | 'false' | 'ignored')"""
    expectations: list[tuple[str, bool]] = field(default_factory=list)
    """(expected kind, matched?) for non-optional events"""
    fields: list[tuple[str, str, bool]] = field(default_factory=list)
    """(expected kind, field, correct?) on matched events"""
    missing_anchors: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass
class Figures:
    texts: int = 0
    predicted: int = 0
    expected: int = 0
    matched: int = 0
    values: dict[str, float | None] = field(default_factory=dict)


def figures(outcomes: Iterable[Outcome], kind: Callable[[str], bool] = lambda _: True) -> Figures:
    chosen = list(outcomes)
    predictions = [status for o in chosen for k, status in o.predictions if kind(k) and status != "ignored"]
    expectations = [(k, hit) for o in chosen for k, hit in o.expectations if kind(k)]
    core = [hit for k, hit in expectations if k in CORE_KINDS]
    result = Figures(
        texts=len(chosen),
        predicted=len(predictions),
        expected=len(expectations),
        matched=sum(1 for _, hit in expectations if hit),
    )
    hits = sum(1 for status in predictions if status == "hit")
    result.values["precision"] = hits / len(predictions) if predictions else None
    result.values["recall"] = result.matched / len(expectations) if expectations else None
    result.values["core_recall"] = sum(core) / len(core) if core else None
    for name in FIELDS:
        checks = [ok for o in chosen for k, f, ok in o.fields if f == name and kind(k)]
        result.values[name] = sum(checks) / len(checks) if checks else None
    return result


def score_digest(
    expected_file: Path,
    seeds: Path | None,
    seed_folder: Path,
    verbose: bool = False,
    show: Callable[[str], None] = print,
) -> Outcome:
    spec: dict[str, Any] = yaml.safe_load(expected_file.read_text(encoding="utf-8"))
    digest_path = (seeds or expected_file.parent) / spec["digest"]
    ingested = _ingest(digest_path, seed_folder, spec)
    text = ingested.digest.text
    period = str(spec.get("period") or ingested.digest.period)
    outcome = Outcome(language=str(spec.get("language") or ingested.digest.language))
    gazetteer = gazetteer_for(seed_folder.resolve())
    events: list[dict[str, Any]] = spec.get("events") or []
    anchors: list[list[Span]] = []
    for event in events:
        spans = [_span(text, a) for a in event.get("anchors") or []]
        outcome.missing_anchors += sum(1 for s in spans if s is None)
        anchors.append([s for s in spans if s is not None])
    predictions = ingested.candidates
    pairs = sorted(
        (p.kind != e["kind"], -_overlap(p, anchors[i]), -_shared_actors(p, e, gazetteer), pi, i)
        for pi, p in enumerate(predictions)
        for i, e in enumerate(events)
        if _overlap(p, anchors[i])
    )
    assigned: dict[int, int] = {}
    taken: set[int] = set()
    for _, _, _, pi, i in pairs:
        if pi not in assigned and i not in taken:
            assigned[pi] = i
            taken.add(i)
    for pi, prediction in enumerate(predictions):
        index = assigned.get(pi)
        if index is None:
            optional = any(
                _overlap(prediction, anchors[i]) and e.get("optional") for i, e in enumerate(events)
            )
            outcome.predictions.append((prediction.kind, "ignored" if optional else "false"))
            if verbose and not optional:
                show(f"  FALSE ALARM {_describe(prediction)}: {prediction.evidence[0].quote[:100]}")
            continue
        event = events[index]
        if event.get("optional"):
            outcome.predictions.append((prediction.kind, "ignored"))
            continue
        outcome.predictions.append((prediction.kind, "hit"))
        checks = _field_checks(prediction, event, period, gazetteer)
        outcome.fields += [(event["kind"], name, ok) for name, ok in checks.items()]
        if verbose and not all(checks.values()):
            wrong = [n for n, ok in checks.items() if not ok]
            show(f"  WRONG {event['id']} ({event['kind']}) {wrong}: got {_describe(prediction)}")
    for i, event in enumerate(events):
        if not event.get("optional"):
            outcome.expectations.append((event["kind"], i in taken))
            if verbose and i not in taken:
                show(f"  MISSED {event['id']} ({event['kind']})")
    return outcome


def _ingest(path: Path, seed_folder: Path, spec: dict[str, Any]) -> Ingested:
    """As an analyst runs it: with --period when the annotation knows the period, else --date when it
    knows the publication day; a text dated nowhere is read as if published today."""
    period, published = spec.get("period"), spec.get("published")
    if period:
        return ingest(path, seed_folder, parse_period(str(period)))
    if isinstance(published, date):
        return ingest(path, seed_folder, published=published)
    try:
        return ingest(path, seed_folder)
    except ValidationFailed:
        return ingest(path, seed_folder, published=date.today())


def _field_checks(
    prediction: Candidate, event: dict[str, Any], period: str, gazetteer: Gazetteer
) -> dict[str, bool]:
    accepted = {period if str(d) == "period" else str(d) for d in event.get("dates") or []}
    starts = {value.split("/")[0] for value in accepted}
    checks = {
        "kind": prediction.kind == event["kind"],
        "start": prediction.date.start.isoformat() in starts or str(prediction.date) in accepted,
        "actors": _names_ok(
            prediction.actors, event.get("actors") or [], event.get("may_include") or [], gazetteer
        ),
        "places": _names_ok(
            prediction.places, event.get("places") or [], event.get("may_include_places") or [], gazetteer
        ),
    }
    money, predicted = event.get("money"), prediction.money
    if money is not None or predicted is not None:
        checks["money"] = (
            money is not None
            and predicted is not None
            and Decimal(str(money["amount"])) == predicted.amount
            and str(money["currency"]).upper() == predicted.currency
        )
    return checks


def _names_ok(
    predicted: list[ActorRef], required: list[str], allowed: list[str], gazetteer: Gazetteer
) -> bool:
    def matches(actor: ActorRef, group: str) -> bool:
        for name in str(group).split("|"):
            if actor.id == name or actor.id in {a.id for a in gazetteer.lookup(name)}:
                return True
            if normalize_phrase(actor.name) == normalize_phrase(name):
                return True
        return False

    every_required = all(any(matches(a, g) for a in predicted) for g in required)
    nothing_else = all(any(matches(a, g) for g in required + allowed) for a in predicted)
    return every_required and nothing_else


def _shared_actors(prediction: Candidate, event: dict[str, Any], gazetteer: Gazetteer) -> int:
    """How many of the event's actors the prediction names: breaks ties between predictions whose
    evidence overlaps the same anchors (one meeting per counterpart in one sentence)."""
    groups = event.get("actors") or []
    return sum(1 for g in groups if any(_names_ok([a], [g], [], gazetteer) for a in prediction.actors))


def _span(text: str, anchor: str) -> Span | None:
    start = text.find(str(anchor))
    return Span(start, start + len(str(anchor))) if start >= 0 else None


def _overlap(prediction: Candidate, spans: list[Span]) -> int:
    best = 0
    for evidence in prediction.evidence:
        for span in spans:
            best = max(best, min(evidence.span.end, span.end) - max(evidence.span.start, span.start))
    return best


def _describe(c: Candidate) -> str:
    money = f" {c.money.currency} {c.money.amount}" if c.money else ""
    actors = [a.id for a in c.actors]
    return f"{c.kind} {c.date} actors={actors} places={[p.id for p in c.places]}{money}"


def _cell(value: float | None) -> str:
    return f"{value:6.2f}" if value is not None else f"{'–':>6}"


def _row(name: str, result: Figures) -> str:
    counts = f"{result.texts:>5} {result.predicted:>5} {result.expected:>5} {result.matched:>5}"
    return f"{name[:40]:40} {counts} " + " ".join(_cell(result.values[c]) for c in COLUMNS)


HEADER = f"{'':40} {'texts':>5} {'pred':>5} {'exp':>5} {'hit':>5} " + " ".join(
    f"{c.replace('core_recall', 'core')[:6]:>6}" for c in COLUMNS
)


def report(outcomes: dict[str, Outcome], per_text: bool) -> Figures:
    if per_text:
        print(HEADER)
        for name, outcome in outcomes.items():
            print(_row(name, figures([outcome])))
        print()
    print("by language")
    print(HEADER)
    everything = figures(outcomes.values())
    print(_row("all", everything))
    languages = sorted({o.language for o in outcomes.values()})
    for language in languages:
        print(_row(language, figures(o for o in outcomes.values() if o.language == language)))
    en_ru = [o for o in outcomes.values() if o.language in {"en", "ru"}]
    if len(languages) > 1 and en_ru:
        print(_row("en+ru (the targets)", figures(en_ru)))
    print()
    print("by kind (expected kind for recall and fields, predicted kind for precision)")
    print(HEADER)
    kinds = sorted(
        {k for o in outcomes.values() for k, _ in o.expectations}
        | {k for o in outcomes.values() for k, _ in o.predictions}
    )
    for kind in kinds:
        print(_row(kind, figures(outcomes.values(), lambda k, kind=kind: k == kind)))
    missing = sum(o.missing_anchors for o in outcomes.values())
    if missing:
        print(f"\n{missing} anchor(s) not found in their texts (annotation errors; skipped)")
    target = figures(en_ru) if en_ru else everything
    below = [n for n, goal in TARGETS.items() if (target.values[n] or 0.0) < goal]
    print(f"\nbelow target ({'en+ru' if en_ru else 'all'}): {', '.join(below) or 'none'}")
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, help="a corpus folder with dev/ and blind/ splits")
    parser.add_argument("--split", choices=("dev", "blind"), default="dev")
    parser.add_argument("--expected", type=Path, default=REPO_ROOT / "tests" / "ingest" / "expected")
    parser.add_argument("--seeds", type=Path, default=REPO_ROOT.parent / "shared" / "seeds")
    parser.add_argument("--seed-folder", type=Path, default=REPO_ROOT / "seed_data")
    parser.add_argument("--verbose", action="store_true", help="list misses, false alarms and wrong fields")
    parser.add_argument("--check", action="store_true", help="exit 1 when a figure is below its target")
    args = parser.parse_args()
    blind = args.corpus is not None and args.split == "blind"
    if blind and args.verbose:
        parser.error("the blind split is scored in aggregate only; --verbose is for dev")
    folder = args.corpus / args.split if args.corpus else args.expected
    seeds = None if args.corpus else args.seeds
    files = sorted(folder.glob("*.yaml"))
    if not files:
        parser.error(f"no annotations (*.yaml) in {folder}")
    outcomes: dict[str, Outcome] = {}
    for expected_file in files:
        if args.verbose:
            print(expected_file.stem)
        outcomes[expected_file.stem] = score_digest(expected_file, seeds, args.seed_folder, args.verbose)
    print(f"{folder} ({'blind: aggregate figures only' if blind else 'per text, then aggregate'})\n")
    target = report(outcomes, per_text=not blind)
    below = [n for n, goal in TARGETS.items() if (target.values[n] or 0.0) < goal]
    return 1 if args.check and below else 0


if __name__ == "__main__":
    sys.exit(main())
