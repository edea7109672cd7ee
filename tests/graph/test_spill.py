"""The loader's large collections behave as a dict and a list whether they are in memory or on disk."""

from __future__ import annotations

import pickle

from graph.spill import SpillList, SpillMap


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
