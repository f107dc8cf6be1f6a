"""What the bench prints: figures (samples and their target) and the helpers that time them."""

from __future__ import annotations

import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any


def percentile(samples: list[float], fraction: float) -> float:
    xs = sorted(samples)
    return xs[min(len(xs) - 1, round(fraction * (len(xs) - 1)))]


@dataclass
class Figure:
    label: str
    samples_ms: list[float]
    target: str = ""
    note: str = ""

    def line(self) -> str:
        xs = sorted(self.samples_ms)
        if len(xs) == 1:
            value = f"{xs[0]:8.1f} ms"
        else:
            p50 = statistics.median(xs)
            p95 = percentile(xs, 0.95)
            value = f"p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  min {xs[0]:6.1f}  (n={len(xs)})"
        target = f"  cible {self.target}" if self.target else ""
        note = f"  [{self.note}]" if self.note else ""
        return f"  {self.label:<44} {value}{target}{note}"


def progress(message: str) -> None:
    print(f"  ... {message}", flush=True)


async def timed(call: Callable[[], Awaitable[Any]], runs: int, warmup: int = 3) -> list[float]:
    for _ in range(warmup):
        await call()
    samples: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        await call()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def ok(response: Any, status: int = 200) -> Any:
    if response.status_code != status:
        raise RuntimeError(f"{response.request.url}: {response.status_code} {response.text[:300]}")
    return response
