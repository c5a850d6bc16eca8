"""Words that open people's names: the first words of the persons in the tagger's training data,
as its gazetteer ships them (`marsad/models/ner/gazetteer.tsv`, folded). Read by the quote
speakers and by the title finder (an author's name alone is no headline) without importing the
tagger: extraction alone loads no enrichment code."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

__all__ = ["given_names"]


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    path = resources.files("marsad") / "models" / "ner" / "gazetteer.tsv"
    if not path.is_file():
        return frozenset()
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
    return frozenset(row[0] for row in rows if len(row) > 1 and row[1].strip() == "B-PER")
