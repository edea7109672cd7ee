"""Where each name in a sentence stands: a place or an actor, a qualifier in someone's title, a post.

A name that can be both a place and an actor ("Moscow": the city, or the Russian state) is a place after
"in"/"to"/"в", and an actor otherwise. A name inside a title ("President of Belarus X") qualifies the
person and is not a participant.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.ingest.candidates import PLACE_KINDS, ActorRef, Mention, Span
from graph.ingest.lexicon import LOCATIVE, OFFICE_WORDS, ORIGIN, PERSON_TITLES, SETTLEMENTS
from graph.ingest.places import city_for_locative
from graph.ingest.tokens import Token

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
        locative = (bool(before) and before[-1] in LOCATIVE) or _settlement_named(mention.span, tokens)
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
        words = [w.removeprefix("экс-").removeprefix("ex-") for w in words]  # 'экс-посол Белоруссии в РФ'
        # 'послом Беларуси в России', 'mission of Belarus in Kyrgyzstan'; not 'to Germany in Minsk'
        chained = bool(situated) and situated[-1].of_post and not situated[-1].locative and len(words) <= 2
        of_post = bool(POST_WORDS.intersection(words)) or (listed and situated[-1].of_post) or chained
        situated.append(Situated(mention, actor, locative or listed, origin, qualifier, inside, of_post))
    return situated


def _choose(mention: Mention, place: bool) -> ActorRef:
    preferred = [c for c in mention.candidates if (c.kind in PLACE_KINDS) == place]
    return (preferred or list(mention.candidates))[0]


def _settlement_named(span: Span, tokens: list[Token]) -> bool:
    words = _words_before(span, tokens, 5)
    return bool(words) and words[-1] in SETTLEMENTS and bool(LOCATIVE.intersection(words[:-1]))


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
