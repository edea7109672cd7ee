"""Appointments and dismissals (issue 13): who took the post, who decided, and that the post's country is
not where the decision was made. Each on short sentences of our own, in English and Russian, never on a
corpus text."""

from __future__ import annotations

from graph.ingest.candidates import Candidate
from graph.ingest.pipeline import ingest
from tests.ingest.conftest import FIXTURE_SEED, THURSDAY, WriteDigest

LUKASHENKA = "person:alexander-lukashenka"


def of_kind(write_digest: WriteDigest, text: str, kind: str) -> list[Candidate]:
    found = ingest(write_digest(text), FIXTURE_SEED, published=THURSDAY).candidates
    return [c for c in found if c.kind == kind]


def roles(candidate: Candidate) -> dict[str, str]:
    return {p.actor.id: p.role for p in candidate.participants}


def concerned(candidate: Candidate, role: str) -> list[str]:
    return [p.actor.name for p in candidate.participants if p.role == role]


# Who takes a post


def test_the_appointee_is_a_participant_and_the_posts_country_no_place(write_digest: WriteDigest) -> None:
    for text in (
        "Lukashenka appointed Ivan Petrov ambassador to Lithuania on Monday.",
        "В понедельник Лукашенко назначил Ивана Петрова послом Беларуси в Литве.",
    ):
        [appointment] = of_kind(write_digest, text, "appointment")
        assert roles(appointment)[LUKASHENKA] == "authority"
        assert [n.split()[-1] for n in concerned(appointment, "appointee")] in (["Petrov"], ["Петров"])
        assert appointment.places == []
        assert "country:LT" in {p.id for p in appointment.posts}


def test_one_who_became_the_new_holder_of_a_post_was_appointed(write_digest: WriteDigest) -> None:
    for text in (
        "Petr Ivanov became the new governor of the Vitebsk Region on Monday.",
        "Petr Ivanov became minister of agriculture on Monday.",
        "Новым губернатором Витебской области стал Петр Иванов.",
        "Петр Иванов стал министром сельского хозяйства.",
    ):
        [appointment] = of_kind(write_digest, text, "appointment")
        assert len(concerned(appointment, "appointee")) == 1, text
        assert concerned(appointment, "authority") == [], text


def test_becoming_no_post_or_a_post_long_ago_is_no_appointment(write_digest: WriteDigest) -> None:
    for text in (
        "Belarus became the first country to sign the treaty.",
        "Стало известно, что посол Литвы покинет Минск.",
        "Ivan Petrov, who became minister in 2019, met Putin on Monday.",
    ):
        assert of_kind(write_digest, text, "appointment") == [], text


def test_one_verb_appointing_three_people_is_three_appointments(write_digest: WriteDigest) -> None:
    text = (
        "Lukashenka appointed Ivan Petrov Minister of Economy, Oleg Smirnov Minister of Agriculture and "
        "Maria Sokolova Deputy Prime Minister."
    )
    appointments = of_kind(write_digest, text, "appointment")
    assert [concerned(a, "appointee") for a in appointments] == [
        ["Ivan Petrov"],
        ["Oleg Smirnov"],
        ["Maria Sokolova"],
    ]
    assert all(roles(a)[LUKASHENKA] == "authority" for a in appointments)


def test_a_day_before_the_name_does_not_hide_the_appointee(write_digest: WriteDigest) -> None:
    [appointment] = of_kind(
        write_digest, "On Tuesday Maria Sokolova was named Minister of Economy.", "appointment"
    )
    assert concerned(appointment, "appointee") == ["Maria Sokolova"]


def test_consent_to_an_appointment_and_a_decree_appointing_are_appointments(
    write_digest: WriteDigest,
) -> None:
    for text in (
        "Lukashenka gave his consent to the appointment of Ivan Petrov as head of the Vitebsk Regional "
        "Executive Committee.",
        "Lukashenka signed a decree appointing Ivan Petrov as ambassador to Lithuania.",
        "Lukashenka approved the candidacy of Ivan Petrov for the post of governor of the Vitebsk Region.",
    ):
        [appointment] = of_kind(write_digest, text, "appointment")
        assert concerned(appointment, "appointee") == ["Ivan Petrov"], text
        assert roles(appointment)[LUKASHENKA] == "authority", text


def test_the_person_for_the_post_may_be_named_in_the_next_sentence(write_digest: WriteDigest) -> None:
    text = (
        "Lukashenka agreed on the appointment of a new head of the Vitebsk Regional Executive Committee "
        "on Monday. Petr Ivanov will take the post."
    )
    [appointment] = of_kind(write_digest, text, "appointment")
    assert concerned(appointment, "appointee") == ["Petr Ivanov"]


def test_a_future_appointment_is_none(write_digest: WriteDigest) -> None:
    for text in (
        "Ivan Petrov will be appointed ambassador to Russia.",
        "Лукашенко планирует назначить Ивана Петрова послом в России.",
    ):
        assert of_kind(write_digest, text, "appointment") == [], text


# Dismissals, and one sentence with two acts


def test_dismissal_and_appointment_in_one_sentence_each_concern_their_own_object(
    write_digest: WriteDigest,
) -> None:
    for text in (
        "Lukashenka dismissed Ivan Petrov from the post of minister and appointed Oleg Smirnov in his place.",
        "Лукашенко освободил Ивана Петрова от должности министра и назначил на его место Олега Смирнова.",
    ):
        [dismissal] = of_kind(write_digest, text, "dismissal")
        [appointment] = of_kind(write_digest, text, "appointment")
        assert [n.split()[-1] for n in concerned(dismissal, "dismissed")] in (["Petrov"], ["Петров"]), text
        assert [n.split()[-1] for n in concerned(appointment, "appointee")] in (["Smirnov"], ["Смирнов"]), (
            text
        )
        assert roles(dismissal)[LUKASHENKA] == roles(appointment)[LUKASHENKA] == "authority", text


def test_more_ways_to_tell_a_dismissal(write_digest: WriteDigest) -> None:
    for text in (
        "Lukashenka accepted the resignation of Prime Minister Ivan Petrov.",
        "Ivan Petrov, who had served as ambassador to Lithuania since 2019, was dismissed on Monday.",
        "Лукашенко снял Ивана Петрова с поста министра экономики.",
    ):
        [dismissal] = of_kind(write_digest, text, "dismissal")
        assert len(concerned(dismissal, "dismissed")) == 1, text
        assert dismissal.places == [], text


def test_a_court_that_dismissed_an_appeal_is_no_dismissal(write_digest: WriteDigest) -> None:
    assert (
        of_kind(write_digest, "The appeal was dismissed by the Supreme Court on Monday.", "dismissal") == []
    )


def test_a_name_after_another_verb_is_not_the_appointee(write_digest: WriteDigest) -> None:
    text = "Ivan Petrov, who was appointed minister in 2019, met Putin on Monday."
    appointments = of_kind(write_digest, text, "appointment")
    assert all("person:vladimir-putin" not in roles(a) for a in appointments)


def test_a_decision_to_appoint_is_the_appointment_not_a_plan(write_digest: WriteDigest) -> None:
    for text in (
        "Lukashenka gave his consent to appoint Ivan Petrov as ambassador to Lithuania.",
        "Лукашенко решил назначить Ивана Петрова послом в Литве.",
    ):
        [appointment] = of_kind(write_digest, text, "appointment")
        assert roles(appointment)[LUKASHENKA] == "authority", text
        assert len(concerned(appointment, "appointee")) == 1, text


def test_one_who_replaced_another_in_a_post_was_appointed(write_digest: WriteDigest) -> None:
    for text in (
        "Ivan Petrov replaced Oleg Smirnov as minister of economy on Monday.",
        "Иван Петров сменил на посту министра экономики Олега Смирнова.",
    ):
        [appointment] = of_kind(write_digest, text, "appointment")
        assert [n.split()[-1] for n in concerned(appointment, "appointee")] in (["Petrov"], ["Петров"]), text


def test_verbs_joined_by_and_share_their_object(write_digest: WriteDigest) -> None:
    for text in (
        "Police detained and questioned journalist Ivan Petrov on Monday.",
        "Силовики задержали и доставили в РОВД журналиста Ивана Петрова.",
    ):
        [detention] = of_kind(write_digest, text, "detention")
        assert len(concerned(detention, "detainee")) == 1, text


def test_an_infinitive_a_court_decided_on_is_the_act_and_one_requested_is_not(
    write_digest: WriteDigest,
) -> None:
    assert len(of_kind(write_digest, "Суд постановил оштрафовать Ивана Петрова на 500 рублей.", "fine")) == 1
    asked = "Прокурор попросил приговорить Ивана Петрова к пяти годам колонии."
    assert of_kind(write_digest, asked, "sentence") == []
