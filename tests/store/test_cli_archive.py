"""ingest, search, clusters and export through their click commands, on pages we wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.commands.clusters import clusters_command
from marsad.commands.export import export_command
from marsad.commands.ingest import ingest_command
from marsad.commands.search import search_command

PAGES = {
    "iraq.txt": "وفد حكومي يزور العراق لبحث التعاون\n"
    "وصل وفد حكومي رفيع إلى بغداد صباح الأحد في زيارة رسمية تستمر ثلاثة أيام وتشمل لقاءات مع عدد من المسؤولين.\n"
    "وقال الرئيس في مؤتمر صحفي إن الزيارة تفتح صفحة جديدة في العلاقات مع العراق والدول المجاورة.\n",
    "usa.txt": "الخارجية الأميركية تعلق على المفاوضات الجارية\n"
    "أعلنت وزارة الخارجية الأميركيّة في بيان رسمي أن المفاوضات ستستأنف الأسبوع المقبل في العاصمة.\n"
    "وأضاف المتحدث باسم الوزارة أن واشنطن ترحب بكل جهد يخفف التوتر في المنطقة ويعيد الأطراف إلى الحوار.\n",
}


@pytest.fixture()
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = tmp_path / "archive.db"
    result = CliRunner().invoke(ingest_command, [str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def test_ingest_twice_adds_nothing(archive: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(ingest_command, [str(tmp_path / "pages"), "--db", str(archive)])
    assert result.exit_code == 0
    assert "0 stored" in result.output and "2 unchanged" in result.output


@pytest.mark.parametrize(("query", "title_word"), [("بالعراق", "العراق"), ("الأمريكية", "الخارجية")])
def test_search_json_lines(archive: Path, query: str, title_word: str) -> None:
    result = CliRunner().invoke(search_command, [query, "--db", str(archive), "--json"])
    assert result.exit_code == 0, result.output
    [line] = result.output.splitlines()
    hit = json.loads(line)
    assert {"id", "url", "title", "published", "source", "score", "snippet"} <= set(hit)
    assert title_word in hit["title"]
    assert "<mark>" in hit["snippet"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (['"العراق'], "never closed"),
        (["OR"], "both sides"),
        (["العراق", "--from", "أمس"], "not a date"),
        ([], "give a QUERY"),
    ],
)
def test_search_errors_are_messages_not_tracebacks(archive: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(search_command, [*args, "--db", str(archive)])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output and "sqlite" not in result.output.lower()


def test_search_without_archive_says_how_to_make_one(tmp_path: Path) -> None:
    result = CliRunner().invoke(search_command, ["العراق", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "marsad ingest" in result.output


def test_clusters_lists_nothing_for_distinct_pages(archive: Path) -> None:
    result = CliRunner().invoke(clusters_command, ["--db", str(archive), "--json"])
    assert result.exit_code == 0 and result.output == ""


def test_export_jsonl_of_a_query(archive: Path) -> None:
    result = CliRunner().invoke(export_command, ["--db", str(archive), "--query", "واشنطن"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert len(records) == 1 and "الخارجية" in records[0]["title"]
    assert records[0]["body"] and "entities" in records[0]


def test_export_parquet(archive: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "all.parquet"
    result = CliRunner().invoke(export_command, ["--db", str(archive), "--format", "parquet", "-o", str(out)])
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert table.num_rows == 2
    assert {"id", "title", "body", "entities", "cluster"} <= set(table.column_names)


def test_commands_have_help() -> None:
    for command in (ingest_command, search_command, clusters_command, export_command):
        assert command.help and len(command.help) > 20


@pytest.mark.parametrize("command", [search_command, clusters_command, export_command])
def test_a_file_that_is_not_an_archive_is_a_clear_error(command: object, tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("ليس قاعدة بيانات", encoding="utf-8")
    args = ["العراق"] if command is search_command else []
    result = CliRunner().invoke(command, [*args, "--db", str(bogus)])  # type: ignore[arg-type]
    assert result.exit_code == 1
    assert "cannot open" in result.output and "Traceback" not in result.output


def test_an_unreachable_postgres_is_a_clear_error() -> None:
    result = CliRunner().invoke(search_command, ["العراق", "--db", "postgresql://nobody@127.0.0.1:1/none"])
    assert result.exit_code == 1 and "cannot connect" in result.output


def test_search_lists_a_repeated_story_once_unless_asked_for_every_copy(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    story = PAGES["iraq.txt"]
    # The same wire story on three sites, one with a sentence of its own; and a different story.
    (folder / "a.txt").write_text(story, encoding="utf-8")
    (folder / "b.txt").write_text(story.replace("صباح الأحد", "صباح يوم الأحد"), encoding="utf-8")
    (folder / "c.txt").write_text(story + "وتأتي الزيارة بعد أسابيع من الاتصالات بين الجانبين.\n", encoding="utf-8")
    (folder / "usa.txt").write_text(PAGES["usa.txt"], encoding="utf-8")
    db = str(tmp_path / "a.db")
    assert CliRunner().invoke(ingest_command, [str(folder), "--db", db]).exit_code == 0

    once = CliRunner().invoke(search_command, ["الزيارة", "--db", db])
    assert once.output.count("وفد حكومي يزور العراق") == 1
    assert "+ 2 other copies of this story (cluster " in once.output
    rows = [
        json.loads(line)
        for line in CliRunner().invoke(search_command, ["الزيارة", "--db", db, "--json"]).output.splitlines()
    ]
    assert [row["copies"] for row in rows] == [2]
    every = CliRunner().invoke(search_command, ["الزيارة", "--db", db, "--all-copies"])
    assert every.output.count("وفد حكومي يزور العراق") == 3 and "other cop" not in every.output
    # A limit counts stories: the Iraq story and the US one fill two places.
    both = CliRunner().invoke(search_command, ["في", "--db", db, "--limit", "2", "--json"]).output.splitlines()
    assert len(both) == 2 and len({json.loads(line)["cluster"] for line in both}) == 2


def _enriched_archive(tmp_path: Path) -> str:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "minister.txt").write_text(
        "وزير الصحة يفتتح مستشفى في جدة\n"
        "افتتح وزير الصحة فهد الجلاجل يوم الأحد مستشفى جديدا في مدينة جدة بسعة 300 سرير.\n"
        "وقال الجلاجل في كلمته: “المستشفى الجديد يخدم أكثر من مليون نسمة في المنطقة”.\n"
        "وأكد أن الوزارة ستفتتح مستشفيين آخرين في الرياض قبل نهاية العام.\n",
        encoding="utf-8",
    )
    (folder / "port.txt").write_text(
        "ميناء جدة الإسلامي يسجل رقما قياسيا\n"
        "سجل ميناء جدة الإسلامي رقما قياسيا في عدد الحاويات خلال الربع الأول من العام.\n"
        "وقالت الهيئة العامة للموانئ في بيان إن “الأداء يعكس نمو التجارة عبر البحر الأحمر”.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "news.db")
    assert CliRunner().invoke(ingest_command, [str(folder), "--db", db]).exit_code == 0
    return db


def test_quotes_by_speaker_and_by_text(tmp_path: Path) -> None:
    from marsad.commands.quotes import quotes_command

    db = _enriched_archive(tmp_path)
    by_speaker = CliRunner().invoke(quotes_command, ["--speaker", "الجلاجل", "--db", db, "--json"])
    rows = [json.loads(line) for line in by_speaker.output.splitlines()]
    assert rows and all(row["speaker"] == "فهد الجلاجل" for row in rows)
    assert any("مليون نسمة" in row["text"] for row in rows) and rows[0]["record"]["id"]
    by_text = CliRunner().invoke(quotes_command, ["التجارة", "--db", db])
    assert "«الأداء يعكس نمو التجارة عبر البحر الأحمر»" in by_text.output and "الجلاجل" not in by_text.output
    assert CliRunner().invoke(quotes_command, ["--db", db]).exit_code == 2


def test_entities_most_mentioned_first_by_type_and_name(tmp_path: Path) -> None:
    from marsad.commands.entities import entities_command

    db = _enriched_archive(tmp_path)
    rows = [
        json.loads(line) for line in CliRunner().invoke(entities_command, ["--db", db, "--json"]).output.splitlines()
    ]
    assert rows[0] == {"name": "جدة", "type": "LOC", "records": 2}
    people = CliRunner().invoke(entities_command, ["--type", "per", "--db", db])
    assert "فهد الجلاجل" in people.output and "جدة" not in people.output
    named = CliRunner().invoke(entities_command, ["جلاجل", "--db", db])
    assert "فهد الجلاجل" in named.output
    assert CliRunner().invoke(entities_command, ["--db", str(tmp_path / "none.db")]).exit_code == 2


# A site's own widget that no rule knows: a line on every page of the site, inside the article.
_SITE_LINE = "مكتب التحرير في الرياض يتلقى ملاحظاتكم طوال أيام الأسبوع"
_STATS_PAGE = (
    "أخبارالاقتصاد\n"
    "تراجع التضخم في تقرير الهيئة رقم {number} لهذا الشهر\n"
    "أكدت الهيئة العامة للإحصاء في تقريرها الشهري رقم {number} أن معدل التضخم تراجع في المدن الرئيسية.\n"
    f"{_SITE_LINE}\n"
    "وأوضح التقرير أن أسعار المواد الغذائية والنقل سجلت انخفاضا طفيفا في أغلب المناطق رقم {number}.\n"
)


@pytest.mark.parametrize(("flags", "learned"), [([], True), (["--workers", "2"], True), (["--no-templates"], False)])
def test_ingest_learns_a_sites_own_chrome_like_extract(tmp_path: Path, flags: list[str], learned: bool) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    for number in range(4):
        (folder / f"page{number}.txt").write_text(_STATS_PAGE.format(number=number), encoding="utf-8")
    db = str(tmp_path / "a.db")
    result = CliRunner().invoke(ingest_command, [str(folder), "--db", db, "--no-enrich", *flags])
    assert result.exit_code == 0, result.output
    exported = CliRunner().invoke(export_command, ["--db", db])
    records = [json.loads(line) for line in exported.output.splitlines() if line.startswith("{")]
    assert len(records) == 4
    for record in records:
        assert len(record["body"]) == 3 - learned
        assert (_SITE_LINE in record["body"]) != learned
        assert ({"text": _SITE_LINE, "reason": "template"} in record["boilerplate"]) == learned
