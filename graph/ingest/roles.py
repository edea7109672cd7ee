"""Who did what: the participants of one event and their roles, read from the sentence around its trigger.

Where each name stands is situated.py's; the speaker of a statement is speech.py's; whom an arrest,
verdict or appointment concerns is subjects.py's.
"""

from __future__ import annotations

from graph.ingest.candidates import PLACE_KINDS, EventKind, Participant, Span
from graph.ingest.lexicon import CIRCUMSTANCE, DAY_WORDS
from graph.ingest.situated import Situated
from graph.ingest.speech import find_speaker, is_medium, may_speak
from graph.ingest.subjects import SUBJECT_ROLES, is_source, nominative_name, passive_subject, subjects
from graph.ingest.tokens import CYRILLIC, Token, grammemes, is_participle

PARTICIPANT_REACH = 100
"""Characters from the trigger within which a name can take part in a meeting, signing, ban or publication."""
SENTENCE_WIDE = {
    "statement",
    "visit",
    "detention",
    "sentence",
    "fine",
    "appointment",
    "dismissal",
    "expulsion",
}
"""Kinds whose participants may be named anywhere in the sentence (the subject of a long sentence)."""


def participants_for(
    kind: EventKind, trigger: Span, situated: list[Situated], tokens: list[Token]
) -> list[Participant]:
    actors = [
        s
        for s in situated
        if not is_medium(s)
        and not s.qualifier
        and not s.origin
        and (kind == "ban" or not s.locative)
        and (
            kind in SENTENCE_WIDE
            or trigger.distance(s.mention.span) <= PARTICIPANT_REACH
            or (kind in SUBJECT_ROLES and passive_subject(s, trigger, tokens))
            or (kind == "meeting" and _acts_at(s, trigger, tokens))
        )
    ]
    before = [s for s in actors if s.mention.span.end <= trigger.start]
    after = [s for s in actors if s.mention.span.start >= trigger.end]
    if kind == "statement":
        speaker = find_speaker(
            trigger, [s for s in before if may_speak(s)], [s for s in after if may_speak(s)], tokens
        ) or find_speaker(
            trigger, [s for s in before if s.quoted and may_speak(s, quoted=True)], [], tokens, closing=False
        )
        if speaker is None:
            return []
        return _unique(
            [Participant(s.actor, "speaker") for s in [*_joined_before(speaker, before, tokens), speaker]]
        )
    if kind == "visit" and _guest_named_after(trigger, tokens):
        return _unique(
            [Participant(s.actor, "host") for s in before if s.actor.kind == "person"]
            + [Participant(s.actor, "visitor") for s in after if s.actor.kind == "person"][:1]
        )
    if kind in {"visit", "publication"}:
        role = "visitor" if kind == "visit" else "publisher"
        chosen = [
            Participant(s.actor, role) for s in before if s.actor.kind not in PLACE_KINDS or kind != "visit"
        ]
        visitors = any(p.actor.kind == "person" for p in chosen)
        hosts = (
            [
                Participant(s.actor, _visit_role(trigger, s, tokens, inverted=not visitors))
                for s in after
                if s.actor.kind == "person"
            ]
            if kind == "visit"
            else []
        )
        if kind == "publication" and not chosen:
            chosen = [Participant(s.actor, role) for s in _author_after(trigger, after, tokens)]
        return _unique(chosen + hosts)
    if kind in {"ban", "sanction"}:  # '..., the Polish Interior Ministry said': the source, not the issuer
        actors = [s for s in actors if not is_source(s, tokens, trigger)]
    if kind == "contract_signing":  # '..., Finance Minister X said': who reports it signed nothing
        actors = [s for s in actors if s.actor.kind != "person" or not is_source(s, tokens, trigger)]
    if kind == "ban":
        return _unique(
            [Participant(s.actor, "target" if s.actor.kind == "person" else "issuer") for s in actors]
        )
    if kind in SUBJECT_ROLES:
        found = subjects(kind, trigger, actors, tokens)
        if kind == "expulsion" and not any(p.role == SUBJECT_ROLES[kind][1] for p in found):
            found += _host_country(situated, tokens)
        return _unique(found)
    if kind == "sanction":
        return _unique([Participant(s.actor, "issuer" if s in before else "target") for s in actors])
    if kind == "meeting" and _discussion(trigger, tokens):  # 'discussed the Union State': a topic
        actors = [s for s in actors if s.mention.span.end <= trigger.start or _with(s, trigger, tokens)]
    if kind == "meeting" and any(s.actor.kind == "person" for s in actors):
        actors = [s for s in actors if s.actor.kind == "person" or s.mention.span.end <= trigger.start]
    role = "party" if kind == "contract_signing" else "participant"
    return _unique([Participant(s.actor, role) for s in actors])


DISCUSSING = {"discussed", "discuss", "discusses", "обсудить", "обсуждать"}
WITH = {"with", "с", "со"}


def _discussion(trigger: Span, tokens: list[Token]) -> bool:
    return any(t.norm in DISCUSSING for t in tokens if trigger.start <= t.start < trigger.end)


def _with(situated: Situated, trigger: Span, tokens: list[Token]) -> bool:
    """'discussed energy prices with Putin': the one discussed with took part; so did the subject named
    after a Russian verb ('Цены обсудили Лукашенко и Путин': the names are in the nominative)."""
    before = [t.norm for t in tokens if trigger.end <= t.start < situated.mention.span.start][-2:]
    words = [w for w in situated.mention.surface.split() if CYRILLIC.search(w)]
    subject = bool(words) and situated.actor.kind == "person" and all("nomn" in grammemes(w) for w in words)
    return bool(WITH.intersection(before)) or subject


def _acts_at(situated: Situated, trigger: Span, tokens: list[Token]) -> bool:
    """'X and his counterpart Y signed a decree ... at a meeting of the Council', 'X и Y на заседании ...
    утвердили': a person named before a gathering that is the setting of what they did took part in it,
    however long the sentence."""
    before = [t.norm for t in tokens if t.end <= trigger.start][-2:]
    return (
        situated.actor.kind == "person"
        and situated.mention.span.end <= trigger.start
        and bool(CIRCUMSTANCE.intersection(before))
    )


def _visit_role(trigger: Span, situated: Situated, tokens: list[Token], inverted: bool = False) -> str:
    """'the visit of X', 'визит премьера': a person right after the noun is the visitor; later, the host.
    'В Минске с официальным визитом находился президент Узбекистана X': with nobody before the verb, a
    Russian name in the nominative after it is the visitor, the sentence's subject put last."""
    between = [t.norm for t in tokens if trigger.end <= t.start < situated.mention.span.start]
    verb = {t.norm for t in tokens if trigger.start <= t.start < trigger.end}
    arrived = inverted and bool(verb & ARRIVING) and not TOWARDS.intersection(between)
    if (inverted and nominative_name(situated)) or arrived or LED_BY.intersection(between[-6:]):
        return "visitor"  # 'the visit of the delegation led by Deputy Prime Minister X', 'во главе с X'

    return "visitor" if len(between) <= 1 and set(between) <= {"of", "by"} else "host"


LED_BY = {"led", "headed", "главе", "глава"}
ARRIVING = {"прибыть", "приехать", "прилететь", "прибывать", "приезжать", "прилетать"}
TOWARDS = {"к", "ко", "с", "со", "у"}
"""'в Бишкек прилетел и Лукашенко': a verb of arriving takes no object; the person after it, with nobody
before and no preposition between, arrived (unlike 'к Лукашенко', whom someone came to)."""
GUEST_WORDS = {"visiting", "находиться", "прибыть", "прибывать", "находящийся", "прибывший"}
"""'встретился с находящимся с визитом в Беларуси президентом X', 'met the visiting President X': the
visit is the guest's, named after it; whoever met him is the host."""


def _guest_named_after(trigger: Span, tokens: list[Token]) -> bool:
    before = [t for t in tokens if t.end <= trigger.start][-3:]
    inside = [t for t in tokens if trigger.start <= t.start < trigger.end]
    words = [t for t in before + inside if t.norm in GUEST_WORDS or t.text.lower() == "visiting"]
    return any(t.text.lower() == "visiting" or is_participle(t.text) for t in words)


HOSTED_IN = {"in", "from", "в", "во", "из"}


def _host_country(situated: list[Situated], tokens: list[Token]) -> list[Participant]:
    """'the head of the Czech mission in Belarus was declared persona non grata', 'X was expelled from
    Belarus': with no one named to have expelled, the country the diplomat served in did."""
    for s in situated:
        before = [t.norm for t in tokens if t.end <= s.mention.span.start][-1:]
        if s.actor.kind == "country" and (s.locative or s.origin) and HOSTED_IN.intersection(before):
            return [Participant(s.actor, SUBJECT_ROLES["expulsion"][1])]
    return []


def _joined_before(speaker: Situated, before: list[Situated], tokens: list[Token]) -> list[Situated]:
    """'Lukashenka and Putin said', 'Лукашенко и Путин заявили': every name joined to the speaker by
    'and' speaks with them."""
    joined: list[Situated] = []
    current = speaker
    for other in sorted(before, key=lambda s: -s.mention.span.start):
        if other.mention.span.end > current.mention.span.start or other.actor.kind != current.actor.kind:
            continue
        between = [
            t.norm
            for t in tokens
            if other.mention.span.end <= t.start and t.end <= current.mention.span.start
        ]
        if between not in (["and"], ["и"]):
            break
        joined.insert(0, other)
        current = other
    if joined and any(s.mention.span.end <= joined[0].mention.span.start for s in before):
        return []  # 'Ivan Petrov met Putin and Lukashenka said': the names joined may be an object
    return joined


AUTHOR_REACH = 5
"""Words between an article and its author named after it ('Статья Александра Лукашенко', 'In an article
published on Monday, Lukashenko wrote')."""


def _author_after(trigger: Span, after: list[Situated], tokens: list[Token]) -> list[Situated]:
    """The person right after a publication named with nobody before it wrote it."""
    people = [s for s in after if s.actor.kind == "person"]
    if not people:
        return []
    between = [t for t in tokens if trigger.end <= t.start and t.end <= people[0].mention.span.start]
    about = [  # 'a report about X', 'a report on X': X is what it is about ('on Monday' is when)
        t
        for i, t in enumerate(between)
        if t.norm in TOPIC_WORDS
        and not (i + 1 < len(between) and (between[i + 1].norm in DAY_WORDS or between[i + 1].text.isdigit()))
    ]
    return people[:1] if len(between) <= AUTHOR_REACH and not about else []


TOPIC_WORDS = {"about", "on", "against", "regarding", "concerning", "о", "об", "про", "против"}


def _unique(participants: list[Participant]) -> list[Participant]:
    seen: dict[str, Participant] = {}
    for p in participants:
        seen.setdefault(p.actor.id, p)
    return list(seen.values())
