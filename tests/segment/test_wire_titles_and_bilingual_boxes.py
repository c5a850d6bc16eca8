"""A wire's desk before its headline, a button row under it, a two-word headline signed on its date
line, French meta lines, French read-also boxes and captions, a box of parallel links (issue #16).
Every page here is our own text."""

from __future__ import annotations

import pytest

import marsad
from marsad.segment.breadcrumb import category_from_line, is_wire_headline
from marsad.segment.templates import is_dateline

P1 = "أعلنت هيئة الطيران المدني اليوم تشغيل صالة جديدة في مطار المدينة بطاقة استيعابية تبلغ خمسة ملايين مسافر في العام."
P2 = "وقال المتحدث باسم الهيئة إن الصالة الجديدة تضم ثلاثين بوابة للرحلات الداخلية والدولية، وإن تشغيلها يبدأ مطلع الشهر المقبل."
P3 = "وأضاف أن المشروع يأتي ضمن خطة لتوسعة المطارات في المناطق، وأن العمل جار على صالتين أخريين في الشمال والجنوب."
P4 = "وختم بالقول إن الهيئة ستعلن جداول الرحلات الجديدة عبر موقعها الإلكتروني وحساباتها الرسمية خلال الأيام المقبلة."


def host(page: str) -> marsad.Record:
    return marsad.extract(page, enrich=False)[0]


def reasons(record: marsad.Record) -> dict[str, str]:
    return {removed.text: removed.reason for removed in record.boilerplate}


@pytest.mark.parametrize(
    "headline",
    ["عام / اهتمامات الصحف الأردنية", "اقتصادي / البورصة الكويتية تغلق على تباين", "ثقافي / معرض تشكيلي بجازان"],
)
def test_a_wires_desk_before_its_headline_is_neither_trail_nor_dateline(headline: str) -> None:
    assert is_wire_headline(headline)
    assert category_from_line(headline) is None
    assert not is_dateline(headline)


@pytest.mark.parametrize("line", ["محليات / الرياض", "الرئيسية / أخبار / عام", "الرياض / واس", "عام / الأخبار"])
def test_trails_and_datelines_are_no_wire_headlines(line: str) -> None:
    assert not is_wire_headline(line)


def test_a_wire_page_keeps_its_desk_headline_and_takes_its_category_from_the_trail() -> None:
    page = "\n".join(
        [
            "الرئيسية > الأخبار > عام",
            "عام / اهتمامات الصحف الأردنية",
            "رقم الخبر: 1234567",
            "طباعة الخبر | إرسال لصديق | حفظ | RSS",
            P1,
            P2,
            P3,
        ]
    )
    record = host(page)
    assert record.title == "عام / اهتمامات الصحف الأردنية"
    assert record.category == "عام"
    assert record.body == [P1, P2, P3]


def test_a_row_of_buttons_is_no_trail() -> None:
    assert category_from_line("طباعة الخبر | إرسال لصديق | حفظ | RSS") is None
    assert category_from_line("الرئيسية | اقتصاد") == "اقتصاد"


def test_a_two_word_headline_signed_on_its_date_line_under_french_meta_lines() -> None:
    page = "\n".join(
        [
            "Accueil | Actualités | السياسة | اقتصاد | الرياضة | Contact",
            "Football | كرة القدم",
            "أزمة الحراس",
            "سعيد الوافينشر في الصباح يوم 14 - 03 - 2013",
            "Il y a 3 heures",
            "Vues : 1 208",
            P1,
            P2,
            P3,
        ]
    )
    record = host(page)
    assert record.title == "أزمة الحراس"
    assert record.body == [P1, P2, P3]
    removed = reasons(record)
    assert removed["Il y a 3 heures"] == "date_line"
    assert removed["Vues : 1 208"] == "share_widget"


def cut_between_paragraphs(*box: str) -> dict[str, str]:
    """The removed lines' reasons, once the `box` lines between two paragraphs left the article whole."""
    record = host("\n".join(["الرئيسية | محليات", "تشغيل صالة جديدة في مطار المدينة", P1, P2, *box, P3, P4]))
    assert record.body == [P1, P2, P3, P4]
    return reasons(record)


@pytest.mark.parametrize("marker", ["A lire également | اقرأ أيضا", "À lire également :", "Voir également | شاهد أيضا"])
def test_a_french_read_also_box_is_cut_out(marker: str) -> None:
    cut_between_paragraphs(marker, "الهيئة تطرح مناقصة لتوسعة مطار الشمال", "Le trafic aérien en hausse de 8 % cet été")


def test_a_caption_in_the_sites_other_language_with_its_credit_is_cut_out() -> None:
    caption = "Vue d'artiste du nouveau terminal de l'aéroport (NASA)"
    assert cut_between_paragraphs(caption)[caption] == "photo_caption"


def test_the_last_of_parallel_links_is_no_sub_heading() -> None:
    # three words would pass for a sub-heading over the next paragraph; they open as the link above does
    removed = cut_between_paragraphs("مواضيع ذات صلة:", "اهتمامات الصحف الأردنية", "اهتمامات الصحف الكويتية")
    assert removed["اهتمامات الصحف الكويتية"] == "related_articles"


def headed(*head: str) -> marsad.Record:
    """The record of a page whose head is `head` (a trail, a section, a headline, its meta lines) over three
    paragraphs, which must stay its body."""
    record = host("\n".join([*head, P1, P2, P3]))
    assert record.body == [P1, P2, P3]
    return record


def test_a_headline_giving_someones_words_over_its_byline_and_date_is_the_title() -> None:
    # ``X: a few words`` reads as a dateline (``لندن: «الشرق الأوسط»``), but a dateline opens the body under the
    # meta lines and names a place before its colon
    record = headed(
        "الرئيسية > الأندية > الوحدة",
        "أخبار الأندية",
        "المطيري: الفريق جاهز للموسم",
        "سعد العتيبي - الطائف",
        "الاثنين 3 أغسطس 2015 - 09:25 مساءً",
        "مشاهدات: 1,947 | وقت القراءة: 3 دقائق",
    )
    assert record.title == "المطيري: الفريق جاهز للموسم"


def test_an_interviewers_byline_with_a_colon_is_no_headline() -> None:
    headline = "تشغيل صالة جديدة في مطار المدينة بطاقة خمسة ملايين مسافر"
    record = headed(
        "الرئيسية > رياضة",
        "حوارات",
        headline,
        "حاوره: أحمد سمير",
        "الإثنين، 09 يوليو 2012 - 02:45 م",
        "عدد القراءات: 5,310",
    )
    assert record.title == headline


@pytest.mark.parametrize("line", ["دمشق - خاص «المشرق اليوم»", 'صنعاء - خاص ب"الرياض"'])
def test_a_place_and_a_special_report_for_a_paper_is_a_dateline(line: str) -> None:
    assert is_dateline(line)


def test_a_headline_over_its_dateline_for_a_paper_is_the_title() -> None:
    page = "\n".join(
        ["الرئيسية » ثقافة » مقالات", "أفكار", "ثقافة الغلبة والإقصاء!", "دمشق - خاص «المشرق اليوم»", P1, P2]
    )
    assert host(page).title == "ثقافة الغلبة والإقصاء!"


def test_prayer_times_in_the_article_are_cut_out() -> None:
    removed = cut_between_paragraphs("إمساكية رمضان 1433 هـ - صنعاء", "الفجر 4:08 | المغرب 6:41")
    assert removed["الفجر 4:08 | المغرب 6:41"] == "weather"


def test_a_two_word_headline_over_a_papers_slashed_byline_is_the_title() -> None:
    record = headed(
        "الرئيسية > رياضة > الدوري اليمني",
        "رياضة محلية",
        "يوم الحسم",
        "الثورة /محمد النظاري -",
        "الأحد 15 يوليو 2012 - 11:20 ص",
        "منذ 12 يوماً",
        "مشاهدات: 3,402",
    )
    assert record.title == "يوم الحسم"
    assert reasons(record)["منذ 12 يوماً"] == "date_line"


@pytest.mark.parametrize("overline", ["بقيمة 4.5 تريليونات دولار", "اليوم بمشاركة أكثر من 160 بحارا وبحارة"])
def test_an_overline_that_sets_the_circumstance_is_no_headline(overline: str) -> None:
    headline = "الهيئة تشغل صالة جديدة في مطار المدينة وتستعد لموسم الحج"
    page = "\n".join(["الرئيسية › محليات › طيران", "محليات", overline, headline, "الرياض - خاص", P1, P2, P3])
    assert host(page).title == headline
