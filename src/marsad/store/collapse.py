"""A story published many times, listed once: ranked results collapsed by near-duplicate cluster."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


def one_per_story(
    ranked: Iterable[T], story: Callable[[T], str | None], limit: int | None = None
) -> tuple[list[T], list[int]]:
    """`ranked` with each story kept at its first (best-ranked) item, at most `limit` kept,
    and for each kept item how many later items of its story it stands for. An item with
    no story is a story of its own."""
    kept: list[T] = []
    copies: list[int] = []
    position: dict[str, int] = {}
    for item in ranked:
        cluster = story(item)
        if cluster is not None and cluster in position:
            copies[position[cluster]] += 1
        elif limit is None or len(kept) < limit:
            if cluster is not None:
                position[cluster] = len(kept)
            kept.append(item)
            copies.append(0)
    return kept, copies
