"""Text that breaks the rules gives no value, never an exception, and offsets always hold."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.enrich.dates import find_dates
from marsad.enrich.quantities import find_quantities
from marsad.enrich.quotes import find_quotes

_PIECES = [
    "قال",
    "وأضاف",
    "مؤكدا",
    "إن",
    "أن",
    ":",
    "،",
    ".",
    "؟",
    "“",
    "”",
    "«",
    "»",
    '"',
    "″",
    "(",
    ")",
    "/",
    "-",
    "ـ",
    "ً",
    "يناير",
    "كانون الأول",
    "شوال",
    "هـ",
    "م",
    "عام",
    "منذ",
    "أمس",
    "مساء",
    "الإثنين",
    "المقبل",
    "الماضي",
    "ألف",
    "مليون",
    "ونصف",
    "ربع",
    "خمسة",
    "عشر",
    "دولار",
    "في المئة",
    "%",
    "٪",
    "الرئيس",
    "الأمريكي",
    "بايدن",
    "البيان",
    "31",
    "٢٠٢١",
    "99999",
    "0",
    "1436",
    "2.5",
    "٣٬٠٠٠",
    "٫",
    "فبراير",
    "رقم",
    "المادة",
    " ",
    "\n",
    "بـ",
    "و",
    "ال",
]

arabicish = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=40).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(arabicish, min_size=1, max_size=3), st.sampled_from([None, "2021-07-27", "not a date"]))
def test_random_text_never_raises_and_offsets_hold(paragraphs: list[str], published: str | None) -> None:
    spans = [
        *find_dates(paragraphs, published),
        *find_quantities(paragraphs),
        *find_quotes(paragraphs, title=paragraphs[0], names=["جو بايدن", ""]),
    ]
    for span in spans:
        paragraph = paragraphs[span["paragraph"]]
        assert 0 <= span["start"] <= span["end"] <= len(paragraph)
        assert paragraph[span["start"] : span["end"]] == span["text"]
    for date in spans:
        if "kind" in date and date["value"] is not None:
            assert len(date["value"]) in {4, 7, 10}


def test_impossible_dates_give_nothing() -> None:
    assert find_dates(["حدث ذلك في 31 فبراير 2021 و30/02/2020 وعام 99999"], "2021-07-27") == []
