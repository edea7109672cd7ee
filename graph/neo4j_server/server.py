"""Start, stop and inspect one local Neo4j server (a child JVM) living in one data directory."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable

from graph.errors import ServerSetupError
from graph.neo4j_server.config import ServerLayout, write_config
from graph.neo4j_server.toolchain import classpath, find_java, neo4j_version

CACHE_DIR = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "kg"
JVM_FLAGS = [
    "-XX:+UseG1GC",
    "-XX:+ExitOnOutOfMemoryError",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
]


@dataclass(frozen=True)
class ServerState:
    pid: int
    port: int
    uri: str
    data_dir: str
    version: str


@dataclass(frozen=True)
class ServerOptions:
    data_dir: Path
    port: int
    user: str
    password: str
    heap: str = "512m"
    pagecache: str = "256m"
    timeout: float = 120.0


def read_state(data_dir: Path) -> ServerState | None:
    path = ServerLayout(data_dir).state_file
    if not path.exists():
        return None
    return ServerState(**json.loads(path.read_text(encoding="utf-8")))


def running_state(data_dir: Path) -> ServerState | None:
    """The recorded server of this data directory if its process is still alive."""
    state = read_state(data_dir)
    return state if state and alive(state.pid) else None


@dataclass(frozen=True)
class Launched:
    state: ServerState
    process: subprocess.Popen[bytes] | None
    """The JVM when this process started it (its exit code can then be read); None for a server that was
    already running."""


def start(options: ServerOptions) -> ServerState:
    """Start the server (or return the one already running there) once Bolt answers `RETURN 1`."""
    return launch(options).state


def launch(options: ServerOptions) -> Launched:
    """`start`, keeping hold of the child process for a supervisor (graph.neo4j_server.supervisor)."""
    existing = running_state(options.data_dir)
    if existing:
        _wait_for_bolt(existing, options, deadline=time.monotonic() + options.timeout)
        return Launched(existing, None)
    java = find_java()
    jars = classpath(CACHE_DIR)
    layout = ServerLayout(options.data_dir)
    layout.create()
    port = options.port if options.port and _port_free(options.port) else _free_port()
    write_config(layout, port, options.pagecache)
    if not layout.initialised:
        _set_initial_password(java, jars, layout, options.password)
    console = layout.console_log.open("ab")
    process = subprocess.Popen(
        [
            java,
            f"-Xms{options.heap}",
            f"-Xmx{options.heap}",
            *JVM_FLAGS,
            "-cp",
            jars,
            "org.neo4j.server.CommunityEntryPoint",
            f"--home-dir={layout.home}",
            f"--config-dir={layout.conf_dir}",
        ],
        stdout=console,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
        env={**os.environ, "NEO4J_HOME": str(layout.home)},
    )
    state = ServerState(process.pid, port, f"bolt://127.0.0.1:{port}", str(layout.home), neo4j_version())
    layout.state_file.write_text(json.dumps(asdict(state)), encoding="utf-8")
    try:
        _wait_for_bolt(state, options, deadline=time.monotonic() + options.timeout, process=process)
    except ServerSetupError:
        _terminate(process.pid, grace=10)
        layout.state_file.unlink(missing_ok=True)
        raise
    return Launched(state, process)


def stop(data_dir: Path, grace: float = 60.0) -> bool:
    """Shut the server down cleanly (SIGTERM runs Neo4j's shutdown); False if none was running."""
    state = running_state(data_dir)
    ServerLayout(data_dir).state_file.unlink(missing_ok=True)
    if not state:
        return False
    _terminate(state.pid, grace)
    return True


def peak_memory_mib(pid: int) -> float | None:
    """The process's peak resident memory (VmHWM), read from /proc."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def log_tail(data_dir: Path, lines: int = 30) -> tuple[Path, str]:
    layout = ServerLayout(data_dir)
    path = layout.log_file if layout.log_file.exists() else layout.console_log
    text = path.read_text(errors="replace") if path.exists() else "(no log written)"
    return path, "\n".join(text.splitlines()[-lines:])


def _wait_for_bolt(
    state: ServerState,
    options: ServerOptions,
    deadline: float,
    process: subprocess.Popen[bytes] | None = None,
) -> None:
    last_error = "no answer yet"
    with GraphDatabase.driver(state.uri, auth=(options.user, options.password)) as driver:
        while time.monotonic() < deadline:
            if process is not None and process.poll() is not None:
                raise _start_failed(options.data_dir, f"Neo4j exited with code {process.returncode}")
            try:
                with driver.session() as session:
                    session.run("RETURN 1").consume()
                return
            except AuthError as exc:
                raise _start_failed(
                    options.data_dir,
                    f"Neo4j is up but refused the password ({exc.message}); the data directory was "
                    "initialised with another NEO4J_PASSWORD",
                ) from exc
            except (ServiceUnavailable, Neo4jError, OSError) as exc:
                last_error = str(exc)
            time.sleep(0.5)
    raise _start_failed(options.data_dir, f"Bolt did not answer within {options.timeout:.0f}s ({last_error})")


def _start_failed(data_dir: Path, reason: str) -> ServerSetupError:
    path, tail = log_tail(data_dir)
    return ServerSetupError(f"{reason}.\nLast lines of {path}:\n{tail}\n(full log: {path})")


def _set_initial_password(java: str, jars: str, layout: ServerLayout, password: str) -> None:
    done = subprocess.run(
        [
            java,
            "-cp",
            jars,
            "org.neo4j.server.startup.Neo4jAdminCommand",
            "dbms",
            "set-initial-password",
            password,
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NEO4J_HOME": str(layout.home), "NEO4J_CONF": str(layout.conf_dir)},
    )
    if done.returncode != 0:
        raise ServerSetupError(f"could not set Neo4j's initial password:\n{done.stdout}{done.stderr}")


def _terminate(pid: int, grace: float) -> None:
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        if not alive(pid):
            return
        time.sleep(0.2)
    os.kill(pid, signal.SIGKILL)


def alive(pid: int) -> bool:
    """The process runs (a zombie or a reaped child of ours does not)."""
    try:
        waited, _ = os.waitpid(pid, os.WNOHANG)
        if waited == pid:
            return False
    except ChildProcessError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split()[2] == "Z")


def _port_free(port: int) -> bool:
    """Free for a server to listen on: like the JVM, we allow reuse of a port whose old connections linger."""
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
