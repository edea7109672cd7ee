"""The neo4j.conf we generate: loopback only, auth on, modest memory, nothing phoning home."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

SUBDIRS = ("conf", "data", "logs", "plugins", "run", "import")


@dataclass(frozen=True)
class ServerLayout:
    """The folders of one local server; everything it writes stays under `home`."""

    home: Path

    @property
    def conf_dir(self) -> Path:
        return self.home / "conf"

    @property
    def log_file(self) -> Path:
        return self.home / "logs" / "neo4j.log"

    @property
    def console_log(self) -> Path:
        return self.home / "logs" / "console.log"

    @property
    def state_file(self) -> Path:
        return self.home / "run" / "kg-server.json"

    @property
    def initialised(self) -> bool:
        """True once the server has run here; the initial password can only be set before that."""
        return (self.home / "data" / "databases").exists()

    def create(self) -> None:
        for name in SUBDIRS:
            (self.home / name).mkdir(parents=True, exist_ok=True)


def write_config(layout: ServerLayout, port: int, pagecache: str) -> None:
    lines = [f"server.directories.{name}={layout.home / name}" for name in SUBDIRS if name != "conf"]
    lines += [
        "server.default_listen_address=127.0.0.1",
        "server.default_advertised_address=127.0.0.1",
        f"server.bolt.listen_address=127.0.0.1:{port}",
        f"server.bolt.advertised_address=127.0.0.1:{port}",
        "server.http.enabled=false",
        "server.https.enabled=false",
        "dbms.security.auth_enabled=true",
        "dbms.usage_report.enabled=false",
        f"server.memory.pagecache.size={pagecache}",
        "db.tx_log.rotation.retention_policy=2 files",
    ]
    (layout.conf_dir / "neo4j.conf").write_text("\n".join(lines) + "\n", encoding="utf-8")
