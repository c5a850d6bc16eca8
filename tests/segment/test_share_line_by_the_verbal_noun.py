"""A share button written with the verbal noun (``مشاركة عبر واتساب``) is chrome like ``شارك عبر
واتساب``; read as a short headline it took the headline's place and the deck became the title.
The page is written for the test."""

from __future__ import annotations

import marsad

PAGE = """الرئيسية | لبنان | رياضة
رياضة
ازارنكا وبتروفا الى الدور الثالث
من بطولة فلاشينغ ميدوز لكرة المضرب
الخميس 30 آب 2012 | 11:20
المصدر: وكالات
مشاركة عبر واتساب
تأهلت لاعبة التنس البيلاروسية الأولى عالميا الى الدور الثالث من البطولة الأمريكية المفتوحة بعد فوزها السهل على منافستها الاسبانية في مجموعتين.
وبلغت الروسية الدور ذاته بفوزها على الرومانية بمجموعتين نظيفتين، فيما تأهلت الصينية بفوزها على السلوفاكية في ثلاث مجموعات.
"""


def test_a_share_line_with_the_verbal_noun_is_chrome_and_the_headline_stays_the_title() -> None:
    record = marsad.extract(PAGE, enrich=False)[0]
    assert record.title == "ازارنكا وبتروفا الى الدور الثالث"
    assert ("مشاركة عبر واتساب", "share_widget") in [(r.text, r.reason) for r in record.boilerplate]
    assert record.body[0].startswith("تأهلت لاعبة التنس")
