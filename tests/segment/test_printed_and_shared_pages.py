"""Pages as readers keep them rather than as sites serve them (issue #16, dev layouts 48): a page
printed to PDF with its links written out, a story forwarded to a chat group and the chat exported,
a feed's markup saved as text, a deck that repeats the lede under a label, a share button's text.
Every page here is our own text."""

from __future__ import annotations

import pytest

import marsad
from marsad.segment.chat_export import unwrap_chat_export
from marsad.segment.feed_markup import unwrap_feed_markup
from marsad.segment.lines import Kind, describe_lines
from marsad.segment.printed_links import mark_printed_links

P1 = "وأعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في مدينة الطائف بطاقة ثلاثمئة سرير، في إطار خطتها لتوسيع الخدمات الصحية في المحافظات."
P2 = "وقال المتحدث باسم الوزارة إن المستشفى سيخدم أكثر من نصف مليون نسمة في المحافظة والقرى المجاورة لها، وإن التشغيل يبدأ الشهر المقبل."
P3 = "وأشار المتحدث إلى أن المستشفى الجديد يضم وحدة للعناية المركزة وقسماً للطوارئ يعمل على مدار الساعة بكوادر وطنية مؤهلة ومدربة."
P4 = "وختم بالقول إن الوزارة ستعلن مواعيد استقبال المراجعين خلال الأيام المقبلة عبر حساباتها الرسمية في وسائل التواصل الاجتماعي."
HEADLINE = "افتتاح مستشفى جديد في الطائف بطاقة ثلاثمئة سرير"
ADDRESS = "https://taif-today.example/news/2015/08/11/4821/"


def records(page: str) -> list[marsad.Record]:
    return marsad.extract(page, enrich=False)


def reasons(record: marsad.Record) -> dict[str, str]:
    return {removed.text: removed.reason for removed in record.boilerplate}


def test_a_page_printed_with_its_links_is_one_article_without_its_addresses() -> None:
    sheet_head = ["١١‏/٨‏/٢٠١٥ ٢:٠٤ م", f"{HEADLINE} - الطائف اليوم"]
    page = [
        *sheet_head,
        "الطائف اليوم (https://taif-today.example/)",
        "الرئيسية (https://taif-today.example/)",
        "محليات (https://taif-today.example/c/local)",
        HEADLINE,
        P1,
        P2,
        ADDRESS,
        "١/٢",
        *sheet_head,
        "اقرأ أيضاً: وزير الصحة يتفقد مستشفيات جدة (https://taif-today.example/news/2015/08/10/4790/)",
        P3,
        P4,
        "الوسوم: الصحة (https://taif-today.example/tag/health) الطائف (https://taif-today.example/tag/taif)",
        "أخبار ذات صلة",
        "افتتاح مركز صحي في ميسان (https://taif-today.example/news/2015/08/09/4760/)",
        ADDRESS,
        "٢/٢",
    ]
    found = records("\n".join(page))
    assert len(found) == 1  # the read-also link opens no second story
    assert found[0].title == HEADLINE
    assert found[0].body == [P1, P2, P3, P4]
    removed = reasons(found[0])
    assert removed[ADDRESS] == "navigation"
    assert removed["افتتاح مركز صحي في ميسان (https://taif-today.example/news/2015/08/09/4760/)"] == "related_articles"


def test_an_address_the_article_gives_stays_in_it() -> None:
    pointed = "ويمكن للمراجعين حجز مواعيدهم عبر الرابط (https://taif-today.example/booking)."
    alone = "www.taif-health.example"
    record = records("\n".join([HEADLINE, P1, P2, pointed, alone, P3, P4]))[0]
    assert record.body == [P1, P2, pointed, alone, P3, P4]


CHAT = [
    '03/08/2015, 20:02 - ‎+966 55 123 4567 created group "أخبار الطائف"',
    "03/08/2015, 20:06 - أبو فهد (المشرف): حياكم الله يا جماعة",
    "03/08/2015, 20:11 - أبو سعد: الله يحييك",
    "03/08/2015, 21:26 - أبو فهد (المشرف): <Media omitted>",
    f"03/08/2015, 21:26 - أبو فهد (المشرف): 🔴 متابعة | {HEADLINE}",
    P1,
    P2,
    P3,
    P4,
    "03/08/2015, 21:29 - أبو سعد: يعني يفتح قبل المدارس؟",
    "03/08/2015, 21:31 - أبو فهد (المشرف): إن شاء الله الشهر الجاي",
    "03/08/2015, 21:34 - ‎+966 50 765 4321: This message was deleted",
]


def _ios(line: str) -> str:
    """The same chat as an iPhone exports it: ``[03/08/2015, 21:26:00] name: message``."""
    stamp, dash, rest = line.partition(" - ")
    return f"[{stamp}:00] {rest}" if dash and stamp[:2].isdigit() else line


@pytest.mark.parametrize("chat", [CHAT, [_ios(line) for line in CHAT]], ids=["android", "ios"])
def test_a_story_forwarded_to_a_chat_group_is_the_groups_longest_message(chat: list[str]) -> None:
    record = records("\n".join(chat))[0]
    assert record.title == HEADLINE  # the message's prefix, pictograph and label are no part of it
    assert record.body == [P1, P2, P3, P4]
    assert reasons(record)[chat[9]] == "comments"  # a member's reply


def test_a_page_that_quotes_a_few_chat_lines_is_no_chat_export() -> None:
    page = [HEADLINE, P1, "03/08/2015, 21:29 - أبو سعد: يعني يفتح قبل المدارس؟", P2, P3, P4]
    lines = describe_lines("\n".join(page))
    assert unwrap_chat_export(lines) is lines


FEED = [
    "This XML file does not appear to have any style information associated with it. The document tree is shown below.",
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
    "<channel>",
    "<title>الطائف اليوم - محليات</title>",
    "<link>https://taif-today.example/local/</link>",
    "<item>",
    "<title>افتتاح مركز صحي جديد في حي الحوية بالطائف</title>",
    "<link>https://taif-today.example/news/2015/08/10/4790/</link>",
    "<description><![CDATA[ افتتح مدير الشؤون الصحية مركزاً صحياً جديداً في حي الحوية [&#8230;] ]]></description>",
    "</item>",
    "<item>",
    f"<title>{HEADLINE}</title>",
    "<link>https://taif-today.example/news/2015/08/11/4821/</link>",
    "<pubDate>Tue, 11 Aug 2015 08:50:09 +0300</pubDate>",
    "<category><![CDATA[ محليات ]]></category>",
    "<description>",
    "<![CDATA[ وأعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في مدينة الطائف [&#8230;] ]]>",
    "</description>",
    "<content:encoded>",
    "<![CDATA[",
    P1,
    P2,
    P3,
    P4,
    "]]>",
    "</content:encoded>",
    "</item>",
    "</channel>",
    "</rss>",
]


def test_a_feeds_markup_saved_as_text_gives_the_item_with_its_article() -> None:
    record = records("\n".join(FEED))[0]
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3, P4]


def test_a_feeds_furniture_and_teasers_are_chrome() -> None:
    lines = unwrap_feed_markup(describe_lines("\n".join(FEED)))
    by_text = {line.text: line for line in lines}
    assert by_text[HEADLINE].kind is not Kind.CHROME  # the tags are gone from the headline
    assert by_text["https://taif-today.example/news/2015/08/11/4821/"].kind is Kind.CHROME
    teaser = "وأعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في مدينة الطائف […]"
    assert by_text[teaser].chrome is not None and by_text[teaser].chrome.reason == "related_articles"


def test_a_page_that_shows_a_tag_or_two_is_no_feed() -> None:
    lines = describe_lines("\n".join([HEADLINE, "<b>عاجل</b>", P1, P2, P3, P4]))
    assert unwrap_feed_markup(lines) is lines


def test_a_deck_that_repeats_the_lede_under_a_label_is_no_body() -> None:
    deck = "باختصار: " + P1
    record = records("\n".join(["محليات", HEADLINE, deck, "كتب: محرر الطائف اليوم", P1, P2, P3, P4]))[0]
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3, P4]
    assert reasons(record)[deck] == "summary"


def test_a_labelled_paragraph_that_repeats_nothing_stays() -> None:
    labelled = "الخلاصة: إن المستشفى الجديد خطوة أولى في خطة أوسع تشمل المحافظات الأخرى خلال العامين المقبلين."
    record = records("\n".join([HEADLINE, P1, P2, P3, labelled, P4]))[0]
    assert record.body == [P1, P2, P3, labelled, P4]


def test_a_share_buttons_text_and_a_reading_time_with_its_adjective_are_never_the_title() -> None:
    share = f"شارك على X: «{HEADLINE}» via @TaifToday"
    page = ["محليات", HEADLINE, "مدة القراءة التقديرية: 3 دقائق", share, P1, P2, P3, P4]
    record = records("\n".join(page))[0]
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3, P4]
    assert reasons(record)[share] == "share_widget"
    assert reasons(record)["مدة القراءة التقديرية: 3 دقائق"] == "date_line"


def test_a_first_line_the_article_repeats_is_no_sheet_header_on_a_page_never_printed() -> None:
    again = "خبراء سويسريون يأخذون عينات من المستشفى"
    lines = describe_lines("\n".join([again, HEADLINE, P1, P2, again, P3, P4]))
    mark_printed_links(lines)
    assert lines[4].chrome is None
    printed = describe_lines("\n".join([again, HEADLINE, P1, ADDRESS, again, P2, P3, ADDRESS]))
    mark_printed_links(printed)
    assert printed[4].chrome is not None and printed[4].boxed


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("النسخة الورقية - العدد 7381 - الصفحة 10", "date_line"),
        ("العدد 512 | الصفحة 3", "date_line"),
        ("المادة 2 من 6 في جولة اليوم", "navigation"),
        ("  * [24]افتتاح مركز صحي جديد في حي الحوية", "navigation"),
        ("[23][IMG] مدير المستشفى يتفقد قسم الطوارئ صباح أمس", "photo_caption"),
        ("[صورة مرفقة: واجهة المستشفى الجديد في الطائف]", "photo_caption"),
        ("التوقيع: (رب اشرح لي صدري ويسر لي أمري)", "comments"),
        ("اقتباس من أبو فهد:", "comments"),
        (f"📤 انسخ وشارك: {HEADLINE} - الطائف اليوم taif-today.example/n/4821", "share_widget"),
        ("ممكن يعجبك: افتتاح مركز صحي جديد في حي الحوية", "related_articles"),
        ("شاهد بالصور: جولة في أقسام المستشفى الجديد", "related_articles"),
        ("رمز الخبر: TAF-HLT-0811-0412", "sign_off"),
        ("عدد الكلمات: 412 | زمن القراءة المقدّر: دقيقتان", "date_line"),
        ("افتتاح مركز صحي جديد في حي الحوية بالطائف (02/08/2015)", "related_articles"),
        ("(تكملة ثانية)", "sign_off"),
        ("تم نسخ الرابط!", "share_widget"),
    ],
)
def test_a_print_stamp_a_pager_a_text_browsers_links_and_a_forums_fields_are_chrome(line: str, reason: str) -> None:
    record = records("\n".join(["محليات", HEADLINE, P1, P2, line, P3, P4]))[0]
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3, P4]
    assert reasons(record)[line.strip()] == reason


def test_a_print_stamp_over_the_headline_is_never_the_title() -> None:
    page = ["الرئيسية ← محليات", "النسخة الورقية - العدد 7376 - الصفحة 11", "محليات", HEADLINE, P1, P2, P3, P4]
    assert records("\n".join(page))[0].title == HEADLINE


def test_a_records_title_field_gives_the_title_without_its_label() -> None:
    page = ["Source : الطائف اليوم", f"Titre : {HEADLINE}", "Parution : 11/08/2015", P1, P2, P3, P4]
    assert records("\n".join(page))[0].title == HEADLINE


def test_a_headline_over_twenty_lines_of_meta_labels_and_values_is_still_found() -> None:
    meta = ["بقلم", "الطائف - واس", "نُشر في", "11 أغسطس 2015", "09:05 ص", "آخر تحديث", "11 أغسطس 2015", "01:40 م"]
    meta += ["المشاهدات", "4,932", "وقت القراءة", "4 دقائق", "تصغير الخط", "تكبير الخط", "طباعة", "شارك"]
    meta += ["نسخ الرابط", "تم نسخ الرابط!"]
    record = records("\n".join(["الرئيسية", "محليات", HEADLINE, *meta, P1, P2, P3, P4]))[0]
    assert record.title == HEADLINE
    assert record.body == [P1, P2, P3, P4]


def test_a_summary_box_named_in_two_languages_is_no_body() -> None:
    page = ["Santé | صحة", HEADLINE, "En bref | باختصار", "• مستشفى جديد بثلاثمئة سرير في الطائف.", P1, P2, P3, P4]
    assert records("\n".join(page))[0].body == [P1, P2, P3, P4]


def test_a_long_headline_the_browser_prints_with_its_time_over_each_sheet_is_chrome() -> None:
    long_headline = f"{HEADLINE} وعشرين عيادة تخصصية لخدمة المحافظة"
    stamp = f"2015/8/2 10:17 ص\t{long_headline} - بوابة الطائف الإخبارية"
    head = ["بوابة الطائف الإخبارية", "الرئيسية محليات عربي دولي اقتصاد رياضة منوعات مقالات", "السبت، 1 أغسطس 2015"]
    meta = ["أخبار محلية", long_headline, "نشر في: 2015-08-01 | 16:02", "مشاهدات: 742"]
    page = [stamp, *head, *meta, P1, ADDRESS, "صفحة 1 من 2", stamp, P2, P3, ADDRESS, "صفحة 2 من 2"]
    record = records("\n".join(page))[0]
    assert record.title == long_headline
    assert record.body == [P1, P2, P3]


def test_a_caption_ending_with_its_photos_credit_is_a_caption() -> None:
    captions = [
        "غرفة الطوارئ في المستشفى الجديد. الصورة: Shutterstock",
        "1 / 4 فريق التمريض خلال التدريب. الصورة: Getty Images",
    ]
    page = [HEADLINE, P1, captions[0], P2, captions[1], P3]
    record = records("\n".join(page))[0]
    assert record.body == [P1, P2, P3]
    assert {reasons(record)[caption] for caption in captions} == {"photo_caption"}
