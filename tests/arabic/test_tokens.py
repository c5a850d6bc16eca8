from __future__ import annotations

import pytest

from marsad.arabic.tokens import FoldedText, fold_same_length, split_proclitics, tokenize


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("وصل الوفد أمس.", ["وصل", "الوفد", "أمس", "."]),
        ("دفعت ٣٬٥٠٠ ريال و2.5 مليون", ["دفعت", "٣٬٥٠٠", "ريال", "و", "2.5", "مليون"]),
        ("في 2019/02/08، قال: «نعم»", ["في", "2019/02/08", "،", "قال", ":", "«", "نعم", "»"]),
        ("هل انتهى؟ نعم؛ انتهى", ["هل", "انتهى", "؟", "نعم", "؛", "انتهى"]),
        ("", []),
    ],
)
def test_tokenize(text: str, tokens: list[str]) -> None:
    found = tokenize(text)
    assert [t for t, _, _ in found] == tokens
    assert all(text[s:e] == t for t, s, e in found)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("أعلن إبراهيم آخر", "اعلن ابراهيم اخر"),
        ("مدرسة على", "مدرسه علي"),
        ("٢٠٢٠ و۱۴", "2020 و14"),
        ("٢٫٥٪", "2.5%"),
    ],
)
def test_fold_same_length(text: str, folded: str) -> None:
    assert fold_same_length(text) == folded
    assert len(fold_same_length(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("زرنا المدينةَ غداً صباحاً", "غدا"),
        ("كتبَ الطالبُ الدرسَ", "الطالب"),
        ("مـــرحبا بالضيوف", "بالضيوف"),
        ("قال: ‏«حسناً»", "حسنا"),
    ],
)
def test_folded_spans_map_back_to_the_original(text: str, word: str) -> None:
    folded = FoldedText.of(text)
    start = folded.text.index(word)
    s, e = folded.span(start, start + len(word))
    assert FoldedText.of(text[s:e]).text == word
    assert not text[s:e].startswith(" ") and not text[s:e].endswith(" ")


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("والقوات", ["و", "ال", "قوات"]),
        ("فالمدينة", ["ف", "ال", "مدينة"]),
        ("للطلاب", ["لل", "طلاب"]),
        ("وسيقول", ["و", "س", "يقول"]),
        ("كالبرق", ["ك", "ال", "برق"]),
        ("ولد", ["ولد"]),
        ("من", ["من"]),
    ],
)
def test_split_proclitics(word: str, parts: list[str]) -> None:
    assert split_proclitics(word) == parts
    assert "".join(parts) == word
