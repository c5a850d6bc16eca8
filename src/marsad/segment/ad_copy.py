"""The text of an advertisement under its marker inside an article.

A site prints `إعلان` (or `Publicité`, `محتوى برعاية`) over an advertisement between two paragraphs.
Where the advertisement is an image the next line is the article again, often a sub-heading; where it
is text, the next line sells: an offer (`خصم حتى 30%`, `بأسعار تبدأ من 59 ديناراً`), a call to act
(`احجز الآن`, `اتصل الآن`, `سجّل الآن`), a business and its place parted by dashes (`صيدلية الأمل - المكلا -
مفتوحة 24 ساعة`), a telephone number. Only such a line, right under the marker, is the advertisement's:
over the development layouts no sub-heading or paragraph under a marker has these signs.
"""

from __future__ import annotations

import re
from itertools import pairwise

from marsad.segment.lines import Line
from marsad.segment.rules import Match, line_key

__all__ = ["mark_ad_copy"]

_MAX_AD_WORDS = 16
_ENDS = (".", ":", "؟", "?")
# An offer, a price, a call to act; folded as line keys are (no hamza forms, no diacritics).
_SELLING = re.compile(
    "|".join(
        line_key(phrase)
        for phrase in (
            *("احجز الآن", "اتصل الآن", "سجّل الآن", "سجل الآن", "اشترك الآن", "اطلب الآن", "تسوق الآن", "حمّل الآن"),
            *("اشترك في", "احصل على", "خصم", "عروض", "عرض خاص", "مجاناً", "مجانا", "بأسعار", "بالتقسيط"),
            *("لفترة محدودة", "نتائج مضمونة", "حوّل أموالك", "دورات في", "مخفضة", "للعملاء الجدد", "اكتشف عروض"),
        )
    )
)
# ``مؤسسة النور للعقارات - المكلا``: a business and its town parted by a spaced dash; a telephone.
_PARTED = re.compile(r"\S\s[-–—]\s\S")
_TELEPHONE = re.compile(r"\d{7,}")
_AD = Match("advertisement", False)


def _ad_copy(line: Line) -> bool:
    return (
        line.chrome is None
        and line.words <= _MAX_AD_WORDS
        and not line.text.endswith(_ENDS)
        and bool(_SELLING.search(line.key) or _PARTED.search(line.text) or _TELEPHONE.search(line.text))
    )


def mark_ad_copy(lines: list[Line]) -> None:
    """Mark the line under an advertisement's marker as the advertisement where it sells."""
    for above, line in pairwise(lines):
        chrome = above.chrome
        if chrome is not None and chrome.reason == "advertisement" and _ad_copy(line):
            line.box(_AD)
