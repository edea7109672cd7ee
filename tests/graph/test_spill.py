"""The loader's large collections behave as a dict and a list whether they are in memory or on disk."""

from __future__ import annotations

import multiprocessing
import pickle
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from graph.spill import LIST_PAGE, SpillList, SpillMap


def test_a_map_on_disk_answers_as_a_dict_in_insertion_order() -> None:
    plain: dict[object, object] = {}
    spilled: SpillMap[object, object] = SpillMap(spill_from=3)
    for each in (plain, spilled):
        each["b"] = 1
        each[("person:a", 0)] = ("actors", 4)
        each["a"] = [1, 2]
        each["b"] = 2  # an update keeps its place
        each.setdefault("c", "new")
        each.setdefault("a", "ignored")
        del each[("person:a", 0)]

    assert spilled.on_disk
    assert list(spilled.items()) == list(plain.items()) == [("b", 2), ("a", [1, 2]), ("c", "new")]
    assert len(spilled) == 3
    assert "a" in spilled and ("person:a", 0) not in spilled
    assert spilled.get("missing", "default") == "default"
    assert [key for page in spilled.key_pages() for key in page] == ["b", "a", "c"]


def test_a_list_on_disk_keeps_its_order_and_pickles_as_its_items() -> None:
    items = SpillList(range(5), spill_from=2)
    items.extend(range(5, 8))

    assert items.on_disk
    assert list(items) == list(range(8))
    assert len(items) == 8
    assert list(pickle.loads(pickle.dumps(items))) == list(range(8))


def test_a_list_on_disk_of_many_pages_reads_back_in_order_while_it_grows() -> None:
    """On disk a list keeps its items a page at a time (LIST_PAGE): read between appends, across pages and
    a part-filled page, it still gives every item once, in order."""
    count = 2 * LIST_PAGE + 7
    items: SpillList[tuple[str, int]] = SpillList(spill_from=10)
    items.extend((f"ref {n}", n) for n in range(count))
    assert list(items) == [(f"ref {n}", n) for n in range(count)]

    items.extend((f"ref {n}", n) for n in range(count, count + LIST_PAGE + 3))

    assert len(items) == count + LIST_PAGE + 3
    assert list(items) == [(f"ref {n}", n) for n in range(count + LIST_PAGE + 3)]


def test_a_list_on_disk_crosses_to_another_process_as_a_file_not_as_its_items(tmp_path: Path) -> None:
    """The parallel survey sends a file's lists back from its worker: a million records' worth of them must
    not pass through memory on either side."""
    items = SpillList(range(5), spill_from=2)
    tempfile.tempdir, before = str(tmp_path), tempfile.tempdir
    try:
        sent = pickle.dumps(items)
    finally:
        tempfile.tempdir = before
    assert len(sent) < 200, "the database's path, not its items"

    received = pickle.loads(sent)
    items.append(5)  # the sender's list goes on as before

    assert received.on_disk and list(received) == list(range(5)) and len(received) == 5
    assert list(tmp_path.iterdir()) == [], "the receiver unlinked the copy once it opened it"
    received.append(9)
    assert list(received) == [0, 1, 2, 3, 4, 9]
    assert list(items) == list(range(6))


def _spilled(count: int) -> SpillList[int]:
    return SpillList(range(count), spill_from=2)


def test_a_worker_process_hands_its_list_on_disk_to_the_loader() -> None:
    """As the parallel survey of many files does (graph/load/survey.py)."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("forkserver")) as pool:
        received = pool.submit(_spilled, 10).result()

    assert received.on_disk and list(received) == list(range(10))
