"""The `ray` engine: each shard is a Ray task.

With an address (`auto` for the cluster this machine belongs to, or
`ray://head:10001`) tasks go to that cluster, whose nodes must see the input
and output paths (a shared file system) and have marsad installed. Without
one, a local Ray runtime with `workers` CPUs is started for the run and shut
down after it. Usage statistics and the dashboard are off: a run must not
talk to the network or open ports it does not need.

Ray is imported only here, and only when this engine is chosen.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from marsad.errors import MarsadError

T = TypeVar("T")
R = TypeVar("R")

RAY_INSTALL = "pip install 'marsad[ray]'"
# Environment variables a Ray worker needs as the driver has them (the entity tagger a run chose).
_PASSED_VARIABLES = ("MARSAD_NER",)


def _apply(task: Callable[[Any], Any], item: Any) -> Any:
    return task(item)


class RayShardExecutor:
    def __init__(self, workers: int, address: str | None = None) -> None:
        self.workers = workers
        self.address = address
        self._ray: Any = None
        self._started_here = False

    def _start(self) -> Any:
        if self._ray is not None:
            return self._ray
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
        try:
            import ray
        except ImportError:
            raise MarsadError(f"the ray engine needs Ray: {RAY_INSTALL}") from None
        if not ray.is_initialized():
            # Settings read where the workers load their models (the tagger a run chose).
            passed = {name: os.environ[name] for name in _PASSED_VARIABLES if name in os.environ}
            runtime_env = {"env_vars": passed} if passed else None
            if self.address is None:
                # "local" always starts a fresh runtime, never joins one started with `ray start`.
                ray.init(
                    address="local",
                    num_cpus=self.workers,
                    include_dashboard=False,
                    log_to_driver=False,
                    configure_logging=False,
                    runtime_env=runtime_env,
                )
            else:
                # A running cluster keeps its own settings; a Ray Client forwards any others to it.
                ray.init(address=self.address, runtime_env=runtime_env)
            self._started_here = True
        self._ray = ray
        return ray

    def map_unordered(self, task: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
        ray = self._start()
        remote = ray.remote(num_cpus=1, max_retries=1)(_apply)
        task_ref = ray.put(task)
        queue = iter(items)
        pending: list[Any] = []
        # At most `workers` tasks in flight, also on a bigger cluster: --workers is the user's budget.
        for item in queue:
            pending.append(remote.remote(task_ref, item))
            if len(pending) >= self.workers:
                break
        while pending:
            done, pending = ray.wait(pending, num_returns=1)
            for ref in done:
                yield ray.get(ref)
                next_item = next(queue, None)
                if next_item is not None:
                    pending.append(remote.remote(task_ref, next_item))

    def close(self) -> None:
        if self._ray is not None and self._started_here:
            self._ray.shutdown()
        self._ray = None
        self._started_here = False
