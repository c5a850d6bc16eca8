from typing import Any

import pytest

from marsad.enrich.ner.spans import link_short_forms, sentences_of, spans_from_tags
from marsad.enrich.ner.tokens import tokenize


def _spans(paragraph: str, tags: list[str]) -> list[dict[str, Any]]:
    tokens = tokenize(paragraph)
    assert len(tokens) == len(tags)
    return spans_from_tags(paragraph, tokens, tags, 0)


@pytest.mark.parametrize(
    ("paragraph", "tags", "text", "canonical"),
    [
        ("وصل الوفد بالعراق أمس", ["O", "O", "B-LOC", "O"], "العراق", "العراق"),
        ("عاد والعراق مستقر", ["O", "B-LOC", "O"], "العراق", "العراق"),
        ("دعم للعراق", ["O", "B-LOC"], "لعراق", "العراق"),
        ("بيان للأمم المتحدة", ["O", "B-ORG", "I-ORG"], "لأمم المتحدة", "الأمم المتحدة"),
        ("زار العراق", ["O", "B-LOC"], "العراق", "العراق"),
        ("قال سامي نادر", ["O", "B-PER", "I-PER"], "سامي نادر", "سامي نادر"),
    ],
)
def test_clitics_stay_outside_the_span(paragraph: str, tags: list[str], text: str, canonical: str) -> None:
    (span,) = _spans(paragraph, tags)
    assert span["text"] == text
    assert paragraph[span["start"] : span["end"]] == text
    assert span["canonical"] == canonical


def _span(text: str, kind: str, paragraph: int = 0) -> dict[str, Any]:
    return {"text": text, "type": kind, "canonical": text, "paragraph": paragraph, "start": 0, "end": 9}


def test_short_forms_link_to_the_fullest_name() -> None:
    spans = [
        _span("سامي نادر الحلبي", "PER"),
        _span("الحلبي", "PER", 1),
        _span("نادر الحلبي", "PER", 2),
        _span("هدى", "PER", 2),
        _span("حلب", "LOC", 3),
    ]
    linked = link_short_forms(spans)
    assert [s["canonical"] for s in linked] == [
        "سامي نادر الحلبي",
        "سامي نادر الحلبي",
        "سامي نادر الحلبي",
        "هدى",
        "حلب",
    ]


def test_linking_folds_spelling_variants() -> None:
    linked = link_short_forms([_span("أحمد زكي", "PER"), _span("احمد", "PER")])
    assert linked[1]["canonical"] == "أحمد زكي"


def test_a_name_written_with_and_without_the_space_after_abd_is_one_name() -> None:
    spans = [
        _span("عبد الله النفيسي", "PER"),
        _span("عبدالله النفيسي", "PER", 1),
        _span("أبوبكر البغدادي", "PER", 2),
        _span("أبو بكر البغدادي", "PER", 3),
        _span("عبدالله", "PER", 4),
    ]
    assert [s["canonical"] for s in link_short_forms(spans)] == [
        "عبد الله النفيسي",
        "عبد الله النفيسي",
        "أبوبكر البغدادي",
        "أبوبكر البغدادي",
        "عبد الله النفيسي",
    ]


def test_a_fathers_name_after_bin_is_another_person() -> None:
    spans = [_span("فيصل بن عبدالعزيز", "PER"), _span("عبد العزيز", "PER", 1), _span("فيصل", "PER", 2)]
    assert [s["canonical"] for s in link_short_forms(spans)] == ["فيصل بن عبدالعزيز", "عبد العزيز", "فيصل بن عبدالعزيز"]


def test_a_name_gets_its_majority_type() -> None:
    linked = link_short_forms([_span("نينوى", "LOC"), _span("نينوى", "LOC"), _span("نينوى", "ORG")])
    assert {s["type"] for s in linked} == {"LOC"}


def test_short_form_does_not_link_across_types() -> None:
    linked = link_short_forms([_span("جامعة حلب", "ORG"), _span("حلب", "LOC")])
    assert linked[1]["canonical"] == "حلب"


def test_sentences_split_at_final_punctuation() -> None:
    runs = sentences_of(tokenize("جاء سامي. ثم ذهب؟ نعم"))
    assert [[t for t, _, _ in run] for run in runs] == [["جاء", "سامي", "."], ["ثم", "ذهب", "؟"], ["نعم"]]


def test_span_keeps_a_name_that_begins_like_proclitics() -> None:
    # A sentence we wrote: a known name that looks like ك + ال..., and و before an unknown one.
    paragraph = "سافر الوفد إلى كاليفورنيا ثم إلى أستراليا وهوبارت"
    tokens = tokenize(paragraph)
    tags = ["O", "O", "O", "B-LOC", "O", "O", "B-LOC", "B-LOC"]
    texts = [span["text"] for span in spans_from_tags(paragraph, tokens, tags, 0)]
    assert texts == ["كاليفورنيا", "أستراليا", "هوبارت"]


@pytest.mark.parametrize(
    ("paragraph", "tags", "text"),
    [
        # a name never opens with a particle (`أين`, `أن`): the و is a foreign name's W
        ("سجل واين روني هدفين", ["O", "B-PER", "I-PER", "O"], "واين روني"),
        ("قال وان نور ميتساميولي", ["O", "B-PER", "I-PER", "I-PER"], "وان نور ميتساميولي"),
        # ... and a given name after و still loses it
        ("قال ووليد محمد", ["O", "B-PER", "I-PER"], "وليد محمد"),
    ],
)
def test_a_foreign_names_w_is_no_conjunction_before_a_particle(paragraph: str, tags: list[str], text: str) -> None:
    (span,) = _spans(paragraph, tags)
    assert span["text"] == text
