"""The fast path's plans are kept across requests of the same document (api/schema/fast_completion.py): a
dashboard asking the same text with other variables gets the answer those variables ask for."""

from __future__ import annotations

import httpx

from api.schema.fast_completion import SHARED_PLANS
from tests.conftest import gql

QUERY = """query ($yes: Boolean!) { events(first: 10) { edges { node {
  id title @include(if: $yes) summary @skip(if: $yes) ...more } } } }
  fragment more on Event { kind @include(if: $yes) places { name @skip(if: $yes) id } }"""


async def test_the_same_document_with_other_conditions(seeded_api: httpx.AsyncClient) -> None:
    answers = {}
    for yes in (True, False, True, False):
        edges = (await gql(seeded_api, QUERY, yes=yes))["data"]["events"]["edges"]
        answers.setdefault(yes, []).append(edges)
    assert answers[True][0] == answers[True][1] and answers[False][0] == answers[False][1]
    shown = [edge["node"] for edge in answers[True][0]]
    hidden = [edge["node"] for edge in answers[False][0]]
    assert all(set(node) == {"id", "title", "kind", "places"} for node in shown)
    assert all(set(node) == {"id", "summary", "places"} for node in hidden)
    assert all(set(place) == {"id"} for node in shown for place in node["places"])
    assert all(set(place) == {"name", "id"} for node in hidden for place in node["places"])
    assert SHARED_PLANS, "the plans were kept"


async def test_a_plan_kept_is_the_plan_of_its_document(seeded_api: httpx.AsyncClient) -> None:
    """Two texts with the same shape but other fields are two documents, two plans."""
    one = await gql(seeded_api, "{ events(first: 2) { edges { node { id title } } } }")
    other = await gql(seeded_api, "{ events(first: 2) { edges { node { id kind } } } }")
    assert set(one["data"]["events"]["edges"][0]["node"]) == {"id", "title"}
    assert set(other["data"]["events"]["edges"][0]["node"]) == {"id", "kind"}
