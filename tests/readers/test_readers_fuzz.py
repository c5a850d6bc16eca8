"""Damaged files of every format: reading and extracting never raise, every problem names its file.

Each example starts from a valid file of one format (built from an article we
wrote) and damages it the way files get damaged: cut short, bytes flipped,
garbage spliced in, a run of bytes dropped. Whatever comes out, `iter_pages`
and `extract_page` report problems through `on_error` with an origin that
names the file, and every page they do return extracts without an exception.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.errors import InputError
from marsad.extraction import ExtractOptions, extract_page
from marsad.readers import iter_pages


def _valid_files(folder: Path, article: Any, builder: Any) -> dict[str, bytes]:
    lines = [
        json.dumps({"id": f"a{n}", "title": article.title, "text": "\n".join(article.paragraphs), "date": "2024-03-01"})
        for n in range(3)
    ]
    jsonl = ("\n".join(lines) + "\n").encode("utf-8")
    warc = (
        builder()
        .warcinfo()
        .response("https://news.example/a", article.html().encode("utf-8"))
        .response("https://news.example/b", article.html("windows-1256").encode("cp1256"))
        .write(folder / "built.warc.gz", gzip=True)
        .read_bytes()
    )
    wet = builder().conversion("https://news.example/c", article.text).write(folder / "built.wet", gzip=False)
    return {
        "page.txt": article.text.encode("utf-8"),
        "page.html": article.html().encode("utf-8"),
        "old.html": article.html("windows-1256").encode("cp1256"),
        "dump.jsonl": jsonl,
        "dump.jsonl.gz": gzip.compress(jsonl),
        "crawl.warc.gz": warc,
        "crawl.wet": wet.read_bytes(),
    }


_damage = st.one_of(
    st.tuples(st.just("cut"), st.floats(0.0, 1.0), st.just(b"")),
    st.tuples(st.just("flip"), st.floats(0.0, 1.0), st.binary(min_size=1, max_size=8)),
    st.tuples(st.just("splice"), st.floats(0.0, 1.0), st.binary(min_size=1, max_size=64)),
    st.tuples(st.just("drop"), st.floats(0.0, 1.0), st.binary(min_size=1, max_size=200)),
)


def _damaged(data: bytes, damages: list[tuple[str, float, bytes]]) -> bytes:
    for kind, where, extra in damages:
        at = int(where * len(data))
        if kind == "cut":
            data = data[:at]
        elif kind == "flip":
            data = data[:at] + bytes(b ^ 0xFF for b in data[at : at + len(extra)]) + data[at + len(extra) :]
        elif kind == "splice":
            data = data[:at] + extra + data[at:]
        else:
            data = data[:at] + data[at + len(extra) :]
    return data


@pytest.fixture
def valid(tmp_path: Path, article: Any, warc_builder: Any) -> dict[str, bytes]:
    return _valid_files(tmp_path, article, warc_builder)


_NAMES = ["page.txt", "page.html", "old.html", "dump.jsonl", "dump.jsonl.gz", "crawl.warc.gz", "crawl.wet"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(_NAMES), damages=st.lists(_damage, min_size=1, max_size=3))
def test_damaged_files_are_reported_by_name_and_never_raise(
    tmp_path_factory: pytest.TempPathFactory, valid: dict[str, bytes], name: str, damages: list[Any]
) -> None:
    folder = tmp_path_factory.mktemp("damaged")
    path = folder / name
    path.write_bytes(_damaged(valid[name], damages))
    # A good file beside it is read whatever happens to the damaged one.
    good = folder / "good.txt"
    good.write_bytes(valid["page.txt"])
    errors: list[InputError] = []
    pages = list(iter_pages([str(path), str(good)], on_error=errors.append))
    assert all(error.origin.startswith(str(path)) for error in errors), [(e.origin, e.message) for e in errors]
    assert any(page.origin == str(good) for page in pages)
    for page in pages:
        for record in extract_page(page, ExtractOptions(enrich=True)):
            assert isinstance(record.body, list)
