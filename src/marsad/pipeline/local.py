"""The local executor: chains steps in one process."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from marsad.pipeline.steps import Step


class LocalExecutor:
    """Runs `steps` in order in this process; the first step is the source."""

    def __init__(self, steps: Sequence[Step]) -> None:
        if not steps:
            raise ValueError("a pipeline needs at least one step")
        self.steps = list(steps)

    def stream(self, data: Iterable[Any] = (), rank: int = 0, world_size: int = 1) -> Iterator[Any]:
        """The items that come out of the last step, lazily."""
        items: Iterable[Any] = data
        for step in self.steps:
            items = step.run(items, rank, world_size)
        return iter(items)

    def stats(self) -> dict[str, dict[str, int]]:
        return {step.name: dict(step.stats) for step in self.steps}
