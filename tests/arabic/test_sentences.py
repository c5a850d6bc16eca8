from __future__ import annotations

import pytest

from marsad.arabic.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("وصل الوفد. وبدأت المحادثات.", ["وصل الوفد.", "وبدأت المحادثات."]),
        ("هل انتهى الاجتماع؟ لا؛ ما زال مستمرا", ["هل انتهى الاجتماع؟", "لا؛", "ما زال مستمرا"]),
        ("ارتفع المؤشر 2.5 في المئة. ثم هبط.", ["ارتفع المؤشر 2.5 في المئة.", "ثم هبط."]),
        (
            "قال الوزير: «تم الاتفاق. وسنعلن التفاصيل». وغادر القاعة.",
            ["قال الوزير: «تم الاتفاق. وسنعلن التفاصيل».", "وغادر القاعة."],
        ),
        ("أضاف: “انتهينا. شكرا”. ثم صمت.", ["أضاف: “انتهينا. شكرا”.", "ثم صمت."]),
        ("سطر أول\nسطر ثان", ["سطر أول", "سطر ثان"]),
        ("  ", []),
        ("قال: «بلا إغلاق. جملة أخرى.", ["قال: «بلا إغلاق.", "جملة أخرى."]),
    ],
)
def test_split_sentences(text: str, sentences: list[str]) -> None:
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # a scraped page lost the space after the full stop
        (
            "وتتولى جهات ذات اختصاص مثل هذه القضايا.من جانبه، أوضح المستشار أن الباب مفتوح.",
            ["وتتولى جهات ذات اختصاص مثل هذه القضايا.", "من جانبه، أوضح المستشار أن الباب مفتوح."],
        ),
        (
            "تصل السرعة إلى 100 ميغابت للمنازل.وتابع العامر: “ستبدأ الخدمة قريبا”.",
            ["تصل السرعة إلى 100 ميغابت للمنازل.", "وتابع العامر: “ستبدأ الخدمة قريبا”."],
        ),
        # abbreviations keep their dots
        ("وقال المحلل في جيه.بي مورجان إن السوق هادئة.", ["وقال المحلل في جيه.بي مورجان إن السوق هادئة."]),
        ("أعلنت شركة ش.م.ع القابضة أرباحها.", ["أعلنت شركة ش.م.ع القابضة أرباحها."]),
    ],
)
def test_a_full_stop_glued_to_the_next_word_ends_a_sentence(text: str, sentences: list[str]) -> None:
    assert [text[start:end] for start, end in split_sentences(text)] == sentences
