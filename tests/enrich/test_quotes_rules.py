"""One table per attribution rule of `find_quotes`; every sentence here is written for the test."""

from __future__ import annotations

import pytest

from marsad.enrich.quotes import find_quotes


def _direct(paragraphs: list[str], names: tuple[str, ...] = ()) -> list[tuple[str | None, str]]:
    return [(q["speaker"], q["text"]) for q in find_quotes(paragraphs, names=names) if q["direct"]]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # A closing mark left out at the end of a paragraph.
        (
            ["وأوضح الناطق باسم الدفاع المدني ماجد الشهري: «الحريق أخمد بالكامل ولا إصابات"],
            [("ماجد الشهري", "الحريق أخمد بالكامل ولا إصابات")],
        ),
        # ... or at the end of a sentence, where the same mark opens again.
        (
            ["وقالت المديرة هند القحطاني: «بدأنا التسجيل اليوم. وأضافت أن «المقاعد محدودة هذا العام»."],
            [("هند القحطاني", "بدأنا التسجيل اليوم"), ("هند القحطاني", "المقاعد محدودة هذا العام")],
        ),
        # An opening mark left out after a colon.
        (
            ['وقال المدرب يوسف العنزي: نحن جاهزون للمباراة المقبلة".'],
            [("يوسف العنزي", "نحن جاهزون للمباراة المقبلة")],
        ),
        # Sites that glue paragraphs with three spaces: speech does not cross them.
        (
            ["قال المحافظ فيصل الدوسري: “العمل مستمر في المشروع.   وتفقد المحافظ الموقع “سيرا على الأقدام”."],
            [("فيصل الدوسري", "العمل مستمر في المشروع")],
        ),
        # An ASCII opening mark glued to its verb.
        (
            ['قال اللاعب سالم الزهراني إن الفريق تحسن. وتابع" نحن نستعد للموسم بقوة".'],
            [("سالم الزهراني", "نحن نستعد للموسم بقوة")],
        ),
    ],
)
def test_broken_quotation_marks(paragraphs: list[str], expected: list[tuple[str | None, str]]) -> None:
    assert _direct(paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # Open at the end of one paragraph, closed at the end of the next.
        (
            [
                "وقال رئيس اللجنة عادل الشمري: «سنعلن النتائج الأسبوع المقبل بعد مراجعتها",
                "وسيتم نشرها على موقع اللجنة الرسمي للجميع».",
            ],
            [
                ("عادل الشمري", "سنعلن النتائج الأسبوع المقبل بعد مراجعتها"),
                ("عادل الشمري", "وسيتم نشرها على موقع اللجنة الرسمي للجميع"),
            ],
        ),
        # A paragraph ending in a colon, and the speech as the next paragraph.
        (
            ["وكتب الناقد سامر الحلبي عن المعرض:", "«لم أر لوحات بهذه الجرأة منذ سنوات طويلة»."],
            [("سامر الحلبي", "لم أر لوحات بهذه الجرأة منذ سنوات طويلة")],
        ),
    ],
)
def test_speech_over_several_paragraphs(paragraphs: list[str], expected: list[tuple[str | None, str]]) -> None:
    assert _direct(paragraphs) == expected


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("وقال المنسق الإعلامي لنادي الفيصلي الرياضي سامر خليل إن «الفريق جاهز للمباراة»", "سامر خليل"),
        ("قال سفير اليابان تارو كونو إن «العلاقات بين البلدين تنمو بسرعة»", "تارو كونو"),
        ("قال رئيس وزراء ماليزيا أنور صالح إن «الحطام سيرسل إلى فرنسا للفحص»", "أنور صالح"),
        ("وأكد رئيس نادي الوحدة خالد المري أن «الإدارة ستدعم الفريق حتى النهاية»", "خالد المري"),
        ("وقال مدير إدارة الخدمات ببلدية العزيزية محمد الغامدي: «أغلقنا خمسة محلات مخالفة اليوم»", "محمد الغامدي"),
        ("وقال الوكيل المساعد للشؤون الفنية علي بن سالم العمري: «المشروع في مراحله الأخيرة»", "علي بن سالم العمري"),
        ("وقال نقيب المحامين سعيد البدري «لن نقبل بأي تعديل على القانون»", "سعيد البدري"),
        # A comma puts the name after titles only.
        ("وأكد المتحدث الرسمي باسم شرطة المنطقة، فهد العتيبي، أن «التحقيق ما زال جاريا»", "فهد العتيبي"),
        # A name after the phrase that ended the titles, family names with the article included.
        (
            "وقال رئيس مجلس إدارة بيت التمويل في البنك حمد عبد المحسن الراشد: «نأمل أن نخدم العملاء جميعا»",
            "حمد عبد المحسن الراشد",
        ),
        (
            "وحذرت المقررة الخاصة المعنية بالسكن في الأمم المتحدة ليلى فرحات من «تفاقم أزمة الإيواء في المدن»",
            "ليلى فرحات",
        ),
        # A name in quotation marks, and a one-word quoted nickname that is not the name.
        ("وقال المدير الفني لنادي الشباب «خوان فيرا» إن «اللاعبين قدموا كل ما لديهم»", "خوان فيرا"),
        ('وقال مدير شركة "نخيل" المهندس صالح العمري إن "الموسم كان ناجحا جدا"', "صالح العمري"),
        # What follows the name: a prepositional phrase, an adverbial participle.
        ("وقالت القاضية سارة هولت بالمحكمة العليا “القانون لا يسمح بهذا الطلب”", "سارة هولت"),
        ("وقال الممثل سامح برهوم مبتسما «هذا الدور هو الأقرب إلى قلبي»", "سامح برهوم"),
        (
            "وقال رئيس الغرفة التجارية عبدالله بن شاكر آل حمد إن «القرارات تصب في مصلحة التجار»",
            "عبدالله بن شاكر آل حمد",
        ),
        ("وقال بارتوميو أخيرا إن «التزامنا هو الاستمرار في المنافسة»", "بارتوميو"),
        # No personal name: the description is the speaker.
        ("وقال أمير منطقة حائل في كلمته: «نحن فخورون بأبناء المنطقة»", "أمير منطقة حائل"),
        ("وقال نائب محافظ منطقة القصيم لوكالة الأنباء: «أنهينا أعمال الصيانة في الموعد»", "نائب محافظ منطقة القصيم"),
        # Organisations with their complement.
        ("وقال الجناح العسكري للحركة في بيان إن الهجوم جاء «ردا على قصف القرى الحدودية»", "الجناح العسكري للحركة"),
        ("وقالت وكالة الأنباء الرسمية إن الوزير وصل «في زيارة تستغرق يومين»", "وكالة الأنباء الرسمية"),
    ],
)
def test_the_speaker_is_the_name_in_the_subject(sentence: str, speaker: str) -> None:
    quotes = _direct([sentence])
    assert quotes and quotes[-1][0] == speaker


@pytest.mark.parametrize(
    ("paragraphs", "speakers"),
    [
        # ``جاء في بيان صادر عن الوزارة``: the statement's issuer speaks (the guidelines: never the statement).
        (["وجاء في بيان صادر عن الوزارة: «سيبدأ العمل بالقرار مطلع الشهر المقبل»."], ["الوزارة"]),
        # ``جاء فيه``: the organisation that issued it.
        (
            ["أصدر المركز الإعلامي بالنادي بيانا مساء أمس جاء فيه «نرفض ما نشر عن رحيل المدرب جملة وتفصيلا»."],
            ["المركز الإعلامي بالنادي"],
        ),
        # ``نقلت ... عن X قوله`` and ``نقلت ... عن X أن``.
        (
            ["ونقلت الوكالة عن المحافظ سامي العلي قوله “الوضع في المدينة تحت السيطرة تماما”."],
            ["سامي العلي"],
        ),
        (
            ['ونقلت وكالة أنباء محلية عن المتحدث باسم الشرطة جواد ؛ أن "اشتباكا وقع ليلا قرب السوق القديم".'],
            ["جواد"],
        ),
        # ``بحسب``/``وفق`` before or after the quotation.
        (["«الأسعار ستعود إلى الانخفاض قريبا»، بحسب التقرير السنوي."], ["التقرير السنوي"]),
        # Passive ``أفيد``: nobody, not the previous speaker.
        (
            [
                "قال المدير ماجد الحربي إن الأرباح زادت كثيرا هذا العام.",
                "وأفيد بأن «الشركة ستوزع أرباحا على المساهمين».",
            ],
            [None],
        ),
    ],
)
def test_cues_that_are_not_a_verb_and_its_subject(paragraphs: list[str], speakers: list[str | None]) -> None:
    assert [speaker for speaker, _ in _direct(paragraphs)] == speakers


@pytest.mark.parametrize(
    ("paragraphs", "speakers"),
    [
        # ``وأضاف`` continues the previous speaker, across paragraphs.
        (
            ["قال وزير النقل ناصر الكعبي إن «الطريق سيفتتح الشهر المقبل».", "وأضاف: «نعمل على تسريع الأعمال»."],
            ["ناصر الكعبي", "ناصر الكعبي"],
        ),
        # ... unless a paragraph in between opens with someone else.
        (
            [
                "وقال قائد الشرطة راشد النعيمي: «لا نعرف دوافع المهاجم بعد».",
                "ووصل وزير الصحة خالد العمر إلى موقع الحادث مساء أمس.",
                "وقال في تصريح للصحفيين: «المصابون يتلقون العلاج اللازم الآن».",
            ],
            ["راشد النعيمي", "خالد العمر"],
        ),
        # A verb whose subject is left out has an object, not a speaker, after it.
        (
            [
                "أكد الخبير المصرفي سعيد الهاجري أن السوق مستقر.",
                "واعتبر تدخل هيئة السوق في التداولات «أمرا ضروريا لحماية المستثمرين»، وقال «الرقابة تحمي الجميع دائما».",
            ],
            ["سعيد الهاجري", "سعيد الهاجري"],
        ),
        # ``من جهة أخرى، طمأن المدافع ...``: the clause's own subject; ``حديثه عن X`` names an object.
        (
            ["من جهة أخرى، طمأن مدافع الفريق سعد الحربي جماهير النادي على إصابته وقال “الإصابة بسيطة ولا تدعو للقلق”."],
            ["سعد الحربي"],
        ),
        # A definite noun names again the speaker it started: ``المصدر`` after ``مصدر أمني``.
        (
            [
                "وأكد مصدر أمني لـ«الصحيفة» أن البحث ما زال جاريا عن المفقودين.",
                "وأضاف المصدر: «عثرنا على سيارة المفقودين قرب الوادي صباح اليوم».",
            ],
            ["مصدر أمني"],
        ),
        (
            ["أكدت الأمانة العامة لهيئة الإغاثة على أهمية التبرع، وقالت الأمانة في بيان «نشكر كل من ساهم في الحملة»."],
            ["الأمانة العامة لهيئة الإغاثة"],
        ),
        # ``وقال سموه``: an honorific with a pronoun is no subject.
        (
            ["قال الأمير فيصل بن سعد إن «الجميع شركاء في حماية الوطن».", "وقال سموه «نحن في خندق واحد دائما»."],
            ["فيصل بن سعد", "فيصل بن سعد"],
        ),
        # With no speaker yet, the first person the article names.
        (
            [
                "يتوج رئيس الاتحاد السعودي لكرة القدم أحمد بن راشد اليوم الفائز بالكأس.",
                "وأضاف: «نتمنى مباراة تليق بالجماهير».",
            ],
            ["أحمد بن راشد"],
        ),
    ],
)
def test_who_speaks_when_the_cue_names_nobody(paragraphs: list[str], speakers: list[str | None]) -> None:
    assert [speaker for speaker, _ in _direct(paragraphs)] == speakers


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        # A surname alone resolves to the full name the article wrote after an article word ...
        (
            ["والتقت الصحيفة بالمزارع حمد سالم الكعبي في قريته.", "وقال الكعبي: «الماء لم يصل إلى المزرعة منذ شهرين»."],
            "حمد سالم الكعبي",
        ),
        # ... and a first name to the person it starts.
        (
            [
                "قال رئيس الوزراء نجيب عبد الرحيم إن الحكومة مستقرة.",
                "وقال نجيب في بيان: «سنرسل الحطام إلى فرنسا للفحص».",
            ],
            "نجيب عبد الرحيم",
        ),
        # ``وهددت الكعبي``: a verb before a name is not a given name.
        (["ووصلت الشكوى إلى الكعبي أمس.", "وقال الكعبي: «سأرد على الشكوى خلال أيام قليلة»."], "الكعبي"),
    ],
)
def test_short_names_resolve_within_the_article(paragraphs: list[str], speaker: str) -> None:
    assert _direct(paragraphs)[-1][0] == speaker


def test_names_from_ner_pick_the_speaker_span() -> None:
    paragraphs = ["وقال المنسق الإعلامي لنادي أربيل ريبين رمزي إن «الفريق سيحتفل باللقب قريبا»."]
    assert _direct(paragraphs, names=("ريبين رمزي",)) == [("ريبين رمزي", "الفريق سيحتفل باللقب قريبا")]
    assert _direct(paragraphs) == [("ريبين رمزي", "الفريق سيحتفل باللقب قريبا")]


@pytest.mark.parametrize(
    "paragraphs",
    [
        ['وقال بنك "دار المال الوطني" في بيان إن أرباحه ارتفعت هذا العام.'],
        ["وقال المنظمون إن مهرجان «ليالي الصيف الجميلة» سيبدأ غدا في الحديقة."],
        ["وأعلنت الشركة إطلاق برنامج «معا نحو مستقبل أفضل» للموظفين الجدد."],
    ],
)
def test_quoted_names_and_titles_are_not_quotes(paragraphs: list[str]) -> None:
    assert _direct(paragraphs) == []
