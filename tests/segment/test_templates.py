"""Per-source templates: recurring chrome goes, recurring datelines and prose stay."""

from __future__ import annotations

import marsad
from marsad.extraction import ExtractOptions, extract_prepared, prepare_page
from marsad.records import Page
from marsad.segment.templates import TemplateLearner, is_dateline

STORIES = [
    [
        "افتتح أمير المنطقة مساء أمس مهرجان التمور السنوي بمشاركة أكثر من مئتي مزارع من مختلف المحافظات.",
        "وأوضح مدير المهرجان أن الدورة الحالية تشهد توسعة في ساحات العرض وتنظيما جديدا لحركة الزوار.",
        "وتتواصل فعاليات المهرجان حتى نهاية الشهر الجاري، مع برامج مخصصة للأسر والأطفال في المساء.",
    ],
    [
        "أعلنت وزارة التعليم عن بدء التسجيل في برنامج الابتعاث الجديد لطلاب الدراسات العليا هذا الأسبوع.",
        "وقال المتحدث باسم الوزارة إن البرنامج يغطي تخصصات الطب والهندسة وعلوم الحاسب في جامعات عالمية.",
        "ودعت الوزارة الراغبين إلى استكمال ملفاتهم عبر البوابة الإلكترونية قبل الموعد النهائي المحدد.",
    ],
    [
        "سجلت أسعار الخضار في الأسواق المركزية تراجعا ملحوظا مع زيادة المعروض من الإنتاج المحلي.",
        "وأرجع تجار في السوق هذا الانخفاض إلى دخول محاصيل المزارع الجنوبية إلى الأسواق في وقت مبكر.",
        "ويتوقع مختصون أن تستقر الأسعار خلال الأسابيع المقبلة قبل ارتفاعها مجددا مع بداية الشتاء.",
    ],
    [
        "دشن الدفاع المدني حملة توعوية للحد من حوادث الحرائق المنزلية في فصل الصيف في عدد من المدن.",
        "وبين قائد الحملة أن الفرق الميدانية ستزور المدارس والمراكز التجارية لتوزيع النشرات الإرشادية.",
        "وشدد على أهمية تركيب أجهزة الإنذار وطفايات الحريق في المنازل والتأكد من صلاحيتها بشكل دوري.",
    ],
]
# A recurring promotion no chrome rule knows by its words: only the template learner removes it.
CHROME = "زوروا معرض الواحة الدائم للكتاب في مقر الصحيفة بالرياض"
DATELINE = "الرياض - واس"


def page_text(number: int) -> str:
    lines = ["شعار الواحة", f"عنوان الخبر رقم {number} في صحيفة الواحة اليومية", DATELINE, *STORIES[number], CHROME]
    return "\n\n".join(lines)


def test_dateline_guard() -> None:
    assert is_dateline("الرياض - واس")
    assert is_dateline("القاهرة (رويترز)")
    assert not is_dateline("635031 - Mobily")
    assert not is_dateline("اتفق العراق والولايات المتحدة على انسحاب جميع القوات.")


def test_learner_finds_recurring_chrome_but_keeps_datelines() -> None:
    learner = TemplateLearner(min_pages=3)
    for number in range(4):
        learner.observe("alwaha", page_text(number))
    learned = learner.templates()["alwaha"]
    keys = {key for key in learned}
    from marsad.segment.rules import line_key

    assert line_key(CHROME) in keys
    assert line_key("شعار الواحة") in keys
    assert line_key(DATELINE) not in keys
    assert all(line_key(paragraph) not in keys for story in STORIES for paragraph in story)


def test_learner_needs_enough_pages() -> None:
    learner = TemplateLearner(min_pages=3)
    for number in range(2):
        learner.observe("alwaha", page_text(number))
    assert learner.templates() == {}


def test_templates_remove_chrome_with_reason() -> None:
    pages = [Page(origin=f"p{n}.txt", text=page_text(n), source="alwaha") for n in range(4)]
    learner = TemplateLearner(min_pages=3)
    prepared = [prepare_page(page) for page in pages]
    for item in prepared:
        learner.observe(item.template_group, item.text)
    options = ExtractOptions(enrich=False, templates=dict(learner.templates()))
    [record] = extract_prepared(prepared[1], options)
    assert CHROME not in record.body
    assert {"text": CHROME, "reason": "template"} in [item.to_dict() for item in record.boilerplate]
    assert record.body[-1] == STORIES[1][-1]
    # Without templates the promotion is a short headline-like line after the body:
    [plain] = marsad.extract(page_text(1), enrich=False)
    assert CHROME not in plain.body


def test_a_story_republished_on_the_same_site_is_not_taken_for_its_template() -> None:
    learner = TemplateLearner(min_pages=3)
    for number in range(4):
        learner.observe("alwaha", page_text(number))
    # The first story again, three times: an update, a copy with one more sentence, a plain repeat.
    updated = page_text(0).replace("مساء أمس", "مساء يوم أمس")
    longer = page_text(0) + "\n\nوكانت الدورة الماضية قد استقبلت أكثر من مئة ألف زائر خلال أسبوعين."
    for text in (updated, longer, page_text(0)):
        learner.observe("alwaha", text)
    from marsad.segment.rules import line_key

    learned = learner.templates()["alwaha"]
    assert line_key(CHROME) in learned
    assert line_key("عنوان الخبر رقم 0 في صحيفة الواحة اليومية") not in learned
    assert all(line_key(paragraph) not in learned for paragraph in STORIES[0])
    assert (learner.pages["alwaha"], learner.copies["alwaha"]) == (4, 3)
