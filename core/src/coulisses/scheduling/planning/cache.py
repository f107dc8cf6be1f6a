"""Encoded planning responses, kept per process and keyed by the org's data versions.

Every manager's calendar reads the same weeks again and again (each live event makes
every open calendar of the org refetch), and a month of a festival is a megabyte of
JSON built from six reads. The response is built once per state of the org's data:

- Every write of a row the planning shows bumps a version of its org, in the writing
  transaction, by triggers (migration ``m0018_planning_versions``): no write path can
  forget it. The versions are spread over shards so that writers do not queue on one
  row; the key is the whole vector, read by primary key before anything else.
- The key is read first, then the data: data read after it is at least as new, so an
  entry can only hold newer data than its key, never older. A write committed after
  the key was read bumps a shard, and the next reader's key differs: nothing stale is
  ever served, to anyone, in any process.
- The key also holds the query and the viewer: a manager's body is the same for every
  manager (nothing is redacted for them); anyone else's is redacted for them and keyed
  by their account.

The same key, hashed, is the response's ETag: a calendar that sends it back in
``If-None-Match`` gets a 304 with no body. ``Cache-Control: no-cache`` in the request
rebuilds the entry (the bench's cold figures). Entries are dropped least recently used
first past ``COULISSES_PLANNING_CACHE_MB``.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Hashable

from coulisses.db.connection import fetch_records
from coulisses.settings import get_settings

_VERSIONS_SQL = "SELECT shard, version FROM org_data_versions WHERE org = $1 ORDER BY shard"


async def data_versions(org_id: int) -> tuple[tuple[int, int], ...]:
    """The org's data versions: they change with every committed write of its planning."""
    return tuple((shard, version) for shard, version in await fetch_records(_VERSIONS_SQL, org_id))


def etag_of(key: Hashable) -> str:
    return '"' + hashlib.blake2b(repr(key).encode(), digest_size=12).hexdigest() + '"'


class BodyCache:
    """A least-recently-used map of encoded bodies, bounded in bytes."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[Hashable, bytes] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> bytes | None:
        with self._lock:
            body = self._entries.get(key)
            if body is not None:
                self._entries.move_to_end(key)
            return body

    def put(self, key: Hashable, body: bytes) -> None:
        if len(body) > self.max_bytes:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= len(old)
            self._entries[key] = body
            self._bytes += len(body)
            while self._bytes > self.max_bytes:
                _, dropped = self._entries.popitem(last=False)
                self._bytes -= len(dropped)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0

    @property
    def size(self) -> tuple[int, int]:
        """(entries, bytes)"""
        return len(self._entries), self._bytes


_cache: BodyCache | None = None


def body_cache() -> BodyCache | None:
    """The process's cache, or None when ``COULISSES_PLANNING_CACHE_MB`` is 0."""
    global _cache
    max_bytes = get_settings().planning_cache_mb * 1024 * 1024
    if max_bytes <= 0:
        return None
    if _cache is None or _cache.max_bytes != max_bytes:
        _cache = BodyCache(max_bytes)
    return _cache
