"""Chrome phrases as Arabic sites write them, and prose that must not be mistaken for chrome."""

from __future__ import annotations

import pytest

from marsad.segment.lines import Kind, describe
from marsad.segment.rules import ChromeRules, chrome_rules, parse_rules


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("مقالات ذات صلة", "related_articles"),
        ("أخبار ذات صلة:", "related_articles"),
        ("الأكثر قراءة", "related_articles"),
        ("الأكثر تصفحاً", "related_articles"),
        ("اترك تعليقاً", "comment_form"),
        ("اترك تعليقا", "comment_form"),
        ("أضف تعليقاً", "comment_form"),
        ("لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *", "comment_form"),
        ("زر الذهاب إلى الأعلى", "back_to_top"),
        ("العودة إلى الأعلى", "back_to_top"),
        ("أنت تستخدم إضافة Adblock", "adblock"),
        ("يرجى تعطيل مانع الإعلانات لمتابعة القراءة", "adblock"),
        ("شارك", "share_widget"),
        ("Partager", "share_widget"),
        ("فيسبوك تويتر واتساب", "share_widget"),
        ("تابعونا على", "follow_widget"),
        ("نسخة للطباعة", "print"),
        ("// انتهى //", "sign_off"),
        ("انتهى", "sign_off"),
        ("للاشتراك في خدمة الأخبار العاجلة أرسل كلمة خبر إلى الرقم 88555", "sms_promo"),
        ("...المزيد", "read_more"),
        ("جميع الحقوق محفوظة © 2024 صحيفة المدينة", "copyright"),
        ("© 2013 Cable News Network. All Rights Reserved.", "copyright"),
        ("الرئيسية", "navigation"),
        ("Accueil", "navigation"),
        ("الرئيسية » أخبار » الشرق الأوسط", "navigation"),
        ("استمارة البحث", "search_form"),
        ("تسجيل الدخول", "login"),
        ("غائم جزئيا", "weather"),
        ("14 °", "weather"),
        ("طرابلس 24° مشمس", "weather"),
        ("الطقس في عمّان 18° غائم جزئيا", "weather"),
        ("شارك هذا الموضوع:", "share_widget"),
        ("21:15 ت م", "date_line"),
        ("الرياض 19 ربيع الأول 1446 هـ الموافق 22 سبتمبر 2024 م واس", "date_line"),
        ("88591 - Stc 635031 - Mobily", "sms_promo"),
        ("سجل الدخول لمتابعة أخبارك المفضلة", "login"),
        ("تابعونا على تويتر وإنستغرام", "follow_widget"),
        ("Culture", "navigation"),
        ("الكلمات المفتاحية: العراق، واشنطن، الانسحاب", "tags"),
        ("صورة أرشيفية", "photo_caption"),
        ("(الصورة: وكالة الأنباء السعودية)", "photo_caption"),
        ("بقلم: سالم الحربي", "byline"),
        ("كتب - محمد العلي", "byline"),
        ("الجمعة 8 فيفري 2019", "date_line"),
        ("2026-01-08 | 12:42", "date_line"),
        ("آخر تحديث: 14:00", "date_line"),
    ],
)
def test_chrome_lines_are_recognised(line: str, reason: str) -> None:
    match = chrome_rules().match(line)
    assert match is not None, line
    assert match.reason == reason


@pytest.mark.parametrize(
    "line",
    [
        "وقال البيان إن الولايات المتحدة عازمة على مواصلة دعمها للقوات الأمنية العراقية.",
        "وأرسل الوزير رسالة إلى نظيره يطلب فيها الاشتراك في المؤتمر الإقليمي المقبل في الرياض.",
        "ودعا المتحدث المواطنين إلى عدم تداول الشائعات عبر فيسبوك وتويتر، والتحقق من المصادر الرسمية قبل النشر.",
        "وأكد أن جميع الحقوق المالية للموظفين ستصرف قبل نهاية الشهر الجاري.",
        "نهاية العام الجاري.. انسحاب القوات الأمريكية المقاتلة من العراق",
        "قال الرئيس الأمريكي جو بايدن، إن قوات بلده لن تقوم بمهام قتالية في العراق بعد الآن.",
        "حصلت شركة موبايلي على شهادة الأيزو 20000 المعتمدة من هيئة المقاييس الدولية على تقديمها أعلى المعايير في خدمات الاتصالات.",
        "وخصصت اللجنة أيضا قسما للاشتراك في خدمة الرسائل للمساعدة والاستفسارات عبر التطبيق الجديد الذي أطلقته الوزارة مؤخرا للمواطنين والمقيمين في جميع مناطق المملكة دون استثناء.",
    ],
)
def test_prose_is_not_chrome(line: str) -> None:
    assert chrome_rules().match(line) is None


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("اتفق العراق والولايات المتحدة على انسحاب جميع القوات الأمريكية المقاتلة من العراق.", Kind.PROSE),
        ("نهاية العام الجاري.. انسحاب القوات الأمريكية المقاتلة من العراق", Kind.HEADLINE),
        ("مقالات ذات صلة", Kind.CHROME),
        ("LBCI", Kind.FOREIGN),
        ("السابق", Kind.CHROME),
        ("بيروت", Kind.FRAGMENT),
    ],
)
def test_line_kinds(line: str, kind: Kind) -> None:
    described = describe(0, line)
    assert described is not None
    assert described.kind is kind


def test_bad_rule_file_names_the_rule() -> None:
    with pytest.raises(ValueError, match="rule 2"):
        parse_rules(["adblock\tcontains\tadblock", "broken line"])
    with pytest.raises(ValueError, match="unknown kind"):
        parse_rules(["adblock\tsomewhere\tadblock"])


def test_custom_rules_match() -> None:
    rules = ChromeRules(parse_rules(["sms_promo\tcontains\tأرسل كلمة عاجل"]))
    match = rules.match("للأخبار العاجلة أرسل كلمة عاجل إلى 1234")
    assert match is not None and match.reason == "sms_promo"


@pytest.mark.parametrize(
    ("paragraph", "kept", "reason"),
    [
        (
            "وأوضح المتحدث أن الجامعة ستعيد دراسة الطلبات المقدمة خلال الأسبوع المقبل. سمات الجامعة القبول الطب",
            "وأوضح المتحدث أن الجامعة ستعيد دراسة الطلبات المقدمة خلال الأسبوع المقبل.",
            "tags",
        ),
        (
            "وأكد أن الحملة مستمرة حتى نهاية الشهر رابط الخبر بصحيفة الوئام: الحملة مستمرة حتى نهاية الشهر",
            "وأكد أن الحملة مستمرة حتى نهاية الشهر",
            "read_more",
        ),
    ],
)
def test_glued_tails_are_cut(paragraph: str, kept: str, reason: str) -> None:
    result, match, cut = chrome_rules().cut_tail(paragraph)
    assert result == kept
    assert match is not None and match.reason == reason
    assert cut and paragraph.endswith(cut)


@pytest.mark.parametrize(
    "paragraph",
    [
        "وتحدث الباحث عن سمات الشخصية القيادية في المؤسسات الحكومية وأثرها على الأداء.",
        "ومن أبرز سمات المرحلة المقبلة التركيز على التعليم والصحة",
    ],
)
def test_prose_with_the_same_words_keeps_its_tail(paragraph: str) -> None:
    assert chrome_rules().cut_tail(paragraph) == (paragraph, None, "")
