"""The driver's socket reads bounded as before without a Task each (graph/driver_io.py): a read that does
not come within its timeout still fails with TimeoutError, and one that does gives its result."""

from __future__ import annotations

import asyncio
import sys

import pytest

import graph.store  # noqa: F401  (installs it, as every process that talks to Neo4j does)
from graph import driver_io


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="the driver uses asyncio's wait_for on 3.12+")
def test_the_drivers_socket_layer_uses_it() -> None:
    from neo4j._async_compat.network import _bolt_socket

    assert getattr(_bolt_socket, "wait_for") is driver_io._wait_for  # noqa: B009 (not exported)


async def test_a_read_in_time_gives_its_result_and_a_late_one_times_out() -> None:
    async def answer(after: float) -> str:
        await asyncio.sleep(after)
        return "answer"

    assert await driver_io._wait_for(answer(0), None) == "answer"
    assert await driver_io._wait_for(answer(0.01), 5) == "answer"
    with pytest.raises(TimeoutError):
        await driver_io._wait_for(answer(5), 0.05)
    with pytest.raises(TimeoutError):  # the driver's "no time left" case
        await driver_io._wait_for(asyncio.ensure_future(answer(5)), 0)
