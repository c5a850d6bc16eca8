from pathlib import Path

from click.testing import CliRunner

from marsad.commands.tag import tag_command

# Sentences we wrote for this test.
CONLL = """التقى\tO
الرئيس\tO
الفرنسي\tO
إيمانويل\tO
ماكرون\tO
في\tO
باريس\tO
.\tO

وصل\tO
الوفد\tO
إلى\tO
القاهرة\tO
"""


def _rows(output: str) -> list[list[list[str]]]:
    sentences: list[list[list[str]]] = [[]]
    for line in output.splitlines():
        if line:
            sentences[-1].append(line.split("\t"))
        else:
            sentences.append([])
    return sentences


def test_tag_conll_file(tmp_path: Path) -> None:
    path = tmp_path / "in.conll"
    path.write_text(CONLL, encoding="utf-8")
    result = CliRunner().invoke(tag_command, ["--conll", str(path)])
    assert result.exit_code == 0, result.output
    sentences = _rows(result.output)
    assert [len(s) for s in sentences] == [8, 4]
    assert [row[0] for row in sentences[1]] == ["وصل", "الوفد", "إلى", "القاهرة"]
    tags = {row[0]: row[1] for s in sentences for row in s}
    assert all(len(row) == 2 for s in sentences for row in s)
    assert set(tags.values()) <= {"O", *(f"{p}-{t}" for p in "BI" for t in ("PER", "LOC", "ORG", "MISC"))}
    assert tags["باريس"] == "B-LOC"
    assert tags["القاهرة"] == "B-LOC"
    assert tags["ماكرون"].endswith("-PER")


def test_tag_reads_stdin() -> None:
    result = CliRunner().invoke(tag_command, ["--conll", "-"], input="زار\nبيروت\n")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "زار\tO"
    assert result.output.splitlines()[1].startswith("بيروت\t")


def test_tag_help() -> None:
    result = CliRunner().invoke(tag_command, ["--help"])
    assert result.exit_code == 0
    assert "CoNLL" in result.output
