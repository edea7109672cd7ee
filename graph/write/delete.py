"""Delete an event, leaving a :Change tombstone that says who deleted it and when."""

from __future__ import annotations

from graph.errors import Location, NotFound
from graph.store import Batch, GraphStore
from graph.write.audit import Audit, Op


async def delete_event(store: GraphStore, event_id: str, author: str) -> None:
    """DETACH DELETE the event; what it linked to stays (agreements it produced, its legs, places, ...)."""
    found = await store.read("write_lookup", actors=[], events=[event_id], agreements=[], sources=[])
    if not found:
        raise NotFound(f"no event with id '{event_id}'", location=Location(field="id"))
    audit = Audit(author)
    deleted: list[tuple[Op, str, str]] = [("delete", "Event", event_id)]
    deletion = Batch("write_delete_event", [{"id": event_id}])
    await store.write_batches(
        [deletion, audit.changes(deleted), audit.load(deleted)], timeout=store.timeouts.query
    )
