"""Keep the local Neo4j running while `kg up` serves: notice when the JVM dies and start it again.

A thread in the `kg up` process (which runs uvicorn in the foreground) polls the JVM. When it exits the
supervisor logs `Neo4j (pid N) exited with code X; restarting (attempt k of M)`, waits (1 s, doubling with
each restart within the window, at most 30 s) and starts it again on the same port, so the API's driver
finds it where it was and recovers by itself; meanwhile the API answers UNAVAILABLE. More than
KG_NEO4J_RESTARTS exits within KG_NEO4J_RESTART_WINDOW seconds is a crash loop: it stops trying and says
so. A server stopped on purpose (`kg neo4j stop` removes its state file first) is left stopped.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections import deque
from dataclasses import dataclass, replace

from graph.errors import ServerSetupError
from graph.neo4j_server import server
from graph.neo4j_server.config import ServerLayout

log = logging.getLogger("kg.neo4j")


@dataclass(frozen=True)
class RestartPolicy:
    max_restarts: int = 5
    window: float = 300.0
    first_delay: float = 1.0
    max_delay: float = 30.0


class RestartBudget:
    """How long to wait before the next restart, or None once the restarts within the window are spent."""

    def __init__(self, policy: RestartPolicy) -> None:
        self.policy = policy
        self._restarts: deque[float] = deque()

    def next_delay(self, now: float) -> float | None:
        while self._restarts and now - self._restarts[0] > self.policy.window:
            self._restarts.popleft()
        if len(self._restarts) >= self.policy.max_restarts:
            return None
        self._restarts.append(now)
        return min(self.policy.first_delay * 2.0 ** (len(self._restarts) - 1), self.policy.max_delay)

    @property
    def attempt(self) -> int:
        """The number of the restart just granted, within the window."""
        return len(self._restarts)


class Supervisor:
    def __init__(
        self,
        options: server.ServerOptions,
        launched: server.Launched,
        policy: RestartPolicy | None = None,
        poll: float = 0.5,
    ) -> None:
        # Restarts keep the port: the API's driver was given this URI.
        self.options = replace(options, port=launched.state.port)
        self.launched = launched
        self.policy = policy or RestartPolicy()
        self.poll = poll
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="neo4j-supervisor", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop watching (Neo4j itself keeps running, as after `kg neo4j start`)."""
        self._stopping.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        budget = RestartBudget(self.policy)
        while not self._stopping.wait(self.poll):
            if self._running():
                continue
            pid, code = self.launched.state.pid, self._exit_code()
            if self._stopped_on_purpose():
                log.info("Neo4j (pid %d) was stopped (kg neo4j stop); not restarting it.", pid)
                return
            if not self._restart(budget, pid, code):
                return

    def _restart(self, budget: RestartBudget, pid: int, code: str) -> bool:
        """Start Neo4j again, retrying with backoff; False once the budget is spent or we are stopping."""
        while not self._stopping.is_set():
            delay = budget.next_delay(time.monotonic())
            if delay is None:
                log.error(
                    "Neo4j (pid %d) exited with code %s: %d restarts within %.0f s already, so not "
                    "restarting again; the API answers UNAVAILABLE until Neo4j runs (`kg neo4j start`). "
                    "Log: %s",
                    pid,
                    code,
                    self.policy.max_restarts,
                    self.policy.window,
                    ServerLayout(self.options.data_dir).log_file,
                )
                return False
            log.warning(
                "Neo4j (pid %d) exited with code %s; restarting (attempt %d of %d) in %.0f s",
                pid,
                code,
                budget.attempt,
                self.policy.max_restarts,
                delay,
            )
            if self._stopping.wait(delay):
                return False
            started = time.monotonic()
            try:
                self.launched = server.launch(self.options)
            except ServerSetupError as exc:
                log.error("Neo4j did not start again: %s", exc.message.splitlines()[0])
                code = "unknown (it did not start)"
                continue
            state = self.launched.state
            log.info(
                "Neo4j is back (pid %d, %s) after %.1f s", state.pid, state.uri, time.monotonic() - started
            )
            if state.port != self.options.port:
                log.error(
                    "Neo4j came back on port %d, not %d (the old one was taken): restart `kg up`",
                    state.port,
                    self.options.port,
                )
            return True
        return False

    def _running(self) -> bool:
        process = self.launched.process
        if process is not None:
            return process.poll() is None
        return server.alive(self.launched.state.pid)

    def _exit_code(self) -> str:
        process = self.launched.process
        if process is None or process.returncode is None:
            return "unknown (not started by this process)"
        code = process.returncode
        if code < 0:
            try:
                return f"{code} ({signal.Signals(-code).name})"
            except ValueError:
                return str(code)
        return str(code)

    def _stopped_on_purpose(self) -> bool:
        recorded = server.read_state(self.options.data_dir)
        return recorded is None or recorded.pid != self.launched.state.pid
