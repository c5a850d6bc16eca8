"""A dump's own field names mapped onto ours (`--field published=date_extracted`, a mapping
file, or recognized by themselves), on dumps we wrote in the layouts of SaudiNewsNet, the Arabic
newspapers corpus and datatrove: dates, sources and categories reach the records and the archive."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from click.testing import CliRunner

from marsad.commands.extract import extract_command
from marsad.commands.ingest import ingest_command
from marsad.commands.trends import trends_command
from marsad.errors import InputError
from marsad.readers.jsonl import parse_page_line
from marsad.store import open_archive
from terminal import stderr_on_terminal

ITEMS = [
    {
        "url": "https://akhbar.example/2015/08/06/rain",
        "date_extracted": "2015-08-06 02:51:32",
        "country": "السعودية",
        "title": "أمطار غزيرة على جازان وتحذيرات من السيول",
        "content": "شهدت منطقة جازان مساء أمس أمطارا غزيرة تسببت في جريان الأودية، ودعا الدفاع المدني "
        "السكان إلى الابتعاد عن مجاري السيول وعدم المجازفة بعبورها.",
    },
    {
        "url": "https://sahil.example/news/9912",
        "date_extracted": "2015-08-07 10:15:00",
        "country": "السعودية",
        "title": "الدفاع المدني يحذر من السيول في جازان",
        "content": "حذر الدفاع المدني في منطقة جازان من جريان السيول بعد الأمطار الغزيرة التي شهدتها المنطقة، "
        "ودعا إلى متابعة النشرات الجوية والابتعاد عن الأودية.",
    },
]


def _dump(folder: Path) -> Path:
    path = folder / "dump.jsonl"
    path.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in ITEMS), encoding="utf-8")
    return path


def _line(item: dict[str, object]) -> bytes:
    return json.dumps(item, ensure_ascii=False).encode()


def test_mapped_fields_fill_ours_and_leave_the_rest_as_extra() -> None:
    line = _line(ITEMS[0])
    page = parse_page_line(line, "dump.jsonl:1", (("published", "date_extracted"), ("source", "country")))
    assert page.published == "2015-08-06T02:51:32" and page.source == "السعودية"
    assert "date_extracted" not in page.extra and "country" not in page.extra
    # A field the user mapped to one the line lacks stays empty: no common name is guessed for it.
    missing = parse_page_line(line, "dump.jsonl:1", (("published", "date_published_utc"),))
    assert missing.published is None


def test_common_dump_layouts_are_recognized_without_a_mapping() -> None:
    saudinewsnet = parse_page_line(_line({**ITEMS[0], "source": "okaz", "author": "جدة - واس"}), "s.jsonl:1")
    assert (saudinewsnet.published, saudinewsnet.source, saudinewsnet.text) == (
        "2015-08-06T02:51:32",
        "okaz",
        ITEMS[0]["content"],
    )
    assert saudinewsnet.extra == {"country": "السعودية", "author": "جدة - واس"}
    # The newspapers corpus: an Arabic category beside an English one, a country and no outlet.
    newspapers = {"id": "QA17", "country": "QA", "category_ar": "رياضة", "category": "sports", "text": "نص الخبر"}
    page = parse_page_line(_line(newspapers), "n.jsonl:1")
    assert (page.source, page.category, page.id) == ("QA", "رياضة", "QA17")
    assert page.extra == {"category_other": "sports"}
    # datatrove and Hugging Face dumps keep the metadata in an object of its own.
    nested = {"text": "نص", "id": "doc-1", "metadata": {"url": "https://akhbar.example/a", "date": "2021-12-31"}}
    page = parse_page_line(_line(nested), "d.jsonl:1")
    assert (page.url, page.published) == ("https://akhbar.example/a", "2021-12-31")
    dotted = parse_page_line(_line(nested), "d.jsonl:1", (("published", "metadata.date"),))
    assert dotted.published == "2021-12-31"


def test_an_empty_or_null_text_is_named_as_the_dump_names_it() -> None:
    for item in ({"content": "   ", "title": "عنوان"}, {"content": None, "title": "عنوان"}):
        try:
            parse_page_line(_line(item), "s.jsonl:4")
        except InputError as error:
            assert str(error) == "s.jsonl:4: empty 'content' field"
        else:
            raise AssertionError("a page without text was read")


def test_dates_in_other_forms_are_read_and_bad_ones_reported_not_stored() -> None:
    warnings: list[InputError] = []
    forms = {
        "2015/08/06": "2015-08-06",
        "06/08/2015 14:05": "2015-08-06T14:05:00",
        "Thu, 06 Aug 2015 02:51:32 GMT": "2015-08-06T02:51:32+00:00",
        "٦ أغسطس ٢٠١٥": "2015-08-06",
        "6 آب 2015": "2015-08-06",
        "26 جويلية 2012": "2012-07-26",
        1438829492: "2015-08-06T02:51:32Z",
    }
    for written, expected in forms.items():
        page = parse_page_line(_line({"text": "نص", "date": written}), "x.jsonl:1", on_warning=warnings.append)
        assert page.published == expected, written
    assert not warnings
    bad = parse_page_line(_line({"text": "نص", "date": "1436ه"}), "x.jsonl:7", on_warning=warnings.append)
    assert bad.published is None and bad.text == "نص"
    assert [str(w) for w in warnings] == ["x.jsonl:7: publication date '1436ه' is not a date; left empty"]


def test_extract_and_ingest_read_the_dump_with_its_names(tmp_path: Path) -> None:
    dump = _dump(tmp_path)
    mapping = ["--field", "published=date_extracted", "--field", "source=country"]
    extracted = CliRunner().invoke(extract_command, [str(dump), "--no-enrich", *mapping])
    assert extracted.exit_code == 0, extracted.output
    records = [json.loads(line) for line in extracted.stdout.splitlines()]
    assert [record["published"] for record in records] == ["2015-08-06T02:51:32", "2015-08-07T10:15:00"]
    assert {record["source"] for record in records} == {"السعودية"}
    db = tmp_path / "archive.db"
    ingested = CliRunner().invoke(ingest_command, [str(dump), "--db", str(db), *mapping])
    assert ingested.exit_code == 0, ingested.output
    with open_archive(str(db)) as archive:
        assert [row[0][:10] for row in archive.fetch("SELECT published FROM records ORDER BY published")] == [
            "2015-08-06",
            "2015-08-07",
        ]
    trends = CliRunner().invoke(trends_command, ["--db", str(db)])
    assert trends.exit_code == 0 and trends.output.startswith("2015-08-07: 1 articles")


def test_a_mapping_file_gives_the_names_and_the_command_line_wins(tmp_path: Path) -> None:
    dump = _dump(tmp_path)
    mapping = tmp_path / "saudinewsnet.toml"
    mapping.write_text('published = "date_extracted"\nsource = "country"\n', encoding="utf-8")
    result = CliRunner().invoke(extract_command, [str(dump), "--no-enrich", "--field-map", str(mapping)])
    assert result.exit_code == 0, result.output
    assert {json.loads(line)["source"] for line in result.stdout.splitlines()} == {"السعودية"}
    overridden = CliRunner().invoke(
        extract_command, [str(dump), "--no-enrich", "--field-map", str(mapping), "--field", "source=url"]
    )
    assert [json.loads(line)["source"] for line in overridden.stdout.splitlines()] == [item["url"] for item in ITEMS]


def test_a_bad_mapping_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(extract_command, [str(_dump(tmp_path)), "--field", "date=date_extracted"])
    assert result.exit_code == 2 and "OURS=THEIRS" in result.output
    broken = tmp_path / "map.toml"
    broken.write_text("published = [1, 2]\n", encoding="utf-8")
    result = CliRunner().invoke(extract_command, [str(_dump(tmp_path)), "--field-map", str(broken)])
    assert result.exit_code == 2 and "map.toml" in result.output


def test_progress_counts_skipped_lines_and_prints_warnings_above_the_bar(tmp_path: Path) -> None:
    dump = tmp_path / "mixed.jsonl"
    lines = [json.dumps(ITEMS[0], ensure_ascii=False), "{not json", json.dumps({**ITEMS[1], "date_extracted": "أمس"})]
    dump.write_text("\n".join(lines * 2) + "\n", encoding="utf-8")
    code, shown = stderr_on_terminal(
        [sys.executable, "-m", "marsad", "ingest", str(dump), "--no-enrich", "--db", str(tmp_path / "a.db")]
    )
    assert code == 0, shown
    assert "6/6" in shown  # two bad lines did not stop the bar short of its end
    assert "mixed.jsonl:3: publication date 'أمس' is not a date; left empty" in shown
    # A message takes a line of its own: never glued after the bar's text on its line.
    for line in shown.replace("\r", "\n").splitlines():
        if "is not a date" in line or "skipped" in line:
            assert line.startswith("marsad:"), line


def test_ingest_stores_the_sources_display_names(tmp_path: Path) -> None:
    names = tmp_path / "names.toml"
    names.write_text('"akhbar.example" = "أخبار"\n', encoding="utf-8")
    db = tmp_path / "archive.db"
    result = CliRunner().invoke(ingest_command, [str(_dump(tmp_path)), "--db", str(db), "--source-names", str(names)])
    assert result.exit_code == 0, result.output
    with open_archive(str(db)) as archive:
        assert archive.fetch("SELECT name, display FROM source_names") == [("akhbar.example", "أخبار")]
    names.write_text("akhbar = 3\n", encoding="utf-8")
    refused = CliRunner().invoke(ingest_command, [str(_dump(tmp_path)), "--db", str(db), "--source-names", str(names)])
    assert refused.exit_code == 2 and "names.toml" in refused.output


def test_marsad_run_reads_the_dump_with_a_mapping_file(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from marsad.commands.run import run_command

    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({**ITEMS[0], "when": "06/08/2015"}, ensure_ascii=False) + "\n", encoding="utf-8")
    mapping = tmp_path / "map.toml"
    mapping.write_text('published = "when"\n', encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(run_command, [str(dump), "--out", str(out), "--no-enrich", "--field-map", str(mapping)])
    assert result.exit_code == 0, result.output
    [shard] = list(out.glob("*.parquet"))
    assert pq.read_table(shard).column("published").to_pylist() == ["2015-08-06"]
