"""A dump's own field names mapped onto ours (`--field published=date_extracted`), on a
SaudiNewsNet-like dump we wrote: its dates and countries reach the records and the archive."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from marsad.commands.extract import extract_command
from marsad.commands.ingest import ingest_command
from marsad.commands.trends import trends_command
from marsad.readers.jsonl import parse_page_line
from marsad.store import open_archive

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


def test_mapped_fields_fill_ours_and_leave_the_rest_as_extra() -> None:
    line = json.dumps(ITEMS[0], ensure_ascii=False).encode()
    plain = parse_page_line(line, "dump.jsonl:1")
    assert plain.published is None and plain.source is None and plain.text  # `content` is a known alias
    page = parse_page_line(line, "dump.jsonl:1", (("published", "date_extracted"), ("source", "country")))
    assert page.published == "2015-08-06 02:51:32" and page.source == "السعودية"
    assert "date_extracted" not in page.extra and "country" not in page.extra
    # A field the line lacks is simply not there.
    missing = parse_page_line(line, "dump.jsonl:1", (("published", "date_published_utc"),))
    assert missing.published is None


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


def test_a_bad_mapping_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(extract_command, [str(_dump(tmp_path)), "--field", "date=date_extracted"])
    assert result.exit_code == 2 and "OURS=THEIRS" in result.output
