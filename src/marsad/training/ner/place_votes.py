"""How often our own tagger calls a word (or two) a place in the news: the check a world
town name must pass before it marks untagged words.

The tagger learned its places from 2003 news and misses today's towns again and again:
over the two news collections it tags `الدمام` a place in 331 of its 1,063 uses and leaves
it untagged in 711 (`من الرياض إلى الدمام`, `في جدة أو الدمام`). A list of the world's
towns (`enrich.ner.world_towns`) knows the name, but such a list also holds towns
called `الأبيض`, `خفي` or `الفين`, ordinary Arabic words. What tells them apart is how the
news uses the word, and the tagger says that: a town's name is tagged a place, alone,
in a fair share of its uses (`MIN_SHARE`), at least `MIN_PLACE` times, and mostly as a
place when it is tagged at all. The names that pass are listed with their counts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from marsad.enrich.ner.conll import entities
from marsad.training.ner.silver import Tagger, tagged

MAX_WORDS = 2
MIN_PLACE = 2
MIN_SHARE = 0.1
MIN_PLACE_OF_NAMED = 0.5


class PlaceVotes:
    """Per name key of one or two words: uses tagged a place (the whole span), uses tagged
    any name (the whole span), and uses left untagged (every word `O`)."""

    def __init__(self) -> None:
        self.place: Counter[tuple[str, ...]] = Counter()
        self.named: Counter[tuple[str, ...]] = Counter()
        self.untagged: Counter[tuple[str, ...]] = Counter()

    def add(self, keys: list[str], tags: list[str]) -> None:
        for kind, start, end in entities(tags):
            if end - start <= MAX_WORDS:
                name = tuple(keys[start:end])
                self.named[name] += 1
                if kind == "LOC":
                    self.place[name] += 1
        for i, tag in enumerate(tags):
            if tag != "O":
                continue
            self.untagged[(keys[i],)] += 1
            if i + 1 < len(tags) and tags[i + 1] == "O":
                self.untagged[(keys[i], keys[i + 1])] += 1

    def total(self, name: tuple[str, ...]) -> int:
        return self.named[name] + self.untagged[name]

    def places(self) -> list[tuple[tuple[str, ...], int, int, int]]:
        """(name, place uses, named uses, all uses) of the names that pass, sorted."""
        rows = []
        for name, place in self.place.items():
            total = self.total(name)
            if place >= MIN_PLACE and place >= MIN_SHARE * total and place >= MIN_PLACE_OF_NAMED * self.named[name]:
                rows.append((name, place, self.named[name], total))
        return sorted(rows)


def place_votes(
    sentences: Iterable[list[str]], tagger: Tagger, key: Callable[[str], str], batch: int = 2000
) -> PlaceVotes:
    votes = PlaceVotes()
    for tokens, tags in tagged(sentences, tagger, batch):
        votes.add([key(token) for token in tokens], tags)
    return votes


def write_place_votes(votes: PlaceVotes, path: Path) -> int:
    rows = votes.places()
    header = (
        "# name key\tuses tagged a place\tuses tagged a name\tall uses — written by `marsad train ner-place-votes`"
        " (the shipped tagger over the news); a world town's name marks untagged words only if listed here\n"
    )
    lines = "".join(f"{' '.join(name)}\t{place}\t{named}\t{total}\n" for name, place, named, total in rows)
    path.write_text(header + lines, encoding="utf-8")
    return len(rows)
