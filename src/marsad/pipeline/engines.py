"""Shard executors: where the tasks of `marsad run` execute.

A task is a picklable callable applied to one shard; it builds and runs the
pipeline steps itself and returns a small summary. An executor only hands
tasks out and gives their results back as they finish; it never sees a record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Protocol, TypeVar

__all__ = ["ENGINES", "LocalShardExecutor", "ShardExecutor", "open_executor"]

T = TypeVar("T")
R = TypeVar("R")

ENGINES = ("local", "processes", "ray")


class ShardExecutor(Protocol):
    """Applies a task to items, `workers` at a time, yielding results in completion order."""

    workers: int

    def map_unordered(self, task: Callable[[T], R], items: Sequence[T]) -> Iterator[R]: ...

    def close(self) -> None: ...


class LocalShardExecutor:
    """One shard after another, in this process."""

    workers = 1

    def map_unordered(self, task: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
        for item in items:
            yield task(item)

    def close(self) -> None:
        pass


def open_executor(engine: str, workers: int = 1, address: str | None = None) -> ShardExecutor:
    """The executor for `engine`; `address` (a Ray cluster: `auto` or `ray://host:port`) only for ray."""
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if address is not None and engine != "ray":
        raise ValueError("--address names a Ray cluster; use it with --engine ray")
    if engine == "local":
        return LocalShardExecutor()
    if engine == "processes":
        from marsad.pipeline.processes import ProcessShardExecutor

        return ProcessShardExecutor(workers)
    if engine == "ray":
        from marsad.pipeline.ray_executor import RayShardExecutor

        return RayShardExecutor(workers, address)
    raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
