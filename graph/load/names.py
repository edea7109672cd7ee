"""The loader's names: graph/names is the one index (kept here so older imports still work)."""

from graph.names import NameIndex, normalise

__all__ = ["NameIndex", "normalise"]
