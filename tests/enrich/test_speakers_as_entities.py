"""Speakers as issue #17 wants them: a person, an organisation or a title that stands for
one, resolved to the full name the article gives, or None. Every sentence is our own,
and the article's NER entities are passed as the pipeline passes them."""

from __future__ import annotations

import pytest

from marsad.enrich import enrich_record
from marsad.enrich.ner import find_entities
from marsad.enrich.quotes import find_quotes
from marsad.records import Record


def _said(paragraphs: list[str]) -> list[tuple[str | None, str | None, str]]:
    spans = find_quotes(paragraphs, entities=find_entities(paragraphs))
    return [(q["speaker"], q["canonical"], q["text"]) for q in spans]


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        # ``علي`` written with ``ي`` is the given name, not the preposition ``على``.
        (
            ['وقال المستشار الزراعي للمحافظ علي مانع، في حديث للصحيفة، إن "الكميات المسوقة تجاوزت التوقعات".'],
            "علي مانع",
        ),
        # A hamza keeps ``أليسون`` from reading as the article ``ال``.
        (['وقالت الباحثة أليسون كامبل إن "تقييم الأجنة يتم مرة واحدة في اليوم".'], "أليسون كامبل"),
        # ``ل`` and a place complete the title before the name.
        (['وأقر الوسيط المشترك لسورية كوفي عنان بأن "المساعي لم تنجح حتى الآن".'], "كوفي عنان"),
        # A noun in apposition after the name is not part of it.
        (['أما المهاجم الأرجنتيني ليونيل ميسي نجم برشلونة فأكد: "لا أتحدث عن زملائي أبدا".'], "ليونيل ميسي"),
        # An adverb after the name is not part of it.
        (
            ['وصرح وزير الخارجية الألماني فرانك شتاينماير بدوره: "نأمل أن يدعم الاتفاق الحلول السياسية".'],
            "فرانك شتاينماير",
        ),
        # A participle's speaker is the subject of the verb that opens its sentence.
        (['كما تجنب ساندرو روسيل رئيس نادي برشلونة الأمر برمته قائلا: "لا أتحدث عما يفعله الآخرون".'], "ساندرو روسيل"),
        # ``ويدعى``: the name after "called".
        (["وروى أحد سكان البلدة ويدعى محمد جيليك لوكالة الأنباء «أن المدينة غارقة في الفوضى»."], "محمد جيليك"),
        # The agency the speaker told is no part of the speaker (``لرويترز``).
        (['وقال المحامي سامر الخطيب لرويترز: "القضية لم تنته بعد".'], "سامر الخطيب"),
        # A name, a colon and a quotation: a headline's speaker.
        (['عمر فطموش: "المونولوغ في الجزائر مجرد تهريج ولا علاقة له بالمسرح"'], "عمر فطموش"),
    ],
)
def test_the_speaker_is_the_person_named(paragraphs: list[str], speaker: str) -> None:
    assert [s for s, _, _ in _said(paragraphs)] == [speaker]


def test_a_surname_gets_the_full_name_as_canonical() -> None:
    paragraphs = [
        "أعلنت جامعة الملك سعود نتائج دراستها الجديدة حول أمراض القلب.",
        'وقال الباحث خالد العتيبي إن "النتائج مشجعة للغاية".',
        'وأضاف العتيبي أن "المرحلة الثانية تبدأ العام المقبل".',
    ]
    said = _said(paragraphs)
    assert [c for _, c, _ in said] == ["خالد العتيبي", "خالد العتيبي"]


def test_a_title_stands_for_the_person_it_was_given_to_in_commas() -> None:
    paragraphs = [
        "دعا عبد اللطيف المكي، وزير الصحة، الجمعيات إلى التنسيق مع الوزارة في ملف الجرحى.",
        'وأوضح الوزير أن "العلاج في الداخل أصبح متاحا لمعظم الحالات".',
    ]
    assert [s for s, _, _ in _said(paragraphs)] == ["عبد اللطيف المكي"]


def test_a_prepositional_phrase_after_the_verb_leaves_the_last_speaker() -> None:
    paragraphs = [
        'قال رئيس الحركة أبو جرة سلطاني إن "الوضع السياسي صعب جدا".',
        'وذكر بالتطورات التي شهدتها بلاده أن "الإصلاحات سارت ببطء شديد".',
    ]
    assert [s for s, _, _ in _said(paragraphs)] == ["أبو جرة سلطاني", "أبو جرة سلطاني"]


@pytest.mark.parametrize(
    "paragraph",
    [
        'وأكد وجود آثار لسحجات حول العنق أن "الوفاة لم تكن طبيعية على الإطلاق".',
        'وتقبل الأب بحزن وغضب شديدين الحادث، وقال إن "ابنه كان بريئا من كل ذلك".',
    ],
)
def test_no_speaker_rather_than_words_that_name_nobody(paragraph: str) -> None:
    assert [s for s, _, _ in _said([paragraph])] == [None]


def test_a_postposed_attribution_gives_the_quotation_its_speaker() -> None:
    paragraphs = [
        'وأوضح الفريق "ربما يصبح من الممكن استخدام الطريقة يوما ما"، حسبما أوضح المظلي فيلكس باومجارتنر نفسه.'
    ]
    assert [s for s, _, _ in _said(paragraphs)] == ["فيلكس باومجارتنر"]


def test_speech_runs_on_over_paragraphs_without_marks() -> None:
    paragraphs = [
        'وقالت الطبيبة سلمى الحربي إن "تقييم الأجنة يعتمد على صور يومية.',
        "لكن تطور الجنين عملية مستمرة واستخدام الصور المتتابعة أدق بكثير.",
        'والنتائج الأولى تبشر بمعدلات حمل أعلى".',
        "وتعمل العيادة على توسيع البرنامج في الخريف.",
    ]
    said = _said(paragraphs)
    assert [(s, t[:12]) for s, _, t in said] == [
        ("سلمى الحربي", "تقييم الأجنة"),
        ("سلمى الحربي", "لكن تطور الج"),
        ("سلمى الحربي", "والنتائج الأ"),
    ]


def test_an_unclosed_quotation_after_a_speech_verb_is_speech() -> None:
    paragraphs = ["وقال السياسي المحلي راجيش براهما لوكالة رويترز «وقفت قوات الأمن تراقب احتراق القرى في صمت."]
    assert [s for s, _, _ in _said(paragraphs)] == ["راجيش براهما"]


def test_records_carry_the_canonical_speaker_and_the_archive_stores_it() -> None:
    record = Record(
        id="r1",
        parent=None,
        source="t",
        url=None,
        published="2015-08-05",
        category=None,
        title="دراسة جديدة",
        body=[
            'وقال الباحث خالد العتيبي إن "النتائج مشجعة للغاية".',
            'وأضاف العتيبي أن "المرحلة الثانية تبدأ العام المقبل".',
        ],
    )
    enrich_record(record)
    assert [q["canonical"] for q in record.quotes] == ["خالد العتيبي", "خالد العتيبي"]
    from marsad.store.rows import span_rows

    quote_rows = next(rows for table, _, rows in span_rows(1, record) if table == "quotes")
    assert {row[2] for row in quote_rows} == {"خالد العتيبي"}  # record_rowid, position, speaker


@pytest.mark.parametrize(
    "paragraph",
    [
        'وقال فهو يبلغ تفصيلا أن "الأمر لا يحتمل التأجيل أبدا".',
        'وأكد لصوامع الغلال أن "المخزون يكفي لستة أشهر قادمة".',
    ],
)
def test_clause_openers_and_prepositional_phrases_name_nobody(paragraph: str) -> None:
    assert [s for s, _, _ in _said([paragraph])] == [None]


def test_a_kin_word_left_at_the_end_of_a_name_is_cut() -> None:
    from marsad.enrich.speaker_checks import trimmed

    assert trimmed("محمد بن نايف بن") == "محمد بن نايف"
    assert trimmed("جيم بوملحة") == "جيم بوملحة"


@pytest.mark.parametrize(
    ("paragraph", "speaker", "said"),
    [
        (
            'وانضم المتحدث باسم النادي توني فريشيا إلى قائمة المعلقين بقوله: "الجميع هنا يشعرون بالسعادة".',
            "توني فريشيا",
            "الجميع هنا يشعرون بالسعادة",
        ),
        (
            "واستطرد الشيخ سعد بهوان بقوله: «يستفيد المستثمرون اليوم من تقنيات لم تكن متاحة قبل عامين».",
            "سعد بهوان",
            "يستفيد المستثمرون اليوم من تقنيات لم تكن متاحة قبل عامين",
        ),
        (
            'وعلقت الوزيرة هالة السعيد على الأرقام بقولها إن "الإصلاحات بدأت تؤتي ثمارها في سوق العمل".',
            "هالة السعيد",
            "الإصلاحات بدأت تؤتي ثمارها في سوق العمل",
        ),
    ],
)
def test_biqawlihi_is_a_cue_whose_speaker_is_the_clause_subject(paragraph: str, speaker: str, said: str) -> None:
    # ``بقوله:`` (with his saying) introduces speech like a participle: the clause's subject speaks.
    assert (speaker, speaker, said) in _said([paragraph])


@pytest.mark.parametrize(
    ("paragraphs", "speakers"),
    [
        # The statement the organisation issued speaks for it.
        (
            [
                'وقال الاتحاد الأوروبي في بيان إن "الاستيطان يقوض فرص السلام في المنطقة".',
                'وأضاف البيان أن "على جميع الأطراف ضبط النفس والعودة إلى المفاوضات".',
            ],
            ["الاتحاد الأوروبي", "الاتحاد الأوروبي"],
        ),
        # ``بيان صادر عن``: the issuer named after the statement.
        (
            ['وجاء في بيان صادر عن وزارة الصحة: "سجلنا حالات جديدة في ثلاث محافظات خلال الأسبوع الماضي".'],
            ["وزارة الصحة"],
        ),
        # ``الصحيفة``: the newspaper named after its noun, in quotation marks.
        (
            [
                "نشرت صحيفة «الوطن» تقريرا مطولا عن أزمة المياه في الأرياف.",
                'وقالت الصحيفة إن "الحكومة تدرس خطة جديدة لدعم المزارعين المتضررين".',
            ],
            ["الوطن"],
        ),
    ],
)
def test_a_statement_or_a_medium_stands_for_who_issued_it(paragraphs: list[str], speakers: list[str]) -> None:
    assert [c for _, c, _ in _said(paragraphs)] == speakers


def test_a_statement_nobody_issued_in_the_article_stays_the_statement() -> None:
    paragraphs = ['وقال البيان إن "الاجتماع سيعقد في موعده رغم الظروف الصعبة".']
    assert [s for s, _, _ in _said(paragraphs)] == ["البيان"]


def test_a_surname_spelled_with_other_long_vowels_gets_the_full_name() -> None:
    paragraphs = [
        "فازت العداءة الأمريكية أليسون فيليكس بذهبية سباق 200 متر في البطولة.",
        'وقالت فليكيس إن "الفوز جاء بعد عام كامل من التدريب الشاق".',
    ]
    assert [c for _, c, _ in _said(paragraphs)] == ["أليسون فيليكس"]


def test_a_title_only_speaker_is_the_one_person_given_that_title() -> None:
    paragraphs = [
        "يرى جاري كاهيل مدافع تشيلسي أن فريقه قادر على المنافسة على اللقب هذا الموسم.",
        "وقال مدافع منتخب إنجلترا «علينا أن نعمل بجد في كل مباراة حتى نهاية الموسم».",
    ]
    said = _said(paragraphs)
    assert [(s, c) for s, c, _ in said] == [("جاري كاهيل", "جاري كاهيل"), ("مدافع منتخب إنجلترا", "جاري كاهيل")]


def test_guillemets_written_the_other_way_round_still_delimit_the_quotation() -> None:
    paragraphs = [
        "وقالت الباحثة لينا كريبس في حديثها للصحيفة »نحن نتحدث هنا عن عوامل فطرية وبيئية متشابكة«."
        " وشددت كريبس على أن الخجل ليس مرضا في كل الأحوال."
    ]
    spans = find_quotes(paragraphs, entities=find_entities(paragraphs))
    direct = [(q["speaker"], q["text"]) for q in spans if q["direct"]]
    assert direct == [("لينا كريبس", "نحن نتحدث هنا عن عوامل فطرية وبيئية متشابكة")]


@pytest.mark.parametrize("name", ["يو بي أس", "جمعية مدافعي حقوق الإنسان"])
def test_a_name_in_quotation_marks_inside_reported_speech_is_no_quote(name: str) -> None:
    paragraphs = [f'وقال المحلل خالد العتيبي إن مصرف "{name}" رفع توقعاته لأرباح الشركات في المنطقة هذا العام.']
    spans = find_quotes(paragraphs, entities=find_entities(paragraphs))
    assert [q["text"] for q in spans if q["direct"]] == []


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        # The verb's object runs on after the subject's name: NER's person ends it.
        (
            [
                "طالب رئيس الأركان العماد سمير حداد عناصر الحرس وضباطه باليقظة التامة.",
                "وقال، في كلمة له أمس: «كونوا على أهبة الاستعداد في كل لحظة».",
            ],
            "سمير حداد",
        ),
        (['واعتبر الرئيس الأميركي باراك أوباما تنظيم الحوار الوطني "خطوة مهمة نحو الاستقرار".'], "باراك أوباما"),
        # A title in apposition after the name is not part of it.
        (["وقالت سارة بلومفيلد المنسقة الفنية للمعرض “المعرض يضم أعمالا لعشرة فنانين من المنطقة”."], "سارة بلومفيلد"),
        # An adjective after an organisation is part of its name.
        (['وقال الجيش السوري الحر في بيان: "العملية جاءت ردا على القصف".'], "الجيش السوري الحر"),
        # A family name NER left out is more of the name, not a word that ran on.
        (['وقال المهندس عدنان المعيبد: "المشروع يكتمل قبل نهاية العام".'], "عدنان المعيبد"),
    ],
)
def test_a_name_that_runs_on_is_cut_where_ner_ends_it_and_more_of_a_name_is_not(
    paragraphs: list[str], speaker: str
) -> None:
    assert {s for s, _, _ in _said(paragraphs)} == {speaker}


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        # A nisba without the article after an indefinite noun describes it: no name there.
        (["ونقلت وكالة الأنباء عن مسؤول أمني عراقي قوله إن «الهجوم وقع فجرا قرب الحدود»."], "مسؤول أمني عراقي"),
        (["ويرى محلل غربي أن «الخيار الوحيد أمام المصرف هو طبع المزيد من العملة»."], "محلل غربي"),
        # One of a group the article does not name, without whom he spoke to.
        (["وقال أحد الباعة في السوق لمراسلنا: «الطلب يزداد مع اقتراب العيد»."], "أحد الباعة"),
        (["ويقول أحد رجال الأعمال البارزين «الوقت الآن للعمل لا للكلام»."], "أحد رجال الأعمال البارزين"),
        # The day of the statement is not part of the speaker.
        (["وقال مسؤول عسكري أميركي الخميس إن «القوات ستبقى حتى نهاية العام»."], "مسؤول عسكري أميركي"),
    ],
)
def test_an_unnamed_speaker_is_the_description_the_article_gives(paragraphs: list[str], speaker: str) -> None:
    assert {s for s, _, _ in _said(paragraphs)} == {speaker}


def test_one_of_alone_names_nobody() -> None:
    assert [s for s, _, _ in _said(["وقال واحد: «لا أعرف شيئا عن الموضوع»."])] == [None]


def test_a_participle_with_no_cue_before_it_speaks_for_the_clause_s_first_person() -> None:
    paragraphs = [
        "ويوافقه في الرأي د. نبيل عاشور، استشاري طب الأطفال بجامعة القاهرة، قائلا: «حركة الطفل الزائدة لا تعني المرض»."
    ]
    assert [s for s, _, _ in _said(paragraphs)] == ["نبيل عاشور"]


def test_titles_joined_by_wa_describe_the_person_named_after_them() -> None:
    paragraphs = ["وقالت الباحثة وناشطة حقوق الإنسان سلمى الكردي لـ«الصحيفة» إن «الملف لم يعالج بصورة قانونية»."]
    assert [c for _, c, _ in _said(paragraphs)] == ["سلمى الكردي"]


@pytest.mark.parametrize(
    "paragraph",
    [
        "وقد قال تعالى: «وقل رب زدني علما».",
        "ويقول الله تعالى في محكم كتابه: «إنما يخشى الله من عباده العلماء».",
        "قال الله عز وجل: «ولا تقتلوا أنفسكم».",
        "وقال سبحانه وتعالى «ولكم في القصاص حياة».",
    ],
)
def test_a_verse_is_god_s_words(paragraph: str) -> None:
    assert [s for s, _, _ in _said([paragraph])] == ["الله"]


def test_god_as_the_object_of_a_verb_or_most_of_a_group_is_no_speaker() -> None:
    said = _said(
        [
            "وافتتح رئيس الجمعية اللقاء، وسأل الله عز وجل أن «يجعل اللقاء خيرا وبركة على الجميع».",
            "وقال جل المشاركين إن «الدورة كانت مفيدة جدا لهم».",
        ]
    )
    assert "الله" not in {s for s, _, _ in said}


def test_a_verse_does_not_become_the_speaker_of_what_follows() -> None:
    paragraphs = [
        'وقال الشيخ عادل الكلباني في خطبته إن "التعاون واجب على الجميع"، مستشهدا بقوله تعالى: «وتعاونوا على البر والتقوى».',
        'وأضاف: "المجتمع يحتاج إلى كل فرد فيه".',
    ]
    assert [c for _, c, _ in _said(paragraphs)][-1] == "عادل الكلباني"


def test_a_title_of_address_before_a_surname_gives_the_full_name() -> None:
    paragraphs = [
        "أعلن مدير جامعة الأمير سطام الدكتور عبدالرحمن العاصمي فتح باب القبول للعام الجديد.",
        'وقال الدكتور العاصمي إن "القبول سيكون إلكترونيا بالكامل".',
    ]
    assert [c for _, c, _ in _said(paragraphs)] == ["عبدالرحمن العاصمي"]


def test_a_surname_gets_the_full_name_ner_gives_before_words_a_title_happened_to_precede() -> None:
    paragraphs = [
        "فاز السباح المجري أليكس تاريكس بميدالية ذهبية مع منتخب بلاده قبل ستين عاما.",
        "وببلوغه 90 عاما، أصبح تاريكس أكبر بطل أولمبي سنا في بلاده.",
        'ويقول تاريكس: "كانت القرية الأولمبية تبدو مثل المعسكرات الحربية".',
    ]
    assert [c for _, c, _ in _said(paragraphs)] == ["أليكس تاريكس"]


def test_a_definite_description_with_adjectives_names_the_speaker_it_refers_back_to() -> None:
    paragraphs = [
        'وقال مسؤول أمني تركي لوكالة الأنباء إن "أفراد العائلة غادروا المنزل قبل الهجوم".',
        'وأضاف المسؤول الأمني أن "التحقيقات ما زالت جارية".',
    ]
    assert [s for s, _, _ in _said(paragraphs)] == ["مسؤول أمني تركي", "مسؤول أمني تركي"]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ('وقال لـ"الاقتصادية" سباستيان جرلاخ مدير الشركة إن "السوق ستتعافى قريبا".', "سباستيان جرلاخ"),
        ('وأكد لـ"سبق" مدير الشؤون الصحية أن "الحالة مستقرة تماما الآن".', "مدير الشؤون الصحية"),
    ],
)
def test_the_newspaper_the_speaker_told_comes_before_the_subject(paragraph: str, speaker: str) -> None:
    assert [s for s, _, _ in _said([paragraph])] == [speaker]


def test_a_bare_title_names_the_person_ner_found_with_it_not_words_it_happened_to_precede() -> None:
    paragraphs = [
        "يرى فريدريك مونتان الباحث في معهد الدراسات الاستراتيجية أن الأرز سلعة مهملة.",
        "ويقول الباحث سوق الأرز إنها لا تحظى باهتمام صناع القرار.",
        'وأشار الباحث إلى أن آسيا "تستهلك تسعة أعشار الأرز في العالم".',
    ]
    assert [c for _, c, _ in _said(paragraphs) if c is not None][-1] == "فريدريك مونتان"


def test_a_person_after_the_end_of_a_club_s_name_is_the_speaker() -> None:
    paragraph = 'وقال رئيس نادي بايرن ميونيخ كارل هاينتس رومينيغه إن "النادي توصل إلى اتفاق مع يوفنتوس".'
    assert [s for s, _, _ in _said([paragraph])] == ["كارل هاينتس رومينيغه"]


def test_a_surname_ner_tagged_with_the_name_before_it_in_a_longer_span_is_someone() -> None:
    paragraphs = [
        "واختتم مدير الوكالة الدولية للطاقة الذرية يوكيا أمانو محادثاته في طهران أمس.",
        'وقال أمانو بعد اجتماع مع كبير المفاوضين النوويين سعيد جليلي:" أجرينا محادثات مفيدة في أجواء طيبة".',
    ]
    assert [s for s, _, _ in _said(paragraphs)] == ["يوكيا أمانو"]


def test_words_after_a_title_that_open_with_a_negation_are_no_name() -> None:
    paragraphs = [
        "يبدو وزير الداخلية غير قلق بالنسبة للوضع الأمني في البلاد وقدرة الأجهزة على السيطرة عليه.",
        "بل إن الوزير رأى أن الجهاز الأمني «ربما الوحيد في المنطقة الذي حقق نجاحات متتالية».",
    ]
    assert "غير قلق بالنسبة للوضع" not in {s for s, _, _ in _said(paragraphs)}


@pytest.mark.parametrize(
    ("paragraphs", "canonical"),
    [
        # NER tags the surname alone; the article writes a given name before it elsewhere, after a
        # verb (``قادها``), and the given name written with ``آل`` is no article.
        (
            [
                "وأظهرت دراسة في عام 2011 قادها آلان نيفيل من جامعة ولفرهامبتون أن العدائين الأطول أسرع.",
                "ويقول نيفيل «في أول خمسين مترا لن يتفوق العداؤون النحاف على غيرهم»",
            ],
            "آلان نيفيل",
        ),
        # A given name shaped like an adverbial participle (``مونيكا``) stands before the surname.
        (
            [
                "وقالت مونيكا جيدو الباحثة الرئيسية في الدراسة إن النتائج واضحة.",
                "وقالت جيدو لنشرة طبية إن الدراسة مهمة.",
                'وقالت "العدد لم يكن كبيرا بالضرورة لكن الاتجاهات واضحة".',
            ],
            "مونيكا جيدو",
        ),
    ],
)
def test_a_surname_gets_the_given_names_the_article_writes_before_it(paragraphs: list[str], canonical: str) -> None:
    assert _said(paragraphs)[-1][1] == canonical


def test_fa_inna_after_an_attribution_opens_the_statement() -> None:
    paragraphs = [
        "وقال السفير التونسي لدى روسيا علي قوطالي في حديث مع وكالة أنباء إن البلدين يتعاونان.",
        "وبحسب السفير قوطالي فإن الحديث يدور عن إنشاء مركز للصناعات، إذ قال: «اتفقنا على إقامة شراكة استراتيجية تشمل المجالات كلها».",
    ]
    speaker, canonical, _ = _said(paragraphs)[-1]
    assert speaker is not None and "فإن" not in speaker
    assert canonical == "علي قوطالي"


def test_a_hyphenated_name_keeps_its_part_after_the_hyphen() -> None:
    paragraphs = [
        "وكشف المدير الفني راؤول زامورا-روس عن خطة الفريق للموسم المقبل.",
        'وقال زامورا "سنلعب كل مباراة كأنها نهائي ولن نستسلم".',
        'وقال راؤول زامورا "الجمهور يستحق فريقا ينافس على اللقب".',
    ]
    assert _said(paragraphs)[-1][0] == "راؤول زامورا-روس"


def test_a_demonstrative_phrase_after_the_verb_leaves_the_last_speaker() -> None:
    paragraphs = [
        "وأعلن وزير الموارد المائية حسام مغازي تقديم دراستين للسودان وإثيوبيا.",
        "وقال بهذا الخصوص «لقد تم التوافق على المكاتب الاستشارية الدولية».",
    ]
    assert _said(paragraphs)[-1][0] == "حسام مغازي"


@pytest.mark.parametrize(
    "paragraph",
    [
        # ``ب`` + a word opens a prepositional phrase, not a name
        "قال رئيس اللجنة الأمنية لدراسة كل الأوضاع والإجراءات الخاصة بعمليات العبور للمركبات والمسافرين من المنفذ، "
        'مدير عام الجمارك الشيخ خالد بن سعد آل ثاني، إن العمل جارٍ على مشروع "البوابة الموحدة" في المنفذ، مشيراً '
        "إلى أن «التجربة ستعمم على المنافذ الأخرى قريبا».",
        # ``غير`` opens a negation, not a name
        "واعتبر الدكتور الزياني هذه التصريحات الاستفزازية غير الواقعية بأنها تندرج ضمن محاولات معروفة لإطالة الأزمة.",
    ],
)
def test_a_phrase_that_opens_with_a_preposition_or_a_negation_names_nobody(paragraph: str) -> None:
    assert _said([paragraph])[-1][0] is None


def test_gods_name_is_never_a_longer_name_ending_with_it() -> None:
    paragraphs = [
        "وقال الشيخ إن الإسلام يحث على التفاؤل ولا ييأس المؤمن من رحمة الله مهما اشتدت المحن.",
        "وقال تعالى «ولا تيأسوا من روح الله إنه لا ييأس من روح الله إلا القوم الكافرون».",
    ]
    speaker, canonical, _ = _said(paragraphs)[-1]
    assert (speaker, canonical) == ("الله", "الله")


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        # A document stands for the organisation that issued it.
        ("وقال بيان للأمم المتحدة إن «الحرب خلفت نتائج مروعة على السكان في الجنوب».", "الأمم المتحدة"),
        (
            "وذكر تقرير مؤسسة النقد العربي السعودي أن «الاقتصاد المحلي حقق نموا جيدا خلال العام».",
            "مؤسسة النقد العربي السعودي",
        ),
        ("وبينت دراسة أجرتها هيئة الاتصالات أخيرا أن «المملكة أكبر سوق للهواتف الذكية في المنطقة».", "هيئة الاتصالات"),
        # A speaker ends before what the speech was about, a possessive or an age.
        ("وقال مارادونا بخصوص رئيس الاتحاد الأوروبي: «يجب أن يوضح ما جرى في تلك المباريات».", "مارادونا"),
        ("وأكمل مورينيو حديثه قائلا «لقد ظهر اللاعبان بشكل جيد للغاية في المباراة».", "مورينيو"),
        ("من جهته، قال هيرومي أوسونو البالغ من العمر 68 سنة: «فقدت أقارب لي في الانفجار».", "هيرومي أوسونو"),
        # A blessing after a name ends it; the Prophet speaks by his titles.
        ("قال رسول الله صلى الله عليه وسلم: «إنما الأعمال بالنيات وإنما لكل امرئ ما نوى».", "رسول الله"),
        ("وقال عمر بن الخطاب رضي الله عنه: «حاسبوا أنفسكم قبل أن تحاسبوا وزنوها قبل أن توزن».", "عمر بن الخطاب"),
        # ``فان`` without a hamza is a name, not ``فإن``.
        ('وقال لاعب الوسط الهولندي رافاييل فان دير فارت "توتنهام ذو طبيعة خاصة بالنسبة لي".', "رافاييل فان دير فارت"),
        # A word with the accusative's tanween ends the speaker.
        (
            "وذكرت الصحيفة الأمريكية نقلاً عن مسؤولين في الادعاء أن «المدعين استجوبوا عددا من المسؤولين في البنك».",
            "الصحيفة الأمريكية",
        ),
    ],
)
def test_the_speaker_of_one_sentence(paragraph: str, speaker: str) -> None:
    assert _said([paragraph])[0][0] == speaker


@pytest.mark.parametrize(
    ("paragraph", "speaker", "said"),
    [
        # Brackets stand for quote marks once speech is introduced: the Prophet's sayings, the
        # Quran's braces, the Saudi agency's ``// ... /``.
        (
            "وقال رسول الله صلى الله عليه وسلم: (إن الملائكة لتضع أجنحتها لطالب العلم رضا بما يصنع).",
            "رسول الله",
            "إن الملائكة لتضع أجنحتها لطالب العلم رضا بما يصنع",
        ),
        ("قال الله تعالى: {ولكم في القصاص حياة يا أولي الألباب}.", "الله", "ولكم في القصاص حياة يا أولي الألباب"),
        (
            'وقالت صحيفة "الوطن" في كلمتها // إن ما حدث في الملعب كان حادثا فرديا لا يمثل الجماهير /.',
            "صحيفة الوطن",
            "إن ما حدث في الملعب كان حادثا فرديا لا يمثل الجماهير",
        ),
        # The Prophet by his blessing alone, the title given with it, and God by His names.
        (
            "تحدث الخطيب عن رسول الله، ويقول عليه الصلاة والسلام: «يسروا ولا تعسروا وبشروا ولا تنفروا».",
            "رسول الله",
            "يسروا ولا تعسروا وبشروا ولا تنفروا",
        ),
        (
            "ويدل على ذلك قول النبي صلى الله عليه وسلم: «الصلوات الخمس كفارة لما بينهن».",
            "النبي",
            "الصلوات الخمس كفارة لما بينهن",
        ),
        (
            "ويعمل المؤمنون بقول الحق تبارك وتعالى: «ولا تقتلوا أنفسكم إن الله كان بكم رحيما».",
            "الله",
            "ولا تقتلوا أنفسكم إن الله كان بكم رحيما",
        ),
        # ``بالقول``: the clause's subject speaks, as after ``بقوله``
        (
            "واكتفى قائد الجيش جان قهوجي بالقول: «تصديتم للاعتداءات بكل شجاعة وقدمتم التضحيات».",
            "جان قهوجي",
            "تصديتم للاعتداءات بكل شجاعة وقدمتم التضحيات",
        ),
        # ``أورد`` reports, ``صرخ`` and ``كرر`` say
        (
            "وأوردت صحيفة الغارديان أن «أكثر من ثلاثة ملايين شخص تأثروا بالفيضانات».",
            "صحيفة الغارديان",
            "أكثر من ثلاثة ملايين شخص تأثروا بالفيضانات",
        ),
        (
            "وصرخ المدرب فيرناندو سانتوس: «لا أحد يستطيع إيقاف هذا الفريق».",
            "فيرناندو سانتوس",
            "لا أحد يستطيع إيقاف هذا الفريق",
        ),
        # ``لكن`` + a subject + a verb and its object, then ``وقال``
        (
            "لكن خورخي دا سيلفا مدرب النصر أكد قدرة ناديه على التعامل مع الموقف وقال “لن تؤثر الغيابات في الفريق”.",
            "خورخي دا سيلفا",
            "لن تؤثر الغيابات في الفريق",
        ),
        # a foreign given name NER took for a place, before the person it found
        (
            'وقال هونج ليو سيفيرت، مستشار أبحاث في شركة إيلي ليلي: "نحن متحمسون بشكل خاص تجاه تلك البيانات".',
            "هونج ليو سيفيرت",
            "نحن متحمسون بشكل خاص تجاه تلك البيانات",
        ),
    ],
)
def test_bracketed_sayings_more_cues_and_their_speakers(paragraph: str, speaker: str, said: str) -> None:
    assert [(s, text) for s, _, text in _said([paragraph])] == [(speaker, said)]


@pytest.mark.parametrize(
    "paragraph",
    [
        # a bracketed aside after a bare verb, a list after a colon no speech verb introduced, a
        # number in brackets, and a saying that quotes nothing
        "إن كان الواعظ يقول (في المعاهدين من غير المسلمين) كلاما آخر فذلك شأنه.",
        "وتشمل الدورة ثلاثة محاور: (العقيدة، والعبادات، والأخلاق والسلوك) في كل أسبوع.",
        "وأوضح المدير أن (3) أشخاص أصيبوا في الحادث.",
        "وقديما قالت العرب رب قول أنفذ من صول في مثل هذه المواقف الصعبة.",
    ],
)
def test_brackets_and_sayings_that_are_no_quotation(paragraph: str) -> None:
    assert all(not q["direct"] for q in find_quotes([paragraph]))


def test_chants_right_after_the_verb_are_what_was_said() -> None:
    paragraph = "وقال شهود إن مئات من طلاب الجامعة هتفوا «الشعب يريد إسقاط النظام» و«لا للغلاء لا للفساد»."
    said = [q["text"] for q in find_quotes([paragraph]) if q["direct"]]
    assert said == ["الشعب يريد إسقاط النظام", "لا للغلاء لا للفساد"]


@pytest.mark.parametrize(
    ("paragraphs", "opening", "speaker", "name"),
    [
        # a long quotation with no cue goes on quoting the current speaker
        (
            [
                "وقالت وزارة الداخلية الكويتية في بيان إنها أوقفت ثلاثة أشخاص.",
                "ويشتبه في أن أحد الموقوفين «قام بدعم وتسهيل سفرهم للمشاركة في العمليات في العراق».",
            ],
            "قام",
            "وزارة الداخلية الكويتية",
            "وزارة الداخلية الكويتية",
        ),
        # a short form of an organisation gets the full name as canonical
        (
            [
                "وتوقع صندوق النقد الدولي في تقريره الأخير تباطؤ النمو في المنطقة.",
                "وقال صندوق النقد إن «النمو سيتباطأ في الربع الأخير من العام الجاري».",
            ],
            "النمو",
            "صندوق النقد",
            "صندوق النقد الدولي",
        ),
    ],
)
def test_a_speaker_and_name_from_elsewhere_in_the_article(
    paragraphs: list[str], opening: str, speaker: str, name: str
) -> None:
    said = [(who, canonical) for who, canonical, text in _said(paragraphs) if text.startswith(opening)]
    assert said == [(speaker, name)]


@pytest.mark.parametrize(
    ("paragraph", "direct"),
    [
        # before anyone spoke: a quotation with no speaker
        ("وعلى اللافتات في الساحة «الحكومة لم تعد تصغي إلى صوت الشعب في الشارع».", [None]),
        # a title of six words and more, and a short scare quote, are no quotations
        ("وصدر للكاتب كتاب بعنوان «البحر المتوسط والعالم المتوسط في عصر فيليب الثاني».", []),
        ("وتحدث التقرير عن «الصفقة» التي أبرمتها الشركة مع المصرف.", []),
    ],
)
def test_long_quotations_without_a_cue_and_what_is_no_quotation(paragraph: str, direct: list[str | None]) -> None:
    later = "وقال وزير الداخلية إن الأمن مستتب في كل المناطق."
    found = find_quotes([paragraph, later])
    assert [q["speaker"] for q in found if q["direct"] and q["paragraph"] == 0] == direct


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        # A person NER found opens the subject where the rules would read ``العز`` as a title.
        (["قال العز بن عبد السلام: «إن العدل أساس الملك وبه تستقيم أمور الناس»."], "العز بن عبد السلام"),
        # A title after the name NER found describes the speaker and is no part of the name.
        (
            [
                "وقال ريتشارد هورويل المحامي المكلف الدفاع عن الشركة أمام المحكمة "
                "«لن نعرف مدى الضرر قبل انتهاء التحقيق»."
            ],
            "ريتشارد هورويل",
        ),
    ],
)
def test_a_person_ner_found_opening_the_subject_is_the_speaker(paragraphs: list[str], speaker: str) -> None:
    assert [said[0] for said in _said(paragraphs)] == [speaker]


def test_a_name_cut_short_of_its_lineage_gets_the_whole_of_it() -> None:
    paragraphs = [
        "ورعى الأمير خالد بن فيصل بن عبدالعزيز حفل افتتاح المهرجان مساء أمس.",
        "وقال الأمير خالد بن فيصل: «سنعمل جميعا على أن يكون المهرجان في مستوى تطلعات الأهالي».",
    ]
    (said,) = _said(paragraphs)
    assert said[1] == "خالد بن فيصل بن عبدالعزيز"


def test_a_number_glued_to_the_article_stays_in_the_speaker() -> None:
    paragraphs = ["وأعرب وزراء خارجية الدول الـ28 في بيانهم الختامي عن الأمل «في ترسيخ الثقة بين الأطراف كلها»."]
    assert [said[0] for said in _said(paragraphs)] == ["وزراء خارجية الدول الـ28"]


def test_a_participle_cut_off_by_a_full_stop_goes_on_with_the_sentence_before() -> None:
    paragraphs = [
        "ودعا إدريس المرزوقي رئيس بلدية المدينة، إلى حماية الحدائق العامة، وطالب بزيادة ميزانيتها السنوية. "
        "مضيفًا في كلمة أمام الحضور «العمل المشترك بين البلدية والأهالي سيكون حاسما في الحفاظ عليها».",
        "وتابع «من أجل أن تبقى المدينة خضراء علينا أن نبدأ من اليوم».",
    ]
    assert [said[0] for said in _said(paragraphs)] == ["إدريس المرزوقي", "إدريس المرزوقي"]


def test_an_unnamed_source_who_asked_not_to_be_named_is_not_someone_named_before() -> None:
    paragraphs = [
        "وقال سامر الحلبي الناشط في المدينة إن الوضع هادئ نسبيا منذ الصباح.",
        "وقال ناشط لرويترز، طلب عدم ذكر اسمه، إن السكان يتأهبون لمزيد من المصاعب.",
        "وأضاف «يوجد آلاف المقاتلين في بعض من هذه الضواحي».",
    ]
    spans = find_quotes(paragraphs, entities=find_entities(paragraphs))
    assert [(q["speaker"], q["canonical"]) for q in spans if q["direct"]] == [("ناشط", "ناشط")]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        # the name after a comma that follows the titles
        ("وقال الرئيس التنفيذي للمجموعة، مارك فان دايك: «نستعد لعام صعب في الأسواق».", "مارك فان دايك"),
        # the name after the title's place (``لدى``, ``في``), found by NER or opening with a given name
        ("وقال السفير المصري لدى اليونان علي الشربيني في حديث للإذاعة: «العلاقات بين البلدين متينة».", "علي الشربيني"),
        ("وقال المتحدث باسم وزارة الخارجية الأمريكية جون كيربي: «نتابع الوضع عن كثب».", "جون كيربي"),
    ],
)
def test_the_name_after_a_title_and_its_place_is_the_speaker(paragraph: str, speaker: str) -> None:
    assert [q[0] for q in _said([paragraph]) if q[0] is not None] == [speaker]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        # someone unnamed keeps the organisation or the place the article gives
        (
            "وقال مصدر أمني في وزارة الداخلية الكويتية إن «التحقيقات مستمرة مع المتهمين».",
            "مصدر أمني في وزارة الداخلية الكويتية",
        ),
        ("وقال مندوب خليجي في منظمة أوبك: «لم يحن وقت التغيير».", "مندوب خليجي في منظمة أوبك"),
        # but not where it was said, nor the words after it that are no place
        ("وقال مسؤول في تصريح صحفي: «لا جديد في الملف».", "مسؤول"),
        ("وقال مصدر أمني في المدينة طالبا عدم كشف هويته: «الوضع تحت السيطرة».", "مصدر أمني"),
        # a definite title stands for the person the article names, and keeps no place
        ("وقالت الشرطة في بيان: «تم توقيف المشتبه به».", "الشرطة"),
    ],
)
def test_an_unnamed_speaker_keeps_the_organisation_it_speaks_from(paragraph: str, speaker: str) -> None:
    assert [q[0] for q in _said([paragraph])] == [speaker]


def test_a_title_the_current_speaker_holds_stands_for_him() -> None:
    paragraphs = [
        # two coaches named: the one who just spoke is meant
        "أكد ماركوس باكيتا مدرب الأهلي أن الفريق جاهز لمباراة الغد أمام فريق خوان غاريدو مدرب الاتحاد.",
        "وقال باكيتا في مؤتمر صحفي “نحترم المنافس ونسعى للفوز في كل مباراة.”",
        "وأضاف المدرب البرازيلي الذي تولى المهمة قبل شهرين “اللاعبون في حالة جيدة ولا نشكو من إصابات.”",
    ]
    said = [(speaker, canonical) for speaker, canonical, _ in _said(paragraphs)]
    assert said[-1][0] == "ماركوس باكيتا" or said[-1][1] == "ماركوس باكيتا"


def test_after_a_verb_of_describing_the_object_is_not_the_speaker() -> None:
    said = _said(['ووصف الرئيس الفرنسي نيكولا ساركوزي الاتفاق بأنه "خطوة تاريخية" في مؤتمر صحفي.'])
    assert [q[0] for q in said if q[2] == "خطوة تاريخية"] == ["نيكولا ساركوزي"]


def test_before_qawluh_an_unnamed_speaker_keeps_the_place_it_speaks_from() -> None:
    said = _said(["وتنقل الصحيفة عن محلل غربي في دمشق قوله إن «النظام يواجه أزمة اقتصادية حقيقية»."])
    assert [q[0] for q in said] == ["محلل غربي في دمشق"]
