"""Finding Java 17+ and Maven, and resolving Neo4j's runtime classpath once (then cached)."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

from graph.errors import ServerSetupError

POM = Path(__file__).with_name("pom.xml")
MIN_JAVA = 17


def neo4j_version() -> str:
    match = re.search(r"<neo4j.version>([^<]+)</neo4j.version>", POM.read_text(encoding="utf-8"))
    assert match, "pom.xml names no neo4j.version"
    return match.group(1)


def find_java() -> str:
    """The java executable (JAVA_HOME first, then PATH), checked to be Java 17 or newer."""
    java_home = os.environ.get("JAVA_HOME")
    candidate = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
    if not candidate or not Path(candidate).exists():
        raise ServerSetupError(
            f"Java {MIN_JAVA}+ is required to run the local Neo4j, but no `java` was found "
            "(set JAVA_HOME or put java on PATH; on Debian/Ubuntu: apt-get install openjdk-17-jre-headless). "
            "Or point NEO4J_URI at an existing Neo4j server."
        )
    out = subprocess.run([candidate, "-version"], capture_output=True, text=True, check=False).stderr
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    major = int(match.group(1)) if match else 0
    if major == 1 and match and match.group(2):
        major = int(match.group(2))
    if major < MIN_JAVA:
        raise ServerSetupError(
            f"Java {MIN_JAVA}+ is required to run the local Neo4j; {candidate} is Java {major or '?'}."
        )
    return candidate


def find_maven() -> str:
    mvn = shutil.which("mvn")
    if not mvn:
        raise ServerSetupError(
            "Maven is required once, to fetch Neo4j from Maven Central, but `mvn` is not on PATH "
            "(on Debian/Ubuntu: apt-get install maven). Or point NEO4J_URI at an existing Neo4j server."
        )
    return mvn


def classpath(cache_dir: Path) -> str:
    """Neo4j's runtime classpath; resolved by Maven the first time, read from cache afterwards."""
    key = hashlib.sha256(POM.read_bytes()).hexdigest()[:16]
    cached = cache_dir / f"classpath-{key}.txt"
    if cached.exists():
        jars = cached.read_text(encoding="utf-8").strip()
        if all(Path(jar).exists() for jar in jars.split(os.pathsep)):
            return jars
    cache_dir.mkdir(parents=True, exist_ok=True)
    target = cache_dir / f"classpath-{key}.tmp"
    cmd = [
        find_maven(),
        "-q",
        "-B",
        "-f",
        str(POM),
        "dependency:build-classpath",
        f"-Dmdep.outputFile={target}",
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not target.exists():
        tail = "\n".join((done.stdout + done.stderr).splitlines()[-30:])
        raise ServerSetupError(f"Maven could not resolve Neo4j {neo4j_version()}:\n{tail}")
    target.replace(cached)
    return cached.read_text(encoding="utf-8").strip()
