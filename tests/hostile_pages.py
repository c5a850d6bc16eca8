"""Pages we wrote for the hostile-input tests: good ones, a long one, a deeply nested one."""

from __future__ import annotations

ARTICLE = (
    "أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في مدينة الطائف بطاقة ثلاثمئة سرير، "
    "وقال المتحدث باسم الوزارة إن المستشفى سيخدم أكثر من نصف مليون نسمة في المحافظة والقرى المجاورة لها."
)
SECOND = (
    "وأضاف المتحدث أن الوزارة تعمل على تجهيز مركزين صحيين آخرين قبل نهاية العام الجاري، "
    "وأن التوظيف في المستشفى الجديد يبدأ الشهر المقبل عبر البوابة الإلكترونية للوزارة."
)

NAMES = ["محمد", "أحمد", "خالد", "سعيد", "علي", "فهد", "ناصر", "سلمان", "يوسف", "عمر"]
CITIES = ["الرياض", "جدة", "القاهرة", "بيروت", "عمان", "الدوحة", "تونس", "بغداد", "دمشق", "الرباط"]


def page_text(number: int) -> str:
    return f"الصحة\n\nافتتاح المستشفى الجديد رقم {number} في الطائف\n\n{ARTICLE}\n\n{SECOND} (الخبر {number})"


def long_page(paragraphs: int) -> str:
    """An article long enough that enriching it takes many seconds: every paragraph different."""
    lines = ["الاقتصاد", "تقرير مطول عن أسواق الحبوب في المنطقة خلال العام"]
    for i in range(paragraphs):
        lines.append(
            f"وقال {NAMES[i % 10]} {NAMES[(i // 10) % 10]} في {CITIES[i % 10]} يوم {i % 28 + 1} مارس 2021 "
            f"إن الشركة باعت {i + 3} آلاف طن من القمح في الفقرة رقم {i} من التقرير، وأضاف أن الأسعار سترتفع."
        )
    return "\n\n".join(lines)


def deep_html(depth: int) -> str:
    return "<html><body>" + "<div>" * depth + f"<p>{ARTICLE}</p>" + "</div>" * depth + "</body></html>"
