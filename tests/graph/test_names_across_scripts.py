"""A name in Latin letters finds an actor the graph holds only under its Cyrillic name, and the reverse: the
loader asks the database in both scripts (graph/names `search_words`), and the one name index decides. A new
actor so named is a candidate for review, a reference by such a name gets a hint, never a silent new person
(issue 11). Through `kg load` and `kg review`, on a real Neo4j."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from graph.store import GraphStore
from tests.graph.test_incremental_names import folder, kg_run
from tests.graph.test_incremental_names import kg as kg  # a pytest fixture
from tests.graph.test_load import rows

# Invented people (the built-in reference data knows the real ones by names in both scripts).
STORED_CYRILLIC = "actors:\n  - {id: 'person:zaitsevich', kind: person, name: Пётр Зайцевич}\n"
STORED_LATIN = "actors:\n  - {id: 'person:karpovich', kind: person, name: Ivan Karpovich}\n"
NEW_LATIN = "actors:\n  - {id: 'person:petr-zaitsevich', kind: person, name: Petr Zaitsevich}\n"
NEW_CYRILLIC = "actors:\n  - {id: 'person:ivan-karpovich', kind: person, name: Иван Карпович}\n"
TEXT = "Zaitsevich spoke in Minsk on 3 May.\n"
WEEK = """\
source:
  id: source:test-week-2023-05-01
  title: A week of speeches
  language: en
  text_file: week.txt
events:
  - id: event:2023-05-03-zaitsevich-speech
    kind: statement
    title: Zaitsevich speaks
    date: 2023-05-03
    participants: [{actor: Zaitsevich, role: speaker}]
    evidence:
      - quote: Zaitsevich spoke in Minsk on 3 May.
"""


async def test_a_new_actor_named_in_the_other_script_is_a_candidate(
    store: GraphStore, kg: CliRunner, tmp_path: Path
) -> None:
    stored = {"cyrillic.yaml": STORED_CYRILLIC, "latin.yaml": STORED_LATIN}
    assert (await kg_run(kg, "load", str(folder(tmp_path, "earlier", stored)))).exit_code == 0

    latin = await kg_run(kg, "load", str(folder(tmp_path, "latin", {"people.yaml": NEW_LATIN})))
    cyrillic = await kg_run(kg, "load", str(folder(tmp_path, "cyrillic", {"people.yaml": NEW_CYRILLIC})))

    assert latin.exit_code == 0, latin.output
    assert "person:petr-zaitsevich may be person:zaitsevich" in latin.output
    assert cyrillic.exit_code == 0, cyrillic.output
    assert "person:ivan-karpovich may be person:karpovich" in cyrillic.output
    assert await rows(store, "MATCH (a:Person) RETURN count(a) AS n") == [{"n": 4}], "candidates, not merges"
    review = await kg_run(kg, "review", "--kind", "actor")
    for actor in ("person:zaitsevich", "person:petr-zaitsevich", "person:karpovich", "person:ivan-karpovich"):
        assert actor in review.output


async def test_a_latin_reference_to_an_actor_stored_in_cyrillic_gets_a_hint(
    store: GraphStore, kg: CliRunner, tmp_path: Path
) -> None:
    assert (
        await kg_run(kg, "load", str(folder(tmp_path, "earlier", {"p.yaml": STORED_CYRILLIC})))
    ).exit_code == 0

    week = await kg_run(kg, "load", str(folder(tmp_path, "week", {"week.yaml": WEEK, "week.txt": TEXT})))

    assert week.exit_code != 0
    assert "unknown actor 'Zaitsevich'; did you mean person:zaitsevich (Пётр Зайцевич)" in week.stderr
    assert await rows(store, "MATCH (e:Event) RETURN count(e) AS n") == [{"n": 0}]
