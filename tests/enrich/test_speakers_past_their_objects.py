"""Speakers the development sets showed lost or wrong (issue #17): a surname NER found that reads
like a nisba, with the verb's object after it (``وواصل الشهري انتقاداته قائلا``); a foreign name
shaped like a verb in the plural (``يوهان``, ``تومسون``); a copula between a title and the name
(``هو جربا شيهو``); a name the tagger took for an organisation's after a title's place; a title
before a person standing for that person; a given and a family name standing for the full name
with the father's; an adverb after a name; who declined to be named (``رفض الكشف عن هويته``) and a
nationality after an indefinite title (``مسؤول تركي``), no name. Every sentence is written for the test."""

from __future__ import annotations

import pytest

from marsad.enrich.data import fold_entry
from marsad.enrich.ner import find_entities
from marsad.enrich.quote_speakers import is_given_name
from marsad.enrich.quotes import find_quotes

CASES = [
    pytest.param(
        [
            "انتقد المهاجم السابق خالد الشهري أداء فريقه في المباراة الأخيرة عبر حسابه في تويتر.",
            'وواصل الشهري انتقاداته قائلا: "الفريق يحتاج إلى مدرب جديد قبل بداية الموسم".',
        ],
        ["خالد الشهري"],
        id="a surname, the verb's object, then a participle",
    ),
    pytest.param(
        [
            "وصل الباحث النرويجي يوهان لارسن إلى الرياض أمس للمشاركة في المؤتمر.",
            'وقال يوهان لارسن للصحافيين: "التعاون بين الجامعتين سيستمر خمس سنوات".',
        ],
        ["يوهان لارسن"],
        id="a foreign name shaped like a plural verb is a name",
    ),
    pytest.param(
        ['وقال المشاركون يتسابقون: "نريد أن نصل قبل الغروب".'], [None], id="a plural verb is still no speaker"
    ),
    pytest.param(
        ['وقال مدير المستشفى الدكتور سلطان العتيبي: "استقبلنا المصابين في قسم الطوارئ".'],
        ["سلطان العتيبي"],
        id="a title before a name the tagger missed",
    ),
    pytest.param(
        [
            "أعلن ممتاز السعيد، وزير المالية، أن الموازنة الجديدة تتضمن زيادة في المعاشات.",
            'وقال السعيد: "لن نفرض ضرائب جديدة هذا العام".',
        ],
        ["ممتاز السعيد", "ممتاز السعيد"],
        id="a name of ordinary words that a title follows",
    ),
    pytest.param(
        [
            "ومن ناحيته، قال متحدث آخر باسم الرئاسة هو جربا شيهو، إن «الحكومة لن تتفاوض مع المسلحين».",
            "وكان الرئيس محمد بخاري قد زار المدينة.",
        ],
        ["جربا شيهو"],
        id="a pronoun joining a title to the name is no part of it",
    ),
    pytest.param(
        # ``السويد`` is Sweden to the tagger; after ``فهد`` it is a family name.
        ['بدوره أكد فهد السويد أن "المخططات السكنية القديمة لم تستفد من الخدمات".'],
        ["فهد السويد"],
        id="a given name of our list opens a name the tagger took for a place",
    ),
    pytest.param(
        [
            "وعرضت الشركات التركية خدماتها خلال اللقاء بحضور نائب رئيس مجلس إدارة غرفة جدة مازن بن محمد بترجي، "
            "ورئيس مجلس الأعمال السعودي التركي مازن رجب.",
            "وأكد نائب رئيس مجلس إدارة غرفة جدة مازن بترجي حرص قطاع الأعمال على تعزيز العلاقات، قائلا: "
            '"العلاقات بين البلدين قوية".',
        ],
        ["مازن بن محمد بترجي"],
        id="a given and a family name stand for the full name with the father's",
    ),
    pytest.param(
        [
            "وأكد الاتحاد الأوروبي في بيان اليوم التزام الاتحاد الأوروبي القوي بحل الدولتين.",
            'وأضاف أنه "يعارض بشدة بناء المستوطنات الجديدة في الضفة الغربية".',
        ],
        ["الاتحاد الأوروبي"],
        id="an adjective of strength is no part of an organisation's name",
    ),
    pytest.param(
        [
            "وصل وفد من صندوق النقد الدولي إلى القاهرة أمس.",
            'وقال صندوق النقد إن "المباحثات ستتناول برنامج الإصلاح الاقتصادي".',
        ],
        ["صندوق النقد الدولي"],
        id="a relational adjective still completes an organisation's name",
    ),
    pytest.param(
        # ``بشدة`` says how he warned; it is no word of his name.
        ['وحذر النائب أحمد رضا بوردستان بشدة من "الثقة المفرطة بالدول الكبرى بعد المفاوضات".'],
        ["أحمد رضا بوردستان"],
        id="how someone spoke is no word of the name",
    ),
    pytest.param(
        ['وقال رئيس الأبحاث لدى شركة "الأفق للاستثمار" تركي فدعق: "السوق تحتاج إلى أسابيع لتستعيد توازنها".'],
        ["تركي فدعق"],
        id="a name the tagger took for an organisation's after the title's place",
    ),
    pytest.param(
        ['وصرح مسؤول تركي رفض الكشف عن هويته "إن الغارات استهدفت مواقع التنظيم".'],
        ["مسؤول تركي"],
        id="who declined to be named: the verb ends the subject",
    ),
    pytest.param(
        ['وكان مسؤول أفغاني قال في وقت سابق إن "المحادثات ستستأنف الشهر المقبل".'],
        ["مسؤول أفغاني"],
        id="a nationality after an indefinite title describes it",
    ),
    pytest.param(
        ['وقال مستشار أبحاث في الشركة إن "النتائج مشجعة".', 'وقال مسؤول ثان إن "الشحنة ستصل غدا".'],
        ["مستشار أبحاث في الشركة", "مسؤول ثان"],
        id="a word of the language after a title is its complement",
    ),
    pytest.param(
        ['وقال رئيس الاستخبارات السابق تركي الفيصل إن "المملكة لن تتراجع".'],
        ["تركي الفيصل"],
        id="the same word opening a name after the title",
    ),
]


@pytest.mark.parametrize(("paragraphs", "speakers"), CASES)
def test_the_speaker_of_each_quote(paragraphs: list[str], speakers: list[str | None]) -> None:
    assert [q["canonical"] for q in find_quotes(paragraphs, entities=find_entities(paragraphs))] == speakers


def test_given_names_that_are_ordinary_words_are_left_to_context() -> None:
    assert is_given_name(fold_entry("فهد")) and is_given_name(fold_entry("منصور"))
    assert not is_given_name(fold_entry("أمل")) and not is_given_name(fold_entry("هدى"))


def test_a_description_ending_with_a_person_stands_for_the_person() -> None:
    paragraphs = ['وقال زميله انطون برندر إن "النهوض الاقتصادي يحتاج إلى وقت طويل".']
    quotes = find_quotes(paragraphs, entities=find_entities(paragraphs))
    assert [(q["speaker"], q["canonical"]) for q in quotes] == [("زميله انطون برندر", "انطون برندر")]
