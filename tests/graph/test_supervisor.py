"""An operator runs `kg up`; the Neo4j JVM is killed (kill -9, as the kernel's OOM killer would): `kg up` says
so in its log and starts it again, the API answers UNAVAILABLE meanwhile and answers again by itself.
A Neo4j stopped on purpose stays stopped; a crash loop is given up on."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from graph.neo4j_server import server
from graph.neo4j_server.supervisor import RestartBudget, RestartPolicy

FIXTURES = Path(__file__).resolve().parent / "fixtures"
COUNTRIES = "{ actors(kinds: [COUNTRY]) { totalCount } }"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(what: str, check: Callable[[], bool], seconds: float, log: Path) -> float:
    """Poll `check` until it holds; the time it took. Fails with the end of `kg up`'s log."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if check():
            return time.monotonic() - started
        time.sleep(0.2)
    tail = "\n".join(log.read_text(errors="replace").splitlines()[-40:])
    pytest.fail(f"{what}: not within {seconds:.0f} s. End of the kg up log:\n{tail}")


def readyz(base: str) -> int:
    try:
        return httpx.get(f"{base}/readyz", timeout=5).status_code
    except httpx.HTTPError:
        return 0


class KgUp:
    def __init__(self, tmp_path: Path) -> None:
        self.data_dir = tmp_path / "neo4j"
        self.log = tmp_path / "kg-up.log"
        self.base = f"http://127.0.0.1:{free_port()}"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_"))}
        env |= {
            "KG_DATA_DIR": str(self.data_dir),
            "KG_NEO4J_PORT": "0",
            "KG_PORT": self.base.rsplit(":", 1)[1],
            "KG_NEO4J_RETRY_SECONDS": "1",
        }
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "graph.cli", "up", "--seed", str(FIXTURES)],
                stdout=out,
                stderr=subprocess.STDOUT,
                env=env,
                cwd=tmp_path,
            )

    def text(self) -> str:
        return self.log.read_text(errors="replace")

    def neo4j_pid(self) -> int:
        state = server.read_state(self.data_dir)
        assert state is not None
        return state.pid

    def ask(self, query: str) -> httpx.Response:
        return httpx.post(f"{self.base}/graphql", json={"query": query}, timeout=30)

    def close(self) -> None:
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        server.stop(self.data_dir)


@pytest.fixture
def kg_up(tmp_path: Path) -> Iterator[KgUp]:
    running = KgUp(tmp_path)
    try:
        wait_for("kg up serving", lambda: readyz(running.base) == 200, 300, running.log)
        yield running
    finally:
        running.close()


def test_kg_up_restarts_a_killed_neo4j_and_the_api_recovers(kg_up: KgUp) -> None:
    assert kg_up.ask(COUNTRIES).json()["data"]["actors"]["totalCount"] > 0
    pid = kg_up.neo4j_pid()

    os.kill(pid, signal.SIGKILL)
    killed = time.monotonic()
    wait_for("/readyz 503 while Neo4j is down", lambda: readyz(kg_up.base) == 503, 30, kg_up.log)
    down = kg_up.ask(COUNTRIES).json()
    assert down["errors"][0]["extensions"]["code"] == "UNAVAILABLE"
    wait_for("/readyz 200 again", lambda: readyz(kg_up.base) == 200, 180, kg_up.log)
    print(f"kill -9 to /readyz 200: {time.monotonic() - killed:.1f} s")
    # The API may see Neo4j answer a moment before the supervisor's own check does.
    wait_for("the supervisor to say Neo4j is back", lambda: "Neo4j is back" in kg_up.text(), 30, kg_up.log)
    print("\n".join(line for line in kg_up.text().splitlines() if "kg.neo4j" in line))

    assert f"Neo4j (pid {pid}) exited with code -9 (SIGKILL); restarting (attempt 1 of 5)" in kg_up.text()
    assert kg_up.neo4j_pid() != pid
    assert kg_up.ask(COUNTRIES).json()["data"]["actors"]["totalCount"] > 0

    # Stopped on purpose: left stopped, and the API says so.
    server.stop(kg_up.data_dir)
    wait_for("the supervisor to notice the stop", lambda: "not restarting it" in kg_up.text(), 30, kg_up.log)
    assert readyz(kg_up.base) == 503
    assert kg_up.text().count("restarting (attempt") == 1


def test_restarts_back_off_and_a_crash_loop_is_given_up() -> None:
    budget = RestartBudget(RestartPolicy(max_restarts=4, window=60, first_delay=1, max_delay=5))
    assert [budget.next_delay(now) for now in (0, 1, 3, 7)] == [1, 2, 4, 5]
    assert budget.next_delay(10) is None, "a fifth exit within the window"
    assert budget.next_delay(61) == 5, "the first restart left the window"
    assert budget.next_delay(200) == 1, "all of them left the window: a fresh start"
