"""Delete an event, leaving a :Change tombstone that says who deleted it and when."""

from __future__ import annotations

from graph.errors import Location, NotFound
from graph.store import GraphStore
from graph.store_types import Batch
from graph.write.audit import Audit, Op
from graph.write.reported import retract_all


async def delete_event(store: GraphStore, event_id: str, author: str) -> None:
    """DETACH DELETE the event; what it linked to stays (agreements it produced, its legs, places, ...). Its
    live reports are retracted (kept for history), so a digest that reports it again brings it back."""
    found = await store.read("write_lookup", actors=[], events=[event_id], agreements=[], sources=[])
    if not found:
        raise NotFound(f"no event with id '{event_id}'", location=Location(field="id"))
    audit = Audit(author)
    deletion = Batch("write_delete_event", [{"id": event_id}])
    changed: list[tuple[Op, str, str]] = [("delete", "Event", event_id)]
    reports = await retract_all(store, event_id)
    retraction = Batch("report_retract", [{"id": each} for each in reports], {"at": audit.at})
    batches = [deletion, audit.changes(changed), audit.load(changed, retracted=len(reports))]
    await store.write_batches([*batches, *([retraction] if reports else [])], timeout=store.timeouts.query)
