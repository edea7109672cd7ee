"""Numbers the graph can store: Neo4j integers are 64-bit, its floats IEEE doubles, and JSON (every
export) has no Infinity or NaN. A number outside these is refused where it is written, never stored."""

from __future__ import annotations

import math
from typing import Any

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1


def storable_number(value: Any) -> Any:
    """`value` when it is not a number Neo4j or JSON cannot hold; else a ValueError saying why.
    Anything that is not an int or a float passes, for the field's own type to check."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and not INT64_MIN <= value <= INT64_MAX:
        raise ValueError(
            f"{value} does not fit in a 64-bit integer, the largest whole number the graph stores "
            f"(at most {INT64_MAX:,} either side of zero); give it as text"
        )
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{value} is not a finite number (too large, or not a number at all)")
    return value
