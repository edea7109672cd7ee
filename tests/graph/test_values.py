"""Driver values become plain Python ones (graph/values.py), however deep they sit in a record."""

from __future__ import annotations

import datetime as dt

from neo4j.spatial import WGS84Point
from neo4j.time import Date, DateTime

from graph.values import dates_of, plain


def test_driver_values_inside_maps_and_lists_become_python_ones() -> None:
    record = {
        "id": "event:1",
        "start_date": Date(2023, 4, 24),
        "seen": [DateTime(2023, 4, 25, 10, 30, 0, tzinfo=dt.UTC), "text", None],
        "places": [{"id": "city:minsk", "location": WGS84Point((27.56, 53.9))}],
        "scores": [1.5, float("nan"), float("inf")],
        "nested": {"deeper": {"date": Date(2020, 1, 2)}, "flag": True},
    }
    assert plain(record) == {
        "id": "event:1",
        "start_date": dt.date(2023, 4, 24),
        "seen": [dt.datetime(2023, 4, 25, 10, 30, tzinfo=dt.UTC), "text", None],
        "places": [{"id": "city:minsk", "location": {"lon": 27.56, "lat": 53.9}}],
        "scores": [1.5, None, None],
        "nested": {"deeper": {"date": dt.date(2020, 1, 2)}, "flag": True},
    }


def test_plain_values_pass_as_they_are() -> None:
    for value in ("text", 3, True, None, 2.5, [], {}, ["a", 1, None], {"a": {"b": ["c"]}}):
        assert plain(value) == value


def test_iso_dates_of_an_event_are_read_back_as_dates() -> None:
    event = {"id": "event:1", "start_date": "2023-04-24", "end_date": None, "title": "2023-01-01"}
    dates_of(event)
    assert event == {
        "id": "event:1",
        "start_date": dt.date(2023, 4, 24),
        "end_date": None,
        "title": "2023-01-01",
    }
    already = {"start_date": dt.date(2020, 1, 1), "end_date": dt.date(2020, 1, 2)}
    dates_of(already)
    assert already == {"start_date": dt.date(2020, 1, 1), "end_date": dt.date(2020, 1, 2)}
