"""The extractor's general rules, one short text of our own each (never a sentence of the corpus)."""

from __future__ import annotations

from datetime import date

import pytest

from graph.errors import ValidationFailed
from graph.ingest.candidates import Candidate
from graph.ingest.lexicon import TRIGGERS
from graph.ingest.pipeline import Ingested, ingest
from graph.ingest.titles import NOUNS
from graph.model import EVENT_KINDS
from tests.ingest.conftest import FIXTURE_SEED, WriteDigest

DAY = date(2024, 5, 10)


def read(write_digest: WriteDigest, text: str, published: date | None = DAY) -> Ingested:
    return ingest(write_digest(text), FIXTURE_SEED, published=published)


def events(write_digest: WriteDigest, text: str) -> list[Candidate]:
    return read(write_digest, text).candidates


def kinds(found: list[Candidate]) -> list[str]:
    return [c.kind for c in found]


def ids(candidate: Candidate) -> set[str]:
    return {a.id for a in candidate.actors}


LUKASHENKA, PUTIN = "person:alexander-lukashenka", "person:vladimir-putin"


def test_every_model_kind_has_trigger_words_and_a_title() -> None:
    assert set(TRIGGERS) == set(EVENT_KINDS)
    assert set(NOUNS) == set(EVENT_KINDS)


def test_a_host_side_verb_is_a_meeting(write_digest: WriteDigest) -> None:
    [meeting] = events(write_digest, "On May 3, Lukashenka received Putin in Minsk.")
    assert meeting.kind == "meeting" and ids(meeting) == {LUKASHENKA, PUTIN}
    assert str(meeting.date) == "2024-05-03"


def test_receiving_a_fine_is_not_a_meeting(write_digest: WriteDigest) -> None:
    found = events(write_digest, "On May 3, activist Ivan Petrov received a fine of 800 rubles in Minsk.")
    assert kinds(found) == ["fine"]


@pytest.mark.parametrize(
    "text",
    [
        "On May 4, Putin criticised the sanctions.",
        "On May 4, Putin proposed a new customs union.",
        "On May 4, Putin stresses that the union is strong.",
        "4 мая Путин раскритиковал санкции.",
        "4 мая Путин предложил создать таможенный союз.",
    ],
)
def test_speech_acts_other_than_say(write_digest: WriteDigest, text: str) -> None:
    [statement] = events(write_digest, text)
    assert statement.kind == "statement" and ids(statement) == {PUTIN}


def test_an_event_named_by_a_noun_as_its_subject(write_digest: WriteDigest) -> None:
    [forum] = events(
        write_digest, "The forum of regions of Belarus and Russia was held in Vitebsk on June 27."
    )
    assert forum.kind == "meeting" and str(forum.date) == "2024-06-27"


def test_denied_entry_is_a_ban(write_digest: WriteDigest) -> None:
    [ban] = events(write_digest, "On May 6, Lithuania denied entry to Putin.")
    assert ban.kind == "ban"


def test_one_statement_per_speaker_with_all_its_quotes(write_digest: WriteDigest) -> None:
    text = 'On May 7, Putin said: "We are friends." "We will stay friends for ever," he added.'
    [statement] = events(write_digest, text)
    assert ids(statement) == {PUTIN} and len(statement.evidence) == 2


@pytest.mark.parametrize(
    "text",
    [
        "On May 8, the Belarusian president said that the border is calm.",
        "On May 8, the head of state noted that the border is calm.",
        "8 мая глава государства заявил, что граница спокойна.",
    ],
)
def test_a_speaker_named_by_title_is_the_office_holder(write_digest: WriteDigest, text: str) -> None:
    [statement] = events(write_digest, f"Belarus is calm.\n\n{text}")
    assert ids(statement) == {LUKASHENKA}


def test_a_title_with_a_country_is_that_countrys_holder(write_digest: WriteDigest) -> None:
    [statement] = events(write_digest, "On May 8, the Russian President said that the border is calm.")
    assert ids(statement) == {PUTIN}


def test_a_medium_passes_speech_on_and_is_not_the_speaker(write_digest: WriteDigest) -> None:
    [statement] = events(
        write_digest, "According to Interfax news agency, Putin said on May 8 that relations are good."
    )
    assert ids(statement) == {PUTIN}


def test_he_is_the_speaker_of_the_statement_before(write_digest: WriteDigest) -> None:
    text = "On May 9, Lukashenka said that Lithuania is hostile. Russia is a friend, he added."
    [statement] = events(write_digest, text)
    assert ids(statement) == {LUKASHENKA}


@pytest.mark.parametrize(
    "text",
    [
        "Lukashenka plans to visit Moscow in June.",
        "Belarus and Russia will sign an agreement on energy.",
        "Belarus and Russia intend to sign an agreement on energy.",
        "Lukashenka did not meet Putin in May.",
        "Putin and Lukashenka meet regularly.",
        "Lukashenka visited Russia 10 times last year.",
        "A joint press conference is expected after the meeting.",
        "Лукашенко и Путин намерены подписать соглашение.",
        "Thousands have been detained since 2020.",
    ],
)
def test_plans_denials_habits_and_summaries_are_not_events(write_digest: WriteDigest, text: str) -> None:
    assert events(write_digest, text) == []


def test_talks_with_several_leaders_are_one_meeting_each(write_digest: WriteDigest) -> None:
    text = (
        "On May 2, Lukashenka held talks with the governors of two regions – Ivan Petrovsky "
        "and Vitebsk – Alexander Subbotin."
    )
    found = events(write_digest, text)
    assert kinds(found) == ["meeting", "meeting"]
    assert [ids(m) - {LUKASHENKA} for m in found] == [
        {"person:ivan-petrovsky"},
        {"person:alexander-subbotin"},
    ]


def test_fines_respectively_are_one_each_in_belarusian_roubles(write_digest: WriteDigest) -> None:
    text = (
        "On May 5, a court in Minsk fined activists Ivan Petrov and Pavel Sidorov 675 rubles and 810 rubles, "
        "respectively."
    )
    found = events(write_digest, f"Belarus is a country.\n\n{text}")
    assert [(c.kind, [a.name for a in c.actors if a.kind == "person"]) for c in found] == [
        ("fine", ["Ivan Petrov"]),
        ("fine", ["Pavel Sidorov"]),
    ]
    assert [(str(c.money.amount), c.money.currency) for c in found if c.money] == [
        ("675", "BYN"),
        ("810", "BYN"),
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("On May 5, police detained journalist Ivan Petrov in Minsk.", "detention"),
        ("On May 5, a court sentenced activist Ivan Petrov to three years in prison.", "sentence"),
        ("On May 5, Lukashenka appointed Ivan Petrov as minister of economy.", "appointment"),
        ("On May 5, Lukashenka dismissed Ivan Petrov from the post of minister.", "dismissal"),
        ("On May 5, Lithuania expelled Belarusian diplomat Ivan Petrov.", "expulsion"),
        ("On May 5, Lithuania imposed sanctions on Belarus.", "sanction"),
        ("5 мая в Минске задержали журналиста Ивана Петрова.", "detention"),
    ],
)
def test_the_new_kinds(write_digest: WriteDigest, text: str, kind: str) -> None:
    assert kinds(events(write_digest, text)) == [kind]


def test_a_dismissal_concerns_the_person_after_an_active_verb(write_digest: WriteDigest) -> None:
    [dismissal] = events(
        write_digest, "On May 5, Lukashenka dismissed Ivan Petrov from the post of minister."
    )
    roles = {p.actor.name: p.role for p in dismissal.participants}
    assert roles == {"Alexander Lukashenka": "authority", "Ivan Petrov": "dismissed"}


def test_a_named_meeting_of_a_commission_is_an_event_not_a_back_reference(write_digest: WriteDigest) -> None:
    text = (
        "On May 2, Lukashenka met Putin in Minsk.\n\n"
        "The 10th meeting of the Joint Commission was held in Vitebsk on May 6."
    )
    assert [str(c.date) for c in events(write_digest, text)] == ["2024-05-02", "2024-05-06"]


def test_the_headline_and_the_text_after_a_truncation_note_are_read(write_digest: WriteDigest) -> None:
    text = (
        "Putin receives Lukashenka in Moscow\n\n"
        "Lithuania is a neighbour of Belarus and of Russia, and its border is long and quiet this week.\n"
        "[... excerpt truncated ...]\n"
        "On May 6, Lithuania banned imports of Belarusian potash."
    )
    found = events(write_digest, text)
    assert kinds(found) == ["meeting", "ban"]


def test_beloussiya_is_belarus(write_digest: WriteDigest) -> None:
    [ban] = events(write_digest, "6 мая Белоруссия запретила ввоз литовских яблок.")
    assert ids(ban) == {"country:BY"}


def test_an_undated_text_needs_a_date_and_never_uses_the_files_time(write_digest: WriteDigest) -> None:
    with pytest.raises(ValidationFailed, match="--date"):
        read(write_digest, "Putin met Lukashenka.", published=None)
    ingested = read(write_digest, "Putin met Lukashenka.", published=date(2024, 5, 10))
    assert str(ingested.digest.period) == "2024-05-10"
    assert ingested.digest.period_note and "--date" in ingested.digest.period_note


def test_a_weekday_is_the_last_such_day_before_publication(write_digest: WriteDigest) -> None:
    [meeting] = events(write_digest, "Putin met Lukashenka in Minsk on Wednesday.")
    assert str(meeting.date) == "2024-05-08"


def test_other_languages_give_low_confidence_candidates_and_say_so(write_digest: WriteDigest) -> None:
    text = (
        "Am Dienstag traf Lukaschenko in Moskau den russischen Präsidenten Wladimir Putin zu einem "
        "langen Gespräch über die Lage in der Region."
    )
    ingested = read(write_digest, text)
    [meeting] = ingested.candidates
    assert meeting.kind == "meeting" and meeting.confidence < 0.5
    assert ids(meeting) >= {LUKASHENKA, PUTIN}
    assert [p.language for p in ingested.digest.unread] == ["de"]


def test_a_pronoun_takes_part_and_each_with_is_its_own_meeting(write_digest: WriteDigest) -> None:
    text = (
        "On May 2, Putin said that Minsk is a friend. On May 3, he held a meeting with governor Ivan Petrov, "
        "and in Vitebsk with governor Pavel Sidorov."
    )
    meetings = [c for c in events(write_digest, text) if c.kind == "meeting"]
    assert [sorted(a.name for a in m.actors) for m in meetings] == [
        ["Ivan Petrov", "Vladimir Putin"],
        ["Pavel Sidorov", "Vladimir Putin"],
    ]


def test_a_source_named_far_from_a_closing_said_is_no_statement(write_digest: WriteDigest) -> None:
    text = (
        "On May 5, a court in Minsk sentenced activist Ivan Petrov to three years in prison, "
        "a channel that follows the trials of political prisoners said."
    )
    assert kinds(events(write_digest, text)) == ["sentence"]
