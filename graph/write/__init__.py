"""Writes made through the API: one record at a time, checked as the loader checks, audited."""

from graph.write.audit import Change, history
from graph.write.delete import delete_event
from graph.write.upsert import upsert_actor, upsert_event

__all__ = ["Change", "delete_event", "history", "upsert_actor", "upsert_event"]
