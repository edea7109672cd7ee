"""Mentions of events that did not (yet) happen: plans, intentions, hypotheses, denials, habits, counts.

"Lukashenka plans to visit", "contracts will be signed", "намерены подписать", "did not meet", "they meet
regularly", "visited Russia 10 times last year": the trigger word is there, the event is not. Checked in
the clause before the trigger (and, for counts and habits, the words right after it). Speech is exempt
from the plan words: "he will say" is rare and "said he will visit" is a statement about a plan.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from graph.ingest.candidates import Span
from graph.ingest.lexicon import NOUN_TRIGGERS
from graph.ingest.tokens import Token, grammemes
from graph.ingest.triggers import Trigger, find_triggers
from graph.ingest.verb_forms import cyrillic, in_talks, infinitive, recalled, russian_plan

if TYPE_CHECKING:
    from graph.ingest.document import Digest
    from graph.ingest.segments import Sentence

PLANS = {
    "intend", "intends", "intended", "plan", "plans", "planned", "planning", "will", "would", "could",
    "may", "might", "shall", "expected", "expects", "hope", "hopes", "hoped", "want", "wants", "wanted",
    "wish", "ready", "going", "should", "scheduled", "upcoming", "future", "possible", "potential",
    "prevent", "attempted", "attempt", "proposal", "if", "unless", "can", "cannot", "ahead", "run-up",
    "invited", "invites", "invite", "inviting", "preparing", "prepare", "prepares", "preparations",
    "possibility", "prospect", "prospects", "rule", "возможность", "перспектива",
    "faces", "face", "facing", "грозить", "угрожать",
    "пригласить", "готовиться", "подготовка", "намерить", "намеренный", "планировать", "планироваться",
    "собираться", "мочь", "ожидаться", "предстоять", "должный", "хотеть", "готовый", "возможный", "будущий",
    "предстоящий", "если", "попытаться", "пытаться", "бы",
}  # fmt: skip
FUTURE = {"будет", "будут", "будем", "буду", "будете", "станет", "станут"}
"""Russian future auxiliaries, by their written form (their lemma "быть" is also the past "были")."""
NEGATIONS = {"not", "never", "no", "nothing", "neither", "didn't", "wasn't", "weren't", "hasn't", "haven't",
             "nor", "не", "ни", "нет", "без"}  # fmt: skip
HABITS = {"regularly", "generally", "often", "usually", "annually", "traditionally", "repeatedly",
          "frequently", "weekly", "monthly", "daily", "регулярно", "часто", "еженедельно", "ежемесячно",
          "ежедневно",
          "ежегодно", "традиционно", "неоднократно", "обычно"}  # fmt: skip
QUANTIFIERS = {"many", "most", "thousands", "hundreds", "dozens", "several", "some", "all", "numerous",
               "многие", "многий", "тысяча", "сотня", "десяток", "большинство", "ряд"}  # fmt: skip
"""'Thousands have been detained', 'Many opposition leaders have been arrested': a summary, not an event."""
COUNTS = {"times", "rounds", "раз", "раза"}
FUTURE_AFTER = {"will", "would", "expected", "planned", "scheduled", "shall", "планироваться", "ожидаться",
                "будет"}  # fmt: skip
HAPPEN = {"held", "take", "begin", "start", "open", "follow", "place", "состояться", "пройти", "начаться",
          "открыться"}  # fmt: skip
"""'The forum will be held', 'a press conference is expected to take place', 'переговоры пройдут': the
event is announced, not reported (a ban that 'will now apply' is in force: only happening verbs count)."""
COPULAS = {"is", "are", "was", "were", "быть"}
INTENDED = {"planned", "expected", "scheduled", "intended", "designed", "aimed", "meant", "due", "supposed",
            "set", "slated", "tentatively",
            "likely", "планироваться", "ожидаться", "призвать", "направить"}  # fmt: skip
DECIDING = {"consent", "decided", "decision", "ruled", "согласие", "решить", "решение", "постановить"}
"""'gave his consent to appoint X', 'решил назначить X', 'суд постановил оштрафовать X': the infinitive is
what was decided, not a plan."""
DECIDED_KINDS = {"appointment", "dismissal", "detention", "sentence", "fine", "expulsion"}
PLANNED = {"запланировать", "наметить", "намечать", "планироваться", "ожидаться"}
"""'Встреча запланирована на июнь': Russian says it without a copula."""
"""'A meeting is planned', 'the sanctions are intended to curb ...': the noun names a plan or a purpose,
not a report that something happened."""
SERIES = {"rounds", "round", "packages", "waves", "series", "волна", "пакет", "серия", "of", "new", "новый"}
"""'several rounds of sanctions', 'thousands of arrests': what may stand between a quantifier and the
noun it counts."""
CONTENTS = {"include", "includes", "included", "including", "involve", "involves", "envisage", "envisages",
            "предусматривать", "предусмотреть", "включать", "включить", "подразумевать"}  # fmt: skip
"""'The measures include entry bans', 'меры предусматривают запреты': what a measure consists of, told
as its content, not as events of their own."""
OBJECT_OF = {"ban", "bans", "prohibition", "запрет", "запрещение"}
"""'a ban on signing contracts', 'запрет на заключение сделок': the act a ban forbids did not happen."""
RELATIVE = {"who", "which", "который"}
DOCUMENTS = {"document", "documents", "resolution", "declaration", "communique", "agenda", "programme",
             "program", "draft", "документ", "проект", "резолюция", "декларация", "коммюнике", "повестка",
             "программа"}  # fmt: skip
"""'the forum's final document', 'в проекте итогового документа форума': the gathering owns a text
the sentence talks about; it is not reported here."""
PROCESS = {"ongoing", "continue", "continues", "continuing", "stalled", "stall", "dragged", "resumed",
           "продолжаться", "продолжиться", "затянуться", "тупик", "возобновиться"}  # fmt: skip
"""'Talks have stalled', 'переговоры продолжаются': a process told of, not a meeting held on a day."""
DURATIONS = {"months", "years", "weeks", "decades", "месяц", "год", "неделя", "десятилетие"}
"""'negotiations have been going on for months', 'уже несколько лет': a span of time, not an occasion."""
LENGTH_WORDS = {"for", "уже", "течение", "протяжение", "several", "many", "несколько", "много", "долгий"}
SUBORDINATORS = {"that", "что", "чтобы", "where", "где", "which", "который"}
"""Where the meeting's own clause ends: 'promised at the meeting that aid would continue'."""
GATHERING_WORDS = {"forum", "congress", "summit", "session", "conference", "форум", "съезд", "саммит",
                   "заседание", "совещание"}  # fmt: skip
CLAUSE_BREAKS = {",", ";", ":", "—", "–", "(", "“", "«", '"'}
REACH = 5
CROWDS = {"thousand", "thousands", "hundreds", "dozens", "тысяча", "сотня", "десяток", "сотни", "десятки"}
PEOPLE = {"people", "persons", "protesters", "citizens", "человек", "гражданин", "участник", "протестующий",
          "people's", "of"}  # fmt: skip
"""'задержаны более 50 тысяч человек', 'thousands of people were detained': a count of people acted on over
time, a summary (a sum of money in thousands is no crowd)."""
IN_FORCE = {"remain", "remains", "remained", "действовать", "оставаться", "сохраняться", "force"}
"""'Запрет на въезд действует с 2022 года', 'the ban remains in force': a state, not the act that made it."""
ACTS_ON_PEOPLE = {"detention", "sentence", "fine"}
MODALS = {"may", "might", "could", "can", "should", "must", "would", "will", "мочь", "должный", "может",
          "могут", "должен", "должна", "должны"}  # fmt: skip
"""'a meeting may take place', 'встреча может состояться', 'саммит должен пройти': what may happen."""
SETTLED = {"agreed", "confirmed", "decided", "fixed", "согласовать", "подтвердить", "определить", "решить",
           "назначить"}  # fmt: skip
"""'the visit has not been agreed', 'визит пока не согласован': a meeting or visit not (yet) settled."""
PLURAL_ONLY = {"talks", "negotiations", "consultations", "переговоры", "консультация"}
"""Nouns plural in form that name one occasion: 'two rounds of talks' counts, 'ten talks' is rare."""
NUMBER_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "dozen", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять",
                "одиннадцать", "двенадцать", "двадцать", "тридцать", "сорок", "пятьдесят", "сто",
                "несколько"}  # fmt: skip


def modality(trigger: Trigger, tokens: list[Token], sentence: Sentence, digest: Digest) -> str | None:
    """Why this trigger reports no event ('plan', 'negated', 'habit', 'count', 'process'), or None when
    it does."""
    clause = _clause_tokens(trigger, tokens, digest.text)
    before = _clause_before(clause)
    after = [t.norm for t in tokens if t.start >= trigger.span.end][:4]
    later = _clause_after(trigger, tokens, digest.text)
    if NEGATIONS.intersection(before[-3:]):
        return "negated"
    if trigger.kind == "statement":
        if _authors_aside(trigger, tokens):
            return "aside"
        if _adds_to(trigger, tokens, digest.text):
            return "no speech"
        return "habit" if _standing_view(trigger, tokens, before) else None
    if trigger.kind in ACTS_ON_PEOPLE and _crowd(trigger, tokens, sentence, digest):
        return "summary"
    if trigger.kind in ACTS_ON_PEOPLE and _describes(trigger, tokens, sentence, digest):
        return "description"
    if trigger.kind in ACTS_ON_PEOPLE and _background(trigger, tokens, before, digest):
        return "background"
    if trigger.kind == "sentence" and "сила" in later[:7] and "вступить" in later[:5]:
        return "in force"  # 'Приговор вступил в законную силу': the verdict given before takes effect
    if trigger.kind in {"ban", "sanction"} and IN_FORCE.intersection(later):
        return "habit"
    if CONTENTS.intersection(before) or (
        OBJECT_OF.intersection(before[-2:-1]) and before[-1:] in (["on"], ["of"], ["на"])
    ):
        return "content"
    if trigger.kind == "meeting" and _owns_document(trigger, tokens, before):
        return "reference"
    if _counted(before):
        return "summary"
    if trigger.kind == "meeting" and not digest.dates_in(sentence.span) and _process(later):
        return "process"
    if trigger.kind == "meeting" and (in_talks(trigger, tokens) or recalled(trigger, tokens)):
        return "recalled"
    if _intended(later) or PLANNED.intersection(later) or _may_happen(trigger, later):
        return "plan"
    if _not_settled(trigger, later):
        return "negated"
    if _numbered(trigger, tokens, before):
        return "summary"
    if PLANS.intersection(before) or "будет" in before:
        return "plan"
    decided = trigger.kind in DECIDED_KINDS and bool(DECIDING.intersection(before))
    if not decided and (
        infinitive(before) or (cyrillic(trigger, tokens) and russian_plan(trigger, tokens, clause))
    ):
        return "plan"
    if (linked := _linked(trigger, tokens, before, sentence, digest)) is not None:
        return linked
    future = bool(FUTURE_AFTER.intersection(later)) and bool(HAPPEN.intersection(later))
    if (future or "expected" in later[:2]) and not _past(later, tokens, trigger):
        return "plan"
    if HAPPEN.intersection(later[:2]) & {"состояться", "пройти"} and _future_form(tokens, trigger):
        return "plan"
    if _will_happen(trigger, tokens, digest.text):
        return "plan"
    if HABITS.intersection(before + after) or _every(before + later):
        return "habit"
    opening = [t.norm for t in tokens[:3]]
    if QUANTIFIERS.intersection(opening) and tokens and tokens[0].start == sentence.span.start:
        return "summary"
    counted = [t.norm for t in tokens if t.start >= trigger.span.end][:7]  # 'met Putin more than 20 times'
    if any(
        word in COUNTS and index > 0 and _number(counted[index - 1]) for index, word in enumerate(counted)
    ):
        return "count"
    return None


LINKS = {"for", "для", "at", "on", "на", "during", "ход"}


def _linked(
    trigger: Trigger, tokens: list[Token], before: list[str], sentence: Sentence, digest: Digest
) -> str | None:
    """'invited Putin to visit Minsk for talks', 'last met at the summit in Astana': the talks a planned
    trip is for, the gathering a recalled meeting was held at, are planned or recalled too."""
    if trigger.kind != "meeting" or not LINKS.intersection(before[-3:]):
        return None
    earlier = [t for t in find_triggers(tokens) if t.kind in {"visit", "meeting"}]
    earlier = [t for t in earlier if t.span.end <= trigger.span.start]
    why = modality(earlier[-1], tokens, sentence, digest) if earlier else None
    return why if why in {"plan", "recalled"} else None


def _owns_document(trigger: Trigger, tokens: list[Token], before: list[str]) -> bool:
    words = [t.norm for t in tokens if trigger.span.start <= t.start < trigger.span.end]
    return bool(GATHERING_WORDS.intersection(words)) and bool(DOCUMENTS.intersection(before[-2:]))


def _counted(before: list[str]) -> bool:
    """A quantifier right before the noun ('several rounds of sanctions', 'многочисленные аресты')."""
    for index in range(len(before) - 1, max(len(before) - 4, -1), -1):
        word = before[index]
        if word in QUANTIFIERS or word in {"numerous", "многочисленный"}:
            return all(w in SERIES for w in before[index + 1 :])
        if word not in SERIES:
            return False
    return False


def _process(later: list[str]) -> bool:
    """A meeting noun that goes on or stands still ('the talks have stalled', 'negotiations have been
    going on for months', 'переговоры продолжаются уже несколько месяцев'): no occasion is reported.
    Only in a sentence that states no date ('the talks continued on Tuesday' is a second day of talks)."""
    cut = next((i for i, word in enumerate(later) if word in SUBORDINATORS), len(later))
    later = later[:cut]
    if PROCESS.intersection(later):
        return True
    return any(
        word in DURATIONS and LENGTH_WORDS.intersection(later[max(0, index - 3) : index])
        for index, word in enumerate(later)
    )


def _authors_aside(trigger: Trigger, tokens: list[Token]) -> bool:
    """'Напомним, в апреле X посетил Москву', 'Отметим, что ...': the author's own words (a Russian speech
    verb in the first person plural), not a statement by anyone the text reports."""
    words = [t.text for t in tokens if trigger.span.start <= t.start < trigger.span.end][:1]
    return any({"1per", "plur"} <= grammemes(w) for w in words)


ADDING = {"added", "adds", "добавить"}
INTO = {"to", "в", "во"}


def _adds_to(trigger: Trigger, tokens: list[Token], text: str) -> bool:
    """'added Ivan Petrov to its list of terrorists', 'добавил его в список': putting someone on a list,
    not 'he added that ...'."""
    if trigger.phrase not in ADDING:
        return False
    after = [t for t in tokens if t.start >= trigger.span.end][:5]
    if not after or any(mark in text[trigger.span.end : after[0].start] for mark in CLAUSE_BREAKS):
        return False
    clause = [t.norm for t in tokens if t.start >= trigger.span.end][:12]
    return not SUBORDINATORS.intersection(clause) and bool(INTO.intersection(t.norm for t in after))


def _crowd(trigger: Trigger, tokens: list[Token], sentence: Sentence, digest: Digest) -> bool:
    """'В Беларуси задержаны более 50 тысяч человек', 'thousands of people have been jailed'; a crowd
    detained on a day the sentence names ('on Tuesday police detained hundreds of protesters') is one
    occasion."""
    if any(d.value.precision == "day" for d in digest.dates_in(sentence.span)):
        return False
    sums = [m.span for m in digest.money_in(sentence.span)]
    index = next((i for i, t in enumerate(tokens) if t.start >= trigger.span.start), len(tokens))
    near = [
        t for t in tokens[max(0, index - 6) : index + 8] if not any(s.start <= t.start < s.end for s in sums)
    ]
    return any(
        t.norm in CROWDS and PEOPLE.intersection(u.norm for u in near[i + 1 : i + 3])
        for i, t in enumerate(near)
    )


def _describes(trigger: Trigger, tokens: list[Token], sentence: Sentence, digest: Digest) -> bool:
    """'признали задержанного политзаключенным', 'осужденный блогер': a Russian full participle names a
    person by an act done to them, without a day of its own; it reports no act ('осужденный в 2021 году'
    with its year is a past event recalled)."""
    words = [t for t in tokens if trigger.span.start <= t.start < trigger.span.end][:1]
    if not words or "PRTF" not in grammemes(words[0].text):
        return False
    after = [t for t in tokens if t.start >= trigger.span.end][:6]
    phrase = Span(trigger.span.start, after[-1].end if after else trigger.span.end)
    return not digest.dates_in(phrase)


EVERY = {"every", "each", "каждый"}
PERIODS = {"week", "month", "day", "year", "weekend", "неделя", "месяц", "день", "год"}


def _every(words: list[str]) -> bool:
    """'publishes the list every week', 'каждую неделю': a habit."""
    return any(a in EVERY and b in PERIODS for a, b in pairwise(words))


PAST_ONES = {"previous", "past", "earlier", "former", "предыдущий", "прошлый", "прежний"}


ATTRIBUTIVE = {"the", "a", "an", "this", "that", "his", "her", "their", "its"}


def _background(trigger: Trigger, tokens: list[Token], before: list[str], digest: Digest) -> bool:
    """What is said of a person to place them, not news: 'X, who was sentenced to five years, was
    released' (a relative clause with no date of its own), 'the jailed journalist X', 'a political prisoner
    jailed since 2020' (in English: a Russian relative clause is often the only trigger of the act the main
    clause tells in words the lexicon does not know)."""
    index = next((i for i, t in enumerate(tokens) if t.start >= trigger.span.start), len(tokens))
    word = tokens[index].text if index < len(tokens) else ""
    following = [t.norm for t in tokens[index + 1 : index + 2]]
    if (
        word.isascii()
        and word.endswith("ed")
        and ((before[-1:] and before[-1] in ATTRIBUTIVE) or following == ["since"])
    ):
        return True
    if not word.isascii() or not RELATIVE.intersection(before):
        return (
            False  # Russian: 'россиян, которые были задержаны, заключили под стражу' may be the only trigger
        )
    clause_end = next(
        (
            t.start
            for t in tokens[index + 1 :]
            if any(mark in digest.text[trigger.span.end : t.start] for mark in CLAUSE_BREAKS)
        ),
        tokens[-1].end if tokens else trigger.span.end,
    )
    start = max(t.start for t in tokens[:index] if t.norm in RELATIVE)
    return not digest.dates_in(Span(start, clause_end))


def _may_happen(trigger: Trigger, later: list[str]) -> bool:
    """'A meeting may take place in June', 'встреча может состояться', 'саммит должен пройти': a modal
    before a verb of happening after the noun."""
    if not _noun(trigger):
        return False
    return any(
        word in MODALS and HAPPEN.intersection(later[index + 1 : index + 4])
        for index, word in enumerate(later)
    )


def _not_settled(trigger: Trigger, later: list[str]) -> bool:
    """'Визит Путина в Минск пока не согласован', 'the date of the visit has not been confirmed'."""
    if not _noun(trigger):
        return False
    return any(
        word in NEGATIONS and SETTLED.intersection(later[index + 1 : index + 4])
        for index, word in enumerate(later)
    )


def _noun(trigger: Trigger) -> bool:
    """A trigger that names its event by a noun ('visit', 'visits', 'встреча', 'форум')."""
    nouns = NOUN_TRIGGERS | GATHERING_WORDS
    return trigger.phrase in nouns or (trigger.phrase.endswith("s") and trigger.phrase[:-1] in nouns)


def _numbered(trigger: Trigger, tokens: list[Token], before: list[str]) -> bool:
    """'more than 30 meetings', 'более десяти встреч', 'held three meetings with governors', 'previous
    visits': a count of occasions, not one of them (a plural noun after a number or 'previous'; 'two
    rounds of talks' is _counted's)."""
    if not _noun(trigger):
        return False
    if trigger.phrase in PLURAL_ONLY or not before:
        return False
    words = [t.text for t in tokens if trigger.span.start <= t.start < trigger.span.end][:1]
    plural = any(
        "plur" in grammemes(w) if not w.isascii() else w.lower().endswith("s") and not w.endswith("ss")
        for w in words
    )
    return plural and (before[-1].isdigit() or before[-1] in NUMBER_WORDS or before[-1] in PAST_ONES)


def _intended(later: list[str]) -> bool:
    """A copula and a word of plan or purpose after the noun: 'a meeting with X is planned'."""
    return any(
        word in COPULAS and INTENDED.intersection(later[index + 1 : index + 3])
        for index, word in enumerate(later)
    )


def _standing_view(trigger: Trigger, tokens: list[Token], before: list[str]) -> bool:
    """'X, who denies the charges', 'который считает': a view held, told in a relative clause in the
    present tense, not something said on an occasion."""
    if not RELATIVE.intersection(before[-2:]):
        return False
    words = [t.text.lower() for t in tokens if trigger.span.start <= t.start < trigger.span.end][:1]
    return any(
        (w.isascii() and w.endswith("s") and not w.endswith("ss")) or "pres" in grammemes(w) for w in words
    )


def _clause_tokens(trigger: Trigger, tokens: list[Token], text: str) -> list[Token]:
    """Up to REACH words before the trigger, stopping at a comma or a quotation mark."""
    words: list[Token] = []
    previous_start = trigger.span.start
    for token in reversed([t for t in tokens if t.end <= trigger.span.start]):
        gap = text[token.end : previous_start]
        if any(mark in gap for mark in CLAUSE_BREAKS) or len(words) >= REACH:
            break
        words.insert(0, token)
        previous_start = token.start
    return words


def _clause_before(clause: list[Token]) -> list[str]:
    return [
        "may-month" if t.text == "May" else "будет" if t.text.lower() in FUTURE else t.norm for t in clause
    ]


def _clause_after(trigger: Trigger, tokens: list[Token], text: str) -> list[str]:
    """Up to 14 words after the trigger, stopping at a comma or a quotation mark ('будет' for Russian
    future forms)."""
    words: list[str] = []
    previous_end = trigger.span.end
    for token in [t for t in tokens if t.start >= trigger.span.end]:
        gap = text[previous_end : token.start]
        if any(mark in gap for mark in CLAUSE_BREAKS) or len(words) >= 14:
            break
        words.append("будет" if token.text.lower() in FUTURE else token.norm)
        previous_end = token.end
    return words


def _past(later: list[str], tokens: list[Token], trigger: Trigger) -> bool:
    """'состоялись' is past, 'состоится' future: pymorphy3 gives both one lemma, so look at the form."""
    forms = [t.text.lower() for t in tokens if t.start >= trigger.span.end][: len(later)]
    return any(f.startswith(("состоял", "прошл", "прошел", "прошёл")) for f in forms)


def _will_happen(trigger: Trigger, tokens: list[Token], text: str) -> bool:
    """'Заседание Совета министров Союзного государства пройдет в июне', 'Форум откроется в Гродно': a
    Russian verb of happening in the future anywhere in the gathering's clause, however long its name."""
    if not cyrillic(trigger, tokens):
        return False
    previous_end = trigger.span.end
    for token in [t for t in tokens if t.start >= trigger.span.end][:10]:
        if any(mark in text[previous_end : token.start] for mark in CLAUSE_BREAKS):
            return False
        if token.norm in HAPPEN and {"VERB", "futr"} <= grammemes(token.text):
            return True
        previous_end = token.end
    return False


def _future_form(tokens: list[Token], trigger: Trigger) -> bool:
    forms = [t.text.lower() for t in tokens if t.start >= trigger.span.end][:2]
    return any(f.startswith(("состоит", "состоят", "пройдет", "пройдёт", "пройдут")) for f in forms)


def _number(word: str) -> bool:
    return word.isdigit() or word in {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                      "dozen", "several", "many", "два", "три", "четыре", "пять", "десять",
                                      "несколько"}  # fmt: skip
