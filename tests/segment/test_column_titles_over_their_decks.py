"""A column's short title over its deck, and an interviewer's byline (issue #16, development batch 89).

Of two headline-like lines side by side, a short upper one over a longer line reads as a kicker
over the headline. On a columnist's page it is the column's title and the longer line its deck:
the deck is written as a sentence of clauses (an Arabic comma, which 21 of 31k SaudiNewsNet
titles hold), or the writer's photo caption, byline or bio stands right over the title. An
interviewer's byline may say where the talk was held (``حاوره في دبي: ...``). The pages are
written for the test.
"""

from __future__ import annotations

import marsad

BODY = """يطرح الكاتب في هذا المقال سؤالاً قديماً عن علاقة المدينة بذاكرة سكانها، ويرى أن الأحياء القديمة تحفظ ما تنساه الخطط الحديثة من تفاصيل الحياة اليومية.
ويضيف أن الحفاظ على البيوت العتيقة ليس ترفاً ثقافياً بل حاجة اجتماعية، لأن الناس يجدون فيها ما يربطهم بمن سبقهم من أهل المكان.
"""

COMMA_DECK = f"""الرئيسية | محليات | ثقافة | آراء
آراء
ذاكرة المدن القديمة
حين تهدم الجرافات بيتاً قديماً، يسقط معه فصل كامل من حكاية الحي وأهله
نشر في: 12/08/2015 - 07:10 ص
حجم الخط: A+ | A-
{BODY}"""

UNDER_THE_WRITER = f"""الرئيسية | محليات | ثقافة | آراء
أعمدة
سالم الهاشمي
صورة الكاتب: سالم الهاشمي
ذاكرة المدن القديمة
تأمل في ما تحفظه الأحياء القديمة وما تنساه الخطط الحديثة من تفاصيل الحياة
نشر في: 12/08/2015 - 07:10 ص
حجم الخط: A+ | A-
{BODY}"""

KICKER = """الرئيسية | محليات | رياضة | اقتصاد
رياضة
كأس السوبر 2015
الهلال يختبر جاهزيته أمام العين الإماراتي في معسكر النمسا
نشر في: 12/08/2015 - 07:10 ص
حجم الخط: A+ | A-
يخوض الفريق الأول لكرة القدم بنادي الهلال مساء اليوم مباراة ودية أمام فريق العين الإماراتي ضمن برنامج معسكره الإعدادي في النمسا.
ويسعى الجهاز الفني من خلال المباراة إلى الوقوف على جاهزية اللاعبين قبل انطلاق الموسم الجديد.
"""

INTERVIEW = """الرئيسية | العراق | حوارات | تقارير
حوارات
وزير الزراعة لـ «النهرين»: خطة لزيادة إنتاج القمح خلال خمس سنوات
حاوره في بغداد: ماجد الراوي
25/07/2015 02:00 | مشاهدات: 4,811
أكد وزير الزراعة أن الوزارة وضعت خطة لزيادة إنتاج القمح خلال السنوات الخمس المقبلة، تعتمد على توسيع المساحات المزروعة ودعم الفلاحين بالبذور المحسنة.
وأضاف أن الخطة تشمل أيضاً تحديث شبكات الري في المحافظات الجنوبية التي تعاني من شح المياه منذ سنوات.
"""


def test_a_short_title_over_a_deck_of_clauses_is_the_title() -> None:
    record = marsad.extract(COMMA_DECK, enrich=False)[0]
    assert record.title == "ذاكرة المدن القديمة"
    assert record.body[0].startswith("يطرح الكاتب")


def test_a_short_title_under_its_writer_is_the_title() -> None:
    record = marsad.extract(UNDER_THE_WRITER, enrich=False)[0]
    assert record.title == "ذاكرة المدن القديمة"


def test_a_kicker_over_a_headline_still_gives_the_headline() -> None:
    record = marsad.extract(KICKER, enrich=False)[0]
    assert record.title == "الهلال يختبر جاهزيته أمام العين الإماراتي في معسكر النمسا"


def test_an_interviewer_byline_with_the_place_is_a_byline() -> None:
    record = marsad.extract(INTERVIEW, enrich=False)[0]
    assert ("حاوره في بغداد: ماجد الراوي", "byline") in [(r.text, r.reason) for r in record.boilerplate]
    assert not any("ماجد الراوي" in paragraph for paragraph in record.body)
