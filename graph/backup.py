"""`kg backup` / `kg restore`: the whole graph to a JSON-lines file and back, through the driver.

An online export: it needs no server stop and works the same against the local server, a remote one or
Aura. The file (gzip-compressed when its name ends in `.gz`) holds a header line, one line per node (labels,
properties), one per relationship (type, properties, endpoint keys) and an end line with the counts, so a
file cut short is refused. Values Neo4j has but JSON lacks (dates, times, durations, points, byte arrays,
non-finite floats) are written as one-key objects (`{"$date": "2023-04-24"}`): property values are never
maps in Neo4j, so any object in a property is such a value.

A restore checks the whole file first, then replaces the graph in ONE transaction (all of it lands or none
of it does); the schema (constraints, indexes) is `kg migrate`'s and is installed first. The export reads
in one query at read-committed isolation: run it while nothing writes, or it may see a relationship whose
endpoint it missed (refused: run it again).
"""

from __future__ import annotations

import base64
import gzip
import json
import math
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import pytz
from neo4j.spatial import CartesianPoint, Point, WGS84Point
from neo4j.time import Date, DateTime, Duration, Time

from graph.errors import KgError, Location, ValidationFailed
from graph.store import GraphStore, Transaction

FORMAT = "kg-backup"
VERSION = 1
BATCH = 1000
WGS84_SRIDS = (4326, 4979)


class BadBackup(ValidationFailed):
    """A file that is not a complete kg backup, or a path a backup cannot be written to."""


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    nodes: int
    relationships: int


# ---- values ----------------------------------------------------------------------------------------------


def encode(value: Any) -> Any:
    """A property value as JSON; Neo4j's own types become one-key objects."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else {"$float": repr(value)}
    if isinstance(value, list):
        return [encode(item) for item in value]
    if isinstance(value, Date):
        return {"$date": value.iso_format()}
    if isinstance(value, DateTime):
        if value.tzinfo is None:
            return {"$localdatetime": value.iso_format()}
        zone = getattr(value.tzinfo, "key", None) or getattr(value.tzinfo, "zone", None)
        return {"$datetime": value.iso_format(), **({"zone": zone} if zone else {})}
    if isinstance(value, Time):
        return {"$time" if value.tzinfo is not None else "$localtime": value.iso_format()}
    if isinstance(value, Duration):
        return {"$duration": [value.months, value.days, value.seconds, value.nanoseconds]}
    if isinstance(value, Point):
        return {"$point": [value.srid, *value]}
    if isinstance(value, bytes | bytearray):
        return {"$bytes": base64.b64encode(value).decode("ascii")}
    raise KgError(f"cannot back up a property value of type {type(value).__name__}")


def decode(value: Any) -> Any:
    """The inverse of `encode`: driver values the driver sends back to Neo4j with their types."""
    if isinstance(value, list):
        return [decode(item) for item in value]
    if not isinstance(value, dict):
        return value
    if len(value) not in (1, 2) or not all(key.startswith("$") or key == "zone" for key in value):
        raise ValueError(f"unknown value {json.dumps(value)[:80]}")
    tag, text = next(iter(value.items()))
    if tag == "$float":
        return float(text)
    if tag == "$date":
        return Date.from_iso_format(text)
    if tag in ("$datetime", "$localdatetime"):
        parsed = DateTime.from_iso_format(text)
        zone = value.get("zone")
        if zone:
            parsed = parsed.astimezone(pytz.timezone(zone))  # the driver sends pytz zones exactly
        return parsed
    if tag in ("$time", "$localtime"):
        return Time.from_iso_format(text)
    if tag == "$duration":
        months, days, seconds, nanoseconds = text
        return Duration(months=months, days=days, seconds=seconds, nanoseconds=nanoseconds)
    if tag == "$point":
        srid, *coordinates = text
        point = (WGS84Point if srid in WGS84_SRIDS else CartesianPoint)(coordinates)
        if point.srid != srid:
            raise ValueError(f"a point of SRID {srid} with {len(coordinates)} coordinates")
        return point
    if tag == "$bytes":
        return bytearray(base64.b64decode(text, validate=True))
    raise ValueError(f"unknown value type {tag!r}")


# ---- backup ----------------------------------------------------------------------------------------------


async def backup(store: GraphStore, path: Path, *, force: bool = False, source: str = "") -> BackupSummary:
    """Write the whole graph to `path` (through a temporary file: a failed backup leaves no file)."""
    _check_target(path, force)
    partial = path.with_name(path.name + ".partial")
    nodes = relationships = 0
    seen: set[str] = set()
    try:
        with _open(partial, "wt", compressed=_compressed(path)) as out:
            header = {
                "format": FORMAT,
                "version": VERSION,
                "created": datetime.now(UTC).isoformat(timespec="seconds"),
                "database": store.database,
                "source": source,
            }
            out.write(json.dumps(header) + "\n")
            async for row in store.stream_exact("backup_graph"):
                props = {key: encode(value) for key, value in row["props"].items()}
                if row["kind"] == "node":
                    seen.add(row["key"])
                    line = {"node": row["key"], "labels": row["labels"], "props": props}
                    nodes += 1
                else:
                    if row["start"] not in seen or row["end"] not in seen:
                        raise KgError(
                            "the graph changed while it was being backed up (a relationship's node was not "
                            "in the export); nothing was written: run the backup again"
                        )
                    line = {"rel": row["labels"][0], "start": row["start"], "end": row["end"], "props": props}
                    relationships += 1
                out.write(json.dumps(line, ensure_ascii=False, allow_nan=False) + "\n")
            out.write(json.dumps({"end": {"nodes": nodes, "relationships": relationships}}) + "\n")
        os.replace(partial, path)
    except OSError as exc:
        raise BadBackup(
            f"could not be written: {exc.strerror or exc}", location=Location(file=str(path))
        ) from None
    finally:
        partial.unlink(missing_ok=True)
    return BackupSummary(path, nodes, relationships)


def _check_target(path: Path, force: bool) -> None:
    if path.is_dir():
        raise BadBackup("is a folder; give a file name for the backup", location=Location(file=str(path)))
    if path.exists() and not force:
        raise BadBackup(
            "already exists; choose another name, or pass --force to overwrite it",
            location=Location(file=str(path)),
        )
    if not path.parent.is_dir():
        raise BadBackup(f"the folder {path.parent} does not exist", location=Location(file=str(path)))


# ---- restore ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Node:
    key: str
    labels: list[str]
    props: dict[str, Any]


@dataclass(frozen=True)
class _Relationship:
    type: str
    start: str
    end: str
    props: dict[str, Any]


def check(path: Path) -> BackupSummary:
    """Read the whole file and refuse it, naming the line, unless it is a complete kg backup."""
    nodes = relationships = 0
    for record in _records(path):
        if isinstance(record, _Node):
            nodes += 1
        else:
            relationships += 1
    return BackupSummary(path, nodes, relationships)


async def restore(store: GraphStore, path: Path) -> BackupSummary:
    """Replace the graph with the backup's, in one transaction (the file is checked whole first)."""
    summary = check(path)

    async def replace(tx: Transaction) -> None:
        await tx.run("restore_clear")
        new_ids: dict[str, str] = {}
        nodes: list[dict[str, Any]] = []
        relationships: list[dict[str, Any]] = []
        for record in _records(path):
            if isinstance(record, _Node):
                nodes.append({"key": record.key, "labels": record.labels, "props": record.props})
                if len(nodes) >= BATCH:
                    await _create_nodes(tx, nodes, new_ids)
            else:
                if nodes:
                    await _create_nodes(tx, nodes, new_ids)
                start, end = new_ids[record.start], new_ids[record.end]
                relationships.append({"type": record.type, "start": start, "end": end, "props": record.props})
                if len(relationships) >= BATCH:
                    await _create_relationships(tx, relationships)
        if nodes:
            await _create_nodes(tx, nodes, new_ids)
        if relationships:
            await _create_relationships(tx, relationships)
        await tx.run("engaged_mark_all")  # written again before the commit (GraphStore.write_transaction)

    await store.write_transaction(replace)
    return summary


async def _create_nodes(tx: Transaction, rows: list[dict[str, Any]], new_ids: dict[str, str]) -> None:
    for created in await tx.run("restore_nodes", rows=rows):
        new_ids[created["key"]] = created["id"]
    rows.clear()


async def _create_relationships(tx: Transaction, rows: list[dict[str, Any]]) -> None:
    created = (await tx.run("restore_relationships", rows=rows))[0]["created"]
    if created != len(rows):
        raise KgError(f"restore created {created} of {len(rows)} relationships; nothing was written")
    rows.clear()


def _records(path: Path) -> Iterator[_Node | _Relationship]:
    """The nodes and relationships of a backup file, checked line by line (BadBackup names the line)."""
    if not path.is_file():
        raise BadBackup("no such backup file", location=Location(file=str(path)))
    keys: set[str] = set()
    nodes = relationships = 0
    ended = False
    line_no = 0
    try:
        with _open(path, "rt", compressed=_compressed(path)) as lines:
            for line_no, line in enumerate(lines, start=1):
                if ended:
                    raise ValueError("a line after the end line")
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise ValueError("not a JSON object")
                if line_no == 1:
                    _check_header(record)
                elif "node" in record:
                    node = _Node(_text(record, "node"), _labels(record), _props(record))
                    keys.add(node.key)
                    nodes += 1
                    yield node
                elif "rel" in record:
                    rel = _Relationship(
                        _text(record, "rel"), _text(record, "start"), _text(record, "end"), _props(record)
                    )
                    if rel.start not in keys or rel.end not in keys:
                        raise ValueError("a relationship to a node not (yet) in the file")
                    relationships += 1
                    yield rel
                elif "end" in record:
                    if record["end"] != {"nodes": nodes, "relationships": relationships}:
                        raise ValueError(
                            f"the end line counts {record['end']}, the file holds {nodes} nodes and "
                            f"{relationships} relationships"
                        )
                    ended = True
                else:
                    raise ValueError("neither a node, a relationship nor the end line")
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, OSError, EOFError) as exc:
        reason = "not a kg backup" if line_no <= 1 else "not a valid backup line"
        raise BadBackup(f"{reason}: {_why(exc)}", location=Location(file=str(path), line=line_no)) from None
    if not ended:
        raise BadBackup(
            "is incomplete: the end line is missing (was the backup cut short?)",
            location=Location(file=str(path)),
        )


def _check_header(record: dict[str, Any]) -> None:
    if record.get("format") != FORMAT:
        raise ValueError(f"its first line does not say format {FORMAT!r}")
    if record.get("version") != VERSION:
        raise ValueError(f"backup format version {record.get('version')!r}; this kg reads version {VERSION}")


def _text(record: dict[str, Any], key: str) -> str:
    value = record[key]
    if not isinstance(value, str) or not value:
        raise ValueError(f"{key!r} is not a non-empty string")
    return value


def _labels(record: dict[str, Any]) -> list[str]:
    labels = record["labels"]
    if not isinstance(labels, list) or not all(isinstance(label, str) and label for label in labels):
        raise ValueError("'labels' is not a list of names")
    return labels


def _props(record: dict[str, Any]) -> dict[str, Any]:
    props = record["props"]
    if not isinstance(props, dict):
        raise ValueError("'props' is not an object")
    return {key: decode(value) for key, value in props.items()}


def _why(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return f"{exc.args[0]!r} is missing"
    if isinstance(exc, json.JSONDecodeError):
        return f"not JSON ({exc.msg})"
    if isinstance(exc, UnicodeDecodeError | gzip.BadGzipFile | EOFError):
        return "not text (or a damaged .gz)"
    return str(exc)


def _compressed(path: Path) -> bool:
    return path.suffix == ".gz"


def _open(path: Path, mode: str, *, compressed: bool) -> IO[str]:
    if compressed:
        return gzip.open(path, mode, encoding="utf-8")  # type: ignore[return-value]
    return path.open(mode[0], encoding="utf-8")
