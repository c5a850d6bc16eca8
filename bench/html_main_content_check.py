"""How much of each real article `html_to_text` keeps, next to trafilatura on the same pages.

Run from the project root:  .venv/bin/python bench/html_main_content_check.py

Word-level precision/recall/F1 against each page's expected text. Recall is the
figure that matters here: chrome left in is removed later by the Arabic line
segmentation, an article word dropped here is gone. The goose3 reference holds
only the article's first sentence, so only its recall means anything; the
assabah reference lists segments that must and must not appear.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import regex
import trafilatura

from marsad.readers.html import html_to_text

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MARSAD_SHARED", ROOT / ".." / "shared"))
PAGES = SHARED / "data" / "pages"
_WORD = regex.compile(r"\w+")


def words(text: str) -> Counter[str]:
    return Counter(word.casefold() for word in _WORD.findall(text))


def scores(got: str, expected: str) -> tuple[float, float, float]:
    got_words, expected_words = words(got), words(expected)
    overlap = sum((got_words & expected_words).values())
    precision = overlap / max(1, sum(got_words.values()))
    recall = overlap / max(1, sum(expected_words.values()))
    f1 = 2 * precision * recall / (precision + recall) if overlap else 0.0
    return precision, recall, f1


def expected_texts() -> dict[str, str]:
    fundus = json.loads((PAGES / "fundus_lbcgroup.expected.json").read_text(encoding="utf-8"))["V1"]
    fundus_paragraphs = [p for section in fundus["body"]["sections"] for p in section["paragraphs"]]
    goose = json.loads((PAGES / "goose3_cnn_arabic.expected.json").read_text(encoding="utf-8"))
    return {
        "newspaper4k_cnn_arabic": (PAGES / "newspaper4k_cnn_arabic.expected.txt").read_text(encoding="utf-8"),
        "fundus_lbcgroup": "\n".join(fundus["body"]["summary"] + fundus_paragraphs),
        # goose3 stores a 149-character prefix cut mid-word; the cut word cannot match.
        "goose3_cnn_arabic": goose["expected"]["cleaned_text"].rsplit(" ", 1)[0],
    }


def assabah_segments() -> tuple[list[str], list[str]]:
    data = json.loads((PAGES / "trafilatura_assabah.expected.json").read_text(encoding="utf-8"))
    (entry,) = data.values()
    return list(entry["with"]), list(entry["without"])


def marsad_text(html: str) -> str:
    return html_to_text(html).text


def trafilatura_text(html: str) -> str:
    return trafilatura.extract(html, favor_recall=False) or ""


EXTRACTORS: dict[str, Callable[[str], str]] = {"marsad": marsad_text, "trafilatura": trafilatura_text}


def main() -> int:
    if not PAGES.is_dir():
        print(f"no pages at {PAGES}; set MARSAD_SHARED", file=sys.stderr)
        return 2
    html = {path.stem: path.read_text(encoding="utf-8") for path in sorted(PAGES.glob("*.html"))}
    expected = expected_texts()
    print(f"{'page':26} {'extractor':12} {'P':>6} {'R':>6} {'F1':>6}  note")
    for name, reference in expected.items():
        for label, extract in EXTRACTORS.items():
            precision, recall, f1 = scores(extract(html[name]), reference)
            note = "recall only (reference is the first sentence)" if name.startswith("goose3") else ""
            print(f"{name:26} {label:12} {precision:6.3f} {recall:6.3f} {f1:6.3f}  {note}")
    must, must_not = assabah_segments()
    for label, extract in EXTRACTORS.items():
        text = extract(html["trafilatura_assabah"])
        kept = sum(segment in text for segment in must)
        leaked = sum(segment in text for segment in must_not)
        print(
            f"{'trafilatura_assabah':26} {label:12} must-contain {kept}/{len(must)}, "
            f"must-not-contain present {leaked}/{len(must_not)}"
        )
    for label, extract in EXTRACTORS.items():
        rounds = 20
        start = time.perf_counter()
        for _ in range(rounds):
            for page in html.values():
                extract(page)
        elapsed = time.perf_counter() - start
        print(f"{label:12} {rounds * len(html) / elapsed:8.1f} pages/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
