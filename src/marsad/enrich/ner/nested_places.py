"""Places named inside an organisation's or a facility's name.

`بلدية جدة`, `بنك الإمارات دبي الوطني`, `جامعة بريستول`, `روسيا اليوم`: the organisation is one
entity, and the article also mentions the place its name carries. A reader looking for what
an article says about Dubai wants that article too, and the annotation of places counts
them (`evaluation.news_entities`). The tags stay one layer; the place is added as a second
span inside the organisation's, where the article or the shipped lists know it as a place.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from marsad.arabic.clitics import name_proclitics
from marsad.arabic.normalize import fold_word
from marsad.enrich.ner.adjective_places import ADJECTIVE_COUNTRIES, describes
from marsad.enrich.ner.facility_phrases import FACILITY_HEADS, LANDFORM_HEADS
from marsad.enrich.ner.spans import Span
from marsad.enrich.ner.tokens import tokenize

_LONGEST_PLACE = 3  # words
# Bodies of a town or a region: what follows the head (and `منطقة`, `محافظة`) is the place
# (`بلدية المعابدة`, `أمانة جدة`, `شرطة منطقة القصيم`, `بلدية محافظة القطيف`).
_OF_A_PLACE = frozenset(fold_word(w) for w in ("بلدية", "أمانة", "شرطة", "إمارة"))
_TRUST = fold_word("أمانة")
_AREA_WORDS = frozenset(fold_word(w) for w in ("منطقة", "محافظة", "مدينة"))
_NOT_A_PLACE = frozenset(
    fold_word(w)
    for w in (
        "المحافظة", "المنطقة", "المدينة", "العاصمة", "الدولة", "المملكة", "العامة", "الإمارات", "البلدة", "القرية",
        "الحي", "مكافحة", "المرور", "النجدة", "الآداب", "السياحة",  # a town in general, or what a police does
    )
)  # fmt: skip


def _place_governed(run: Sequence[tuple[str, int, int]]) -> tuple[int, int] | None:
    """Where the place a town's or a region's body is named after stands in its name (token range)."""
    words = [fold_word(token) for token, _, _ in run]
    if len(words) < 2 or words[0] not in _OF_A_PLACE:
        return None
    at = 2 if words[1] in _AREA_WORDS and len(words) > 2 else 1
    place = words[at:]
    if not 1 <= len(place) <= _LONGEST_PLACE or place[0] in _NOT_A_PLACE or not all(w.isalpha() for w in place):
        return None
    if place[0][:1] == "ل" and not place[0].startswith("ال"):
        return None  # ``شرطة لتحريات ...``: a purpose, not a place
    if words[0] == _TRUST and place[0].startswith("ال"):
        return None  # ``أمانة المسؤولية`` is a trust, not a city's secretariat (``أمانة جدة``)
    return at, len(words)


def places_inside_organisations(
    spans: Sequence[Span], names: Mapping[tuple[str, ...], str], key: Callable[[str], str]
) -> list[Span]:
    """A LOC span for every place inside an ORG span (`names`: name keys to types, as the
    article's passes know them): `مانشستر يونايتد`, `جامعة بريستول`, `مصر للطيران`; and inside a
    facility's or a landform's LOC span, its place or body (`مطار دبي الدولي`, `ملعب الأهلي`, `نهر الأردن`)."""
    canonical = {fold_word(span["text"]): span["canonical"] for span in spans if span["type"] in ("LOC", "ORG")}
    found: list[Span] = []
    for span in spans:
        run = tokenize(span["text"])
        keys = [key(token) for token, _, _ in run]
        # a facility is a place whose name may hold another (`مطار دبي الدولي`): past its head word
        facility = (
            span["type"] == "LOC"
            and len(run) > 1
            and (keys[0] in FACILITY_HEADS or fold_word(run[0][0]) in LANDFORM_HEADS)
        )
        if span["type"] != "ORG" and not facility:
            continue
        governed = None if facility else _place_governed(run)
        # (a facility's name may hold a body's too: `صالة نادي الشارقة`, `ملعب الأهلي`)
        inner = ("LOC", "ORG") if facility else ("LOC",)
        at = 1 if facility else 0
        while at < len(run):
            sizes = range(min(_LONGEST_PLACE, len(run) - at), 0, -1)
            size = next((n for n in sizes if names.get(tuple(keys[at : at + n])) in inner), 0)
            kind = names.get(tuple(keys[at : at + size]), "LOC") if size else "LOC"
            if not size and governed is not None and at == governed[0]:
                size = governed[1] - governed[0]
            if size == 1 and keys[at] in ADJECTIVE_COUNTRIES and describes(keys, at):
                size = 0  # ``الشركة السعودية للكهرباء``: the company's adjective, no place
            if not size:
                at += 1
                continue
            token, start, _ = run[at]
            start += len(name_proclitics(token))
            end = run[at + size - 1][2]
            text = span["text"][start:end]
            found.append(
                {
                    "text": text,
                    "type": kind,
                    "canonical": canonical.get(fold_word(text), text),
                    "paragraph": span["paragraph"],
                    "start": span["start"] + start,
                    "end": span["start"] + end,
                }
            )
            at += size
    return found
