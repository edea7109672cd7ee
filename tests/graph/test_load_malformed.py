"""A data person's bad records: each is reported precisely (file, record, field, reason), all of them in one
run, and nothing of the file is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import InvalidInput, Location
from graph.load.validation import check_files
from graph.store import GraphStore
from tests.graph.test_load import DIGEST, REFERENCE, graph_snapshot, load, rows

SOURCE_TEXT = "On April 28th, Lukashenka met Putin in Minsk. Contracts worth USD 13 million were signed."
HEADER = "source: {id: 'source:test-digest', title: Test digest, text_file: text.txt}\n"


def meeting(**changes: str) -> str:
    """One valid meeting record in YAML, with some lines replaced (an empty value drops the line)."""
    fields = {
        "id": "event:2023-04-28-meeting",
        "kind": "meeting",
        "title": "Lukashenka meets Putin",
        "date": "2023-04-28",
        "participants": "[{actor: Lukashenka, role: host}, {actor: Putin, role: guest}]",
        "places": "[Minsk]",
        "evidence": "[{quote: 'Lukashenka met Putin in Minsk'}]",
    } | changes
    lines = [f"{key}: {value}" for key, value in fields.items() if value]
    return "events:\n  - " + "\n    ".join(lines) + "\n"


def contract(**changes: str) -> str:
    fields = {
        "id": "agreement:test-contracts",
        "kind": "contract",
        "title": "Contracts",
        "status": "signed",
        "value": "{amount: '13000000', currency: USD}",
        "evidence": "[{quote: 'Contracts worth USD 13 million were signed'}]",
    } | changes
    return (
        "agreements:\n  - "
        + "\n    ".join(f"{key}: {value}" for key, value in fields.items() if value)
        + "\n"
    )


def claim(**changes: str) -> str:
    fields = {
        "id": "claim:test-figure",
        "text": "A figure",
        "property": "contracts_usd",
        "value": "13000000",
        "evidence": "[{quote: 'Contracts worth USD 13 million were signed'}]",
    } | changes
    return "claims:\n  - " + "\n    ".join(f"{key}: {value}" for key, value in fields.items() if value) + "\n"


BAD_RECORDS: list[tuple[str, str, str | None, str]] = [
    ("a title that is a list", meeting(title="[not, a, title]"), "title", "valid string"),
    ("a record without an id", meeting(id=""), "id", "is required but missing"),
    ("an id with spaces", meeting(id="event:Meeting In Minsk"), "id", "is not a well-formed id"),
    ("an event with an actor's id", meeting(id="person:putin"), "id", "expected 'event:...'"),
    ("an unknown kind of event", meeting(kind="party"), "kind", "'party' is not a known kind"),
    ("a misspelt field", meeting(particpants="[]"), "particpants", "is not a known field"),
    (
        "an unknown actor",
        meeting(participants="[{actor: Lukashenka Jr, role: host}]"),
        "participants[0].actor",
        "unknown actor 'Lukashenka Jr'",
    ),
    (
        "an ambiguous alias",
        meeting(participants="[{actor: Minsk, role: host}]"),
        "participants[0].actor",
        "ambiguous name 'Minsk': it could be "
        "org:government-of-belarus (Government of Belarus); city:minsk (Minsk)",
    ),
    (
        "a person given as a place",
        meeting(places="[person:vladimir-putin]"),
        "places[0]",
        "'person:vladimir-putin' is a person; this field needs a place",
    ),
    (
        "a trip that does not exist",
        meeting(part_of="event:no-such-trip"),
        "part_of",
        "unknown event 'event:no-such-trip'",
    ),
    (
        "an end before the start",
        meeting(date="{start: 2023-04-28, end: 2023-04-26}"),
        "date",
        "end 2023-04-26 is before start 2023-04-28",
    ),
    ("a date that does not exist", meeting(date="2023-02-30"), "date", "'2023-02-30' is not a real date"),
    (
        "a month that is not one",
        meeting(date="{start: 2023-04-02, end: 2023-05-01, precision: month}"),
        "date",
        "precision 'month' does not fit",
    ),
    (
        "a negative amount",
        contract(value="{amount: '-13000000', currency: USD}"),
        "value.amount",
        "greater than or equal to 0",
    ),
    (
        "an unknown currency",
        contract(value="{amount: '13000000', currency: USX}"),
        "value.currency",
        "'USX' is not an ISO 4217 currency code",
    ),
    (
        "a USD value that does not add up",
        contract(
            value="{amount: '1000', currency: RUB, "
            "usd: {amount: '500', rate: '0.0125', rate_date: 2023-04-28}}"
        ),
        "value",
        "does not match amount * rate",
    ),
    (
        "a quote the source does not contain",
        meeting(evidence="[{quote: 'Lukashenka met Xi in Minsk'}]"),
        "evidence[0].quote",
        "quote is not in the text of source:test-digest",
    ),
    ("a fact without evidence", meeting(evidence="[]"), "evidence", "needs at least one piece of evidence"),
    (
        "evidence from an unknown source",
        meeting(evidence="[{quote: q, source: 'source:nope'}]"),
        "evidence[0].source",
        "unknown source 'source:nope'",
    ),
    (
        "the same id twice",
        meeting() + meeting().removeprefix("events:\n"),
        "id",
        "duplicate id 'event:2023-04-28-meeting'",
    ),
    ("broken YAML", meeting(title="'unclosed"), None, "broken YAML"),
    (
        "a field given twice",
        meeting(summary="one") + "    summary: two\n",
        "summary",
        "field 'summary' is given twice",
    ),
    (
        "a role that is a sentence",
        meeting(participants="[{actor: Putin, role: The Guest}]"),
        "participants[0].role",
        "should match pattern",
    ),
    (
        "a country code that does not exist",
        "actors: [{id: 'country:XX', kind: country, name: Atlantis}]",
        "",
        "'XX' is not an ISO 3166-1 alpha-2 country code",
    ),
    (
        "an office held by a country",
        "offices: [{id: 'office:x', person: Belarus, title: Leader, of: Russia, "
        "evidence: [{quote: Lukashenka}]}]",
        "person",
        "'Belarus' names country:BY (Belarus), a country; this field needs a person",
    ),
    (
        "a section that is not a list",
        "events: {id: 'event:x'}",
        "events",
        "'events' must be a list of records",
    ),
    ("an unknown section", "meetings: []", "meetings", "unknown section 'meetings'"),
    (
        "a thousand-year event",
        meeting(date="{start: 1023-04-28, end: 2023-04-28}"),
        "date.start",
        "1023-04-28 is before the earliest date the graph accepts, 1800-01-01",
    ),
    (
        "an event that ends in the year 9999",
        meeting(date="{start: 2023-04-28, end: 9999-12-31}"),
        "date.end",
        "9999-12-31 is after the latest date the graph accepts, 2100-12-31",
    ),
    (
        "an office held from year one",
        "offices: [{id: 'office:x', person: Lukashenka, title: President, of: Belarus, start: '0001', "
        "evidence: [{quote: Lukashenka}]}]",
        "start.start",
        "0001-01-01 is before the earliest date the graph accepts",
    ),
    (
        "a claimed figure of 2^70",
        claim(value="1180591620717411303424"),
        "value",
        "1180591620717411303424 does not fit in a 64-bit integer",
    ),
    ("an infinite claimed figure", claim(value=".inf"), "value", "inf is not a finite number"),
    ("a claimed figure that is not a number", claim(value=".nan"), "value", "nan is not a finite number"),
    (
        "an amount of 1e400",
        contract(value="{amount: '1e400', currency: USD}"),
        "value.amount",
        "1E+400 is larger than the graph accepts",
    ),
    (
        "an amount that overflows to infinity",
        contract(value="{amount: 1.0e400, currency: USD}"),
        "value.amount",
        "finite number",
    ),
    (
        "a USD rate dated in the year 9999",
        contract(
            value="{amount: '1000', currency: RUB, "
            "usd: {amount: '12.5', rate: '0.0125', rate_date: 9999-04-28}}"
        ),
        "value.usd.rate_date",
        "9999-04-28 is after the latest date the graph accepts",
    ),
    (
        "a point off the globe",
        "actors: [{id: 'city:x', kind: city, name: X, location: {lat: 95, lon: 0}}]",
        "location.lat",
        "less than or equal to 90",
    ),
]


@pytest.mark.parametrize(
    ("story", "body", "field", "message"), BAD_RECORDS, ids=[case[0] for case in BAD_RECORDS]
)
async def test_a_bad_record_is_reported_precisely_and_nothing_is_written(
    store: GraphStore, tmp_path: Path, story: str, body: str, field: str | None, message: str
) -> None:
    await load(store, DIGEST)
    before = await graph_snapshot(store)
    (tmp_path / "text.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(HEADER + body, encoding="utf-8")

    with pytest.raises(InvalidInput) as caught:
        await load(store, DIGEST, bad)

    problems = [p for p in caught.value.problems if message in p.message]
    assert problems, f"{story}: expected '{message}' among {[str(p) for p in caught.value.problems]}"
    where = problems[0].location
    assert where.file == str(bad) or (where.file is not None and where.file.endswith("bad.yaml"))
    if field is not None:
        assert where.field == (field or None)
    assert await graph_snapshot(store) == before


async def test_every_problem_in_every_file_is_reported_in_one_run(store: GraphStore, tmp_path: Path) -> None:
    (tmp_path / "text.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    first = tmp_path / "first.yaml"
    first.write_text(HEADER + meeting(date="2023-13-01") + "  - {id: 'event:x', kind: meeting}\n")
    second = tmp_path / "second.yaml"
    second.write_text(HEADER.replace("test-digest", "other") + contract(status="maybe"))

    with pytest.raises(InvalidInput) as caught:
        await load(store, DIGEST, first, second)

    reported = [str(problem) for problem in caught.value.problems]
    meeting_at, other_at = f"{first}:10, record events[1] event:x", f"{second}:6, record agreements[0]"
    assert reported == [
        f"{first}:6, record events[0] event:2023-04-28-meeting, field 'date': '2023-13-01' is not a real date",  # noqa: E501
        f"{meeting_at}, field 'evidence': is required but missing",
        f"{meeting_at}, field 'title': is required but missing",
        f"{meeting_at}, field 'date': is required but missing",
        f"{other_at} agreement:test-contracts, field 'status': Input should be 'announced', 'signed',"
        " 'ratified', 'in_force' or 'terminated' (got 'maybe')",
    ]
    assert await graph_snapshot(store) == []


def test_checking_files_in_worker_processes_finds_the_same_problems(tmp_path: Path) -> None:
    (tmp_path / "text.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    for number, body in enumerate([meeting(date="2023-02-30"), contract(), meeting(places="[Atlantis]")]):
        header = HEADER.replace("test-digest", f"digest-{number}")
        (tmp_path / f"digest-{number}.yaml").write_text(
            header + body.replace("2023-04-28-meeting", f"m{number}")
        )

    verdicts = []
    for parallel_from in (1, 1000):
        with pytest.raises(InvalidInput) as caught:
            check_files([tmp_path], REFERENCE, parallel_from=parallel_from)
        verdicts.append([str(problem) for problem in caught.value.problems])

    assert verdicts[0] == verdicts[1]
    assert [line.split(": ", 1)[1] for line in verdicts[0]] == [
        "'2023-02-30' is not a real date",
        "unknown place 'Atlantis'",
    ]


def _billion_laughs(levels: int = 9) -> str:
    """A few hundred bytes that expand to 10**levels strings when a parser resolves the aliases."""
    lines = ["x0: &x0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"x{n}: &x{n} [{', '.join([f'*x{n - 1}'] * 10)}]" for n in range(1, levels + 1)]
    return "\n".join(lines) + "\nevents: *x9\n"


SECOND_MEETING = meeting(id="event:2023-04-28-second-meeting").removeprefix("events:\n")
BAD_FILES: list[tuple[str, str, bytes, int | None, str | None, str | None, str]] = [
    # (story, file name, content, line, record, field, message)
    (
        "a NUL byte in the middle of a YAML file (yaml-rs stopped there and dropped the records after it)",
        "bad.yaml",
        (HEADER + meeting(summary="before the NUL \0 after it") + SECOND_MEETING).encode(),
        10,
        None,
        None,
        "a NUL (U+0000) at column 29: not allowed in a text file",
    ),
    (
        "an escape character in a JSON file",
        "bad.json",
        b'{"events": [\n{"id": "event:x", "title": "\x1b[31m"}]}',
        2,
        None,
        None,
        "a ESC (U+001B) at column 29",
    ),
    (
        "bytes that are not UTF-8",
        "bad.yaml",
        HEADER.encode() + b"events:\n  - {id: 'event:x', title: caf\xe9}\n",
        3,
        None,
        None,
        "not UTF-8 text: byte 0xe9 at column 31",
    ),
    (
        "YAML aliases that expand to a billion strings",
        "bad.yaml",
        _billion_laughs().encode(),
        2,
        None,
        None,
        "a YAML alias (*x0): seed files may not use them",
    ),
    (
        "JSON nested 100,000 deep",
        "bad.json",
        ('{"events": ' + "[" * 100_000 + "]" * 100_000 + "}").encode(),
        None,
        None,
        None,
        "broken JSON: nested too deeply",
    ),
    (
        "a JSON key given twice",
        "bad.json",
        b'{"events": [\n  {"id": "event:x", "kind": "meeting",\n   "title": "A", "title": "B"}]}',
        3,
        "event:x",
        "title",
        "the key 'title' is given twice in one object",
    ),
    (
        "a CSV row with a cell more than the header",
        "bad.csv",
        b"id,kind,name\nperson:a,person,A\nperson:b,person,B, Jr\n",
        3,
        "actors[1] person:b",
        None,
        "1 cell(s) more than the 3 columns of the header",
    ),
    (
        "a JSON record that is a huge list",
        "bad.json",
        ('{"events": [[' + ", ".join(["1"] * 10_000) + "]]}").encode(),
        None,
        "events[0]",
        None,
        "a record is a mapping of fields, got a list",
    ),
]


@pytest.mark.parametrize(
    ("story", "name", "content", "line", "record", "field", "message"),
    BAD_FILES,
    ids=[case[0] for case in BAD_FILES],
)
async def test_a_broken_file_is_refused_where_it_breaks_and_nothing_is_written(
    store: GraphStore,
    tmp_path: Path,
    story: str,
    name: str,
    content: bytes,
    line: int | None,
    record: str | None,
    field: str | None,
    message: str,
) -> None:
    await load(store, DIGEST)
    before = await graph_snapshot(store)
    (tmp_path / "text.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    bad = tmp_path / name
    bad.write_bytes(content)

    with pytest.raises(InvalidInput) as caught:
        await load(store, DIGEST, bad)

    [problem] = caught.value.problems
    assert message in problem.message, f"{story}: {problem}"
    assert len(problem.message) < 200, "the message names the problem; it does not echo the file"
    assert problem.location == Location(str(bad), record, field, line)
    assert await graph_snapshot(store) == before


async def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
    store: GraphStore, tmp_path: Path
) -> None:
    (tmp_path / "text.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    big = tmp_path / "big.yaml"
    big.write_text(HEADER + meeting(summary="x" * 5000))

    with pytest.raises(InvalidInput) as caught:
        await load(store, big, max_file_bytes=4096)

    [problem] = caught.value.problems
    assert problem.location == Location(str(big))
    assert problem.message == (
        f"the file has {big.stat().st_size:,} bytes, more than the limit of 4,096 (KG_MAX_FILE_BYTES): "
        "split it into smaller files"
    )
    assert await graph_snapshot(store) == []


async def test_a_byte_order_mark_at_the_start_is_ignored(store: GraphStore, tmp_path: Path) -> None:
    (tmp_path / "text.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    digest = tmp_path / "digest.yaml"
    digest.write_text("\ufeff" + HEADER + meeting(), encoding="utf-8")
    people = tmp_path / "people.csv"
    people.write_text("\ufeffid,kind,name\nperson:zed,person,Zed Zedov\n", encoding="utf-8")

    summary = await load(store, digest, people)

    assert summary.counts["Meeting"].created == 1
    assert await rows(store, "MATCH (p:Person {id: 'person:zed'}) RETURN p.name AS name") == [
        {"name": "Zed Zedov"}
    ]


async def test_how_much_of_a_wrong_quote_matches_is_not_told(store: GraphStore, tmp_path: Path) -> None:
    """Otherwise the message reads the source text out, one guessed character at a time."""
    (tmp_path / "text.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    messages = []
    for guess in ("On April 28th, Lukashenka met Putin in Minsk. Contracts worth USD 14", "Nothing like it"):
        bad = tmp_path / "bad.yaml"
        bad.write_text(HEADER + meeting(evidence=f"[{{quote: '{guess}'}}]"))
        with pytest.raises(InvalidInput) as caught:
            await load(store, bad)
        messages.append([problem.message for problem in caught.value.problems])

    assert (
        messages[0]
        == messages[1]
        == [
            "quote is not in the text of source:test-digest (text.txt): copy it character for character "
            "(curly quotes, apostrophes, dashes and spaces included)"
        ]
    )


def _text_file_cases(tmp_path: Path) -> list[tuple[str, str, str]]:
    """(story, text_file as the seed file gives it, message): each made real under tmp_path."""
    seeds = tmp_path / "seeds"
    (seeds / "sources").mkdir(parents=True)
    secret = tmp_path / "secret.txt"
    secret.write_text("KG_SECRET=hunter2 " + SOURCE_TEXT, encoding="utf-8")
    (seeds / "sources" / "link.txt").symlink_to(secret)
    (seeds / "sources" / "binary.txt").write_bytes(bytes(range(128)) * 4)
    (seeds / "sources" / "latin1.txt").write_bytes(SOURCE_TEXT.replace("Minsk", "Mínsk").encode("latin-1"))
    outside = "must lie in the seed file's folder or below it (no '..' out of it, no symlink out)"
    return [
        ("an absolute path", str(secret), "must be a path relative to the seed file, not an absolute one"),
        ("the process's environment", "/proc/self/environ", "must be a path relative to the seed file"),
        ("a path out of the folder", "../secret.txt", outside),
        ("a path in and out of the folder", "sources/../../secret.txt", outside),
        ("a symlink leading out of the folder", "sources/link.txt", outside),
        ("a binary file", "sources/binary.txt", "(its line 1): a NUL (U+0000) at column 1"),
        ("a Latin-1 file", "sources/latin1.txt", "(its line 1): not UTF-8 text: byte 0xed at column 41"),
        ("a folder", "sources", "not found (or not a regular file)"),
    ]


@pytest.mark.parametrize("case", range(8))
async def test_a_text_file_outside_the_seed_folder_or_not_text_is_refused(
    store: GraphStore, tmp_path: Path, case: int
) -> None:
    story, text_file, message = _text_file_cases(tmp_path)[case]
    bad = tmp_path / "seeds" / "bad.yaml"
    header = f"source: {{id: 'source:test-digest', title: Test digest, text_file: '{text_file}'}}\n"
    bad.write_text(header + meeting(), encoding="utf-8")

    with pytest.raises(InvalidInput) as caught:
        await load(store, bad)

    [problem] = caught.value.problems
    assert problem.location == Location(str(bad), None, "source.text_file", 1), story
    assert problem.message == f"text file {text_file}: {message}" or message in problem.message, problem
    assert "hunter2" not in str(caught.value)
    assert await graph_snapshot(store) == []
