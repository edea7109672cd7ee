"""What the form of the words around a trigger says of its event, beyond the plan words of modality.py.

A Russian verb in the future ('встретятся', 'проведут переговоры') or an infinitive governed by another
verb ('договорились встретиться', 'пригласил посетить') tells of a meeting or visit to come. A meeting
'last' held ('the two leaders last met', 'в последний раз встречались', 'на предыдущей встрече') is
recalled as the background of today's news, not reported. Parties that are 'in talks' are in a process.
"""

from __future__ import annotations

from graph.ingest.lexicon import NOUN_TRIGGERS
from graph.ingest.tokens import CYRILLIC, Token, grammemes
from graph.ingest.triggers import Trigger

RECALLING = {"last", "previously", "previous", "had", "предыдущий", "прошлый"}
DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "this", "that"}
"""'gave his consent to the appointment': 'to' before an article is a preposition, not an infinitive."""
ONGOING = {"talks", "negotiations", "consultations", "переговоры", "консультация"}


def russian_plan(trigger: Trigger, tokens: list[Token], clause: list[Token]) -> bool:
    """The trigger verb, or a verb in the clause before it, in the future tense; or the trigger verb (or
    the verb right before a trigger noun) in the infinitive."""
    own = [t.text for t in tokens if trigger.span.start <= t.start < trigger.span.end][:1]
    verbs = own + [t.text for t in clause]
    if any("futr" in grammemes(w) and "VERB" in grammemes(w) for w in verbs):
        return True
    light = [t.text for t in clause[-1:]]
    return any("INFN" in grammemes(w) for w in own + light)


def recalled(trigger: Trigger, tokens: list[Token]) -> bool:
    """'last met', 'previously held talks', 'had met', 'at the previous meeting', 'since the summit',
    'последний раз встречались'."""
    before = [t.norm for t in tokens if t.end <= trigger.span.start]
    if before[-1:] and before[-1] in RECALLING:
        return before[-1] != "had" or trigger.phrase not in NOUN_TRIGGERS  # 'had talks' held them
    if "since" in before[-4:]:
        return True  # 'since their meeting in June, relations have ...'

    return any(a == "последний" and b == "раз" for a, b in zip(before[-6:], before[-5:], strict=False))


def in_talks(trigger: Trigger, tokens: list[Token]) -> bool:
    """'Minsk and Moscow are in talks on a loan': a process, not a meeting on a day."""
    before = [t.norm for t in tokens if t.end <= trigger.span.start][-1:]
    return trigger.phrase in ONGOING and before == ["in"]


def infinitive(before: list[str]) -> bool:
    """'agreed to meet', 'plans to hold talks'; not 'consent to the appointment'."""
    return before[-1:] == ["to"] or (before[-2:-1] == ["to"] and before[-1] not in DETERMINERS)


def cyrillic(trigger: Trigger, tokens: list[Token]) -> bool:
    return any(CYRILLIC.search(t.text) for t in tokens if trigger.span.start <= t.start < trigger.span.end)
