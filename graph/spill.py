"""Maps and lists that move to a temporary on-disk SQLite database once they grow large.

A load keeps, for the checks across files, a few things per record: the ids defined (and where), every
actor's names and fuzzy keys (graph/names), the references not resolved yet. For a digest that is a few
thousand entries; for a table of millions of actors it is gigabytes of Python objects. So each of these
collections starts as a plain dict or list and, past `SPILL_FROM` entries, moves its contents into its own
private SQLite database (`sqlite3.connect("")`: a temporary file SQLite deletes itself when the connection
closes, i.e. when the collection is garbage-collected) and works from there: memory then holds a small page
cache per collection, whatever the size of the load. Small loads never touch the disk and pay one attribute
check per access.

Why SQLite and not shelve/dbm: it is in the standard library everywhere, keeps insertion order (rowid),
pages its own cache, and its temporary databases clean up after themselves, even after a crash.
Values (and keys that are not strings) are pickled. A value read from disk is a copy: callers change a
stored value by storing it again (`map[key] = changed`), never by mutating what `get` returned.
"""

from __future__ import annotations

import os
import pickle
import sqlite3
import tempfile
import threading
from collections.abc import Iterable, Iterator, MutableMapping
from typing import Any, Generic, TypeVar, cast

K = TypeVar("K")
V = TypeVar("V")
T = TypeVar("T")

SPILL_FROM = 50_000
"""Entries from which a collection moves to disk (at about 0.5-1.5 KB of Python objects per entry, a few
tens of MB in memory at most per collection)."""
CACHE_KIB = 4096
"""SQLite's page cache per collection on disk."""
PAGE = 10_000
"""Rows read or written at a time on disk."""
LIST_PAGE = 1_000
"""Items of a SpillList on disk pickled together, in one row (a page of the largest items, a report's record
each, is a megabyte or two)."""

_PICKLE = pickle.HIGHEST_PROTOCOL


def _connect(path: str = "") -> sqlite3.Connection:
    """A private temporary database (`path` ""), or the file another process handed over."""
    db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    for pragma in ("journal_mode=OFF", "synchronous=OFF", f"cache_size=-{CACHE_KIB}", "temp_store=FILE"):
        db.execute(f"PRAGMA {pragma}")
    db.execute("BEGIN")  # one transaction for the collection's life: nothing is ever committed to keep
    return db


def pages(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """`items` in order, in lists of `size` (the last one shorter; none when there are no items): what a
    long collection is read or written a page at a time by."""
    page: list[T] = []
    for item in items:
        page.append(item)
        if len(page) >= size:
            yield page
            page = []
    if page:
        yield page


def _key(key: object) -> str | bytes:
    return key if isinstance(key, str) else pickle.dumps(key, _PICKLE)


def _unkey(stored: str | bytes) -> Any:
    return stored if isinstance(stored, str) else pickle.loads(stored)


class SpillMap(MutableMapping[K, V], Generic[K, V]):
    """A dict until it holds `spill_from` entries, then a table on disk; iteration in insertion order."""

    def __init__(self, spill_from: int | None = None) -> None:
        self._memory: dict[K, V] | None = {}
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._spill_from = SPILL_FROM if spill_from is None else spill_from
        self._size = 0

    @property
    def on_disk(self) -> bool:
        return self._db is not None

    def _spill(self) -> None:
        assert self._memory is not None
        db = _connect()
        # `n` keeps insertion order (a dict's iteration order); `key` is looked up through its index.
        db.execute("CREATE TABLE map (n INTEGER PRIMARY KEY, key UNIQUE, value BLOB)")
        db.executemany(
            "INSERT INTO map (key, value) VALUES (?, ?)",
            ((_key(key), pickle.dumps(value, _PICKLE)) for key, value in self._memory.items()),
        )
        self._size = len(self._memory)
        self._memory = None
        self._db = db

    def __getitem__(self, key: K) -> V:
        memory = self._memory
        if memory is not None:
            return memory[key]
        with self._lock:
            row = (
                cast(sqlite3.Connection, self._db)
                .execute("SELECT value FROM map WHERE key = ?", (_key(key),))
                .fetchone()
            )
        if row is None:
            raise KeyError(key)
        return cast(V, pickle.loads(row[0]))

    def get(self, key: K, default: Any = None) -> Any:
        memory = self._memory
        if memory is not None:
            return memory.get(key, default)
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key: object) -> bool:
        memory = self._memory
        if memory is not None:
            return key in memory
        with self._lock:
            db = cast(sqlite3.Connection, self._db)
            return db.execute("SELECT 1 FROM map WHERE key = ?", (_key(key),)).fetchone() is not None

    def __setitem__(self, key: K, value: V) -> None:
        memory = self._memory
        if memory is not None:
            memory[key] = value
            if len(memory) >= self._spill_from:
                with self._lock:
                    self._spill()
            return
        encoded, blob = _key(key), pickle.dumps(value, _PICKLE)
        with self._lock:
            db = cast(sqlite3.Connection, self._db)
            if db.execute("UPDATE map SET value = ? WHERE key = ?", (blob, encoded)).rowcount == 0:
                db.execute("INSERT INTO map (key, value) VALUES (?, ?)", (encoded, blob))
                self._size += 1

    def setdefault(self, key: K, default: Any = None) -> Any:
        memory = self._memory
        if memory is not None and key in memory:
            return memory[key]
        found = self.get(key, _MISSING)
        if found is _MISSING:
            self[key] = default
            return default
        return found

    def __delitem__(self, key: K) -> None:
        memory = self._memory
        if memory is not None:
            del memory[key]
            return
        with self._lock:
            db = cast(sqlite3.Connection, self._db)
            if db.execute("DELETE FROM map WHERE key = ?", (_key(key),)).rowcount == 0:
                raise KeyError(key)
            self._size -= 1

    def __len__(self) -> int:
        return len(self._memory) if self._memory is not None else self._size

    def _rows(self, columns: str) -> Iterator[tuple[Any, ...]]:
        """Rows in insertion order, a page at a time (the map may change between pages: as a dict's
        iteration, it must not)."""
        last = 0
        while True:
            with self._lock:
                db = cast(sqlite3.Connection, self._db)
                page = db.execute(
                    f"SELECT n, {columns} FROM map WHERE n > ? ORDER BY n LIMIT ?", (last, PAGE)
                ).fetchall()
            if not page:
                return
            last = page[-1][0]
            for row in page:
                yield row[1:]

    def __iter__(self) -> Iterator[K]:
        if self._memory is not None:
            yield from self._memory
            return
        for (key,) in self._rows("key"):
            yield cast(K, _unkey(key))

    def items(self) -> Iterator[tuple[K, V]]:  # type: ignore[override]
        if self._memory is not None:
            yield from self._memory.items()
            return
        for key, value in self._rows("key, value"):
            yield cast(K, _unkey(key)), cast(V, pickle.loads(value))

    def values(self) -> Iterator[V]:  # type: ignore[override]
        if self._memory is not None:
            yield from self._memory.values()
            return
        for (value,) in self._rows("value"):
            yield cast(V, pickle.loads(value))

    def key_pages(self) -> Iterator[list[K]]:
        """The keys in insertion order, in lists of up to PAGE (all of them at once in memory)."""
        if self._memory is not None:
            yield list(self._memory)
            return
        yield from pages(self, PAGE)


class SpillList(Generic[T]):
    """An append-only list that moves to disk past `spill_from` items; iterated in order.

    On disk a row holds a page of LIST_PAGE items pickled together, not one item: pickling each item alone
    costs several times as much (each pickle names its classes and rebuilds its enum members again), and the
    first pass appends and reads back one entry per reference of the load (145,000 at 20,000 events)."""

    def __init__(self, items: Iterable[T] = (), spill_from: int | None = None) -> None:
        self._memory: list[T] | None = []
        self._pending: list[T] = []
        """Items appended since the last page went to disk."""
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._spill_from = SPILL_FROM if spill_from is None else spill_from
        self._size = 0
        for item in items:
            self.append(item)

    @property
    def on_disk(self) -> bool:
        return self._db is not None

    def append(self, item: T) -> None:
        memory = self._memory
        if memory is not None:
            memory.append(item)
            if len(memory) >= self._spill_from:
                db = _connect()
                db.execute("CREATE TABLE list (n INTEGER PRIMARY KEY, page BLOB)")
                self._db = db
                self._pending = memory
                self._size = len(memory)
                self._memory = None
                self._flush()
            return
        self._pending.append(item)
        self._size += 1
        if len(self._pending) >= LIST_PAGE:
            self._flush()

    def extend(self, items: Iterable[T]) -> None:
        for item in items:
            self.append(item)

    def _flush(self) -> None:
        if self._pending:
            pending = self._pending
            rows = [(pickle.dumps(page, _PICKLE),) for page in pages(pending, LIST_PAGE)]
            with self._lock:
                cast(sqlite3.Connection, self._db).executemany("INSERT INTO list (page) VALUES (?)", rows)
            self._pending = []

    def __len__(self) -> int:
        return len(self._memory) if self._memory is not None else self._size

    def __bool__(self) -> bool:
        return len(self) > 0

    def __iter__(self) -> Iterator[T]:
        if self._memory is not None:
            yield from self._memory
            return
        self._flush()
        last = 0
        while True:
            with self._lock:
                row = (
                    cast(sqlite3.Connection, self._db)
                    .execute("SELECT n, page FROM list WHERE n > ? ORDER BY n LIMIT 1", (last,))
                    .fetchone()
                )
            if row is None:
                return
            last = row[0]
            yield from cast(list[T], pickle.loads(row[1]))

    def __reduce__(self) -> tuple[Any, ...]:
        """Sent to another process (the parallel survey of many files): as its items while they are in
        memory (fewer than `spill_from`); once on disk, as a copy of its database in a temporary file, which
        the receiving process opens and unlinks (`_adopt`). A file of millions of records then never passes
        its lists through either process's memory."""
        if self._memory is not None:
            return (SpillList, (self._memory, self._spill_from))
        self._flush()
        handle, path = tempfile.mkstemp(prefix="kg-spill-", suffix=".sqlite")
        os.close(handle)
        copy = sqlite3.connect(path)
        with self._lock:
            db = cast(sqlite3.Connection, self._db)
            db.execute("COMMIT")  # the backup copies what is committed (a temporary database keeps nothing)
            db.backup(copy)
            db.execute("BEGIN")
        copy.close()
        return (_adopt, (path, self._size, self._spill_from))


def _adopt(path: str, size: int, spill_from: int) -> SpillList[Any]:
    """The SpillList whose database another process copied to `path`: opened, then unlinked (the open
    connection keeps it until it closes, as SQLite's own temporary databases)."""
    db = _connect(path)
    os.unlink(path)
    items: SpillList[Any] = SpillList(spill_from=spill_from)
    items._memory, items._db, items._size = None, db, size
    return items


_MISSING = object()
