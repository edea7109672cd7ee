"""The Neo4j driver's socket reads without a task each, on Python 3.11 as on 3.12.

Neo4j tells the driver to give up on a connection that says nothing for 120 s (the server's hint
`connection.recv_timeout_seconds`), so the driver bounds every socket read and write with `wait_for`. On
Python < 3.12 the driver uses its own copy of 3.10's `asyncio.wait_for`, which wraps each read in a new
Task with a timer and a waiter future; on 3.12 it uses asyncio's, which is `asyncio.timeout` around the
read. A read request reads its answer chunk by chunk (a header, then a body, per message), so a 10-row
answer made about 25 Tasks: 0.1-0.3 ms of the 2-2.5 ms of Python CPU of a small GraphQL request
(benchmarks/request_cpu.py). `install` gives the driver's socket layer 3.12's behaviour: the same timeout,
the same TimeoutError, the same cancellation, without the Task. It changes nothing on 3.12+, or when the
driver no longer has the shim where this expects it (a newer driver: reads then go on as the driver does).
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from typing import Any

_installed = False
_shim: Callable[[Awaitable[Any], float | None], Awaitable[Any]] | None = None


async def _wait_for(awaitable: Awaitable[Any], timeout: float | None) -> Any:
    if timeout is None:
        return await awaitable
    if timeout <= 0 and _shim is not None:  # the driver's "one loop cycle" case: its own code, as before
        return await _shim(awaitable, timeout)
    async with asyncio.timeout(timeout):
        return await awaitable


def install() -> None:
    """Idempotent; called when the store module is imported."""
    global _installed, _shim
    if _installed or sys.version_info >= (3, 12):
        return
    _installed = True
    try:
        from neo4j._async_compat import shims
        from neo4j._async_compat.network import _bolt_socket
    except ImportError:
        return
    if getattr(_bolt_socket, "wait_for", None) is shims.wait_for:
        _shim = shims.wait_for
        _bolt_socket.wait_for = _wait_for  # type: ignore[attr-defined]
