"""Build the gold leftovers of the SaudiNewsNet sample (a maintainer tool).

SaudiNewsNet bodies are mostly clean article text, but each outlet left its
own debris in them: WAS sign-offs and time stamps, SMS-subscription promos,
`...المزيد` and "news link" lines, share-widget text glued to the first line,
tag lists and "other articles by the writer" lists glued to the last one,
photo captions, bylines and datelines standing alone. The extraction
evaluation needs to know, for each sampled article, which lines (or glued
spans of a line) are that debris.

This module makes the first pass with rules written from reading many
articles of every outlet, then applies the manual corrections made after
reviewing by eye every flagged line, every short unflagged line and the first
and last body line of every article of the sample. Datelines glued to the
first sentence (`سبق- جدة:`, `واس- الرياض:`) stay body: they are the
article's own text. The result is stored by url, content sha1 and line index
in `data/extraction_saudinewsnet.json`; no text of the corpus is stored.

Run: ``python -m marsad.evaluation.annotate_saudinewsnet [--review]``.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import regex

from marsad.evaluation.wordscore import line_key

SAMPLE_SEED = 2015
PER_SOURCE = 30
GOLD_PATH = Path(__file__).with_name("data") / "extraction_saudinewsnet.json"

_W = r"[\p{L}\p{M}]"
_DASH = r"\s*[-–ـ]\s*"
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"

# Whole-line leftovers: (reason, pattern). Patterns match the stripped line.
LINE_RULES: list[tuple[str, regex.Pattern[str]]] = [
    (reason, regex.compile(pattern, regex.IGNORECASE))
    for reason, pattern in [
        ("sign_off", r"^/+\s*(?:انتهى|يتبع)\s*/+$"),
        ("date_line", r"^\d{1,2}:\d{2}\s*ت\s*م$"),
        # WAS header: place, hijri date, "الموافق", gregorian date, agency.
        ("date_line", rf"^{_W}+(?:\s{_W}+){{0,3}}\s*\d{{1,2}}\s+{_W}+\s+14\d\d\s*هـ.*الموافق.*واس$"),
        ("date_line", r"^(?:السبت|الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة)\s+\d{1,2}\s+\S+\s+14\d\d$"),
        ("read_more", r"^\.{2,}\s*المزيد$"),
        ("read_more", r"^رابط الخبر بصحيفة الوئام"),
        ("related_articles", r"^مقالات أخرى للكاتب"),
        ("sms_promo", r"للتواصل مع الكاتب ارسل رسالة\s*SMS"),
        ("sms_promo", r"^للتواصل\s+أرسل\s+(?:رسالة نصية\s+)?sms"),
        ("sms_promo", r"^\d{5,6}\s*-\s*(?:stc|mobily|zain)$"),
        ("sms_promo", r"^ثم الرسالة$"),
        ("sms_promo", r"^تبدأ بالرمز\s*\(?\d+\)?\s*ثم مسافة"),
        ("sms_promo", r"^زين تبدأ بالرمز"),
        ("sms_promo", r"^الاتصالات\s*[,،]\s*\d+\s*موبايلي"),
        ("byline", rf"^(?:(?:تويتر|إيميل|ايميل|للتواصل|البريد الإلكتروني)\s*:?\s*)?{_EMAIL}\.?$"),
        ("byline", r"^لمراسلة الكاتب"),
        ("byline", r"^تويتر\s*:?\s*@?\w+@?$"),
        ("byline", r"^@\w+$"),
        ("byline", r"^\*?\s*(?:خدمة|بالاتفاق مع)\s*«[^»]+»$"),
        ("byline", r"^خاص\s*بـ?\s*«الشرق الأوسط»$"),
        ("byline", r"^\*\s*وحدة التقارير الاقتصادية$"),
        ("byline", rf"^.{{0,40}}{_DASH}عين اليوم$"),
        ("byline", rf"^عين اليوم{_DASH}{_W}+(?:\s{_W}+)?$"),
        ("byline", rf"^(?:الرياضي|الرياضية){_DASH}{_W}+(?:\s{_W}+)?$"),
        ("byline", rf"^{_W}+(?:\s{_W}+)?{_DASH}(?:الرياضي|الرياضية)$"),
        ("byline", r"^إعداد\s*:.*تصوير\s*:"),
        ("byline", rf"^(?:كتب|حوار){_DASH}{_W}+(?:\s{_W}+){{0,3}}:?$"),
        ("photo_caption", r"^\(?\s*تصوير\s*:\s*[^)]{0,40}\)?$"),
        ("photo_caption", r"^!\[image[^\]]*\]\([^)]*\)?$"),
        ("comment_form", r"^تعليقات\s*\(\s*\d*\s*\)$"),
        ("navigation", r"^Next Previous\b"),
        ("short_fragment", r"^[^\p{L}\p{N}]+$"),
    ]
]

# Leftovers glued to real text on the same line: (reason, pattern of the
# glued part, anchored at the start or the end of the line).
GLUED_RULES: list[tuple[str, regex.Pattern[str]]] = [
    ("share_widget", regex.compile(r"^شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك\s*")),
    ("navigation", regex.compile(r"^Next Previous\s*")),
    ("read_more", regex.compile(r"\s*رابط الخبر بصحيفة الوئام\s*:.*$")),
    ("related_articles", regex.compile(r"\s*مقالات أخرى للكاتب.*$")),
]

# Ain Alyoum ends articles with its tag list, "سمات" then the tags, often
# glued after the last sentence. "سمات" is also a plain word ("features"),
# so only the last line counts, and only after a sentence ends.
_TAGS_LINE = regex.compile(r"^سمات\s")
_TAGS_GLUED = regex.compile(r"(?<=[.!؟?\"”»)])\s*سمات\s[^.،؟!]{2,150}$")
# On Ain Alyoum itself the list is glued even where no sentence ended.
_TAGS_GLUED_3ALYOUM = regex.compile(r"\s+سمات\s[^.،؟!]{2,150}$")

# A name and a place standing alone at the top or bottom of an article
# ("سعد الفلاني - جدة"): a byline. Only at the edges, because inside an
# article such lines are fixtures or match results.
_EDGE_BYLINE = regex.compile(rf"^{_W}+(?:\s{_W}+){{0,3}}{_DASH}{_W}+(?:\s{_W}+)?\.?$")
# A columnist's title alone as the last line ("* استشاري طب الأطفال").
_LAST_BIO = regex.compile(r"^[-*]\s*\D{3,120}$")

# Manual corrections after reviewing the sample by eye, keyed by the first ten
# hex digits of the content sha1: line index -> reason (None drops a rule's
# flag). Kickers and subheads of sports pages stay body: they are the
# outlet's own text, not debris.
MANUAL: dict[str, dict[int, str | None]] = {
    # a series' other episodes listed under the article
    "bc16439650": {i: "related_articles" for i in range(50, 58)},
    # photo captions left as lines
    "4ef76aef92": {0: "photo_caption"},
    "a673b8c4fe": {0: "photo_caption"},
    "dfab6de59d": {i: "photo_caption" for i in range(7, 13)},
    "6a7da60f2a": {16: "photo_caption", 17: "photo_caption"},
    "bfc1a9e38d": {0: "photo_caption"},
    "aeedf20f81": {2: "photo_caption", 3: "photo_caption"},
    # writers' names and pen names standing alone
    "c1cd5c4f17": {7: "byline"},
    "45e163313b": {8: "byline"},
    "7657504bc6": {4: "byline"},
    "bf98d09593": {0: "byline"},
    "94625dc9ea": {0: "byline"},
    "7222e76cd4": {0: "byline"},
    "138437d401": {0: "byline"},
    "b90a7ce4e8": {0: "byline"},
    "d11afb6ac0": {0: "byline"},
}


# Photo captions glued to the first paragraph without even a space (Al-Jazirah):
# sha1 prefix -> line index -> [start, end, reason] of the caption.
MANUAL_TRIMS: dict[str, dict[int, list[Any]]] = {
    "d8c19fc408": {0: [0, 27, "photo_caption"]},
    "b00b3d6967": {0: [0, 24, "photo_caption"]},
    "6a23ce1d90": {0: [0, 64, "photo_caption"]},
}


def content_lines(content: str) -> list[str]:
    """The lines the gold indexes count: non-empty, stripped, in order."""
    return [line.strip() for line in content.split("\n") if line.strip()]


def content_sha1(content: str) -> str:
    return hashlib.sha1(content.encode("utf-8")).hexdigest()


def classify_line(line: str, index: int, count: int, title: str) -> str | None:
    """The rule-based leftover reason of one whole line, or None for body text."""
    for reason, pattern in LINE_RULES:
        if pattern.search(line):
            if reason == "navigation" and _remainder_is_text(line):
                return None
            return reason
    if title and line_key(line) == line_key(title):
        return "duplicate_title"
    if index == count - 1 and _TAGS_LINE.match(line):
        return "tags"
    edge = index <= 1 or index == count - 1
    if edge and len(line.split()) <= 6 and _EDGE_BYLINE.match(line):
        return "byline"
    if index == count - 1 and count > 2 and len(line.split()) <= 12 and _LAST_BIO.match(line):
        return "byline"
    return None


def _remainder_is_text(line: str) -> bool:
    rest = GLUED_RULES[1][1].sub("", line)
    return len(rest.split()) > 8


def glued_leftover(line: str, last: bool = False, source: str = "") -> tuple[int, int, str] | None:
    """Character span and reason of chrome glued to real text, if any."""
    tags = _TAGS_GLUED_3ALYOUM if source == "3alyoum" else _TAGS_GLUED
    rules = [*GLUED_RULES, ("tags", tags)] if last else GLUED_RULES
    for reason, pattern in rules:
        match = pattern.search(line)
        if match and len((line[: match.start()] + line[match.end() :]).split()) > 8:
            return match.start(), match.end(), reason
    return None


def annotate(article: dict[str, Any]) -> dict[str, Any]:
    lines = content_lines(article["content"])
    sha1 = content_sha1(article["content"])
    leftovers: dict[str, str] = {}
    trims: dict[str, list[Any]] = {}
    for index, line in enumerate(lines):
        reason = classify_line(line, index, len(lines), article.get("title") or "")
        if reason:
            leftovers[str(index)] = reason
            continue
        glued = glued_leftover(line, last=index == len(lines) - 1, source=article["source"])
        if glued:
            trims[str(index)] = list(glued)
    for index, manual_reason in MANUAL.get(sha1[:10], {}).items():
        if manual_reason is None:
            leftovers.pop(str(index), None)
        else:
            leftovers[str(index)] = manual_reason
    for index, trim in MANUAL_TRIMS.get(sha1[:10], {}).items():
        trims[str(index)] = trim
    return {
        "source": article["source"],
        "url": article["url"],
        "sha1": sha1,
        "lines": len(lines),
        "leftovers": dict(sorted(leftovers.items(), key=lambda item: int(item[0]))),
        "trims": trims,
    }


def read_corpus(path: Path) -> Iterator[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def sample(articles: list[dict[str, Any]], per_source: int = PER_SOURCE) -> list[dict[str, Any]]:
    """A fixed sample stratified by outlet, so that every outlet's debris is seen."""
    by_source: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for article in articles:
        if content_lines(article.get("content") or ""):
            by_source[article["source"]].append(article)
    rng = random.Random(SAMPLE_SEED)
    chosen: list[dict[str, Any]] = []
    for source in sorted(by_source):
        pool = by_source[source]
        chosen.extend(rng.sample(pool, min(per_source, len(pool))))
    return chosen


def _review(articles: list[dict[str, Any]], gold: list[dict[str, Any]]) -> None:
    """Print what a reviewer must look at: every flagged line, and every short
    line left in the body, with its article's sha1 and index."""
    for article, entry in zip(articles, gold, strict=True):
        lines = content_lines(article["content"])
        for index, line in enumerate(lines):
            reason = entry["leftovers"].get(str(index)) or (entry["trims"].get(str(index)) or [""])[-1]
            if reason or len(line.split()) <= 10:
                mark = reason or "-"
                print(
                    f"{entry['sha1'][:10]} {article['source']:<12} {index:>3}/{len(lines):<3} {mark:<15} {line[:110]}"
                )


def main() -> None:
    from marsad.shared_data import shared_dir

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--review", action="store_true", help="print lines to review instead of writing")
    args = parser.parse_args()
    articles = sample(list(read_corpus(shared_dir() / "data" / "news" / "saudinewsnet.jsonl.gz")))
    gold = [annotate(article) for article in articles]
    if args.review:
        _review(articles, gold)
        return
    counts: Counter[tuple[str, str]] = Counter()
    for entry in gold:
        for reason in entry["leftovers"].values():
            counts[entry["source"], reason] += 1
        for *_, reason in entry["trims"].values():
            counts[entry["source"], reason] += 1
    payload = {
        "about": "Leftover lines of a SaudiNewsNet sample: indexes into the article's non-empty stripped "
        "lines (content.split('\\n')); trims are [start, end, reason]: a character span of chrome glued "
        "to body text on that line.",
        "seed": SAMPLE_SEED,
        "per_source": PER_SOURCE,
        "articles": gold,
    }
    GOLD_PATH.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for (source, reason), count in sorted(counts.items()):
        print(f"{source:<12} {reason:<16} {count}")


if __name__ == "__main__":
    main()
