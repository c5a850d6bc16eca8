import pytest

from marsad.enrich.ner.article import (
    article_names,
    complete_name_links,
    drop_god,
    known_entities,
    mark_names,
    trim_entities,
)
from marsad.enrich.ner.tokens import tokenize


def _run(text: str) -> list[tuple[str, int, int]]:
    return tokenize(text)


def test_person_surname_and_full_names_are_remembered() -> None:
    runs = [_run("استقبل الوزير سامي نادر الحلبي وفدا"), _run("وصل الوفد إلى دمشق")]
    tagged = [["O", "O", "B-PER", "I-PER", "I-PER", "O"], ["O", "O", "O", "B-LOC"]]
    names = article_names(runs, tagged)
    assert names[("سامي", "نادر", "الحلبي")] == "PER"
    assert names[("الحلبي",)] == "PER"
    assert names[("دمشق",)] == "LOC"
    assert ("نادر",) not in names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقال الحلبي إن الاجتماع مثمر", ["O", "B-PER", "O", "O", "O"]),
        ("وأكد للحلبي مساعدوه ذلك", ["O", "B-PER", "O", "O"]),
        ("زار سامي نادر الحلبي حمص", ["O", "B-PER", "I-PER", "I-PER", "B-LOC"]),
        ("لا اسم هنا", ["O", "O", "O"]),
    ],
)
def test_mark_names_tags_untagged_occurrences(text: str, expected: list[str]) -> None:
    names = {("سامي", "نادر", "الحلبي"): "PER", ("الحلبي",): "PER", ("حمص",): "LOC"}
    run = _run(text)
    assert mark_names(run, ["O"] * len(run), names) == expected


def test_mark_names_keeps_what_the_crf_found() -> None:
    run = _run("زار الحلبي حمص")
    tags = ["O", "B-ORG", "O"]
    assert mark_names(run, tags, {("الحلبي",): "PER", ("حمص",): "LOC"}) == ["O", "B-ORG", "B-LOC"]


_AVIATION = {("الهييه", "العامه", "الطيران", "المدني"): "ORG"}


@pytest.mark.parametrize(
    ("tags", "widened"),
    [
        # The tagger found a piece of the name: the listed name replaces it.
        (["O", "O", "O", "B-ORG", "I-ORG", "O"], ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]),
        # Two pieces, both organisations.
        (["O", "B-ORG", "O", "B-ORG", "I-ORG", "O"], ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]),
        # A piece of another type is a different reading: kept.
        (["O", "O", "O", "B-PER", "I-PER", "O"], ["O", "O", "O", "B-PER", "I-PER", "O"]),
        # The tagger's organisation runs on past the name: kept.
        (["O", "O", "O", "B-ORG", "I-ORG", "I-ORG"], ["O", "O", "O", "B-ORG", "I-ORG", "I-ORG"]),
        (["B-ORG", "I-ORG", "O", "O", "O", "O"], ["B-ORG", "I-ORG", "O", "O", "O", "O"]),
    ],
)
def test_mark_names_widens_pieces_of_a_listed_name(tags: list[str], widened: list[str]) -> None:
    run = _run("أعلنت الهيئة العامة للطيران المدني أمس")
    assert mark_names(run, list(tags), _AVIATION, widen=_AVIATION) == widened
    assert mark_names(run, list(tags), _AVIATION) == tags


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("صوت البرلمان السوداني أمس", ["O", "B-ORG", "I-ORG", "O"]),
        ("انسحب الجيش الليبي", ["O", "B-ORG", "I-ORG"]),
        ("صوت البرلمان أمس", ["O", "O", "O"]),
        ("قاتل مع الحشد الشعبي", ["O", "O", "B-ORG", "I-ORG"]),
        ("بيان لحركة حماس", ["O", "B-ORG", "I-ORG"]),
    ],
)
def test_known_entities(text: str, expected: list[str]) -> None:
    run = _run(text)
    assert mark_names(run, ["O"] * len(run), known_entities()) == expected


# An article we wrote: a full name, then its short form, with clitics attached.
ARTICLE = [
    "التقى الرئيس الفرنسي إيمانويل ماكرون رئيس الوزراء اللبناني في باريس.",
    "وقال ماكرون إن فرنسا ستواصل دعمها للبنان، وأضاف أن الوفد سيزور بيروت وبالقاهرة غداً.",
]


def test_find_entities_on_an_article_we_wrote() -> None:
    from marsad.enrich.ner import find_entities

    spans = find_entities(ARTICLE)
    for span in spans:
        assert ARTICLE[span["paragraph"]][span["start"] : span["end"]] == span["text"]
    found = {(s["text"], s["type"], s["canonical"]) for s in spans}
    assert ("إيمانويل ماكرون", "PER", "إيمانويل ماكرون") in found
    assert ("ماكرون", "PER", "إيمانويل ماكرون") in found
    assert ("باريس", "LOC", "باريس") in found
    assert ("القاهرة", "LOC", "القاهرة") in found  # from `وبالقاهرة`
    assert not any(s["text"].startswith(("وب", "بال")) for s in spans)


def test_find_entities_of_nothing() -> None:
    from marsad.enrich.ner import find_entities

    assert find_entities([]) == []
    assert find_entities(["", "   "]) == []


def test_propagation_stays_inside_its_window() -> None:
    from marsad.enrich.ner.article import propagate_in_windows

    sentences = [["وصل", "سامي", "الحلبي"], ["قال", "الحلبي"], ["رد", "الحلبي"]]
    tagged = [["O", "B-PER", "I-PER"], ["O", "O"], ["O", "O"]]
    result = propagate_in_windows(sentences, tagged, 2)
    assert result == [["O", "B-PER", "I-PER"], ["O", "B-PER"], ["O", "O"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقال علي إن الاتفاق على الحدود تم", ["O", "B-PER", "O", "O", "O", "O", "O"]),
        ("ووافق المجلس عليه وعلى القرار", ["O", "O", "O", "O", "O"]),
        ("وشدد عليها أحمد علي", ["O", "O", "B-PER", "I-PER"]),
    ],
)
def test_the_preposition_ala_is_never_the_name_ali(text: str, expected: list[str]) -> None:
    # `على` folds to `علي`: a person of that name must not be found in every `على`.
    names = {("احمد", "علي"): "PER", ("علي",): "PER"}
    run = _run(text)
    assert mark_names(run, ["O"] * len(run), names) == expected


def test_find_entities_leaves_every_ala_of_an_article_alone() -> None:
    from marsad.enrich.ner import find_entities

    paragraphs = [
        "التقى وزير الخارجية علي الحسني نظيره الأردني في عمان يوم الأحد.",
        "وأكد الحسني أن الجانبين اتفقا على تعزيز التعاون، وشدد على أهمية التنسيق بين البلدين.",
        "وقال علي في مؤتمر صحفي إن الاتفاق سيعرض على البرلمان للتصديق عليه خلال الشهر المقبل.",
    ]
    people = [span["text"] for span in find_entities(paragraphs) if span["type"] == "PER"]
    assert "على" not in people and "عليه" not in people
    assert any("الحسني" in name for name in people)


def test_a_function_word_alone_is_never_an_entity() -> None:
    from marsad.enrich.ner.article import drop_function_words

    run = _run("وقال لي الوزير لي كه تشيانغ إن فيه خيرا")
    tags = ["O", "B-PER", "O", "B-PER", "I-PER", "I-PER", "O", "B-LOC", "O"]
    # `لي` ("to me") and `فيه` ("in it") alone go; `لي` opening a longer name stays.
    assert drop_function_words(run, tags) == ["O", "O", "O", "B-PER", "I-PER", "I-PER", "O", "O", "O"]


def test_find_entities_does_not_take_to_me_for_a_name() -> None:
    from marsad.enrich.ner import find_entities

    paragraphs = [
        "وقال لي مدير المدرسة خالد العمري إن الطلاب عادوا إلى فصولهم صباح الأحد.",
        "وأضاف العمري في حديثه لي أن المدرسة جهزت مختبرا جديدا للعلوم.",
    ]
    found = [(span["text"], span["type"]) for span in find_entities(paragraphs)]
    assert ("لي", "PER") not in found
    assert any(kind == "PER" and "العمري" in text for text, kind in found)


@pytest.mark.parametrize(
    ("text", "tags", "expected"),
    [
        ("بلغت التكلفة 500 ريال", ["O", "O", "O", "B-ORG"], ["O", "O", "O", "B-MISC"]),
        ("بقيمة ثلاثة ملايين ريال", ["O", "O", "O", "B-ORG"], ["O", "O", "O", "B-MISC"]),
        ("فاز ريال مدريد بالمباراة", ["O", "B-ORG", "I-ORG", "O"], ["O", "B-ORG", "I-ORG", "O"]),
        ("تعاقد ريال مع لاعب جديد", ["O", "B-ORG", "O", "O", "O"], ["O", "B-ORG", "O", "O", "O"]),
    ],
)
def test_a_currency_after_an_amount_is_the_currency_not_the_club(
    text: str, tags: list[str], expected: list[str]
) -> None:
    from marsad.enrich.ner.article import tidy_tags

    assert tidy_tags(_run(text), list(tags)) == expected


@pytest.mark.parametrize(
    ("text", "tags", "expected"),
    [
        # `مساعد` is also "assistant": the tagger stopped on `بن`.
        ("وقال عبدالرحمن بن مساعد إن", ["O", "B-PER", "I-PER", "O", "O"], ["O", "B-PER", "I-PER", "I-PER", "O"]),
        ("أكد محسن أبو الخير", ["O", "B-PER", "I-PER", "O"], ["O", "B-PER", "I-PER", "I-PER"]),
        # Shinzo Abe is not `أبي` ("father of"), and a name may not take a function word.
        ("قال شينزو آبي للصحفيين", ["O", "B-PER", "I-PER", "O"], ["O", "B-PER", "I-PER", "O"]),
        ("وصل عبدالله بن في", ["O", "B-PER", "I-PER", "O"], ["O", "B-PER", "I-PER", "O"]),
        # Only persons.
        ("مصرف بن خلدون", ["B-ORG", "I-ORG", "O"], ["B-ORG", "I-ORG", "O"]),
    ],
)
def test_complete_name_links(text: str, tags: list[str], expected: list[str]) -> None:
    assert complete_name_links(_run(text), list(tags)) == expected


@pytest.mark.parametrize(
    ("text", "tags", "expected"),
    [
        ("وقال رحمه الله", ["O", "B-PER", "I-PER"], ["O", "O", "O"]),
        ("الحمد لله", ["O", "B-MISC"], ["O", "O"]),
        ("إن شاء الله", ["O", "O", "B-MISC"], ["O", "O", "O"]),
        # Names with الله stay.
        ("حزب الله", ["B-ORG", "I-ORG"], ["B-ORG", "I-ORG"]),
        ("قال عبد الله", ["O", "B-PER", "I-PER"], ["O", "B-PER", "I-PER"]),
        ("التقى رحمة الله نبيل", ["O", "B-PER", "I-PER", "I-PER"], ["O", "B-PER", "I-PER", "I-PER"]),
        ("التقى رحمة الله", ["O", "B-PER", "I-PER"], ["O", "B-PER", "I-PER"]),
        ("وصل عبيد الله", ["O", "B-PER", "I-PER"], ["O", "B-PER", "I-PER"]),
    ],
)
def test_drop_god(text: str, tags: list[str], expected: list[str]) -> None:
    assert drop_god(_run(text), list(tags)) == expected


def test_records_name_no_formula_with_god() -> None:
    from marsad.enrich.ner import find_entities

    text = "وقال الشيخ عبد الله الزهراني رحمه الله إن الحمد لله على توفيق الله، وأكد حزب الله أن الوفد وصل إن شاء الله."
    spans = [(span["text"], span["type"]) for span in find_entities([text])]
    assert ("حزب الله", "ORG") in spans
    assert not any(name in {"الله", "لله", "رحمه الله", "توفيق الله"} for name, _ in spans), spans


@pytest.mark.parametrize(
    ("text", "tags", "expected"),
    [
        # A formula with God after a name is not part of it.
        (
            "قال محمد صلى الله عليه وسلم",
            ["O", "B-PER", "I-PER", "I-PER", "O", "O"],
            ["O", "B-PER", "O", "O", "O", "O"],
        ),
        (
            "عن أنس بن مالك رضي الله عنه",
            ["O", "B-PER", "I-PER", "I-PER", "I-PER", "I-PER", "O"],
            ["O", "B-PER", "I-PER", "I-PER", "O", "O", "O"],
        ),
        # ... and so are prayers for the dead and the living (newsdev23).
        ("الملك سالم غفر الله", ["O", "B-PER", "I-PER", "I-PER"], ["O", "B-PER", "O", "O"]),
        ("الراحل سالم تغمده الله", ["O", "B-PER", "I-PER", "I-PER"], ["O", "B-PER", "O", "O"]),
        ("الملك سالم أيده الله", ["O", "B-PER", "I-PER", "I-PER"], ["O", "B-PER", "O", "O"]),
        # The vocative and a byline's words open no name.
        ("بقلم خالد المالك", ["B-PER", "I-PER", "I-PER"], ["O", "B-PER", "I-PER"]),
        ("يا بلال", ["B-PER", "I-PER"], ["O", "B-PER"]),
        ("بقلم", ["B-PER"], ["O"]),
        # Names that open with a particle's letters, and Rahmatullah, stay whole.
        ("قال فان جال", ["O", "B-PER", "I-PER"], ["O", "B-PER", "I-PER"]),
        ("وصل على عبد الله صالح", ["O", "B-PER", "I-PER", "I-PER", "I-PER"], ["O", "B-PER", "I-PER", "I-PER", "I-PER"]),
        ("قال رجاء رحمة الله", ["O", "B-PER", "I-PER", "I-PER"], ["O", "B-PER", "I-PER", "I-PER"]),
    ],
)
def test_trim_entities(text: str, tags: list[str], expected: list[str]) -> None:
    assert trim_entities(_run(text), list(tags)) == expected
