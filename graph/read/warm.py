"""The API's reads planned at start-up, in the background, before the first analyst asks.

Neo4j plans a query the first time it sees its text and keeps the plan in its query cache. Most reads plan in
milliseconds, but the statistics (`eventStats`, `agreementStats`) and the flagship take 2-6 s, and the
first `eventStats` on a fresh server once passed KG_QUERY_TIMEOUT under load. An `EXPLAIN` of each read, as
`GraphStore.read` sends it, fills that cache (under the text without EXPLAIN) and runs nothing.

The warm-up never delays readiness nor fails start-up: it runs beside the serving process, one statement at
a time, each only when no request is running or waiting (`idle`: planning competes with requests for
Neo4j's CPU, and a request's own plan matters more than a guess at the next one's), and a Neo4j that does
not answer gets one log line and ends it (the plans are then made on first use, as before).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from graph.errors import Unavailable
from graph.queries import QUERIES_DIR
from graph.store import GraphStore

log = logging.getLogger("kg.warm")

SLOW_FIRST = (
    "read/event_stats",
    "read/agreement_stats",
    "read/region_engagements",
    "read/region_engagements_walk",
)
"""The reads whose planning takes seconds: planned first, so they are ready soonest."""
OUTSIDE_READ = ("neighborhood", "neighborhood_centre", "neighborhood_edges")
"""Reads of the API kept beside the loader's queries rather than in queries/read/."""


def api_reads() -> list[str]:
    """The named queries the API reads with (every `queries/read/*.cypher` and the neighbourhood's), the
    slow planners first."""
    names = sorted(f"read/{path.stem}" for path in (QUERIES_DIR / "read").glob("*.cypher"))
    rest = [name for name in [*names, *OUTSIDE_READ] if name not in SLOW_FIRST]
    return [*SLOW_FIRST, *rest]


@dataclass
class WarmUp:
    """What a warm-up did: the reads Neo4j planned, those it refused (name: error), and whether it stopped
    because Neo4j did not answer."""

    planned: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    unreachable: str | None = None
    seconds: float = 0.0


async def warm_plans(
    store: GraphStore, names: list[str] | None = None, idle: Callable[[], Awaitable[None]] | None = None
) -> WarmUp:
    """Plan each read of `names` (default: `api_reads()`) once, in order, each after `idle()` returns (when
    given); never raises but on cancel."""
    done = WarmUp()
    started = time.perf_counter()
    for name in api_reads() if names is None else names:
        if idle is not None:
            await idle()
        try:
            await store.plan(name)
        except Unavailable as exc:
            done.unreachable = exc.message
            log.warning("plans not warmed: %s (the first requests will plan them)", exc.message)
            break
        except Exception as exc:  # a background task: anything else is logged, and the next read tried
            done.failed[name] = f"{type(exc).__name__}: {exc}"
            log.warning("plan of %s not warmed: %s", name, done.failed[name])
        else:
            done.planned.append(name)
    done.seconds = time.perf_counter() - started
    if done.unreachable is None:
        log.info("planned %d API reads in %.1f s", len(done.planned), done.seconds)
    return done
