"""Speakers the development sets showed lost or wrong (issue #17): a surname NER found that reads
like a nisba, with the verb's object after it (``وواصل الشهري انتقاداته قائلا``); a foreign name
shaped like a verb in the plural (``يوهان``, ``تومسون``); a copula between a title and the name
(``هو جربا شيهو``); a name the tagger took for an organisation's after a title's place; a title
before a person standing for that person; a given and a family name standing for the full name
with the father's; an adverb after a name. Every sentence is written for the test."""

from __future__ import annotations

from marsad.enrich.ner import find_entities
from marsad.enrich.quotes import find_quotes


def _speakers(paragraphs: list[str]) -> list[str | None]:
    return [q["canonical"] for q in find_quotes(paragraphs, entities=find_entities(paragraphs))]


def test_a_surname_then_the_verbs_object_then_a_participle() -> None:
    paragraphs = [
        "انتقد المهاجم السابق خالد الشهري أداء فريقه في المباراة الأخيرة عبر حسابه في تويتر.",
        'وواصل الشهري انتقاداته قائلا: "الفريق يحتاج إلى مدرب جديد قبل بداية الموسم".',
    ]
    assert _speakers(paragraphs) == ["خالد الشهري"]


def test_a_foreign_name_shaped_like_a_plural_verb_is_a_name() -> None:
    paragraphs = [
        "وصل الباحث النرويجي يوهان لارسن إلى الرياض أمس للمشاركة في المؤتمر.",
        'وقال يوهان لارسن للصحافيين: "التعاون بين الجامعتين سيستمر خمس سنوات".',
    ]
    assert _speakers(paragraphs) == ["يوهان لارسن"]


def test_a_verb_in_the_plural_is_still_no_speaker() -> None:
    paragraphs = ['وقال المشاركون يتسابقون: "نريد أن نصل قبل الغروب".']
    assert _speakers(paragraphs) == [None]


def test_a_title_before_a_name_the_tagger_missed_still_names_it() -> None:
    paragraphs = ['وقال مدير المستشفى الدكتور سلطان العتيبي: "استقبلنا المصابين في قسم الطوارئ".']
    assert _speakers(paragraphs) == ["سلطان العتيبي"]


def test_a_name_of_ordinary_words_that_a_title_follows_is_still_a_name() -> None:
    paragraphs = [
        "أعلن ممتاز السعيد، وزير المالية، أن الموازنة الجديدة تتضمن زيادة في المعاشات.",
        'وقال السعيد: "لن نفرض ضرائب جديدة هذا العام".',
    ]
    assert _speakers(paragraphs) == ["ممتاز السعيد", "ممتاز السعيد"]


def test_a_pronoun_joining_a_title_to_the_name_is_no_part_of_it() -> None:
    paragraphs = [
        "ومن ناحيته، قال متحدث آخر باسم الرئاسة هو جربا شيهو، إن «الحكومة لن تتفاوض مع المسلحين».",
        "وكان الرئيس محمد بخاري قد زار المدينة.",
    ]
    assert _speakers(paragraphs) == ["جربا شيهو"]


def test_a_given_name_of_our_list_opens_a_name_the_tagger_took_for_a_place() -> None:
    # ``السويد`` is Sweden to the tagger; after ``فهد`` it is a family name.
    paragraphs = ['بدوره أكد فهد السويد أن "المخططات السكنية القديمة لم تستفد من الخدمات".']
    assert _speakers(paragraphs) == ["فهد السويد"]


def test_given_names_that_are_ordinary_words_are_left_to_context() -> None:
    from marsad.enrich.data import fold_entry
    from marsad.enrich.quote_speakers import is_given_name

    assert is_given_name(fold_entry("فهد")) and is_given_name(fold_entry("منصور"))
    assert not is_given_name(fold_entry("أمل")) and not is_given_name(fold_entry("هدى"))


def test_a_given_and_family_name_stand_for_the_full_name_with_the_fathers() -> None:
    paragraphs = [
        "وعرضت الشركات التركية خدماتها خلال اللقاء بحضور نائب رئيس مجلس إدارة غرفة جدة مازن بن محمد بترجي، "
        "ورئيس مجلس الأعمال السعودي التركي مازن رجب.",
        "وأكد نائب رئيس مجلس إدارة غرفة جدة مازن بترجي حرص قطاع الأعمال على تعزيز العلاقات، قائلا: "
        '"العلاقات بين البلدين قوية".',
    ]
    assert _speakers(paragraphs) == ["مازن بن محمد بترجي"]


def test_an_adjective_of_strength_is_no_part_of_an_organisations_name() -> None:
    paragraphs = [
        "وأكد الاتحاد الأوروبي في بيان اليوم التزام الاتحاد الأوروبي القوي بحل الدولتين.",
        'وأضاف أنه "يعارض بشدة بناء المستوطنات الجديدة في الضفة الغربية".',
    ]
    assert _speakers(paragraphs) == ["الاتحاد الأوروبي"]


def test_a_relational_adjective_still_completes_an_organisations_name() -> None:
    paragraphs = [
        "وصل وفد من صندوق النقد الدولي إلى القاهرة أمس.",
        'وقال صندوق النقد إن "المباحثات ستتناول برنامج الإصلاح الاقتصادي".',
    ]
    assert _speakers(paragraphs) == ["صندوق النقد الدولي"]


def test_how_someone_spoke_is_no_word_of_the_name() -> None:
    # ``بشدة`` says how he warned; it is no word of his name.
    paragraphs = ['وحذر النائب أحمد رضا بوردستان بشدة من "الثقة المفرطة بالدول الكبرى بعد المفاوضات".']
    assert _speakers(paragraphs) == ["أحمد رضا بوردستان"]


def test_a_name_the_tagger_took_for_an_organisations_after_the_titles_place() -> None:
    paragraphs = ['وقال رئيس الأبحاث لدى شركة "الأفق للاستثمار" تركي فدعق: "السوق تحتاج إلى أسابيع لتستعيد توازنها".']
    assert _speakers(paragraphs) == ["تركي فدعق"]


def test_a_description_ending_with_a_person_stands_for_the_person() -> None:
    paragraphs = ['وقال زميله انطون برندر إن "النهوض الاقتصادي يحتاج إلى وقت طويل".']
    quotes = find_quotes(paragraphs, entities=find_entities(paragraphs))
    assert [(q["speaker"], q["canonical"]) for q in quotes] == [("زميله انطون برندر", "انطون برندر")]
