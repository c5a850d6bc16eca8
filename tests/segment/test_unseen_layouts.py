"""Layouts no rule was written for (issue #16): meta lines under headlines, section headers
above them, site names glued to them, boxes and captions inside the article, the site's
own blurb, and categories that are words. Every page here is our own text."""

from __future__ import annotations

import pytest

import marsad
from marsad.extraction import ExtractOptions, extract_prepared, prepare_page
from marsad.records import Page
from marsad.segment.breadcrumb import plausible_category
from marsad.segment.rules import chrome_rules, line_key
from marsad.segment.site_names import cut_site_name
from marsad.segment.templates import TemplateLearner, is_dateline

P1 = "وأعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في مدينة الطائف بطاقة ثلاثمئة سرير، في إطار خطتها لتوسيع الخدمات الصحية في المحافظات."
P2 = "وقال المتحدث باسم الوزارة إن المستشفى سيخدم أكثر من نصف مليون نسمة في المحافظة والقرى المجاورة لها، وإن التشغيل يبدأ الشهر المقبل."
P3 = "وأشار المتحدث إلى أن المستشفى الجديد يضم وحدة للعناية المركزة وقسماً للطوارئ يعمل على مدار الساعة بكوادر وطنية مؤهلة ومدربة."
P4 = "وختم بالقول إن الوزارة ستعلن مواعيد استقبال المراجعين خلال الأيام المقبلة عبر حساباتها الرسمية في وسائل التواصل الاجتماعي."
HEADLINE = "افتتاح مستشفى جديد في الطائف بطاقة ثلاثمئة سرير"


def host(page: str, **metadata: str) -> marsad.Record:
    return marsad.extract(page, enrich=False, **metadata)[0]


def reasons(record: marsad.Record) -> dict[str, str]:
    return {removed.text: removed.reason for removed in record.boilerplate}


def cut_between_paragraphs(*box: str) -> dict[str, str]:
    """The removed lines' reasons, once the `box` lines between two paragraphs left the article whole."""
    record = host("\n".join(["الرئيسية | محليات", HEADLINE, P1, P2, *box, P3, P4]))
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3, P4]
    return reasons(record)


@pytest.mark.parametrize(
    "meta",
    [
        "وقت القراءة: 2 دقائق",
        "مدة القراءة 4 دقائق",
        "3 دقائق للقراءة",
        "حجم الخط",
        "تكبير الخط تصغير الخط",
        "A A A",
        "مشاهدات: 1,204",
        "عدد القراءات: ٣٥٢",
        "1204 مشاهدة",
        "منذ 3 ساعات",
        "قبل ساعتين",
        "نشر منذ 5 دقائق",
        "منذ يوم واحد",
        "قراءة: 5 دقائق",
        "قراءة 3 دقائق",
        "3 د قراءة • 874 مشاهدة",
        "مدة القراءة ≈ 6 د",
        "رقم البرقية: AHQ-0802-0203 • الأولوية: عادية",
        "أنت في: الصفحة 11 ◂ فكر ودعوة – ملحق الخميس",
        "الصفحة 4 ◂ صحة ومجتمع",
        "القطاع: الرعاية الصحية ◦ العملة: ريال سعودي",
        "نتائج أمس: النصر 2 - 0 الشعب (ودية) | الهلال 1 - 1 ميونيخ 1860",
        "الشرق الأوسط · تقنية",
        "مباشر الآن: ودية النصر ضد فريق نمساوي 0 - 0 (الدقيقة 21)",
        "العدد (1139) - الأربعاء 5 أغسطس 2015",
        "الأرشيف / 2012 / العدد 981 / صفحة الأسرة",
        "مستخرج آلياً من النسخة المصوّرة وقد يحتوي على أخطاء في التعرّف على الحروف",
        "بيان رقم MGW-2015/0727-14",
        "راجعه طبياً: د. نوف الحربي — استشارية طب الأطفال والكلى",
        "كل مقالات ريما شمعون (41)",
        "الأربعاء 22 يوليو 2015 - 09:22 مساءً",
        "أبريل 2020 09:22 مساءً",
        "الخميس 5 شوال 1436 هجرية",
        "السبت، 12 تموز 2014",
        "22 جويلية 2015",
        "2015/07/22",
        "كتب: أحمد السيد",
    ],
)
def test_a_meta_line_under_the_headline_is_never_the_title(meta: str) -> None:
    page = "\n".join(["الرئيسية | محليات | اقتصاد", HEADLINE, meta, P1, P2, P3])
    record = host(page)
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3]
    assert meta in reasons(record)


def test_a_section_header_above_the_headline_closes_at_the_headline() -> None:
    page = "\n".join(["آخر الأخبار", HEADLINE, "منذ 3 ساعات", P1, P2, "شارك المقال", "تعليقات"])
    record = host(page)
    assert record.title == HEADLINE
    assert record.body == [P1, P2]
    assert reasons(record)["آخر الأخبار"] == "related_articles"


@pytest.mark.parametrize(
    ("box", "reason"),
    [
        (
            ["اقرأ أيضاً:", "وزير الصحة يتفقد مستشفيات المنطقة الشرقية", "إطلاق حملة وطنية للتطعيم ضد الإنفلونزا"],
            "read_more",
        ),
        (["إقرأ أيضا", "وزير الصحة يتفقد مستشفيات المنطقة الشرقية"], "read_more"),
        (["مواضيع ذات صلة", "إطلاق حملة وطنية للتطعيم ضد الإنفلونزا"], "related_articles"),
        (["شاهد أيضاً", "بالفيديو: جولة داخل المستشفى الجديد", "وزير الصحة يتفقد المستشفى"], "related_articles"),
        (["ذات صلة:", "إطلاق حملة وطنية للتطعيم ضد الإنفلونزا", "وزير الصحة يتفقد المستشفى"], "related_articles"),
        (["محتوى مدعوم"], "advertisement"),
        (["إشهار - Publicité"], "advertisement"),
        (["— Publicité / إشهار —"], "advertisement"),
        (["— إشهار —"], "advertisement"),
        (["شاهد.. فيديو", "وزير الصحة يتفقد أقسام المستشفى الجديد"], "related_articles"),
    ],
)
def test_an_in_article_box_is_cut_out_and_the_article_is_both_sides_of_it(box: list[str], reason: str) -> None:
    # Two short paragraphs before a long box: the box must not make them look like a sidebar.
    page = "\n".join(["محليات", HEADLINE, P1, P2, *box, P3, P4, "جميع الحقوق محفوظة © 2024"])
    record = host(page)
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3, P4]
    removed = reasons(record)
    assert all(removed[line] in (reason, "read_more", "related_articles") for line in box)
    assert removed[box[0]] == reason


def test_a_read_also_headline_the_paragraph_under_it_does_not_tell_is_a_link_in_the_article() -> None:
    # The paragraph under the one link names the hospital, the ministry and Taif as the article
    # did, and nothing its headline names: the article goes on, no second story starts.
    after = (
        "ووفقاً لخطة الوزارة فإن المستشفى الجديد في الطائف سيستقبل المرضى المحولين من المراكز الصحية في القرى المجاورة."
    )
    page = "\n".join(["محليات", HEADLINE, P1, P2, "اقرأ أيضاً:", "أمطار غزيرة على مرتفعات عسير", after, P4])
    (record,) = marsad.extract(page, enrich=False)
    assert record.body == [P1, P2, after, P4]
    assert reasons(record)["أمطار غزيرة على مرتفعات عسير"] == "read_more"


def test_a_question_heading_the_next_part_after_a_box_stays_in_the_article() -> None:
    question = "ما الفرق بين المستشفى الجديد والمستشفى القديم في الطائف؟"
    answer = (
        "ويقول أطباء إن الفرق بين المستشفى الجديد والقديم يكمن في أقسام الطوارئ والعناية المركزة وعدد الأسرة المتاحة."
    )
    other = "متى يبدأ المستشفى الجديد في الطائف باستقبال المراجعين؟"
    page = "\n".join(
        [
            HEADLINE,
            P1,
            P2,
            "شاهد أيضاً",
            "وزير الصحة يتفقد مستشفيات المنطقة الشرقية",
            question,
            answer,
            other,
            "إعلان",
            P4,
        ]
    )
    record = host(page)
    assert record.body == [P1, P2, question, answer, other, P4]
    assert reasons(record)["وزير الصحة يتفقد مستشفيات المنطقة الشرقية"] == "related_articles"


@pytest.mark.parametrize(
    "line",
    [
        "(إعداد: وحدة الطاقة - تحرير: سامر الحلو)",
        "(تحرير: مكتب الرياض)",
        "مقالات أخرى للكاتبالمدن الذكية.. إلى أين؟حين يصبح الصمت لغة",
    ],
)
def test_credits_and_the_writers_other_articles_after_the_body_are_cut(line: str) -> None:
    record = host("\n".join([HEADLINE, P1, P2, P3, line, "جميع الحقوق محفوظة © 2024"]))
    assert record.body == [P1, P2, P3]
    assert line in reasons(record)


def test_a_box_that_holds_a_second_story_still_makes_its_own_record() -> None:
    story = (
        "قالت هيئة الغذاء والدواء إنها أجازت لقاحاً جديداً ضد الإنفلونزا الموسمية بعد تجارب سريرية استمرت عامين كاملين."
    )
    page = "\n".join(["محليات", HEADLINE, P1, P2, "اقرأ أيضاً.. هيئة الغذاء تجيز لقاحاً جديداً", story])
    first, second = marsad.extract(page, enrich=False)
    assert first.body == [P1, P2]
    assert second.parent == first.id and second.body == [story]


@pytest.mark.parametrize(
    "caption",
    [
        "(تصوير: أرشيف)",
        "الصورة: أرشيفية",
        "وزير الصحة خلال جولته في المستشفى الجديد أمس (واس)",
        "جانب من المستشفى الجديد في مدينة الطائف (أ ف ب)",
        "المبنى الرئيسي للمستشفى بعد اكتمال أعمال البناء - أرشيفية",
        # A credit in brackets that says more than one word: where the photo came from.
        "طوابير المراجعين أمام المستشفى الجديد (صورة من الأرشيف)",
        "وزير الصحة (صورة من الأرشيف)",
        "مقر المستشفى في الطائف (أرشيف الواحة)",
        "الملعب الجديد في مراحله الأخيرة (Photo DR)",
        "(الضاد / أرشيف)",
        # What the photo or the chart shows.
        "صورة وزعتها وزارة الصحة للمستشفى الجديد",
        "رسم بياني: أعداد المراجعين في مستشفيات الطائف (ألف مراجع)",
        # A caption with its credit after a dash.
        "مبنى المستشفى الجديد في الطائف - تصوير: أحمد السيد",
    ],
)
def test_a_caption_between_paragraphs_is_a_photo_caption(caption: str) -> None:
    record = host("\n".join([HEADLINE, P1, caption, P2, P3]))
    assert record.body == [P1, P2, P3]
    assert reasons(record)[caption] == "photo_caption"


def test_the_sites_blurb_on_a_single_page_is_removed_by_rule() -> None:
    blurb = (
        "موقع الخليج اليوم صحيفة إلكترونية مستقلة تصدر من الرياض وتغطي أخبار المملكة والخليج والعالم على مدار الساعة."
    )
    record = host("\n".join([HEADLINE, P1, P2, P3, "الوسوم: الصحة، الطائف", blurb]))
    assert record.body == [P1, P2, P3]
    assert reasons(record)[blurb] == "about_site"


def test_a_site_name_glued_to_the_headline_is_cut_when_the_page_names_the_site() -> None:
    page = "\n".join(["المدينة نيوز", "المدينة نيوز - " + HEADLINE, P1, P2, "جميع الحقوق محفوظة للمدينة نيوز © 2024"])
    record = host(page)
    assert record.title == HEADLINE
    assert reasons(record)["المدينة نيوز -"] == "template"


def test_a_speakers_name_before_a_colon_is_not_a_site_name() -> None:
    title = "الوزير: المستشفى الجديد يخدم نصف مليون نسمة"
    record = host("\n".join(["الوزير", title, P1, P2, "الوزير"]))
    assert record.title == title


def test_site_names_are_learned_from_the_headlines_of_one_source(tmp_path: object) -> None:
    from marsad.extraction import ExtractOptions, extract_page, prepare_page
    from marsad.records import Page
    from marsad.segment.templates import TemplateLearner

    headlines = [
        HEADLINE,
        "وزير الصحة يتفقد مستشفيات المنطقة الشرقية",
        "إطلاق حملة وطنية للتطعيم ضد الإنفلونزا الموسمية",
        "افتتاح مركز لعلاج السكري في جدة",
    ]
    # Four stories, not copies of one: every paragraph differs.
    bodies = [[f"{P1[:-1]} في الخبر {n}.", f"{P3[:-1]} في الخبر {n}."] for n in range(4)]
    pages = [
        Page(origin=f"site/{n}.txt", text="\n".join([f"{title} | صحيفة الواحة", *body]), source="alwaha")
        for n, (title, body) in enumerate(zip(headlines, bodies, strict=True))
    ]
    learner = TemplateLearner()
    for page in pages:
        prepared = prepare_page(page)
        learner.observe(prepared.template_group, prepared.text)
    options = ExtractOptions(enrich=False, templates=learner.templates(), site_affixes=learner.site_affixes())
    assert options.site_affixes == {"alwaha": frozenset({"صحيفة الواحة"})}
    titles = [extract_page(page, options)[0].title for page in pages]
    assert titles == headlines


def test_an_html_page_loses_its_site_name_before_the_headline() -> None:
    html = (
        '<html><head><meta property="og:site_name" content="المدينة نيوز">'
        f"<title>المدينة نيوز - {HEADLINE}</title></head><body><h1>المدينة نيوز - {HEADLINE}</h1>"
        f"<p>{P1}</p><p>{P2}</p></body></html>"
    )
    assert host(html).title == HEADLINE


@pytest.mark.parametrize(
    ("title", "names", "expected"),
    [
        ("المدينة نيوز - ارتفاع أسعار النفط", {"المدينة نيوز"}, "ارتفاع أسعار النفط"),
        ("ارتفاع أسعار النفط | صحيفة الواحة", {"صحيفة الواحة"}, "ارتفاع أسعار النفط"),
        ("ارتفاع أسعار النفط | صحيفة الواحة", set(), "ارتفاع أسعار النفط | صحيفة الواحة"),
        ("عام / ارتفاع أسعار النفط", {"عام"}, "عام / ارتفاع أسعار النفط"),
        ("ارتفاع أسعار النفط في المدينة نيوز", {"المدينة نيوز"}, "ارتفاع أسعار النفط في المدينة نيوز"),
    ],
)
def test_cut_site_name(title: str, names: set[str], expected: str) -> None:
    assert cut_site_name(title, names)[0] == expected


@pytest.mark.parametrize(
    ("raw", "category"),
    [
        ("الشرق الأوسط", "الشرق الأوسط"),
        ("2012 12:00 صباحا", None),
        ("أبريل 2020 09:22 مساءً", None),
        ("1436ه", None),
        ("15431", None),
        ("-", None),
        ("؟", None),
        ("%D8%B1%D9%8A%D8%A7%D8%B6%D8%A9", "رياضة"),
        ("world-news", None),
        # a page's action, a weather strip's town, a label's count, a clock: no section
        ("طباعة", None),
        ("إرسال", None),
        ("اشترك", None),
        ("أرسل المقال لصديق", None),
        ("العقبة 41°", None),
        ("قراءة: 1,318", None),
        ("19:45 مسقط", None),
        ("ثقافة وفنون", "ثقافة وفنون"),
    ],
)
def test_a_category_is_a_word_never_a_date_a_number_or_a_slug(raw: str, category: str | None) -> None:
    assert plausible_category(raw) == category


def test_a_date_line_above_the_headline_is_not_the_category() -> None:
    record = host("\n".join(["أبريل 2020 09:22 مساءً", HEADLINE, P1, P2]))
    assert record.category is None
    assert record.title == HEADLINE


def test_a_menu_of_sections_is_not_a_breadcrumb() -> None:
    record = host("\n".join(["Accueil | Actualités | Sport | الرياضة | الاقتصاد", HEADLINE, P1, P2]))
    assert record.category is None
    record = host("\n".join(["الرئيسية » عربي ودولي", HEADLINE, P1, P2]))
    assert record.category == "عربي ودولي"


@pytest.mark.parametrize(
    "meta",
    [
        "مشاهدات: 2,871 | مشاركات: 54",
        "نُشر: 10:14 صباحاً | آخر تحديث: 01:02 ظهراً",
        "الخميس 7 رمضان 1433 هـ - الموافق 26 يوليو 2012 م | العدد 4318",
        "رقم الخبر: 271845",
        "العدد 14211",
        "استمع إلى هذا المقال، 03:05",
        "المصدر: وكالات",
        "الهلال 2 - 1 النصر | انتهت",
        "Mardi 4 septembre 2012 — الثلاثاء 4 سبتمبر 2012",
    ],
)
def test_meta_fields_alone_or_side_by_side_are_never_the_title(meta: str) -> None:
    record = host("\n".join(["محليات", HEADLINE, meta, P1, P2]))
    assert record.title == HEADLINE
    assert record.body == [P1, P2]


@pytest.mark.parametrize(
    ("head", "title"),
    [
        # a deck under the headline, shorter or longer than it
        (["محليات", HEADLINE, "الوزارة تبدأ التشغيل التجريبي الشهر المقبل", "الطائف - واس"], HEADLINE),
        (
            [
                "محليات",
                HEADLINE,
                "الوزارة تبدأ التشغيل التجريبي الشهر المقبل وتعد بخدمة أكثر من نصف مليون نسمة في المحافظة",
            ],
            HEADLINE,
        ),
        # a short kicker over the headline
        (["محليات", "الصحة في المحافظات", HEADLINE], HEADLINE),
        # a numbered list's items over it
        (
            [
                "مقالات",
                "1. وزير التعليم يزور جامعة الملك سعود",
                "2. وزير الصحة يتفقد مستشفيات المنطقة الشرقية",
                HEADLINE,
            ],
            HEADLINE,
        ),
        # a row of labels under a question headline
        (
            ["مقالات", "هل يكفي مستشفى واحد لنصف مليون نسمة؟", "كاتب ضيف | مقالات الرأي", "في الذكرى الخامسة للافتتاح"],
            "هل يكفي مستشفى واحد لنصف مليون نسمة؟",
        ),
        # an overline ending in a colon hands on to the headline
        (["الرئيسية | محليات | رياضة", "أخصائية في الأمراض الجلدية تؤكد:", HEADLINE, "الطائف - واس"], HEADLINE),
    ],
)
def test_the_headline_among_the_lines_over_the_body(head: list[str], title: str) -> None:
    assert host("\n".join([*head, P1, P2])).title == title


def test_a_disclaimer_of_the_opinions_is_the_sites_own_line() -> None:
    disclaimer = "الآراء الواردة في المقال تعبّر عن رأي كاتبها ولا تعكس بالضرورة رأي الصحيفة"
    record = host("\n".join(["مقالات", HEADLINE, disclaimer, P1, P2]))
    assert record.title == HEADLINE
    assert reasons(record)[disclaimer] == "about_site"


def test_a_caption_credited_to_activists_is_a_caption() -> None:
    caption = "عناصر الدفاع المدني ينتشلون المصابين من تحت الأنقاض في المدينة القديمة (ناشطون)"
    record = host("\n".join([HEADLINE, P1, caption, P2]))
    assert reasons(record)[caption] == "photo_caption"
    assert record.body == [P1, P2]


def test_a_news_ticker_item_under_its_header_is_not_the_title() -> None:
    ticker = "وزير الداخلية يتفقد مراكز الحدود الشمالية في جولة مفاجئة للاطلاع على الاستعدادات"
    record = host("\n".join(["شريط الأخبار", ticker, "محليات", HEADLINE, P1, P2]))
    assert record.title == HEADLINE


def test_a_question_headline_is_a_headline() -> None:
    question = "هل يكفي مستشفى واحد لنصف مليون نسمة؟"
    record = host("\n".join(["رأي", question, "بقلم: أحمد السيد", P1, P2]))
    assert record.title == question


def test_a_related_box_is_cut_when_the_text_after_it_goes_on_with_the_story() -> None:
    links = ["مواضيع ذات صلة", "هل تكفي المستشفيات الحالية؟", "وزير الصحة يتفقد مستشفيات المنطقة الشرقية"]
    after = "ويضم المستشفى الجديد في الطائف ثلاثمئة سرير موزعة على أقسام الباطنية والجراحة والأطفال والنساء."
    record = host("\n".join([HEADLINE, P1, P2, *links, after, P4]))
    assert record.body == [P1, P2, after, P4]


@pytest.mark.parametrize(
    "meta",
    [
        "الدوحة | الجمعة 13 يوليو 2012 - 08:40",
        "عمّان - الواحة | 2012/08/05 - 09:22 صباحاً",
        "الرياض - (واس) - 10 أغسطس 2015",
        "صنعاء (سبأ) - خدمة الأخبار العربية",
        "سعيد العمرينشر في الواحة يوم 15 - 09 - 2012",
        "الدوحة - الميزان | منذ 45 دقيقة",
        "القاهرة - وكالات | قبل ساعتين",
    ],
)
def test_a_place_or_source_beside_a_date_is_a_meta_line_not_the_title(meta: str) -> None:
    record = host("\n".join(["محليات", HEADLINE, meta, P1, P2]))
    assert record.title == HEADLINE
    assert meta not in record.body


def test_a_numbered_list_item_is_no_meta_line() -> None:
    item = "3 - المعادن الثمينة."
    record = host("\n".join([HEADLINE, P1, item, P2, P3]))
    assert item in record.body


def test_a_section_header_over_a_headline_and_its_deck_gives_the_headline() -> None:
    deck = "الوزارة: التشغيل الشهر المقبل والخدمة لنصف مليون نسمة"
    record = host("\n".join(["آخر الأخبار", HEADLINE + " في المنطقة الغربية", deck, "منذ ساعتين", P1, P2]))
    assert record.title == HEADLINE + " في المنطقة الغربية"


def test_a_site_name_before_a_colon_is_cut_when_the_page_names_the_site() -> None:
    record = host("\n".join(["صحيفة الواحة", f"الواحة: {HEADLINE}", P1, P2, "جميع الحقوق محفوظة © 2012 الواحة"]))
    assert record.title == HEADLINE


def test_guillemets_in_a_title_are_kept_when_a_site_name_is_cut() -> None:
    title = "5 مؤسسات توقع اتفاقية لاستضافة «إكسبو 2020»"
    record = host("\n".join(["الواحة", f"{title} - الواحة", P1, P2, "© الواحة 2012"]))
    assert record.title == title


@pytest.mark.parametrize(
    "meta",
    ["الدوحة - الميزان | منذ 45 دقيقة", "القاهرة - وكالات | قبل ساعتين", "قراءة: 5 دقائق", "منذ يوم واحد"],
)
def test_a_time_ago_or_reading_time_under_the_deck_leaves_the_headline_in_reach(meta: str) -> None:
    # Taken for a headline, the meta line would be compared with the deck and the headline never seen.
    deck = "الوزارة تبدأ التشغيل الشهر المقبل"
    record = host("\n".join(["محليات", HEADLINE, deck, meta, P1, P2]))
    assert record.title == HEADLINE
    assert meta in reasons(record)


@pytest.mark.parametrize(
    "above",
    [
        "Publié le 04/11/2012 à 18h32 | نشر في 04 نوفمبر 2012",
        "2012-07-28 | 22:47 بتوقيت صنعاء",
        "الطائف 41° / 33° | الفجر 3:21 الظهر 11:38 العصر 3:04",
        "#الطائف #مستشفيات #وزارة_الصحة",
        "الرئيسية / محليات / الطائف",
        "عاجل | وزير الصحة يتفقد مستشفيات المنطقة الشرقية",
    ],
)
def test_a_time_a_temperature_hashtags_a_breadcrumb_or_a_ticker_is_never_the_title(above: str) -> None:
    # between the headline and the body, where the title search looks first
    record = host("\n".join(["محليات", HEADLINE, above, "الطائف - خاص", P1, P2]))
    assert record.title == HEADLINE
    assert above not in record.body


def test_the_headline_is_above_its_meta_lines_and_the_line_under_them_is_not() -> None:
    subheading = "محاولات لتسريع التشغيل قبل الصيف"
    page = "\n".join(
        ["محليات", HEADLINE, "نشر في: 15/07/2012 - 12:10 ص", "عدد المشاهدات: 3,481", subheading, P1, P2, P3]
    )
    assert host(page).title == HEADLINE


def test_the_headline_the_page_repeats_with_the_sites_name_is_the_title() -> None:
    ticker = "الأردن: استقبال دفعة جديدة من اللاجئين عند الحدود الشمالية"
    page = "\n".join(
        [
            f"{HEADLINE} | بوابة الطائف 24",
            "مباشر",
            ticker,
            "مقالات ورأي",
            HEADLINE,
            "بقلم: أحمد السيد",
            "مشاهدات: 4,377",
            P1,
            P2,
        ]
    )
    assert host(page).title == HEADLINE


def test_a_deck_that_ends_like_a_sentence_does_not_hide_the_headline() -> None:
    deck = "المستشفى يضم ثلاثمئة سرير."
    record = host("\n".join(["محليات", HEADLINE, deck, "الطائف - خاص", "وقت القراءة: دقيقتان", P1, P2]))
    assert record.title == HEADLINE


@pytest.mark.parametrize("credit", ["(تصوير: أحمد السيد)", "الصورة: أرشيفية", "Photo : DR", "(بترا)", "(الطائف - خاص)"])
def test_a_caption_is_known_by_the_credit_under_it(credit: str) -> None:
    caption = "مبنى المستشفى الجديد في الطائف"
    record = host("\n".join([HEADLINE, P1, caption, credit, P2, P3]))
    assert record.body == [P1, P2, P3]
    assert reasons(record)[caption] == "photo_caption"


def test_a_name_over_a_bracketed_figure_in_a_list_is_no_caption() -> None:
    rows = ["أحمد السيد", "(مليار دولار)", "خالد العتيبي", "(400 مليون دولار)"]
    record = host("\n".join([HEADLINE, P1, *rows, P2]))
    assert record.body == [P1, *rows, P2]


def test_a_video_link_with_its_running_time_is_cut() -> None:
    video = "▶ شاهد التقرير المصور (02:41)"
    record = host("\n".join([HEADLINE, P1, video, P2, P3]))
    assert record.body == [P1, P2, P3]


@pytest.mark.parametrize("header", ["شاهد أيضاً", "À lire aussi | اقرأ أيضا"])
def test_a_watch_also_box_is_cut_and_the_sub_heading_under_it_stays(header: str) -> None:
    links = ["وزير الصحة يتفقد مستشفيات المنطقة الشرقية", "افتتاح مركز للقلب في جدة بعد عامين من العمل"]
    subheading = "كوادر وطنية"
    record = host("\n".join([HEADLINE, P1, "إعلان", header, *links, subheading, P2, P3]))
    assert record.body == [P1, subheading, P2, P3]


def test_after_a_box_of_one_link_the_article_goes_on_with_ila_dhalik() -> None:
    after = "إلى ذلك، بحث مدير الشؤون الصحية في الطائف مع فريق المستشفى خطة التشغيل والمواعيد الأولى للمراجعين."
    record = host("\n".join([HEADLINE, P1, P2, "شاهد أيضاً", "وزير الصحة يتفقد مستشفيات المنطقة الشرقية", after, P4]))
    assert record.body == [P1, P2, after, P4]


@pytest.mark.parametrize(
    "player",
    [["فيديو | افتتاح المستشفى الجديد في الطائف", "▶ تشغيل 02:14"], ["فيديو: جولة داخل المستشفى", "مدة الفيديو 01:47"]],
)
def test_a_video_label_over_its_player_is_cut(player: list[str]) -> None:
    record = host("\n".join([HEADLINE, P1, *player, P2, P3]))
    assert record.body == [P1, P2, P3]


@pytest.mark.parametrize(
    "line",
    [
        "برنت 50.35 ▲ 0.72% | الخام الأمريكي 46.08 ▲ 0.74%",
        "(إعداد أحمد السيد للنشرة العربية - تحرير خالد العتيبي)",
    ],
)
def test_a_market_ticker_and_a_wire_sign_off_are_cut(line: str) -> None:
    record = host("\n".join([HEADLINE, P1, line, P2, P3]))
    assert record.body == [P1, P2, P3]


def test_a_related_box_of_two_links_inside_the_article_is_cut() -> None:
    links = ["مواضيع ذات صلة", "وزير الصحة يتفقد مستشفيات المنطقة الشرقية", "افتتاح مركز للقلب في جدة"]
    record = host("\n".join([HEADLINE, P1, P2, *links, P3, P4]))
    assert record.body == [P1, P2, P3, P4]


def test_a_dateline_with_its_source_in_guillemets_is_not_the_title() -> None:
    deck = "الوزارة تبدأ التشغيل التجريبي للمستشفى الشهر المقبل"
    record = host("\n".join(["صحة", HEADLINE, deck, "لندن: «الشرق الأوسط»", "📅 الخميس 12 يوليو 2012", P1, P2]))
    assert record.title == HEADLINE


def test_a_site_name_after_a_dash_is_cut_before_a_label_before_a_colon() -> None:
    title = f"دراسة: {HEADLINE} - جريدة الطائف"
    assert cut_site_name(title, {"دراسة", "جريدة الطائف"}) == (f"دراسة: {HEADLINE}", "- جريدة الطائف")


@pytest.mark.parametrize(
    "above",
    [
        "أنت هنا: الرئيسية / محليات / الطائف",
        "Flash | وزير الصحة يتفقد مستشفيات المنطقة الشرقية",
        "- وزير الصحة يتفقد مستشفيات المنطقة الشرقية",
        "الثلاثاء 4 سبتمبر 2012م - 17 شوال 1433ه",
        "Édition du lundi 23 avril 2012 | الاثنين 2 جمادى الثانية 1433",
        "الطائف - بوابة الطائف - خاص:",
    ],
)
def test_a_breadcrumb_a_ticker_a_list_item_or_a_date_line_near_the_headline_is_not_the_title(above: str) -> None:
    record = host("\n".join(["محليات", HEADLINE, above, P1, P2]))
    assert record.title == HEADLINE


def test_meta_fields_side_by_side_with_a_middle_dot_are_a_meta_line() -> None:
    meta = "🕒 قبل ساعتين · مشاهدات: 742"
    record = host("\n".join(["محليات", HEADLINE, meta, P1, P2]))
    assert record.title == HEADLINE
    assert meta in reasons(record)


@pytest.mark.parametrize(
    "line",
    [
        "▶ شاهد التقرير | جولة في المستشفى الجديد  02:14",
        "🎧 استمع إلى النشرة الصحية الصوتية (03:12)",
        "جدول: أعداد الأسرة في مستشفيات المنطقة",
    ],
)
def test_a_media_link_with_its_running_time_and_a_table_caption_are_cut(line: str) -> None:
    record = host("\n".join([HEADLINE, P1, line, P2, P3]))
    assert record.body == [P1, P2, P3]


def test_a_wire_dateline_alone_on_its_line_is_neither_title_nor_body() -> None:
    dateline = "الطائف - 31 يوليو 2015 (خعا) --"
    record = host("\n".join(["وكالة الخبر العربي للأنباء", HEADLINE, dateline, P1, P2, P3, "// انتهى //"]))
    assert record.title == HEADLINE
    assert dateline not in record.body and reasons(record)[dateline] == "date_line"


def test_a_speaker_named_in_the_tags_is_not_cut_from_the_headline_as_a_site_name() -> None:
    headline = "المتحدث: المستشفى الجديد يخدم نصف مليون نسمة في الطائف"
    page = "\n".join(
        ["صحيفة الواحة", "محليات", headline, "الطائف - الواحة", P1, P2, P3, "الوسوم: المتحدث، الطائف، الصحة",
         "جميع الحقوق محفوظة © صحيفة الواحة 2015"]
    )  # fmt: skip
    assert host(page).title == headline


def test_a_caption_credited_to_the_site_itself_is_cut() -> None:
    caption = "مبنى المستشفى الجديد في الطائف (صحيفة الواحة)"
    page = "\n".join(
        ["صحيفة الواحة | أخبار المنطقة", HEADLINE, P1, P2, caption, P3, P4, "جميع الحقوق محفوظة © صحيفة الواحة 2015"]
    )
    record = host(page)
    assert caption not in record.body and reasons(record)[caption] == "photo_caption"
    assert record.body == [P1, P2, P3, P4]
    # A name in brackets the page does not give as its own stays in the text.
    other = host(page.replace(caption, "مبنى المستشفى الجديد في الطائف (وزارة الصحة)"))
    assert "مبنى المستشفى الجديد في الطائف (وزارة الصحة)" in other.body


@pytest.mark.parametrize(
    "caption", ["لاعبو الفريق في تدريبات الأمس (ملاعب 24)", "مبنى المستشفى الجديد في الطائف (ph. DR)"]
)
def test_a_caption_credited_to_a_site_with_a_number_or_in_french_is_cut(caption: str) -> None:
    page = "\n".join(["ملاعب 24", HEADLINE, P1, P2, caption, P3, P4, "حقوق النشر محفوظة © ملاعب 24 - 2015"])
    record = host(page)
    assert caption not in record.body and reasons(record)[caption] == "photo_caption"


def test_a_related_header_with_one_link_is_cut_when_the_text_goes_on_with_a_demonstrative() -> None:
    link = "خبراء: المستشفيات الجديدة تخفف الضغط عن المراكز الصحية"
    p3 = "هذا التحليل لا يلغي أن أمام الجهات المعنية طريقا طويلا قبل أن يلمس الناس نتائج ملموسة على الأرض."
    record = host("\n".join([HEADLINE, P1, P2, "مواضيع ذات صلة", link, p3, P4]))
    assert record.body == [P1, P2, p3, P4]
    assert reasons(record)[link] == "related_articles"


def test_an_author_s_name_alone_under_the_deck_is_no_title_candidate() -> None:
    # headline, deck, the author's name, the date: the headline is the longer of the two headlines
    page = "\n".join(
        [
            "الرئيسية > صحة",
            HEADLINE + " وقسم للطوارئ يعمل طوال اليوم",
            "الوزارة: التشغيل يبدأ الشهر المقبل",
            "مولاي إدريس البقالي",
            "2015/07/22 - 09:22",
            P1,
            P2,
            P3,
        ]
    )
    assert host(page).title == HEADLINE + " وقسم للطوارئ يعمل طوال اليوم"


def test_a_video_link_over_the_body_is_no_title() -> None:
    # headline and deck of as many words: the upper is the headline, once the link is no candidate
    deck = "المتحدث باسم الوزارة: المستشفى يخدم نصف مليون نسمة"
    page = "\n".join([HEADLINE, deck, "الأربعاء 22 يوليو 2015", "▶ شاهد التقرير المصور", P1, P2, P3])
    record = host(page)
    assert record.title == HEADLINE
    assert "▶ شاهد التقرير المصور" not in record.body


def test_the_last_item_of_a_most_read_list_over_the_headline_is_no_title() -> None:
    page = "\n".join(
        [
            "الأكثر قراءة اليوم",
            "الهلال يحسم صفقة المدافع البرازيلي",
            "النصر يبدأ معسكره في النمسا الأسبوع المقبل",
            "الاتحاد يعلن قائمته للموسم الجديد بعد معسكر طويل",
            "افتتاح مستشفى جديد في الطائف بطاقة كبيرة",
            "تاريخ النشر: الخميس 10 مايو 2012 | آخر تحديث: 01:15 صباحاً",
            P1,
            P2,
            P3,
        ]
    )
    assert host(page).title == "افتتاح مستشفى جديد في الطائف بطاقة كبيرة"


def test_a_ticker_above_the_latest_news_header_is_no_title() -> None:
    page = "\n".join(
        [
            "أسعار الذهب الآن: الأوقية 1,286 دولاراً | الغرام عيار 21 نحو 155 ريالاً",
            "آخر الأخبار",
            HEADLINE,
            "الجمعة 31 يوليو 2015 - 03:19 مساءً",
            P1,
            P2,
            P3,
        ]
    )
    assert host(page).title == HEADLINE


def test_a_language_switcher_is_no_breadcrumb() -> None:
    page = "\n".join(["عربي | English | Français", HEADLINE, P1, P2, P3])
    assert host(page).category is None


@pytest.mark.parametrize(
    "caption",
    ["مدخل المستشفى الجديد في الطائف صباح أمس (د ب أ)", "جانب من قاعة الطوارئ في المستشفى - أرشيف الساحل"],
)
def test_a_caption_credited_to_an_agency_or_a_site_s_archive_is_cut(caption: str) -> None:
    record = host("\n".join([HEADLINE, P1, P2, caption, P3, P4]))
    assert caption not in record.body
    assert record.body == [P1, P2, P3, P4]


def test_a_source_line_with_the_kind_of_report_is_no_title() -> None:
    page = "\n".join(["الرئيسية > تقارير", HEADLINE, "نبض الخليج نت - خاص", "27/06/2012 07:06:13", P1, P2, P3])
    record = host(page)
    assert record.title == HEADLINE
    assert reasons(record)["نبض الخليج نت - خاص"] == "byline"


DECK = "الوزارة تعلن خطة لتوسيع الخدمات الصحية في المحافظات والقرى المجاورة خلال العام المقبل"


@pytest.mark.parametrize(
    ("masthead", "headline_line", "cut"),
    [
        # a bar made a menu of it; the masthead names the site
        ("بوابة الواحة", HEADLINE + " | بوابة الواحة", "| بوابة الواحة"),
        # the name as glued carries a word any outlet's name may (`نيوز`); the masthead another
        ("قناة الواحة الفضائية", "الواحة نيوز - " + HEADLINE, "الواحة نيوز -"),
        # a colon parts it where the masthead shows the name among other words
        ("وكالة الضاد للأنباء", "ضاد: " + HEADLINE, "ضاد:"),
    ],
)
def test_the_headline_the_page_glues_its_name_to_is_the_title(masthead: str, headline_line: str, cut: str) -> None:
    page = "\n".join(
        [masthead, "الرئيسية | محليات | اقتصاد | رياضة", "محليات", headline_line, DECK, "الطائف - الواحة", P1, P2, P3]
    )
    record = host(page)
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3]
    assert reasons(record)[cut] == "template"
    assert DECK in reasons(record)


def test_a_headline_glued_to_the_site_name_of_the_copyright_line_is_the_title() -> None:
    footer = "جميع الحقوق محفوظة لجريدة الواحة © 2012"
    page = "\n".join(["الرئيسية | محليات | اقتصاد", HEADLINE + " - جريدة الواحة", DECK, P1, P2, P3, footer])
    assert host(page).title == HEADLINE


def test_a_byline_under_the_headline_is_no_masthead() -> None:
    # `واشنطن: ...` is a dateline's place; the byline under it repeats the place, not a site's name
    title = "واشنطن: الخطوة المقبلة بعد اجتماع باريس هي مجلس الأمن"
    record = host("\n".join([title, "واشنطن: محمد علي صالح", P1, P2, P3]))
    assert record.title == title


@pytest.mark.parametrize(
    "deck",
    [
        "خلال زيارة وفد برلماني للمستشفى الجديد في محافظة الطائف يوم أمس",
        "على هامش جولة الوزير في مستشفيات المحافظة والقرى المجاورة لها",
        "عقب اجتماع مجلس إدارة التجمع الصحي في المحافظة مع مديري المستشفيات",
    ],
)
def test_a_deck_that_sets_the_scene_is_not_the_title(deck: str) -> None:
    # the deck is the longer line, which would otherwise be taken for the headline
    record = host("\n".join(["الرئيسية | محليات | اقتصاد", HEADLINE, deck, "الطائف - الواحة", P1, P2, P3]))
    assert record.title == HEADLINE
    assert deck in reasons(record)


def test_a_deck_above_a_byline_leads_to_the_headline_above_it() -> None:
    deck = "خلال زيارة وفد برلماني للمستشفى الجديد في محافظة الطائف"
    byline = "الطائف - سامي الحربي- ماجد العتيبي"
    record = host("\n".join(["محليات", HEADLINE, deck, byline, P1, P2, P3]))
    assert record.title == HEADLINE


def test_a_tickers_last_hour_item_is_no_title() -> None:
    ticker = "Dernière minute آخر ساعة: المنتخب الوطني يغادر إلى مابوتو بحثاً عن بطاقة التأهل"
    record = host("\n".join(["Accueil | Sport | Économie", ticker, "رياضة", HEADLINE, P1, P2, P3]))
    assert record.title == HEADLINE


@pytest.mark.parametrize(
    "meta",
    ["قرئ 863 مرة", "Lu 1 874 fois | Réactions (3)", "Lu 863 fois | قرئ 863 مرة", "بورصة عمّان: 1,912.4 نقطة (-0.27%)"],
)
def test_read_counts_and_market_indexes_are_never_titles_nor_body(meta: str) -> None:
    record = host("\n".join(["الرئيسية | محليات | اقتصاد", HEADLINE, meta, P1, P2, meta, P3]))
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3]


def test_a_channels_on_air_line_is_no_title() -> None:
    on_air = "على الهواء الآن: نشرة الاقتصاد المسائية | التالي: مسلسل السهرة"
    record = host("\n".join(["قناة الواحة الفضائية", on_air, "الرئيسيةالأخباراقتصاد", HEADLINE, P1, P2, P3]))
    assert record.title == HEADLINE


def test_a_masthead_in_two_scripts_names_the_site() -> None:
    page = "\n".join(["Accueil | Sport | Vidéos", "ستاد الواحة | Stade Oasis", "ستاد الواحة - " + HEADLINE, P1, P2, P3])
    assert host(page).title == HEADLINE


def test_a_paragraph_broken_off_mid_sentence_is_body() -> None:
    # no final stop, but clauses parted by commas: a sentence the line break cut, not a headline
    broken = "استقبل مدير المستشفى، الدكتور سامي العتيبي، في مكتبه صباح اليوم وفد الوزارة الذي يزور المحافظة لمتابعة سير العمل في"
    record = host("\n".join(["الرئيسية | محليات | اقتصاد", HEADLINE, "الطائف - الواحة", broken, P1, P2, P3]))
    assert record.title == HEADLINE
    assert record.body == [broken, P1, P2, P3]


def test_an_agency_byline_with_the_site_name_leaves_the_headline_named() -> None:
    # `الواحة 24 - و م ع`: the site's name and an agency's initials, no second headline
    page = "\n".join(
        ["الواحة 24", "الرئيسية | محليات | اقتصاد", HEADLINE + " – الواحة 24", DECK, "الواحة 24 - و م ع", P1, P2, P3]
    )
    assert host(page).title == HEADLINE


@pytest.mark.parametrize(
    "line",
    [
        "لا تفوّتي",
        "شاهدي أيضاً: جولة مصورة في أجمل قطع الموسم",
        "عن الكاتبة: من كتّاب المجلة الدائمين في باب الفنون.",
        "(من حفل التكريم - وكالة الأنباء)",
        "▶ فيديو | سلاح الجو يكثف طلعاته شرق البلاد",
        # font-size buttons, a francophone publication line, a drawing's credit, a cover's caption
        "A- | A+",
        "Publié le 21/07/2012 à 10:05",
        "(رسم: قسم الجرافيك)",
        "غلاف الرواية في طبعتها الأولى",
        # a weekday and a date over the site's name, a source line, related links glued to their header
        ":الخميس ,19/07/2012   البوابة الإخبارية",
        "القاهرة-وكالات-البوابة الإخبارية:",
        "مواضيع ذات صلة ارتفاع الأسعار في الأسواق المحلية وزير التجارة يتفقد المخازن",
    ],
)
def test_a_womens_sites_headers_an_authors_note_a_bracketed_caption_and_a_video_link_are_chrome(line: str) -> None:
    record = host("\n".join(["الرئيسية | محليات | اقتصاد", HEADLINE, P1, P2, line, P3]))
    assert record.body == [P1, P2, P3]


@pytest.mark.parametrize("marker", ["📌 اقرأ أيضاً", "اقرئي أيضاً"])
def test_a_read_also_box_after_an_icon_or_in_the_feminine(marker: str) -> None:
    link = "عروض الصيف تشعل المنافسة بين مكاتب السفر في المنطقة"
    record = host("\n".join(["الرئيسية | محليات | اقتصاد", HEADLINE, P1, P2, marker, link, P3]))
    assert record.body == [P1, P2, P3]


@pytest.mark.parametrize(
    ("upper", "lower", "title"),
    [
        # an overline that opens as the article's sentences do, over a shorter headline
        (
            "أثار جدلا قانونيا واسعا بسبب تجاهله قرار المحكمة الدستورية العليا",
            "وزير الصحة يلغي قرار إغلاق المستشفى القديم",
            "وزير الصحة يلغي قرار إغلاق المستشفى القديم",
        ),
        # a deck that opens with a preposition under a shorter headline
        (
            "وزير الصحة يفتتح مستشفى جديدا في الطائف",
            "في حفل أقامته الوزارة بحضور المحافظ ومديري القطاعات الصحية وعدد كبير من الأهالي",
            "وزير الصحة يفتتح مستشفى جديدا في الطائف",
        ),
        # an author's name under the headline is no headline, however it opens
        ("بناء المنظور في الرواية العربية المعاصرة", "د. كريم حسن اللامي", "بناء المنظور في الرواية العربية المعاصرة"),
    ],
)
def test_of_two_headlines_the_one_that_opens_as_sentences_do_is_the_deck(upper: str, lower: str, title: str) -> None:
    page = "\n".join(["الرئيسية | محليات", upper, lower, P1, P2, P3, P4])
    assert host(page).title == title


def test_a_ticker_over_the_sites_head_is_no_title_however_long() -> None:
    ticker = "وزير النقل يعلن تشغيل خط الحافلات الجديد بين المحافظات الشهر المقبل"
    head = ["عاجل", ticker, "الخميس، 6 أغسطس 2015", "بحث", "تابعنا: فيسبوك تويتر يوتيوب", "محليات", "كتب: سامي العلي"]
    page = "\n".join([*head, HEADLINE, "آخر تحديث: منذ ساعتين", P1, P2, P3, P4])
    assert host(page).title == HEADLINE


@pytest.mark.parametrize(
    "label",
    [
        "التصنيف: صحة / مستشفيات",
        "الأكثر تداولاً: موسم الحج ، الدوري السعودي ، صيف 2015",
    ],
)
def test_a_label_with_a_list_is_no_title(label: str) -> None:
    page = "\n".join(["الرئيسية | محليات", label, "الخميس 6 أغسطس 2015", HEADLINE, P1, P2, P3, P4])
    assert host(page).title == HEADLINE
    page = "\n".join(["الرئيسية | محليات", HEADLINE, label, P1, P2, P3, P4])
    assert host(page).title == HEADLINE


@pytest.mark.parametrize(
    "caption",
    [
        "Crédit photo : DR",
        "Photo d'archives / صورة من الأرشيف",
        "الصور المرفقة: الوزير يتفقد المستشفى",
        "صورة من صفحة الوزارة على فيسبوك",
    ],
)
def test_french_credits_attached_photos_and_a_photo_of_something_are_captions(caption: str) -> None:
    assert cut_between_paragraphs(caption)[caption] == "photo_caption"


def test_a_short_headline_over_a_dated_source_line_is_the_title() -> None:
    headline = "عجز رياضي مغربي جديد"
    source = "سامي العلي مراسل صحيفة المساء في الرباط 05 - 09 - 2012"
    page = "\n".join(["الرئيسية | رأي", "الأربعاء 5 سبتمبر 2012", headline, source, P1, P2, P3, P4])
    assert host(page).title == headline


def test_background_after_a_one_link_box_goes_on_with_the_article() -> None:
    link = "الوزارة تعلن نتائج حملة التطعيم الموسمية"
    background = "يذكر أن الحملة السابقة انطلقت قبل عامين بمشاركة فرق تطوعية جاءت من جميع أنحاء البلاد."
    record = host("\n".join(["الرئيسية | محليات", HEADLINE, P1, P2, "مواضيع ذات صلة", link, background]))
    assert record.body == [P1, P2, background]
    assert reasons(record)[link] == "related_articles"


@pytest.mark.parametrize(
    "head",
    [
        # a ticker's label alone, its item under it, a section line, then the headline
        ["عاجل", "الدفاع المدني يخمد حريقاً في مستودع بحي الصناعية", "محليات | صحة", "رقم الخبر: 15-0811-0482"],
        # a ticker then a breadcrumb in French
        ["Flash info : انطلاق امتحانات الشهادة الثانوية صباح الغد", "Accueil » Santé » مستشفيات", "صحة"],
        # a results ticker, then the label of a breaking article over its own headline
        ["مباريات اليوم: الاتحاد 2 - 1 الهلال (انتهت) | النصر × الأهلي الخميس", "عاجل"],
    ],
)
def test_a_tickers_item_and_a_breadcrumb_open_the_head_below_them(head: list[str]) -> None:
    page = "\n".join(["صحيفة الواحة", *head, HEADLINE, "منذ 40 دقيقة", P1, P2, P3, P4])
    assert host(page).title == HEADLINE


@pytest.mark.parametrize(
    "meta",
    [
        ["بقلم: سلطان العتيبي", "مراسل الواحة في مكة المكرمة", "عدد المقالات: 418"],
        ["بقلم: نورة الدوسري", "محررة الشؤون الصحية - الرياض", "🔁 مشاركة 1.2 ألف"],
    ],
)
def test_an_authors_post_and_a_widgets_count_under_the_headline_are_no_titles(meta: list[str]) -> None:
    record = host("\n".join(["الرئيسية | محليات", HEADLINE, *meta, P1, P2, P3, P4]))
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3, P4]


@pytest.mark.parametrize(
    ("lines", "reason"),
    [
        (["مستشفى الملك فهد في الطائف من الخارج", "(أ ف ب)"], "photo_caption"),
        (["صورة أرشيفية لمبنى المستشفى الجديد في الطائف", "(وكالات)"], "photo_caption"),
        (["طاقم المستشفى الجديد في الطائف - صورة بثتها الوزارة"], "photo_caption"),
        (["- تابع المقال أسفل الإعلان -"], "advertisement"),
    ],
)
def test_agency_initials_dashed_credits_and_ad_pointers_leave_the_body(lines: list[str], reason: str) -> None:
    record = host("\n".join(["الرئيسية | محليات", HEADLINE, P1, P2, *lines, P3, P4]))
    assert record.body == [P1, P2, P3, P4]
    assert all(reasons(record)[line] == reason for line in lines)


def test_a_credit_over_its_caption_in_the_head_and_a_french_read_also_box() -> None:
    page = "\n".join(
        [
            "الرئيسية | محليات",
            HEADLINE,
            "صورة: أرشيف الواحة",
            "مبنى المستشفى الجديد قبل افتتاحه",
            P1,
            P2,
            "Lire aussi :",
            "Santé : un nouvel hôpital à Taëf",
            "الوزارة تعلن نتائج حملة التطعيم الموسمية",
            P3,
            P4,
        ]
    )
    record = host(page)
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3, P4]
    assert reasons(record)["مبنى المستشفى الجديد قبل افتتاحه"] == "photo_caption"
    assert reasons(record)["Santé : un nouvel hôpital à Taëf"] == "related_articles"


def test_a_french_byline_under_a_deck_and_a_date_is_no_title() -> None:
    deck = "المستشفى يخدم نصف مليون نسمة ويبدأ التشغيل الشهر المقبل"
    meta = ["Publié le 21/08/2015 à 09h47", "Par : الواحة - الطائف"]
    record = host("\n".join(["Accueil | Santé", HEADLINE, deck, *meta, P1, P2, P3, P4]))
    assert record.title == HEADLINE
    assert reasons(record)["Par : الواحة - الطائف"] == "byline"


@pytest.mark.parametrize(
    ("meta", "reason"),
    [
        ("تم قراءة الموضوع 873 مرة", "share_widget"),
        ("واشنطن 26 يوليو 2015 (ضاد) - وكالات", "date_line"),
        ("تقديم الأستاذ حامد العبيدي", "byline"),
    ],
)
def test_a_read_count_a_dated_wire_line_and_a_presenters_credit_are_no_titles(meta: str, reason: str) -> None:
    record = host("\n".join(["الرئيسية | محليات", HEADLINE, meta, P1, P2]))
    assert record.title == HEADLINE
    assert reasons(record)[meta] == reason
    # under a headline too short to be taken for one, the meta line is still no title
    assert host("\n".join(["الرئيسية | آراء", "فوضى المكان", meta, P1, P2])).title != meta


@pytest.mark.parametrize(
    "lines",
    [
        ["(أرشيفية) طوابير المراجعين أمام المستشفى القديم"],
        ["(أ ف ب) ممرضة تجهز غرفة العمليات في المستشفى الجديد"],
        [
            "Sur le même sujet | مواضيع ذات صلة",
            "وزير الصحة يتفقد مستشفيات المنطقة الشرقية",
            "Santé : un nouvel hôpital à Taëf",
        ],
        ["مواضيع قد تهمك", "وزير الصحة يتفقد مستشفيات المنطقة الشرقية", "افتتاح مركز للقلب في جدة بعد عامين من العمل"],
    ],
)
def test_credits_before_captions_and_bilingual_or_you_may_like_boxes_leave_the_body(lines: list[str]) -> None:
    record = host("\n".join(["الرئيسية | محليات", HEADLINE, P1, P2, *lines, P3, P4]))
    assert record.body == [P1, P2, P3, P4]
    assert all(line in reasons(record) for line in lines)


def test_a_longer_sub_heading_under_a_box_stays_where_the_article_heads_its_parts() -> None:
    # The article heads its parts (``خدمات الطوارئ``), and the line under the box names what the
    # paragraph under it tells: a sub-heading, not the box's last link.
    first = "خدمات الطوارئ"
    second = "وحدة العناية المركزة للمستشفى الجديد"
    links = ["وزير الصحة يتفقد مستشفيات المنطقة الشرقية", "افتتاح مركز للقلب في جدة بعد عامين من العمل"]
    page = [HEADLINE, P1, first, P2, "اقرأ أيضاً", *links, second, P3, P4]
    record = host("\n".join(page))
    assert record.body == [P1, first, P2, second, P3, P4]
    # Without other sub-headings in the article the line stays with the box's links.
    plain = host("\n".join([HEADLINE, P1, P2, "اقرأ أيضاً", *links, second, P3, P4]))
    assert second not in plain.body


def _learned_titles(pages: list[marsad.Page]) -> list[str | None]:
    from marsad.extraction import ExtractOptions, extract_page, learned_options, prepare_page
    from marsad.segment.templates import TemplateLearner

    learner = TemplateLearner()
    for page in pages:
        prepared = prepare_page(page)
        learner.observe(prepared.template_group, prepared.text)
    options = ExtractOptions(enrich=False)
    learned_options(learner, options)
    return [extract_page(page, options)[0].title for page in pages]


def test_a_columns_name_over_its_pieces_headlines_is_no_title() -> None:
    # A columnist's pieces stand under the column's name on two pages of the site: the name is
    # the site's, the headline under it (two words, or longer) the page's own.
    column = "نقطة نظام"
    heads = [
        [column, "رحلة الشفاء", "بقلم: سالم الحارثي"],
        [column, "المستشفيات الجديدة بين الوعد والتنفيذ", "بقلم: سالم الحارثي"],
        ["أسرار الطائف", "بقلم: منى الكندي"],
        ["خدمات تنتظر التشغيل في المحافظات", "بقلم: منى الكندي"],
    ]
    pages = [
        marsad.Page(
            origin=f"site/{n}.txt",
            text="\n".join(
                ["الرئيسية | مقالات | كتاب الرأي", *head, f"{P1[:-1]} {n}.", f"{P2[:-1]} {n}.", "جميع الحقوق محفوظة"]
            ),
            source="nuqta",
        )
        for n, head in enumerate(heads)
    ]
    assert _learned_titles(pages) == [head[-2] for head in heads]


def test_a_date_line_opening_with_the_sites_word_is_no_headline_glued_to_its_name() -> None:
    # ``بوابة الصعيد اليوم`` names itself on top; ``اليوم: الثلاثاء ...`` is its date line, not
    # a headline with the name glued to it.
    page = [
        "بوابة الطائف اليوم",
        "اليوم: الثلاثاء 21 يوليو 2015",
        "الرئيسية | محليات | اقتصاد",
        HEADLINE,
        "نُشر بتاريخ: 21-07-2015 | 10:45 ص",
        P1,
        P2,
        P3,
    ]
    assert host("\n".join(page)).title == HEADLINE


@pytest.mark.parametrize(
    "headline",
    [
        "إنشاء منطقة حرة للمنتجات على ضفاف «السويس»",
        "«داعش» يتوعد حفتر وأعضاء مجلس النواب الليبي بـ«الذبح والقتل»",
    ],
)
def test_a_headline_ending_with_a_name_in_guillemets_is_a_headline(headline: str) -> None:
    page = [
        "الرئيسية | محليات | اقتصاد",
        "آخر الأخبار",
        "المنيا: تحرير 45 مخالفة تموينية في حملة على المخابز",
        "أنت هنا: الرئيسية » اقتصاد",
        headline,
        "نُشر بتاريخ: 07-08-2015 | 10:45 ص",
        "✍ القاهرة - بوابة النيل",
        "👁 12.3 ألف ⤴ 340",
        P1,
        P2,
        P3,
    ]
    record = host("\n".join(page))
    assert record.title == headline
    assert record.body == [P1, P2, P3]


@pytest.mark.parametrize(
    "line",
    [
        "الكلمات الدلالية: وزارة الصحة، الطائف، المستشفيات",
        "المزيد في هذه الفئة: « افتتاح مركز للقلب في جدة | وزير الصحة يتفقد مستشفيات الشرقية »",
        "التعليقات (0)",
        "مشاركة: فيسبوك تويتر جوجل+",
        "تقييم المستخدم: / 0",
        "التتمة ص 14",
        "تتمة المنشور على الصفحة 11",
        "تابع ص 1",
        "المرفقات: خطة التشغيل (PDF - 312 كيلوبايت)",
        "رابط الخبر بصحيفة الواحة: افتتاح مستشفى جديد في الطائف",
        "بيان صحفي رقم: 2015/0712",
        "الجهة المصدرة: وزارة الصحة",
        "رسم توضيحي لأقسام المستشفى الجديد",
        "👁 4.7 ألف",
        "✔ خضع للتدقيق الطبي | راجعه: د. سالم العمري",
    ],
)
def test_release_numbers_continuations_attachments_labels_and_counters_are_chrome(line: str) -> None:
    assert line in cut_between_paragraphs(line)


def test_the_last_paragraph_without_its_full_stop_stays_in_the_body() -> None:
    # A conjoined sentence after the body, cut of its full stop, goes on with the article.
    last = "فيما حضر الاستقبال من جانب الوزارة وكيلها للشؤون الصحية ومدير عام المستشفيات في المنطقة الغربية"
    record = host("\n".join(["الرئيسية | محليات", HEADLINE, P1, P2, P3, last, "طباعة الخبر | إرسال بالبريد"]))
    assert record.body == [P1, P2, P3, last]


def test_a_kicker_introducing_its_headline_with_a_colon_inside_quote_marks_is_no_title() -> None:
    kicker = "مدير المستشفى في حوار مع ''الواحة: ''"
    record = host("\n".join(["الرئيسية | صحة", kicker, HEADLINE, "نُشر بتاريخ: 07-08-2015", P1, P2, P3]))
    assert record.title == HEADLINE


PULL = "«المستشفى الجديد خطوة أولى في خطة تمتد إلى كل محافظات المنطقة»"
# A paragraph that tells, with no one speaking in its last sentence.
TOLD = "ويقع المستشفى على طريق المطار، وقد استغرق بناؤه ثلاث سنوات بتكلفة بلغت أربعمئة مليون ريال من ميزانية الوزارة."


@pytest.mark.parametrize("before", [TOLD, P2])
def test_a_pull_quote_between_two_paragraphs_is_cut(before: str) -> None:
    # after a paragraph that tells, or one that reports speech and closes its sentence
    record = host("\n".join(["الرئيسية | محليات", HEADLINE, P1, before, PULL, P3, P4]))
    assert record.body == [P1, before, P3, P4]
    assert reasons(record)[PULL] == "pull_quote"


@pytest.mark.parametrize(
    ("before", "quoted"),
    [
        # speech in the first person, or written down sentence by sentence
        (P2, "«نحن نعد المرضى بقسم للطوارئ يعمل على مدار الساعة منذ الأسبوع الأول»"),
        (TOLD, "«بدأ العمل في المستشفى. وسيفتح قسم الطوارئ أبوابه الأسبوع المقبل»"),
        # the speaker's quotation goes on from the paragraph before
        ("وقال المتحدث باسم الوزارة: «العمل يبدأ الشهر المقبل في كل الأقسام»", PULL),
        # a verse, vocalised, is cited
        (TOLD, "«وَإِذَا مَرِضْتُ فَهُوَ يَشْفِينِ وَالَّذِي يُمِيتُنِي ثُمَّ يُحْيِينِ»"),
        # a quoted sub-heading of a few words
        (TOLD, "«طوارئ على مدار الساعة»"),
    ],
)
def test_a_quotation_the_article_itself_makes_stays(before: str, quoted: str) -> None:
    record = host("\n".join(["الرئيسية | محليات", HEADLINE, before, quoted, P3, P4]))
    assert quoted in record.body


@pytest.mark.parametrize(
    "box",
    [
        # a market box: labels over their values
        ["أسعار الصرف", "الدولار الأميركي", "1,507.50 ل.ل.", "الريال السعودي: 401.95 ل.ل."],
        # a social post's counters and links
        ["128 إعادة تغريد 540 إعجاب"],
        ["أعجب بها 3,214 شخصاً", "عرض كل التعليقات (87)", "إضافة تعليق..."],
        # a gallery's counter, a video's running time
        ["الصورة 3 من 8"],
        ["المدة 02:09"],
        # a match card: its labels, and the teams and scores that run with them
        ["نتيجة المباراة", "الدقيقة 90+5"],
        ["نتيجة المباراة", "الهلال 3", "النصر 1", "استاد الملك فهد الدولي"],
        # an appeal for donations
        [
            "نداء عاجل",
            "للتبرع: حساب الأمل الخيري - رقم 3300145",
            "صحافة مستقلة تحتاج إلى دعمكم؛ تبرعك يساعدنا على الاستمرار",
        ],
        # a related link after an arrow
        [">> مهرجان الطائف يعلن برنامج دورته المقبلة"],
    ],
)
def test_boxes_between_paragraphs_leave_the_article_whole(box: list[str]) -> None:
    record = host("\n".join(["الرئيسية | محليات", HEADLINE, P1, *box, P2, P3, P4]))
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3, P4]
    assert all(line in reasons(record) for line in box)


@pytest.mark.parametrize(
    "line",
    [
        "إخلاء مسؤولية: البيانات والأسعار الواردة للاستئناس فقط وقد تتأخر عن السوق",
        "تنويه: هذا المحتوى إخباري ولا يمثل نصيحة استثمارية.",
        "الحوارات المنشورة تعبر عن آراء أصحابها، ولا تتبنى بالضرورة موقف الموقع",
        "ملاحظة: ما ورد في هذا المقال يمثل رأي الكاتب ولا يلزم هيئة التحرير",
        "كاتب ومحلل في الشأن البرلماني، يكتب في الواحة منذ انطلاقتها",
        "تيليجرام: تابعونا على @alwaha_news",
        "نقلاً عن صحيفة الواحة",
    ],
)
def test_disclaimers_bios_and_source_credits_after_the_article_are_chrome(line: str) -> None:
    record = host("\n".join(["الرئيسية | محليات", HEADLINE, P1, P2, P3, line, "جميع الحقوق محفوظة"]))
    assert record.body == [P1, P2, P3]
    assert line in reasons(record)


@pytest.mark.parametrize(
    "above",
    ["قراءة في دقيقتين", "الرئيسية موضة جمال صحة ورشاقة مطبخ أسرة", "ابحثي في المجلة..."],
)
def test_a_reading_time_a_glued_menu_or_a_search_box_is_never_the_title(above: str) -> None:
    record = host("\n".join(["مجلة الواحة", above, HEADLINE, P1, P2, P3]))
    assert record.title == HEADLINE


@pytest.mark.parametrize(
    "box",
    [
        # a post drawn as its platform draws it: the account, its handle, the text, the time, counters
        [
            "مستشفى الواحة",
            "@alwaha_hospital",
            "استقبلنا اليوم أول المراجعين في قسم الطوارئ الجديد، شكراً لكل الكوادر",
            "9:14 م · 3 يناير 2013",
            "128 إعادة تغريد 540 إعجاب",
        ],
        # an Instagram name, its profile link, the text and the likes
        ["dr.huda.taif", "عرض الملف الشخصي", "زيارة اليوم للمستشفى الجديد مع الفريق", "أعجب بها 3,214 شخصاً"],
        # a label over the account's name and handle, a post with a hashtag
        ["تغريدة مضمّنة", "مراسل الواحة @alwaha_taif", "افتتاح المستشفى الجديد صباح اليوم بحضور المحافظ #الطائف"],
        # a post's text carrying emoji
        ["الطائف تستحق الأفضل دائماً 💚🏥"],
        # a gallery's counter and the caption under it, bracketed credit and all
        ["الصورة 2 من 7", "مبنى المستشفى الجديد من الجهة الشرقية (المصدر: الوزارة)"],
        # a standings table with its header, and a table of cells parted by bars
        ["ترتيب المجموعة الثانية", "1. الهلال 9", "2. الاتحاد 6", "3. الشباب 3", "4. الفتح 0"],
        ["أسعار الخضار اليوم (ريال للكرتون)", "الطماطم | 18 - 22", "البطاطس | 25 - 28", "الخيار | 14 - 16"],
        ["العملة | شراء | بيع", "الدولار | 3.75 | 3.76", "اليورو | 4.10 | 4.14"],
        # links to another story, a dossier, a live coverage, a video
        ["◄ بلدية الطائف تطلق حملة لتنظيف الحدائق العامة"],
        ["ملف: الخدمات الصحية في المحافظات"],
        ["Dossier ملف : La santé à Taëf"],
        ["Suivez notre direct | تابعوا تغطيتنا المباشرة"],
        ["فيديو | 04:05 - جولة داخل المستشفى الجديد"],
        ["À voir aussi شاهد أيضا : Vidéo - افتتاح المستشفى"],
        ["Regarder la vidéo | شاهد الفيديو"],
        # a sign-up prompt, a quick fact, a poll
        ["انضم إلى قناة الواحة على تيليجرام لتصلك الأخبار أولاً بأول"],
        ["معلومة سريعة: ينصح الأطباء بالمشي نصف ساعة كل يوم"],
        ["Sondage | استطلاع: هل زرت المستشفى الجديد؟"],
        # a caption with a French credit glued to it
        ["مدخل قسم الطوارئ في المستشفى - Crédit photo : Al Waha"],
    ],
)
def test_embedded_posts_tables_and_links_between_paragraphs_leave_the_article_whole(box: list[str]) -> None:
    record = host("\n".join(["الرئيسية | محليات", HEADLINE, P1, *box, P2, P3, P4]))
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3, P4]
    assert all(line in reasons(record) for line in box)


def test_a_short_line_under_a_story_link_heads_the_next_part() -> None:
    subheading = "خدمات الطوارئ"
    record = host(
        "\n".join(
            ["الرئيسية | محليات", HEADLINE, P1, P2, "◄ بلدية الطائف تطلق حملة لتنظيف الحدائق", subheading, P3, P4]
        )
    )
    assert record.body == [P1, P2, subheading, P3, P4]


@pytest.mark.parametrize(
    "line",
    [
        # an address the article gives, and an account quoted by name in a compilation with no post box
        "www.moh.gov.sa",
    ],
)
def test_a_web_address_in_the_article_is_no_account(line: str) -> None:
    record = host("\n".join(["الرئيسية | محليات", HEADLINE, P1, P2, line, P3, P4]))
    assert line in record.body


# The speaker's sentence goes on from the paragraph before, which ends quoting.
QUOTING = "وقال المتحدث باسم الوزارة إن «التشغيل يبدأ الشهر المقبل في كل الأقسام»."


@pytest.mark.parametrize(
    ("before", "pull"),
    [
        # set apart in English quotation marks
        (TOLD, "“المستشفى الجديد خطوة أولى في خطة تمتد إلى كل محافظات المنطقة”"),
        # after a paragraph that ends quoting: lifted from the article's own sentences
        (QUOTING, "«التشغيل يبدأ الشهر المقبل في كل الأقسام بكوادر وطنية مؤهلة»"),
    ],
)
def test_a_pull_quote_in_other_marks_or_after_quoting_is_cut(before: str, pull: str) -> None:
    record = host("\n".join(["الرئيسية | محليات", HEADLINE, P1, before, pull, P3, P4]))
    assert record.body == [P1, before, P3, P4]
    assert reasons(record)[pull] == "pull_quote"


def test_the_speakers_next_quoted_sentence_after_a_quoting_paragraph_stays() -> None:
    said = "«ونحن ماضون في تطوير الرعاية الأولية حتى تبلغ القرى النائية قبل نهاية العام»"
    record = host("\n".join(["الرئيسية | محليات", HEADLINE, P1, QUOTING, said, P3, P4]))
    assert said in record.body


def test_a_masthead_in_two_scripts_names_no_headline() -> None:
    page = ["الواحة | Al Waha News Agency", "الرئيسيةمحليات", HEADLINE, "2012/10/03", P1, P2, P3, "© 2012 الواحة"]
    record = host("\n".join(page))
    assert record.title == HEADLINE


def test_a_link_repeating_the_headline_does_not_make_its_speaker_a_site_name() -> None:
    spoken = "الصحة: " + HEADLINE
    page = ["الواحة", "الرئيسية | محليات", spoken, P1, P2, P3, "رابط الخبر بصحيفة الواحة: " + spoken]
    record = host("\n".join(page))
    assert record.title == spoken


@pytest.mark.parametrize(
    "box",
    [
        # a correction, an editor's note
        ["تصحيح: ورد في نسخة سابقة أن الافتتاح يوم الأحد، والصحيح أنه يوم الإثنين."],
        ["ملاحظة المحرر: حُدّث الخبر الساعة 16:40 بإضافة تصريحات مدير المستشفى."],
        # an app's or a channel's promotion
        ["📲 حمّل تطبيق الواحة لتصلك الإشعارات العاجلة"],
        ["لمتابعة آخر الأخبار الصحية حمّل تطبيق الواحة على App Store و Google Play"],
        ["تابعوا صحيفة الواحة على تلغرام: t.me/alwaha"],
        # the print edition's pointers
        ["اقرأ في العدد الورقي", "بلدية الطائف تطلق حملة لتنظيف الحدائق", "(البقية في الصفحة 6)"],
        # captions: a credit after a dash, a bracketed word before
        ["(الواحة) صورة أرشيفية لمدخل المستشفى — تصوير: مكتب الصحيفة في الطائف"],
        ["(صورة) وزير الصحة خلال جولته في المستشفى"],
        # disclaimers and a bracketed source
        ["رأي المحلل لا يمثل رأي صحيفة الواحة"],
        ["تنويه: المواد الصحية المنشورة للتثقيف العام ولا تغني عن استشارة الطبيب المختص."],
        ["(المصدر: وكالة الأنباء الرسمية)"],
        # a related box in French or with another word for "related"
        ["À lire également", "Taëf : un nouvel hôpital pour la région"],
        ["مواضيع ذات علاقة:", "» نصائح لمرضى السكري في رمضان", "» كيف تتجنب الصداع أثناء الصيام؟"],
        # a post's counters after a middle dot, a post drawn on one line
        ["أعجبني 214 · إعادة تغريد 96"],
        ["منشور مضمّن — @TaifCitizen: المستشفى الجديد فرحة لأهل الطائف · 22 تموز 2015"],
        # a table whose rows the rules took for dates and menus, its header, a dash for none
        ["أسرّة المستشفى (سرير)", "2014 | 250", "2015 | 300"],
        ["الحصيلة بحسب الأقسام", "القسم | مراجعون | منومون", "الطوارئ | — | —", "الباطنة | — | —"],
        # the end of a live coverage
        ["انتهت التغطية المباشرة لهذا اليوم. تابعونا غداً."],
    ],
)
def test_notes_promotions_captions_and_tables_of_other_sites_leave_the_article_whole(box: list[str]) -> None:
    record = host("\n".join(["الرئيسية | محليات", HEADLINE, P1, *box, P2, P3, P4]))
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3, P4]
    assert all(line in reasons(record) for line in box)


def test_a_bracketed_source_under_a_caption_credits_the_photo() -> None:
    caption, credit = "ملصق الحملة الصحية", "(المصدر: وزارة الصحة)"
    record = host("\n".join(["الرئيسية | محليات", HEADLINE, P1, P2, caption, credit, P3, P4]))
    assert record.body == [P1, P2, P3, P4]
    assert reasons(record)[caption] == "photo_caption"


def test_a_site_name_after_three_colons_is_cut() -> None:
    page = ["الواحة نت", "الرئيسية | صحة", HEADLINE + " ::: الواحة نت", P1, P2, P3, "جميع الحقوق محفوظة © الواحة نت"]
    assert host("\n".join(page)).title == HEADLINE


def test_a_list_the_article_leads_into_with_a_colon_is_no_table_header() -> None:
    lead_in = "وجاءت أعداد المراجعين كالتالي:"
    rows = ["الطوارئ | 120", "الباطنة | 80"]
    record = host("\n".join(["الرئيسية | محليات", HEADLINE, P1, P2, lead_in, *rows, P3, P4]))
    assert lead_in in record.body


def test_a_list_a_paragraph_leads_into_stays_in_the_article_however_long() -> None:
    lead_in = "وحدد التقرير أبرز الخدمات التي يقدمها المستشفى الجديد لسكان المحافظة فيما يلي:"
    items = [
        "عيادات للأطفال والنساء والولادة",
        "قسم للطوارئ يعمل على مدار الساعة",
        "وحدة لغسيل الكلى بخمسين جهازاً",
        "مختبرات حديثة للتحاليل الطبية",
        "صيدلية مركزية لصرف الأدوية",
        "مركز لإعادة التأهيل والعلاج الطبيعي",
        "عيادات للأسنان والعيون",
        "وحدة للرعاية المنزلية لكبار السن",
        "قاعات للتدريب والتعليم الطبي المستمر",
        "مهبط للطائرات العمودية لنقل المصابين",
        "مواقف تتسع لألف سيارة",
        "مسجد ومطعم للمراجعين والمرافقين",
    ]
    page = ["الرئيسية | محليات", HEADLINE, P1, lead_in, *items, "اقرأ أيضاً:", "بلدية الطائف تطلق حملة", P3, P4]
    record = host("\n".join(page))
    assert record.title == HEADLINE
    assert record.body[:2] == [P1, lead_in]
    assert all(item in record.body for item in items)


def test_a_headline_ending_with_a_colon_does_not_lead_into_its_deck() -> None:
    from marsad.segment.lines import Kind, describe_lines
    from marsad.segment.page import _mark_listed_items

    headline = "وزير الصحة يخص قراء الواحة بحديث عن الخدمات الجديدة في محافظة الطائف وما تعد به الأهالي:"
    deck = "المستشفى الجديد يبدأ استقبال المراجعين الشهر المقبل"
    lines = describe_lines("\n".join([headline, deck, P1]))
    assert lines[0].kind is Kind.PROSE
    _mark_listed_items(lines)
    assert lines[1].kind is Kind.HEADLINE


def test_a_disclaimer_does_not_name_the_site() -> None:
    deck = "محلل: نتائج الشركات القيادية وأسعار النفط تحدد اتجاه السوق"
    page = ["مؤشر المال", "تحليلات", HEADLINE, deck, "منذ 3 ساعات", P1, P2, "رأي المحلل لا يمثل رأي «مؤشر المال»", P3]
    assert host("\n".join(page)).title == HEADLINE


def test_a_headline_under_a_section_header_with_its_own_meta_lines_is_the_title() -> None:
    # `الأكثر قراءة` over the headline: the byline, date, reading time and views under it make it
    # the article's own head, and a caption nearer the body is no title.
    page = [
        "صحيفة الواحة",
        "الأكثر قراءة",
        HEADLINE,
        "الطائف - الواحة",
        "الخميس 6 أغسطس 2015 - 08:26 صباحاً",
        "قراءة: 3 د",
        "المشاهدات 11,402",
        "مبنى المستشفى الجديد.. الواحة",
        P1,
        P2,
        P3,
    ]
    assert host("\n".join(page)).title == HEADLINE


@pytest.mark.parametrize(
    "box",
    [
        # a post's label over the post drawn with its handle first, its counters in thousands
        ["تغريدة مضمّنة", "@MOH_Taif: افتتاح المستشفى الجديد خطوة مهمة لخدمة أهالي المحافظة"],
        ["منشور مضمّن من فيسبوك", "الواحة: المستشفى الجديد يستقبل أول المراجعين", "إعجاب 1.1 ألف · تعليق 340"],
        ["تغريدة مضمّنة", "مبروك لأهل الطائف هذا الصرح الجديد", "— حساب رسمي على تويتر · 30 يوليو 2015"],
        # a table of labels parted by bars between paragraphs, under a caption naming it
        ["جدول: أقسام المستشفى", "الطابق الأول | الطوارئ والعيادات", "الطابق الثاني | الباطنة والجراحة"],
        ["أرقام سريعة", "كلفة المشروع الإجمالية | 400 مليون ريال", "عدد الأسرّة | 300"],
        # a map or chart captioned by its kind, sponsored content, ad buttons, promotions
        ["خريطة: مواقع المراكز الصحية في المحافظة (المصدر: الوزارة)"],
        ["محتوى برعاية"],
        ["اعرف أكثر"],
        ["من العدد الحالي: ملف خاص عن الخدمات الصحية — اطلبه الآن"],
        ["من أرشيف الواحة: حلقة ما بعد الافتتاح كاملة"],
        # an aggregator's coverage links, a dossier's link with bars
        ["نفس الخبر من 3 مصادر أخرى", "عرض التغطيات"],
        ["ضمن ملف: الخدمات الصحية في المحافظات"],
        ["Dossier | ملف: الصحة في الطائف"],
        # a pull quote naming its source after a dash
        ['"المستشفى الجديد خطوة أولى في خطة تمتد إلى كل محافظات المنطقة" — من التقرير'],
    ],
)
def test_posts_tables_captions_and_promotions_of_more_sites_leave_the_article_whole(box: list[str]) -> None:
    record = host("\n".join(["الرئيسية | محليات", HEADLINE, P1, TOLD, *box, P2, P3, P4]))
    assert record.title == HEADLINE
    assert record.body == [P1, TOLD, P2, P3, P4]
    assert all(line in reasons(record) for line in box)


def test_the_last_paragraph_after_a_caption_stays() -> None:
    last = "وفي عام 2006 افتتحت الوزارة أول مستشفى تخصصي في المحافظة."
    record = host(
        "\n".join(["الرئيسية | محليات", HEADLINE, P1, P2, "خريطة: مواقع المستشفيات في المحافظة", last, "وسوم:"])
    )
    assert record.body == [P1, P2, last]


@pytest.mark.parametrize("place", ["تونس", "الكويت"])
def test_a_place_before_a_colon_is_never_cut_from_the_headline_as_a_site_name(place: str) -> None:
    headline = f"{place}: {HEADLINE}"
    page = ["الواحة", "الرئيسية | محليات", headline, P1, P2, P3, f"© الواحة 2015 — {place}", place]
    assert host("\n".join([*page, P1, P2, P3])).title == headline


def test_a_dateline_of_two_places_glues_no_headline_to_the_site_name() -> None:
    page = ["المقرن نيوز", "الرئيسية ← أخبار السودان", HEADLINE, "7 أغسطس 2015", "الخرطوم - القاهرة: المقرن نيوز"]
    page += [P1, P2, P3, "© المقرن نيوز 2015 — الخرطوم"]
    assert host("\n".join(page)).title == HEADLINE


@pytest.mark.parametrize(
    "box",
    [
        # attachments and their sizes, a forum's images
        ["تنزيل المرفقات: دليل الخدمات الصحية.pdf (340 ك.ب)"],
        ["للحصول على التقرير الكامل: ملف Excel (48 ك.ب)"],
        ["الصورة المرفقة 20714", "(حجم الملف: 54.2 كيلوبايت, المشاهدات: 38)"],
        ["اضغط على الصورة لعرضها بالحجم الكامل"],
        # a photo album, related headers in other words, a page survey, a thread's "to be continued"
        ["ألبوم الصور (12 صورة)"],
        ["انظر أيضاً:", "بلدية الطائف تطلق حملة لتنظيف الحدائق العامة"],
        ["هل كانت هذه المعلومات مفيدة؟"],
        ["—– يتبع —–"],
        # a blog's source line, a fact box's header
        ["نقلاً عن جريدة الواحة (الطائف - وكالات)"],
        ["حقائق سريعة", "الطاقة الاستيعابية: ثلاثمئة سرير"],
    ],
)
def test_attachments_albums_surveys_and_fact_boxes_leave_the_article_whole(box: list[str]) -> None:
    record = host("\n".join(["الرئيسية | محليات", HEADLINE, P1, TOLD, *box, P2, P3, P4]))
    assert record.title == HEADLINE
    assert record.body == [P1, TOLD, P2, P3, P4]
    assert all(line in reasons(record) for line in box)


def test_an_e_paper_article_goes_on_after_its_continuation_head() -> None:
    other = "وأعلنت البلدية عن حملة لتنظيف الحدائق العامة في الأحياء الشمالية بمشاركة مئات المتطوعين من أبناء المحافظة."
    page = [
        "صحيفة الواحة",
        HEADLINE,
        "الطائف - الواحة",
        P1,
        P2,
        "التتمة ص 10 ◄",
        "8",
        "بلدية الطائف تطلق حملة للنظافة",
        other,
        "10",
        "محليات",
        "تتمة: افتتاح مستشفى جديد في الطائف",
        P3,
        P4,
    ]
    record = host("\n".join(page))
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3, P4]
    assert reasons(record)[other] == "outside_content"


def test_a_line_saying_where_a_text_comes_from_opens_no_jump() -> None:
    # ``تابع ص 1`` at a page's head, ``البقية في الصفحة 15`` at its foot: the article is between them
    page = ["صحيفة الواحة", "تابع ص 1", HEADLINE, P1, P2, P3, "البقية في الصفحة 15", "- 13 -"]
    assert host("\n".join(page)).body == [P1, P2, P3]


@pytest.mark.parametrize(
    "box",
    [
        ["النتيجة النهائية", "الهلال 3", "النصر 1"],
        ["تابعوا البث المباشر لقناة الواحة على موقعنا"],
        ["تابعي حسابنا على انستجرام @alwaha_mag لمزيد من النصائح"],
        ["المصدر: وزارة الصحة"],
    ],
)
def test_score_headers_follow_prompts_and_source_lines_leave_the_article_whole(box: list[str]) -> None:
    record = host("\n".join(["الرئيسية | محليات", HEADLINE, P1, TOLD, *box, P2, P3, P4]))
    assert record.body == [P1, TOLD, P2, P3, P4]
    assert all(line in reasons(record) for line in box)


def test_a_headline_ending_like_a_sentence_over_its_own_meta_lines_is_the_title() -> None:
    headline = "الوزارة تجري اتصالات سرية لافتتاح المستشفى الجديد.. و«خوف من تأخر التجهيزات الطبية»"
    page = ["وكالة الواحة", "الرئيسية»أخبارمحلية", "آخر الأخبار", headline, "الجمعة 24 يوليو 2015 - 02:10 مساءً"]
    page += ["رقم الخبر: 41311", "مشاهدات: 3,388", "الطائف - الواحة - خاص", P1, P2, P3]
    record = host("\n".join(page))
    assert record.title == headline
    assert record.body == [P1, P2, P3]


@pytest.mark.parametrize(
    "box",
    [
        # an advertisement's text under its marker: an offer, a call to act, a business and its town
        ["إعلان", "عروض الصيف من مجوهرات الواحة.. خصم حتى 30% على جميع القطع"],
        ["إعلان", "احجز الآن: رحلات يومية من الطائف إلى دبي بأسعار تبدأ من 300 ريال"],
        ["إعلان", "صيدلية الشفاء - الطائف - مفتوحة 24 ساعة"],
        ["إعلان", "عيادات الواحة لطب الأسنان.. اتصل الآن 0127654321"],
        # what embed code writes under a post, in French and English, and a post's label
        ["Voir cette publication sur Instagram", "Une publication partagée par Ahmad (@ahmad.fit) le 20 Juil. 2015"],
        ["#الطائف | افتتاح المستشفى اليوم pic.twitter.com/ab12cd", "— مراسل الواحة (@Alwaha_News) July 20, 2015"],
        ["منشور من صفحة بلدية الطائف على فيسبوك"],
        ["منشور على فيسبوك", "بلدية الطائف", "نبارك لأهالي المحافظة افتتاح المستشفى", "منذ 8 ساعات - 312 إعجاب"],
        # a caption whose credit names itself, two match results
        ["مبنى المستشفى الجديد في الطائف - (المصدر: الوزارة)"],
        ["نتائج الأمس", "الهلال 2 - 1 النصر (ودية)", "الأهلي 0 - 0 الاتحاد (ودية)"],
    ],
)
def test_ad_copy_embed_traces_credits_and_results_leave_the_article_whole(box: list[str]) -> None:
    record = host("\n".join(["الرئيسية | محليات", HEADLINE, P1, TOLD, *box, P2, P3, P4]))
    assert record.body == [P1, TOLD, P2, P3, P4]
    assert all(line in reasons(record) for line in box)


def test_a_subheading_under_an_ad_marker_stays_in_the_article() -> None:
    # the line under `إعلان` is the article's when it does not sell: a sub-heading, a paragraph
    record = host("\n".join(["الرئيسية | محليات", HEADLINE, P1, P2, "إعلان", "خدمات الطوارئ", P3, P4]))
    assert record.body == [P1, P2, "خدمات الطوارئ", P3, P4]


_SYRIA_HEADLINES = [
    "مقتل 28 مدنياً في قصف جوي شمالي سوريا",
    "قوات النظام تتراجع في الزبداني",
    "ارتفاع عدد اللاجئين في المخيمات الحدودية",
    "الدفاع المدني ينتشل الضحايا في ادلب",
]
_SYRIA_BODIES = [
    [
        "قتل 28 مدنيا في قصف جوي لطائرات النظام على محافظة حلب شمالي سوريا اليوم بحسب ناشطين معارضين.",
        "وأفاد المرصد السوري لحقوق الإنسان أن طائرات النظام الحربية شنت ست غارات على الأقل على مناطق في المدينة.",
        "وأوضح المرصد أن سبعة آخرين قتلوا جراء قصف على مناطق في بلدة دير حافر وقرية عيشة في الريف الشرقي.",
    ],
    [
        "تراجعت قوات النظام في الزبداني بعد أسبوعين من بدء الحملة العسكرية على المدينة المحاصرة منذ أشهر.",
        "وذكر تقرير لناشطين معارضين أن المقاتلين استعادوا عددا من المواقع في الأحياء الغربية من المدينة.",
        "وتحاول قوات النظام منذ أسابيع التقدم في المدينة الواقعة على الحدود مع لبنان دون تحقيق نتائج.",
    ],
    [
        "ارتفع عدد اللاجئين في المخيمات الحدودية إلى أكثر من مئة ألف شخص خلال الشهر الماضي وحده.",
        "وطالبت منظمات إنسانية بزيادة المساعدات المقدمة للمخيمات مع اقتراب فصل الشتاء وتردي الأوضاع.",
        "ويعاني اللاجئون من نقص حاد في المياه النظيفة والأدوية وخدمات الرعاية الصحية الأساسية.",
    ],
    [
        "انتشلت فرق الدفاع المدني جثث الضحايا من تحت الأنقاض بعد غارات جوية استهدفت البلدة صباح اليوم.",
        "وقال مسؤول في الدفاع المدني إن الفرق تعمل في ظروف صعبة بسبب استمرار القصف على المنطقة.",
        "وأضاف أن عدد الضحايا مرشح للارتفاع مع استمرار عمليات البحث عن المفقودين تحت الركام.",
    ],
]


def test_a_read_also_marker_the_site_repeats_is_no_template() -> None:
    # The marker recurs on every page of the site, so the template learner takes it; it still marks
    # a box or a story inside the article, not the place where the article starts.
    texts = []
    for number, (headline, body) in enumerate(zip(_SYRIA_HEADLINES, _SYRIA_BODIES, strict=True)):
        page = ["نبض الشمال", "الرئيسية | أخبار سوريا | ميداني", "آخر الأخبار", headline, "فريق التحرير"]
        page += ["2015-07-24", "منذ ساعتين", "وقت القراءة: دقيقة واحدة", body[0], "إقرأ أيضا:"]
        page += [f"قصف مدفعي على أحياء حلب الشرقية يوقع جرحى رقم {number}", *body[1:], "© 2015 نبض الشمال"]
        texts.append("\n".join(page))
    prepared = [prepare_page(Page(origin=f"p{n}.txt", text=text, source="nabd")) for n, text in enumerate(texts)]
    learner = TemplateLearner(min_pages=3)
    for item in prepared:
        learner.observe(item.template_group, item.text)
    assert line_key("إقرأ أيضا:") in learner.templates()["nabd"]
    options = ExtractOptions(enrich=False, templates=dict(learner.templates()))
    for item, headline, body in zip(prepared, _SYRIA_HEADLINES, _SYRIA_BODIES, strict=True):
        record = extract_prepared(item, options)[0]
        assert record.title == headline
        assert record.body[0] == body[0]


def test_a_box_the_article_resumes_after_with_a_lead_in() -> None:
    items = ["الفحص الأول: قياس الضغط والسكر.", "الفحص الثاني: تحليل الدم الشامل."]
    page = ["الرئيسية | صحة", HEADLINE, P1, P2, "مواضيع ذات صلة:", "خمس عادات صباحية تحميك من السكري"]
    page += ["هل يسبب الصيام نقص الفيتامينات؟", "«فحوص مقترحة»", "اليوم الأول:", *items, P3]
    record = host("\n".join(page))
    assert record.body == [P1, P2, "«فحوص مقترحة»", "اليوم الأول:", *items, P3]


def test_a_short_headline_over_its_byline_and_date_is_the_title() -> None:
    page = ["موقع الواحة", "سعر الدولار في السوق الموازية: 3.75 ريال", "الرئيسية | رأي | مقالات", "رأي"]
    page += ["أنقذوا الطائف!", "بقلم: كاتب ضيف", "2015-07-23 | 19:00", "وقت القراءة: 6 دقائق", P1, P2, P3]
    assert host("\n".join(page)).title == "أنقذوا الطائف!"


def test_a_name_alone_over_a_date_is_a_byline_not_a_title() -> None:
    page = ["موقع الواحة", "الرئيسية / أعمدة", "نحن والمستشفى الجديد!!", "عمار ساطع", "منذ يومين"]
    page += ["2012-07-26 | 09:05", "👁 1,122 مشاهدة", P1, P2, P3]
    assert host("\n".join(page)).title == "نحن والمستشفى الجديد!!"


@pytest.mark.parametrize(
    "box",
    [
        # a post's label with its account, its text, and the link to view it on the platform
        ["Instagram post | alwaha_news", "مدير المستشفى خلال جولته في الأقسام الجديدة", "عرض المنشور على Instagram"],
        ["تغريدة | @taif_news: «افتتاح المستشفى الجديد أخيراً» #الطائف"],
        ["تابع الواحة على تويتر @alwaha_news لآخر الأخبار المحلية"],
        # a copying notice, views that are their writers', a related header in another word
        ["تنبيه: يمنع نقل هذا المقال دون الإشارة إلى المصدر."],
        ["الآراء الواردة في زاوية صحة تعبر عن كتّابها."],
        ["موضوعات ذات صلة:", "بلدية الطائف تطلق حملة لتنظيف الحدائق", "مهرجان الورود يعود إلى الطائف"],
        # a caption an agency credits, a box of labels and figures
        ["وزير الصحة خلال افتتاح المستشفى الجديد في الطائف (ماب)"],
        ["أسعار اللتر الحالية (ريال)", "بنزين 91: 0.75", "بنزين 95: 0.90", "ديزل: 0.45"],
    ],
)
def test_post_labels_notices_agency_captions_and_figure_boxes_leave_the_article_whole(box: list[str]) -> None:
    record = host("\n".join(["الرئيسية | محليات", HEADLINE, P1, TOLD, *box, P2, P3, P4]))
    assert record.body == [P1, TOLD, P2, P3, P4]
    assert all(line in reasons(record) for line in box)


@pytest.mark.parametrize(
    "box",
    [
        # a notice, sponsored and advertise-with-us lines, a video's link, views in thousands
        ["تنويه: الأرقام أولية وقابلة للتحديث وفق ما يصدر عن الجهات الرسمية."],
        ["إعلان ممول"],
        ["للإعلان في الصحيفة تواصل مع إدارة التسويق"],
        ["شاهد الفيديو: لقطات من افتتاح المستشفى الجديد"],
        ["المركز الإعلامي: شاهد لحظة وصول أول المرضى إلى المستشفى"],
        # a caption credited after a dash to the site, whose name the page's masthead gives
        ["مبنى المستشفى الجديد في حي الشهداء - الواحة"],
    ],
)
def test_notices_sponsored_lines_video_links_and_dashed_credits_leave_the_article_whole(box: list[str]) -> None:
    record = host("\n".join(["الواحة", "الرئيسية | محليات", HEADLINE, P1, TOLD, *box, P2, P3, P4, "© الواحة 2015"]))
    assert record.body == [P1, TOLD, P2, P3, P4]
    assert all(line in reasons(record) for line in box)


def test_a_view_count_in_thousands_is_no_title_and_a_by_line_is_a_byline() -> None:
    page = ["المدرجات", "الرئيسية | رياضة", "آخر الأخبار", HEADLINE, "الخميس 6 أغسطس 2015 - 01:29 صباحاً"]
    page += ["المشاهدات 1.9 ألف", "بواسطة: القسم الرياضي", P1, P2, P3]
    record = host("\n".join(page))
    assert record.title == HEADLINE
    assert reasons(record)["بواسطة: القسم الرياضي"] == "byline"


def test_a_numbered_item_and_a_headline_with_its_site_are_no_dashed_captions() -> None:
    items = ["5 - التأمل", "9 - اكتب"]
    page = ["الواحة", f"{HEADLINE} - الواحة", P1, "وإليك أهم العادات:", P2, items[0], P3, items[1], P4]
    record = host("\n".join(page))
    assert record.title == HEADLINE
    assert all(item in record.body for item in items)


@pytest.mark.parametrize(
    "box",
    [
        # a market box of names and prices, related headers in other words, an announced advertisement
        ["الأعلى ارتفاعاً", "بوبا العربية +6.8%", "الخطوط السعودية للتموين +4.1%", "جرير +3.2%"],
        ["أخبار متصلة", "بلدية الطائف تطلق حملة لتنظيف الحدائق", "مهرجان الورود يعود إلى الطائف"],
        ["المحتوى التالي إعلاني", "افتح حسابك خلال دقائق عبر التطبيق — رسوم مخفضة للعملاء الجدد"],
        # an Instagram embed in Arabic, a map's zoom prompt
        ["منشور تمت مشاركته بواسطة الواحة (@alwaha.mag)"],
        ["خريطة تفاعلية: مواقع المستشفيات في المحافظة - اضغط للتكبير"],
    ],
)
def test_market_boxes_related_headers_announced_ads_and_zoom_prompts_leave_the_article_whole(box: list[str]) -> None:
    record = host("\n".join(["الرئيسية | محليات", HEADLINE, P1, TOLD, *box, P2, P3, P4]))
    assert record.body == [P1, TOLD, P2, P3, P4]
    assert all(line in reasons(record) for line in box)


def test_a_news_breadcrumb_and_a_writer_with_his_city_are_no_titles() -> None:
    page = ["تخطي إلى المحتوى", "شوط", "صحيفة الواحة الرياضية", "العدد الرقمي | النسخة الورقية PDF | دخول المشتركين"]
    page += ["كرة محلية دوري المحترفين ملاعب الخليج ملاعب العالم فروسية فيديو", "مباشر: انطلاق بيع تذاكر السوبر"]
    page += [
        "الرئيسيةملاعب الخليج",
        "تحضيرات الموسم",
        HEADLINE,
        "ناصر الطميحي ـ جدة",
        "الثلاثاء 21 يوليو 2015 | 02:00 م",
    ]
    page += ["مدة القراءة دقيقتان", "👁 1,395", P1, P2, P3]
    assert host("\n".join(page)).title == HEADLINE
    page = ["وكالة الواحة", "الأخبار › صحة", HEADLINE, "الثلاثاء 21 يوليو 2015", P1, P2, P3]
    assert host("\n".join(page)).title == HEADLINE


def test_a_poem_closing_an_article_after_an_ad_is_the_articles() -> None:
    poem = [
        "ما كل ما يتمنى المرء يدركه",
        "هِممُ الكبار تعانق الأفلاكا",
        "والروحُ تُشرقُ لو تَرى الأملاكا",
        "يَهوى الخلاص ليوقظُ الإدراكا",
        "عُمرُ الزمانِ وقد يذوب هناكا",
    ]
    page = ["الرئيسية | مقالات", HEADLINE, P1, P2, P3, "إعلان", *poem, "مقالات أخرى للكاتب", "الصبر مفتاح النصر"]
    record = host("\n".join(page))
    assert record.body == [P1, P2, P3, *poem]
    assert reasons(record)["إعلان"] == "advertisement"


def test_unvocalised_short_lines_after_the_article_are_no_poem() -> None:
    links = ["بلدية الطائف تطلق حملة لتنظيف الحدائق", "مهرجان الورود يعود إلى الطائف", "افتتاح متحف جديد"]
    record = host("\n".join(["الرئيسية | محليات", HEADLINE, P1, P2, P3, "إعلان", *links]))
    assert record.body == [P1, P2, P3]


@pytest.mark.parametrize(
    "box",
    [
        # a caption in brackets, a photographer's caption, a printed page's link with its address
        ["(صورة أرشيفية لمدخل المستشفى الجديد في الطائف)"],
        ["عدسة الواحة: المرضى في قاعة الانتظار صباح الافتتاح"],
        ["للمزيد:", "- الصحة تعلن مواعيد العيادات الجديدة (http://www.alwaha.example/News.aspx?NewsID=4181)"],
        # an appeal for support, an editors' clarification, a gallery's swipe prompt, a related header
        ["إذا وجدت هذا التقرير مفيداً، فكّر في دعمنا بمبلغ بسيط"],
        ["توضيح من التحرير: عُدّلت هذه المادة بعد نشرها لتصحيح اسم المستشفى."],
        ["اسحب لمشاهدة بقية الصور"],
        ["اقرأ كمان", "بلدية الطائف تطلق حملة لتنظيف الحدائق"],
    ],
)
def test_bracketed_captions_printed_links_appeals_and_clarifications_leave_the_article_whole(box: list[str]) -> None:
    record = host("\n".join(["الرئيسية | محليات", HEADLINE, P1, TOLD, *box, P2, P3, P4]))
    assert record.body == [P1, TOLD, P2, P3, P4]
    assert all(line in reasons(record) for line in box)


def test_a_match_centres_minute_lines_are_no_titles() -> None:
    page = ["المدرج", "FT • ودية - معسكر النمسا", "'90 ⏱ رونالدينيو يكمل اللقاء كاملاً", "الأحداث | التشكيلة | التقرير"]
    page += [HEADLINE, "آخر تحديث: الجمعة 31/07/2015 - 04:26 ص", P1, P2, P3]
    assert host("\n".join(page)).title == HEADLINE


def test_a_paywall_prompt_is_chrome_inside_the_article_and_a_tagline_is_no_headline() -> None:
    page = ["صحيفة الواحة - سياسية يومية شاملة", "الرئيسية > محليات", HEADLINE, "الطائف: الواحة", P1, P2]
    page += [
        "تبقّى لك 4 من أصل 5 مقالات مجانية هذا الشهر",
        "اشتراكك يحمي استقلالية التحرير. الباقة السنوية بـ 90 ريالاً فقط.",
    ]
    page += [P3, "في الملف نفسه", "بلدية الطائف تطلق حملة لتنظيف الحدائق", "مهرجان الورود يعود إلى الطائف"]
    record = host("\n".join(page))
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3]
    assert reasons(record)["اشتراكك يحمي استقلالية التحرير. الباقة السنوية بـ 90 ريالاً فقط."] == "appeal"


def test_a_spec_table_parted_by_tabs_is_a_data_box() -> None:
    table = ["مواصفات الجهاز", "الشاشة\t5.5 بوصة", "المعالج\tثماني النواة", "البطارية\t3000 ملي أمبير"]
    record = host("\n".join(["الرئيسية | تقنية", HEADLINE, P1, P2, *table, P3, P4]))
    assert record.body == [P1, P2, P3, P4]
    assert reasons(record)["المعالج | ثماني النواة"] == "data_box"


def test_a_lone_tabbed_line_and_tabbed_bullets_keep_their_text() -> None:
    from marsad.segment.lines import cells_to_bars

    assert cells_to_bars("هيبة العلماء\tفي قبلة الأمير!!") == "هيبة العلماء\tفي قبلة الأمير!!"
    assert cells_to_bars("•\tالسؤال الأول\n-\tالجواب الأول") == "•\tالسؤال الأول\n-\tالجواب الأول"


def test_a_wires_transmission_lines_leave_the_article_whole() -> None:
    wire = ["تاريخ البث: 2015-07-25 19:08 (بتوقيت غرينتش +4)", "الطائف في 25 يوليو / الواحة /"]
    page = [
        "وكالة الواحة للأنباء",
        "الأخبار المحلية",
        HEADLINE,
        *wire,
        P1,
        P2,
        "الخدمة المصورة: صورتان متاحتان للمشتركين",
    ]
    page += [P3, "© وكالة الواحة للأنباء 2015"]
    record = host("\n".join(page))
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3]


# Four stories of one source, for the rules that need the lines its pages repeat.
SOURCE_STORIES = [
    (
        "بلدية طرابلس تطلق حملة لصيانة شبكة تصريف مياه الأمطار",
        "أطلقت بلدية طرابلس حملة لصيانة شبكة تصريف مياه الأمطار في الأحياء القديمة قبل حلول فصل الشتاء.",
        "وقال رئيس لجنة الخدمات في البلدية إن فرق الصيانة ستعمل على مدار أسبوعين في ثلاثة عشر حياً.",
    ),
    (
        "افتتاح معرض الكتاب في بنغازي بمشاركة ستين دار نشر",
        "افتتح معرض الكتاب في بنغازي أبوابه صباح اليوم بمشاركة ستين دار نشر من ليبيا والدول المجاورة.",
        "وأوضح مدير المعرض أن الدورة الحالية تخصص جناحاً لكتب الأطفال وندوات يومية مع الكتّاب الشباب.",
    ),
    (
        "وزارة الصحة تعلن وصول شحنة جديدة من اللقاحات إلى سبها",
        "أعلنت وزارة الصحة وصول شحنة جديدة من لقاحات الأطفال إلى مدينة سبها لتوزيعها على المراكز الصحية.",
        "وأكد مدير إدارة الرعاية الأولية أن الشحنة تكفي احتياجات الجنوب حتى نهاية العام الجاري.",
    ),
    (
        "مصرف ليبيا المركزي يعلن جدول صرف المرتبات لشهر أغسطس",
        "أعلن مصرف ليبيا المركزي جدول صرف مرتبات العاملين في القطاع العام لشهر أغسطس المقبل.",
        "وأشار المصرف في بيانه إلى أن الصرف يبدأ في الأسبوع الأول من الشهر عبر المصارف التجارية كلها.",
    ),
]


def site(pages: list[list[str]]) -> list[marsad.Record]:
    """The first record of each page, extracted with the templates learned over all of them."""
    from marsad.extraction import ExtractOptions, extract_prepared, learned_options, prepare_page
    from marsad.records import Page
    from marsad.segment.templates import TemplateLearner

    texts = ["\n".join(page) for page in pages]
    prepared = [prepare_page(Page(origin=f"p{n}.txt", text=text, source="site")) for n, text in enumerate(texts)]
    learner = TemplateLearner(min_pages=3)
    for item in prepared:
        learner.observe(item.template_group, item.text)
    options = ExtractOptions(enrich=False)
    learned_options(learner, options)
    return [extract_prepared(item, options)[0] for item in prepared]


def test_a_trail_to_a_known_section_opens_the_head_below_a_ticker_whatever_its_home_is_called() -> None:
    pages = [
        [
            "صحيفة الجفارة",
            "الأولى",
            "محليات",
            "رياضة",
            f"شريط الأخبار: عاجل | خبر عاجل رقم {n} عن جلسة مجلس النواب",
            f"الدولار في السوق الموازية: 2.4{n} د.ل",
            "الأولى » محليات",
            headline,
            f"نشر في: 2{n} يوليو 2015 | الساعة 16:59",
            first,
            second,
            "جميع الحقوق محفوظة © صحيفة الجفارة 2015",
        ]
        for n, (headline, first, second) in enumerate(SOURCE_STORIES)
    ]
    records = site(pages)
    assert [record.title for record in records] == [headline for headline, _, _ in SOURCE_STORIES]
    assert [record.body for record in records] == [[first, second] for _, first, second in SOURCE_STORIES]


def test_a_columns_name_before_a_colon_opens_the_headline_not_a_dateline() -> None:
    pages = [
        [
            "مِداد",
            "منبر الرأي",
            "متابعة الكاتب",
            f"زاوية: عنوان الزاوية رقم {n}",
            f"منبر الرأي: {headline}" if n == 0 else headline,
            f"الأربعاء 2{n} يوليو 2015",
            first,
            second,
            "ما يُنشر في هذه الزاوية يمثّل وجهة نظر كاتبه.",
        ]
        for n, (headline, first, second) in enumerate(SOURCE_STORIES)
    ]
    records = site(pages)
    assert records[0].title == SOURCE_STORIES[0][0]
    assert records[0].body == list(SOURCE_STORIES[0][1:])


def test_a_two_word_headline_over_its_byline_is_found_past_the_lines_the_source_repeats() -> None:
    short = ["قرارٌ صعبٌ", "ليلة ماطرة", "وداع الصيف", "رسالة متأخرة"]
    pages = [
        [
            "دلمون بوست",
            "محليات",
            "شريط الأخبار",
            f"تدشين مرحلة جديدة من مشروع تطوير الطريق رقم {n} في المنامة",
            "الرئيسية » أعمدة",
            title,
            f"تاريخ النشر: {n + 1} أغسطس 2012",
            f"بقلم: كاتب العمود رقم {n}",
            f"قراءات: 2,31{n}",
            "حجم النص: أ+ | أ-",
            first,
            second,
            "جميع الحقوق محفوظة لدلمون بوست",
        ]
        for n, (title, (_, first, second)) in enumerate(zip(short, SOURCE_STORIES, strict=True))
    ]
    assert [record.title for record in site(pages)] == short


def test_related_headers_without_a_word_for_news_and_inline_related_links() -> None:
    link = "ذو صلة: أهالي النوفلية ينزحون نحو أجدابيا"
    assert cut_between_paragraphs(link)[link] == "related_articles"
    for header in ("ذات علاقة", "مواضيع مرتبطة", "اقرأ في إسلاميات", "للكاتب أيضاً في مداد:"):
        page = [HEADLINE, P1, P2, header, "فضل الصدقة الخفية في أيام العشر", "دروس من الهجرة في بناء المجتمع", P3, P4]
        record = host("\n".join(page))
        assert record.body == [P1, P2, P3, P4], header


def test_a_sub_heading_that_goes_on_with_the_article_ends_a_box_of_links() -> None:
    sub = "وفي السياق نفسه فيتامين ب3 قد يحمي الذاكرة عند كبار السن"
    page = [
        HEADLINE,
        P1,
        P2,
        "ذات علاقة",
        "نصائح غذائية لكبار السن في الصيف",
        "دراسة: المشي اليومي يحمي القلب",
        sub,
        P3,
    ]
    record = host("\n".join(page))
    assert record.body == [P1, P2, sub, P3]
    assert reasons(record)["نصائح غذائية لكبار السن في الصيف"] == "related_articles"


def test_a_data_boxs_rows_with_their_figures_run_with_its_header() -> None:
    rows = ["بالأرقام", "إنتاج الحقل قبل التوقف: نحو 220 ألف برميل يومياً", "حصة كل طرف: 50% من الإنتاج"]
    removed = cut_between_paragraphs("\n".join(rows))
    assert [removed[row] for row in rows] == ["data_box"] * 3
    prices = ["تداولات النفط ظهر الإثنين", "برنت سبتمبر: 56.75 دولار", "غرب تكساس أغسطس: 50.76 دولار"]
    removed = cut_between_paragraphs("\n".join(prices))
    assert [removed[row] for row in prices] == ["data_box"] * 3
    # A figure's decimal point is no full stop, whatever the unit and sign (batch 86).
    stocks = ["حقائق سريعة", "سعر الخام المحلي: 45.15 دولار", "تغير المخزون الأسبوعي: -4.41 مليون برميل"]
    removed = cut_between_paragraphs("\n".join(stocks))
    assert [removed[row] for row in stocks] == ["data_box"] * 3


def test_a_fact_box_label_under_it_stays_with_the_article() -> None:
    label = "- الخضار والفواكه:"
    page = [HEADLINE, P1, P2, "معلومة سريعة: ينصح أطباء القلب بتناول السمك مرتين أسبوعياً", label, P3, P4]
    record = host("\n".join(page))
    assert label in record.body


def test_a_health_sites_widgets_inside_the_article() -> None:
    for widget in (
        "احسب مؤشر كتلة جسمك",
        "اختبار قصير: هل تعاني من الأرق؟ أجب عن 5 أسئلة",
        "(رسم بياني: وحدة الأبحاث — أداء برنت خلال يوليو)",
        "مستشفى الحكمة — عيادة الأمراض المعدية — احجز أونلاين",
    ):
        assert widget in cut_between_paragraphs(widget), widget


def test_a_box_between_two_lines_the_source_repeats_is_cut_out() -> None:
    def events(n: int) -> list[str]:
        return [
            f"الخميس {n + 2} أغسطس — ساقية الصاوي، قاعة النهر: أمسية عود وناي مع فرقة «سكة» — 8 مساءً",
            f"السبت {n + 4} أغسطس — جاليري «مدار» بالزمالك: افتتاح معرض «ظلال المدينة» للتصوير الضوئي",
        ]

    pages = [
        [
            "رواق",
            "مجلة ثقافية مستقلة",
            headline,
            first,
            "أجندة رواق ◆ مواعيد الأسبوع",
            *events(n),
            "كل الفعاليات ›",
            second,
        ]
        for n, (headline, first, second) in enumerate(SOURCE_STORIES)
    ]
    records = site(pages)
    assert [record.body for record in records] == [[first, second] for _, first, second in SOURCE_STORIES]
    assert {reasons(records[0])[event] for event in events(0)} == {"data_box"}


def test_a_magazines_related_header_naming_itself_and_a_lens_credit() -> None:
    links = ["فرق الأندرجراوند تغادر القبو إلى المسارح المفتوحة", "ثلاثون عاماً على أول شريط كاسيت"]
    for header in ("على رواق أيضاً:", "من أرشيف رواق:", "روابط ذات علاقة:"):
        record = host("\n".join([HEADLINE, P1, P2, header, *links, P3, P4]))
        assert record.body == [P1, P2, P3, P4], header
    caption = "علب الحلوى العمانية معروضة على بسطة في أحد المتنزهات — عدسة اللبان"
    assert cut_between_paragraphs(caption)[caption] == "photo_caption"


def test_a_scorers_table_ranked_with_dashes_is_a_data_box() -> None:
    rows = [
        "ترتيب الهدافين — الموسم الماضي",
        "1 — مروان حسين (الشرطة) ...... 21",
        "2 — أمجد راضي (أربيل) ........ 17",
        "3 — علاء عبد الزهرة (الزوراء) .. 15",
    ]
    removed = cut_between_paragraphs("\n".join(rows))
    assert [removed[row] for row in rows] == ["data_box"] * 4


def test_a_labelled_pull_quote_goes_with_its_label() -> None:
    quote = "«الماء صار يُشترى في المدينة كما يُشترى الوقود تماماً» — مواطن من صنعاء للوكالة"
    removed = cut_between_paragraphs("\n".join(["اقتباس", quote]))
    assert (removed["اقتباس"], removed[quote]) == ("pull_quote", "pull_quote")


def test_a_site_name_after_an_angle_quote_is_cut_from_the_headline() -> None:
    page = [
        "رواق",
        "مجلة ثقافية مستقلة تصدر من القاهرة",
        f"{HEADLINE} ‹ رواق",
        P1,
        P2,
        "© 2015 رواق. جميع الحقوق محفوظة.",
    ]
    assert host("\n".join(page)).title == HEADLINE


def test_a_trail_parted_by_angle_quotes_names_its_section() -> None:
    from marsad.segment.breadcrumb import category_from_line, is_section_trail

    assert category_from_line("لبنان ‹ سياسة") == "سياسة"
    assert is_section_trail("لبنان ‹ سياسة")


def test_a_video_storys_own_headline_is_its_title() -> None:
    page = [
        "البيادر الفضائية",
        "الرئيسية / القدس",
        f"بالفيديو | {HEADLINE}",
        "نُشر بتاريخ: 27-07-2015 | 11:05 صباحاً",
        P1,
        P2,
        f"بالفيديو | {SOURCE_STORIES[0][0]}",
        P3,
    ]
    record = host("\n".join(page))
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3]


def test_an_aggregators_source_link_and_other_sources_lines() -> None:
    sub = "* تطبيق جوال"
    page = [HEADLINE, P1, P2, "اقرأ الخبر كاملاً في موقع الشرق الأوسط ↗", sub, P3, P4]
    record = host("\n".join(page))
    assert record.body == [P1, P2, sub, P3, P4]
    line = "غوغل تحدّث تطبيق الخرائط بميزة التجوّل داخل المباني — موقع تقني (3 ساعات)"
    assert cut_between_paragraphs(line)[line] == "related_articles"


def test_market_rows_priced_in_two_words_are_a_data_box() -> None:
    rows = [
        "مؤشرات الطاقة",
        "برنت (سبتمبر) 52.21 دولار للبرميل",
        "غرب تكساس (سبتمبر) 47.12 دولار للبرميل",
        "سلة أوبك 51.65 دولار للبرميل",
    ]
    removed = cut_between_paragraphs("\n".join(rows))
    assert [removed[row] for row in rows] == ["data_box"] * 4


def test_tips_between_two_lines_the_source_repeats_are_a_box() -> None:
    tips = [
        "قبل النوم، دلّكي وجهك بقطرات من زيت التين الشوكي لبشرة مرتاحة صباحاً.",
        "ثبّتي ظلال العيون في الصيف بطبقة خفيفة من البودرة الشفافة قبل وضعها.",
        "جل الصبار الطبيعي مرطّب ممتاز بعد الشمس: ضعيه بارداً على الوجه والذراعين.",
        "كمادات من الشاي الأخضر البارد لعشر دقائق تخفف الهالات تحت العينين.",
    ]
    pages = [
        [
            "لالّة",
            "مجلة المرأة التونسية",
            headline,
            first,
            "💄 Astuce beauté | نصيحة لالّة",
            tip,
            "Plus d'astuces ›",
            second,
        ]
        for tip, (headline, first, second) in zip(tips, SOURCE_STORIES, strict=True)
    ]
    records = site(pages)
    assert [record.body for record in records] == [[first, second] for _, first, second in SOURCE_STORIES]


def test_figures_first_under_a_numbers_header_are_a_data_box() -> None:
    rows = [
        "🔢 بالأرقام",
        "223 شركة مقيدة في السوق الرئيسية",
        "5 أيام تداول في الأسبوع",
        "10% الحد الأقصى للصعود اليومي للسهم",
    ]
    removed = cut_between_paragraphs("\n".join(rows))
    assert [removed[row] for row in rows] == ["data_box"] * 4


def test_the_article_resumes_after_a_form_it_names_the_story_again() -> None:
    resumed = "وأكد المتحدث باسم الوزارة أن المستشفى الجديد سيخدم القرى المجاورة لمدينة الطائف أيضاً بعد افتتاحه."
    page = [HEADLINE, P1, P2, P3, "مساحة إعلانية", "بريدك الإلكتروني", "اشترك", resumed]
    page += ["الكلمات المفتاحية: الطائف، المستشفيات", "شارك: فيسبوك تويتر واتساب"]
    record = host("\n".join(page))
    assert record.body == [P1, P2, P3, resumed]


def test_a_list_of_days_with_percentages_is_the_articles() -> None:
    items = ["• الأحد 17/10 (88.55-100%)", "• الاثنين 18/10 (83.37-88.53%)", "• الثلاثاء 19/10 (79.68-83.15%)"]
    record = host("\n".join([HEADLINE, P1, "وجاءت مواعيد المقابلات حسب النسب على النحو التالي:", *items, P2, P3]))
    assert all(item in record.body for item in items)


def test_an_author_box_over_the_headline_is_no_start_of_the_article() -> None:
    bio = "كاتب وباحث في شؤون المشرق، درس العلوم السياسية في الجامعة ويكتب في المدونة منذ سنوات."
    page = [
        "هامش بيروت",
        "عن الكاتب",
        "نديم الحاج",
        bio,
        "كل مقالات نديم الحاج (74)",
        HEADLINE,
        "نُشر في 9 آب 2015",
        P1,
        P2,
        P3,
    ]
    record = host("\n".join(page))
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3]
    assert reasons(record)[bio] == "about_site"


def test_a_portrait_caption_of_a_title_and_a_name_is_never_the_title() -> None:
    page = [
        "الرئيسية | أخبار | محليات",
        "آخر الأخبار",
        HEADLINE,
        "الطائف - واس",
        "الأربعاء 5 آب 2015 | 20:22",
        "رقم الخبر: 118960",
        "Print | Email | A+ A-",
        "وزير الصحة الدكتور خالد الفالح",
        P1,
        P2,
        P3,
    ]
    record = host("\n".join(page))
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3]


@pytest.mark.parametrize(
    "line", ["الرسم البياني: عدد الأسرة في مستشفيات الطائف قبل الافتتاح وبعده", "التتمة من الصفحة الأولى"]
)
def test_a_chart_caption_and_a_continuation_from_the_front_page_are_cut(line: str) -> None:
    assert line in cut_between_paragraphs(line)


def test_an_interview_question_after_a_read_also_box_goes_on_with_the_interview() -> None:
    qa = [
        "? متى بدأت رحلتك مع الرسم؟",
        "- بدأت في المدرسة الابتدائية حين شجعني معلم التربية الفنية على المشاركة في معرض المدرسة السنوي.",
        "? وما الذي يشغلك في لوحاتك الأخيرة؟",
        "- الضوء وعلاقته بالمكان، فأنا أحاول أن أنقل إحساس الصباح في الأحياء القديمة إلى سطح اللوحة.",
    ]
    box = ["اقرأ أيضاً", "معرض جماعي لخريجي الفنون في قاعة الفنون", "رابطة الأدباء تستأنف أمسياتها الأسبوعية"]
    after = [
        "المعادلة الأساسية",
        "? كيف تنظر إلى الحركة الفنية اليوم؟",
        "- الحركة غنية بجيل الرواد الذي ما زال يواصل عطاءه، وبجيل شاب يجرب أدوات جديدة في كل معرض.",
    ]
    record = host("\n".join([HEADLINE, P1, *qa, *box, *after]))
    assert record.body == [P1, *qa, *after]


_MENU = ["شام اليوم", "أخبار", "الميدان", "اقتصاد", "فيديو", "English", "الرئيسية / الميدان / إدلب"]
_MOST_READ = [
    "الأكثر قراءة",
    "1- براميل متفجرة على أحياء درعا البلد",
    "2- ناشطون: انقطاع المياه عن حي الوعر لليوم العاشر",
    "3- مجلس المحافظة يطلق حملة لترميم المدارس",
]


def test_a_menu_ending_in_a_section_word_and_a_numbered_list_do_not_take_the_headline() -> None:
    page = "\n".join([*_MENU, HEADLINE, "الطائف - شام اليوم", "منذ 6 ساعات", *_MOST_READ, P1, P2, P3])
    record = host(page)
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3]


def test_an_urgent_label_on_the_only_headline_is_cut_from_the_title() -> None:
    page = "\n".join([*_MENU, "عاجل | " + HEADLINE, "منذ 40 دقيقة", "912 قراءة", *_MOST_READ, P1, P2, P3])
    assert host(page).title == HEADLINE


@pytest.mark.parametrize(
    "box",
    [
        ["تقارير ذات صلة:", "وزير الصحة يتفقد مستشفيات المنطقة الشرقية"],
        ["شاهد أيضاً", "(01:33) جولة مصورة داخل المستشفى الجديد"],
    ],
)
def test_related_headers_in_other_words_and_timed_video_links_are_cut(box: list[str]) -> None:
    removed = cut_between_paragraphs("\n".join(box))
    assert {removed[line] for line in box} <= {"related_articles", "read_more"}


def test_a_related_box_of_one_link_is_cut_where_the_article_goes_on_about_what_it_told() -> None:
    # The paragraph under the link names the hospital, Taif and the ministry, as the article's first
    # paragraph did, not the two paragraphs right above the box.
    before = "وتتضمن الخطة كذلك تدريب الكوادر على الأجهزة الطبية الحديثة خلال الأشهر المقبلة بالتعاون مع الجامعات."
    more = "ويشارك في برامج التدريب أطباء زائرون من عدة دول عربية وأجنبية بعقود قصيرة تمتد لعام واحد."
    after = "أولا: يستقبل مستشفى الطائف مرضى الطوارئ على مدار الساعة دون موعد مسبق، كما أعلنت وزارة الصحة."
    page = "\n".join([HEADLINE, P1, before, more, "مواضيع ذات صلة", "متى يبدأ موسم الإنفلونزا؟", after, P4])
    record = host(page)
    assert record.body == [P1, before, more, after, P4]


def test_a_site_name_after_a_spaced_colon_is_cut_where_no_letter_stands_before_the_colon() -> None:
    title = "60 % من أفلام الأطفال تحمل «بصمات عنف» : نخيل نيوز"
    assert cut_site_name(title, frozenset({"نخيل نيوز"}))[0] == "60 % من أفلام الأطفال تحمل «بصمات عنف»"


def test_a_read_count_in_brackets_and_an_agencys_initials_in_a_dateline_are_no_titles() -> None:
    page = "\n".join(["وكالة أنباء الساحل", HEADLINE, "عدن - (م.أ.ج)", "عدد القراءات [ 2,611 ]", P1, P2, P3])
    record = host(page)
    assert record.title == HEADLINE
    assert reasons(record)["عدد القراءات [ 2,611 ]"] == "share_widget"
    assert reasons(record)["عدن - (م.أ.ج)"] == "byline"


@pytest.mark.parametrize(
    "box",
    [
        ["لا يفوتك", "وزير الصحة يتفقد مستشفيات المنطقة الشرقية"],
        ["اقرأ على الوكالة", "وزير الصحة يتفقد مستشفيات المنطقة الشرقية"],
        ["صورة مأخوذة من الفيديو المسرب"],
    ],
)
def test_more_box_headers_and_captions_between_paragraphs(box: list[str]) -> None:
    removed = cut_between_paragraphs("\n".join(box))
    assert {removed[line] for line in box} <= {"related_articles", "read_more", "photo_caption"}


def test_a_writers_long_glued_list_of_columns_is_cut() -> None:
    columns = "".join(f"عنوان مقالة سابقة للكاتب عن قضايا المدينة رقم {n}!" for n in range(4))
    line = "مقالات أخرى للكاتب" + columns
    record = host("\n".join([HEADLINE, P1, P2, P3, line]))
    assert record.body == [P1, P2, P3]


def test_a_trail_ending_with_the_headline_names_it_over_a_ticker_glued_to_the_site_name() -> None:
    page = "\n".join(
        [
            "شبكة نهرين الإخبارية",
            "نهرين: طقس حار جدا في عموم مدن الإقليم اليوم",
            "الرئيسية > محليات > " + HEADLINE,
            "محليات",
            HEADLINE,
            "الطائف - نهرين",
            P1,
            P2,
            P3,
            "جميع الحقوق محفوظة لشبكة نهرين الإخبارية",
        ]
    )
    assert host(page).title == HEADLINE


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("أطفال يلعبون في حديقة المستشفى الجديد في الطائف (أ.ب)", "photo_caption"),
        ("مرضى ينتظرون أمام قسم الطوارئ في المستشفى الجديد (إ.ب.أ)", "photo_caption"),
        ("Le nouvel hôpital de Taëf vu de la route. Crédit photo : AFP", "photo_caption"),
        ("الممرضات في جولة على الأقسام — من مشاركات القراء", "photo_caption"),
        ("هل أفادك هذا الخبر؟ نعم (212) لا (9)", "share_widget"),
        ("استفتاء الموقع: هل زرت المستشفى الجديد؟", "share_widget"),
        ("تابع أيضاً: «الصحة» ترفع جاهزية مستشفيات الطائف", "read_more"),
        ("رسالة قارئ: شكراً لطواقم الطوارئ", "related_articles"),
    ],
)
def test_captions_polls_and_links_of_batch_38_are_cut(line: str, reason: str) -> None:
    assert cut_between_paragraphs(line)[line] == reason


def test_a_writers_other_columns_under_his_header_are_cut() -> None:
    removed = cut_between_paragraphs("اقرأ للكاتب أيضاً:\nالمدن الذكية إلى أين؟\nحين يصبح الصمت لغة")
    assert removed["اقرأ للكاتب أيضاً:"] == "related_articles"


def test_a_ticker_parted_by_arrows_is_no_title() -> None:
    ticker = "عاجل ◄ الصحة: افتتاح قسم جديد للطوارئ ◄ أمطار غزيرة على مرتفعات عسير"
    page = "\n".join(["قناة الوادي", "البث المباشر", ticker, "محليات", HEADLINE, "منذ ساعتين", P1, P2, P3])
    assert host(page).title == HEADLINE


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("نشر بواسطة بوناصر في 9:48 م", "byline"),
        ("التسميات: صحة, مستشفيات, الطائف", "tags"),
        ("23 تعليقاً على «افتتاح مستشفى جديد في الطائف»", "comment_form"),
        ("بو سالم يقول...", "comment_form"),
        ("مباشر الآن · ودية", "navigation"),
        ("الدقيقة 71 · تابع لحظة بلحظة", "navigation"),
        ("مقالات مختارة — نقلاً عن صحيفة الوادي السعودية", "byline"),
    ],
)
def test_a_blogs_footer_a_live_widget_and_a_columns_source_are_chrome(line: str, reason: str) -> None:
    record = host("\n".join([HEADLINE, P1, P2, P3, line, "جميع الحقوق محفوظة © 2015"]))
    assert record.body == [P1, P2, P3]
    assert reasons(record)[line] == reason


@pytest.mark.parametrize(
    "box", [["شوفوا بعد:", "وزير الصحة يتفقد مستشفيات المنطقة الشرقية"], ["مواد مرتبطة", "إطلاق حملة وطنية للتطعيم"]]
)
def test_dialect_and_portal_related_headers_make_boxes(box: list[str]) -> None:
    removed = cut_between_paragraphs("\n".join(box))
    assert {removed[line] for line in box} <= {"related_articles", "read_more"}


def test_a_sites_trail_of_three_short_parts_apart_by_slashes_is_no_title() -> None:
    page = "\n".join(["لمّة / صحة وأسرة / آراء", "الكاتب: نورة الحربي", P1, P2, P3])
    assert host(page).title != "لمّة / صحة وأسرة / آراء"


@pytest.mark.parametrize(
    "posted", ["📢 بيان | " + HEADLINE, "✈️ " + HEADLINE, "مطوّر // " + HEADLINE, "خاص | " + HEADLINE]
)
def test_a_posts_pictographs_and_a_storys_kind_before_the_headline_are_cut(posted: str) -> None:
    page = "\n".join(["شبكة الوادي الإخبارية", "‏25 يوليو، الساعة 7:31 م‏ · عام", posted, P1, P2, P3])
    assert host(page).title == HEADLINE


@pytest.mark.parametrize("separator", ["* * *", "***", "━━━━━━━━━━━━━━", "◆ ◆ ◆", "-----"])
def test_a_line_with_no_letter_or_digit_inside_the_article_is_no_body(separator: str) -> None:
    record = host("\n".join([HEADLINE, P1, P2, separator, P3, P4]))
    assert record.body == [P1, P2, P3, P4]
    assert reasons(record)[separator] == "short_fragment"


@pytest.mark.parametrize(
    "line",
    [
        "-- يتبع --",
        "⬇️ يتبع (1/3)",
        "BC-تركيا-انفجار-سروج",
        "BC-تركيا-انفجار-سروج تابع 1",
        "DFF0418 1 POL 0291 ARB /DFF-TR22",
        "تركيا / انفجار / إضافة أولى",
        "Forwarded from منبر الدعوة | فلسطين",
        "[ صورة: من أعمال الفنانة في معرضها الأخير ]",
    ],
)
def test_a_wires_takes_a_channels_parts_and_a_bracketed_caption_between_paragraphs_are_cut(line: str) -> None:
    cut_between_paragraphs(line)


def test_a_saudi_agency_title_ending_in_its_first_take_stays_the_title() -> None:
    title = "عام / بدء قيد الناخبين للانتخابات البلدية في الطائف الأحد القادم / إضافة أولى"
    assert host("\n".join([title, P1, P2, P3])).title == title


@pytest.mark.parametrize(
    "line",
    [
        "اقرأ على أثير: المنطقة الآمنة في الشمال السوري.. من يحميها؟",
        "رابط مختصر: jnn.iq/?p=48213 [نسخ]",
        "«قضايا وحوار»: لماذا يغادر طلاب الطب إلى مناطق النزاع؟ — 46 دقيقة",
        "🎙️ من بودكاست سنط",
        "1   2   3   التالي ›",
        "صفحة 2 / 3",
        "الصفحة 2 من 2",
        "(1) من (3)",
        "الصفحة التالية ←",
        "الخبر ضمن ملف: المغرب.. الانتخابات الجماعية 2015 ›",
        "شارك على واتساب: «افتتاح مستشفى جديد في الطائف» https://example.sa/n/1",
    ],
)
def test_pagers_dossier_share_and_podcast_lines_between_paragraphs_are_cut(line: str) -> None:
    cut_between_paragraphs(line)


@pytest.mark.parametrize("echo", ["تابع: " + HEADLINE, HEADLINE + " - ص 2", "تابع | " + HEADLINE, HEADLINE + " (3)"])
def test_the_headline_again_where_a_paged_story_goes_on_is_no_body(echo: str) -> None:
    record = host("\n".join([HEADLINE, P1, P2, echo, P3, P4]))
    assert record.body == [P1, P2, P3, P4]
    assert reasons(record)[echo] == "duplicate_title"


def test_a_summary_boxs_bullets_are_the_boxs() -> None:
    bullets = ["• الوزارة تفتتح مستشفى بطاقة ثلاثمئة سرير.", "• التشغيل يبدأ الشهر المقبل بكوادر وطنية."]
    record = host("\n".join([HEADLINE, "أبرز النقاط", *bullets, P1, P2, P3]))
    assert record.body == [P1, P2, P3]
    assert {reasons(record)[line] for line in bullets} == {"data_box"}


def test_a_topics_line_names_no_site() -> None:
    title = "الحربي: افتتاح مستشفى جديد في الطائف بطاقة ثلاثمئة سرير"
    page = "\n".join([title, P1, P2, P3, "المواضيع: الطائف · نايف الحربي · الحربي · الصحة"])
    record = host(page)
    assert record.title == title
    assert reasons(record)["المواضيع: الطائف · نايف الحربي · الحربي · الصحة"] == "tags"


def test_a_records_fields_are_no_title() -> None:
    fields = ["المصدر: صحيفة الوادي", "تاريخ النشر: 11 أغسطس 2015", "البلد: اليمن", "المحافظة: عدن؛ لحج؛ تعز"]
    assert host("\n".join(["بوابة الإغاثة", HEADLINE, *fields, P1, P2, P3])).title == HEADLINE


def test_a_headline_of_a_speaker_and_a_long_statement_among_fields_stays_the_title() -> None:
    title = "الصليب الأحمر: اليمن يتداعى بسبب الحرب ويحتاج مساعدات عاجلة بشدة"
    page = "\n".join(["بوابة الإغاثة", title, "المصدر: صحيفة الوادي", "تاريخ النشر: 11 أغسطس 2015", P1, P2, P3])
    assert host(page).title == title


def test_an_unnamed_source_opening_a_headline_is_no_source_line() -> None:
    title = "مصدر: مشروع الربط الكهربائي بين دول الخليج لن يتأثر بالأزمة"
    assert host("\n".join([title, P1, P2, P3])).title == title


def test_a_long_deck_under_the_headline_over_the_meta_lines_leaves_the_headline_the_title() -> None:
    deck = "نص يمرّ بأغلبية مريحة تحت قبة البرلمان، والحركة تنبّه إلى ألّا تتحول الحرب على الإرهاب إلى مدخل للتضييق على الحريات العامة"
    page = "\n".join(["الشأن الوطني | National", HEADLINE, deck, "نُشر في 25 جويلية 2015 على الساعة 10:15", P1, P2, P3])
    assert host(page).title == HEADLINE


def test_a_list_of_the_storys_stars_names_no_site() -> None:
    title = "غادة عادل: فاتن حمامة علمتني الالتزام وسأتابع عادل إمام في رمضان"
    stars = "نجوم في هذا الخبر: غادة عادل · صبا مبارك · آسر ياسين · شيرين رضا"
    assert host("\n".join([title, P1, P2, P3, stars])).title == title


@pytest.mark.parametrize(
    "line", ["📲 تابع الكنانة 24 على جوجل نيوز", "Source : Asharq Al-Awsat | نقلاً عن «الشرق الأوسط»"]
)
def test_a_follow_prompt_and_a_french_source_line_are_cut(line: str) -> None:
    cut_between_paragraphs(line)


@pytest.mark.parametrize(
    "line", ["الرئيسيةنجوم وفنأفراح النجوم", "النشرة الاقتصادية > قناة السويس", "القاهرة في 25 يوليو /دلتا/"]
)
def test_a_glued_home_trail_a_pointed_trail_and_a_wires_dateline_are_no_titles(line: str) -> None:
    assert host("\n".join([line, P1, P2, P3])).title != line


@pytest.mark.parametrize(
    "line",
    [
        "(تتبع)",
        "▪ أيضاً في الأوّلي: بلدية صيدا تطلق حملة لتنظيف الواجهة البحرية",
        "مراسل دلتا في بورسعيد: محمد الدسوقي",
    ],
)
def test_a_wires_continuation_a_sites_teaser_and_a_correspondents_line_are_cut(line: str) -> None:
    cut_between_paragraphs(line)


def test_a_summary_box_over_the_article_is_no_body() -> None:
    bullets = [
        "• الوزارة تفتتح مستشفى بطاقة ثلاثمئة سرير في الطائف.",
        "• التشغيل يبدأ الشهر المقبل بكوادر وطنية مؤهلة.",
    ]
    record = host("\n".join([HEADLINE, "الأحد 26 يوليو 2015", "باختصار", *bullets, P1, P2, P3, P4]))
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3, P4]
    assert {reasons(record)[line] for line in bullets} == {"data_box"}


def test_a_wires_note_to_editors_and_its_update_label_stay_out_of_the_story() -> None:
    note = "ملاحظة للمحررين: تعيد الوكالة بث هذا الخبر بعد إضافة تصريحات الوزير والمتحدث باسم الحكومة."
    page = "\n".join(["اليمن › سياسة", note, "(محدث 2) " + HEADLINE, "عدن - 20 يوليو 2015 (المسند) -", P1, P2, P3])
    record = host(page)
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3]


@pytest.mark.parametrize(
    "line",
    [
        "1.   [أنقرة تستدعي السفير العراقي](https://example.net/world/2015/08/03/53101)",
        "Tags: [تركيا](https://example.net/tag/turkey) [حزب العمال الكردستاني](https://example.net/tag/pkk)",
        "> **شاهد:** [فيديو: لحظة استهداف الثكنة](https://example.net/video/2015/08/03/1)",
    ],
)
def test_a_markdown_line_of_links_between_paragraphs_is_cut(line: str) -> None:
    cut_between_paragraphs(line)


WIKI_INTERFACE = [
    "انتقل إلى المحتوى",
    "القائمة الرئيسية",
    "ابحث في ويكي الأخبار",
    "أدوات شخصية",
    HEADLINE,
    "إضافة لغات",
    "مقالة",
    "نقاش",
    "اقرأ",
    "عدّل",
    "عدّل المصدر",
    "تاريخ",
    "أدوات",
    "نقل إلى الشريط الجانبي",
    "ماذا يصل هنا",
    "تغييرات ذات علاقة",
    "استشهد بهذه الصفحة",
    "تحميل كملف PDF",
    "من ويكي الأخبار، المصدر الإخباري الحر",
    "الأحد 26 يوليو 2015",
]


def test_a_wiki_pages_heading_is_the_title_above_its_tabs_and_tools() -> None:
    record = host("\n".join([*WIKI_INTERFACE, P1, P2, "الخدمات[عدّل]", P3, P4]))
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3, P4]
    assert reasons(record)["الخدمات[عدّل]"] == "navigation"


def test_a_wiki_pages_references_are_no_body() -> None:
    citations = [
        "«افتتاح مستشفى جديد في الطائف». صحيفة المدينة، 26 يوليو 2015.",
        "وزارة الصحة. «خطة توسيع الخدمات الصحية» (بالإنجليزية).",
    ]
    record = host("\n".join([*WIKI_INTERFACE, P1, P2, P3, P4, "المصادر[عدّل]", *citations, "شارك هذا الخبر"]))
    assert record.body == [P1, P2, P3, P4]
    assert {reasons(record)[line] for line in citations} == {"related_articles"}


def test_a_story_told_in_points_over_the_article_is_a_summary_box() -> None:
    bullets = ["• الوزارة تفتتح مستشفى بطاقة ثلاثمئة سرير في الطائف.", "• التشغيل يبدأ الشهر المقبل."]
    record = host("\n".join([HEADLINE, "الأحد 26 يوليو 2015", "الخبر في نقاط", *bullets, P1, P2, P3, P4]))
    assert record.body == [P1, P2, P3, P4]
    assert {reasons(record)[line] for line in bullets} == {"data_box"}


@pytest.mark.parametrize(
    "line",
    [
        "كانت هذه تفاصيل خبر افتتاح مستشفى جديد في الطائف، تابعونا لمعرفة المزيد لحظة بلحظة.",
        "وإلى هنا نكون قد وصلنا إلى نهاية مقالنا، شاركونا آراءكم في التعليقات.",
    ],
)
def test_a_content_farms_closing_formula_is_cut(line: str) -> None:
    record = host("\n".join(["الرئيسية | محليات", HEADLINE, P1, P2, P3, P4, line]))
    assert record.body == [P1, P2, P3, P4]
    assert reasons(record)[line] == "sign_off"


def test_a_videos_view_count_line_is_a_widgets_never_the_title() -> None:
    views = "٦٫١ ألف مشاهدة ١٧ يونيو ٢٠١٥ #الطائف #الصحة"
    record = host("\n".join(["قناة الأخبار", HEADLINE, views, P1, P2, P3]))
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3]
    assert reasons(record)[views] == "share_widget"


def test_a_newsletters_contents_list_stands_between_its_greeting_and_the_headline() -> None:
    # An email digest: a greeting that reads as a headline, the issue's contents in bullets, then the
    # lead story under its section word. The list parts the page's head from the story's.
    others = [
        "التعليم تعلن نتائج الدور الثاني للثانوية العامة",
        "معرض الكتاب الصيفي يفتح أبوابه في الإسكندرية",
        "الأهلي يواجه الزمالك في نهائي كأس مصر",
    ]

    def issue(greeting: str, headline: str, contents: list[str], section: str, body: list[str]) -> list[str]:
        return [
            "لعرض هذه الرسالة في المتصفح اضغط هنا",
            "بوابة الوادي",
            "صباح الوادي | نشرتك اليومية",
            greeting,
            "الأحد 26 يوليو 2015 | العدد 611",
            "إليك أبرز ما في نشرة اليوم:",
            "في هذا العدد",
            *contents,
            "القصة الرئيسية",
            section,
            headline,
            "الأحد 26 يوليو 2015 - 08:00 ص",
            *body,
            "إلغاء الاشتراك | تعديل تفضيلات البريد",
            "© 2015 بوابة الوادي. جميع الحقوق محفوظة.",
        ]

    contents = ["• صحة: مستشفى جديد في الطائف", "• التعليم تعلن نتائج الدور الثاني", "• معرض الكتاب يفتح أبوابه"]
    pages = [issue("صباح الخير يا عزيزي القارئ،", HEADLINE, contents, "صحة", [P1, P2, P3])]
    for n, headline in enumerate(others):
        listed = [f"• {others[(n + 1) % 3]}", f"• {others[(n + 2) % 3]}"]
        pages.append(issue("صباح الخير،", headline, listed, "منوعات", [P4, f"{P2} {headline}", f"{P3} {headline}"]))
    record = site(pages)[0]
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3]


def test_a_recipes_last_ingredient_is_no_headline_under_its_list() -> None:
    title = "أسهل طريقة لعمل الكنافة في البيت"
    items = ["- 2 كوب سكر", "- نصف كوب ماء", "- ملعقة ماء ورد"]
    record = host("\n".join([title, *items, "-5 ملاعق كبيرة زبدة", P1, P2, P3]))
    assert record.title == title


@pytest.mark.parametrize("author", ["هالة عبد الرحمن", "منى السيد", "نورة السالم"])
def test_a_womans_name_alone_under_the_headline_is_the_author_never_the_title(author: str) -> None:
    # A reader view: the domain, the headline, the author's name, the estimated reading time.
    record = host("\n".join(["almasar-news.net", HEADLINE, author, "8-10 دقائق", P1, P2, P3]))
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3]


@pytest.mark.parametrize("desk", ["فريق تحرير المسار", "أسرة تحرير الموقع"])
def test_an_editorial_desk_signing_the_story_is_a_byline_never_the_title(desk: str) -> None:
    record = host("\n".join(["almasar-news.net", HEADLINE, desk, "3-4 دقائق", P1, P2, P3]))
    assert record.title == HEADLINE
    assert reasons(record)[desk] == "byline"
    assert reasons(record)["3-4 دقائق"] == "date_line"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("[ 16/شوال/1436هـ ] [ 01/أغسطس/2015م ] [ الساعة: 21:40 ]", "date_line"),
        ("التاريخ: 17 شوال 1436هـ", "date_line"),
        ("ماندزوكيتش 69'، ديبالا 73'", "data_box"),
        ("نهاية المباراة - الدقيقة 90+3", "data_box"),
    ],
)
def test_a_wires_date_stamp_and_a_match_cards_lines_are_never_the_headline(line: str, reason: str) -> None:
    record = host("\n".join(["الرئيسية | محليات", line, HEADLINE, P1, P2, P3]))
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3]
    # (the record shows the line as displayed: the tatweel of ``هـ`` goes)
    assert {line_key(text): why for text, why in reasons(record).items()}[line_key(line)] == reason


def test_a_statements_number_with_its_year_is_no_headline() -> None:
    number = "بيان مشترك رقم ٣٤ / ١٤٣٦"
    record = host("\n".join(["المركز الإعلامي", number, HEADLINE, "التاريخ: ٢١-١٠-١٤٣٦هـ", P1, P2, P3]))
    assert record.title == HEADLINE


@pytest.mark.parametrize(
    ("embed", "signature"),
    [
        ("النفايات على أبواب البيوت والحكومة مش سامعة #بيروت", "— نادين ع. (@nadine_ab_lb) July 27, 2015"),
        ("Piano Duel - Beirut Waterfront 2015 (live excerpt)", "شاهد على YouTube"),
    ],
)
def test_an_embedded_tweets_or_videos_own_line_above_its_signature_is_the_embeds(embed: str, signature: str) -> None:
    record = host("\n".join(["الرئيسية | محليات", HEADLINE, P1, P2, embed, signature, P3, P4]))
    assert record.body == [P1, P2, P3, P4]
    assert reasons(record)[embed] == "embed"


def test_a_caption_that_says_its_photo_is_from_the_archive_is_cut() -> None:
    assert (
        cut_between_paragraphs("الوزير خلال جولته في المستشفى في لقطة من الأرشيف")[
            "الوزير خلال جولته في المستشفى في لقطة من الأرشيف"
        ]
        == "photo_caption"
    )


def test_a_press_releases_company_paragraph_and_contacts_are_the_issuers() -> None:
    blurb = "«مطاعم الوادي» سلسلة مطاعم سعودية تأسست عام 2009 وتدير اليوم أربعين فرعاً في مدن المملكة."
    contacts = "سارة العتيبي - وكالة الأفق للعلاقات العامة"
    page = ["بيان صحفي", HEADLINE, P1, P2, P3, "نبذة عن الشركة", blurb, "للاستفسارات الإعلامية:", contacts]
    record = host("\n".join(page))
    assert record.body == [P1, P2, P3]
    assert reasons(record)[blurb] == "about_site"
    assert reasons(record)[contacts] == "about_site"


def test_a_gallerys_captions_under_its_counters_are_captions() -> None:
    captions = ["عائلات تتجول في ساحة الحي خلال أيام العيد", "ركن للمأكولات الشعبية يستقطب الزوار"]
    page = [HEADLINE, "1 / 12", P1, "2 / 12", captions[0], P2, "3 / 12", captions[1], P3]
    record = host("\n".join(page))
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3]
    assert {reasons(record)[caption] for caption in captions} == {"photo_caption"}


def test_a_lone_date_over_a_short_line_makes_no_gallery() -> None:
    short = "عائلات تتجول في ساحة الحي"
    record = host("\n".join([HEADLINE, P1, "3/8", short, P2, P3]))
    assert reasons(record).get(short) != "photo_caption"


@pytest.mark.parametrize(
    "pitch",
    [
        "شبكة الواحة نت: إنترنت منزلي بلا انقطاع بأسعار تبدأ من 25 ديناراً شهرياً – اطلب الآن",
        "أكاديمية المستقبل للغات: دورات مكثفة في الإنجليزية والفرنسية لفصل الخريف، سجّل الآن",
    ],
)
def test_a_sponsors_pitch_with_its_call_to_action_is_an_advertisement(pitch: str) -> None:
    assert cut_between_paragraphs(pitch)[pitch] == "advertisement"


def test_a_rate_with_its_label_and_unit_is_never_the_headline() -> None:
    rate = "سعر صرف الدولار في بغداد: 1,235 ديناراً"
    record = host("\n".join(["بغداد - الثلاثاء 21 تموز 2015", rate, "محافظات", HEADLINE, P1, P2, P3]))
    assert record.title == HEADLINE


@pytest.mark.parametrize("credit", ["(أ ف ب)", "(رويترز)", "(واس)"])
def test_a_credit_alone_in_brackets_is_a_caption(credit: str) -> None:
    assert cut_between_paragraphs(credit)[credit] == "photo_caption"


BIO = "محرر الشؤون العربية في الجريدة، غطّى الأزمة اليمنية من صنعاء وعدن ويكتب عمود «خارج الحدود» كل أسبوع منذ سنوات."


def test_a_columnists_other_articles_after_the_article_are_links_a_question_among_them() -> None:
    links = ["عدن بعد التحرير: المدينة تلملم جراحها", "هل تنجح مسقط حيث فشلت جنيف؟", "حزب الله واليمن: حدود الدور"]
    box = ["عن الكاتب", "وسام قبلان", BIO, "مقالات الكاتب", *links, "عرض كل المقالات"]
    page = [HEADLINE, P1, P2, P3, "...المزيد", "", *box, "", "كلمات مفتاحية:", "اليمن", "الحوثيون", "شارك المقال"]
    record = host("\n".join(page))
    assert record.body == [P1, P2, P3]
    assert {reasons(record)[link] for link in links} <= {"related_articles", "byline"}


def test_an_app_banners_close_button_holds_no_post_under_it() -> None:
    page = [
        "افتح في التطبيق",
        "فتح | ✕",
        "☰  مرقاب نيوز  🔍",
        "أسواق المال",
        HEADLINE,
        "منذ 45 دقيقة · ⏱ دقيقتان قراءة",
        P1,
        P2,
        P3,
    ]
    record = host("\n".join(page))
    assert record.title == HEADLINE


MINISTRY = "وزارة الخدمات العامة والتنمية المحلية"


@pytest.mark.parametrize(
    "head",
    [
        # a masthead in two scripts names the site by each part's words
        [
            "Nojoum Tunis FM 101.4 | إذاعة نجوم تونس",
            "الرئيسية | أخبار وطنية | رياضة | اقتصاد",
            f"{HEADLINE} | نجوم تونس FM",
        ],
        # a ministry's long name, which its masthead gives
        ["المملكة الأردنية الهاشمية", MINISTRY, "الرئيسية > المركز الإعلامي > الأخبار", f"{HEADLINE} - {MINISTRY}"],
    ],
)
def test_a_site_name_its_masthead_gives_is_cut_from_the_headline(head: list[str]) -> None:
    assert host("\n".join([*head, P1, P2, P3])).title == HEADLINE


def test_a_player_cards_fields_inside_the_article_are_the_cards() -> None:
    card = ["بطاقة اللاعب", "الاسم: كريم بوعلام", "النادي: الوكرة", "العمر: 25 عاماً", "المركز: وسط ميدان"]
    record = host("\n".join([HEADLINE, P1, P2, *card, P3, P4]))
    assert record.body == [P1, P2, P3, P4]


def test_a_speaker_before_the_headlines_colon_whom_the_article_names_stays_in_the_title() -> None:
    told = "أكد النجم الأرجنتيني أنخيل دي ماريا بعد اجتيازه الفحص الطبي أن هدفه الفوز بكل البطولات مع فريقه الجديد."
    card = ["بطاقة اللاعب", "الاسم: أنخيل دي ماريا", "النادي: باريس سان جيرمان"]
    page = ["الرئيسية | رياضة عالمية", "دي ماريا: الذهب طموحي مع سان جرمان", told, P2, *card, "© 2015 عنابي سبورت"]
    assert host("\n".join(page)).title == "دي ماريا: الذهب طموحي مع سان جرمان"


@pytest.mark.parametrize("caption", ["صورة الكاتب عبده خال", "أرشيف - صورة لريف عين العرب"])
def test_a_columnists_photo_and_an_archive_caption_are_captions(caption: str) -> None:
    assert cut_between_paragraphs(caption)[caption] == "photo_caption"


def test_a_line_up_box_between_paragraphs_is_the_boxs() -> None:
    box = [
        "تشكيل الفريق",
        "حراسة المرمى: ياسر الحربي",
        "الدفاع: منصور الغامدي - معتز العتيبي - عقيل بلغيث - سعيد الزهراني",
        "الهجوم: مهند عسيري - عمر الدوسري",
        "المدير الفني: كريستيان غروس",
    ]
    record = host("\n".join([HEADLINE, P1, P2, *box, P3, P4]))
    assert record.body == [P1, P2, P3, P4]


@pytest.mark.parametrize(
    "above",
    [
        ["مباشر الآن", "الزمالك 0 - 0 ليوبار الكونغولي | الدقيقة 12'", "كل المباريات »"],
        ["العدد الورقي", "الرئيسية » محليات", "رام الله - خاص بـ«فجر فلسطين»"],
        # (session 30) what a channel has on air under its live label, a card's name under its label
        ["قناة الدانة", "مباشر", "برنامج «حديث المساء» يبدأ بعد قليل", "عربي ودولي"],
        [
            "قناة الدانة",
            "بطاقة الشركة",
            "دلة للخدمات الصحية القابضة — السوق المالية السعودية (تداول)",
            "القطاع: الرعاية الصحية",
        ],
    ],
)
def test_a_live_score_strip_and_an_own_report_dateline_are_never_the_title(above: list[str]) -> None:
    assert host("\n".join([*above, HEADLINE, P1, P2, P3])).title == HEADLINE


def test_a_caption_credited_to_the_site_under_a_gallery_counter_is_a_caption() -> None:
    caption = "سهل الغاب من جهة قرية جورين - منارة الشام"
    page = ["منارة الشام", HEADLINE, P1, P2, "1 / 6", caption, P3, P4, "جميع الحقوق محفوظة © 2015 منارة الشام"]
    record = host("\n".join(page))
    assert record.body == [P1, P2, P3, P4]
    assert reasons(record)[caption] == "photo_caption"


def test_a_galleries_link_to_all_its_photos_is_chrome() -> None:
    assert "عرض كل الصور" in cut_between_paragraphs("عرض كل الصور")


def test_a_facebook_post_drawn_between_paragraphs_is_the_embeds() -> None:
    post = ["شبكة أخبار الطائف", "\u200f٣ ساعات\u200f ·", "افتتاح المستشفى الجديد صباح اليوم بحضور المحافظ #الطائف"]
    actions = ["أعجبني · تعليق · مشاركة", "عرض المزيد على فيسبوك"]
    record = host("\n".join([HEADLINE, P1, P2, *post, *actions, P3, P4]))
    assert record.body == [P1, P2, P3, P4]
    removed = reasons(record)
    assert removed[post[0]] == removed[post[2]] == removed["٣ ساعات ·"] == "embed"  # (the marks around the age go)


def test_a_read_count_grouped_by_spaces_is_a_meta_line_under_the_headline() -> None:
    record = host("\n".join(["Yasmine Info - ياسمين إنفو", HEADLINE, "عدد القراءات: 2 031", P1, P2, P3]))
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3]
    assert reasons(record)["عدد القراءات: 2 031"] == "share_widget"


@pytest.mark.parametrize(
    ("author", "bio"),
    [
        ("سمير عطا الله", "كاتب وروائي لبناني، له زاوية يومية منذ عقود"),
        ("مشاري الذايدي", "صحافي وكاتب سعودي، مهتم بالحركات الإسلامية والشأن الخليجي"),
    ],
)
def test_a_columnists_name_over_his_bio_is_no_title(author: str, bio: str) -> None:
    headline = "رحالة العرب و«العربي» يتعرف إلى أوطانه"
    page = [
        "المدرج | منصة رأي أردنية",
        "مقالات",
        author,
        bio,
        headline,
        "10 آب 2015 | وقت القراءة: 5 دقائق",
        P1,
        P2,
        P3,
    ]
    record = host("\n".join(page))
    assert record.title == headline
    assert reasons(record)[bio] == "byline"


def test_a_closing_guillemet_that_pairs_an_opening_one_parts_no_breadcrumb() -> None:
    from marsad.segment.breadcrumb import category_from_line

    assert category_from_line("رحالة العرب و«العربي» يتعرف إلى أوطانه") is None
    assert category_from_line("الرئيسية » أخبار » محليات") == "محليات"


def test_the_kind_of_report_before_the_source_and_its_city_is_a_source_line_not_a_table() -> None:
    page = [
        "صدى الطائف نت",
        "تقارير",
        HEADLINE,
        "خاص - صدى الطائف | الطائف",
        "منذ 3 ساعات | مشاهدات: 1,742",
        P1,
        P2,
        P3,
    ]
    record = host("\n".join(page))
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3]
    assert is_dateline("خاص - صدى الطائف | الطائف")


@pytest.mark.parametrize("headline", [HEADLINE, "المبادئ السعودية"])
def test_who_the_columnist_is_under_his_name_is_never_the_title(headline: str) -> None:
    page = ["الصبح", "مقالات", "عبدالله فهد المطيري", "كاتب ومحلل سياسي، عضو سابق في المجلس الأعلى للتخطيط", headline]
    record = host("\n".join([*page, "قراءات: 2,877 | تعليقات: 12", P1, P2, P3]))
    assert record.title == headline


def test_a_channels_now_on_air_line_and_an_instagram_posts_likes_are_chrome() -> None:
    page = ["المتن TV", "الآن على الهواء: صباح الخير يا لبنان", "عربي ودولي", HEADLINE, "منذ ساعتين", P1, P2]
    post = ["عرض هذا المنشور على Instagram", "@almatn.tv", "1,872 تسجيل إعجاب", "عرض المزيد على إنستغرام"]
    record = host("\n".join([*page, *post, P3, P4]))
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3, P4]


def test_a_videos_title_over_its_running_time_is_never_the_title() -> None:
    page = [
        "قناة الدانة",
        "عاجل",
        HEADLINE,
        "نُشر: منذ 3 ساعات",
        "فيديو | مستشفى الطائف الجديد من الداخل",
        "02:35",
        P1,
        P2,
    ]
    assert host("\n".join([*page, P3])).title == HEADLINE


def test_a_match_sheets_header_and_a_paywalls_line_are_chrome() -> None:
    sheet = ["Fiche technique - البطاقة الفنية", "الملعب: ملعب الملك فهد الدولي"]
    record = host("\n".join([HEADLINE, P1, P2, *sheet, P3, "هذا التقرير متاح كاملاً لمشتركي الدانة", P4]))
    removed = reasons(record)
    assert removed["Fiche technique - البطاقة الفنية"] == "data_box"
    assert removed["هذا التقرير متاح كاملاً لمشتركي الدانة"] == "appeal"


def test_a_headline_closing_with_a_phrase_the_tags_repeat_is_no_credited_caption() -> None:
    headline = "غرفة الشرقية تستقبل طلبات الشركات الراغبة بالمشاركة في (وظائف 2015)"
    page = [
        "صحيفة المرفأ",
        "اقتصاد",
        headline,
        "كتب: ياسر الدوسري",
        P1,
        P2,
        P3,
        "الوسوم: غرفة الشرقية | معرض وظائف 2015",
    ]
    assert host("\n".join([*page, "جميع الحقوق محفوظة © صحيفة المرفأ 2015"])).title == headline


def test_a_galleries_label_lists_captions_under_it() -> None:
    gallery = ["صور", "ساحة الخدمات الأرضية في مطار الطائف", "عربة نقل الأمتعة بعد الحادث"]
    record = host("\n".join([HEADLINE, P1, P2, *gallery, P3, P4]))
    assert record.body == [P1, P2, P3, P4]
    assert {reasons(record)[caption] for caption in gallery[1:]} == {"photo_caption"}


def test_a_columnists_bio_under_his_byline_is_never_the_title() -> None:
    page = ["المرفأ", "رأي", "توهان .. اللهيان", "بقلم: زياد عيتاني", "كاتب وصحافي لبناني", P1, P2, P3]
    assert host("\n".join(page)).title == "توهان .. اللهيان"


def test_a_facebook_posts_age_with_the_audiences_globe_and_its_dotted_counters_are_the_embeds() -> None:
    post = ["مصر الجديدة الآن", "منذ 3 ساعات · 🌐", "صوت انفجار قوي جنب المحكمة من شوية والأمن قافل الميدان كله"]
    actions = ["أعجبني · تعليق · مشاركة", "2.3 ألف تفاعل · 418 تعليقاً · 95 مشاركة"]
    record = host("\n".join([HEADLINE, P1, P2, *post, *actions, P3, P4]))
    assert record.body == [P1, P2, P3, P4]


def test_a_short_sub_heading_over_a_timeline_stays_the_articles() -> None:
    subheading = "* “خدمة على مدار الساعة”"
    timeline = ["تسلسل زمني", "14 أغسطس 2014: افتتاح مستشفى الملك فيصل", "8 سبتمبر 2015: وضع حجر الأساس"]
    record = host("\n".join([HEADLINE, P1, P2, subheading, *timeline, P3, P4]))
    assert subheading in record.body


def test_a_telegram_posts_text_under_its_channel_and_over_its_views_is_the_embeds() -> None:
    post = ["الدانة نيوز | عاجل", "@aldana_news", "عاجل | الصحة تعلن موعد افتتاح مستشفى الطائف", "👁 18.6K", "07:12 م"]
    record = host("\n".join([HEADLINE, P1, P2, *post, "مشاهدة على تلغرام", P3, P4]))
    assert record.body == [P1, P2, P3, P4]


def test_a_quote_card_repeating_a_paragraph_and_its_speaker_are_cut() -> None:
    card = [f"“{P2}”", "— محمد العتيبي، المتحدث باسم وزارة الصحة"]
    record = host("\n".join([HEADLINE, P1, *card, P2, P3, P4]))
    assert record.body == [P1, P2, P3, P4]
    assert {reasons(record)[line] for line in card} == {"pull_quote"}


@pytest.mark.parametrize(
    "line",
    ["النسخة الورقية - العدد 11859 - الصفحة 18 (تقنية ومعلومات)", "دبي - سهيل TV"],
)
def test_a_print_stamp_with_its_section_or_a_channels_dateline_is_never_the_title(line: str) -> None:
    page = ["سهيل TV", "الرئيسية | الأخبار | البرامج", "صحة", line, HEADLINE, "الثلاثاء 4 أغسطس 2015 - 06:05 مساءً"]
    assert host("\n".join([*page, P1, P2, P3])).title == HEADLINE


@pytest.mark.parametrize(
    "after",
    [
        ["حاشية: يعود العمود إلى الصدور يومي الأحد والخميس بعد إجازة الكاتب."],
        ["استطلاع الرأي", "هل زرت المستشفى الجديد؟", "نعم 53%", "لا 47%", "صوّت | النتائج"],
    ],
)
def test_a_columnists_note_or_a_poll_after_the_article_is_cut(after: list[str]) -> None:
    record = host("\n".join([HEADLINE, P1, P2, P3, P4, *after, "جميع الحقوق محفوظة © صحيفة المرفأ 2015"]))
    assert record.body == [P1, P2, P3, P4]


@pytest.mark.parametrize(
    "above",
    [
        ["المباراة: الهلال × النصر", "النتيجة: الهلال 2 - 1 النصر"],
        ["فيديو", "جولة مصورة داخل المستشفى الجديد", "المدة: 04:06"],
    ],
)
def test_a_match_sheets_teams_or_a_videos_title_over_its_length_is_never_the_title(above: list[str]) -> None:
    page = ["الرئيسية | محليات", HEADLINE, "كتب - محمد عبد الحميد", *above, P1, P2, P3]
    assert host("\n".join(page)).title == HEADLINE


def test_two_adjectives_apart_by_a_dash_end_the_headline_whatever_the_page_names() -> None:
    headline = "اجتماع لبحث أمن الحدود التركية - السورية"
    page = ["قناة السورية", "الرئيسية | عربي ودولي", headline, P1, P2, P3, "جميع الحقوق محفوظة © قناة السورية 2015"]
    assert host("\n".join([*page, P1, P2, P3])).title == headline


@pytest.mark.parametrize("opening", ["وتطرق إلى أن", "وشدد على أن", "ونوه بأن", "ووجهت الوزارة بأن"])
def test_a_read_also_link_before_a_speaker_going_on_splits_no_story(opening: str) -> None:
    going_on = f"{opening} المستشفى سيخدم سكان القرى المجاورة في المحافظة ضمن خطة الوزارة للتوسع في الخدمات الصحية."
    link = "اقرأ أيضاً: الصحة تطلق حملة للتطعيم ضد الإنفلونزا في المدارس"
    records = marsad.extract("\n".join([HEADLINE, P1, P2, link, going_on, P4]), enrich=False)
    assert len(records) == 1
    assert records[0].body == [P1, P2, going_on, P4]


def test_a_columnists_link_to_all_his_articles_is_never_the_title() -> None:
    page = [
        "الأفق",
        "الرئيسية | كتّاب وآراء",
        "جميع مقالات الكاتب (87) »",
        HEADLINE,
        "نشر بتاريخ: 21-07-2015",
        P1,
        P2,
        P3,
    ]
    record = host("\n".join(page))
    assert record.title == HEADLINE
    assert reasons(record)["جميع مقالات الكاتب (87) »"] == "related_articles"


def test_a_trail_of_page_actions_under_the_breadcrumb_gives_no_category() -> None:
    page = ["المرقاب", "الرئيسية | محليات | اقتصاد", "الرئيسيةخليجيات", HEADLINE, "الكويت - كونا", "طباعة | إرسال"]
    assert host("\n".join([*page, P1, P2, P3])).category != "إرسال"


# Boxes, links, embeds and captions a page sets between two paragraphs, each cut whole (sessions 30 and 31):
# facts and figures boxes, a timeline, a card, links to other stories, videos, an infographic, a gallery's
# label, a poll-less player card, a French match sheet.
_BETWEEN_PARAGRAPHS = [
    ["أبرز الأرقام", "300 سرير في المستشفى الجديد", "500 ألف نسمة يخدمهم المستشفى"],
    ["الخبر بالأرقام", "300 سرير في المستشفى الجديد", "500 ألف نسمة يخدمهم المستشفى", "2016 موعد التشغيل الكامل"],
    ["تسلسل زمني", "14 أغسطس 2014: افتتاح مستشفى الملك فيصل", "8 سبتمبر 2015: وضع حجر الأساس في الطائف"],
    ["بطاقة الشركة", "الاسم: شركة الطائف الطبية", "القطاع: الرعاية الصحية", "رأس المال: 1,200 مليون ريال"],
    ["للمزيد: الصحة تطلق حملة للتطعيم ضد الإنفلونزا في المدارس"],
    ["إنفوجراف", "المستشفى بالأرقام: الأسرّة والأقسام والكوادر الطبية"],
    ["YouTube", "جولة داخل المستشفى الجديد قبل الافتتاح", "87,530 vues", "01:02", "Regarder sur YouTube"],
    ["شاهد: لقطات من غرف العناية المركزة", "المدة: 03:20"],
    ["لمتابعة الأخبار العاجلة من الطائف والمحافظات انضموا إلى قناتنا"],
    ["صور من الحدث (8 صور)"],
    ["حقائق", "- افتتح أول مستشفى في الطائف عام 1950", "- يضم المستشفى الجديد 300 سرير"],
    ["لاعب الجولة", "الاسم: سالم الدوسري", "العمر: 24 عاماً", "النادي: الهلال"],
    ["فيديو | جولة داخل المستشفى الجديد", "YouTube", "مشاهدات: 18,455", "المدة: 02:34"],
    ["YouTube | جولة داخل المستشفى الجديد", "821 مشاهدة", "01:58"],
    ["بالأرقام", "300 سرير في المستشفى الجديد", "أسبوعان تفصل المستشفى عن الافتتاح", "2014 - 2015 فترة البناء"],
    [
        "FICHE TECHNIQUE / البطاقة الفنية",
        "الهلال (السعودية) 2 - 1 الوحدة (الإمارات)",
        "Stade : Roi-Fahd, Riyad",
        "Buts : Al-Dawsari (21'), Carlos (73')",
    ],
    ["محطات في مسار المشروع:", "يونيو 2014 - وضع حجر الأساس", "27 نوفمبر 2014 - ترسية العقد", "مايو 2015 - التجهيز"],
    [
        "بطاقة المباراة",
        "النتيجة: الهلال 2 - 1 العين الإماراتي",
        "الملعب: سالفيلدن - النمسا",
        "نوع المباراة: ودية ختامية للمعسكر",
        "البطاقات الحمراء: 1 (الهلال)",
        "الحكم: نمساوي",
    ],
    ["Fiche technique", "Match : Al Hilal - Al Ain", "Score : 2 - 1", "Entraîneur Al Taawoun : José Gomes"],
    ["(خريطة: المستشفيات الجديدة في محافظات منطقة مكة المكرمة)"],
    [
        "منشور مضمّن من فيسبوك",
        "وزارة الصحة - المرفأ",
        "منذ 9 ساعات",
        "بدء استقبال المراجعين في المستشفى الجديد بالطائف اعتباراً من الأحد المقبل",
        "أعجبني 1.4 ألف · 312 تعليقاً · 97 مشاركة",
        "عرض على فيسبوك",
    ],
    [
        "منشور مضمّن من X",
        "وزارة الصحة",
        "@MOH_Marfa",
        "المستشفى الجديد يستقبل المراجعين الشهر المقبل",
        "2:16 م · 22 يوليو 2015",
        "1,540 إعادة نشر · 3,870 إعجاب · 640 رد",
    ],
    ["بطاقة المباراة", "النتيجة: الهلال 3 - 1 النصر", "الأهداف: الدوسري 21، الشهري 25، القحطاني 73"],
    ["إنفوغراف", "خريطة توضح مواقع المستشفيات الجديدة في محافظات منطقة مكة المكرمة خلال العام الماضي (المرفأ 24)"],
    [
        "بطاقة المباراة - آخر مباريات المنتخب الأولمبي",
        "المسابقة: ودية دولية",
        "النتيجة: الهلال 2 - 1 النصر",
        "أهداف الهلال: الدوسري (23)، الشهري (71) و(88)، القحطاني (90+3)",
        "الإنذارات: الدوسري، القحطاني",
    ],
    ["معرض الصور (3)", "صورة 1 من 3: المستشفى الجديد من الخارج", "صورة 2 من 3: غرفة العناية المركزة"],
    [
        "منشور من فيسبوك",
        "مركز صحي لرصد الخدمات",
        "3 آب الساعة 8:40 ص",
        "افتتاح المستشفى خطوة طال انتظارها لسكان القرى المجاورة",
        "أعجبني 811 · تعليق 95 · مشاركة 233",
    ],
    ["Fiche technique | البطاقة الفنية", "Stade | الملعب : Yankee Stadium", "Affluence | الحضور : 42 000 spectateurs"],
    [
        "Fiche technique / البطاقة الفنية",
        "Score / النتيجة : PSG 2 - 0 Manchester United",
        "Stade / الملعب : Soldier Field",
    ],
    ["ألبوم الصور", "المستشفى الجديد من الخارج (تصوير: سالم الحربي)", "غرفة العناية المركزة في المستشفى"],
    ["بطاقة المباراة", "النتيجة: الهلال 1 - 0 النصر", "الهدف: سالم الدوسري د 4 (الشوط الثاني)"],
    [
        "رسم بياني: أعداد المراجعين في مستشفيات الطائف (بالآلاف)",
        "الرسم: المراجعون في الأشهر الستة الأخيرة كما أعلنتها الوزارة",
        "(المصدر: وزارة الصحة - إعداد وحدة البيانات في المرفأ)",
    ],
    [
        "ترتيب الدوري الممتاز - المجموعة الأولى (بعد الجولة 14)",
        "المركز | الفريق | لعب | النقاط",
        "1 | الهلال | 14 | 31",
        "2 | النصر | 14 | 27",
    ],
]


@pytest.mark.parametrize("inserts", _BETWEEN_PARAGRAPHS)
def test_a_box_between_two_paragraphs_is_cut_whole(inserts: list[str]) -> None:
    record = host("\n".join([HEADLINE, P1, P2, *inserts, P3, P4]))
    assert record.body == [P1, P2, P3, P4]


def test_a_timelines_rows_under_its_header_are_the_boxs() -> None:
    timeline = ["تسلسل زمني", "14 أغسطس 2014: افتتاح مستشفى الملك فيصل", "8 سبتمبر 2015: وضع حجر الأساس"]
    assert reasons(host("\n".join([HEADLINE, P1, P2, *timeline, P3, P4])))[timeline[1]] == "data_box"


def test_a_match_cards_fields_keep_the_paragraph_above_them() -> None:
    card = ["بطاقة المباراة", "النتيجة: الهلال 2 - 1 العين الإماراتي", "نوع المباراة: ودية", "الحضور: بدون جمهور"]
    page = ["الأكثر قراءة", HEADLINE, "متابعة - فريق التحرير", "منذ 5 ساعات", "حجم الخط: A A A", P1, *card, P2, P3]
    record = host("\n".join(page))
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3]
    assert {reasons(record)[line] for line in card} == {"data_box"}


def test_a_tickers_label_with_its_items_on_one_line_is_never_the_title() -> None:
    ticker = "شريط الأخبار: الصحة تفتتح مركزاً للقلب في جدة •• الدفاع المدني يحذر من السيول في الطائف"
    page = ["قناة المرفأ", "الرئيسية | محليات | رياضة", ticker, "الرئيسيةمحليات", HEADLINE, "منذ 3 ساعات", P1, P2, P3]
    record = host("\n".join(page))
    assert record.title == HEADLINE
    assert reasons(record)[ticker] == "related_articles"


def test_a_columnists_name_given_again_as_the_writers_is_never_the_title() -> None:
    headline = "الاهتمام الكبير بالأوقاف"
    head = ["صحيفة المرفأ", "الرئيسية » الرأي » أعمدة", "سالم أحمد نجار", "عمود: أضواء"]
    page = [*head, "صورة الكاتب سالم أحمد نجار", headline, "العدد 9607 - الأربعاء 05 أغسطس 2015", "A+ | A- | طباعة"]
    assert host("\n".join([*page, P1, P2, P3])).title == headline


def test_a_quote_card_repeating_a_paragraph_its_dateline_glued_to_is_cut() -> None:
    first = f"الطائف - خاص: {P1}"
    record = host("\n".join([HEADLINE, first, P2, f"«{P1}»", P3, P4]))
    assert record.body == [first, P2, P3, P4]


@pytest.mark.parametrize("name", ["علي موسى الحربي", "عبدالله عمر نجار"])
def test_the_writers_label_is_never_the_title(name: str) -> None:
    headline = "الأرض ومعوقات التنمية"
    head = ["يومية المرفأ", "الرئيسية | مقالات", name, "زاوية: شؤون تنموية", f"الكاتب {name}", headline]
    assert host("\n".join([*head, "نشر في: 2015/08/03 - 19:55", P1, P2, P3])).title == headline


def test_a_two_word_headline_over_the_writers_label_is_the_title() -> None:
    headline = "فشخرة منتّف!!"
    head = ["يومية المرفأ", "الرئيسية › آراء ومقالات", "سعد الحربي", "نبض المدرجات", headline, "الكاتب سعد الحربي"]
    record = host("\n".join([*head, "نُشر في: 3 أغسطس 2015", "طباعة | إرسال لصديق", P1, P2, P3]))
    assert record.title == headline
    assert reasons(record)["الكاتب سعد الحربي"] == "byline"


def test_the_caption_of_the_writers_photo_is_never_the_title() -> None:
    headline = "ولتستبين سبيل المجرمين!!"
    head = ["يومية المرفأ", "الرئيسية › آراء ومقالات", "سالم بن أحمد نجار", "زاوية مستقيمة", headline]
    page = [*head, "صورة الكاتب: سالم بن أحمد نجار", "الجمعة، 7 أغسطس 2015", P1, P2, P3]
    assert host("\n".join(page)).title == headline


def test_a_read_also_header_naming_its_section_opens_a_box_of_links() -> None:
    going_on = "بلى لم يتأخر افتتاح المستشفى عن موعده إلا أياماً قليلة بسبب تجهيز الأقسام الطبية الجديدة."
    page = [HEADLINE, P1, P2, "اقرأ أيضاً في كتاب وآراء:", "حين تصمت المنابر الدولية", going_on, P4]
    records = marsad.extract("\n".join(page), enrich=False)
    assert len(records) == 1
    assert records[0].body == [P1, P2, going_on, P4]


def test_a_second_name_of_the_outlet_after_its_masthead_is_never_the_title() -> None:
    page = [
        "شرفة المرفأ - بوابة الأردن الإخبارية",
        "الرئيسية | محليات | اقتصاد",
        "محليات",
        HEADLINE,
        "2015/08/09 | 14:22",
    ]
    footer = "جميع الحقوق محفوظة © شرفة المرفأ 2015"
    assert host("\n".join([*page, P1, P2, P3, footer])).title == HEADLINE


@pytest.mark.parametrize("name", ["عبدالله سالم نجار", "أ.د. جابر بن سالم نجار"])
def test_a_columnists_name_over_his_columns_label_is_never_the_title(name: str) -> None:
    headline = "حقوق الوالدين"
    head = ["جريدة المرفأ", "الرئيسية » آراء ومقالات", "صورة الكاتب", name, "عمود: بين سطرين", headline]
    assert host("\n".join([*head, "2015/07/25", "القراءات: 1,540", P1, P2, P3])).title == headline


def test_a_live_strip_over_the_pages_head_boxes_no_headline() -> None:
    strip = ["EN DIRECT - مباشر", "Amical : ESS 2 - 2 ASG (MT)", "Volley : EST 3 - 1 CSS (FT)"]
    head = ["Accueil » Foot International » Liga", "Foot International | كرة عالمية", "عمالقة أوروبا بنكهة أمريكية"]
    meta = ["Publié le : 23/07/2015 à 13:25", "Temps de lecture : 4 min"]
    sheet = ["Fiche technique | البطاقة الفنية", "Stade | الملعب : Yankee Stadium"]
    page = ["KouraTN | كورة تونسية", *strip, *head, *meta, *sheet, P1, P2, P3]
    assert host("\n".join(page)).title == "عمالقة أوروبا بنكهة أمريكية"


def test_a_maps_label_and_what_it_shows_are_a_caption() -> None:
    label, caption = "خريطة:", "موقع مدينة الطائف جنوب شرق مكة المكرمة"
    removed = cut_between_paragraphs(label, caption)
    assert removed[label] == "photo_caption"
    assert removed[caption] == "photo_caption"


def test_the_last_item_of_a_ticker_over_the_section_and_date_is_no_headline() -> None:
    ticker = ["عاجل", "انقطاع الكهرباء عن أحياء شرق المدينة لساعات", "ارتفاع حصيلة ضحايا السيول في الجنوب إلى خمسة"]
    page = ["وكالة المرفأ للأنباء", "الرئيسية | محليات | اقتصاد", *ticker, "محليات", "الجمعة 2015/07/31 - 05:18 م"]
    assert host("\n".join([*page, HEADLINE, P1, P2, P3])).title == HEADLINE


def test_an_urgent_storys_own_headline_under_the_label_is_still_the_title() -> None:
    page = ["وكالة المرفأ للأنباء", "عاجل", HEADLINE, "الجمعة 2015/07/31 - 05:18 م", P1, P2, P3]
    assert host("\n".join(page)).title == HEADLINE


def test_our_correspondents_line_over_the_headline_is_a_byline() -> None:
    byline = "مراسلنا في الطائف: سالم بن أحمد نجار"
    record = host("\n".join(["يومية المرفأ", "محليات", byline, HEADLINE, "مدة القراءة: 3 دقائق", P1, P2, P3]))
    assert record.title == HEADLINE
    assert reasons(record)[byline] == "byline"


def test_a_match_sheets_score_and_scorers_apart_by_bars_are_its_rows() -> None:
    sheet = ["ورقة المباراة", "الوحدة 2 - 1 الرائد (ودية)", "الأهداف: سالم نجار (18) | فهد الحربي (44) | ماجد علي (77)"]
    removed = cut_between_paragraphs(*sheet)
    assert {removed[line] for line in sheet} == {"data_box"}


def test_an_outlet_and_its_city_over_the_body_leave_the_headline_over_its_deck() -> None:
    kicker, deck = "أسعار شهر سبتمبر", "الزيادة جاءت عند الحد الأدنى للتوقعات.. والمصافي تشكو"
    meta = ["السبت 8 أغسطس 2015 - 12:35 ص", "طباعة | إرسال لصديق"]
    page = ["يومية المرفأ", "الرئيسية › اقتصاد", kicker, HEADLINE, deck, *meta, "«المرفأ» من الطائف", P1, P2, P3]
    record = host("\n".join(page))
    assert record.title == HEADLINE
    assert reasons(record)["«المرفأ» من الطائف"] == "byline"


def test_a_box_of_figures_in_units_of_several_words_is_cut_out() -> None:
    box = [
        "أرقام رئيسية",
        "إجمالي التصرفات: 345 مليون درهم",
        "عدد المبايعات: 91 مبايعة",
        "الطاقة الإنتاجية: 22 مليون جالون يومياً",
    ]
    removed = cut_between_paragraphs(*box)
    assert {removed[line] for line in box} == {"data_box"}


def test_the_last_price_of_a_market_strip_is_no_headline() -> None:
    strip = ["سوق دبي المالي 4,061.88 ▲ +0.41%", "بورصة قطر 11,790.64 ▼ -0.22%", "نفط برنت 49.59 دولار"]
    page = ["المرفأ بزنس", "الرئيسية | أسواق | عقارات | طاقة", *strip, "صحة", HEADLINE, "بقلم: سارة نجار", P1, P2, P3]
    assert host("\n".join(page)).title == HEADLINE


def test_an_instagram_posts_text_closed_by_its_likes_is_the_posts() -> None:
    post = [
        "عرض هذا المنشور على إنستغرام",
        "marfa_health",
        "افتتاح مستشفى الطائف الجديد.. ما رأيكم؟",
        "أعجب به 3,105 أشخاص",
    ]
    removed = cut_between_paragraphs(*post)
    assert set(post) <= set(removed)


def test_a_facebook_posts_text_between_its_age_and_its_counters_is_the_posts() -> None:
    post = [
        "منذ 45 دقيقة",
        "مستشفى جديد في الطائف.. شاركونا آراءكم",
        "إعجاب 620 · 41 تعليقاً · 18 مشاركة",
    ]
    removed = cut_between_paragraphs(*post)
    assert "مستشفى جديد في الطائف.. شاركونا آراءكم" in removed


def test_a_fact_box_of_approximate_figures_is_cut_out() -> None:
    box = ["أرقام وحقائق", "عدد الواصلين: نحو 370", "الجثث المنتشلة: 25", "الوفيات منذ بداية العام: أكثر من 2000"]
    removed = cut_between_paragraphs(*box)
    assert {removed[line] for line in box} == {"data_box"}


def test_a_video_block_with_its_french_length_is_cut_out() -> None:
    block = ["▶ Vidéo", "مدير المستشفى يتحدث عن الأقسام الجديدة", "Durée : 02:48"]
    removed = cut_between_paragraphs(*block)
    assert set(block) <= set(removed)


def test_a_facebook_pages_name_under_the_networks_label_is_the_posts() -> None:
    post = [
        "Facebook",
        "أهالي الطائف اليوم",
        "منذ يوم واحد",
        "نداء: المستشفى الجديد يحتاج متطوعين لقسم الطوارئ",
        "أعجبني 874 · 129 تعليقاً · 402 مشاركة",
    ]
    removed = cut_between_paragraphs(*post)
    assert set(post[1:]) <= set(removed)


@pytest.mark.parametrize("credit", ["Ph. AFP", "Ph. Archives / DR", "Ph. Youssef Amrani / Médina Info"])
def test_a_french_photo_credit_alone_is_a_caption(credit: str) -> None:
    removed = cut_between_paragraphs(credit)
    assert removed[credit] == "photo_caption"


@pytest.mark.parametrize("tagline", ["يومية سياسية مستقلة", "صحيفة يومية سياسية شاملة", "أسبوعية ثقافية جامعة"])
def test_a_papers_tagline_is_its_masthead(tagline: str) -> None:
    # beside the paper's name (`المرفأ | يومية سياسية مستقلة`) it is no headline with the name glued
    found = chrome_rules().match(tagline)
    assert found is not None and found.reason == "template"
