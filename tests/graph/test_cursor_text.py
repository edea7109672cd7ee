"""A keyed cursor is the same text whichever way it is written: clients keep cursors between requests (and
between versions of the API), so the faster writing of the common key must give what `json.dumps` gave."""

from __future__ import annotations

import base64
import json
from datetime import date
from typing import Any

import pytest

from graph.read.pages import cursor_key, decode_cursor, key_cursor


def _as_json(order: str, key: list[Any]) -> str:
    flag, value, item_id = key
    text = value.isoformat() if isinstance(value, date) else value
    written = json.dumps({"o": order, "k": [flag, text, item_id]}, separators=(",", ":"))
    return base64.urlsafe_b64encode(written.encode("utf-8")).decode("ascii")


@pytest.mark.parametrize(
    ("order", "key"),
    [
        ("date", [False, "2023-04-26", "event:2023-04-26-golovchenko-novosibirsk-visit"]),
        ("date", [True, None, "event:undated"]),
        ("date", [False, date(2020, 1, 2), "event:x"]),
        ("title", [False, 'A "quoted" title \\ with a backslash\n', "event:q"]),
        ("name", [False, "Лукашенко 😀 é", "person:ü"]),
        ("value", [False, 1234.5, "agreement:a"]),
        ("sources", [True, 3, "event:s"]),
    ],
)
def test_a_cursor_is_the_text_json_writes(order: str, key: list[Any]) -> None:
    cursor = key_cursor(order, key)
    assert cursor == _as_json(order, key)
    if order == "date" and key[1] is not None:
        expected = key[1] if isinstance(key[1], date) else date.fromisoformat(key[1])
        assert cursor_key(decode_cursor(cursor), order) == [key[0], expected, key[2]]
