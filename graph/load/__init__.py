"""The bulk loader: seed files (YAML, JSON, CSV) checked as a whole, then written file by file."""

from graph.load.pipeline import REFERENCE_DIR, SEED_DIR, check_paths, load_paths, load_seed_directory
from graph.load.summary import LabelCounts, LoadSummary

__all__ = [
    "REFERENCE_DIR",
    "SEED_DIR",
    "LabelCounts",
    "LoadSummary",
    "check_paths",
    "load_paths",
    "load_seed_directory",
]
