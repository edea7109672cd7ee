"""The reviewed-draft seed file: `source`, proposed `actors`, `events` and `agreements`, in the
FORMAT.md shape, with YAML comments telling the analyst what to check."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from graph.ingest.candidates import ActorRef, Candidate, Evidence
from graph.ingest.document import Digest
from graph.ingest.ids import IdMaker
from graph.ingest.language import NAMES
from graph.ingest.lexicon import AGREEMENT_WORDS
from graph.ingest.places import known_city
from graph.ingest.translit import slug
from graph.ingest.yaml_text import comment, date_value, flow_list, scalar

REVIEW_THRESHOLD = 0.6


@dataclass(frozen=True)
class DraftOptions:
    out: Path
    extractor: str = "rules"
    text_file: Path | None = None
    """The digest's text for the loader (in the draft's folder tree); by default the digest itself."""


def render_draft(digest: Digest, candidates: list[Candidate], options: DraftOptions) -> str:
    ids = IdMaker()
    source_id = f"source:{slug(digest.header.title or digest.path.stem)[:80].rstrip('-')}"
    lines = [
        f"# Draft made by `kg ingest` ({options.extractor} extractor) from {digest.path.name}.",
        "# An analyst reviews it before `kg validate` and `kg load`: lines marked REVIEW need a human eye;",
        "# delete events that are wrong, fix dates and names, and remove these REVIEW comments when done.",
        "",
        *_unread(digest),
        *_source(digest, source_id, options.out, options.text_file or digest.path),
        "",
        *_actors(candidates),
        "",
        "events:",
    ]
    agreements: list[str] = []
    event_ids = {id(candidate): ids.event(candidate) for candidate in candidates}
    for candidate in candidates:
        event_id = event_ids[id(candidate)]
        agreement_id = ids.agreement(candidate) if candidate.kind == "contract_signing" else None
        trip = event_ids.get(id(candidate.part_of)) if candidate.part_of is not None else None
        lines += [*_event(candidate, event_id, agreement_id, trip), ""]
        if agreement_id:
            agreements += [*_agreement(digest, candidate, agreement_id), ""]
    if not candidates:
        lines[-1] = "events: []"
    if agreements:
        lines += ["agreements:", *agreements]
    return "\n".join(lines).rstrip() + "\n"


def _unread(digest: Digest) -> list[str]:
    """Which paragraphs the rules did not read fully, and why."""
    notes = unread_notes(digest)
    if not notes:
        return []
    return ["# NOT READ FULLY: only known names, dates and money were taken from these paragraphs:"] + [
        f"#   {note}" for note in notes
    ]


def unread_notes(digest: Digest) -> list[str]:
    return [
        f"paragraph {p.index + 1} (characters {p.span.start}-{p.span.end}) is in "
        f"{NAMES.get(p.language, p.language)}; kg ingest reads English and Russian fully"
        for p in digest.unread
    ]


def _source(digest: Digest, source_id: str, out: Path, text: Path) -> list[str]:
    header = digest.header
    text_file = os.path.relpath(text.resolve(), out.resolve().parent)
    lines = ["source:", f"  id: {source_id}", f"  title: {scalar(header.title or digest.path.stem)}"]
    if header.section:
        lines.append(f"  section: {scalar(header.section)}")
    if header.url:
        lines.append(f"  url: {scalar(header.url)}")
    period = f"  period: {{start: {digest.period.start.isoformat()}, end: {digest.period.end.isoformat()}}}"
    if digest.period_note:
        lines.append(period + f"  # REVIEW: {digest.period_note}")
    else:
        lines.append(
            period if digest.period_stated else period + "  # REVIEW: guessed, the header gives no week"
        )
    lines.append(f"  language: {digest.language}")
    if header.status_label:
        lines.append(f"  status_label: {scalar(header.status_label)}")
    lines.append(f"  text_file: {scalar(Path(text_file).as_posix())}")
    return lines


def _actors(candidates: list[Candidate]) -> list[str]:
    proposals: dict[str, ActorRef] = {}
    for candidate in candidates:
        for actor in candidate.actors + candidate.places:
            if not actor.known:
                proposals.setdefault(actor.id, actor)
    if not proposals:
        return ["actors: []"]
    lines = ["actors:"]
    for actor in proposals.values():
        lines += [
            "  # REVIEW: new actor proposed by kg ingest (not in the reference data). Check name and kind,",
            "  # or replace every use of this id by an existing actor's id and delete this entry.",
            f"  - id: {actor.id}",
            f"    kind: {actor.kind}",
            f"    name: {scalar(actor.name)}",
        ]
        city = known_city(actor.name) if actor.kind == "city" else None
        if city is not None:
            lines += [
                f"    parent: country:{city.country}",
                f"    location: {{lat: {city.lat}, lon: {city.lon}}}",
            ]
    return lines


def _event(candidate: Candidate, event_id: str, agreement_id: str | None, trip: str | None) -> list[str]:
    lines: list[str] = []
    if candidate.confidence < REVIEW_THRESHOLD or candidate.review:
        lines += comment(f"REVIEW (confidence {candidate.confidence}):", "  ")
        lines += comment("\n".join(f"- {note}" for note in candidate.review), "  ")
    else:
        lines.append(f"  # confidence {candidate.confidence}")
    lines += [
        f"  - id: {event_id}",
        f"    kind: {candidate.kind}",
        f"    title: {scalar(candidate.title)}",
        f"    date: {date_value(candidate.date)}",
    ]
    if candidate.participants:
        lines.append("    participants:")
        lines += [f"      - {{actor: {p.actor.id}, role: {p.role}}}" for p in candidate.participants]
    if candidate.places:
        lines.append(f"    places: {flow_list([p.id for p in candidate.places])}")
    if trip:
        lines.append(f"    part_of: {trip}")
    if candidate.money and candidate.kind in {"fine", "sentence"}:
        lines.append(
            f'    money: {{amount: "{candidate.money.amount:f}", currency: {candidate.money.currency}}}'
        )
    if agreement_id:
        lines.append(f"    produced: [{agreement_id}]")
    if candidate.content:
        lines.append(f"    content: {scalar(candidate.content)}")
    return lines + _evidence(candidate.evidence, "    ")


def _evidence(evidence: list[Evidence], indent: str) -> list[str]:
    lines = [f"{indent}evidence:"]
    for item in evidence:
        lines.append(
            f"{indent}  - quote: {scalar(item.quote)}  # characters {item.span.start}-{item.span.end}"
        )
    return lines


def _agreement(digest: Digest, candidate: Candidate, agreement_id: str) -> list[str]:
    words = [t.norm for t in digest.tokens_in(candidate.evidence[0].span)]
    kind = next((AGREEMENT_WORDS[w] for w in words if w in AGREEMENT_WORDS), "agreement")
    lines = [
        "  # REVIEW: agreement inferred from the signing; check its kind, title and parties.",
        f"  - id: {agreement_id}",
        f"    kind: {kind}",
        f"    title: {scalar(candidate.title)}",
        "    status: signed",
        f"    date: {date_value(candidate.date)}",
    ]
    if candidate.money:
        money = candidate.money
        lines.append(f'    value: {{amount: "{money.amount:f}", currency: {money.currency}}}')
    if candidate.participants:
        lines.append("    parties:")
        lines += [
            f"      - {{actor: {p.actor.id}, side: {_side(p.actor, digest)}}}" for p in candidate.participants
        ]
    return lines + _evidence(candidate.evidence[:1], "    ")


def _side(actor: ActorRef, digest: Digest) -> str:
    """The party's country ('belarus', 'russia'), found through the reference data's parents."""
    current: str | None = actor.id
    for _ in range(3):
        if current is None or current.startswith("country:"):
            break
        current = digest.countries.get(current)
    if current and current.startswith("country:"):
        country = digest.country_names.get(current, current.split(":", 1)[1])
        return slug(country).replace("-", "_")
    return slug(actor.id.split(":", 1)[1]).replace("-", "_") or "party"
