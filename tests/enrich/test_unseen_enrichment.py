"""Dates and quantities in the forms issue #17 names, on sentences we wrote: slashes between a
date's parts, Hijri days without a year, bracketed digits before a scale word, duals of scale
words, and codes that are no counts."""

from __future__ import annotations

import pytest

from marsad.enrich.dates import find_dates
from marsad.enrich.quantities import find_quantities

PUBLISHED = "2015-07-20"


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("اجتمع المجلس في 7 / يوليو /2015 م لبحث الموازنة.", "7 / يوليو /2015 م", "2015-07-07"),
        ("صدر القرار في 10/شوال / 1436هـ بعد المراجعة.", "10/شوال / 1436هـ", "2015-07-26"),
        ("تبدأ الدراسة في 20 رمضان حسب التقويم.", "20 رمضان", "2015-07-07"),
        ("يعقد المؤتمر يوم 15 شوال في جدة.", "15 شوال", "2015-07-31"),
        ("وصل الوفد يوم 21 شوال 1436 هـ إلى تبوك.", "21 شوال 1436 هـ", "2015-08-06"),
        # a year of a part of the year or of a birth, and a month written first
        ("ارتفعت مبيعات الشركة خلال الربع الأول من 2012 بنسبة كبيرة.", "2012", "2012"),
        ("وتراجعت الأسعار في النصف الثاني من 2015 بسبب ضعف الطلب.", "2015", "2015"),
        ("ويشارك في البطولة لاعبون من مواليد 1997 وما بعدها.", "1997", "1997"),
        ("كتب الوزير في حسابه يوليو 18, 2012 أن الاجتماع انتهى.", "يوليو 18, 2012", "2012-07-18"),
        # months that are also words, after a word of time
        ("وتصاعدت المعارك منذ بدء الحرب في أواخر مارس في المدينة.", "مارس", "2015-03"),
        ("وسجلت الأسعار أكبر خسائرها الشهرية منذ مارس بسبب تخمة المعروض.", "مارس", "2015-03"),
        # a Hijri month after a word of time, resolved against publication
        ("وارتفعت مبيعات المحلات خلال رمضان بنسبة كبيرة.", "رمضان", "2015"),
        ("وتستمر فعاليات المهرجان حتى نهاية شوال في الحدائق العامة.", "شوال", "2015"),
        # relative months, tenses, and years before words
        ("يقام الحفل يوم 27 من الشهر الجاري في بغداد.", "27 من الشهر الجاري", "2015-07-27"),
        ("وتنطلق البطولة في الخامس من الشهر المقبل.", "الخامس من الشهر المقبل", "2015-08-05"),
        ("وصل الوفد البارحة الأولى إلى جدة.", "البارحة الأولى", "2015-07-18"),
        ("وقع الحادث الليلة قبل الماضية قرب الميناء.", "الليلة قبل الماضية", "2015-07-18"),
        ("وتنطلق الألعاب في 27 الجاري بمشاركة عربية.", "27 الجاري", "2015-07-27"),
        ("وتعقد الجمعية العمومية في 9 المقبل.", "9 المقبل", "2015-08-09"),
        ("وكان الفريق قد فاز في 25 يناير على منافسه.", "25 يناير", "2015-01-25"),
        ("وسيعقد المؤتمر في 25 يناير بالرياض.", "25 يناير", "2016-01-25"),
        ("يقام المعرض في 10 أغسطس بمشاركة واسعة.", "10 أغسطس", "2015-08-10"),
        ("وفي 1986 فاز المنتخب باللقب.", "1986", "1986"),
        ("وكانت الأسعار أعلى قبل 2011 بكثير.", "2011", "2011"),
        # ``الفارط``: the Maghreb's "last"; ``للسنة``: a preposition glued to the period.
        ("وفرت الوزارة الكمية نفسها السنة الفارطة لكل المدارس.", "السنة الفارطة", "2014"),
        ("وصل الوفد التونسي في الشهر الفارط إلى الجزائر.", "الشهر الفارط", "2015-06"),
        ("سجل الاستثمار المستوى نفسه بالنسبة للسنة الماضية تقريبا.", "للسنة الماضية", "2014"),
        # Two months joined by ``و`` share the dual after the second.
        ("اشتبكت الوحدات بين سبتمبر ويناير الماضيين قرب الحدود.", "سبتمبر", "2014-09"),
        ("اشتبكت الوحدات بين سبتمبر ويناير الماضيين قرب الحدود.", "يناير الماضيين", "2015-01"),
        ("يعقد المؤتمران في نوفمبر وديسمبر المقبلين في الدوحة.", "نوفمبر", "2015-11"),
        # A bare month after ``عن`` or ``بين``; ``أول`` + a month is its first day.
        ("تراجعت الصادرات في يونيو بنحو 5 في المئة عن مايو الذي سبقه.", "مايو", "2015-05"),
        ("تطبق اللوائح الجديدة اعتبارا من أول يوليو على كل السائقين.", "أول يوليو", "2015-07-01"),
        ("في 15 كانون أول 2012 عقد المجلس جلسته.", "15 كانون أول 2012", "2012-12-15"),
        # A year after ``من`` before a word no number counts (definite, or a particle).
        ("بدأ العمل بالقرار من 2015 الأمر الذي أثار جدلا واسعا.", "2015", "2015"),
        ("ارتفعت المبيعات عن 2014 في كل الأسواق.", "2014", "2014"),
        # ``شهر`` with a preposition glued to it; a month after ``من``/``إلى`` in a span of months.
        ("ارتفعت السيولة 83% قياسا بشهر حزيران ليسجل المؤشر رقما قياسيا.", "شهر حزيران", "2015-06"),
        ("ونزلت عقود الخام لشهر أغسطس آب 13 سنتا.", "شهر أغسطس آب", "2015-08"),
        ("تراجع الإنتاج في الفترة من أبريل إلى يونيو بنسبة طفيفة.", "أبريل", "2015-04"),
        ("تراجع الإنتاج في الفترة من أبريل إلى يونيو بنسبة طفيفة.", "يونيو", "2015-06"),
        # A part of the year or month the article is in.
        ("ويتوقع أن تستمر الأسعار في الانخفاض بقية العام.", "العام", "2015"),
        ("نما الاقتصاد في النصف الثاني من العام، بحسب التقرير.", "العام", "2015"),
        ("وستصل الدفعة الأولى من الطائرات نهاية السنة.", "نهاية السنة", "2015"),
        ("وأعلنت الوزارة أن التوزيع سيتم آخر الشهر، دون تفاصيل.", "آخر الشهر", "2015-07"),
        # Any month name opens a span of months; a comma typed between ``عام`` and its year.
        ("ارتفع الدين في الفترة من تموز إلى تشرين الثاني الماضي.", "تموز", "2015-07"),
        ("وزار تونس في عام ،2013 قرابة 300 ألف سائح.", "2013", "2013"),
        # Two weekdays joined by ``و``: ``الجمعة`` is a day, not the prayer, beside another day.
        ("واعتقلت الشرطة العشرات الجمعة والسبت في العاصمة.", "الجمعة", "2015-07-17"),
        # A relative year and its figures are one date, as the guidelines' ``للعام الحالي 1436هـ``.
        ("ارتفعت المبيعات في العام الماضي 2014 بنسبة 12 في المئة.", "العام الماضي 2014", "2014"),
        # A Hijri month's epithet is part of its name; ``شهر`` may have a preposition glued to it.
        ("أطلقت الجمعية حملتها الخاصة بشهر رمضان المبارك أمس.", "شهر رمضان المبارك", "2015"),
        ("ويقام الحفل يوم 24 شوال الجاري في جدة.", "24 شوال الجاري", "2015-08-09"),
        # ``منذ`` makes a bare weekday a date but is no date word
        ("وتغلق المحلات أبوابها منذ الأحد الماضي بسبب الأمطار.", "الأحد الماضي", "2015-07-19"),
        # the feminine ``السابقة``, ``غد`` after a part of the day, a bare Friday, an edition's year
        ("واستضاف المعرض في السنة السابقة حوالي عشرين ألف زائر.", "السنة السابقة", "2014"),
        ("ويلتقي الفريقان مساء غد الثلاثاء في الرياض.", "مساء غد الثلاثاء", "2015-07-21"),
        ("وتنطلق صباح الغد فعاليات المهرجان في الحديقة.", "صباح الغد", "2015-07-21"),
        ("وأسفر قمع تظاهرات الجمعة عن عشرات الجرحى.", "الجمعة", "2015-07-17"),
        ("وشارك المنتخب في نسخة 2012 من البطولة القارية.", "2012", "2012"),
    ],
)
def test_dates_in_the_forms_the_rules_missed(sentence: str, text: str, value: str) -> None:
    found = {(d["text"], d["value"]) for d in find_dates([sentence], PUBLISHED)}
    assert (text, value) in found


def test_a_hijri_day_without_a_year_is_found_without_a_value_without_a_publication_date() -> None:
    # The guidelines: a relative date is labelled, with value null when nothing anchors it.
    assert [(d["text"], d["value"]) for d in find_dates(["تبدأ الدراسة في 20 رمضان."], None)] == [("20 رمضان", None)]
    found = find_dates(["انطلقت الفعاليات في شهر رمضان الجاري بمشاركة واسعة."], None)
    assert [(d["text"], d["value"]) for d in found] == [("شهر رمضان الجاري", None)]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("بلغت الإيرادات (117) مليار دينار خلال العام.", 117_000_000_000, "دينار"),
        ("ضبطت الجمارك (5) آلاف جوال مهرب.", 5000, "جوال"),
        ("تداول المستثمرون (2.667) مليار سهم.", 2_667_000_000, "سهم"),
        ("وزعت المنظمة مليوني واق من البعوض.", 2_000_000, "واق"),
        ("حضر ألفي مشجع المباراة.", 2000, "مشجع"),
    ],
)
def test_bracketed_digits_and_duals_take_their_scale(sentence: str, value: int, unit: str) -> None:
    found = find_quantities([sentence])
    assert [(q["value"], q["unit"]) for q in found] == [(value, unit)]


def test_a_number_with_a_leading_zero_is_a_code_not_a_count() -> None:
    assert find_quantities(["اتصل بالرقم المختصر 012 للاستفسار."]) == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("تنتهي الخطة في عام 1441هـ كما أعلنت الوزارة.", "2020"),
        ("افتتح المهرجان في دورته للعام 1437 هـ بمشاركة واسعة.", "2016"),
    ],
)
def test_a_hijri_year_alone_is_the_gregorian_year_holding_most_of_it(sentence: str, value: str) -> None:
    assert value in [d["value"] for d in find_dates([sentence], PUBLISHED)]


@pytest.mark.parametrize(
    ("sentence", "speaker", "said"),
    [
        ("وهتف المتظاهرون أمام المبنى: «نريد حلاً عاجلاً لأزمة المياه».", "المتظاهرون", "نريد حلاً عاجلاً لأزمة المياه"),
        ("وغرد الأمير خالد الفيصل على حسابه: «بلادنا بخير وأهلها بخير».", "خالد الفيصل", "بلادنا بخير وأهلها بخير"),
        (
            "وعلقت وزارة التعليم في بيانها: «الاختبارات في موعدها المحدد».",
            "وزارة التعليم",
            "الاختبارات في موعدها المحدد",
        ),
    ],
)
def test_chants_tweets_and_comments_are_direct_quotes(sentence: str, speaker: str, said: str) -> None:
    from marsad.enrich.quotes import find_quotes

    quotes = [(q["speaker"], q["text"]) for q in find_quotes([sentence]) if q["direct"]]
    assert quotes == [(speaker, said)]


@pytest.mark.parametrize(
    ("paragraph", "speaker", "said"),
    [
        (
            "«نادية الخطيب: «رحم الله الفقيد، كان مثالاً في الخلق والعطاء».",
            "نادية الخطيب",
            "رحم الله الفقيد، كان مثالاً في الخلق والعطاء",
        ),
        (
            "«وزارة الثقافة: «نعزي أسرة الفقيد ومحبيه في هذا المصاب الجلل».",
            "وزارة الثقافة",
            "نعزي أسرة الفقيد ومحبيه في هذا المصاب الجلل",
        ),
    ],
)
def test_a_guillemet_left_before_a_speakers_label_opens_nothing(paragraph: str, speaker: str, said: str) -> None:
    from marsad.enrich.ner import find_entities
    from marsad.enrich.quotes import find_quotes

    quotes = find_quotes([paragraph], entities=find_entities([paragraph]))
    assert [(q["speaker"], q["text"]) for q in quotes if q["direct"]] == [(speaker, said)]


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("أنجزت الهيئة المشروع في شهر رجب الماضي.", "شهر رجب الماضي", "2015"),
        ("تبدأ الحملة في رمضان المقبل بمشاركة المتطوعين.", "رمضان المقبل", "2016"),
        ("وصلت العمالة خلال شهر رمضان بحسب الوزارة.", "شهر رمضان", "2015"),
    ],
)
def test_a_hijri_month_without_a_year_is_read_against_publication(sentence: str, text: str, value: str) -> None:
    assert (text, value) in {(d["text"], d["value"]) for d in find_dates([sentence], PUBLISHED)}


def test_a_hijri_month_name_alone_may_be_a_name() -> None:
    assert find_dates(["وقال الباحث أحمد رمضان إن النتائج مشجعة."], PUBLISHED) == []


def test_the_dateline_gives_the_publication_date_a_page_lacks() -> None:
    import marsad

    page = "\n\n".join(
        [
            "محليات",
            "أمير تبوك يدشن مشروع الإسكان الجديد في المنطقة",
            "تبوك 21 شوال 1436 هـ الموافق 06 اغسطس 2015 م واس",
            "دشن أمير منطقة تبوك اليوم مشروع الإسكان الجديد في المنطقة بحضور عدد من المسؤولين والمواطنين.",
            "وأوضح مدير الإسكان أن المشروع يضم ألف وحدة سكنية، وأن العمل فيه بدأ أمس بعد اكتمال التصاميم.",
        ]
    )
    (record,) = marsad.extract(page)
    assert record.published == "2015-08-06"
    assert ("أمس", "2015-08-05") in {(d["text"], d["value"]) for d in record.dates}
    (given,) = marsad.extract(page, published="2015-09-01")
    assert given.published == "2015-09-01"


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("تسلمت الأمانات الخمس تقاريرها السنوية.", 5, "الأمانات"),
        ("تضاعف الإنتاج خلال السنوات الثلاث الماضية.", 3, "السنوات"),
    ],
)
def test_a_definite_plural_counted_by_the_number_after_it(sentence: str, value: int, unit: str) -> None:
    assert [(q["value"], q["unit"]) for q in find_quantities([sentence])] == [(value, unit)]


def test_a_definite_number_alone_is_no_count() -> None:
    assert find_quantities(["وقال الخمسة الكبار إن الاتفاق قريب."]) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "تتدفق مياه العين طوال العام.",
        "وقال المدير العام للشركة إن الرأي العام ينتظر.",
        "ويبدأ التسجيل من اليوم الثاني من الشهر.",
        # ``العام`` of an office is "general"; Friday's pulpits; ``الغد`` alone is "the future"
        "وكرّم الحفل المدير العام السابق للمؤسسة.",
        "ودعا الخطباء من على منابر الجمعة إلى التبرع.",
        "ويتحدث الكتاب عن أحلام جيل الغد.",
    ],
)
def test_all_year_round_and_the_words_of_a_title_are_no_dates(sentence: str) -> None:
    assert find_dates([sentence], "2015-07-20") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "افتتحت الدورة الـ15 للمهرجان أمس.",
        "عرفت المدينة في القرن الـ20 الميلادي نهضة.",
        "يفتح المكتب من الـ 8 صباحا حتى الظهر.",
        "تأهل المنتخب إلى دور الثمانية بعد فوزه.",
        "وتستمر الدورة إلى العشرين منه.",
        "في القرن الحادي والعشرين تغيرت الصحافة.",
        # a score after a word of a result, whatever dash parts it; a name's number after its hyphen
        "فاز الفريق بنتيجة 88 – 82 نقطة في المباراة.",
        "انتهت فترات المباراة لصالح الفريق ( 17 – 10 ، 14 – 18، 18 – 12 ، 26 – 12 ).",
        "أجل المركز اختبار القدرات (تقييم- 1) إلى العام المقبل.",
        # a score in goals, and the title of the Nights
        "فاز الفريق بأربعة أهداف لهدف في ملعبه.",
        "انتهت المباراة بثلاثة أهداف مقابل هدفين.",
        "تغلب النادي على ضيفه برباعية مقابل هدف واحد.",
        "عادت الفرقة إلى حكايات ألف ليلة وليلة.",
        # game scores, and numbers inside Latin names
        "وفاز الرياضي على الحكمة 102-83 في المباراة.",
        "وجاءت نتائج الأرباع على النحو الآتي: 26-16، 45-37، 64-52 و93-67.",
        "اكتشف الفريق بروتينا يسمى «PRDM 16» عند الفئران.",
        "ورصد الفلكيون الكوكب 55 Cancri من جديد.",
    ],
)
def test_ordinals_times_rounds_days_scores_and_titles_are_no_quantities(sentence: str) -> None:
    assert find_quantities([sentence]) == []


def test_points_against_points_are_two_readings_not_a_score() -> None:
    found = find_quantities(["سجل المؤشر 53.7 نقطة مقابل 54.2 نقطة في الشهر السابق."])
    assert [(q["value"], q["unit"]) for q in found] == [(53.7, "نقطة"), (54.2, "نقطة")]


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("قضى اللاعب سنة ونصف السنة مصابا.", "سنة ونصف السنة", 1.5, "سنة"),
        ("حكمت المحكمة بسجنه ثلاث سنوات ونصف.", "ثلاث سنوات ونصف", 3.5, "سنوات"),
        ("استمر الاجتماع ساعتين وربع الساعة.", "ساعتين وربع الساعة", 2.25, "ساعتين"),
        ("أنهى العداء السباق في دقيقة و22 ثانية.", "دقيقة و22 ثانية", 82, "ثانية"),
        ("تأخرت الرحلة 3 ساعات و17 دقيقة عن موعدها.", "3 ساعات و17 دقيقة", 197, "دقيقة"),
        # a smaller scale after ``و`` adds to the number before
        ("ووقعت الوزارة عقودا بتكلفة 3 مليارات و200 مليون ريال.", "3 مليارات و200 مليون ريال", 3200000000, "SAR"),
        ("وبلغ عدد السكان 23 مليون و348 ألف نسمة.", "23 مليون و348 ألف", 23348000, "نسمة"),
        # a number with the article counts the noun after it, or gives an age
        ("أفرجت السلطات عن الـ 450 موقوفا بعد التحقيق.", "450", 450, "موقوفا"),
        ("ستعلن النتائج خلال ال٢٤ ساعة المقبلة.", "٢٤", 24, "ساعة"),
        ("تراجعت البطالة خلال الـ28 شهرا الماضية.", "28", 28, "شهرا"),
        ("تجاوز المؤشر حاجز الـ 9000 نقطة أمس.", "9000", 9000, "نقطة"),
        ("انخفضت المبيعات بما يعادل الـ50 بالمائة.", "50 بالمائة", 50, "%"),
        ("وسع الفريق الفارق إلى الأربع نقاط.", "الأربع", 4, "نقاط"),
        ("حضر المهرجان أكثر من الثلاثة آلاف زائر.", "الثلاثة آلاف", 3000, "زائر"),
        ("تجاوزت كلفة المشروع المليار دولار.", "المليار دولار", 1_000_000_000, "USD"),
        ("توفي الشاعر في السبعين من العمر.", "السبعين", 70, None),
        ("لا يبدأ التراجع قبل سن الستين.", "الستين", 60, None),
    ],
)
def test_a_compound_or_definite_number_is_one_quantity(
    sentence: str, text: str, value: float, unit: str | None
) -> None:
    assert [(q["text"], q["value"], q["unit"]) for q in find_quantities([sentence])] == [(text, value, unit)]


def test_a_range_between_two_durations_is_no_sum() -> None:
    found = find_quantities(["يستغرق الشحن بين أسبوع وعشرة أيام."])
    assert [(q["value"], q["unit"]) for q in found] == [(10, "أيام")]


@pytest.mark.parametrize(
    "sentence",
    [
        "وتأهل الفريق إلى دور الـ16 المقبل.",
        "ومنذ ثورة 25 يناير تغير المشهد.",
        "وشارك اللاعب في كأس العالم 2014 مع منتخب بلاده.",
        "وتسعى المملكة لتحقيق رؤية 2030 في كل القطاعات.",
        # the guidelines: a week has no calendar value of its own
        "وسيبدأ الفريق المرحلة الثالثة من الإعداد الأسبوع المقبل.",
        "وزار الوزير العاصمة هذا الأسبوع.",
        "وقدمت العيادات خلال الأسبوع الماضي خدماتها.",
        # words and names that look like months
        "وهو لاعب مارس الرياضة منذ صغره في الحي.",
        "وفي إب تواصلت الاشتباكات بين الطرفين.",
        "وجاء الاتصال بعد رجب طيب أردوغان بساعات.",
        "وقال محمد رمضان إن الفيلم حقق نجاحا كبيرا.",
        "وارتفع عدد الإصابات إلى الصفر في آخر يوم.",
    ],
)
def test_event_names_years_inside_names_weeks_and_month_lookalikes_are_no_dates(sentence: str) -> None:
    assert find_dates([sentence], PUBLISHED) == []
    assert find_quantities([sentence]) == []


def test_a_number_before_a_unit_after_qabla_is_a_count() -> None:
    assert find_dates(["عاش الإنسان هنا قبل 2000 عام."], PUBLISHED) == []
    assert [(q["value"], q["unit"]) for q in find_quantities(["عاش الإنسان هنا قبل 2000 عام."])] == [(2000, "عام")]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("وتراجع المؤشر بمقدار ناقص 0.2 نقطة.", -0.2, "نقطة"),
        ("ويعيش ثلاثة أرباع السكان في المدن.", 0.75, "السكان"),
        ("وقدرت الغرامة بـ “25″ ألف ريال.", 25_000, "SAR"),
    ],
)
def test_negative_numbers_fraction_plurals_and_quoted_digits(sentence: str, value: float, unit: str) -> None:
    assert [(q["value"], q["unit"]) for q in find_quantities([sentence])] == [(value, unit)]


def test_two_numbers_joined_by_wa_are_a_list_that_shares_its_noun() -> None:
    found = find_quantities(["وتستغرق المعالجة بين ستة وثمانية أسابيع."])
    assert [(q["value"], q["unit"]) for q in found] == [(6, "أسابيع"), (8, "أسابيع")]
    found = find_quantities(["وأعمار الأطفال 3 و5 و9 سنوات."])
    assert [(q["value"], q["unit"]) for q in found] == [(3, "سنوات"), (5, "سنوات"), (9, "سنوات")]
    assert [q["value"] for q in find_quantities(["وعمره خمسة وثلاثون عاما."])] == [35]


def test_a_year_before_a_word_it_does_not_count_is_no_quantity() -> None:
    assert find_quantities(["وحقق الاقتصاد في عام 2012 نموا قويا."]) == []
    assert [q["value"] for q in find_quantities(["وبنت الوزارة 2000 منزل للأسر."])] == [2000]


@pytest.mark.parametrize(
    "sentence",
    [
        "تلقت الشرطة أكثر من 2000 بلاغ خلال العام.",
        "هذه أول مرة يزور فيها الوزير المدينة.",
        "يبدأ الصيام أول رمضان المقبل.",
    ],
)
def test_counts_after_min_and_awwal_before_no_month_are_no_gregorian_dates(sentence: str) -> None:
    found = {d["text"] for d in find_dates([sentence], PUBLISHED)}
    assert not found & {"2000", "أول مرة", "أول رمضان"}


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("تبلغ سعة الخزان 850 ألف متر مكعب من المياه.", "متر مكعب"),
        ("تمتد الحديقة على 300 متر مربع في وسط المدينة.", "متر مربع"),
        ("بلغت سرعة القفزة 1110 كيلومترات في الساعة.", "كيلومترات في الساعة"),
        ("يبعد الكوكب عن الأرض 41 سنة ضوئية تقريبا.", "سنة ضوئية"),
        ("بنى المتطوعون 20 منزلا في القرية.", "منزلا"),
    ],
)
def test_a_measure_keeps_the_words_that_complete_it(sentence: str, unit: str) -> None:
    assert unit in {q["unit"] for q in find_quantities([sentence])}


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # the weekday of the week after next: the next Thursday after 22 July 2015 is the 23rd
        ("ويستضيف الفريق منافسه الخميس بعد المقبل في جدة.", "2015-07-22", [("الخميس بعد المقبل", "2015-07-30")]),
        # a Hijri year outside the Umm al-Qura table: the Gregorian year holding most of it
        ("وبني المسجد سنة 79 هجرية في عهد الأمويين.", None, [("79 هجرية", "0698")]),
        ("وتعود المخطوطة إلى عام 1086هـ كما يذكر المؤرخون.", None, [("1086هـ", "1675")]),
        # without a publication date a week has no value, and is no date
        ("وقالت الوزارة إن الاجتماع عقد الأسبوع الماضي في العاصمة.", None, []),
    ],
)
def test_weeks_after_next_historical_hijri_years_and_weeks_without_a_date(
    sentence: str, published: str | None, expected: list[tuple[str, str]]
) -> None:
    assert [(d["text"], d["value"]) for d in find_dates([sentence], published)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # brackets around the digits with spaces inside, before the scale word
        ("خصصت الوزارة ( 117 ) مليار دينار للمشاريع.", [(117_000_000_000, "دينار")]),
        # the Arabic decimal mark with direction marks and spaces around it
        ("بلغت الإيرادات 8\u200f ر\u200f8\u200f مليار جنيه خلال العام.", [(8_800_000_000, "جنيه")]),
        # a decimal comma written fraction first before a scale word: 11.90 thousand
        ("استقر سعر الصرف في حدود 90 ,11 ألف دينار مقابل مئة يورو.", [(11_900, "دينار")]),
    ],
)
def test_bracketed_spaced_and_reversed_decimal_numbers(sentence: str, expected: list[tuple[float, str]]) -> None:
    found = [(q["value"], q["unit"]) for q in find_quantities([sentence])]
    assert found[: len(expected)] == expected


@pytest.mark.parametrize(
    ("sentence", "marks"),
    [
        ("سجل كازورلا في الدقائق 32 و34 و60 من المباراة.", ["32", "34", "60"]),
        ("أضاف ريدينج هدفين في الدقيقتين 66 و71.", ["66", "71"]),
        ('تعاملت العيادات خلال الأسبوع "133" مع 970 حالة.', ["133"]),
        ("يستمر المعرض حتى 27 منه بمشاركة فنانين من الأردن.", ["27"]),
        ("وفقا للشروط المحددة في المواد 80 و84 من الدستور.", ["80", "84"]),
        ("وطالبت الجمعية بإلغاء القانون عدد 88 لسنة 2005 المتعلق بالمنافع.", ["88"]),
        ("وصدر القرار 10690 المؤرخة في 12 مارس بتعيين لجنة من خمسة أعضاء.", ["10690"]),
    ],
)
def test_minutes_weeks_articles_and_days_of_the_month_are_no_quantities(sentence: str, marks: list[str]) -> None:
    found = {q["text"] for q in find_quantities([sentence])}
    assert not found & set(marks), found


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("وزعت الجمعية مواد غذائية على أكثر من 30.000 شخص في المدينة.", 30000),
        ("وبلغ عدد المراجعين 351.585 مراجعا خلال العام.", 351585),
        ("ويبلغ راتبه الشهري 4.500 ريال.", 4500),
        # a measure, a percentage or a dinar may have thousandths
        ("وقطع العداؤون مسافة 42.195 كلم في الماراثون.", 42.195),
        ("وارتفع السهم بنسبة 3.850 في المائة.", 3.85),
        ("وبلغ سعر الكيلو 1.500 دينار في تونس.", 1.5),
        ("وبيعت في المهرجان 584.376 طنا من التمور.", 584.376),
    ],
)
def test_a_dot_groups_thousands_before_what_is_counted_whole(sentence: str, value: float) -> None:
    assert [q["value"] for q in find_quantities([sentence])] == [value]


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("وأحرزت العداءة لقب سباق 200 م في زغرب.", "م"),
        ("وفازت بسباق 100م حرة بزمن قياسي.", "م"),
        ("منذ 1436 م والعمل مستمر.", None),
    ],
)
def test_an_m_after_a_number_is_metres_unless_the_number_is_a_year(sentence: str, unit: str | None) -> None:
    assert [q["unit"] for q in find_quantities([sentence])] == [unit]


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("تقدم الفريق بنقطة واحدة على منافسه.", "نقطة"),
        ("حدث ذلك لمرة واحدة فقط.", "مرة"),
        ("سهر ليلة واحدة في المدينة.", "ليلة"),
    ],
)
def test_one_counts_the_noun_before_it_without_its_preposition(sentence: str, unit: str) -> None:
    assert [q["unit"] for q in find_quantities([sentence])] == [unit]


def test_monday_and_friday_alone_date_a_statement_in_the_agencies_order() -> None:
    # ``الاثنين`` is also "the two" and ``الجمعة`` the Friday prayer: alone they date only what
    # someone said that day (speaker, day, ``إن``/``أن``).
    found = find_dates(["وقال وزير الخارجية الجمعة إن المحادثات ستستأنف قريبا."], PUBLISHED)
    assert [(d["text"], d["value"]) for d in found] == [("الجمعة", "2015-07-17")]
    found = find_dates(["وأعلن الاتحاد الاثنين أنه أوقف اللاعب ثلاث مباريات."], PUBLISHED)
    assert [(d["text"], d["value"]) for d in found] == [("الاثنين", "2015-07-20")]
    assert find_dates(["وأكد خطباء الجمعة أن الوحدة واجب على الجميع."], PUBLISHED) == []
    assert find_dates(["وجرى الاتفاق بين الاثنين على تقاسم الأرباح."], PUBLISHED) == []


def test_a_hijri_month_with_its_own_early_year_is_not_this_years() -> None:
    found = find_dates(["وتوفي العالم ببغداد في ذي القعدة سنة 638هـ بعد مرض."], PUBLISHED)
    assert all(d["value"] != "2015" for d in found)


def test_a_hijri_month_with_its_epithet_and_this_years_number_is_one_date() -> None:
    # the guidelines' own example: one span, the Gregorian year holding the month's middle
    found = find_dates(["وانطلقت الحملة في رمضان المبارك للعام الحالي 1436هـ في كل المناطق."], PUBLISHED)
    assert [(d["text"], d["value"]) for d in found] == [("رمضان المبارك للعام الحالي 1436هـ", "2015")]


def test_the_same_scale_twice_is_two_numbers() -> None:
    found = find_quantities(["وتراوح الإنتاج بين 500 ألف و600 ألف برميل يوميا."])
    assert [q["value"] for q in found] == [500000, 600000]


@pytest.mark.parametrize(
    "sentence",
    [
        "والبشير واحد من أكثر الرؤساء بقاء في الحكم.",
        "وسجل المهاجم ثلاثيته دفعة واحدة بعد صمود طويل.",
        "وطالب المجلس الحكومة بصوت واحد بوقف القرار.",
        "وتقف الدولة على مسافة واحدة من جميع الأطراف.",
        "وخرج اللاعبون واحدا تلو الآخر من الملعب.",
    ],
)
def test_one_of_a_group_and_idioms_with_one_count_nothing(sentence: str) -> None:
    assert [q for q in find_quantities([sentence]) if q["value"] == 1] == []


def test_one_in_every_few_is_a_ratio_that_counts() -> None:
    found = find_quantities(["وتعاني واحدة من كل ثلاث نساء من المرض."])
    assert ("واحدة", 1) in [(q["text"], q["value"]) for q in found]


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [("وجاء الرفض بعد يوم واحد من دعوة الإمام.", "يوم"), ("ومدد النادي عقد اللاعب لموسم واحد من أجل إعارته.", "موسم")],
)
def test_one_after_a_counted_noun_counts_it_before_min(sentence: str, unit: str) -> None:
    assert [(q["text"], q["value"], q["unit"]) for q in find_quantities([sentence])] == [("واحد", 1, unit)]


@pytest.mark.parametrize(
    ("sentence", "text", "unit"),
    [
        # a conjunction or preposition glued to a word of the language is no counted noun
        ("وحكم على عشرة بالإعدام بينما عوقب 269 بالسجن ثلاث سنوات.", "269", None),
        ("وبلغ الإنفاق الاستهلاكي في الربع الأول 294 مليارا وارتفعت النسبة في الربع الثاني.", "294 مليارا", None),
        # a noun that begins with those letters is one
        ("وحقق النادي خلال تاريخه (26) بطولة رسمية.", "26", "بطولة"),
        ("ووزعت الجمعية 300 وجبة على الأسر المحتاجة.", "300", "وجبة"),
    ],
)
def test_a_glued_particle_is_no_counted_noun(sentence: str, text: str, unit: str | None) -> None:
    assert (text, unit) in [(q["text"], q["unit"]) for q in find_quantities([sentence])]


def test_a_bare_number_after_a_name_ner_found_is_part_of_the_name() -> None:
    paragraphs = ["ويعمل الحاسوب الجديد بنظام ويندوز 8 الذي طرحته الشركة، وبيع منه 20 ألف جهاز."]
    found = find_quantities(paragraphs, [{"type": "MISC", "paragraph": 0, "start": 27, "end": 33}])
    assert paragraphs[0][27:33] == "ويندوز"
    assert [(q["value"], q["unit"]) for q in found] == [(20000, "جهاز")]
    assert [q["value"] for q in find_quantities(paragraphs)] == [8, 20000]


def test_a_range_with_an_en_dash_and_no_result_is_two_quantities() -> None:
    found = find_quantities(["وتوقع التقرير أن ترتفع الأسعار بين 15 – 20 في المئة."])
    assert [(q["value"], q["unit"]) for q in found] == [(15, "%"), (20, "%")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a pair of small numbers before a unit is a range, not a score
        ("وستتراوح العقوبة بين 3-10 سنوات بحسب التهمة.", [(3, "سنوات"), (10, "سنوات")]),
        ("فاز الفريق 3-1 على ضيفه أمس.", []),
        ("اعتمد المدرب خطة 4-4-2 لأول مرة.", []),
        # a fraction with the article after a word of amount
        ("هبطت أسعار المنازل إلى النصف تقريبا خلال عامين.", [(0.5, None)]),
        ("تراجع الإنتاج إلى النصف الأول من مستوياته.", []),
    ],
)
def test_ranges_of_small_numbers_and_fractions_with_the_article(
    sentence: str, expected: list[tuple[float, str | None]]
) -> None:
    assert [(q["value"], q["unit"]) for q in find_quantities([sentence])] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # after a definite plural a number with the article counts it; after a singular it ranks
        ("اجتمع وزراء خارجية الدول الـ28 في العاصمة.", [(28, "الدول")]),
        ("ارتفعت الأسعار خلال الأشهر الـ18 الماضية.", [(18, "الأشهر")]),
        ("ارتفعت أسهم المصارف العربية الـ 75 المدرجة في البورصة.", [(75, "المصارف")]),
        ("خسر الفريق في الجولة الـ37 من الدوري.", []),
        ("يعقد مجلس الإدارة الـ112 اجتماعه غدا.", []),
        ("انطلقت بطولة الأمم الأوروبية الـ14 لكرة اليد.", []),
        # a verse's or a book's number, a product's in its marks, a scorer's minute
        ("وقال تعالى: «وأوفوا الكيل» (الأنعام 152) وفي الحديث ما يؤيده.", []),
        ("وجاء في سورة الرعد آية 11 ما يدل على ذلك.", []),
        ("واشترى هاتف «آيفون 6» بمبلغ 700 دينار.", [(700, "دينار")]),
        ("وأرجأت روسيا تسليم نظام (إس 300) لإيران.", []),
        # a count of some of a group names the group after من
        (
            "وأسفرت المداهمة عن ضبط 37 من المطلوبين وثلاثة من العاملين في المستودع.",
            [(37, "المطلوبين"), (3, "العاملين")],
        ),
        ("ونقل خمسة من الجرحى إلى مستشفى الملك فهد.", [(5, "الجرحى")]),
        ("وقضى الطالب 13 من العمر في القرية.", [(13, None)]),
        # after a scale in the accusative nothing is counted; an adjective of the counted is no unit
        ("وبلغ عدد المشتركين 12 مليونا يتابعون القناة يوميا.", [(12_000_000, None)]),
        ("ورصدت الحكومة أربعة مليارات أخرى للمشاريع.", [(4_000_000_000, None)]),
        ("وأصيب سبعة آخرون في الحادث.", [(7, "آخرون")]),
        # Latin symbols of measures, and dots grouping thousands twice over
        ("ويعمل المعالج بسرعة 2.1 GHz مع ذاكرة 4 GB وبطارية 3000 mAh.", [(2.1, "GHz"), (4, "GB"), (3000, "mAh")]),
        ("واستقبلت المنافذ 2.417.350 مسافرا خلال الموسم.", [(2417350, "مسافرا")]),
        ("ويدور الكوكب حول النجم 61 Cygni منذ الأزل.", []),
    ],
)
def test_plurals_names_in_marks_counted_groups_and_measures(
    sentence: str, expected: list[tuple[float, str | None]]
) -> None:
    assert [(q["value"], q["unit"]) for q in find_quantities([sentence])] == expected


def test_a_bare_number_after_a_person_ner_found_is_a_minute_not_a_count() -> None:
    paragraphs = ["وسجل هدف الفوز إيهاب كاظم 31، أمام 5 آلاف متفرج."]
    person = paragraphs[0].index("إيهاب كاظم")
    found = find_quantities(paragraphs, [{"type": "PER", "paragraph": 0, "start": person, "end": person + 10}])
    assert [(q["value"], q["unit"]) for q in found] == [(5000, "متفرج")]
    assert [q["value"] for q in find_quantities(paragraphs)] == [31, 5000]


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("تجري الانتخابات في 29 فبراير المقبل بحسب الدستور.", "2015-07-31", [("29 فبراير المقبل", "2016-02-29")]),
        ("الجمعة, 21-سبتمبر-2012", None, [("21-سبتمبر-2012", "2012-09-21")]),
        ("تقدم الفريق 1-صفر في الشوط الأول.", "2015-07-31", []),
        (
            "ارتفع عدد الزوار خلال شهري نيسان (أبريل) وأيار (مايو) من العام.",
            "2015-07-21",
            [("شهري نيسان (أبريل)", "2015-04"), ("أيار (مايو)", "2015-05")],
        ),
        ("تعطلت المحاكم مرارا وديسمبر- كانون أول 2014 شاهد.", "2015-07-21", [("ديسمبر- كانون أول 2014", "2014-12")]),
        ("وبلغت الصادرات 800 مليون دولار في سنة .2011 أما الواردات فتراجعت.", None, [("2011", "2011")]),
        ("تضاعف الإنتاج بين سنتي 2006 و.2011 في المنطقة.", None, [("2006", "2006"), ("2011", "2011")]),
        ("وستستمر الحملة إلى غاية نهاية السنة نتيجة الطلب.", "2015-07-21", [("نهاية السنة", "2015")]),
        # the first day of a range shares the month (and calendar) written after the last
        (
            "ويعقد الملتقى يومي 14 و15 أكتوبر المقبل في الدمام.",
            "2015-07-31",
            [("14", "2015-10-14"), ("15 أكتوبر المقبل", "2015-10-15")],
        ),
        (
            "وتقام الدورة التدريبية خلال الفترة من 5 إلى 9 ذي القعدة 1436هـ بالطائف.",
            "2015-07-31",
            [("5", "2015-08-20"), ("9 ذي القعدة 1436هـ", "2015-08-24")],
        ),
        ("وتبقى الأسعار بين 3 و4 بالمئة حتى نهاية أغسطس.", "2015-07-31", [("أغسطس", "2015-08")]),
        # two recent years before a word no number counts
        ("وتضاعفت الصادرات بين 2009 و2013 مع توسع الموانئ.", None, [("2009", "2009"), ("2013", "2013")]),
        ("ويتراوح راتبه بين 2000 و2010 ريالات شهريا.", None, []),
        # a Hijri month with the year said relatively, then in figures
        (
            "ويبدأ التسجيل في شهر محرم من العام المقبل 1437هـ للطلاب.",
            "2015-07-31",
            [("شهر محرم من العام المقبل 1437هـ", "2015")],
        ),
    ],
)
def test_leap_days_hyphens_stray_full_stops_and_ranges_of_days_and_years(
    sentence: str, published: str | None, expected: list[tuple[str, str | None]]
) -> None:
    assert [(d["text"], d["value"]) for d in find_dates([sentence], published)] == expected


def test_an_age_set_off_by_slashes_counts_years() -> None:
    found = find_quantities(["ويرتبط المدرب هودجسون 67/ عاما/ بعقد مع الاتحاد."])
    assert [(q["value"], q["unit"]) for q in found] == [(67, "عاما")]


def test_a_weekday_before_a_date_after_a_comma_is_left_to_the_date() -> None:
    # The guidelines leave a weekday right before an explicit date out of the span (a page's date bar).
    found = find_dates(["الخميس، 28 يونيو 2012"], None)
    assert [(d["text"], d["value"]) for d in found] == [("28 يونيو 2012", "2012-06-28")]


@pytest.mark.parametrize(
    ("paragraphs", "speakers"),
    [
        # God before the verb, with his praise, or by "صدق الله"
        (["ويرى الكاتب أن الرحمة أساس التعامل، والله تعالى يقول: «وقولوا للناس حسنا» في محكم التنزيل."], ["الله"]),
        (["وصدق الله العظيم في قوله «إن مع العسر يسرا» فلا ييأس المؤمن."], ["الله"]),
        # the Prophet far from the verb, or named after it, or only by the blessing's abbreviation
        (
            ["عن أنس رضي الله عنه أن رسول الله صلى الله عليه وسلم مر على رجل يبيع طعاما فقال له: «من غشنا فليس منا»."],
            ["رسول الله"],
        ),
        (
            [
                "كما أوضح ذلك رسول الله صلى الله عليه وسلم «الدين النصيحة لله ولكتابه ولرسوله» وأضاف «ولأئمة المسلمين وعامتهم أجمعين»"
            ],
            ["رسول الله"] * 2,
        ),
        (["ومن هدي النبي أنه كان يوصي بالجار، ومصداق ذلك قوله (ص): «ما زال جبريل يوصيني بالجار»."], ["النبي"]),
    ],
)
def test_god_and_the_prophet_speak_the_quran_and_the_hadith(paragraphs: list[str], speakers: list[str]) -> None:
    from marsad.enrich.quotes import find_quotes

    found = [q["speaker"] for q in find_quotes(paragraphs, entities=[]) if q["direct"]]
    assert found == speakers


@pytest.mark.parametrize(
    "paragraph",
    [
        # who comes to the Prophet speaks himself
        "وجاء رجل إلى النبي صلى الله عليه وسلم فقال: «يا رسول الله أوصني»",
        # God's name governed by a word before it is no subject
        "بفضل الله سبحانه وتعالى فاز المنتخب، وقال المدرب سالم الحارثي: «اللاعبون قدموا مباراة كبيرة»",
    ],
)
def test_a_saying_near_gods_or_the_prophets_name_is_not_always_theirs(paragraph: str) -> None:
    from marsad.enrich.quotes import find_quotes

    assert all(q["speaker"] not in ("الله", "رسول الله", "النبي") for q in find_quotes([paragraph], entities=[]))


@pytest.mark.parametrize(
    ("sentence", "published", "text", "value"),
    [
        # the weekday tells the calendar and the order of the figures
        ("قدم النادي عرضه بتاريخ يوم السبت ٢-١٠ ثاني أيام العيد.", "2015-07-24", "٢-١٠", "2015-07-18"),
        ("وحددت الكلية يوم الثلاثاء 10/12 موعدا لتسليم المستندات.", "2015-07-25", "10/12", "2015-07-28"),
        ("ورد البلاغ مساء يوم الأربعاء 28/9 عن حريق شاحنة.", "2015-07-21", "28/9", "2015-07-15"),
        ("وتعقد الجمعية اجتماعها يوم الخميس 6/8 في مقرها.", "2015-07-21", "6/8", "2015-08-06"),
    ],
)
def test_a_weekday_before_a_day_and_month_in_figures_names_the_date(
    sentence: str, published: str, text: str, value: str
) -> None:
    found = [(d["text"], d["value"]) for d in find_dates([sentence], published)]
    # (``ثاني أيام العيد`` beside the figures is the same day, a date of its own)
    assert (text, value) in found
    assert {found_value for _, found_value in found} == {value}


def test_figures_no_reading_puts_on_the_weekday_are_no_date() -> None:
    # a score after a weekday: no reading of 2-1 falls on a Saturday near the publication
    found = [(d["text"], d["value"]) for d in find_dates(["فاز الفريق يوم السبت 2-1 على ضيفه."], "2015-07-21")]
    assert found == [("يوم السبت", "2015-07-18")]


@pytest.mark.parametrize(
    ("sentence", "text", "unit"),
    [
        # a number set off in marks of its own counts the noun after them
        ('وتعاملت العيادات مع " 640 " حالة مرضية من اللاجئين.', "640", "حالة"),
        ("ويحتاج المريض عادة إلى «12» جلسة علاجية.", "12", "جلسة"),
    ],
)
def test_a_number_in_marks_of_its_own_counts_the_noun_after_them(sentence: str, text: str, unit: str) -> None:
    assert (text, unit) in [(q["text"], q["unit"]) for q in find_quantities([sentence])]


def test_a_number_that_ends_a_quotation_counts_nothing_after_it() -> None:
    found = find_quantities(['وقال المدير: "بلغ عدد المتطوعين 50" وأضاف أن العمل مستمر.'])
    assert all(q["unit"] is None for q in found)


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        # "two of them", a verb, a particle or a word with a pronoun before one or two: no noun counted
        ("وتبادل المسلحون إطلاق النار مع الشرطة وقتل اثنان منهم.", None),
        ("وفي بعض البيوت يعمل الجميع، ولديهم واحد فقط يعيل الأسرة.", None),
        # a definite noun before an indefinite one or two says what it is, it is not counted
        ("وأكد أن الهدف واحد وهو خدمة الجمهور.", None),
        # an indefinite noun before them is counted
        ("وقال مصدر واحد فقط إن الاجتماع تأجل.", "مصدر"),
    ],
)
def test_one_and_two_count_only_a_noun_that_agrees_with_them(sentence: str, unit: str | None) -> None:
    found = [q for q in find_quantities([sentence]) if q["value"] in (1, 2)]
    assert [q["unit"] for q in found] == [unit]


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        # some of a group named by a plural in the construct after ``من``
        ("وشملت الدراسة أكثر من 6000 من موظفي الوزارة في المدن الثلاث.", "موظفي"),
        ("وقتل 12 من مسلحي الجماعة في الاشتباكات.", "مسلحي"),
        # a demonstrative or a superlative there is no group
        ("وقال إن 40 من هؤلاء الزوار عادوا إلى بلادهم.", None),
        ("واجتمع رؤساء 16 من كبريات الشركات الوطنية.", None),
    ],
)
def test_some_of_a_group_in_the_construct_counts_the_group(sentence: str, unit: str | None) -> None:
    found = [q for q in find_quantities([sentence]) if q["value"] in (6000, 12, 40, 16)]
    assert [q["unit"] for q in found] == [unit]


@pytest.mark.parametrize(
    ("sentence", "years"),
    [
        # a life or a reign in brackets of its own, old years included
        ("ويتناول الفصل الأول سيرة الشاعر حافظ إبراهيم (1872-1932)، ثم يعرض لقصائده.", ["1872", "1932"]),
        ("وحكم الملك المؤسس (1902 - 1953) وحد خلالها البلاد.", ["1902", "1953"]),
    ],
)
def test_two_years_in_brackets_of_their_own_are_years_not_counts(sentence: str, years: list[str]) -> None:
    assert [d["value"] for d in find_dates([sentence])] == years
    assert not find_quantities([sentence])


def test_two_numbers_in_brackets_before_what_they_count_are_counts() -> None:
    found = find_quantities(["وتتراوح الأسعار (1500-1700) ريال للطن الواحد."])
    assert [q["value"] for q in found] == [1500, 1700]
    assert not find_dates(["وتتراوح الأسعار (1500-1700) ريال للطن الواحد."])


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        # a preposition, ``قبل``/``بعد`` or a noun of the month's days before it: Ramadan the month
        ("وتزداد المبيعات في الأسبوع الأخير من رمضان كل عام.", "رمضان"),
        ("ويستعد التجار قبل رمضان بأسابيع لتخزين البضائع.", "رمضان"),
        ("ويشتري الناس ما يكفيهم لرمضان، ثم يعودون للشراء.", "رمضان"),
        ("وتكثر الزيارات العائلية في ليالي رمضان وبعد الإفطار.", "رمضان"),
    ],
)
def test_a_hijri_month_after_a_preposition_or_a_word_of_its_days_is_a_month(sentence: str, text: str) -> None:
    assert [(d["text"], d["value"]) for d in find_dates([sentence], PUBLISHED)] == [(text, "2015")]
    assert [(d["text"], d["value"]) for d in find_dates([sentence])] == [(text, None)]


@pytest.mark.parametrize(
    "sentence", ["وقال اللاعب أحمد رمضان إن الفريق جاهز.", "ونقل الموقع عن رمضان عبد الله قوله إن الأمر انتهى."]
)
def test_ramadan_the_name_is_no_month(sentence: str) -> None:
    assert find_dates([sentence], PUBLISHED) == []


def test_a_guillemet_the_other_way_round_after_a_colon_opens_a_quotation() -> None:
    from marsad.enrich.quotes import find_quotes

    paragraph = (
        "وأكد اللاعب لـ«الصباح» أن انتقاله تم بعد مفاوضات طويلة، وتابع قائلا:» كنت قريبا من الرحيل في الموسم الماضي»."
    )
    said = [q["text"] for q in find_quotes([paragraph], entities=[]) if q["direct"]]
    assert said == ["كنت قريبا من الرحيل في الموسم الماضي"]


@pytest.mark.parametrize(
    "sentence",
    [
        "وتقام العروض ضمن فعاليات مهرجان صيف أبها 36 في الحديقة العامة.",
        "واستعد المنتخب لدورة خليجي 23 التي تقام في الكويت.",
    ],
)
def test_a_number_after_an_events_name_is_its_edition_not_a_count(sentence: str) -> None:
    assert find_quantities([sentence]) == []


def test_a_number_after_an_events_name_that_counts_a_noun_is_a_count() -> None:
    found = find_quantities(["وشارك في بطولة العالم 25 لاعبا من عشر دول."])
    assert [(q["value"], q["unit"]) for q in found][:1] == [(25, "لاعبا")]


@pytest.mark.parametrize(
    "paragraph",
    ["3 – الجندي أول / سالم محمد القحطاني", "(1) قلة التمويل: وهي أول أسباب تعثر المشاريع", "(4)", "7"],
)
def test_a_lists_numbering_is_no_quantity(paragraph: str) -> None:
    assert find_quantities([paragraph]) == []


@pytest.mark.parametrize(
    ("paragraph", "value"), [("(40) متدربا شاركوا في الدورة", 40), ("(5) أشخاص أصيبوا في الحادث", 5)]
)
def test_a_number_in_brackets_opening_a_paragraph_may_count_the_noun_after_it(paragraph: str, value: int) -> None:
    assert [q["value"] for q in find_quantities([paragraph])] == [value]


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("وتعرض خط نقل الطاقة 132 كيلو فولت لاعتداء جديد.", "كيلو فولت"),
        ("ويأتي الهاتف بذاكرة 64 غيغا بايت.", "غيغا بايت"),
    ],
)
def test_a_measure_written_apart_from_its_prefix_is_one_unit(sentence: str, unit: str) -> None:
    assert [q["unit"] for q in find_quantities([sentence])] == [unit]


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        # the feminine ten after a definite plural counts it, as the other numbers do
        ("وارتفعت الصادرات خلال السنوات العشر الماضية بنسبة كبيرة.", "السنوات"),
        # an adjective of origin between them: the noun before it is counted
        ("ووقعت الاتحادات الإقليمية الخمسة على البيان.", "الاتحادات"),
    ],
)
def test_a_definite_number_after_a_plural_and_its_adjective_counts_the_plural(sentence: str, unit: str) -> None:
    assert [q["unit"] for q in find_quantities([sentence])] == [unit]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("وشهد تدريب الأمس مشاركة جميع اللاعبين.", [("الأمس", "2015-07-19")]),
        ("ووصل الوفد بالأمس إلى العاصمة.", [("الأمس", "2015-07-19")]),
        # the past, not yesterday
        ("وقد عانت المدينة من ذلك في الأمس القريب.", []),
        ("وعقد مقارنة بين الأمس واليوم في أحوال السوق.", []),
    ],
)
def test_al_ams_is_yesterday_unless_it_means_the_past(sentence: str, found: list[tuple[str, str]]) -> None:
    assert [(d["text"], d["value"]) for d in find_dates([sentence], PUBLISHED)] == found


@pytest.mark.parametrize(
    ("paragraph", "said"),
    [
        # what a speaker called something, in marks after ``بأنها`` or ``وصف ... بـ``, however short
        ('ووصف الوزير المحادثات بأنها "بناءة" وقال إنها ستستأنف.', "بناءة"),
        ('ووصف رئيس الاتحاد الموسم بـ"التاريخي"، وقال إن الفريق يستحق اللقب.', "التاريخي"),
    ],
)
def test_what_a_speaker_called_something_is_a_quote_however_short(paragraph: str, said: str) -> None:
    from marsad.enrich.quotes import find_quotes

    assert said in [q["text"] for q in find_quotes([paragraph], entities=[]) if q["direct"]]


def test_a_name_in_marks_after_bi_with_no_describing_verb_is_no_quote() -> None:
    from marsad.enrich.quotes import find_quotes

    spans = find_quotes(["وقال المدرب إن فريقه فاز بـ«كأس الملك» بجدارة."], entities=[])
    assert all(q["text"] != "كأس الملك" for q in spans)


@pytest.mark.parametrize(
    "sentence",
    [
        # a verse's or a page's reference, never a count
        "قال تعالى {وإذا قلتم فاعدلوا} «الأنعام: 152» والعدل في القول واجب.",
        "وقال: {لا يشفعون إلا لمن ارتضى} (الأنبياء: 28) وأمثال ذلك كثير.",
        "قال تعالى: (إِنَّ اللَّهَ كَانَ عَفُوًّا غَفُورًا (43)) أي يعفو عن عباده.",
        "انظر تفسير الآلوسي، ص 135، وكتاب المغازي، صفحة : 161.",
        "وشهدت الكلية استقبال الدفعة 45 من طلابها.",
    ],
)
def test_references_to_verses_and_pages_are_no_quantities(sentence: str) -> None:
    assert find_quantities([sentence]) == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # a count in brackets, or after a word with a shadda, is still a count
        ("وبلغ عدد الزوار (45) ألف زائر خلال الموسم.", 45000),
        ("وصدّق الفرع (1596) وثيقة خلال العام.", 1596),
    ],
)
def test_counts_in_brackets_are_still_quantities(sentence: str, value: int) -> None:
    assert [q["value"] for q in find_quantities([sentence])] == [value]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("وتوفي المصاب ثاني أيام عيد الفطر متأثرا بجراحه.", [("ثاني أيام عيد الفطر", "2015-07-18")]),
        ("وزار المرضى في أول أيام العيد وقدم لهم الهدايا.", [("أول أيام العيد", "2015-07-17")]),
        ("وانطلقت الألعاب النارية ثالث أيام العيد في الكورنيش.", [("ثالث أيام العيد", "2015-07-19")]),
        # the feast named without its day, and a national day, are no dates
        ("وهنأ الأمير المواطنين بمناسبة عيد الفطر المبارك.", []),
        ("واحتفلت المدارس بالعيد الوطني.", []),
        # two years after the dual
        ("وعمل سفيرا في واشنطن بين العامين 1983 و2005.", [("1983", "1983"), ("2005", "2005")]),
    ],
)
def test_days_of_the_feast_and_years_after_the_dual(sentence: str, found: list[tuple[str, str]]) -> None:
    assert [(d["text"], d["value"]) for d in find_dates([sentence], "2015-07-23")] == found


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        # the subject after ``عنه``/``عنها``, whom the speech is about
        (["وهو الوضع الذي قالت عنه المستشارة الألمانية أنجيلا ميركل إنه «غير مقبول على الإطلاق»."], "أنجيلا ميركل"),
        (
            ["وكان معاذ أعلم الناس بالحلال والحرام، قال عنه النبي صلى الله عليه وسلم: «أعلم أمتي بالحلال معاذ»."],
            "النبي",
        ),
        # an organisation's adjectives, then the verb's object
        (
            ["وأعلن الجيش السوري الحر التعامل مع عناصر الميليشيات كأهداف، وأضاف: «سنلاحقهم في كل مكان»."],
            "الجيش السوري الحر",
        ),
        # a participle and its complement after a person's name are no part of it
        (
            ["وتعليقا على البحث، قال البريطاني مارك روبنسون المتخصص بعلاقة المناخ بالزراعة انه «لا بد من خطة عاجلة»."],
            "مارك روبنسون",
        ),
        (["وقال الكاتب ثيودور جيزل المعروف بلقبه الأدبي إن «الأطفال يحبون القوافي»."], "ثيودور جيزل"),
        # a place ends the titles; the name after the comma speaks
        (["وقال قائد شرطة لافاييت، جيم كرافت: «لا نعرف دوافع المسلح حتى الآن»."], "جيم كرافت"),
        # God goes on after a verse's reference
        (
            ["قال تعالى: {مَنْ ذَا الَّذِي يَشْفَعُ عِنْدَهُ إِلاَّ بِإِذْنِهِ} (البقرة: 255)، وقال: {وَلاَ يَشْفَعُونَ إِلاَّ لِمَنِ ارْتَضَى}."],
            "الله",
        ),
    ],
)
def test_speakers_after_about_him_adjectives_places_and_references(paragraphs: list[str], speaker: str) -> None:
    from marsad.enrich.ner import find_entities
    from marsad.enrich.quotes import find_quotes

    quotes = [q for q in find_quotes(paragraphs, entities=find_entities(paragraphs)) if q["direct"]]
    assert quotes
    assert quotes[-1]["speaker"] == speaker


_OLYMPIAN = [
    "وقال الدراج المجري أليكس تاريكس إن «القرية الأولمبية كانت تبدو مثل مدينة صغيرة».",
    "ويقول البطل الأولمبي: «إنني سعيد للغاية لأنني ما زلت أتابع الألعاب».",
]


@pytest.mark.parametrize(
    ("last", "speaker"),
    [
        # a bare cue opening its sentence goes on with the last one who spoke, named in full
        ("وقال: «بالتأكيد سأشجع منتخب بلادي حتى النهاية».", "أليكس تاريكس"),
        # not a woman after a man, nor a cue after a comma (its sentence's own subject speaks)
        ("وأضافت: «بالتأكيد سأشجع منتخب بلادي حتى النهاية».", None),
        ("وتحدثت زوجته عن الرحلة، وقالت: «بالتأكيد سنشجع منتخب بلادنا حتى النهاية».", None),
    ],
)
def test_a_bare_cue_goes_on_with_the_last_speaker_named_in_full(last: str, speaker: str | None) -> None:
    from marsad.enrich.ner import find_entities
    from marsad.enrich.quotes import find_quotes

    paragraphs = [*_OLYMPIAN, last]
    quotes = [q for q in find_quotes(paragraphs, entities=find_entities(paragraphs)) if q["direct"]]
    assert quotes[-1]["paragraph"] == len(paragraphs) - 1
    assert quotes[-1]["speaker"] == speaker


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        # the press a speaker told ends the subject, even after an organisation's words
        ("وأكدت إدارة شرطة المدينة للصحيفة المحلية أن المنزل كان خاليا «ولم يصب أحد بأذى».", "إدارة شرطة المدينة"),
        # a front or a brigade names the speaker by its head noun
        ("وفي بيان قالت كتائب القسام إن هذه المخيمات «ستكون نواة مشروع التحرير القادم».", "كتائب القسام"),
    ],
)
def test_the_press_told_ends_a_subject_and_armed_groups_speak(paragraph: str, speaker: str) -> None:
    from marsad.enrich.ner import find_entities
    from marsad.enrich.quotes import find_quotes

    quotes = find_quotes([paragraph], entities=find_entities([paragraph]))
    assert quotes
    assert quotes[-1]["speaker"] == speaker


def test_an_adverb_after_a_participle_after_a_name_is_no_part_of_it() -> None:
    from marsad.enrich.ner import find_entities
    from marsad.enrich.quotes import find_quotes

    paragraph = "وقال الرئيس النيجيري محمد بخاري الموجود حاليا في واشنطن إن «الحرب على الإرهاب مستمرة»."
    quotes = [q for q in find_quotes([paragraph], entities=find_entities([paragraph])) if q["direct"]]
    assert [q["speaker"] for q in quotes] == ["محمد بخاري"]


def _direct_speakers(paragraphs: list[str]) -> list[str | None]:
    from marsad.enrich.ner import find_entities
    from marsad.enrich.quotes import find_quotes

    return [q["speaker"] for q in find_quotes(paragraphs, entities=find_entities(paragraphs)) if q["direct"]]


def test_a_source_close_to_someone_keeps_whom_it_is_close_to() -> None:
    paragraph = "وقال مصدر مقرب من الحكومة المحلية إن «الاجتماع سيعقد الأسبوع المقبل في العاصمة»."
    assert _direct_speakers([paragraph]) == ["مصدر مقرب من الحكومة المحلية"]


def test_the_outlet_a_person_told_is_no_part_of_the_name() -> None:
    from marsad.enrich.ner import find_entities

    paragraph = (
        "وقال قائد الشرطة المحلية سيف لفرانس برس «بحسب المعلومات التي تلقيناها فإن انتحاريا دخل السوق». "
        "وتابع سيف «كنا لا نزال نبحث عنه عندما فجر نفسه»."
    )
    names = [str(e["text"]) for e in find_entities([paragraph]) if e["type"] == "PER"]
    assert names and not any("فرانس" in name for name in names)
    assert all(speaker is not None and "فرانس" not in speaker for speaker in _direct_speakers([paragraph]))


def test_a_noun_with_its_pronoun_after_a_name_is_the_verbs_object() -> None:
    paragraphs = [
        "فاز فريق ليستر سيتي على سندرلاند بأربعة أهداف مقابل هدفين بقيادة مدربه كلاوديو رانييري.",
        "وأبدى رانييري رضاه عن المستوى قائلا: «قدم اللاعبون مباراة كبيرة وأنا فخور بهم».",
    ]
    assert _direct_speakers(paragraphs)[-1] in ("رانييري", "كلاوديو رانييري")


_CRITIC = (
    "وقال وزير الخارجية خالد المنصور إن المحادثات انتهت دون اتفاق. من جانبه انتقد قائد القوات البرية العميد "
    "سامر الحلبي بشدة تصريحات الرئيس الأميركي ضد الجيش. {cue} «هذه تهديدات فارغة لن تخيفنا أبدا»."
)


def test_a_bare_cue_goes_on_with_the_person_the_sentence_before_it_opens_with() -> None:
    assert _direct_speakers([_CRITIC.format(cue="وقال")]) == ["سامر الحلبي"]
    # a woman does not go on with him
    assert _direct_speakers([_CRITIC.format(cue="وقالت")]) != ["سامر الحلبي"]


def test_a_persons_name_in_marks_is_no_quotation() -> None:
    from marsad.enrich.quotes import find_quotes

    paragraph = (
        'كشف قائد قوة الدفاع الجوي "اللواء الركن سالم بن محمد العتيبي"، لـ"الصحيفة"؛ تفاصيل إصابته بطلقة طائشة، '
        'مقدما شكره لصاحب السمو الملكي "الأمير فيصل بن خالد بن عبدالعزيز" على اهتمامه.'
    )
    assert [q["text"] for q in find_quotes([paragraph]) if q["direct"]] == []


def test_a_month_without_a_year_after_since_has_begun_by_publication() -> None:
    paragraphs = ["وهبط سعر خام برنت إلى أقل من 50 دولارا للبرميل للمرة الأولى منذ يناير.", "وسيعقد المؤتمر في يناير."]
    values = [d["value"] for d in find_dates(paragraphs, published="2015-08-08")]
    assert values == ["2015-01", "2016-01"]


def test_a_person_whose_name_opens_with_lam_speaks() -> None:
    paragraph = (
        'وقال وزير الخارجية السعودي عادل الجبير إن "المحادثات كانت بناءة ومفيدة". '
        'من جانبه، أشار لافروف إلى أن "روسيا تدعم الحل السياسي في سوريا".'
    )
    assert _direct_speakers([paragraph]) == ["عادل الجبير", "لافروف"]


def test_the_name_after_called_speaks_for_an_unnamed_subject() -> None:
    paragraph = 'وقالت امرأة مقيمة في جروزني تدعى زارا أحمدوفا وهي جالسة قبالة الشاطئ "البحر جميل والناس سعداء هنا".'
    assert _direct_speakers([paragraph]) == ["زارا أحمدوفا"]


def test_a_place_inside_a_title_hands_on_to_the_name_after_the_comma() -> None:
    paragraph = "وأوضح النائب العام لمدينة ديار بكر، رمضان صولماز، أن «التحقيقات مع رئيس الحزب ليست جديدة»."
    assert _direct_speakers([paragraph]) == ["رمضان صولماز"]


def test_the_text_of_a_statement_is_the_statement() -> None:
    paragraph = 'وقد جاء في نص البيان: "إننا ندين هذا العمل الإرهابي الجبان بأشد العبارات".'
    assert _direct_speakers([paragraph]) == ["البيان"]


def test_a_weekday_joined_to_the_one_before_it_is_the_next_such_day() -> None:
    paragraphs = ["تقام على مدار يومي الأربعاء والخميس المسرحية الوطنية في المسرح البلدي."]
    values = [d["value"] for d in find_dates(paragraphs, published="2015-07-22")]
    assert values == ["2015-07-22", "2015-07-23"]


def test_a_hijri_month_of_a_year_given_after_it() -> None:
    paragraphs = ["حيث شهد شهر رجب لعام 1366هـ صدور العدد الأول من المجلة."]
    assert [(d["text"], d["value"]) for d in find_dates(paragraphs, published="2015-07-25")] == [
        ("شهر رجب لعام 1366هـ", "1947")
    ]


@pytest.mark.parametrize(
    ("paragraph", "count"),
    [
        ("هاجرت المعلمة مع ابنائها الثلاثة إلى خارج البلاد.", ("الثلاثة", 3, "ابنائها")),
        ("عبر الجسر أكثر من مليوني مسافر خلال الستة الشهور الماضية.", ("الستة", 6, "الشهور")),
    ],
)
def test_a_definite_number_counts_a_possessed_plural_and_the_plural_after_it(
    paragraph: str, count: tuple[str, int, str]
) -> None:
    found = [(q["text"], q["value"], q["unit"]) for q in find_quantities([paragraph])]
    assert count in found


def test_the_last_ten_nights_and_the_other_three_are_no_counts() -> None:
    paragraphs = ["وتزداد المبيعات في العشر الأواخر من رمضان.", "فاز في اثنتين منها وخسر الثلاث الأخرى."]
    assert [q["text"] for q in find_quantities(paragraphs) if q["text"] in ("العشر", "الثلاث")] == []


def test_an_adverb_after_a_name_and_the_agency_that_reported_it() -> None:
    paragraphs = [
        "وقال وزير الخارجية الأمريكي جون كيري مازحا في بداية أحد الاجتماعات «هذه العصا لها تاريخ طويل».",
        "وقال: «هذه العصا تعود إلى السفير في إنجلترا أثناء الحرب»، حسب رويترز.",
        "وتابع قائلا: «ثم آلت إلى شقيقه الذي أعارها لي مرتين».",
    ]
    assert _direct_speakers(paragraphs) == ["جون كيري"] * 3


def test_an_attribution_after_the_name_ends_it() -> None:
    paragraph = "واوضح وزير الاقتصاد محمود سيف حسبما نقل عنه التلفزيون الرسمي ان “الموجودات تبلغ 29 مليار دولار”."
    assert "حسبما" not in (_direct_speakers([paragraph])[0] or "")


@pytest.mark.parametrize(
    ("paragraphs", "speakers"),
    [
        # A company's name in marks inside the title, and the person NER finds right after it.
        (
            ["وعلّق مدير شركة «نجوم الخليج» سامي الربيعان قائلا: «هذا التعاون أكبر مما توقعنا»."],
            ["سامي الربيعان"],
        ),
        # A place NER found is no person though a surname ends it; the participle goes on with the
        # speaker the sentence named.
        (
            [
                "وأوضح المدعي العام لمدينة ديار بكر، حسن يلماز، أن «التحقيق لم يبدأ أمس»، "
                "مشيرا إلى أن «الملف مفتوح منذ عامين»."
            ],
            ["حسن يلماز", "حسن يلماز"],
        ),
        # ``علي`` written with ``ي`` ends the name, even before a clause (``وهو``).
        (
            [
                "وأكد ماركو علي وهو من سكان القرية أن المسلحين «دخلوا من الشرق عند الفجر».",
                "وأضاف «أحصينا أكثر من عشرين منزلا محترقا».",
            ],
            ["ماركو علي", "ماركو علي"],
        ),
        # Whom the speaker addressed (``له``, ``لهم``) stands between the verb and its subject.
        (['وقال لهم مدير السوق بعد الجولة: "البضاعة تصل كل صباح".'], ["مدير السوق"]),
    ],
)
def test_speakers_after_a_company_a_place_a_name_in_ali_and_an_addressee(
    paragraphs: list[str], speakers: list[str]
) -> None:
    assert _direct_speakers(paragraphs) == speakers


def test_refusing_to_give_ones_name_is_no_cue() -> None:
    paragraph = "وقال أحد العاملين في الميناء رافضا ذكر اسمه: «الرافعات متوقفة منذ يومين»."
    [quote] = [q for q in _quotes([paragraph]) if q["direct"]]
    assert quote["cue"] == "قال"
    assert quote["speaker"] == "أحد العاملين"


def test_a_title_written_after_a_person_does_not_make_the_next_words_a_name() -> None:
    paragraphs = [
        "أكد الفريق خالد بن سالم الحمدان وزير الداخلية في البلاد أن الجناة سينالون عقابهم.",
        'وقال وزير الداخلية "إن رجال الأمن يؤدون واجبهم بشجاعة".',
        "ورفع الفريق خالد بن سالم الحمدان وزير الداخلية خالص التعازي لأسر الشهداء.",
    ]
    [quote] = [q for q in _quotes(paragraphs) if q["direct"]]
    assert quote["canonical"] == "خالد بن سالم الحمدان"


def test_kana_then_a_person_and_a_long_description_before_qad_and_the_verb() -> None:
    paragraph = (
        "وكان هاني حداد رئيس الاتحاد المحلي وعضو اللجنة التنفيذية وهو عضو التحالف الذي يقوده العبدالله "
        "قد أكد في حديث خاص للصحيفة إن الدعم سيكون بشروط، مضيفا: «لن ننتخب إلا من يحارب الفساد»."
    )
    assert _direct_speakers([paragraph]) == ["هاني حداد"]


def _quotes(paragraphs: list[str]) -> list[dict[str, object]]:
    from marsad.enrich.ner import find_entities
    from marsad.enrich.quotes import find_quotes

    return [dict(q) for q in find_quotes(paragraphs, entities=find_entities(paragraphs))]


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("وارتفعت الإيرادات مقارنة بالعام المالي الماضي بنسبة كبيرة.", "العام المالي الماضي", "2014"),
        ("وتبدأ الخطة مع العام الدراسي المقبل في كل المدارس.", "العام الدراسي المقبل", "2016"),
        ("وخصصت الوزارة المبلغ في السنة المالية الحالية.", "السنة المالية الحالية", "2015"),
    ],
)
def test_a_fiscal_or_school_year_named_relatively_is_its_year(sentence: str, text: str, value: str) -> None:
    assert (text, value) in [(d["text"], d["value"]) for d in find_dates([sentence], PUBLISHED)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A number written out to its millions keeps its value before ``مليون``.
        ("وبلغ عدد المسافرين (4.795.563) مليون راكب خلال العام.", ("(4.795.563) مليون", 4795563, "راكب")),
        ("وتبلغ قيمة العقد 75,003,560 مليون ريال.", ("75,003,560 مليون ريال", 75003560, "SAR")),
        ("وبلغت التكلفة 3.5 مليون ريال.", ("3.5 مليون ريال", 3500000, "SAR")),
        # ``و``/``ف`` glued to the noun one counts are left out of the unit.
        ("وافتتحت الجامعة 12 كلية للبنين وكلية واحدة للبنات.", ("واحدة", 1, "كلية")),
        ("فجانب واحد لا يكفي لفهم القصة.", ("واحد", 1, "جانب")),
        ("ولم يبق إلا فريق واحد في المنافسة.", ("واحد", 1, "فريق")),
    ],
)
def test_millions_written_out_and_a_conjunction_before_the_counted_noun(
    sentence: str, expected: tuple[str, float, str]
) -> None:
    assert expected in [(q["text"], q["value"], q["unit"]) for q in find_quantities([sentence])]


@pytest.mark.parametrize(
    ("paragraphs", "speakers"),
    [
        # What follows "called" is a name, whether NER knows it or not.
        (["وقال مقيم في المدينة يدعى مقطر ظاهر «سمعنا انفجارا قويا قرب السوق»."], ["مقطر ظاهر"]),
        # Titles, their place after ``في``, then the person (NER stopping at the kin word ``أبا``);
        # ``وفق ما تم التخطيط له`` is no source, so the next cue goes on with him.
        (
            [
                "من جهته أكد نائب رئيس النادي ورئيس بعثة الفريق في معسكر النمسا سالم أبا الخيل أن أوضاع "
                'الفريق تسير وفق ما تم التخطيط له، وقال: "الفريق جاهز للموسم الجديد".'
            ],
            ["سالم أبا الخيل"],
        ),
    ],
)
def test_a_name_after_called_and_a_person_after_titles_and_their_place(
    paragraphs: list[str], speakers: list[str]
) -> None:
    assert _direct_speakers(paragraphs) == speakers


def test_as_was_planned_names_no_source() -> None:
    paragraph = 'وأكد المدرب جمال الأحمد أن الاستعداد يسير وفق ما تم التخطيط له، وقال: "سنلعب للفوز في كل مباراة".'
    assert [q["cue"] for q in _quotes([paragraph])] == ["أكد", "قال"]
    assert _direct_speakers([paragraph]) == ["جمال الأحمد"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The Arabic comma grouping thousands where no scale word follows.
        ("وبلغ عدد الصفقات 85،539 صفقة بقيمة 143،732،051 ريال.", ("143،732،051 ريال", 143732051, "SAR")),
        ("وبلغ عدد الصفقات 85،539 صفقة بقيمة 143،732،051 ريال.", ("85،539", 85539, "صفقة")),
        # Before a scale word it is still a decimal mark.
        ("وبلغت الأرباح 1،2 مليون ريال.", ("1،2 مليون ريال", 1200000, "SAR")),
    ],
)
def test_the_arabic_comma_groups_thousands(sentence: str, expected: tuple[str, float, str]) -> None:
    assert expected in [(q["text"], q["value"], q["unit"]) for q in find_quantities([sentence])]


def test_a_verse_cited_after_its_surah_is_no_count() -> None:
    paragraphs = [
        "قال تعالى « ادْعُ إِلَى سَبِيلِ رَبِّكَ بِالْحِكْمَةِ « النحل 125 وذلك بتوجيه الأهل.",
        "وتقع سورة البقرة 286 آية في الجزء الأول والثاني والثالث.",
    ]
    found = [(q["text"], q["value"]) for q in find_quantities(paragraphs)]
    assert ("125", 125) not in found
    assert ("286", 286) in found


def test_a_title_whose_complement_is_an_organisation_still_stands_for_the_one_person_given_it() -> None:
    paragraphs = [
        "أكد سامي الحربي مدافع منتخب السعودية أن الفريق استعد جيدا للمباراة.",
        "وقال مدافع منتخب السعودية «دعونا نعترف بأن المنافس كان أفضل في الشوط الأول».",
    ]
    [quote] = [q for q in _quotes(paragraphs) if q["direct"]]
    assert quote["canonical"] == "سامي الحربي"


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("تأسس المركز عام 1400 (1980) وأصدر عشرات الدراسات.", "1400", "1980"),
        ("صدر الكتاب سنة 1396-1976 عن دار صغيرة.", "1396", "1976"),
        ("وجرت المناظرة عام 1413/1992 في القاهرة.", "1413", "1992"),
    ],
)
def test_a_year_beside_the_gregorian_year_it_converts_to_is_hijri(sentence: str, text: str, value: str) -> None:
    found = {d["text"]: (d["value"], d["kind"]) for d in find_dates([sentence], PUBLISHED)}
    assert found[text] == (value, "hijri")


def test_a_medieval_year_beside_another_stays_gregorian() -> None:
    found = {d["text"]: d["kind"] for d in find_dates(["ولد الفلكي عام 1473 وتوفي عام 1543."], PUBLISHED)}
    assert found == {"1473": "absolute", "1543": "absolute"}


def test_a_title_word_saying_how_something_is_done_names_no_one() -> None:
    # ``بشكل مسؤول يتيح حماية أمننا`` is no official called ``حماية أمننا``.
    paragraphs = [
        'وقال مسؤول في وزارة الخارجية، فضل عدم الكشف عن هويته: "نعمل على إغلاق المركز بشكل مسؤول يتيح حماية أمننا".',
        'وأضاف: "ستة معتقلين نقلوا منذ مارس".',
    ]
    quotes = [q for q in _quotes(paragraphs) if q["direct"]]
    assert [(q["speaker"], q["canonical"]) for q in quotes] == [
        ("مسؤول في وزارة الخارجية", "مسؤول في وزارة الخارجية")
    ] * 2


def test_the_speaker_named_before_al_qawl_speaks() -> None:
    paragraphs = ['ونقلت الإذاعة الإسرائيلية عن مصادر أمنية القول إن "الهجوم نفذه مستوطنون متطرفون من البؤر القريبة".']
    [quote] = [q for q in _quotes(paragraphs) if q["direct"]]
    assert quote["speaker"] == "مصادر أمنية"


def test_a_speech_verbs_subject_speaks_before_the_agency_that_relayed_it() -> None:
    paragraphs = [
        'وقال النائب العام خالد العتيبي وفق ما بثته وكالة الأنباء الرسمية "إن المتهمين أسسوا خلية سرية للتمويل".'
    ]
    [quote] = [q for q in _quotes(paragraphs) if q["direct"]]
    assert quote["speaker"] == "خالد العتيبي"


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        # a weekday right before a day and month is left out of the date (the guidelines' span)
        ("أكدت الرئاسة، الخميس 23 يوليو/تموز، أن التصريحات شخصية.", [("23 يوليو/تموز", "2015-07-23")]),
        # a year said relatively, then in Hijri figures, is one date
        ("في نقل حجاج موسم هذا العام 1436هـ، والبالغ عددها 18 شركة.", [("هذا العام 1436هـ", "2015")]),
    ],
)
def test_weekdays_before_dates_and_years_said_twice(sentence: str, dates: list[tuple[str, str]]) -> None:
    assert [(d["text"], d["value"]) for d in find_dates([sentence], "2015-07-24")] == dates


@pytest.mark.parametrize(
    "sentence", ["وفاز المنتخب على ضيفه 4/ صفر في المباراة الودية.", "وانتهى اللقاء 1 / صفر لأصحاب الأرض."]
)
def test_a_score_with_its_zero_is_no_safar_and_no_count(sentence: str) -> None:
    assert find_dates([sentence], PUBLISHED) == []
    assert find_quantities([sentence]) == []


def test_safar_with_a_slash_and_a_year_stays_a_date() -> None:
    assert [d["value"] for d in find_dates(["بدأ التسجيل يوم 10/ صفر /1437هـ في الجامعة."], PUBLISHED)] == [
        "2015-11-22"
    ]


@pytest.mark.parametrize(
    "sentence", ["واحتلت المملكة المرتبة الثامنة عربياً و107 عالمياً في المؤشر.", "وتراجعت اللاعبة إلى المركز 89 عالميا."]
)
def test_a_rank_in_the_world_or_a_region_is_no_count(sentence: str) -> None:
    assert find_quantities([sentence]) == []


def test_a_one_word_name_before_his_saying_is_the_speaker() -> None:
    from marsad.enrich.ner import find_entities
    from marsad.enrich.quotes import find_quotes

    paragraph = "ونقلت الصحيفة عن صاحب المطعم حسن قوله “نحاول جهدنا لتطبيق أفضل ما يمكن من التجربة”."
    quotes = find_quotes([paragraph], entities=find_entities([paragraph]))
    assert [q["speaker"] for q in quotes] == ["حسن"]


def test_names_listed_in_marks_are_no_speech_but_a_repeated_chant_is() -> None:
    from marsad.enrich.quotes import find_quotes

    listed = 'وقال الطيار موسى الفيفي إن التمرين شمل مناورات "السهم، التايفون، الصقر، الدرع" بمشاركة أسراب عدة.'
    assert [q for q in find_quotes([listed]) if q["direct"]] == []
    chant = "وهتفت الجماهير للاعبين بعد المباراة: «نشكركم، نشكركم، نشكركم»."
    assert [q["text"] for q in find_quotes([chant]) if q["direct"]] == ["نشكركم، نشكركم، نشكركم"]


def test_a_paper_or_an_event_named_in_marks_is_no_speech_but_a_coordinators_words_are() -> None:
    from marsad.enrich.quotes import find_quotes

    paper = 'وستتناول الجلسة ورقة "اندماج مكاتب المحاماة المحلية وتأسيس شركات مدنية كبرى" بمشاركة خبراء.'
    assert [q for q in find_quotes([paper]) if q["direct"]] == []
    said = "وقالت سلمى الراشد المنسقة الفنية للمعرض “المعرض يضم أعمالاً لتسعة فنانين من الدولة”."
    assert [q["text"] for q in find_quotes([said]) if q["direct"]] == ["المعرض يضم أعمالاً لتسعة فنانين من الدولة"]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        # the subject after the verb, the newspaper told after it
        ("وأبلغ رئيس المجلس البلدي حسين آل جعثم «الوطن» بأن الطريق بوضعه الحالي يعاني من سوء الصيانة.", "حسين آل جعثم"),
        # the newspaper told first, the subject after it
        ("وأبلغت «عكاظ» مصادر مطلعة أن القرار سيصدر خلال أيام قليلة مقبلة.", "مصادر مطلعة"),
        # the agency's noun goes with the agency
        ('وأبلغ مسؤول حكومي آخر وكالة أنباء "رويترز" بأن نصف العربات المدرعة انتشرت على الحدود.', "مسؤول حكومي آخر"),
    ],
)
def test_the_newspaper_a_speaker_told_is_not_the_speaker(paragraph: str, speaker: str) -> None:
    from marsad.enrich.ner import find_entities
    from marsad.enrich.quotes import find_quotes

    quotes = find_quotes([paragraph], entities=find_entities([paragraph]))
    assert [q["speaker"] for q in quotes] == [speaker]


def test_a_speaker_who_told_a_newspaper_in_marks_is_not_replaced_by_it() -> None:
    from marsad.enrich.quotes import find_quotes

    paragraph = "وأضاف أن الوزير أبلغ «الشرق الأوسط» بأن «دعمنا لهذه الإصلاحات مرهون بجدية تطبيقها»."
    assert "الشرق الأوسط" not in [q["speaker"] for q in find_quotes([paragraph])]


def test_the_subject_of_the_sentences_opening_verb_goes_on_speaking() -> None:
    from marsad.enrich.ner import find_entities
    from marsad.enrich.quotes import find_quotes

    paragraph = (
        "وهنأ مدير الجامعة الدكتور سعيد الحربي الطلاب بنجاح الموسم، وعلى حسن التنظيم، "
        'وقال "ما كان ليتم ذلك النجاح لولا جهود الجميع في الكليات".'
    )
    quotes = find_quotes([paragraph], entities=find_entities([paragraph]))
    assert [q["speaker"] for q in quotes] == ["سعيد الحربي"]


def test_a_name_inside_an_opening_circumstance_is_not_the_speaker() -> None:
    from marsad.enrich.ner import find_entities
    from marsad.enrich.quotes import find_quotes

    paragraph = 'وحول دور كوفي أنان في المفاوضات، لم يتطرق المتحدث إلى الأنباء، وقال "لدينا خطة انتقالية واضحة".'
    quotes = find_quotes([paragraph], entities=find_entities([paragraph]))
    assert "كوفي أنان" not in [q["speaker"] for q in quotes]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("وبيعت البانة الواحدة بوزن 32 كيلو جراما في السوق.", 32, "كيلو جراما"),
        ("وتقع القرية على بعد 40 كيلو مترا من المدينة.", 40, "كيلو مترا"),
        ("وبلغ سعر الـ10 كيلو جرام 100 ريال في البلدات.", 10, "كيلو جرام"),
    ],
)
def test_a_metric_prefix_written_apart_is_one_unit_with_its_measure(sentence: str, value: int, unit: str) -> None:
    assert (value, unit) in [(q["value"], q["unit"]) for q in find_quantities([sentence])]


def test_according_to_after_a_number_is_no_counted_noun() -> None:
    found = find_quantities(["وتراوح سعر البانة بين 420 و600 حسب جودتها وحجمها."])
    assert [(q["value"], q["unit"]) for q in found if q["value"] == 600] == [(600, None)]


def test_adjectives_listed_in_marks_the_last_after_and_are_no_speech() -> None:
    from marsad.enrich.quotes import find_quotes

    paragraph = "وقال المدير إن النجاح امتداد لما تحققه المنافذ الجمركية «البرية، الجوية والبحرية» في مكافحة التهريب."
    assert [q for q in find_quotes([paragraph]) if q["direct"]] == []


def test_a_place_with_b_between_the_title_and_the_name_is_the_titles() -> None:
    from marsad.enrich.ner import find_entities
    from marsad.enrich.quotes import find_quotes

    paragraph = (
        'وقال المتحدث الإعلامي لهيئة الهلال الأحمر بتبوك خالد مرضي العنزي لـ"سبق": "باشرت الفرق الإسعافية '
        'حادثاً على طريق شرما"، مضيفاً: "تم نقل الحالات إلى مستشفى الملك فهد بتبوك".'
    )
    quotes = find_quotes([paragraph], entities=find_entities([paragraph]))
    assert [q["speaker"] for q in quotes] == ["خالد مرضي العنزي", "خالد مرضي العنزي"]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        (
            "وقال بيان صادر عن قيادة الجيش اللبناني الجمعة أن قوة من الجيش أوقفت 23 شخصا في البقاع.",
            "قيادة الجيش اللبناني",
        ),
        ("وأضاف بيان لنقابة المعلمين أن الإضراب سيستمر حتى تتحقق المطالب كاملة.", "نقابة المعلمين"),
        ("وقال تقرير أصدرته مؤسسة النقد إن الأسعار سترتفع خلال العام المقبل بنسبة كبيرة.", "مؤسسة النقد"),
    ],
)
def test_a_statement_is_no_speaker_its_issuer_is(paragraph: str, speaker: str) -> None:
    from marsad.enrich.quotes import find_quotes

    assert [q["speaker"] for q in find_quotes([paragraph])] == [speaker]


@pytest.mark.parametrize("name", ["إن بي إيه", "إم إل إس", "إن إف إل"])
def test_an_acronym_spelled_out_in_marks_is_a_name_not_speech(name: str) -> None:
    from marsad.enrich.quotes import find_quotes

    paragraph = f"ويحتل الفريق الذي ينافس في الدوري الأمريكي “{name}” المركز التاسع بين الفرق الأكثر متابعة."
    assert [q for q in find_quotes([paragraph]) if q["direct"]] == []
