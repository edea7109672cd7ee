"""A data person checks a table of tens of thousands of actors with a digest that names them: what the checks
across files keep (ids, names, fuzzy keys, references) moves to a temporary file on disk past a size
(graph/spill.py), so the memory does not grow with the table, and every problem reads as it does in memory."""

from __future__ import annotations

import random
import tracemalloc
from pathlib import Path

import pytest

import graph.spill
from graph.errors import InvalidInput
from graph.load.pipeline import check_paths
from tests.graph.test_load_malformed import HEADER, SOURCE_TEXT, meeting

SYLLABLES = [consonant + vowel for consonant in "bdgklmnprstvz" for vowel in "aeiou"]


def _name(number: int) -> str:
    rng = random.Random(number)
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(4)).title() for _ in range(2))


def _table(path: Path, actors: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write("id,kind,name,aliases\n")
        for number in range(1, actors + 1):
            out.write(f"person:p{number:06d},person,{_name(number)},{_name(-number)}\n")


def _digest(path: Path, host: str, guest: str) -> None:
    (path.parent / "text.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    path.write_text(
        HEADER
        + meeting(
            participants=f"[{{actor: '{host}', role: host}}, {{actor: '{guest}', role: guest}}]",
            places="[]",
        ),
        encoding="utf-8",
    )


def test_checking_a_large_actor_table_holds_a_bounded_amount_of_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The threshold is lowered so that a table small enough for a unit test spills as a large one does.
    monkeypatch.setattr(graph.spill, "SPILL_FROM", 500)
    (tmp_path / "reference").mkdir()  # reference data: no close-name warnings, whose cost is not measured
    table = tmp_path / "reference" / "actors.csv"
    _table(table, 6_000)
    digest = tmp_path / "digest.yaml"
    _digest(digest, _name(5_000), "person:p000007")

    tracemalloc.start()
    try:
        checked = check_paths([table, digest], reference_dir=None)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert checked.records == 6_000 + 2  # the actors, the meeting and the digest's source
    names = checked.catalog.names
    assert names.candidates(_name(-5_000)) == ("person:p005000",)  # an alias, found on disk
    assert names.similar(_name(5_000)[:-1] + "x", limit=1)[0].id == "person:p005000"
    # All in memory (main before this change) the check held 13 MiB; with the threshold, about 6.
    assert peak < 9 * 1024 * 1024, f"the check held {peak / 2**20:.1f} MiB for 6,000 actors"


def _problems(tmp_path: Path) -> list[str]:
    table = tmp_path / "actors.csv"
    _table(table, 300)
    with table.open("a", encoding="utf-8") as out:
        out.write(f"person:p000003,person,{_name(3)},\n")  # the same id twice in one file
    digest = tmp_path / "digest.yaml"
    typo = _name(150)[:-1] + "x"  # one letter off: a "did you mean" hint, found by the fuzzy keys
    _digest(digest, typo, "person:p999999")
    with pytest.raises(InvalidInput) as refused:
        check_paths([table, digest], reference_dir=None)
    return [str(problem) for problem in refused.value.problems]


def test_problems_read_the_same_when_the_checks_keep_their_state_on_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "memory").mkdir()
    (tmp_path / "disk").mkdir()
    in_memory = _problems(tmp_path / "memory")
    monkeypatch.setattr(graph.spill, "SPILL_FROM", 1)
    on_disk = _problems(tmp_path / "disk")

    assert len(in_memory) == 3
    assert "duplicate id 'person:p000003'" in in_memory[0]
    assert f"did you mean person:p000150 ({_name(150)})" in "\n".join(in_memory)
    assert [p.replace("/disk/", "/memory/") for p in on_disk] == in_memory
