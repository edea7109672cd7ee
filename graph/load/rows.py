"""One record, references resolved, as the row its `queries/load_<section>.cypher` query expects.

Every row carries `keys`, the relationships the record states ("TYPE|target|detail"; a time node's target
is its key, 2023-04-28, 2023-04, 2023 or 2020s), so the query can drop the ones an earlier version of the
file stated and this one does not; and `props._hash`, a digest of
the whole row (its repr: rows are built in a fixed order), so an unchanged record is recognised and skipped.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from neo4j.spatial import WGS84Point

from graph.model import (
    ActorBase,
    Agreement,
    Claim,
    ContractSigning,
    DateSpan,
    EventBase,
    Evidenced,
    Money,
    Office,
    Organization,
    Penalty,
    Person,
    PlaceBase,
    Region,
    SectionRecord,
    Source,
    Statement,
    Target,
)
from graph.model.dates import TIME_UNITS, TimeLinks
from graph.model.links import LINK_TYPES

Row = dict[str, Any]
_T = TypeVar("_T")
Resolve = Callable[[str, Target], str]
Locate = Callable[[str, str], tuple[int, int] | None]
"""(source id, quote) -> where the quote sits in the source text, if the text is known."""


def source_row(source: Source, text: str | None = None) -> Row:
    """The source's row; `text` is its digest's text when the seed file names one (`text_file`), stored
    as (:Source)-[:HAS_TEXT]->(:SourceText) so that quotes written later through the API can be checked."""
    props = {
        "id": source.id,
        "title": source.title,
        "section": source.section,
        "publisher": source.publisher,
        "url": source.url,
        "language": source.language,
        "status_label": source.status_label,
        **_span_props(source.period, "period"),
    }
    return _finish({"id": source.id, "label": "Source", "labels": ["Source"], "props": props, "text": text})


def record_row(record: SectionRecord, resolve: Resolve, locate: Locate, default_source: str | None) -> Row:
    if isinstance(record, ActorBase):
        row = _actor_row(record, resolve)
    elif isinstance(record, EventBase):
        row = _event_row(record, resolve)
    elif isinstance(record, Agreement):
        row = _agreement_row(record, resolve)
    elif isinstance(record, Office):
        row = _office_row(record, resolve)
    else:
        row = _claim_row(record, resolve)
    if isinstance(record, Evidenced):
        row["evidence"] = _evidence(record, resolve, locate, default_source)
        row["keys"] += [f"EVIDENCE|{item['source']}|{item['quote']}" for item in row["evidence"]]
    return _finish(row)


def _actor_row(actor: ActorBase, resolve: Resolve) -> Row:
    props: dict[str, Any] = {
        "id": actor.id,
        "kind": actor.kind,
        "name": actor.name,
        "aliases": actor.aliases,
        "wikidata_id": actor.wikidata_id,
    }
    parent: list[str] = []
    country: list[str] = []
    if isinstance(actor, Organization):
        props["org_kind"] = actor.org_kind
    if isinstance(actor, Person | Organization) and actor.country:
        country = [resolve(actor.country, Target.COUNTRY)]
    if isinstance(actor, PlaceBase):
        props["iso_code"] = actor.iso_code
        props["location"] = [actor.location.lon, actor.location.lat] if actor.location else None
        parent = [resolve(actor.parent, Target.PLACE)] if actor.parent else []
    if isinstance(actor, Region):
        props["subject_kind"] = actor.subject_kind
    keys = [f"IN|{target}|" for target in parent] + [f"BELONGS_TO|{target}|" for target in country]
    labels = list(actor.labels)
    return {
        "id": actor.id,
        "label": labels[0],
        "labels": labels,
        "props": props,
        "parent": parent,
        "country": country,
        "keys": keys,
    }


def _event_row(event: EventBase, resolve: Resolve) -> Row:
    props = {
        "id": event.id,
        "kind": event.kind,
        "title": event.title,
        "summary": event.summary,
        "content": event.content if isinstance(event, Statement) else None,
        **_money_props(event.money if isinstance(event, Penalty) else None),
        **_span_props(event.date, "date"),
    }
    participants = _distinct(
        {"target": resolve(p.actor, Target.ACTOR), "role": p.role} for p in event.participants
    )
    places = _distinct(resolve(place, Target.PLACE) for place in event.places)
    part_of = [resolve(event.part_of, Target.EVENT)] if event.part_of else []
    links = _distinct(
        {"target": resolve(link.event, Target.EVENT), "type": LINK_TYPES[link.kind]} for link in event.links
    )
    about = _distinct(resolve(each, Target.ACTOR) for each in event.about)
    produced = (
        _distinct(resolve(each, Target.AGREEMENT) for each in event.produced)
        if isinstance(event, ContractSigning)
        else []
    )
    time = event.date.time_links()
    keys = [
        *(f"PARTICIPANT|{p['target']}|{p['role']}" for p in participants),
        *(f"IN_PLACE|{target}|" for target in places),
        *(f"PART_OF|{target}|" for target in part_of),
        *(f"{link['type']}|{link['target']}|" for link in links),
        *(f"ABOUT|{target}|" for target in about),
        *(f"PRODUCED|{target}|" for target in produced),
        *(f"ON|{key}|" for key in time.names()),
    ]
    return {
        "id": event.id,
        "label": event.label,
        "labels": [event.label],
        "props": props,
        "participants": participants,
        "places": places,
        "part_of": part_of,
        "links": links,
        "about": about,
        "produced": produced,
        **time_rows(time),
        "keys": keys,
    }


def time_rows(time: TimeLinks) -> Row:
    """The time nodes as the load query takes them: one list per unit, only the span's unit not empty."""
    return {f"{unit}s": time.values if unit == time.unit else [] for unit in TIME_UNITS}


def _money_props(money: Money | None) -> dict[str, Any]:
    """A fine's or a sentence's sum, stored under the names an agreement's value uses (exact amount as a
    string), so graph.read.money reads both."""
    usd = money.usd if money else None
    usd_amount = money.usd_amount if money else None
    return {
        "value_amount": str(money.amount) if money else None,
        "value_currency": money.currency if money else None,
        "value_usd": float(usd_amount) if usd_amount is not None else None,
        "usd_rate": str(usd.rate) if usd else None,
        "usd_rate_date": usd.rate_date if usd else None,
    }


def _agreement_row(agreement: Agreement, resolve: Resolve) -> Row:
    value = agreement.value
    usd = value.usd if value else None
    usd_amount = value.usd_amount if value else None
    props = {
        "id": agreement.id,
        "kind": agreement.kind,
        "title": agreement.title,
        "status": agreement.status,
        "value_amount": str(value.amount) if value else None,
        "value_currency": value.currency if value else None,
        "value_usd": float(usd_amount) if usd_amount is not None else None,
        "usd_rate": str(usd.rate) if usd else None,
        "usd_rate_date": usd.rate_date if usd else None,
        **_span_props(agreement.date, "date"),
    }
    parties = _distinct({"target": resolve(p.actor, Target.ACTOR), "side": p.side} for p in agreement.parties)
    keys = [f"PARTY|{p['target']}|{p['side']}" for p in parties]
    labels = list(agreement.labels)
    return {
        "id": agreement.id,
        "label": labels[-1],
        "labels": labels,
        "props": props,
        "parties": parties,
        "keys": keys,
    }


def _office_row(office: Office, resolve: Resolve) -> Row:
    person = resolve(office.person, Target.PERSON)
    holder = resolve(office.of, Target.OFFICE_HOLDER)
    term = {
        "title": office.title,
        "start_date": office.start.start if office.start else None,
        "start_precision": office.start.precision if office.start else None,
        "end_date": office.end.end if office.end else None,
        "end_precision": office.end.precision if office.end else None,
    }
    props = {"id": office.id, **term}
    holds = {"id": office.id, **{key: value for key, value in term.items() if value is not None}}
    keys = [f"HELD_BY|{person}|", f"OF|{holder}|"]
    return {
        "id": office.id,
        "label": "Office",
        "labels": ["Office"],
        "props": props,
        "person": person,
        "of": holder,
        "holds": holds,
        "keys": keys,
    }


def _claim_row(claim: Claim, resolve: Resolve) -> Row:
    props = {"id": claim.id, "text": claim.text, "property": claim.property, "value": claim.value}
    about = _distinct(resolve(each, Target.ACTOR) for each in claim.about)
    return {
        "id": claim.id,
        "label": "Claim",
        "labels": ["Claim"],
        "props": props,
        "about": about,
        "keys": [f"ABOUT|{target}|" for target in about],
    }


def _evidence(record: Evidenced, resolve: Resolve, locate: Locate, default_source: str | None) -> list[Row]:
    items: list[Row] = []
    for evidence in record.evidence:
        source = resolve(evidence.source, Target.SOURCE) if evidence.source else default_source
        assert source is not None, "checked in the first pass"
        span = locate(source, evidence.quote)
        items.append(
            {
                "source": source,
                "quote": evidence.quote,
                "start": span[0] if span else None,
                "end": span[1] if span else None,
            }
        )
    return _distinct(items)


def _span_props(span: DateSpan | None, prefix: str) -> dict[str, Any]:
    if span is None:
        return {}
    names = (
        ("start_date", "end_date", "date_precision")
        if prefix == "date"
        else (f"{prefix}_start", f"{prefix}_end", f"{prefix}_precision")
    )
    return dict(zip(names, (span.start, span.end, span.precision), strict=True))


def _distinct(items: Iterable[_T]) -> list[_T]:
    """The items in order, each once; linear (a set of keys), as an event may have 10,000 participants."""
    seen: set[object] = set()
    kept: list[_T] = []
    for item in items:
        key = tuple(item.items()) if isinstance(item, dict) else item
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def _finish(row: Row) -> Row:
    row["props"] = {key: value for key, value in row["props"].items() if value is not None}
    row["props"]["_hash"] = hashlib.blake2b(repr(row).encode(), digest_size=16).hexdigest()
    if "location" in row["props"]:
        lon, lat = row["props"]["location"]
        row["props"]["location"] = WGS84Point((lon, lat))
    return row
