"""A small HTTP/1.1 keep-alive client for load runs (asyncio streams, no dependency).

The load generator shares the machine with the server under test: httpx would
spend more CPU per request than the server's own HTTP layer and lower the very
figure it measures. This client only writes the request and reads the status,
the headers and ``Content-Length`` (or chunked) bytes.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field


class HttpConnection:
    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def _open(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        if self._reader is None or self._writer is None:
            self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
        return self._reader, self._writer

    async def request(
        self, method: str, path: str, headers: dict[str, str] | None = None, body: bytes = b""
    ) -> tuple[int, bytes]:
        reader, writer = await self._open()
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}"]
        lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
        lines.append(f"Content-Length: {len(body)}")
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
        status_line = await reader.readline()
        if not status_line:
            await self.close()
            raise ConnectionError("the server closed the connection")
        status = int(status_line.split(b" ", 2)[1])
        length: int | None = None
        chunked = close = False
        while (line := await reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"transfer-encoding" and b"chunked" in value.lower():
                chunked = True
            elif name == b"connection" and b"close" in value.lower():
                close = True
        if chunked:
            parts = []
            while (size := int((await reader.readline()).split(b";")[0], 16)) > 0:
                parts.append(await reader.readexactly(size))
                await reader.readline()
            await reader.readline()  # the empty trailer
            data = b"".join(parts)
        else:
            data = await reader.readexactly(length or 0)
        if close:
            await self.close()
        return status, data

    async def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            with contextlib.suppress(OSError):
                await self._writer.wait_closed()
        self._reader = self._writer = None


@dataclass
class LoadResult:
    latencies_ms: list[float] = field(default_factory=list)
    errors: dict[int, int] = field(default_factory=dict)  # status -> count (0: refused)
    seconds: float = 0.0

    @property
    def per_second(self) -> float:
        return len(self.latencies_ms) / self.seconds if self.seconds else 0.0


#: One request of a client: ``(status, body)`` of the call it made on its connection.
Call = Callable[[HttpConnection, int], Awaitable[tuple[int, bytes]] | None]


async def run_load(
    host: str, port: int, clients: int, seconds: float, call: Call, expect: int = 200
) -> LoadResult:
    """``clients`` connections call in a loop for ``seconds`` (or until ``call`` returns
    None: nothing left to send); successes are timed, other statuses counted."""
    result = LoadResult()
    deadline = time.perf_counter() + seconds

    async def client(number: int) -> None:
        connection = HttpConnection(host, port)
        try:
            while time.perf_counter() < deadline:
                pending = call(connection, number)
                if pending is None:
                    return
                started = time.perf_counter()
                try:
                    status, _ = await pending
                except (ConnectionError, asyncio.IncompleteReadError):
                    result.errors[0] = result.errors.get(0, 0) + 1
                    await connection.close()
                    continue
                if status == expect:
                    result.latencies_ms.append((time.perf_counter() - started) * 1000)
                else:
                    result.errors[status] = result.errors.get(status, 0) + 1
        finally:
            await connection.close()

    started = time.perf_counter()
    await asyncio.gather(*(client(n) for n in range(clients)))
    result.seconds = time.perf_counter() - started
    return result
