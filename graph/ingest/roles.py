"""Who did what, and where: the actors and places of one event, read from the sentence around its trigger.

A name that can be both a place and an actor ("Moscow": the city, or the Russian state) is a place after
"in"/"to"/"в", and an actor otherwise. A name inside a title ("President of Belarus X") qualifies the
person and is not a participant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.ingest.candidates import PLACE_KINDS, ActorRef, EventKind, Mention, Participant, Span
from graph.ingest.lexicon import (
    CIRCUMSTANCE,
    DAY_WORDS,
    LOCATIVE,
    OFFICE_WORDS,
    ORIGIN,
    PASSIVE_AUXILIARIES,
    PERSON_TITLES,
)
from graph.ingest.places import city_for_locative
from graph.ingest.tokens import CYRILLIC, Token, grammemes

PARTICIPANT_REACH = 100
"""Characters from the trigger within which a name can take part in a meeting, signing, ban or publication."""
PLACE_REACH = {"statement": 40}
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
THAT = {"that", "что", "што", "чтобы"}
REPORTED_SPEECH = {"according to", "по слово", "паводле"}
REGION_WORDS = {"region", "regions", "oblast", "oblasts", "krai", "регион", "область", "край"}
"""'three Russian regions – Novosibirsk, Irkutsk and Sverdlovsk': the names are the regions, not cities."""
POST_WORDS = (
    PERSON_TITLES
    | set(OFFICE_WORDS)
    | {"mission", "embassy", "consul", "миссия", "посольство", "консул", "дипмиссия", "полпред"}
) - {"decree", "указ"}
"""Words of a post abroad or at home: a place right after them is the post's, not where an appointment
or dismissal was decided."""
SKIPPABLE = {"the", "a", "of", "three", "two", "four", "several", "russian", "belarusian", "other"}


@dataclass
class Situated:
    mention: Mention
    actor: ActorRef
    locative: bool
    """After 'in', 'to', 'в' (or listed after such a name): the name says where, not who."""
    origin: bool
    qualifier: bool
    quoted: bool = False
    """Inside quotation marks: named in someone's words, so never the speaker."""
    of_post: bool = False
    """Right after a post ('the ambassador to Sweden', 'послом в России'): the place names the post."""

    @property
    def is_place(self) -> bool:
        return self.actor.kind in PLACE_KINDS


def situate(mentions: list[Mention], tokens: list[Token], quoted: list[Span] | None = None) -> list[Situated]:
    situated: list[Situated] = []
    regional = any(t.norm in REGION_WORDS for t in tokens)
    for index, mention in enumerate(mentions):
        before = _words_before(mention.span, tokens, 3)
        locative = bool(before) and before[-1] in LOCATIVE
        origin = bool(before) and before[-1] in ORIGIN
        listed = (
            bool(situated)
            and situated[-1].locative
            and _only_list_between(situated[-1], mention, tokens)
            and any(c.kind in PLACE_KINDS for c in mention.candidates)
        )  # 'to Sweden, Finland and Germany'; not 'the Ambassador to Ukraine Igor Sokol'
        where = locative or origin or listed
        actor = city_for_locative(mention) if where else _choose(mention, place=False)
        region = next((c for c in mention.candidates if c.kind == "region"), None)
        if where and regional and region is not None and actor.kind == "city":
            actor = region
        qualifier = _is_qualifier(mention, index, mentions, tokens)
        inside = any(mention.span.overlaps(q) for q in quoted or [])
        since = mentions[index - 1].span.end if index else 0
        words = [t.norm for t in tokens if since <= t.start and t.end <= mention.span.start][-6:]
        # 'послом Беларуси в России', 'mission of Belarus in Kyrgyzstan'; not 'to Germany in Minsk'
        chained = bool(situated) and situated[-1].of_post and not situated[-1].locative and len(words) <= 2
        of_post = bool(POST_WORDS.intersection(words)) or (listed and situated[-1].of_post) or chained
        situated.append(Situated(mention, actor, locative or listed, origin, qualifier, inside, of_post))
    return situated


def participants_for(
    kind: EventKind, trigger: Span, situated: list[Situated], tokens: list[Token]
) -> list[Participant]:
    actors = [
        s
        for s in situated
        if not _media(s)
        and not s.qualifier
        and not s.origin
        and (kind == "ban" or not s.locative)
        and (
            kind in SENTENCE_WIDE
            or trigger.distance(s.mention.span) <= PARTICIPANT_REACH
            or (kind in SUBJECT_ROLES and _passive_subject(s, trigger, tokens))
            or (kind == "meeting" and _acts_at(s, trigger, tokens))
        )
    ]
    before = [s for s in actors if s.mention.span.end <= trigger.start]
    after = [s for s in actors if s.mention.span.start >= trigger.end]
    if kind == "statement":
        speaker = _speaker(
            trigger, [s for s in before if _may_speak(s)], [s for s in after if _may_speak(s)], tokens
        ) or _speaker(
            trigger, [s for s in before if s.quoted and _may_speak(s, quoted=True)], [], tokens, closing=False
        )
        return [Participant(speaker.actor, "speaker")] if speaker else []
    if kind in {"visit", "publication"}:
        role = "visitor" if kind == "visit" else "publisher"
        chosen = [
            Participant(s.actor, role) for s in before if s.actor.kind not in PLACE_KINDS or kind != "visit"
        ]
        hosts = (
            [Participant(s.actor, _visit_role(trigger, s, tokens)) for s in after if s.actor.kind == "person"]
            if kind == "visit"
            else []
        )
        return _unique(chosen + hosts)
    if kind == "ban":
        return _unique(
            [Participant(s.actor, "target" if s.actor.kind == "person" else "issuer") for s in actors]
        )
    if kind in SUBJECT_ROLES:
        return _subjects(kind, trigger, actors, tokens)
    if kind == "sanction":
        return _unique([Participant(s.actor, "issuer" if s in before else "target") for s in actors])
    if kind == "meeting" and any(s.actor.kind == "person" for s in actors):
        actors = [s for s in actors if s.actor.kind == "person" or s.mention.span.end <= trigger.start]
    role = "party" if kind == "contract_signing" else "participant"
    return _unique([Participant(s.actor, role) for s in actors])


SUBJECT_ROLES = {
    "detention": ("detainee", "authority"), "sentence": ("defendant", "court"), "fine": ("target", "court"),
    "appointment": ("appointee", "authority"), "dismissal": ("dismissed", "authority"),
    "expulsion": ("target", "issuer"),
}  # fmt: skip
"""The role of the persons an act concerns, and of the state body or court that acts."""


def _subjects(
    kind: EventKind, trigger: Span, actors: list[Situated], tokens: list[Token]
) -> list[Participant]:
    """The persons the act concerns, and the body that acted when it is named before the verb
    ('Belarus expelled a Czech diplomat') or as the court ('a court in Hrodna sentenced'). In the active
    voice a person before the verb acted ('Lukashenka dismissed X': X is dismissed, Lukashenka the
    authority); in the passive ('X was fined') the person before the verb is the one it concerns."""
    subject, authority = SUBJECT_ROLES[kind]
    trigger_words = [t.text.lower() for t in tokens if trigger.start <= t.start < trigger.end]
    passive = _passive(trigger, tokens)
    noun = " ".join(trigger_words) in DECISION_NOUNS
    people = [
        s
        for s in actors
        if s.actor.kind == "person"
        and not _attributes(s, tokens)
        and (
            s.mention.span.end <= trigger.start
            or _object(s, trigger, tokens, noun)
            or _also(s, actors, tokens)
        )
    ]
    later = [s for s in people if s.mention.span.start >= trigger.end]
    deciders = [s for s in people if _decides(s, tokens)]
    passive = passive or any(_oblique(s) for s in people if s.mention.span.end <= trigger.start)
    decides = noun or (kind in DECIDED and not passive)  # 'Lukashenka dismissed the ambassadors'
    if (noun or not passive) and later and any(s.mention.span.end <= trigger.start for s in people):
        persons = [Participant(s.actor, subject if s in later else authority) for s in people]
    else:
        persons = [
            Participant(s.actor, authority if s in deciders or (decides and s not in later) else subject)
            for s in people
        ]
    bodies = [
        Participant(s.actor, authority)
        for s in actors
        if s.actor.kind == "organization" and (s.mention.span.end <= trigger.start or _agent(s, tokens))
    ]
    if kind == "expulsion" and not bodies:
        bodies = [
            Participant(s.actor, authority)
            for s in actors
            if s.actor.kind == "country" and s.mention.span.end <= trigger.start
        ]
    return _unique(persons + bodies)


def _passive(trigger: Span, tokens: list[Token]) -> bool:
    before_words = [t.norm for t in tokens if t.end <= trigger.start][-2:]
    trigger_words = [t.text.lower() for t in tokens if trigger.start <= t.start < trigger.end]
    return bool(PASSIVE_AUXILIARIES.intersection(before_words + trigger_words[:1])) or _short_participle(
        trigger_words
    )


def subject_decides(kind: EventKind, trigger: Span, tokens: list[Token]) -> bool:
    """'He dismissed X', 'he made the following appointments': the subject before an active verb or a
    decision noun decided (not 'he was appointed')."""
    if kind not in {"appointment", "dismissal", "expulsion"}:
        return False
    words = " ".join(t.text.lower() for t in tokens if trigger.start <= t.start < trigger.end)
    return words in DECISION_NOUNS or not _passive(trigger, tokens)


def _may_speak(situated: Situated, quoted: bool = False) -> bool:
    """Not a place, not a bare acronym nobody knows, and (unless nobody else can be) not someone named
    inside the quoted words ('"The Service notes ...", the agency reports' has only that name)."""
    actor = situated.actor
    return (
        (quoted or not situated.quoted) and actor.kind not in {"region", "city"} and actor.confidence >= 0.5
    )


SPEECH_AFTER = {
    "said",
    "says",
    "reported",
    "reports",
    "told",
    "wrote",
    "сообщил",
    "сообщила",
    "сказал",
    "сказала",
}


def _attributes(situated: Situated, tokens: list[Token]) -> bool:
    """'..., associate Gleb German said', '..., сообщил председатель комитета X', 'according to X': the
    person tells of the act; it does not concern them."""
    after = [t.text.lower() for t in tokens if t.start >= situated.mention.span.end][:2]
    before = [t.text.lower() for t in tokens if t.end <= situated.mention.span.start][-6:]
    according = " ".join(before[-4:]).find("according to") >= 0
    return bool(SPEECH_AFTER.intersection(after)) or bool(SPEECH_AFTER.intersection(before)) or according


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


def _passive_subject(situated: Situated, trigger: Span, tokens: list[Token]) -> bool:
    """'Lawyer X, a member of ..., was taken out': the person a passive verb concerns, however far."""
    words = [t.norm for t in tokens if trigger.start <= t.start < trigger.end][:1]
    words += [t.norm for t in tokens if t.end <= trigger.start][-2:]
    return (
        situated.actor.kind == "person"
        and situated.mention.span.end <= trigger.start
        and bool(PASSIVE_AUXILIARIES.intersection(words))
    )


OBLIQUE = {"against", "of", "for", "with", "to", "from", "about", "против", "для", "о", "об"}
DECISION_NOUNS = {"appointment", "appointments", "назначение", "dismissal"}
"""'Lukashenka agreed on the appointment of X', 'согласовал назначение X': the person before the noun
decided, the one after it ('of X') is concerned."""
DECREE_WORDS = {"decree", "указ", "распоряжение", "постановление", "by"}
"""'by decree of President X', 'указом Президента': the person named after them decided."""
DECIDED = {"appointment", "dismissal"}
"""Kinds whose active verb has the one who decided as its subject ('X appointed', 'X dismissed')."""
LIST_JOINS = {"and", "и", "а", "также", "as", "well"}


def _object(situated: Situated, trigger: Span, tokens: list[Token], noun: bool = False) -> bool:
    """'sentenced X', 'задержали журналиста X': the person right after the verb it concerns, not one in a
    phrase further on ('protests against President X'); after a noun, 'of X' is the one concerned."""
    between = [t.norm for t in tokens if trigger.end <= t.start < situated.mention.span.start]
    oblique = OBLIQUE - {"of"} if noun else OBLIQUE
    titles = [i for i, w in enumerate(between) if w in PERSON_TITLES]
    if titles:  # 'dismissed the Ambassador of Belarus to Ukraine X': 'of' and 'to' belong to the title
        return len(between) <= 10 and not oblique.intersection(between[: titles[0]][-3:])
    return situated.mention.span.start - trigger.end <= 60 and not oblique.intersection(between[-3:])


def _also(situated: Situated, actors: list[Situated], tokens: list[Token]) -> bool:
    """'dismissed the Ambassador X and the head of the mission in Estonia, Y': a person joined by 'and'
    to a person before it, with only a title between, is one more of those concerned."""
    earlier = [
        s for s in actors if s.actor.kind == "person" and s.mention.span.end <= situated.mention.span.start
    ]
    if not earlier:
        return False
    previous = max(earlier, key=lambda s: s.mention.span.end)
    between = [t.norm for t in tokens if previous.mention.span.end <= t.start < situated.mention.span.start]
    return (
        bool(between)
        and between[0] in LIST_JOINS
        and len(between) <= 12
        and any(w in PERSON_TITLES for w in between)
    )


def _oblique(situated: Situated) -> bool:
    """'Активиста Ивана Петрова оштрафовали': a Russian name before the verb but not in the nominative is
    its object (the verb has no subject: 'they fined'), so it is the one concerned."""
    words = situated.mention.surface.split()
    cases = [grammemes(w) for w in words if CYRILLIC.search(w)]
    return bool(cases) and not any("nomn" in c for c in cases)


def _decides(situated: Situated, tokens: list[Token]) -> bool:
    """'by decree of President X', 'указом Президента Александра Лукашенко'; not 'Указом главы государства
    Иван Петров освобожден', whose person in the nominative is the sentence's subject, not the decree's
    author."""
    before = [t.norm for t in tokens if t.end <= situated.mention.span.start][-3:]
    return bool(DECREE_WORDS.intersection(before)) and not _nominative(situated)


def _nominative(situated: Situated) -> bool:
    """A Russian name whose declinable words are all in the nominative ('Иван Петров'; 'Лукашенко' alone
    does not decline and says nothing)."""
    cases = [grammemes(w) for w in situated.mention.surface.split() if CYRILLIC.search(w)]
    declined = [c for c in cases if "Fixd" not in c]
    return bool(declined) and all("nomn" in c for c in declined)


def _agent(situated: Situated, tokens: list[Token]) -> bool:
    """'arrested by the Belarusian KGB': the body after 'by' acted."""
    before = [t.norm for t in tokens if t.end <= situated.mention.span.start][-3:]
    return "by" in before


def _short_participle(words: list[str]) -> bool:
    """'задержан', 'оштрафована', 'приговорены', 'назначен': the Russian passive."""
    return any(re.search(r"(?:ан|ен|ён|ян|т)(?:а|о|ы)?$", w) for w in words if re.search(r"[а-я]", w))


COURT_KINDS = {"sentence", "fine"}


def posts_for(kind: EventKind, situated: list[Situated]) -> list[ActorRef]:
    """The places of the posts an appointment or dismissal is about ('the ambassadors to Sweden and
    Finland')."""
    if kind not in DECIDED:
        return []
    return list({s.actor.id: s.actor for s in situated if s.is_place and s.of_post}.values())


def places_for(kind: EventKind, trigger: Span, situated: list[Situated]) -> list[ActorRef]:
    usable = [
        s
        for s in situated
        if s.is_place
        and not s.origin
        and not s.qualifier
        and kind != "ban"
        and not (s.of_post and kind in DECIDED)
    ]
    seats = [s.mention.seat for s in situated if s.mention.seat is not None and kind in COURT_KINDS]
    if seats and not any(s.locative for s in usable):
        return seats[:1]  # 'the Homel regional court sentenced X': the trial was held in Homel
    if kind == "visit":
        places = [
            s
            for s in usable
            if s.mention.span.start >= trigger.end and (s.locative or _only_place(s.mention))
        ]
    else:
        reach = PLACE_REACH.get(kind, PARTICIPANT_REACH)
        places = [s for s in usable if s.locative and trigger.distance(s.mention.span) <= reach]
    seen: dict[str, ActorRef] = {}
    for s in places:
        seen.setdefault(s.actor.id, s.actor)
    return list(seen.values())


def _speaker(
    trigger: Span, before: list[Situated], after: list[Situated], tokens: list[Token], closing: bool = True
) -> Situated | None:
    """'X said', 'X, who ..., said'; 'said X' and 'according to X' (the name right after the trigger)."""
    right_after = [
        s
        for s in after
        if _words_between(trigger, s, tokens)
        and (len(_words_between(trigger, s, tokens)) <= 3 or _titled_after(trigger, s, tokens))
    ]
    if right_after and (not before or _reported(trigger, tokens)):
        titled = [s for s in right_after if s.actor.kind == "person" and _titled_after(trigger, s, tokens)]
        return titled[0] if titled else right_after[0]  # 'сообщил председатель Комитета X': X, not the body
    if before:
        nearest = max(before, key=lambda s: s.mention.span.end)
        if closing and _closing(trigger, tokens) and _gap(nearest, trigger, tokens) > 5:
            return None  # '..., a Telegram channel monitoring ... said.': the source is not a name here
        return nearest
    return None


def _closing(trigger: Span, tokens: list[Token]) -> bool:
    """'..., X said.': the speech verb closes the sentence."""
    return len([t for t in tokens if t.start >= trigger.end]) <= 4


def _gap(situated: Situated, trigger: Span, tokens: list[Token]) -> int:
    return len([t for t in tokens if situated.mention.span.end <= t.start and t.end <= trigger.start])


MEDIA = re.compile(
    r"news|times|post|agency|agentur|press|media|tass|belta|interfax|reuters|\bap\b|afp|ria|radio|tv|"
    r"channel|journal|gazet|zerkalo|nasha niva|rferl|belsat|\.(?:ru|by|az|com|eu|ua)\b|"
    r"новост|тасс|белта|интерфакс|риа|агентств|газет|канал|телеграм|издани",
    re.IGNORECASE,
)


def _visit_role(trigger: Span, situated: Situated, tokens: list[Token]) -> str:
    """'the visit of X', 'визит премьера': a person right after the noun is the visitor; later, the host."""
    between = [t.norm for t in tokens if trigger.end <= t.start < situated.mention.span.start]
    return "visitor" if len(between) <= 1 and set(between) <= {"of", "by"} else "host"


def _media(situated: Situated) -> bool:
    """'according to Interfax', 'Caliber.Az reports': a medium passes speech on; it is not the speaker."""
    actor = situated.actor
    return actor.kind == "organization" and bool(
        MEDIA.search(actor.name) or MEDIA.search(situated.mention.surface)
    )


def _words_between(trigger: Span, situated: Situated, tokens: list[Token]) -> list[str]:
    """The words from the trigger up to the name (the name's first word included, so never empty)."""
    words = [t.norm for t in tokens if trigger.end <= t.start <= situated.mention.span.start]
    return [] if THAT.intersection(words) else words


def _titled_after(trigger: Span, situated: Situated, tokens: list[Token]) -> bool:
    """'заявил в понедельник глава МИД Беларуси X', 'said on Monday the Foreign Minister of Belarus X':
    between the speech verb and the name only the day and the speaker's title (an acronym of a body
    included)."""
    between = [t for t in tokens if trigger.end <= t.start and t.end <= situated.mention.span.start]
    return any(t.norm in PERSON_TITLES for t in between) and all(
        t.norm in PERSON_TITLES or t.norm in DAY_WORDS or t.text[:1].isupper() for t in between
    )


def _reported(trigger: Span, tokens: list[Token]) -> bool:
    words = " ".join(t.norm for t in tokens if trigger.start <= t.start < trigger.end)
    return words in REPORTED_SPEECH


def _unique(participants: list[Participant]) -> list[Participant]:
    seen: dict[str, Participant] = {}
    for p in participants:
        seen.setdefault(p.actor.id, p)
    return list(seen.values())


def _choose(mention: Mention, place: bool) -> ActorRef:
    preferred = [c for c in mention.candidates if (c.kind in PLACE_KINDS) == place]
    return (preferred or list(mention.candidates))[0]


def _only_place(mention: Mention) -> bool:
    return all(c.kind in PLACE_KINDS for c in mention.candidates)


def _words_before(span: Span, tokens: list[Token], count: int) -> list[str]:
    words = [t.norm for t in tokens if t.end <= span.start][-count:]
    while words and words[-1] in SKIPPABLE:
        words.pop()
    if words[-2:] == ["according", "to"]:
        return []
    return words


def _only_list_between(previous: Situated, mention: Mention, tokens: list[Token]) -> bool:
    between = [t.norm for t in tokens if previous.mention.span.end <= t.start and t.end <= mention.span.start]
    return all(w in {"and", "or", "и", "или", "і"} for w in between) and len(between) <= 1


RELATIONS = {"ally", "allies", "wife", "husband", "son", "daughter", "associate", "friend", "counterpart",
             "critic", "opponent", "supporter", "co-chair", "member", "members", "союзник", "жена", "муж",
             "сын", "дочь", "соратник", "член"}  # fmt: skip
"""'X, the co-chair of the Razam movement', 'an ally of President Y': the name after 'of' tells who X is."""


def _related(mention: Mention, tokens: list[Token]) -> bool:
    before = [t.norm for t in tokens if t.end <= mention.span.start][-5:]
    if "of" not in before and not RELATIONS.intersection(before[-2:]):
        return False
    tail = before[before.index("of") - 1 :] if "of" in before else before[-2:]
    return bool(RELATIONS.intersection(tail[:1])) or (
        mention.best.kind != "person" and bool(PERSON_TITLES.intersection(tail[:1])) and tail[:1] != ["head"]
    )


def _is_qualifier(mention: Mention, index: int, mentions: list[Mention], tokens: list[Token]) -> bool:
    """'President of Belarus X', 'Russian Foreign Minister X', 'region of the Russian Federation', 'X,
    co-chair of the Y movement', 'ally of Russian President Z'."""
    if _related(mention, tokens):
        return True
    if mention.best.kind == "person":
        return False
    before = [t.norm for t in tokens if t.end <= mention.span.start][-4:]
    for later in mentions[index + 1 : index + 3]:
        between = [t.norm for t in tokens if mention.span.end <= t.start and t.end <= later.span.start]
        titled = any(w in PERSON_TITLES for w in before + between)
        if later.best.kind == "person" and len(between) <= 6 and titled:
            return True
    previous = mentions[index - 1] if index > 0 else None
    if previous and previous.best.kind in PLACE_KINDS and mention.best.kind in PLACE_KINDS:
        gap = [t.norm for t in tokens if previous.span.end <= t.start and t.end <= mention.span.start]
        return gap in (["of"], ["of", "the"])
    return False
