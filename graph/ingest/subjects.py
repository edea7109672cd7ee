"""Detentions, sentences, fines, appointments, dismissals and expulsions: the persons an act concerns and
the body, court or person that acted."""

from __future__ import annotations

import re

from graph.ingest.candidates import EventKind, Participant, Span
from graph.ingest.lexicon import PASSIVE_AUXILIARIES, PERSON_TITLES, TAKING_POST
from graph.ingest.situated import Situated
from graph.ingest.tokens import CYRILLIC, Token, grammemes, normalize_phrase

SUBJECT_ROLES = {
    "detention": ("detainee", "authority"), "sentence": ("defendant", "court"), "fine": ("target", "court"),
    "appointment": ("appointee", "authority"), "dismissal": ("dismissed", "authority"),
    "expulsion": ("target", "issuer"),
}  # fmt: skip
"""The role of the persons an act concerns, and of the state body or court that acts."""
COURT_KINDS = {"sentence", "fine"}
"""Kinds a court decides (its seat is where the trial was held)."""
OBLIQUE = {"against", "of", "for", "with", "to", "from", "about", "против", "для", "о", "об"}
DECISION_NOUNS = {"appointment", "appointments", "назначение", "dismissal"}
"""'Lukashenka agreed on the appointment of X', 'согласовал назначение X': the person before the noun
decided, the one after it ('of X') is concerned."""
DECIDED_ON = {"candidacy", "candidature", "resignation"}
"""'approved the candidacy of X', 'accepted the resignation of X': the phrase ends in a noun like those."""
DECREE_WORDS = {"decree", "указ", "распоряжение", "постановление", "by"}
"""'by decree of President X', 'указом Президента': the person named after them decided."""
DECIDED = {"appointment", "dismissal"}
"""Kinds whose active verb has the one who decided as its subject ('X appointed', 'X dismissed')."""
LIST_JOINS = {"and", "и", "а", "также", "as", "well"}


def subjects(
    kind: EventKind, trigger: Span, actors: list[Situated], tokens: list[Token]
) -> list[Participant]:
    """The persons the act concerns, and the body that acted when it is named before the verb
    ('Belarus expelled a Czech diplomat') or as the court ('a court in Hrodna sentenced'). In the active
    voice a person before the verb acted ('Lukashenka dismissed X': X is dismissed, Lukashenka the
    authority); in the passive ('X was fined') the person before the verb is the one it concerns. An actor
    may come twice: the caller keeps the first role."""
    subject, authority = SUBJECT_ROLES[kind]
    trigger_words = [t.text.lower() for t in tokens if trigger.start <= t.start < trigger.end]
    if _takes_post(trigger, tokens):  # 'X became the new governor', 'X replaced Y', 'Новым послом стал X'
        takers = [s for s in actors if s.actor.kind == "person" and not _predecessor(s, tokens)]
        first = [s for s in takers if s.mention.span.end <= trigger.start]
        if _replacing(trigger, tokens):  # 'He replaced Y': Y left the post; who took it is 'he'
            return [Participant(s.actor, subject) for s in first]
        return [Participant(s.actor, subject) for s in first or takers[:1]]
    passive = _passive(trigger, tokens)
    noun = " ".join(trigger_words) in DECISION_NOUNS or bool(DECIDED_ON.intersection(trigger_words[-1:]))
    given = kind == "fine" and "fine" in trigger_words  # 'issued a fine of 30 units to X': X is fined
    judges = [s for s in actors if s.actor.kind == "person" and _judge(s, tokens)]
    people = [
        s
        for s in actors
        if s.actor.kind == "person"
        and s not in judges
        and not _attributes(s, tokens, trigger)
        and not _predecessor(s, tokens)
        and (
            s.mention.span.end <= trigger.start
            or _object(s, trigger, tokens, noun, given)
            or _described_object(s, trigger, tokens)
            or _also(s, actors, tokens, trigger)
            or _along_with(s, trigger, tokens)
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
        if s.actor.kind == "organization"
        and (s.mention.span.end <= trigger.start or _agent(s, tokens))
        and not is_source(s, tokens)
    ]
    if kind == "expulsion" and not bodies:
        bodies = [
            Participant(s.actor, authority)
            for s in actors
            if s.actor.kind == "country" and s.mention.span.end <= trigger.start
        ]
    court = [Participant(s.actor, "judge") for s in judges] if kind in COURT_KINDS else []
    return persons + bodies + court


JUDGE_WORDS = {"судья", "суддзя", "judge", "sędzia"}
"""'суд Московского района (судья Татьяна Мотыль) оштрафовал X': the judge decided; X is the one fined."""


def _judge(situated: Situated, tokens: list[Token]) -> bool:
    before = [t.norm for t in tokens if t.end <= situated.mention.span.start][-1:]
    return (
        bool(JUDGE_WORDS.intersection(before)) or situated.mention.surface.split()[0].lower() in JUDGE_WORDS
    )


DESCRIBED_REACH = 120
"""Characters from a Russian penalty verb to the name that ends its object ('оштрафовал на 720 тысяч рублей
участника стихийной акции в день выборов Артура Жука')."""


def _described_object(situated: Situated, trigger: Span, tokens: list[Token]) -> bool:
    """A Russian verb's object described before it is named: a person noun in the genitive-accusative
    ('участника', 'активиста', 'жителя') after the verb, the name in the same case at the end of that
    phrase, no verb between."""
    if situated.mention.span.start - trigger.end > DESCRIBED_REACH or not CYRILLIC.search(
        situated.mention.surface
    ):
        return False
    inside = [
        i for i, t in enumerate(tokens) if trigger.end <= t.start and t.end <= situated.mention.span.start
    ]
    if any(_finite(tokens, i) for i in inside):
        return False
    nouns = [
        i
        for i in inside
        if {"NOUN", "anim", "gent"} <= grammemes(tokens[i].text) and tokens[i].text.islower()
    ]
    return bool(nouns) and _oblique(situated)


def _passive(trigger: Span, tokens: list[Token]) -> bool:
    before_words = [t.norm for t in tokens if t.end <= trigger.start][-2:]
    trigger_words = [t.text.lower() for t in tokens if trigger.start <= t.start < trigger.end]
    auxiliary = trigger_words[:-1] if len(trigger_words) > 1 else []  # 'has been named', 'was named'
    return bool(PASSIVE_AUXILIARIES.intersection(before_words + trigger_words[:1] + auxiliary)) or (
        _short_participle(trigger_words[:1])
    )


def subject_decides(kind: EventKind, trigger: Span, tokens: list[Token]) -> bool:
    """'He dismissed X', 'he made the following appointments': the subject before an active verb or a
    decision noun decided (not 'he was appointed')."""
    if kind not in {"appointment", "dismissal", "expulsion"} or _takes_post(trigger, tokens):
        return False
    words = " ".join(t.text.lower() for t in tokens if trigger.start <= t.start < trigger.end)
    return words in DECISION_NOUNS or not _passive(trigger, tokens)


TAKING = frozenset(normalize_phrase(p) for p in TAKING_POST)


def _takes_post(trigger: Span, tokens: list[Token]) -> bool:
    return " ".join(t.norm for t in tokens if trigger.start <= t.start < trigger.end) in TAKING


def apart_from_other_acts(trigger: Span, others: list[Span], situated: list[Situated]) -> list[Situated]:
    """'X dismissed A from the post and appointed B in his place', 'освободил A и назначил B': A is the
    object of the first act, B of the second; who is named before both (X) did both."""
    after_earlier = max((o.end for o in others if o.end <= trigger.start), default=None)
    later = min((o.start for o in others if o.start >= trigger.end), default=None)
    return [
        s
        for s in situated
        if not (after_earlier is not None and after_earlier <= s.mention.span.start < trigger.start)
        and not (later is not None and s.mention.span.start >= later)
    ]


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


def _attributes(situated: Situated, tokens: list[Token], trigger: Span) -> bool:
    """'..., associate Gleb German said', '..., сообщил председатель комитета X', 'according to X': the
    person tells of the act; it does not concern them. A speech verb before the act tells it ('«Вясна»
    сообщила, что суд приговорил X': X is concerned)."""
    after = [t.text.lower() for t in tokens if t.start >= situated.mention.span.end][:2]
    before = [t.text.lower() for t in tokens if t.end <= situated.mention.span.start][-6:]
    if situated.mention.span.start >= trigger.end:
        before = [
            t.text.lower() for t in tokens if trigger.end <= t.start and t.end <= situated.mention.span.start
        ][-6:]
    according = " ".join(before[-4:]).find("according to") >= 0
    return bool(SPEECH_AFTER.intersection(after)) or bool(SPEECH_AFTER.intersection(before)) or according


SOURCE_VERBS = SPEECH_AFTER | {
    "сообщает", "сообщили", "сообщают", "рассказал", "рассказала", "рассказали", "передает", "пишет",
    "reports", "according",
}  # fmt: skip


def is_source(situated: Situated, tokens: list[Token], trigger: Span | None = None) -> bool:
    """'Как рассказали «Вясне», X приговорили', '..., сообщает «Вясна»', 'according to the ministry': a
    body next to a speech verb is the source of the report, not the court or authority. With `trigger`,
    one followed by 'said' is a source only after the act ('Lithuania said it banned ...' banned)."""
    before = [t.text.lower() for t in tokens if t.end <= situated.mention.span.start][-3:]
    after = [t.text.lower() for t in tokens if t.start >= situated.mention.span.end][:1]
    if trigger is not None and situated.mention.span.end <= trigger.start:
        after = []
    return bool(SOURCE_VERBS.intersection(before + after))


def passive_subject(situated: Situated, trigger: Span, tokens: list[Token]) -> bool:
    """'Lawyer X, a member of ..., was taken out': the person a passive verb concerns, however far."""
    words = [t.norm for t in tokens if trigger.start <= t.start < trigger.end][:1]
    words += [t.norm for t in tokens if t.end <= trigger.start][-2:]
    return (
        situated.actor.kind == "person"
        and situated.mention.span.end <= trigger.start
        and bool(PASSIVE_AUXILIARIES.intersection(words))
    )


def _object(
    situated: Situated, trigger: Span, tokens: list[Token], noun: bool = False, given: bool = False
) -> bool:
    """'sentenced X', 'задержали журналиста X': the person right after the verb it concerns, not one in a
    phrase further on ('protests against President X'); after a noun, 'of X' is the one concerned, and
    after a penalty given, 'to X'."""
    between = [t.norm for t in tokens if trigger.end <= t.start < situated.mention.span.start]
    oblique = OBLIQUE - {"of"} if noun else OBLIQUE - {"to"} if given else OBLIQUE
    titles = [i for i, w in enumerate(between) if w in PERSON_TITLES]
    inside = [i for i, t in enumerate(tokens) if trigger.end <= t.start < situated.mention.span.start]
    if any(_finite(tokens, i) for i in inside):
        return False  # 'X, who was appointed minister in 2019, met Y': Y is the object of 'met'
    if titles:  # 'dismissed the Ambassador of Belarus to Ukraine X': 'of' and 'to' belong to the title
        return len(between) <= 10 and not oblique.intersection(between[: titles[0]][-3:])
    return situated.mention.span.start - trigger.end <= 60 and not oblique.intersection(between[-3:])


def _also(situated: Situated, actors: list[Situated], tokens: list[Token], trigger: Span) -> bool:
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
        and (between[0] in LIST_JOINS or between[-1] in LIST_JOINS)  # 'X Minister of Y and Z'
        and len(between) <= 12
        and any(w in PERSON_TITLES for w in between)
    ) or (previous.mention.span.start >= trigger.end and _listed_after(previous, situated, tokens))


LISTED_REACH = 4
"""Words a list may put between two names besides its commas and 'and' ('и активиста Legalize Belarus')."""


def _listed_after(previous: Situated, situated: Situated, tokens: list[Token]) -> bool:
    """'оштрафовал X, Y, Z и активиста W', 'fined X, Y and Z': a name after a comma or 'and' that follows
    a name concerned, with no verb, preposition or number between, is one more of a list of those
    concerned (the caller checks the list follows the verb)."""
    gap = Span(previous.mention.span.end, situated.mention.span.start)
    between = [t for t in tokens if gap.start <= t.start and t.end <= gap.end]
    words = [t.norm for t in between]
    return (
        (not words or words[0] in LIST_JOINS)  # 'X, Y' has no word between; 'X и активиста Y' has 'и'
        and len(words) <= LISTED_REACH
        and not OBLIQUE.intersection(words)
        and not any(w.isdigit() for w in words)
        and not any(_finite(tokens, tokens.index(t)) for t in between)
    )


PREDECESSOR_WORDS = {"replacing", "replaced", "replaces", "succeeding", "succeeded", "succeeds", "instead",
                     "predecessor", "вместо", "сменив", "сменил", "сменила", "сменит", "сменивший",
                     "сменившего", "предшественник", "предшественника"}  # fmt: skip
"""'appointed X as minister, replacing Y', 'вместо Y', 'сменив Y': Y is the one who held the post."""
REPLACING_TRIGGERS = {"replaced", "replaces", "succeeded", "succeeds", "сменить"}


def _predecessor(situated: Situated, tokens: list[Token]) -> bool:
    before = [t.norm for t in tokens if t.end <= situated.mention.span.start][-4:]
    words = [t.text.lower() for t in tokens if t.end <= situated.mention.span.start][-4:]
    return bool(PREDECESSOR_WORDS.intersection(before + words))


def _replacing(trigger: Span, tokens: list[Token]) -> bool:
    return any(t.norm in REPLACING_TRIGGERS for t in tokens if trigger.start <= t.start < trigger.end)


ALONG_WITH = {("along", "with"), ("together", "with"), ("вместе", "с"), ("вместе", "со"), ("as", "well")}
ALONG_REACH = 6
"""Words between 'along with' and the name ('along with her husband, Alyaksandr Loyka')."""


def _along_with(situated: Situated, trigger: Span, tokens: list[Token]) -> bool:
    """'X was arrested along with her husband Y', 'задержан вместе с супругой Y': Y is concerned too."""
    between = [t for t in tokens if trigger.end <= t.start and t.end <= situated.mention.span.start]
    words = [t.norm for t in between]
    pairs = [i for i in range(len(words) - 1) if (words[i], words[i + 1]) in ALONG_WITH]
    return (
        situated.actor.kind == "person"
        and bool(pairs)
        and len(words) - pairs[-1] - 2 <= ALONG_REACH
        and not any(_finite(tokens, tokens.index(t)) for t in between[pairs[-1] + 2 :])
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


def nominative_name(situated: Situated) -> bool:
    return _nominative(situated)


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


PAST_FORMS = {"met", "held", "said", "told", "took", "gave", "made", "spoke", "went", "came"}


def _finite(tokens: list[Token], index: int) -> bool:
    """A verb of its own between the trigger and a name: the name is that verb's ('visited Minsk'; not
    'the unnamed activist', an adjective; not 'detained and questioned X', whose verbs share X)."""
    word = tokens[index].text
    if index and tokens[index - 1].norm in {"and", "и"}:
        return False
    if not word.isascii():
        return "VERB" in grammemes(word) and "INFN" not in grammemes(word)
    following = tokens[index + 1].text if index + 1 < len(tokens) else ""
    verb_like = word.islower() and word.endswith("ed") and len(word) > 4
    return word in PAST_FORMS or (verb_like and (following[:1].isupper() or following in OBJECT_OPENERS))


OBJECT_OPENERS = {"the", "a", "an", "with", "to", "him", "her", "them"}


def _short_participle(words: list[str]) -> bool:
    """'задержан', 'оштрафована', 'приговорены', 'назначен': the Russian passive (the verb, the first
    word of the trigger: the 'от' of 'освободил от должности' is none)."""
    return any(re.search(r"(?:ан|ен|ён|ян|т)(?:а|о|ы)?$", w) for w in words if re.search(r"[а-я]", w))
