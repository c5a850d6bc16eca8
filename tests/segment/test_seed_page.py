"""The page marsad exists for: two records, every chrome line removed with its reason."""

from __future__ import annotations

import marsad

CHROME = {
    "مقالات ذات صلة": "related_articles",
    "اترك تعليقاً": "comment_form",
    "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *": "comment_form",
    "زر الذهاب إلى الأعلى": "back_to_top",
    "أنت تستخدم إضافة Adblock": "adblock",
}


def test_seed_gives_host_and_embedded_story(seed_text: str) -> None:
    host, story = marsad.extract(seed_text, published="2021-07-27", enrich=False)
    assert host.category == "الشرق الأوسط"
    assert host.title == "نهاية العام الجاري.. انسحاب القوات الأمريكية المقاتلة من العراق"
    assert host.body[0].startswith("اتفق العراق والولايات المتحدة")
    assert host.body[-1].startswith("وقال مكتب الكاظمي في بيان")
    assert len(host.body) == 10
    assert host.parent is None
    assert story.title == "بايدن: قواتنا لن تقوم بمهام قتالية في العراق بعد الآن"
    assert story.parent == host.id
    assert story.id == f"{host.id}/1"
    assert story.body[0].startswith("قال الرئيس الأمريكي جو بايدن")
    assert story.body[-1].endswith("بالوقوف وراءها.")
    assert len(story.body) == 14
    assert host.published == story.published == "2021-07-27"


def test_seed_chrome_is_removed_with_reasons(seed_text: str) -> None:
    host, story = marsad.extract(seed_text, enrich=False)
    removed = {item.text: item.reason for item in host.boilerplate}
    for text, reason in CHROME.items():
        assert removed[text] == reason
    assert removed["أخبارالشرق الأوسط"] == "breadcrumb"
    adblock_lines = [item for item in host.boilerplate if item.text.startswith("نحن نقوم")]
    assert adblock_lines and adblock_lines[0].reason == "adblock"
    body_text = "\n".join(host.body + story.body)
    for text in CHROME:
        assert text not in body_text
    assert "Adblock" not in body_text and "نحن نقوم" not in body_text


def test_seed_ids_are_stable(seed_text: str) -> None:
    first = [record.id for record in marsad.extract(seed_text, enrich=False)]
    second = [record.id for record in marsad.extract(seed_text, enrich=False)]
    assert first == second
    given = marsad.extract(seed_text, id="page-7", enrich=False)
    assert [record.id for record in given] == ["page-7", "page-7/1"]
