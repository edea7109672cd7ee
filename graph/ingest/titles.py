"""Short readable titles for candidate events, for the analyst to improve."""

from __future__ import annotations

from graph.ingest.candidates import Candidate

NOUNS = {
    "visit": "Visit", "contract_signing": "Signing", "ban": "Ban", "statement": "Statement",
    "meeting": "Meeting", "publication": "Publication", "appointment": "Appointment",
    "dismissal": "Dismissal", "detention": "Detention", "sentence": "Sentence", "fine": "Fine",
    "sanction": "Sanctions", "expulsion": "Expulsion",
}  # fmt: skip
"""One noun per kind of graph.model (a test checks none is missing)."""


def _names(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def event_title(candidate: Candidate) -> str:
    actors = _names([a.name for a in candidate.actors][:3])
    places = _names([p.name for p in candidate.places][:3])
    noun = NOUNS[candidate.kind]
    if candidate.kind == "visit":
        title = f"Visit of {actors or 'a delegation'}" + (f" to {places}" if places else "")
    elif candidate.kind == "statement":
        title = f"Statement by {actors}" if actors else "Statement"
    elif candidate.kind in {
        "ban",
        "sanction",
        "detention",
        "sentence",
        "fine",
        "expulsion",
        "appointment",
        "dismissal",
    }:
        title = f"{noun} concerning {actors}" if actors else noun
    elif candidate.kind == "contract_signing" and candidate.money:
        money = candidate.money
        amount = f"{int(money.amount):,}" if money.amount == int(money.amount) else f"{money.amount:,f}"
        title = f"Signing of agreements worth {money.currency} {amount}"
        title += f" ({actors})" if actors else ""
    else:
        title = f"{noun} of {actors}" if actors else noun
        title += f" in {places}" if places else ""
    return title
